/**
 * Every sentence the add-in shows, in Vietnamese (the default); en.ts has the same shape. Words
 * are those staff use: no "JSON", "note", requirement sets or Excel's raw error text — technical
 * detail goes behind "Chi tiết kỹ thuật". What is written into the workbook (Ghi chú, notes,
 * "Cần chú ý") is not here: it is the engine's, Vietnamese in every language.
 */
import type { GatewayMessages, InterruptedOwnSheets, InterruptedWrite, ScoreProgress } from '../../workbook/gateway';
import { changeWords, targetWords } from '../../report/stepWords';
import type { CompiledRubric } from '../../rubric/compiled';
import type { StepAdvice } from '../../scoring/nextStep';
import type { IssueWords } from '../issueText';

type BlockPlace = { sheet: string; range: string };
const where = (b: BlockPlace) => `vùng kết quả ${b.range} trên trang "${b.sheet}"`;

const interrupted: Record<InterruptedWrite, (block: BlockPlace) => string> = {
  notWritten: () =>
    'Excel dừng lại trước khi ghi kết quả mới: các ô kết quả vẫn là kết quả lần chấm trước (nếu có), có thể đã mất phần tô màu và ghi chú. Số liệu cán bộ đã nhập không bị thay đổi. Hãy bấm Chấm điểm lần nữa.',
  written: (block) =>
    `Kết quả mới đã được ghi vào ${where(block)}, nhưng Excel dừng lại trước khi định dạng, tô màu và ghi chú xong. Số liệu cán bộ đã nhập không bị thay đổi. Hãy bấm Chấm điểm lần nữa để hoàn tất.`,
  cleared: (block) =>
    `Excel dừng lại giữa lúc ghi nên ${where(block)} chỉ được ghi một phần; add-in đã xoá phần ghi dở để không ai dùng nhầm. Số liệu cán bộ đã nhập không bị thay đổi. Hãy bấm Chấm điểm lần nữa.`,
  unknown: (block) =>
    `Excel dừng lại giữa lúc ghi và không cho kiểm tra đã ghi đến đâu: ${where(block)} có thể chỉ được ghi một phần. Số liệu cán bộ đã nhập không bị thay đổi; vùng này đã được ghi nhận nên lần bấm Chấm điểm sau sẽ ghi lại toàn bộ.`,
};

/** "Xếp hạng", "Lộ trình" and "Tiêu chí còn yếu", with "các trang" before more than one. */
const sheetList = (sheets: string[]) => `${sheets.length > 1 ? 'các trang' : 'trang'} ${sheets.map((s) => `"${s}"`).join(', ')}`;

const ownSheetsInterrupted: Record<InterruptedOwnSheets, (sheets: string[]) => string> = {
  notWritten: (sheets) =>
    `Excel dừng lại trước khi ghi xong ${sheetList(sheets)} nên các trang cũ (nếu có) vẫn giữ nguyên và không có trang dở dang nào. Hãy bấm Ghi các trang kết quả lần nữa.`,
  finished: (sheets) => `Đã ghi ${sheetList(sheets)}.`,
  unknown: (sheets) =>
    `Excel dừng lại giữa lúc ghi ${sheetList(sheets)} và không cho kiểm tra đã ghi đến đâu. Trang cũ chỉ bị thay khi các trang mới đã ghi xong; có thể còn trang có tên kết thúc bằng "(đang ghi)" — lần ghi sau sẽ tự xoá. Hãy bấm Ghi các trang kết quả lần nữa.`,
};

const progress = (p: ScoreProgress, sheet: string | null): string => {
  const part = p.total > 1 ? ` (phần ${Math.min(p.done + 1, p.total)}/${p.total})` : '';
  if (p.stage === 'reading') return `Đang đọc bảng tính${part}…`;
  if (p.stage === 'scoring') return 'Đang chấm điểm…';
  return `Đang ghi kết quả${sheet ? ` vào trang "${sheet}"` : ''}${part}…`;
};

