/**
 * MẪU BẢNG TỔNG HỢP CHUYỂN ĐỔI SỐ NĂM 2025 — examples/cds-2025-mau.xlsx
 *
 * Bảng tổng hợp số liệu tự đánh giá chuyển đổi số năm 2025 của một tỉnh sau sắp xếp (Thái Nguyên,
 * không còn cấp huyện), theo bộ tiêu chí mẫu cds-2025-mau, để chấm thử bằng:
 *   npx cqdt score examples/cds-2025-mau.xlsx --rubric cds-2025-mau
 * (bảng không có trang "Tiêu chí": không ghi --rubric thì bộ mặc định bac-kan-2018 được dùng và
 * không tìm thấy các cột số liệu). Cách chấm: docs/cach-cham-diem.md; cách đọc bảng:
 * docs/bang-tong-hop.md.
 *
 * Nội dung:
 * - Trang "Tổng hợp" theo mẫu của Sở: dòng tiêu đề năm 2025, tiêu đề hai dòng (nhóm chỉ số gộp ô,
 *   "mã - tên" từng số liệu), dòng số thứ tự cột, mục "I. SỞ, BAN, NGÀNH" (19 dòng) và
 *   "II. XÃ, PHƯỜNG, ĐẶC KHU" (97 dòng), phần cuối bảng: "Ghi chú: …", dòng ngày tháng, "NGƯỜI
 *   LẬP BIỂU" / "GIÁM ĐỐC" và tên người ký — một phần nằm trong các cột số liệu, không được đọc
 *   thành đơn vị.
 * - Trang "Danh mục đơn vị": 20 sở, ban, ngành và 97 xã, phường (cột "Cấp": sở, ban, ngành, xã,
 *   phường) phải báo cáo.
 * - Số liệu sinh từ bộ số ngẫu nhiên có hạt giống cố định, nên tệp giống nhau mỗi lần tạo; mỗi
 *   đơn vị được rút đến khi điểm dự tính (plannedScore, tính riêng theo định nghĩa của bộ tiêu chí,
 *   không dùng bộ chấm) rơi vào đúng loại đã định: có Tốt, nhiều Khá, có Trung bình, vài Yếu ở cả
 *   hai cấp. Cách gõ như cán bộ gõ: "1.234", "x", "Có"/"Không", ô trống thay cho "Không", "32,5",
 *   phương án viết nhiều kiểu ("Người đứng đầu", "người đứng đầu.", "Cấp phó").
 * - Sở không có thủ tục hành chính: Văn phòng Đoàn ĐBQH và HĐND tỉnh, Ban Quản lý dự án đầu tư xây
 *   dựng tỉnh ghi CQ2a = 0; Báo và Phát thanh, Truyền hình Thái Nguyên ghi "KAD".
 * - 12 sở, ban, ngành không có nhiệm vụ kinh tế số ghi "KAD" ở KT1a, KT1b, KT2, KT3: nhóm "Hoạt
 *   động kinh tế số" không áp dụng, điểm tối đa còn 900, nên xếp hạng theo tỷ lệ %.
 * - Bằng tỷ lệ: Sở Nội vụ (tối đa 900) và Sở Văn hóa, Thể thao và Du lịch (tối đa 1.000) cùng một
 *   tỷ lệ nên cùng thứ hạng; Xã Đại Từ và Xã Phú Lương cũng vậy.
 *
 * Các lỗi cài sẵn (FAULTS; ô trên trang "Tổng hợp"; test/sample-2025.test.ts đối chiếu từng ô):
 * - K22   Sở Y tế, TC3 = 45 điểm, quá tối đa 40: out_of_range;
 * - R18   Sở Xây dựng, NL3 = 27,5, số lượng có phần lẻ: not_integer;
 * - V21   Sở Giáo dục và Đào tạo, AT2 là công thức =SUM(#REF!): formula_error;
 * - AP14  Sở Tư pháp, IF1 = "khoảng 120": not_a_number, nhưng IF1 không tính điểm nên chỉ là
 *         cảnh báo, đơn vị vẫn "Đã chấm";
 * - AQ62  Xã Kha Sơn, IF2 = "Đang xây dựng": not_a_choice, cũng chỉ là cảnh báo;
 * - G72   Xã Thần Sa, NT4 = "khoảng 10": not_a_number;
 * - O73   Xã La Hiên, HT3 = -4: negative;
 * - E56   Xã Quân Chu, NT2 = "Đang xây dựng": not_yes_no;
 * - D86   Xã Yên Trạch, NT1 = "Chủ tịch UBND xã", không phải phương án nào: not_a_choice;
 * - AJ97  Xã Nghĩa Tá, KT2 = "KAD", cấp xã không được ghi không áp dụng: not_applicable_forbidden;
 * - AB68  Xã Văn Hán, CQ2b (hồ sơ trực tuyến) lớn hơn CQ2a (tổng số hồ sơ): exceeds_total;
 * - B59, B127  Xã Phú Bình có hai dòng (dòng sau là báo cáo bổ sung dán cuối bảng): duplicate_unit ở
 *         cả hai dòng;
 * - B36   Phường Túc Duyên (tên trước sắp xếp) không có trong danh mục: unknown_unit, cảnh báo;
 * - AL13:AM13, AL15:AM15  Sở Nội vụ ("Không có số liệu", 0) và Sở Tài chính (số dân) ghi vào XH1a,
 *         XH1b, hai số liệu cấp sở không dùng: bỏ qua, không báo gì;
 * - Không gửi báo cáo: Sở Ngoại vụ (B24), Xã Sảng Mộc (B75), Xã Cao Minh (B106), Xã Thượng Quan
 *   (B116) — dòng chỉ có tên; Liên minh Hợp tác xã tỉnh, Xã Nghinh Tường, Xã Bằng Vân — có trong
 *   danh mục, không có dòng.
 */
