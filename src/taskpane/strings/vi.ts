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

  roundTripsShort: (reads: number, writes: number) => `${reads} lượt đọc, ${writes} lượt ghi`,

  exportTitle: 'Xuất kết quả',
  exportHint: 'Dùng kết quả lần chấm gần nhất (và so sánh năm trước, nếu đã chọn tệp).',
  settingsTitle: 'Thông tin cho dự thảo quyết định',
  settingsHint: 'Giữ nguyên trong phiên làm việc này. Ô để trống dùng giá trị mặc định.',
  settings: {
    province: 'Tỉnh',
    year: 'Năm đánh giá',
    yearHint: (year: number) => `Mặc định ${year}, theo tiêu đề trang tổng hợp (nếu không có: năm trước).`,
    yearInvalid: 'Năm đánh giá phải là số có 4 chữ số, ví dụ 2018.',
    decisionNumber: 'Số quyết định',
    decisionNumberHint: 'Để trống để văn thư điền sau ("…/QĐ-UBND").',
    committee: 'Cơ quan ban hành',
    department: 'Cơ quan đề xuất',
  },
  writeRanking: 'Ghi trang Xếp hạng',
  rankingWritten: (sheet: string, trips: string) => `Đã ghi trang "${sheet}" (${trips} với Excel).`,
  downloadDocx: 'Tải dự thảo quyết định (.docx)',
  downloadCsv: 'Tải bảng xếp hạng CSV',
  downloadJson: 'Tải bảng xếp hạng JSON',
  preparingDocx: 'Đang tạo dự thảo quyết định…',
  downloaded: (file: string) => `Đã tạo tệp "${file}"; tệp nằm trong thư mục tải xuống của trình duyệt.`,
  downloadFailed: (file: string, detail: string) => `Không tạo được tệp "${file}" (${detail}).`,
  partFailed: (part: string, detail: string) =>
    `Không tải được phần ${part} của add-in (${detail}). Hãy kiểm tra kết nối mạng rồi thử lại.`,
  parts: { docx: 'tạo tệp Word', xlsx: 'đọc tệp Excel' },
  summaryParagraphTitle: 'Đoạn tóm tắt cho dự thảo',
  copy: 'Sao chép đoạn tóm tắt',
  copied: 'Đã sao chép đoạn tóm tắt.',
  copyFailed: 'Không sao chép được: hãy bôi đen đoạn tóm tắt rồi nhấn Ctrl+C.',

  appraisalTitle: 'Thẩm định',
  appraisalHint:
    'Chọn ô số liệu của một đơn vị trên trang tổng hợp rồi bấm "Lấy ô đang chọn". Ô đơn vị đã nhập không bị sửa: số liệu thẩm định được ghi thành một dòng trên trang "Thẩm định" và dùng khi chấm.',
  useSelection: 'Lấy ô đang chọn',
  noCellYet: 'Chưa lấy ô số liệu nào.',
  cell: {
    unit: 'Đơn vị',
    input: 'Chỉ số',
    reported: 'Số liệu báo cáo',
    address: 'Ô',
    blank: '(trống)',
  },
  notInputCell: (address: string, sheet: string, scored: string) =>
    `Ô ${address} trên trang "${sheet}" không phải ô số liệu của đơn vị nào. Hãy chọn một ô trong các cột chỉ số (R1a…K8) trên trang "${scored}".`,
  missingUnitCell: (unit: string) => `${unit} không gửi báo cáo nên không thẩm định được.`,
  verified: 'Số liệu thẩm định',
  reason: 'Lý do',
  reviewer: 'Người thẩm định',
  reviewerHint: 'Được nhớ trong phiên làm việc này.',
  date: 'Ngày thẩm định',
  submitAppraisal: 'Ghi thẩm định và chấm lại',
  why: {
    cell: 'Hãy lấy một ô số liệu trước.',
    verified: 'Hãy nhập số liệu thẩm định.',
    reason: 'Hãy nhập lý do: lý do là bắt buộc.',
    date: 'Hãy nhập ngày thẩm định.',
    invalid: (message: string) => `Số liệu thẩm định chưa hợp lệ — ${message}`,
  },
  appended: (row: number, sheet: string, unit: string, trips: string) =>
    `Đã thêm dòng ${row} vào trang "${sheet}" cho ${unit} (${trips} với Excel), rồi chấm lại.`,
  newTotal: (unit: string, total: string, self: string) => `Tổng điểm của ${unit} sau thẩm định: ${total} (tự chấm: ${self}).`,
  notScoredTotal: (unit: string, status: string) => `${unit} sau thẩm định: ${status}.`,
  appraisalIssuesTitle: 'Vấn đề trên trang Thẩm định',
  appraisalIssuesHint: 'Những dòng này không được dùng khi chấm. Bấm để chọn ô đó.',
  correctionsTitle: 'Số liệu đã thẩm định',
  correctionsNone: 'Chưa có số liệu thẩm định nào được dùng.',
  correction: (code: string, reported: string, verified: string) => `${code}: ${reported} → ${verified}`,
  correctionTotals: (total: string, self: string) => `tổng điểm ${total} (tự chấm ${self})`,

  previousTitle: 'So sánh năm trước',
  previousHint:
    'Chọn kết quả năm trước: tệp RESULT.json của dòng lệnh (cqdt score --json) hoặc bảng tính năm trước đã chấm (.xlsx). Trang Xếp hạng, dự thảo và đoạn tóm tắt có thêm tổng điểm năm trước và mức thay đổi.',
  previousChoose: 'Chọn tệp năm trước…',
  previousDrop: 'Bỏ so sánh',
  previousReading: (file: string) => `Đang đọc "${file}"…`,
  previousLoaded: (file: string, year: number | null) => `Đã đọc kết quả năm trước từ "${file}"${year ? ` (năm ${year})` : ''}.`,
  previousRankingJson: (file: string) =>
    `"${file}" là bảng xếp hạng JSON tải từ ngăn này, không đủ số liệu để so sánh. Hãy chọn RESULT.json của dòng lệnh (cqdt score --json) hoặc bảng tính năm trước đã chấm (.xlsx).`,
  previousNotJson: (file: string, detail: string) => `"${file}" không phải JSON hợp lệ (${detail}).`,
  previousWrongType: (file: string) => `"${file}" không phải tệp .json hay .xlsx: hãy chọn RESULT.json hoặc bảng tính năm trước.`,
  previousReadFailed: (file: string) => `Không đọc được tệp "${file}".`,
  previousSource: (file: string, year: number | null) => `Năm trước: ${file}${year ? ` (năm ${year})` : ''}`,
  matched: (n: number, total: number) => `Đối chiếu được ${n}/${total} đơn vị năm nay.`,
  moves: { category: 'Hạng mục', up: 'Lên mức', down: 'Xuống mức' },
  movesCaption: (tier: string) => `${tier}: số đơn vị lên, xuống mức so với năm trước`,
  unmatchedCurrent: (n: number) => `Năm nay không đối chiếu được (${n})`,
  unmatchedPrevious: (n: number) => `Năm trước không có trong bảng năm nay (${n})`,
  unmatchedNone: 'Mọi đơn vị đều đối chiếu được với năm trước.',

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
    rankingSheetRenamed: (staffSheet: string, used: string) =>
      `Tệp đã có trang "${staffSheet}" do cán bộ lập nên trang đó được giữ nguyên; bảng xếp hạng được ghi vào trang "${used}".`,
    pageLayoutUnsupported:
      'Phiên bản Excel này chưa cho add-in đặt trang in (cần ExcelApi 1.9): trong Bố trí Trang, hãy chọn khổ A4 nằm ngang, vừa 1 trang theo chiều ngang và lặp lại dòng tiêu đề bảng.',
    appraisalHeaderMissing: (sheet: string) =>
      `Trang "${sheet}" không có dòng tiêu đề với các cột "Tên đơn vị", "Mã chỉ số" và "Số liệu thẩm định", nên không thêm được dòng thẩm định. Hãy thêm dòng tiêu đề hoặc đổi tên trang đó; chưa có gì được ghi.`,
    appraisalColumnsMissing: (sheet: string, titles: string[]) =>
      `Trang "${sheet}" thiếu cột ${titles.map((t) => `"${t}"`).join(', ')} ở dòng tiêu đề. Hãy thêm các cột đó rồi ghi lại; chưa có gì được ghi.`,
    appraisalSheetProtected: (sheet: string) =>
      `Trang "${sheet}" đang được bảo vệ nên không thêm được dòng thẩm định. Hãy bỏ bảo vệ rồi ghi lại; chưa có gì bị thay đổi.`,
  } satisfies GatewayMessages,
};

export type Strings = typeof vi;
