/** Sentences the .xlsx gateway says to the user, in one place. */
export const notesWarning =
  'Phần hình vẽ của ghi chú (note) trên trang được chấm không đọc được nên các ghi chú của công cụ chấm không được cập nhật; nội dung lỗi vẫn có ở cột "Ghi chú".';