import { CDS_2025_MAU } from '../rubric/cds2025';
import type { InputType } from '../rubric/schema';
import { numberOf, plannedCriterionCents, roundHalfUp } from './plannedCents';
import { CellValue, a1 } from '../sheet/grid';
import {
  Draw,
  FormulaCell,
  LIST_SHEET,
  SUMMARY_SHEET,
  SampleUnit,
  SampleWorkbook,
  SheetBuilder,
  titleBlock,
  SummaryLayout,
  dotted,
  seededRandom,
} from './sampleData';

const RUBRIC = CDS_2025_MAU;
export const SAMPLE_2025_YEAR = 2025;

type TierId = 'so' | 'xa';
type Grade = 'Tốt' | 'Khá' | 'Trung bình' | 'Yếu';

// ---------------------------------------------------------------------------------------------
// The units

interface Department {
  name: string;
  /** The list's "Cấp" word. */
  cap: 'sở' | 'ban' | 'ngành';
  /** Usual number of staff (CBCCVC). */
  staff: number;
  /** Administrative applications a year; 'zero' and 'kad' for units without procedures. */
  applications: number | 'zero' | 'kad';
  /** Has digital-economy tasks (the KTS group applies). */
  economy: boolean;
  /** The grade its values are drawn for; null for a unit whose row carries an error or no report. */
  grade: Grade | null;
}

