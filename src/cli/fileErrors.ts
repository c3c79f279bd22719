/**
 * What the file system said, as one Vietnamese sentence naming the file (docs/dong-lenh.md):
 * permissions, a folder where a file should be, a full or read-only disk, a file held open.
 */
import path from 'node:path';

export type FileAction = 'read' | 'write';

const code = (e: unknown): string => (e as { code?: string })?.code ?? '';

export function fileErrorMessage(e: unknown, file: string, action: FileAction): string {
  const dir = path.dirname(path.resolve(file));
  switch (code(e)) {
    case 'ENOENT':
      return action === 'read' ? `Không có tệp "${file}"` : `Không có thư mục "${dir}" để ghi "${file}"`;
    case 'EACCES':
    case 'EPERM':
      if (action === 'write' && process.platform === 'win32') return openInExcel(file);
      return action === 'read'
        ? `Không có quyền đọc tệp "${file}": hãy xin quyền đọc hoặc chép tệp sang thư mục của mình rồi chạy lại`
        : `Không có quyền ghi "${file}" (thư mục "${dir}" chỉ cho đọc hoặc tệp bị khóa): hãy chọn thư mục khác hoặc xin quyền ghi`;
    case 'EISDIR':
      return `"${file}" là một thư mục, không phải tệp: hãy ghi rõ tên tệp`;
    case 'ENOTDIR':
      return `Đường dẫn "${file}" đi qua một tệp như thể đó là thư mục: hãy kiểm tra lại đường dẫn`;
    case 'ENOSPC':
      return `Ổ đĩa đã đầy nên không ghi được "${file}": hãy giải phóng chỗ trống hoặc ghi sang ổ khác rồi chạy lại`;
    case 'EDQUOT':
      return `Đã hết hạn mức dung lượng nên không ghi được "${file}": hãy giải phóng chỗ trống rồi chạy lại`;
    case 'EROFS':
      return `Ổ đĩa chứa "${file}" chỉ cho đọc: hãy ghi sang thư mục khác`;
    case 'ENAMETOOLONG':
      return `Tên hoặc đường dẫn tệp "${file}" quá dài: hãy đặt tên ngắn hơn`;
    case 'EBUSY':
    case 'ETXTBSY':
      return openInExcel(file);
    case 'EMFILE':
    case 'ENFILE':
      return `Máy đang mở quá nhiều tệp nên không ${action === 'read' ? 'đọc' : 'ghi'} được "${file}": hãy đóng bớt chương trình rồi chạy lại`;
    default:
      return `Không ${action === 'read' ? 'đọc' : 'ghi'} được tệp "${file}" (mã lỗi ${code(e) || 'không rõ'})`;
  }
}

export function openInExcel(file: string): string {
  return `Tệp "${file}" đang mở trong Excel, hãy đóng rồi chạy lại`;
}
