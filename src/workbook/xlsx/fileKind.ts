/**
 * What a file that is not a readable .xlsx actually is, so the message can name it and say what
 * to do (docs/dong-lenh.md): an Excel 97–2003 workbook, a password-protected workbook, a CSV or
 * other text, an OpenDocument spreadsheet, a Word or PowerPoint file, a damaged zip.
 */
const SAVE_AS_XLSX = 'mở bằng Excel rồi Lưu thành (Save As) "Sổ làm việc Excel (*.xlsx)" và chấm tệp .xlsx đó';

export const FILE_KIND_MESSAGES = {
  empty: 'tệp rỗng (0 byte), không có sổ làm việc nào để chấm: hãy chọn đúng tệp .xlsx',
  xls: `đây là sổ làm việc Excel 97–2003 (.xls), không phải .xlsx: ${SAVE_AS_XLSX}`,
  encrypted:
    'sổ làm việc được đặt mật khẩu mở nên không đọc được: mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa trống), lưu lại rồi chấm',
  otherOle: `đây là một tệp Office đời cũ nhưng không phải sổ làm việc Excel: ${SAVE_AS_XLSX}`,
  csv: `đây là tệp văn bản CSV, không phải sổ làm việc .xlsx: ${SAVE_AS_XLSX}`,
  text: `đây là tệp văn bản, không phải sổ làm việc .xlsx: ${SAVE_AS_XLSX}`,
  html: `đây là trang web (HTML) mang đuôi Excel, không phải sổ làm việc .xlsx: ${SAVE_AS_XLSX}`,
  xml2003: `đây là "Bảng tính XML 2003", không phải sổ làm việc .xlsx: ${SAVE_AS_XLSX}`,
  ods: 'đây là bảng tính OpenDocument (.ods): mở bằng LibreOffice Calc hoặc Excel rồi Lưu thành .xlsx và chấm tệp đó',
  docx: 'đây là văn bản Word (.docx), không phải sổ làm việc Excel: hãy chọn đúng tệp .xlsx',
  pptx: 'đây là bản trình chiếu PowerPoint (.pptx), không phải sổ làm việc Excel: hãy chọn đúng tệp .xlsx',
  otherZip: 'đây là tệp nén (zip) nhưng không chứa sổ làm việc Excel: hãy chọn đúng tệp .xlsx',
  damagedZip:
    'tệp .xlsx bị hỏng (phần nén zip không đọc được, có thể tệp chép chưa hết): mở bằng Excel — Excel sẽ đề nghị sửa — rồi Lưu thành tệp mới và chấm tệp đó; hoặc chép lại tệp từ nơi gửi',
  unknown: `không nhận ra định dạng của tệp (không phải .xlsx): ${SAVE_AS_XLSX}`,
} as const;

export type FileKind = keyof typeof FILE_KIND_MESSAGES | 'zip';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Whether the UTF-16LE form of `name` occurs in the bytes (compound-file directory names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let at = 0; at <= bytes.length - pattern.length; at++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[at + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control === 0;
}

/**
 * The kind of file the bytes hold: 'zip' when they should be read as a package (an .xlsx or
 * something else in a zip, told apart later by its parts), otherwise what they are.
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // An encrypted .xlsx is a compound file holding EncryptionInfo and EncryptedPackage streams.
    if (hasUtf16Name(bytes, 'EncryptionInfo') || hasUtf16Name(bytes, 'EncryptedPackage')) return 'encrypted';
    if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return 'xls';
    return 'otherOle';
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (!looksLikeText(bytes)) return 'unknown';
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.includes('<table')) return 'html';
  const firstLines = head.split(/\r?\n/).slice(0, 5);
  if (firstLines.some((l) => /[,;\t]/.test(l))) return 'csv';
  return 'text';
}

/** The package kind told by its parts, for a zip that holds no workbook. */
export function zipKind(names: string[], mimetype: string | null): FileKind {
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (names.some((n) => n === 'content.xml') && mimetype?.startsWith('application/vnd.oasis.opendocument')) return 'otherZip';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return 'otherZip';
}