const DEPARTMENTS: Department[] = [
  { name: 'Văn phòng UBND tỉnh', cap: 'ngành', staff: 118, applications: 1450, economy: false, grade: 'Tốt' },
  { name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', cap: 'ngành', staff: 46, applications: 'zero', economy: false, grade: 'Khá' },
  { name: 'Sở Nội vụ', cap: 'sở', staff: 96, applications: 2200, economy: false, grade: 'Khá' },
  { name: 'Sở Tư pháp', cap: 'sở', staff: 58, applications: 6800, economy: false, grade: 'Khá' },
  { name: 'Sở Tài chính', cap: 'sở', staff: 164, applications: 9200, economy: true, grade: 'Tốt' },
  { name: 'Sở Công Thương', cap: 'sở', staff: 132, applications: 5400, economy: true, grade: 'Khá' },
  { name: 'Sở Nông nghiệp và Môi trường', cap: 'sở', staff: 386, applications: 12500, economy: true, grade: 'Trung bình' },
  { name: 'Sở Xây dựng', cap: 'sở', staff: 104, applications: 3100, economy: false, grade: null },
  { name: 'Sở Khoa học và Công nghệ', cap: 'sở', staff: 74, applications: 640, economy: true, grade: 'Tốt' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', cap: 'sở', staff: 142, applications: 980, economy: true, grade: 'Khá' },
  { name: 'Sở Giáo dục và Đào tạo', cap: 'sở', staff: 118, applications: 2600, economy: false, grade: null },
  { name: 'Sở Y tế', cap: 'sở', staff: 152, applications: 4300, economy: false, grade: null },
  { name: 'Sở Dân tộc và Tôn giáo', cap: 'sở', staff: 41, applications: 120, economy: false, grade: 'Trung bình' },
  { name: 'Sở Ngoại vụ', cap: 'sở', staff: 31, applications: 90, economy: false, grade: null },
  { name: 'Thanh tra tỉnh', cap: 'ngành', staff: 67, applications: 380, economy: false, grade: 'Khá' },
  { name: 'Ban Quản lý các khu công nghiệp', cap: 'ban', staff: 48, applications: 1850, economy: true, grade: 'Khá' },
  { name: 'Trung tâm Phục vụ hành chính công tỉnh', cap: 'ngành', staff: 54, applications: 3600, economy: false, grade: 'Khá' },
  {
    name: 'Báo và Phát thanh, Truyền hình Thái Nguyên',
    cap: 'ngành',
    staff: 212,
    applications: 'kad',
    economy: false,
    grade: 'Trung bình',
  },
  { name: 'Ban Quản lý dự án đầu tư xây dựng tỉnh', cap: 'ban', staff: 63, applications: 'zero', economy: false, grade: 'Yếu' },
  { name: 'Liên minh Hợp tác xã tỉnh', cap: 'ngành', staff: 28, applications: 60, economy: true, grade: null },
];

const WARDS = [
  'Phan Đình Phùng',
  'Linh Sơn',
  'Tích Lương',
  'Gia Sàng',
  'Quyết Thắng',
  'Quan Triều',
  'Sông Công',
  'Bá Xuyên',
  'Bách Quang',
  'Phổ Yên',
  'Vạn Xuân',
  'Trung Thành',
  'Phúc Thuận',
  'Đức Xuân',
  'Bắc Kạn',
];

const COMMUNES = [
  'Tân Cương',
  'Đại Phúc',
  'Thành Công',
  'Đại Từ',
  'Đức Lương',
  'Phú Thịnh',
  'La Bằng',
  'Phú Lạc',
  'An Khánh',
  'Quân Chu',
  'Vạn Phú',
  'Phú Xuyên',
  'Phú Bình',
  'Tân Thành',
  'Điềm Thụy',
  'Kha Sơn',
  'Tân Khánh',
  'Đồng Hỷ',
  'Quang Sơn',
  'Trại Cau',
  'Nam Hòa',
  'Văn Hán',
  'Văn Lăng',
  'Võ Nhai',
  'Dân Tiến',
  'Nghinh Tường',
  'Thần Sa',
  'La Hiên',
  'Tràng Xá',
  'Sảng Mộc',
  'Định Hóa',
  'Bình Yên',
  'Trung Hội',
  'Phượng Tiến',
  'Phú Đình',
  'Bình Thành',
  'Kim Phượng',
  'Lam Vỹ',
  'Phú Lương',
  'Vô Tranh',
  'Yên Trạch',
  'Hợp Thành',
  'Phủ Thông',
  'Cẩm Giàng',
  'Vĩnh Thông',
  'Bạch Thông',
  'Phong Quang',
  'Chợ Đồn',
  'Nam Cường',
  'Quảng Bạch',
  'Yên Thịnh',
  'Nghĩa Tá',
  'Yên Phong',
  'Ba Bể',
  'Chợ Rã',
  'Phúc Lộc',
  'Thượng Minh',
  'Đồng Phúc',
  'Bằng Thành',
  'Nghiên Loan',
  'Cao Minh',
  'Na Rì',
  'Trần Phú',
  'Côn Minh',
  'Xuân Dương',
  'Văn Lang',
  'Hiệp Lực',
  'Cường Lợi',
  'Ngân Sơn',
  'Nà Phặc',
  'Thượng Quan',
  'Bằng Vân',
  'Chợ Mới',
  'Thanh Mai',
  'Thanh Thịnh',
  'Yên Bình',
  'Tân Kỳ',
  'Bằng Lãng',
  'Hoàng Nông',
  'Lương Phú',
  'Kim Lư',
  'Sơn Thành',
];

/** A ward reporting under its name from before the merger: not on the list. */
export const UNKNOWN_UNIT = 'Phường Túc Duyên';
/** The unit whose report was pasted twice. */
export const DUPLICATE_UNIT = 'Xã Phú Bình';

/** Units without a report, and how the sheet shows them: a row with the name only, or nothing. */
const MISSING = new Map<string, 'row' | 'list'>([
  ['Sở Ngoại vụ', 'row'],
  ['Liên minh Hợp tác xã tỉnh', 'list'],
  ['Xã Sảng Mộc', 'row'],
  ['Xã Thượng Quan', 'row'],
  ['Xã Cao Minh', 'row'],
  ['Xã Nghinh Tường', 'list'],
  ['Xã Bằng Vân', 'list'],
]);

/** Units of equal percent: [the one drawn first, the one matched to it]. */
const TIES: [string, string][] = [
  ['Sở Nội vụ', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['Xã Đại Từ', 'Xã Phú Lương'],
];

/** The largest NL2 and CQ7 of each tier, held by one unit each: every other unit stays at or below. */
const BEST: Record<TierId, { NL2: number; CQ7: number; holder: string }> = {
  so: { NL2: 6, CQ7: 126, holder: 'Sở Khoa học và Công nghệ' },
  xa: { NL2: 3, CQ7: 112, holder: 'Phường Phan Đình Phùng' },
};

// ---------------------------------------------------------------------------------------------
// Faults planted on purpose, each where a reviewer can find it

export interface PlantedFault {
  unit: string;
  /** The input whose cell holds the fault; null for faults on the name cell. */
  input: string | null;
  code: string;
  severity: 'error' | 'warning';
  /** What the cell holds (the cached result for a formula). */
  raw: CellValue;
  /** A1 addresses on the "Tổng hợp" sheet (two for a duplicate), filled in when the sheet is built. */
  cells: string[];
}

type FaultSpec = Omit<PlantedFault, 'cells' | 'raw'> & { raw: CellValue | ((v: Values) => CellValue); formula?: string };

const FAULTS: FaultSpec[] = [
  { unit: 'Sở Y tế', input: 'TC3', code: 'out_of_range', severity: 'error', raw: 45 },
  { unit: 'Sở Xây dựng', input: 'NL3', code: 'not_integer', severity: 'error', raw: 27.5 },
  {
    unit: 'Sở Giáo dục và Đào tạo',
    input: 'AT2',
    code: 'formula_error',
    severity: 'error',
    raw: { error: '#REF!' },
    formula: 'SUM(#REF!)',
  },
  { unit: 'Sở Tư pháp', input: 'IF1', code: 'not_a_number', severity: 'warning', raw: 'khoảng 120' },
  { unit: 'Xã Thần Sa', input: 'NT4', code: 'not_a_number', severity: 'error', raw: 'khoảng 10' },
  { unit: 'Xã La Hiên', input: 'HT3', code: 'negative', severity: 'error', raw: -4 },
  { unit: 'Xã Quân Chu', input: 'NT2', code: 'not_yes_no', severity: 'error', raw: 'Đang xây dựng' },
  { unit: 'Xã Yên Trạch', input: 'NT1', code: 'not_a_choice', severity: 'error', raw: 'Chủ tịch UBND xã' },
  { unit: 'Xã Nghĩa Tá', input: 'KT2', code: 'not_applicable_forbidden', severity: 'error', raw: 'KAD' },
  {
    unit: 'Xã Văn Hán',
    input: 'CQ2b',
    code: 'exceeds_total',
    severity: 'error',
    // More applications online than received in all.
    raw: (v) => dotted(Math.round((v.CQ2a as number) * 1.18)),
  },
  { unit: 'Xã Kha Sơn', input: 'IF2', code: 'not_a_choice', severity: 'warning', raw: 'Đang xây dựng' },
  { unit: DUPLICATE_UNIT, input: null, code: 'duplicate_unit', severity: 'error', raw: DUPLICATE_UNIT },
  { unit: UNKNOWN_UNIT, input: null, code: 'unknown_unit', severity: 'warning', raw: UNKNOWN_UNIT },
];

/** Departments typing into XH1a / XH1b, which no criterion of their tier reads: ignored. */
const IGNORED_ENTRIES: { unit: string; input: string; raw: CellValue }[] = [
  { unit: 'Sở Tài chính', input: 'XH1a', raw: '1.402.650' },
  { unit: 'Sở Tài chính', input: 'XH1b', raw: '1.118.300' },
  { unit: 'Sở Nội vụ', input: 'XH1a', raw: 'Không có số liệu' },
  { unit: 'Sở Nội vụ', input: 'XH1b', raw: 0 },
];

// ---------------------------------------------------------------------------------------------
// Values, and what they score (checked while drawing)

/** An entry: counts and points as numbers, yes/no, N/A, an answer of a choice input, or blank. */
type Value = number | boolean | 'na' | string | null;
type Values = Record<string, Value>;

export interface PlannedScore {
  tier: TierId;
  totalCents: number;
  maxCents: number;
  percentHundredths: number;
  grade: Grade;
  /** Category cents by id; null when not applicable. */
  categories: Record<string, number | null>;
}

const inputType = new Map<string, InputType>(RUBRIC.inputs.map((i) => [i.code, i.type]));

/** What a unit's clean entries score: categories converted to their maximum, total, percent as shown, grade. */
export function plannedScore(tier: TierId, v: Values): PlannedScore {
  let totalCents = 0;
  let maxCents = 0;
  const categories: Record<string, number | null> = {};
  for (const cat of RUBRIC.categories) {
    let achieved = 0;
    let applicableMax = 0;
    for (const c of RUBRIC.criteria) {
      if (c.category !== cat.id || c.kind === 'info' || !c.tiers[tier]) continue;
      const cents = plannedCriterionCents(c, tier, v, (input) => BEST[tier][input as 'NL2' | 'CQ7']);
      if (cents === null) continue;
      achieved += cents;
      applicableMax += Math.round(c.tiers[tier]!.max! * 100);
    }
    if (applicableMax === 0) {
      categories[cat.id] = null;
      continue;
    }
    const catMax = Math.round(cat.max[tier]! * 100);
    categories[cat.id] = roundHalfUp(achieved * catMax, applicableMax);
    totalCents += categories[cat.id]!;
    maxCents += catMax;
  }
  const percentHundredths = roundHalfUp(totalCents * 10000, maxCents);
  const grade = RUBRIC.grades!.find((g) => percentHundredths >= g.min * 100)!.name as Grade;
  return { tier, totalCents, maxCents, percentHundredths, grade, categories };
}

/** Part ≤ total for every ratio and rule of the rubric: a clean unit breaking one is a bug here. */
const PAIRS: [string, string][] = [
  ...RUBRIC.criteria.flatMap((c): [string, string][] =>
    c.kind === 'ratio' || c.kind === 'ratioBands' ? [[c.part, c.total]] : [],
  ),
  ...(RUBRIC.rules ?? []).map((r): [string, string] => [r.part, r.total]),
];

function assertConsistent(name: string, v: Values): void {
  for (const [part, total] of PAIRS) {
    const a = numberOf(v[part]);
    const b = numberOf(v[total]);
    if (a !== null && b !== null && a > b) throw new Error(`${name}: ${part} (${a}) > ${total} (${b})`);
  }
  for (const code of ['NL2', 'CQ7'] as const) {
    const x = numberOf(v[code]);
    if (x !== null && x > BEST[tierOfName(name)][code]) throw new Error(`${name}: ${code} (${x}) above the best`);
  }
}

const tierOfName = (name: string): TierId => (DEPARTMENTS.some((d) => d.name === name) ? 'so' : 'xa');

// --- drawing entries

/** The spread of quality that lands in each grade most of the time. */
const QUALITY: Record<Grade, [number, number]> = {
  Tốt: [0.9, 1],
  Khá: [0.66, 0.9],
  'Trung bình': [0.42, 0.72],
  Yếu: [0.3, 0.5],
};

interface Profile {
  name: string;
  tier: TierId;
  staff: number;
  applications: number | 'zero' | 'kad';
  economy: boolean;
  /** Administrative procedures on offer (the info input IF1). */
  procedures: number;
  population: number;
  ward: boolean;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const halfPoints = (x: number) => Math.round(x * 2) / 2;

function drawValues(d: Draw, p: Profile, q: number): Values {
  const so = p.tier === 'so';
  /** A share near the unit's quality, shifted by bias. */
  const share = (bias = 0) => clamp(q + bias + d.real(-0.12, 0.1), 0.02, 1);
  const part = (total: number, bias = 0) => Math.min(total, Math.round(total * share(bias)));
  const staff = so ? d.around(p.staff, 0.06) : p.staff;
  const computers = Math.max(so ? 30 : 18, Math.round(staff * d.real(0.85, 1.25)));
  const docs = so ? d.int(1400, 9800) : d.int(420, 2600);
  const best = BEST[p.tier];
  const v: Values = {
    NL1: staff,
    NT1: d.chance(q) ? 'Người đứng đầu' : d.chance(0.75) ? 'Cấp phó' : 'Chưa có',
    NT2: d.chance(0.5 + 0.5 * q),
    NT3: part(staff, 0.05),
    NT4: Math.round((so ? 30 : 16) * share(0.05)),
    NT5: d.chance(0.3 + 0.7 * q),
    TC1: d.chance(0.55 + 0.45 * q),
    TC2: d.chance(0.9 * q),
    TC3: halfPoints(40 * share(0)),
    HT1: part(staff, 0.15),
    HT2a: computers,
    HT2b: part(computers, 0.1),
    HT3: part(computers, -0.05),
    HT4: d.chance(0.6 + 0.4 * q),
    NL2: Math.min(best.NL2, Math.round(best.NL2 * share(-0.05))),
    NL3: part(staff),
    NL4: part(staff, 0.05),
    NL5: d.chance(0.9 * q) ? 'Hoạt động thường xuyên' : d.chance(0.7) ? 'Đã thành lập' : 'Chưa thành lập',
    AT1: d.chance(0.3 + 0.7 * q),
    AT2: part(computers, 0.05),
    AT3: q > 0.8 ? d.int(1, 3) : d.int(0, 2),
    AT4: d.chance(0.35 + 0.65 * q),
    CQ1a: docs,
    CQ1b: part(docs, 0.12),
    CQ5: d.chance(0.7 + 0.3 * q),
    CQ7: p.procedures === 0 ? 0 : Math.min(best.CQ7, p.procedures, Math.round(best.CQ7 * share(-0.05))),
    XH1a: null,
    XH1b: null,
    XH2: part(staff, 0.1),
    XH3: d.chance(0.55 + 0.45 * q),
    IF1: p.procedures,
    IF2: so
      ? d.chance(0.8)
        ? 'Trang riêng'
        : 'Chuyên mục trên Cổng tỉnh'
      : d.chance(p.ward ? 0.6 : 0.1)
        ? 'Trang riêng'
        : d.chance(0.9)
          ? 'Chuyên mục trên Cổng tỉnh'
          : 'Chưa có',
  };
  if (p.applications === 'kad') {
    Object.assign(v, { CQ2a: 'na', CQ2b: 'na', CQ3: 'na', CQ4: 'na', CQ6: 'na' });
  } else if (p.applications === 'zero') {
    Object.assign(v, { CQ2a: 0, CQ2b: 0, CQ3: 0, CQ4: 0, CQ6: 'na' });
  } else {
    const apps = d.around(p.applications, 0.15);
    Object.assign(v, {
      CQ2a: apps,
      CQ2b: part(apps),
      CQ3: part(apps, 0.05),
      CQ4: part(apps, -0.35),
      CQ6: halfPoints(30 * share(0)),
    });
  }
  if (so && !p.economy) {
    Object.assign(v, { KT1a: 'na', KT1b: 'na', KT2: 'na', KT3: 'na' });
  } else {
    const firms = so ? d.int(320, 3600) : d.int(160, 1800);
    Object.assign(v, {
      KT1a: firms,
      KT1b: part(firms, -0.3),
      KT2: Math.round(12 * share(-0.1)),
      KT3: d.chance(q),
    });
  }
  if (!so) {
    v.XH1a = p.population;
    // Never everyone: children and people away keep the share of level-2 accounts below 96 %.
    v.XH1b = Math.min(Math.round(p.population * 0.96), part(p.population, 0.05));
    // Communes fill XH2 too (their tier does not score it) about half the time.
    if (d.chance(0.5)) v.XH2 = null;
  }
  if (p.name === best.holder) {
    v.NL2 = best.NL2;
    v.CQ7 = best.CQ7;
  }
  return v;
}

/** Draws until the unit's planned grade is the one it was given. */
function drawForGrade(d: Draw, p: Profile, grade: Grade): Values {
  const [lo, hi] = QUALITY[grade];
  for (let attempt = 0; attempt < 4000; attempt++) {
    const v = drawValues(d, p, d.real(lo, hi));
    if (plannedScore(p.tier, v).grade === grade) {
      assertConsistent(p.name, v);
      return v;
    }
  }
  throw new Error(`Không tạo được số liệu mẫu loại ${grade} cho ${p.name}`);
}

/**
 * A unit of the same percent as another: its own entries, with the part of one ratio set so that
 * the percents agree (the share kept as close as possible to the drawn one).
 */
function matchPercent(name: string, tier: TierId, v: Values, part: string, total: string, target: number): Values | null {
  const b = numberOf(v[total])!;
  const drawn = numberOf(v[part])!;
  let found: number | null = null;
  for (let a = 0; a <= b; a++) {
    const percent = plannedScore(tier, { ...v, [part]: a }).percentHundredths;
    if (percent === target && (found === null || Math.abs(a - drawn) < Math.abs(found - drawn))) found = a;
  }
  if (found === null || found < 0.3 * b) return null;
  const out = { ...v, [part]: found };
  assertConsistent(name, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// How staff typed the values

interface Typing {
  yes: 'Có' | 'x';
  /** "No" left blank. */
  blankNo: boolean;
  /** Counts from 1.000 up typed as text with "." thousands. */
  dottedText: boolean;
  /** Points with a decimal comma, as text ("32,5"). */
  commaPoints: boolean;
  /** Answers typed in lower case and/or with a full stop. */
  lowerAnswers: boolean;
  dotAnswers: boolean;
}

function drawTyping(d: Draw, tier: TierId): Typing {
  const yes = d.chance(tier === 'xa' ? 0.3 : 0.1) ? 'x' : 'Có';
  return {
    yes,
    blankNo: yes === 'x' && d.chance(0.5),
    dottedText: d.chance(0.35),
    commaPoints: d.chance(0.5),
    lowerAnswers: d.chance(0.3),
    dotAnswers: d.chance(0.2),
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function typeCell(code: string, v: Value, t: Typing): CellValue {
  if (v === null) return null;
  if (v === 'na') return 'KAD';
  if (typeof v === 'boolean') return v ? t.yes : t.blankNo ? null : 'Không';
  if (typeof v === 'string') return `${t.lowerAnswers ? lowerFirst(v) : v}${t.dotAnswers ? '.' : ''}`;
  if (inputType.get(code) === 'points') return t.commaPoints && !Number.isInteger(v) ? String(v).replace('.', ',') : v;
  return t.dottedText && v >= 1000 ? dotted(v) : v;
}

// ---------------------------------------------------------------------------------------------
// The sheets

const INPUTS = RUBRIC.inputs;
const FIRST_INPUT_COL = 2;
const NOTE_COL = FIRST_INPUT_COL + INPUTS.length;
const WIDTH = NOTE_COL + 1;
/** Where the right-hand blocks stand: the national motto, the date line and the director's signature. */
const RIGHT_COL = NOTE_COL - 12;
const colOf = (code: string) => FIRST_INPUT_COL + INPUTS.findIndex((i) => i.code === code);

/** Inputs that head the table on their own, spanning both header rows, as on the department's form. */
const UNGROUPED = new Set(['NL1']);

/**
 * The header's group titles: an input goes under the category of the criterion it is the entry
 * or the part of (else the first that reads it); inputs read only by info criteria under one title.
 */
function columnGroups(): { title: string | null; codes: string[] }[] {
  const groupOf = (code: string): string | null => {
    if (UNGROUPED.has(code)) return null;
    const readers = RUBRIC.criteria.filter((c) =>
      c.kind === 'ratio' || c.kind === 'ratioBands' ? c.part === code || c.total === code : c.input === code,
    );
    if (readers.every((c) => c.kind === 'info')) return 'Thông tin thêm (không tính điểm)';
    const own = readers.find((c) => (c.kind === 'ratio' || c.kind === 'ratioBands' ? c.part === code : c.input === code));
    const category = (own ?? readers[0]).category;
    return RUBRIC.categories.find((c) => c.id === category)!.name;
  };
  const groups: { title: string | null; codes: string[] }[] = [];
  for (const inp of INPUTS) {
    const title = groupOf(inp.code);
    const last = groups[groups.length - 1];
    if (last && last.title === title && title !== null) last.codes.push(inp.code);
    else {
      if (title !== null && groups.some((g) => g.title === title)) throw new Error(`columns of "${title}" are not together`);
      groups.push({ title, codes: [inp.code] });
    }
  }
  return groups;
}

function titleRows(b: SheetBuilder): number[] {
  return titleBlock(b, {
    issuer: ['UBND TỈNH THÁI NGUYÊN', RUBRIC.decision!.department!.toLocaleUpperCase('vi')],
    title: `BẢNG TỔNG HỢP SỐ LIỆU ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM ${SAMPLE_2025_YEAR}`,
    subtitle: `(Số liệu các sở, ban, ngành và UBND các xã, phường tự đánh giá, tính đến ngày 31/12/${SAMPLE_2025_YEAR})`,
    rightCol: RIGHT_COL,
    lastCol: NOTE_COL,
  });
}

function headerRows(b: SheetBuilder): number[] {
  const top = b.add(['STT', 'Tên đơn vị']);
  b.set(top, NOTE_COL, 'Ghi chú');
  const names = b.add();
  for (const g of columnGroups()) {
    const first = colOf(g.codes[0]);
    const last = colOf(g.codes[g.codes.length - 1]);
    if (g.title === null) {
      const inp = INPUTS.find((i) => i.code === g.codes[0])!;
      b.set(top, first, `${inp.code} - ${inp.name}`);
      b.merge(top, first, names, first);
      continue;
    }
    b.set(top, first, g.title);
    if (last > first) b.merge(top, first, top, last);
    for (const code of g.codes) b.set(names, colOf(code), `${code} - ${INPUTS.find((i) => i.code === code)!.name}`);
  }
  const numbers = b.add(Array.from({ length: WIDTH }, (_, i) => `(${i + 1})`));
  b.merge(top, 0, names, 0);
  b.merge(top, 1, names, 1);
  b.merge(top, NOTE_COL, names, NOTE_COL);
  return [top, names, numbers];
}

interface RowPlan {
  unit: SampleUnit;
  /** Null for a unit without a report. */
  values: Values | null;
  typing: Typing;
  note: string | null;
}

function footRows(b: SheetBuilder): { foot: number[]; signature: number[] } {
  b.add();
  const foot = [
    b.add([null, 'Ghi chú: số liệu do các đơn vị tự báo cáo.']),
    b.add([null, '"KAD": không áp dụng (đơn vị không có nhiệm vụ, thủ tục tương ứng); "x": có.']),
  ];
  b.add();
  const date = b.add();
  b.set(date, RIGHT_COL, `Thái Nguyên, ngày 15 tháng 01 năm ${SAMPLE_2025_YEAR + 1}`);
  const title = b.add([null, 'NGƯỜI LẬP BIỂU']);
  b.set(title, RIGHT_COL, 'GIÁM ĐỐC');
  b.add();
  b.add();
  b.add();
  const name = b.add([null, 'Nguyễn Thị Thu Hà']);
  b.set(name, RIGHT_COL, 'Hoàng Văn Thắng');
  for (const r of [date, title, name]) b.merge(r, RIGHT_COL, r, RIGHT_COL + 8);
  return { foot, signature: [date, title, name] };
}

interface BuiltSheet {
  rows: CellValue[][];
  builder: SheetBuilder;
  layout: SummaryLayout;
  /** Sheet rows (0-based) of each unit name, in sheet order. */
  rowsOf: Map<string, number[]>;
}

function summarySheet(plans: RowPlan[]): BuiltSheet {
  const b = new SheetBuilder(WIDTH);
  const titles = titleRows(b);
  const headers = headerRows(b);
  const sections: number[] = [];
  const units: number[] = [];
  const rowsOf = new Map<string, number[]>();
  const firstDataRow = b.rows.length;
  RUBRIC.tiers.forEach((tier, i) => {
    sections.push(b.labelRow(`${['I', 'II'][i]}. ${tier.name.toLocaleUpperCase('vi')}`));
    plans
      .filter((p) => p.unit.tier === tier.id)
      .forEach((p, n) => {
        const r = b.add([n + 1, p.unit.name]);
        const values = p.values;
        if (values) INPUTS.forEach((inp, k) => b.set(r, FIRST_INPUT_COL + k, typeCell(inp.code, values[inp.code], p.typing)));
        if (p.note) b.set(r, NOTE_COL, p.note);
        units.push(r);
        rowsOf.set(p.unit.name, [...(rowsOf.get(p.unit.name) ?? []), r]);
      });
  });
  const { foot, signature } = footRows(b);
  const layout: SummaryLayout = {
    titleRows: titles,
    rightTitleCol: RIGHT_COL,
    headerRows: headers,
    headerHeights: [36, 165],
    sectionRows: sections,
    groupRows: [],
    unitRows: units,
    totalRow: null,
    footRows: foot,
    signatureRows: signature,
    signatureCols: [1, RIGHT_COL],
    firstInputCol: FIRST_INPUT_COL,
    wideCols: INPUTS.filter((i) => i.type === 'choice').map((i) => colOf(i.code)),
    noteCol: NOTE_COL,
    width: WIDTH,
    summedCols: INPUTS.filter((i) => i.type === 'count').map((i) => colOf(i.code)),
    firstDataRow,
  };
  return { rows: b.rows, builder: b, layout, rowsOf };
}

// ---------------------------------------------------------------------------------------------
// The sample

export interface Cds2025Sample extends SampleWorkbook {
  /** What the scoring must report, with the cells. */
  faults: PlantedFault[];
  /** Units without a report: a name-only row, or only on the list. */
  missingAs: Map<string, 'row' | 'list'>;
  /** Cells of a tier's unread inputs that hold something (departments' XH1a, XH1b). */
  ignored: { unit: string; input: string; raw: CellValue; cell: string }[];
  /** Departments without digital-economy tasks ("KAD" in every KT input). */
  withoutEconomy: string[];
  /** What each clean unit's entries score, by the generator's own reckoning. */
  planned: Map<string, PlannedScore>;
  /** Pairs of units drawn to share a percent. */
  ties: [string, string][];
}

/** The list's units: departments, then wards, then communes; the list's "Cấp" word beside each. */
function listedUnits(): { unit: SampleUnit; cap: string }[] {
  return [
    ...DEPARTMENTS.map((d) => ({ unit: { name: d.name, tier: 'so', district: null }, cap: d.cap })),
    ...WARDS.map((w) => ({ unit: { name: `Phường ${w}`, tier: 'xa', district: null }, cap: 'phường' })),
    ...COMMUNES.map((c) => ({ unit: { name: `Xã ${c}`, tier: 'xa', district: null }, cap: 'xã' })),
  ];
}

/** How many communes are drawn for each grade other than Khá (the rest). */
const COMMUNE_GRADES: [Grade, number][] = [
  ['Tốt', 12],
  ['Trung bình', 20],
  ['Yếu', 5],
];

/** The grade each commune is drawn for: the quotas above, shuffled over the communes. */
function communeGrades(d: Draw, names: string[]): Map<string, Grade> {
  const grades: Grade[] = names.map(() => 'Khá');
  let i = 0;
  for (const [grade, count] of COMMUNE_GRADES) for (let k = 0; k < count; k++) grades[i++] = grade;
  for (let k = grades.length - 1; k > 0; k--) {
    const j = d.int(0, k);
    [grades[k], grades[j]] = [grades[j], grades[k]];
  }
  return new Map(names.map((n, k) => [n, grades[k]]));
}

function departmentProfile(d: Draw, dep: Department): Profile {
  const procedures = typeof dep.applications === 'number' ? d.int(24, 180) : 0;
  return {
    name: dep.name,
    tier: 'so',
    staff: dep.staff,
    applications: dep.applications,
    economy: dep.economy,
    procedures,
    population: 0,
    ward: false,
  };
}

function communeProfile(d: Draw, name: string): Profile {
  const ward = name.startsWith('Phường');
  const staff = d.int(ward ? 32 : 20, ward ? 60 : 48);
  return {
    name,
    tier: 'xa',
    staff,
    applications: d.int(ward ? 1800 : 420, ward ? 7800 : 3600),
    economy: true,
    procedures: d.int(96, 128),
    population: d.int(ward ? 9000 : 4200, ward ? 32000 : 21000),
    ward,
  };
}

export function buildCds2025Sample(): Cds2025Sample {
  const d = new Draw(seededRandom(20251231));
  const listed = listedUnits();
  const faultOn = new Map(FAULTS.map((f) => [f.unit, f]));
  const values = new Map<string, Values>();
  const planned = new Map<string, PlannedScore>();

  const profiles = new Map<string, Profile>();
  for (const dep of DEPARTMENTS) profiles.set(dep.name, departmentProfile(d, dep));
  for (const { unit } of listed.filter((l) => l.unit.tier === 'xa')) profiles.set(unit.name, communeProfile(d, unit.name));
  profiles.set(UNKNOWN_UNIT, communeProfile(d, UNKNOWN_UNIT));

  const tieSecond = new Set(TIES.map(([, second]) => second));
  const withError = (name: string) => faultOn.get(name)?.severity === 'error';
  const drawn = [...profiles.keys()].filter((n) => !MISSING.has(n) && !tieSecond.has(n));
  const tieFirst = new Set(TIES.map(([first]) => first));
  const communes = communeGrades(
    d,
    drawn.filter((n) => profiles.get(n)!.tier === 'xa' && !withError(n) && !tieFirst.has(n)),
  );
  const gradeOf = (name: string): Grade => {
    // Units whose row carries an error still get ordinary entries: the fault is planted after.
    if (withError(name)) return 'Khá';
    return DEPARTMENTS.find((x) => x.name === name)?.grade ?? communes.get(name) ?? 'Khá';
  };
  const draw = (name: string) => {
    const p = profiles.get(name)!;
    const v = drawForGrade(d, p, gradeOf(name));
    values.set(name, v);
    if (!withError(name)) planned.set(name, plannedScore(p.tier, v));
  };
  for (const name of drawn) draw(name);
  // The second of each tie: drawn like the first, then one ratio's part set to reach its percent.
  for (const [first, second] of TIES) {
    const p = profiles.get(second)!;
    const target = planned.get(first)!;
    const [part, total] = p.tier === 'so' ? ['KT1b', 'KT1a'] : ['XH1b', 'XH1a'];
    let matched: Values | null = null;
    for (let attempt = 0; attempt < 200 && !matched; attempt++) {
      matched = matchPercent(second, p.tier, drawForGrade(d, p, target.grade), part, total, target.percentHundredths);
    }
    if (!matched) throw new Error(`Không tạo được đơn vị cùng tỷ lệ với ${first}`);
    values.set(second, matched);
    planned.set(second, plannedScore(p.tier, matched));
  }
  // The duplicate's second row: another report of the same unit, pasted at the end.
  const duplicate = drawForGrade(d, profiles.get(DUPLICATE_UNIT)!, 'Khá');

  // Rows in sheet order: departments, wards (the unknown one among them), communes, the pasted duplicate.
  const typingOf = (tier: TierId) => drawTyping(d, tier);
  const plan = (unit: SampleUnit, v: Values | null, note: string | null = null): RowPlan => ({
    unit,
    values: v,
    typing: typingOf(unit.tier as TierId),
    note: v === null ? 'Chưa gửi báo cáo' : note,
  });
  const inSheet = listed.filter((l) => MISSING.get(l.unit.name) !== 'list').map((l) => l.unit);
  const plans: RowPlan[] = [];
  for (const unit of inSheet) {
    plans.push(plan(unit, MISSING.has(unit.name) ? null : values.get(unit.name)!));
    if (unit.name === 'Phường Quyết Thắng') {
      plans.push(plan({ name: UNKNOWN_UNIT, tier: 'xa', district: null }, values.get(UNKNOWN_UNIT)!));
    }
  }
  plans.push(plan({ name: DUPLICATE_UNIT, tier: 'xa', district: null }, duplicate, 'Báo cáo bổ sung'));

  const sheet = summarySheet(plans);
  const cellOf = (row: number, col: number) => a1(row, col);

  // The faults, written over the drawn entries.
  const formulas: FormulaCell[] = [];
  const faults: PlantedFault[] = FAULTS.map((f) => {
    const rows = sheet.rowsOf.get(f.unit)!;
    if (f.input === null) return { ...f, raw: f.raw as CellValue, cells: rows.map((r) => cellOf(r, 1)) };
    const r = rows[0];
    const c = colOf(f.input);
    const raw = typeof f.raw === 'function' ? f.raw(values.get(f.unit)!) : f.raw;
    sheet.rows[r][c] = raw;
    if (f.formula) formulas.push({ row: r, col: c, formula: f.formula });
    return { unit: f.unit, input: f.input, code: f.code, severity: f.severity, raw, cells: [cellOf(r, c)] };
  });
  const ignored = IGNORED_ENTRIES.map((e) => {
    const r = sheet.rowsOf.get(e.unit)![0];
    sheet.rows[r][colOf(e.input)] = e.raw;
    return { ...e, cell: cellOf(r, colOf(e.input)) };
  });
  checkBest(values, [...sheet.rowsOf.keys()]);

  const list = {
    name: LIST_SHEET,
    rows: [
      [`DANH MỤC CƠ QUAN, ĐƠN VỊ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM ${SAMPLE_2025_YEAR}`, null, null],
      [null, null, null],
      ['STT', 'Tên đơn vị', 'Cấp'],
      ...listed.map((l, i): CellValue[] => [i + 1, l.unit.name, l.cap]),
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  };
  return {
    year: SAMPLE_2025_YEAR,
    sheets: [{ name: SUMMARY_SHEET, rows: sheet.rows, merges: sheet.builder.merges }, list],
    layout: sheet.layout,
    listHeaderRow: 2,
    units: listed.map((l) => l.unit),
    missing: [...MISSING.keys()],
    creator: `${RUBRIC.decision!.department} tỉnh ${RUBRIC.decision!.province}`,
    savedAt: new Date(Date.UTC(SAMPLE_2025_YEAR + 1, 0, 15, 8, 0, 0)),
    listWidths: [6, 46, 12],
    formulas,
    faults,
    missingAs: new Map(MISSING),
    ignored,
    withoutEconomy: DEPARTMENTS.filter((x) => !x.economy && !MISSING.has(x.name)).map((x) => x.name),
    planned,
    ties: TIES,
  };
}

/** The best NL2 and CQ7 of each tier are the ones the points were planned with. */
function checkBest(values: Map<string, Values>, names: string[]): void {
  for (const tier of ['so', 'xa'] as const) {
    for (const code of ['NL2', 'CQ7'] as const) {
      const top = Math.max(
        ...names.filter((n) => tierOfName(n) === tier).map((n) => numberOf(values.get(n)?.[code] ?? null) ?? 0),
      );
      if (top !== BEST[tier][code]) throw new Error(`best ${code} of ${tier} is ${top}, planned ${BEST[tier][code]}`);
    }
  }
}