const issueWords: IssueWords = {
  severity: { error: 'Lỗi', warning: 'Lưu ý' },
  // Vietnamese shows the engine's own sentence (the same one written into Ghi chú).
  sentence: null,
};

export const vi = {
  lang: 'vi' as 'vi' | 'en',
  appTitle: 'Chấm điểm CQĐT',

  notInExcel:
    'Hãy mở add-in này trong Excel (thẻ Trang đầu › nhóm Chấm điểm CQĐT › Mở ngăn chấm điểm). Ngoài Excel không có bảng tính nào để chấm.',
  unsupportedOffice:
    'Add-in Chấm điểm CQĐT cần Microsoft 365, Office 2021 trở lên, Excel trên web hoặc Excel cho Mac. Phiên bản Excel này quá cũ để chạy ngăn chấm điểm; hãy nhờ bộ phận CNTT cập nhật Office.',
  loading: 'Đang đọc bảng tính…',
  refresh: 'Đọc lại bảng tính',
  technicalDetails: 'Chi tiết kỹ thuật',

  tabs: {
    score: 'Chấm điểm',
    problems: 'Cần xử lý',
    export: 'Xuất kết quả',
    appraisal: 'Thẩm định',
    rubric: 'Tiêu chí',
  },
  tabsLabel: 'Các phần của ngăn chấm điểm',
  scoreFirst: 'Hãy bấm Chấm điểm (thẻ Chấm điểm) trước; phần này dùng kết quả lần chấm gần nhất.',

  sheetLabel: 'Trang sẽ chấm',
  sheetNone: 'Chưa tìm được trang để chấm',
  activeSheetNote: (active: string) => `Trang đang mở: "${active}"`,
  emptySheetTitle: 'Trang đang mở chưa có dữ liệu',

  rubricLabel: 'Bộ tiêu chí',
  rubricSource: {
    builtin: 'Bộ tiêu chí mặc định',
    sheet: 'Trang "Tiêu chí" trong tệp',
    file: 'Tệp bộ tiêu chí đã nhập',
  },
  rubricTitle: 'Bộ tiêu chí đang dùng',
  rubricImport: 'Nhập bộ tiêu chí từ tệp…',
  rubricImportHint:
    'Tệp bộ tiêu chí do bộ phận CNTT chuẩn bị. Bộ tiêu chí nhập từ tệp được dùng thay cho trang "Tiêu chí" và bộ mặc định, cho đến khi bỏ.',
  rubricDrop: 'Bỏ tệp đã nhập',
  rubricImported: (file: string) => `Đã nhập bộ tiêu chí từ "${file}".`,
  rubricReadFailed: (file: string) => `Không đọc được tệp "${file}".`,
  rubricImportFailed: (file: string) =>
    `Tệp "${file}" không dùng được làm bộ tiêu chí: tệp bị hỏng hoặc có chỗ sai (xem chi tiết). Hãy gửi tệp cho người đã chuẩn bị nó.`,
  builtinRubricLabel: 'Bộ tiêu chí có sẵn',
  writeRubric: 'Ghi bộ tiêu chí đã chọn ra trang "Tiêu chí"',
  writeRubricHint: 'Tạo trang "Tiêu chí" để cán bộ sửa; từ đó các lần chấm sau dùng trang này.',
  rubricWritten: (sheet: string) => `Đã tạo trang "${sheet}". Sửa trên trang rồi bấm Chấm điểm để dùng bộ tiêu chí mới.`,

  score: 'Chấm điểm',
  scoring: 'Đang chấm điểm…',
  progress,
  scoredAt: (sheet: string, units: number) => `Đã chấm trang "${sheet}": ${units} đơn vị.`,
  refreshedFromRibbon: (sheet: string) =>
    `Trang "${sheet}" vừa được chấm bằng nút Chấm điểm trên thanh công cụ: ngăn này đã cập nhật theo kết quả mới.`,
  importLeftForRibbon: (file: string) =>
    `Nút trên thanh công cụ chấm theo bộ tiêu chí của chính tệp này, nên ngăn đã bỏ bộ tiêu chí nhập từ "${file}" (nhập lại ở thẻ Tiêu chí nếu cần).`,
  failedTitle: 'Chưa chấm được',
  interruptedTitle: 'Excel dừng lại giữa chừng',
  noticesTitle: 'Lưu ý',
  sheetIssuesTitle: 'Lưu ý về trang tổng hợp',

  resultTitle: 'Kết quả',
  resultLine: (scored: string, error: string, missing: string) =>
    `${scored} đã chấm, ${error} cần sửa, ${missing} không gửi báo cáo.`,
  scoreHint: 'Kết quả được ghi ngay cạnh số liệu, không sửa ô nào cán bộ đã nhập; các vấn đề cần xử lý hiện ngay dưới nút.',
  firstProblemsTitle: 'Cần xử lý trước',
  allProblems: (n: number) => `Xem cả ${n} đơn vị cần xử lý`,
  noProblems: 'Không có đơn vị nào cần xử lý.',

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
  gradeChartTitle: 'Phân bố xếp loại',
  gradeChartLabel: (parts: string) => `Phân bố xếp loại: ${parts}`,
  levelShort: (level: number) => `M${level}`,
  notRankedShort: 'KXH',
  notRankedLong: 'Không xếp hạng',
  tierUnknown: 'Chưa xác định cấp',

  filtersTitle: 'Lọc trên trang tính',
  filters: {
    all: 'Tất cả',
    attention: 'Cần chú ý',
    missing: 'Không gửi báo cáo',
    notRanked: 'Không xếp hạng',
    errors: 'Có lỗi',
  },
  filterApplied: (name: string) => `Đã lọc trang tính: ${name}.`,

  problemsTitle: 'Vấn đề theo đơn vị',
  problemsHint: 'Bấm vào một vấn đề để chọn ô đó trên trang tính.',
  problemsNone: 'Không có vấn đề nào cần xử lý.',
  problemsCount: (units: number, issues: number) => `${units} đơn vị, ${issues} vấn đề`,
  unitRow: (row: number) => `dòng ${row}`,
  unitNoRow: 'không có dòng trên trang',
  missingUnit: 'Không gửi báo cáo',
  showMore: (n: number) => `Xem thêm ${n} đơn vị`,
  status: { scored: 'Đã chấm', error: 'Cần sửa', missing: 'Không gửi báo cáo' },
  issue: issueWords,

  path: {
    title: 'Lộ trình nâng mức',
    hint: 'Chọn một đơn vị: ngăn chỉ ra những số liệu ít nhất cần thay đổi để đơn vị lên mức (hoặc xếp loại) kế tiếp, các số liệu khác giữ nguyên. Bấm vào ô để chọn ô đó trên trang.',
    unit: 'Đơn vị',
    choose: 'Chọn đơn vị…',
    groups: { notRanked: 'Có hạng mục không xếp hạng', error: 'Cần sửa số liệu', other: 'Các đơn vị khác' },
    where: (tier: string, row: number) => `${tier}, dòng ${row}`,
    now: (what: string, now: string) => `${what} (hiện nay: ${now})`,
    gradeWhat: 'Xếp loại',
    noGrade: 'chưa xếp loại',
    target: targetWords,
    lead: (_target: string): string | null => null,
    tail: (target: string): string | null => `→ ${target}`,
    change: changeWords,
    advice: (_rubric: CompiledRubric, a: StepAdvice) => `Lưu ý: ${a.message}`,
    unreachable: (target: string) => `Chưa thể lên ${target} chỉ bằng các số liệu thay đổi được, kể cả khi đều đạt mức cao nhất.`,
    fixErrors: 'Đơn vị có số liệu sai: sửa các ô có lỗi trước, rồi chấm lại để biết lộ trình lên mức kế tiếp.',
    top: 'Đơn vị đã ở mức cao nhất (hoặc xếp loại cao nhất): không có mức kế tiếp.',
    none: 'Chưa có đơn vị nào được chấm để tính lộ trình.',
  },

  weakest: {
    title: (n: number) => `${n} tiêu chí yếu nhất (bình quân đạt so với điểm tối đa)`,
    criterion: (code: string, name: string) => `${code} – ${name}`,
    under: (under: number, counted: number, levels: boolean) =>
      `${under}/${counted} đơn vị ${levels ? 'dưới mức tối thiểu' : 'dưới một nửa điểm tối đa'}`,
    average: (percent: number) => `bình quân đạt ${percent}%`,
  },

  dismiss: 'Đóng thông báo',

  command: {
    scoredTitle: 'Đã chấm xong',
    failedTitle: 'Chưa chấm được',
    interruptedTitle: 'Excel dừng lại giữa chừng',
    close: 'Đóng',
  },

  exportTitle: 'Xuất kết quả',
  exportHint: 'Dùng kết quả lần chấm gần nhất (và so sánh năm trước, nếu đã chọn tệp).',
  settingsTitle: 'Thông tin cho dự thảo quyết định',
  settingsHint: 'Được lưu cùng tệp Excel này và tự điền lại khi mở ngăn. Ô để trống dùng giá trị mặc định.',
  settingsSaved: 'Đã lưu cùng tệp Excel.',
  settings: {
    province: 'Tỉnh',
    year: 'Năm đánh giá',
    yearHint: (year: number) => `Mặc định ${year}, theo tiêu đề trang tổng hợp (nếu không có: năm trước).`,
    yearInvalid: 'Năm đánh giá phải là số có 4 chữ số, từ 2000 đến 2100, ví dụ 2018.',
    decisionNumber: 'Số quyết định',
    decisionNumberHint: 'Để trống để văn thư điền sau ("…/QĐ-UBND").',
    committee: 'Cơ quan ban hành',
    department: 'Cơ quan đề xuất',
  },
  writeOwnSheets: 'Ghi các trang kết quả',
  ownSheetsHint: (sheets: string[]) =>
    `Tạo hoặc ghi lại ${sheetList(sheets)}. Trang cũ của add-in chỉ bị thay khi trang mới đã ghi xong; trang do cán bộ lập không bị động tới.`,
  sheetsWritten: (sheets: string[]) => `Đã ghi ${sheetList(sheets)}.`,
  downloadDocx: 'Tải dự thảo quyết định (.docx)',
  downloadCsv: 'Tải bảng xếp hạng (.csv, mở bằng Excel)',
  downloadLetters: 'Tải thư kết quả gửi từng đơn vị (.docx)',
  downloadMore: 'Tệp khác',
  downloadJson: 'Tải dữ liệu xếp hạng cho phần mềm khác',
  preparingDocx: 'Đang tạo dự thảo quyết định…',
  preparingLetters: 'Đang tạo thư kết quả…',
  downloaded: (file: string) => `Đã chuyển tệp "${file}" cho trình duyệt tải về (thường vào thư mục Tải xuống).`,
  downloadDesktopHint:
    'Excel cài trên máy có thể chặn tải tệp từ ngăn này: nếu không thấy tệp, hãy mở bảng tính bằng Excel trên web, hoặc nhờ bộ phận CNTT tạo dự thảo bằng dòng lệnh.',
  downloadFailed: (file: string) => `Không tạo được tệp "${file}".`,
  partFailed: (part: string) => `Không tải được phần ${part} của add-in. Hãy kiểm tra kết nối mạng rồi thử lại.`,
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
    `Ô ${address} trên trang "${sheet}" không phải ô số liệu của đơn vị nào. Hãy chọn một ô trong các cột chỉ số trên trang "${scored}".`,
  missingUnitCell: (unit: string) => `${unit} không gửi báo cáo nên không thẩm định được.`,
  verified: 'Số liệu thẩm định',
  reason: 'Lý do',
  reviewer: 'Người thẩm định',
  reviewerHint: 'Được lưu cùng tệp Excel này.',
  date: 'Ngày thẩm định',
  dateHint: 'Ngày/tháng/năm, ví dụ 21/02/2019.',
  submitAppraisal: 'Ghi thẩm định và chấm lại',
  why: {
    cell: 'Hãy lấy một ô số liệu trước.',
    verified: 'Hãy nhập số liệu thẩm định.',
    reason: 'Hãy nhập lý do: lý do là bắt buộc.',
    date: 'Hãy nhập ngày thẩm định theo dạng ngày/tháng/năm, ví dụ 21/02/2019.',
    invalid: (message: string) => `Số liệu thẩm định chưa hợp lệ — ${message}`,
  },
  appended: (row: number, sheet: string, unit: string) => `Đã thêm dòng ${row} vào trang "${sheet}" cho ${unit}, rồi chấm lại.`,
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
    'Chọn kết quả năm trước: bảng tính năm trước đã chấm (.xlsx), hoặc tệp kết quả do dòng lệnh tạo (RESULT.json). Trang Xếp hạng, dự thảo và đoạn tóm tắt có thêm tổng điểm năm trước và mức thay đổi.',
  previousChoose: 'Chọn tệp năm trước…',
  previousDrop: 'Bỏ so sánh',
  previousReading: (file: string) => `Đang đọc "${file}"…`,
  previousLoaded: (file: string, year: number | null) => `Đã đọc kết quả năm trước từ "${file}"${year ? ` (năm ${year})` : ''}.`,
  previousRankingJson: (file: string) =>
    `"${file}" là dữ liệu xếp hạng tải từ ngăn này, không đủ số liệu để so sánh. Hãy chọn bảng tính năm trước đã chấm (.xlsx) hoặc tệp kết quả của dòng lệnh (RESULT.json).`,
  previousNotJson: (file: string) => `Tệp "${file}" bị hỏng hoặc không phải tệp kết quả.`,
  previousWrongType: (file: string) =>
    `"${file}" không phải bảng tính .xlsx hay tệp kết quả .json: hãy chọn bảng tính năm trước đã chấm.`,
  previousReadFailed: (file: string) => `Không đọc được tệp "${file}".`,
  previousSource: (file: string, year: number | null) => `Năm trước: ${file}${year ? ` (năm ${year})` : ''}`,
  matched: (n: number, total: number) => `Đối chiếu được ${n}/${total} đơn vị năm nay.`,
  moves: { category: 'Hạng mục', up: 'Lên mức', down: 'Xuống mức' },
  movesCaption: (tier: string) => `${tier}: số đơn vị lên, xuống mức so với năm trước`,
  unmatchedCurrent: (n: number) => `Năm nay không đối chiếu được (${n})`,
  unmatchedPrevious: (n: number) => `Năm trước không có trong bảng năm nay (${n})`,
  unmatchedNone: 'Mọi đơn vị đều đối chiếu được với năm trước.',

  gateway: {
    officeError: {
      cellEditMode: 'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc trong ô đang sửa rồi thử lại.',
      denied:
        'Excel không cho thay đổi bảng tính: trang hoặc tệp có thể đang được bảo vệ, hoặc đang mở ở chế độ chỉ đọc. Hãy kiểm tra rồi thử lại.',
      busy: 'Excel đang bận hoặc mất kết nối trong giây lát. Hãy đợi một chút rồi thử lại.',
      notFound:
        'Không tìm thấy trang hoặc vùng cần dùng — có thể vừa bị đổi tên hoặc xoá. Hãy bấm "Đọc lại bảng tính" rồi thử lại.',
      exists: 'Trong tệp đã có một trang hoặc một tên trùng với tên add-in cần tạo. Hãy đổi tên trang đó rồi thử lại.',
      tooLarge:
        'Excel trên web không nhận một lần gửi lớn như vậy. Hãy thử lại; nếu vẫn lỗi, hãy mở tệp bằng Excel cài trên máy.',
      unsupported: 'Phiên bản Excel này chưa có chức năng add-in cần. Hãy nhờ bộ phận CNTT cập nhật Office.',
      other: 'Excel báo lỗi khi làm việc với bảng tính. Hãy thử lại; nếu vẫn lỗi, hãy lưu tệp, mở lại rồi thử lại.',
    },
    engineLead: null,
    scoreInterrupted: (state: InterruptedWrite, block: BlockPlace) => interrupted[state](block),
    ownSheetsInterrupted: (state: InterruptedOwnSheets, sheets: string[]) => ownSheetsInterrupted[state](sheets),
    pageSetupFailed:
      'Đã ghi các trang, nhưng Excel không nhận đủ thiết lập trang in. Trong thẻ Bố trí Trang của từng trang, hãy chọn khổ A4 nằm ngang, vừa 1 trang theo chiều ngang và lặp lại dòng tiêu đề bảng.',
    settingsUnavailable: 'Excel không cho lưu thông tin dự thảo cùng tệp: thông tin chỉ được giữ đến khi đóng ngăn.',
    settingsSaveFailed:
      'Chưa lưu được thông tin dự thảo cùng tệp (tệp có thể đang mở chỉ đọc). Thông tin vẫn dùng được cho đến khi đóng ngăn.',
    emptySheet: (sheet: string) =>
      `Trang "${sheet}" chưa có dữ liệu, và không trang nào khác có bảng tổng hợp (dòng tiêu đề có "Tên đơn vị" và các cột số liệu). Hãy mở trang có bảng tổng hợp rồi chấm.`,
    sheetProtected: (sheet: string) =>
      `Trang "${sheet}" đang được bảo vệ (Xem lại › Bảo vệ Trang tính), nên không ghi được kết quả. Hãy bỏ bảo vệ rồi chấm lại; chưa có gì bị thay đổi.`,
    notScoredYet: 'Bảng tính chưa được chấm: hãy bấm Chấm điểm trước khi lọc.',
    blockColumnMissing: (title: string) => `Không thấy cột "${title}" trong vùng kết quả. Hãy chấm lại rồi lọc.`,
    rubricSheetExists: (sheet: string) =>
      `Tệp đã có trang "${sheet}", nên không ghi đè. Muốn ghi lại bộ tiêu chí mặc định, hãy đổi tên hoặc xoá trang đó trước.`,
    selectFailed: (sheet: string, address: string) =>
      `Không chọn được ô ${address} trên trang "${sheet}": có thể trang vừa bị đổi tên hoặc xoá. Hãy bấm Chấm điểm lại.`,
    notesUnsupported: 'Phiên bản Excel này chưa cho add-in ghi chú vào ô: nội dung lỗi được ghi ở cột Ghi chú và trong ngăn này.',
    autoFilterTable: 'Trang có Bảng (Table) của Excel nên add-in không đặt bộ lọc tự động: hãy dùng bộ lọc của Bảng.',
    staffNotesKept: (count: number) =>
      `${count} ô có lỗi đã có ghi chú của cán bộ: giữ nguyên ghi chú đó, nội dung lỗi ghi ở cột Ghi chú và trong ngăn này.`,
    watchFailed: 'Không theo dõi được việc chuyển trang: hãy bấm "Đọc lại bảng tính" sau khi chuyển trang.',
    ownSheetRenamed: (staffSheet: string, used: string) =>
      `Tệp đã có trang "${staffSheet}" do cán bộ lập nên trang đó được giữ nguyên; add-in ghi vào trang "${used}".`,
    appraisalHeaderMissing: (sheet: string) =>
      `Trang "${sheet}" không có dòng tiêu đề với các cột "Tên đơn vị", "Mã chỉ số" và "Số liệu thẩm định", nên không thêm được dòng thẩm định. Hãy thêm dòng tiêu đề hoặc đổi tên trang đó; chưa có gì được ghi.`,
    appraisalColumnsMissing: (sheet: string, titles: string[]) =>
      `Trang "${sheet}" thiếu cột ${titles.map((t) => `"${t}"`).join(', ')} ở dòng tiêu đề. Hãy thêm các cột đó rồi ghi lại; chưa có gì được ghi.`,
    appraisalSheetProtected: (sheet: string) =>
      `Trang "${sheet}" đang được bảo vệ nên không thêm được dòng thẩm định. Hãy bỏ bảo vệ rồi ghi lại; chưa có gì bị thay đổi.`,
  } satisfies GatewayMessages as GatewayMessages,
};

export type Strings = typeof vi;
