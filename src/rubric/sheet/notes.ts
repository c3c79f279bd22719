/**
 * The "GHI CHÚ" section written under the rubric: how to read and edit the sheet, in the
 * department's words (the long version is docs/trang-tieu-chi.md). Ignored when read.
 */
export const RUBRIC_NOTES: string[] = [
  'Trang này là bộ tiêu chí dùng để chấm điểm bảng tổng hợp trong cùng tệp. Sửa trực tiếp các ô rồi bấm chấm điểm lại; nếu có chỗ chưa khớp, thông báo sẽ chỉ rõ ô cần sửa. Muốn dùng lại bộ tiêu chí có sẵn thì đổi tên hoặc xóa trang này.',
  'Các dòng đầu trang: "Ghi chú bộ tiêu chí" không bắt buộc; "Xếp thứ hạng theo" ghi "tổng điểm" hoặc "tỷ lệ (%)" (để trống là tổng điểm); "Nội dung đánh giá" là phần tên quyết định sau chữ "Công bố kết quả"; "Cơ quan chấm điểm" là cơ quan trình quyết định; "Tỉnh" ghi tên tỉnh, không ghi chữ "tỉnh"; "Nơi nhận" ghi mỗi nơi một dòng trong ô (Alt+Enter để xuống dòng). Ba dòng nội dung, cơ quan, tỉnh ghi đủ cả ba hoặc để trống cả ba; các giá trị này là gợi ý cho dự thảo quyết định và vẫn sửa được khi xuất.',
  'CẤP ĐÁNH GIÁ: mỗi dòng một cấp (ví dụ sở, ban, ngành; xã, phường, đặc khu). "Giá trị cột Cấp" là những chữ ghi trong cột "Cấp" của bảng tổng hợp để nhận ra cấp (so cả ô); "Cụm từ dòng mục" là cụm từ mà dòng tiêu đề nhóm đơn vị chứa (ví dụ dòng "I. CÁC SỞ, BAN, NGÀNH"). Mỗi giá trị chỉ thuộc một cấp. Ba cột dòng nhóm chỉ ghi khi đơn vị của cấp được xếp dưới các dòng nhóm (ví dụ xã dưới dòng "Huyện …").',
  'HẠNG MỤC: điểm tối đa của hạng mục ở mỗi cấp phải bằng tổng điểm tối đa các tiêu chí của hạng mục ở cấp đó; để trống ở cấp không có hạng mục. Tên cột "Điểm tối đa …" ghi kèm cách gọi của cấp (như ở phần CẤP ĐÁNH GIÁ).',
  'SỐ LIỆU ĐẦU VÀO: mỗi số liệu là một cột của bảng tổng hợp. Kiểu "số lượng": số không âm; "có/không": Có/Không (hoặc x, 1, 0); "điểm": điểm đơn vị tự chấm; "lựa chọn": đơn vị ghi một trong các phương án liệt kê ở cột "Các phương án", cách nhau bằng dấu ";".',
  'Cách tính "tỷ lệ": số liệu ÷ số liệu tổng × điểm tối đa (ví dụ số máy tính kết nối mạng ÷ tổng số máy tính). Số liệu tổng bằng 0 thì tiêu chí không áp dụng.',
  'Cách tính "tỷ lệ theo ngưỡng": tính tỷ lệ số liệu ÷ số liệu tổng rồi so với các ngưỡng ở cột "Các mức", ví dụ "≥80%: 100%; ≥50%: 50%": đạt từ 80% được cả điểm tối đa, từ 50% được một nửa, dưới 50% được 0.',
  'Cách tính "có/không": có được điểm tối đa, không được 0.',
  'Cách tính "theo mức": điểm của mức cao nhất mà số liệu đạt tới, ghi ở cột "Các mức" từ ngưỡng cao xuống thấp, ví dụ "≥200: 8; ≥100: 6; ≥1: 2"; chưa đạt mức thấp nhất được 0.',
  'Cách tính "so với đơn vị cao nhất": số liệu ÷ số liệu lớn nhất của các đơn vị cùng cấp × điểm tối đa.',
  'Cách tính "điểm tự chấm": đơn vị tự ghi điểm, từ 0 đến điểm tối đa.',
  'Cách tính "lựa chọn": mỗi phương án được một phần trăm của điểm tối đa, ghi ở cột "Điểm theo phương án", ví dụ "Người đứng đầu: 100%; Cấp phó: 50%; Chưa có: 0%". Phải cho điểm đủ mọi phương án của số liệu.',
  'Cách tính "không tính điểm": số liệu chỉ thu thập và kiểm tra, không cộng điểm; ở cột "Điểm tối đa" ghi "không tính điểm" tại cấp có thu thập, để trống tại cấp không thu thập.',
  'Điểm tối đa để trống: cấp đó không dùng tiêu chí. "Cho phép KAD": đơn vị được ghi KAD (không áp dụng) thay cho số liệu; nếu mọi tiêu chí của một hạng mục đều có thể không áp dụng thì điểm tối đa của đơn vị có thể khác nhau, khi đó phải xếp thứ hạng theo tỷ lệ (%).',
  'QUY TẮC KIỂM TRA: mỗi tỷ lệ đã tự kiểm tra tử số không lớn hơn mẫu số; phần này ghi thêm các cặp số liệu khác cần kiểm tra như vậy.',
  'Xếp mức và xếp loại: phần MỨC XẾP HẠNG (cách của năm 2018) xếp mỗi hạng mục vào Mức 1–4 theo tỷ lệ điểm và điểm tối thiểu của từng tiêu chí; phần XẾP LOẠI xếp loại cả đơn vị theo tỷ lệ (%) tổng điểm trên điểm tối đa, ví dụ Tốt từ 90, Khá từ 70, Trung bình từ 50, Yếu từ 0. Bộ tiêu chí có thể có một, cả hai hoặc không có phần nào; xóa cả phần nếu không dùng.',
  'Số thập phân viết với dấu phẩy (4,5). Tỷ lệ ghi số nguyên (90 nghĩa là 90%); ô định dạng phần trăm cũng được hiểu đúng.',
];
