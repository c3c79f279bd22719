/**
 * Every sentence the add-in shows, in Vietnamese (the default). en.ts has the same shape.
 */
import type { GatewayMessages } from '../../workbook/gateway';

export const vi = {
  lang: 'vi' as 'vi' | 'en',
  appTitle: 'Chấm điểm CQĐT',
  appSubtitle: 'Chấm điểm mức độ Chính quyền điện tử từ bảng tổng hợp',

  notInExcel:
    'Hãy mở add-in này trong Excel (thẻ Trang đầu › nhóm Chấm điểm CQĐT › Mở ngăn chấm điểm). Ngoài Excel không có bảng tính nào để chấm.',
  loading: 'Đang đọc bảng tính…',
  refresh: 'Đọc lại bảng tính',

  sheetLabel: 'Trang sẽ chấm',
  sheetNone: 'Chưa tìm được trang để chấm',
  activeSheetNote: (active: string) => `Trang đang mở: "${active}"`,
  emptySheetTitle: 'Trang đang mở chưa có dữ liệu',

  rubricLabel: 'Bộ tiêu chí',
  rubricSource: {
    builtin: 'Bộ tiêu chí mặc định',
    sheet: 'Trang "Tiêu chí" trong tệp',
    file: 'Tệp JSON đã nhập',
  },
  rubricImport: 'Nhập bộ tiêu chí từ tệp JSON…',
  rubricImportHint: 'Bộ tiêu chí nhập từ tệp được dùng thay cho trang "Tiêu chí" và bộ mặc định, đến khi bỏ.',
  rubricDrop: 'Bỏ tệp đã nhập',
  rubricImported: (file: string) => `Đã nhập bộ tiêu chí từ "${file}".`,
  rubricReadFailed: (file: string) => `Không đọc được tệp "${file}".`,
  writeRubric: 'Ghi bộ tiêu chí mặc định ra trang "Tiêu chí"',
  writeRubricHint: 'Tạo trang "Tiêu chí" để cán bộ sửa; từ đó lần chấm sau dùng trang này.',
  rubricWritten: (sheet: string) => `Đã tạo trang "${sheet}". Sửa trên trang rồi bấm Chấm điểm để dùng bộ tiêu chí mới.`,

  score: 'Chấm điểm',
  scoring: 'Đang chấm điểm…',
  scoredAt: (sheet: string, units: number) => `Đã chấm trang "${sheet}": ${units} đơn vị.`,
  roundTrips: (reads: number, writes: number) => `${reads} lượt đọc, ${writes} lượt ghi với Excel`,

  summaryTitle: 'Kết quả theo cấp',
  counts: {
    units: 'Số đơn vị',
    scored: 'Đã chấm',
    error: 'Cần sửa',
    missing: 'Không gửi báo cáo',
    notRanked: (category: string) => `Không xếp hạng ${category}`,
  },
  levelChartTitle: (category: string) => `Phân bố mức – ${category}`,
  levelChartLabel: (category: string, parts: string) => `Phân bố mức hạng mục ${category}: ${parts}`,
  levelName: (level: number) => `Mức ${level}`,
  notRankedShort: 'KXH',
  notRankedLong: 'Không xếp hạng',

  filtersTitle: 'Lọc trên trang tính',
  filters: {
    all: 'Tất cả',
    attention: 'Cần chú ý',
    missing: 'Không gửi báo cáo',
    notRanked: 'Không xếp hạng',
    errors: 'Có lỗi',
  },
  filterApplied: (name: string) => `Đã lọc: ${name}.`,

  problemsTitle: 'Vấn đề theo đơn vị',
  problemsHint: 'Bấm vào một vấn đề để chọn ô đó trên trang tính.',
  problemsNone: 'Không có vấn đề nào cần xử lý.',
  problemsCount: (units: number, issues: number) => `${units} đơn vị, ${issues} vấn đề`,
  unitRow: (row: number) => `dòng ${row}`,
  unitNoRow: 'không có dòng trên trang',
  missingUnit: 'Không gửi báo cáo',
  showMore: (n: number) => `Xem thêm ${n} đơn vị`,
  severity: { error: 'Lỗi', warning: 'Lưu ý' },
  status: { scored: 'Đã chấm', error: 'Cần sửa', missing: 'Không gửi báo cáo' },

  tiers: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã', unknown: 'Chưa xác định cấp' },
  dismiss: 'Đóng thông báo',
  noticesTitle: 'Lưu ý',

  command: {
    failedTitle: 'Chưa chấm được',
    close: 'Đóng',
  },

  gateway: {
    excelFailed: (detail: string) =>
      `Excel báo lỗi khi làm việc với bảng tính: ${detail}. Hãy thử lại; nếu vẫn lỗi, lưu tệp, mở lại rồi chấm.`,
    emptySheet: (sheet: string) =>
      `Trang "${sheet}" chưa có dữ liệu, và không trang nào khác có bảng tổng hợp (dòng tiêu đề có "Tên đơn vị" và các cột R1a…K8). Hãy mở trang có bảng tổng hợp rồi chấm.`,
    sheetProtected: (sheet: string) =>
      `Trang "${sheet}" đang được bảo vệ (Xem lại › Bảo vệ Trang tính), nên không ghi được kết quả. Hãy bỏ bảo vệ rồi chấm lại; chưa có gì bị thay đổi.`,
    notScoredYet: 'Bảng tính chưa được chấm: hãy bấm Chấm điểm trước khi lọc.',
    blockColumnMissing: (title: string) => `Không thấy cột "${title}" trong vùng kết quả. Hãy chấm lại rồi lọc.`,
    filterUnsupported:
      'Phiên bản Excel này chưa cho add-in đặt bộ lọc (cần ExcelApi 1.9). Hãy dùng Dữ liệu › Bộ lọc trên cột "Cần chú ý" hoặc "Trạng thái".',
    rubricSheetExists: (sheet: string) =>
      `Tệp đã có trang "${sheet}", nên không ghi đè. Muốn ghi lại bộ tiêu chí mặc định, hãy đổi tên hoặc xoá trang đó trước.`,
    selectFailed: (sheet: string, address: string) => `Không chọn được ô ${address} trên trang "${sheet}"`,
    notesUnsupported:
      'Phiên bản Excel này chưa cho add-in ghi chú (note) vào ô (cần ExcelApi 1.18): nội dung lỗi được ghi ở cột Ghi chú và trong ngăn này.',
    autoFilterUnsupported:
      'Phiên bản Excel này chưa cho add-in đặt bộ lọc tự động (cần ExcelApi 1.9): hãy dùng Dữ liệu › Bộ lọc.',
    autoFilterTable: 'Trang có Bảng (Table) của Excel nên add-in không đặt bộ lọc tự động: hãy dùng bộ lọc của Bảng.',
    mergesUnsupported:
      'Phiên bản Excel này chưa cho add-in đọc ô gộp (cần ExcelApi 1.13): ô tiêu đề trống được hiểu theo ô ngay phía trên.',
    staffNotesKept: (count: number) =>
      `${count} ô có lỗi đã có ghi chú của cán bộ: giữ nguyên ghi chú đó, nội dung lỗi ghi ở cột Ghi chú và trong ngăn này.`,
    watchFailed: (detail: string) =>
      `Không theo dõi được việc chuyển trang (${detail}): bấm "Đọc lại bảng tính" sau khi chuyển trang.`,
  } satisfies GatewayMessages,
};

export type Strings = typeof vi;
