/**
 * The bundled sample: Bắc Kạn's submission workbook for the 2018 evaluation — 20 provincial
 * agencies, 8 districts and 122 communes — as grids in the department's own layout (a "Tổng hợp"
 * sheet and the "Danh mục đơn vị" list).
 *
 * Values come from a seeded generator, so the workbook is the same on every run. A few units are
 * written out by hand and every drawn unit is checked against the level it must reach, so that
 * scoring 2018 gives the figures of the Steering Committee's notice of 09/04/2019: 14/150 units
 * without a report, 11/19 provincial agencies, 7/8 districts and 109/109 communes not ranked in
 * either category, 4/19 agencies ranked in both, only Huyện Na Rì ranked (Mức 4, readiness),
 * best totals 96,05 (agencies) and 50,53 (communes). Another year moves the 2018 values a little
 * (staff change, ratios improve, some gaps close), for year-on-year comparison.
 */
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import type { Tier } from '../rubric/schema';
import { numberOf, plannedCriterionCents, roundHalfUp } from './plannedCents';
import type { CellValue, Grid, MergedArea } from '../sheet/grid';

export const SUMMARY_SHEET = 'Tổng hợp';
export const LIST_SHEET = 'Danh mục đơn vị';

// ---------------------------------------------------------------------------------------------
// Seeded random numbers

/** Mulberry32: tiny and identical on every platform, so the sample never changes by accident. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Draw {
  constructor(private readonly next: () => number) {}
  real(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** A part of a total at a share drawn between lo and hi. */
  part(total: number, lo: number, hi: number): number {
    return Math.min(total, Math.round(total * this.real(lo, hi)));
  }
  /** A count near n (± spread), at least 1. */
  around(n: number, spread: number): number {
    return Math.max(1, Math.round(n * this.real(1 - spread, 1 + spread)));
  }
}

// ---------------------------------------------------------------------------------------------
// The units of 2018

export type Role = 'none' | 'both' | 'readiness' | 'results';

export interface SampleUnit {
  name: string;
  tier: Tier;
  /** The district as the list writes it, for communes. */
  district: string | null;
}

interface Agency {
  name: string;
  /** Usual number of staff (CBCCVC). */
  staff: number;
  /** Usual number of administrative applications a year. */
  applications: number;
  /** Categories the agency is ranked in (2018). */
  role: Role;
}

const AGENCIES: Agency[] = [
  { name: 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh', staff: 86, applications: 140, role: 'both' },
  { name: 'Sở Nội vụ', staff: 72, applications: 360, role: 'readiness' },
  { name: 'Sở Tư pháp', staff: 38, applications: 2600, role: 'results' },
  { name: 'Sở Kế hoạch và Đầu tư', staff: 46, applications: 1900, role: 'both' },
  { name: 'Sở Tài chính', staff: 96, applications: 480, role: 'readiness' },
  { name: 'Sở Công Thương', staff: 58, applications: 1400, role: 'both' },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', staff: 176, applications: 900, role: 'none' },
  { name: 'Sở Giao thông vận tải', staff: 62, applications: 4200, role: 'both' },
  { name: 'Sở Xây dựng', staff: 44, applications: 380, role: 'none' },
  { name: 'Sở Tài nguyên và Môi trường', staff: 78, applications: 1490, role: 'none' },
  { name: 'Sở Thông tin và Truyền thông', staff: 32, applications: 160, role: 'readiness' },
  { name: 'Sở Lao động - Thương binh và Xã hội', staff: 54, applications: 1100, role: 'none' },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', staff: 66, applications: 260, role: 'none' },
  { name: 'Sở Khoa học và Công nghệ', staff: 41, applications: 90, role: 'none' },
  { name: 'Sở Giáo dục và Đào tạo', staff: 68, applications: 700, role: 'none' },
  { name: 'Sở Y tế', staff: 57, applications: 1300, role: 'none' },
  { name: 'Sở Ngoại vụ', staff: 22, applications: 40, role: 'none' },
  { name: 'Thanh tra tỉnh', staff: 31, applications: 0, role: 'none' },
  { name: 'Ban Dân tộc', staff: 26, applications: 0, role: 'none' },
  { name: 'Ban Quản lý các khu công nghiệp', staff: 21, applications: 60, role: 'none' },
];

interface District {
  name: string;
  staff: number;
  communes: string[];
}

const DISTRICTS: District[] = [
  {
    name: 'Thành phố Bắc Kạn',
    staff: 118,
    communes: [
      'Phường Đức Xuân',
      'Phường Nguyễn Thị Minh Khai',
      'Phường Phùng Chí Kiên',
      'Phường Sông Cầu',
      'Phường Huyền Tụng',
      'Phường Xuất Hóa',
      'Xã Dương Quang',
      'Xã Nông Thượng',
    ],
  },
  {
    name: 'Huyện Ba Bể',
    staff: 132,
    communes: [
      'Thị trấn Chợ Rã',
      'Xã Bành Trạch',
      'Xã Cao Thượng',
      'Xã Cao Trĩ',
      'Xã Chu Hương',
      'Xã Địa Linh',
      'Xã Đồng Phúc',
      'Xã Hà Hiệu',
      'Xã Hoàng Trĩ',
      'Xã Khang Ninh',
      'Xã Mỹ Phương',
      'Xã Nam Mẫu',
      'Xã Phúc Lộc',
      'Xã Quảng Khê',
      'Xã Thượng Giáo',
      'Xã Yến Dương',
    ],
  },
  {
    name: 'Huyện Bạch Thông',
    staff: 104,
    communes: [
      'Thị trấn Phủ Thông',
      'Xã Cao Sơn',
      'Xã Cẩm Giàng',
      'Xã Đôn Phong',
      'Xã Dương Phong',
      'Xã Hà Vị',
      'Xã Lục Bình',
      'Xã Mỹ Thanh',
      'Xã Nguyên Phúc',
      'Xã Phương Linh',
      'Xã Quân Bình',
      'Xã Quang Thuận',
      'Xã Sỹ Bình',
      'Xã Tân Tiến',
      'Xã Tú Trĩ',
      'Xã Vi Hương',
      'Xã Vũ Muộn',
    ],
  },
  {
    name: 'Huyện Chợ Đồn',
    staff: 128,
    communes: [
      'Thị trấn Bằng Lũng',
      'Xã Bản Thi',
      'Xã Bằng Lãng',
      'Xã Bằng Phúc',
      'Xã Bình Trung',
      'Xã Đại Sảo',
      'Xã Đồng Lạc',
      'Xã Đông Viên',
      'Xã Lương Bằng',
      'Xã Nam Cường',
      'Xã Nghĩa Tá',
      'Xã Ngọc Phái',
      'Xã Phong Huân',
      'Xã Phương Viên',
      'Xã Quảng Bạch',
      'Xã Rã Bản',
      'Xã Tân Lập',
      'Xã Xuân Lạc',
      'Xã Yên Mỹ',
      'Xã Yên Nhuận',
      'Xã Yên Thịnh',
      'Xã Yên Thượng',
    ],
  },
  {
    name: 'Huyện Chợ Mới',
    staff: 110,
    communes: [
      'Thị trấn Chợ Mới',
      'Xã Bình Văn',
      'Xã Cao Kỳ',
      'Xã Hòa Mục',
      'Xã Mai Lạp',
      'Xã Như Cố',
      'Xã Nông Hạ',
      'Xã Nông Thịnh',
      'Xã Quảng Chu',
      'Xã Tân Sơn',
      'Xã Thanh Bình',
      'Xã Thanh Mai',
      'Xã Thanh Vận',
      'Xã Yên Cư',
      'Xã Yên Đĩnh',
      'Xã Yên Hân',
    ],
  },
  {
    name: 'Huyện Na Rì',
    staff: 112,
    communes: [
      'Thị trấn Yến Lạc',
      'Xã Ân Tình',
      'Xã Côn Minh',
      'Xã Cư Lễ',
      'Xã Cường Lợi',
      'Xã Dương Sơn',
      'Xã Đổng Xá',
      'Xã Hảo Nghĩa',
      'Xã Hữu Thác',
      'Xã Kim Hỷ',
      'Xã Kim Lư',
      'Xã Lam Sơn',
      'Xã Lạng San',
      'Xã Liêm Thủy',
      'Xã Lương Hạ',
      'Xã Lương Thành',
      'Xã Lương Thượng',
      'Xã Quang Phong',
      'Xã Sơn Thành',
      'Xã Văn Minh',
      'Xã Văn Vũ',
      'Xã Xuân Dương',
    ],
  },
  {
    name: 'Huyện Ngân Sơn',
    staff: 98,
    communes: [
      'Thị trấn Nà Phặc',
      'Xã Bằng Vân',
      'Xã Cốc Đán',
      'Xã Đức Vân',
      'Xã Hiệp Lực',
      'Xã Lãng Ngâm',
      'Xã Thuần Mang',
      'Xã Thượng Ân',
      'Xã Thượng Quan',
      'Xã Trung Hòa',
      'Xã Vân Tùng',
    ],
  },
  {
    name: 'Huyện Pác Nặm',
    staff: 96,
    communes: [
      'Xã An Thắng',
      'Xã Bằng Thành',
      'Xã Bộc Bố',
      'Xã Cao Tân',
      'Xã Cổ Linh',
      'Xã Công Bằng',
      'Xã Giáo Hiệu',
      'Xã Nghiên Loan',
      'Xã Nhạn Môn',
      'Xã Xuân La',
    ],
  },
];

/**
 * Units that sent no report for 2018 (the notice's list) and how the sheet shows them: a row
 * with the name only, or nothing but the official list.
 */
const MISSING_2018 = new Map<string, 'row' | 'list'>([
  ['Thanh tra tỉnh', 'list'],
  ['Xã Dương Quang', 'row'],
  ['Xã Nông Thượng', 'row'],
  ['Xã Chu Hương', 'row'],
  ['Xã Lục Bình', 'row'],
  ['Xã Vi Hương', 'row'],
  ['Xã Vũ Muộn', 'list'],
  ['Xã Cao Sơn', 'list'],
  ['Thị trấn Chợ Mới', 'list'],
  ['Xã Quảng Chu', 'row'],
  ['Xã Thanh Bình', 'list'],
  ['Xã Yên Đĩnh', 'list'],
  ['Thị trấn Nà Phặc', 'row'],
  ['Xã Cốc Đán', 'list'],
]);

/** All 150 units in the order of the official list. */
export function sampleUnits(): SampleUnit[] {
  return [
    ...AGENCIES.map((a) => ({ name: a.name, tier: 'province' as const, district: null })),
    ...DISTRICTS.map((d) => ({ name: d.name, tier: 'district' as const, district: null })),
    ...DISTRICTS.flatMap((d) => d.communes.map((c) => ({ name: c, tier: 'commune' as const, district: d.name }))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Values, and what they score (checked while drawing)

/** What a unit entered, by input code: counts and points as numbers, yes/no, N/A, or blank (null). */
export type Value = number | boolean | 'na' | null;
export type UnitValues = Record<string, Value>;

/** Part ≤ total pairs (docs/cach-cham-diem.md, "Quy tắc kiểm tra số liệu"). */
const PARTS: [string, string][] = [
  ['R1b', 'R1a'],
  ['R2b', 'R2a'],
  ['R4', 'R2a'],
  ['R6', 'R1a'],
  ['K2b', 'K2a'],
  ['K3', 'R1a'],
  ['K4b', 'K4a'],
  ['K6', 'K4a'],
  ['K7', 'K4a'],
];

/** The largest K5 of each tier: drawn values stay at or below it, so every unit's K5 points are known while drawing. */
const BEST_K5: Record<Tier, number> = { province: 21, district: 12, commune: 6 };

/** The best totals of the notice: no drawn unit may come near them. */
const TOTAL_CAP: Record<Tier, number> = { province: 9400, district: 10000, commune: 4900 };

export interface PlannedCategory {
  id: string;
  cents: number | null;
  level: number | null;
}

/**
 * What a unit's values score under the built-in rubric (docs/bo-tieu-chi/bac-kan-2018.md), given
 * the tier's best K5.
 */
export function plannedScore(
  tier: Tier,
  v: UnitValues,
  bestK5 = BEST_K5[tier],
): { categories: PlannedCategory[]; totalCents: number } {
  const criteria = BUILTIN_RUBRIC.criteria.map((c) => ({
    category: c.category,
    cents: plannedCriterionCents(c, tier, v, () => bestK5),
    max: Math.round(c.tiers[tier]!.max! * 100),
  }));
  let totalCents = 0;
  const categories = BUILTIN_RUBRIC.categories.map((cat): PlannedCategory => {
    const own = criteria.filter((c) => c.category === cat.id && c.cents !== null);
    const applicableMax = own.reduce((s, c) => s + c.max, 0);
    if (applicableMax === 0) return { id: cat.id, cents: null, level: null };
    const catMax = Math.round(cat.max[tier]! * 100);
    const cents = roundHalfUp(own.reduce((s, c) => s + c.cents!, 0) * catMax, applicableMax);
    totalCents += cents;
    const level = BUILTIN_RUBRIC.levels!.find(
      (l) => cents * 100 >= l.categoryThreshold * catMax && own.every((c) => c.cents! * 100 >= l.criterionMinimum * c.max),
    );
    return { id: cat.id, cents, level: level ? level.level : null };
  });
  return { categories, totalCents };
}

function roleOf(categories: PlannedCategory[]): Role {
  const [readiness, results] = categories.map((c) => c.level !== null);
  if (readiness && results) return 'both';
  if (readiness) return 'readiness';
  if (results) return 'results';
  return 'none';
}

/** Parts never exceed their totals: an error in the sample would be a bug here. */
function assertConsistent(name: string, v: UnitValues): void {
  for (const [part, total] of PARTS) {
    const a = numberOf(v[part]);
    const b = numberOf(v[total]);
    if (a !== null && b !== null && a > b) throw new Error(`${name}: ${part} (${a}) > ${total} (${b})`);
  }
}

/** Draws until the unit lands in its role and below the tier's best total. */
function drawUnit(name: string, tier: Tier, role: Role, make: () => UnitValues): UnitValues {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const v = make();
    const planned = plannedScore(tier, v);
    if (roleOf(planned.categories) === role && planned.totalCents < TOTAL_CAP[tier]) {
      assertConsistent(name, v);
      return v;
    }
  }
  throw new Error(`Không tạo được số liệu mẫu cho ${name}`);
}

// --- hand-written units: the figures the notice names

/** The best agency: 44,50 (Mức 2, one IT officer) + 51,55 (Không xếp hạng, nothing returned by post) = 96,05. */
// prettier-ignore
const SO_TAI_CHINH: UnitValues = {
  R1a: 96, R1b: 96, R2a: 104, R2b: 104, R3: true, R4: 91, R5: 1, R6: 84, R7: true, R8: true,
  K1: 264, K2a: 2815, K2b: 2787, K3: 94, K4a: 480, K4b: 480, K5: 21, K6: 277, K7: null, K8: 6,
};

/** High on most criteria, but no security regulation and no online applications: ranked in neither. */
// prettier-ignore
const SO_KHCN: UnitValues = {
  R1a: 41, R1b: 41, R2a: 47, R2b: 47, R3: true, R4: 45, R5: 2, R6: 37, R7: true, R8: false,
  K1: 236, K2a: 1268, K2b: 1241, K3: 40, K4a: 86, K4b: 86, K5: 4, K6: 0, K7: 3, K8: 5,
};

/** Full marks for its portal and one-stop entry, but no IT officer and almost nothing online or by post. */
// prettier-ignore
const SO_TNMT: UnitValues = {
  R1a: 78, R1b: 76, R2a: 88, R2b: 86, R3: true, R4: 80, R5: 0, R6: 61, R7: true, R8: true,
  K1: 318, K2a: 3412, K2b: 3250, K3: 71, K4a: 1486, K4b: 1486, K5: 9, K6: 87, K7: 0, K8: 4.5,
};

/** Readiness 31,63 of 40 but training at 27,7% (below the Mức 3 minimum): Mức 4; results not ranked. */
// prettier-ignore
const HUYEN_NA_RI: UnitValues = {
  R1a: 112, R1b: 98, R2a: 105, R2b: 96, R3: true, R4: 72, R5: 1, R6: 31, R7: true, R8: true,
  K1: 186, K2a: 5120, K2b: 3980, K3: 85, K4a: 7850, K4b: 5900, K5: 3, K6: 24, K7: 0, K8: 2,
};

/** The best commune: 27,27 + 23,26 = 50,53 (no IT officer, no online application: ranked in neither). */
// prettier-ignore
const PHUONG_DUC_XUAN: UnitValues = {
  R1a: 23, R1b: 21, R2a: 22, R2b: 22, R3: true, R4: 18, R5: 0, R6: 17, R7: true, R8: false,
  K1: 42, K2a: 684, K2b: 322, K3: 15, K4a: 1736, K4b: 790, K5: 6, K6: 0, K7: 0, K8: 1,
};

const FIXED: Record<string, UnitValues> = {
  'Sở Tài chính': SO_TAI_CHINH,
  'Sở Khoa học và Công nghệ': SO_KHCN,
  'Sở Tài nguyên và Môi trường': SO_TNMT,
  'Huyện Na Rì': HUYEN_NA_RI,
  'Phường Đức Xuân': PHUONG_DUC_XUAN,
};

// --- drawn units

/** A K8 self-assessment in half points between lo and hi. */
const halfPoints = (d: Draw, lo: number, hi: number) => d.int(lo * 2, hi * 2) / 2;

function drawAgency(d: Draw, a: Agency): UnitValues {
  const strongReadiness = a.role === 'both' || a.role === 'readiness';
  const strongResults = a.role === 'both' || a.role === 'results';
  const staff = d.around(a.staff, 0.08);
  const computers = Math.round(staff * d.real(1.0, 1.3));
  const weak = d.pick(['R8', 'R5', 'R6', 'R3'] as const);
  const v: UnitValues = {
    R1a: staff,
    R1b: d.part(staff, 0.86, 1),
    R2a: computers,
    R2b: d.part(computers, 0.85, 1),
    R3: strongReadiness || weak !== 'R3' || d.chance(0.3),
    R4: d.part(computers, 0.6, 1),
    R5: !strongReadiness && weak === 'R5' ? 0 : d.int(1, 3),
    R6: !strongReadiness && weak === 'R6' ? d.part(staff, 0.04, 0.15) : d.part(staff, 0.42, 0.95),
    R7: strongReadiness || d.chance(0.85),
    R8: strongReadiness || (weak !== 'R8' && d.chance(0.7)),
    K1: d.int(60, 420),
  };
  const docs = d.int(1200, 4800);
  const apps = a.applications === 0 ? 0 : d.around(a.applications, 0.15);
  Object.assign(v, {
    K2a: docs,
    K2b: d.part(docs, 0.55, 1),
    K3: d.part(staff, 0.6, 1),
    K4a: apps,
    K4b: d.part(apps, 0.5, 1),
    K5: strongResults ? d.int(7, BEST_K5.province) : d.int(0, 12),
    K6: strongResults ? d.part(apps, 0.22, 0.55) : d.part(apps, 0, 0.08),
    K7: strongResults ? d.part(apps, 0.22, 0.45) : d.chance(0.6) ? 0 : d.part(apps, 0, 0.12),
    K8: strongResults ? halfPoints(d, 2, 6) : halfPoints(d, 0, 5),
  });
  return v;
}

function drawDistrict(d: Draw, staffUsual: number, bestK5: boolean): UnitValues {
  const staff = d.around(staffUsual, 0.06);
  const computers = Math.round(staff * d.real(0.95, 1.2));
  const docs = d.int(3200, 8800);
  const apps = d.int(2600, 12500);
  const weak = d.pick(['R8', 'R5', 'R6'] as const);
  return {
    R1a: staff,
    R1b: d.part(staff, 0.8, 1),
    R2a: computers,
    R2b: d.part(computers, 0.8, 1),
    R3: true,
    R4: d.part(computers, 0.5, 0.95),
    R5: weak === 'R5' ? 0 : d.int(1, 2),
    R6: weak === 'R6' ? d.part(staff, 0.05, 0.18) : d.part(staff, 0.3, 0.8),
    R7: d.chance(0.9),
    R8: weak !== 'R8' && d.chance(0.6),
    K1: d.int(90, 460),
    K2a: docs,
    K2b: d.part(docs, 0.5, 0.95),
    K3: d.part(staff, 0.5, 0.95),
    K4a: apps,
    K4b: d.part(apps, 0.4, 0.95),
    K5: bestK5 ? BEST_K5.district : d.int(0, 9),
    K6: d.part(apps, 0, 0.03),
    K7: d.chance(0.5) ? 0 : d.part(apps, 0, 0.04),
    K8: halfPoints(d, 0, 5),
  };
}

function drawCommune(d: Draw): UnitValues {
  const staff = d.int(12, 28);
  const computers = Math.max(6, Math.round(staff * d.real(0.65, 1.05)));
  const docs = d.int(150, 750);
  const apps = d.int(250, 2600);
  return {
    R1a: staff,
    R1b: d.part(staff, 0.5, 1),
    R2a: computers,
    R2b: d.part(computers, 0.6, 1),
    R3: d.chance(0.55),
    R4: d.part(computers, 0.3, 1),
    R5: d.chance(0.15) ? 1 : 0,
    R6: d.part(staff, 0.3, 0.9),
    R7: d.chance(0.75),
    R8: d.chance(0.3),
    K1: d.chance(0.55) ? 'na' : d.int(3, 70),
    K2a: docs,
    K2b: d.part(docs, 0.15, 0.75),
    K3: d.part(staff, 0.3, 0.95),
    K4a: apps,
    K4b: d.part(apps, 0.15, 0.85),
    K5: d.chance(0.6) ? d.int(0, 2) : d.int(0, BEST_K5.commune),
    K6: d.part(apps, 0, 0.006),
    K7: d.chance(0.7) ? 0 : d.part(apps, 0, 0.01),
    K8: d.chance(0.12) ? 'na' : d.pick([0, 0.5, 1, 1, 1.5, 2]),
  };
}

function values2018(): Map<string, UnitValues> {
  const d = new Draw(seededRandom(20181231));
  const out = new Map<string, UnitValues>();
  const put = (name: string, tier: Tier, role: Role, make: () => UnitValues) =>
    out.set(name, FIXED[name] ?? drawUnit(name, tier, role, make));
  for (const a of AGENCIES) put(a.name, 'province', a.role, () => drawAgency(d, a));
  // Thành phố Bắc Kạn offers the most online services of the districts.
  DISTRICTS.forEach((dist, i) => put(dist.name, 'district', 'none', () => drawDistrict(d, dist.staff, i === 0)));
  for (const dist of DISTRICTS) for (const c of dist.communes) put(c, 'commune', 'none', () => drawCommune(d));
  return out;
}

// --- another year: the same units, a little further on

const TIER_K8_MAX: Record<Tier, number> = { province: 6, district: 6, commune: 4 };

/** How much of the gap to 100% a part closes in a year. */
const GAP_CLOSED: Record<string, [number, number]> = { K6: [0, 0.08], K7: [0, 0.06] };

function evolveTotals(d: Draw, v: UnitValues): void {
  for (const [code, spread] of [
    ['R1a', 0.04],
    ['R2a', 0.08],
    ['K2a', 0.12],
    ['K4a', 0.15],
  ] as const) {
    const x = numberOf(v[code]);
    if (x !== null && x > 0) v[code] = d.around(x, spread);
  }
}

function evolveParts(d: Draw, before: UnitValues, v: UnitValues): void {
  for (const [part, total] of PARTS) {
    const a = numberOf(before[part]);
    const b = numberOf(before[total]);
    const t = numberOf(v[total]);
    if (a === null || b === null || t === null || b === 0) continue;
    const [lo, hi] = GAP_CLOSED[part] ?? [0, 0.35];
    const share = a / b + (1 - a / b) * d.real(lo, hi);
    v[part] = Math.min(t, Math.round(share * t));
  }
}

/** Some gaps close: a LAN, a plan or regulation, an IT officer, results returned by post. */
function closeGaps(d: Draw, v: UnitValues): void {
  for (const code of ['R3', 'R7', 'R8']) if (v[code] !== true && d.chance(0.35)) v[code] = true;
  if (v.R5 === 0 && d.chance(0.3)) v.R5 = 1;
  const apps = numberOf(v.K4a);
  if (apps && !numberOf(v.K7) && d.chance(0.3)) v.K7 = d.part(apps, 0.02, 0.25);
}

function evolveOthers(d: Draw, tier: Tier, v: UnitValues): void {
  if (typeof v.K1 === 'number') v.K1 = Math.round(v.K1 * d.real(1, 1.3));
  else if (v.K1 === 'na' && d.chance(0.2)) v.K1 = d.int(5, 40);
  if (typeof v.K5 === 'number') v.K5 += d.int(0, tier === 'province' ? 4 : 2);
  if (typeof v.K8 === 'number') v.K8 = Math.min(TIER_K8_MAX[tier], v.K8 + d.pick([0, 0, 0.5, 1]));
}

function evolve(d: Draw, tier: Tier, before: UnitValues): UnitValues {
  const v = { ...before };
  evolveTotals(d, v);
  evolveParts(d, before, v);
  closeGaps(d, v);
  evolveOthers(d, tier, v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// How staff typed the values

interface Typing {
  /** Counts from 1.000 up typed as text with "." thousands. */
  dottedText: boolean;
  /** Every count typed as text. */
  allText: boolean;
  /** Yes as "Có" or "x"; no as "Không" or left blank. */
  yes: 'Có' | 'x';
  blankNo: boolean;
  /** Points with a decimal comma, as text ("4,5"). */
  commaPoints: boolean;
  /** Zero results by post left blank. */
  blankZeroK7: boolean;
}

function drawTyping(d: Draw, tier: Tier): Typing {
  const yes = d.chance(tier === 'commune' ? 0.3 : 0.15) ? 'x' : 'Có';
  return {
    dottedText: d.chance(0.3),
    allText: tier === 'commune' && d.chance(0.12),
    yes,
    blankNo: yes === 'x' && d.chance(0.4),
    commaPoints: d.chance(0.35),
    blankZeroK7: tier === 'commune' && d.chance(0.06),
  };
}

/** 1234567 → "1.234.567". */
export function dotted(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function typeCount(n: number, t: Typing): CellValue {
  if (t.allText || (t.dottedText && n >= 1000)) return dotted(n);
  return n;
}

function typeCell(code: string, v: Value, t: Typing): CellValue {
  if (v === null) return null;
  if (v === 'na') return 'KAD';
  if (typeof v === 'boolean') return v ? t.yes : t.blankNo ? null : 'Không';
  if (code === 'K8') return t.commaPoints ? String(v).replace('.', ',') : v;
  if (code === 'K7' && v === 0 && t.blankZeroK7) return null;
  return typeCount(v, t);
}

// ---------------------------------------------------------------------------------------------
// The sheets

const INPUT_CODES = BUILTIN_RUBRIC.inputs.map((i) => i.code);
const FIRST_INPUT_COL = 2;
const NOTE_COL = FIRST_INPUT_COL + INPUT_CODES.length;
const WIDTH = NOTE_COL + 1;
/** Where the national motto stands in the title rows. */
const RIGHT_TITLE_COL = 12;
/** Input columns summed on the "Tổng cộng" row (counts only). */
const SUMMED = BUILTIN_RUBRIC.inputs.filter((i) => i.type === 'count').map((i) => FIRST_INPUT_COL + INPUT_CODES.indexOf(i.code));

export interface SummaryLayout {
  /** Organisation, committee, title, subtitle. */
  titleRows: number[];
  /** Column of the national motto beside the organisation's name. */
  rightTitleCol: number;
  /** The two header rows, then the row of column numbers (0-based). */
  headerRows: number[];
  /** Heights (points) of the group-title row and the input-name row. */
  headerHeights: [number, number];
  sectionRows: number[];
  groupRows: number[];
  unitRows: number[];
  /** The "Tổng cộng" row, when the sheet has one. */
  totalRow: number | null;
  footRows: number[];
  /** Date line, signers' titles, signers' names. */
  signatureRows: number[];
  /** Columns holding the signature blocks' text. */
  signatureCols: number[];
  firstInputCol: number;
  /** Input columns made wider for long typed answers. */
  wideCols: number[];
  noteCol: number;
  width: number;
  /** Count columns, summed on the total row by formula over the data rows. */
  summedCols: number[];
  firstDataRow: number;
}

export interface SampleWorkbook {
  year: number;
  /** "Tổng hợp", then "Danh mục đơn vị". */
  sheets: Grid[];
  layout: SummaryLayout;
  /** 0-based header row of the list sheet. */
  listHeaderRow: number;
  units: SampleUnit[];
  /** Units without a report this year. */
  missing: string[];
  /** Workbook properties, fixed so that the file is the same on every run. */
  creator: string;
  savedAt: Date;
  /** Column widths of the list sheet. */
  listWidths: number[];
  /** Cells written as formulas; the grid holds their cached results. */
  formulas: FormulaCell[];
}

/** A formula cell (0-based position) whose cached result is the grid's value there. */
export interface FormulaCell {
  row: number;
  col: number;
  formula: string;
}

export class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly merges: MergedArea[] = [];

  constructor(private readonly width = WIDTH) {}

  add(cells: CellValue[] = []): number {
    const row: CellValue[] = new Array(this.width).fill(null);
    cells.forEach((c, i) => (row[i] = c));
    this.rows.push(row);
    return this.rows.length - 1;
  }
  set(r: number, c: number, v: CellValue): void {
    this.rows[r][c] = v;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }
  /** A label over the STT and name columns (section, group and total rows). */
  labelRow(text: string): number {
    const r = this.add([text]);
    this.merge(r, 0, r, 1);
    return r;
  }
}

/**
 * The title block of a submission sheet: the issuing body (two lines, left) beside the national
 * motto (right), a blank row, the title and the line under it across the sheet, a blank row.
 * Returns the rows that hold text.
 */
export function titleBlock(
  b: SheetBuilder,
  o: { issuer: [string, string]; title: string; subtitle: string; rightCol: number; lastCol: number },
): number[] {
  const r1 = b.add([o.issuer[0]]);
  b.set(r1, o.rightCol, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  const r2 = b.add([o.issuer[1]]);
  b.set(r2, o.rightCol, 'Độc lập - Tự do - Hạnh phúc');
  b.add();
  const r4 = b.add([o.title]);
  const r5 = b.add([o.subtitle]);
  b.add();
  for (const r of [r1, r2]) {
    b.merge(r, 0, r, 1);
    b.merge(r, o.rightCol, r, o.lastCol);
  }
  for (const r of [r4, r5]) b.merge(r, 0, r, o.lastCol);
  return [r1, r2, r4, r5];
}

function titleRows(b: SheetBuilder, year: number): number[] {
  return titleBlock(b, {
    issuer: ['UBND TỈNH BẮC KẠN', 'BAN CHỈ ĐẠO XÂY DỰNG CQĐT'],
    title: `BẢNG TỔNG HỢP SỐ LIỆU ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN ĐIỆN TỬ NĂM ${year}`,
    subtitle: `(Số liệu các cơ quan, địa phương tự đánh giá, tính đến ngày 31/12/${year})`,
    rightCol: RIGHT_TITLE_COL,
    lastCol: NOTE_COL,
  });
}

function headerRows(b: SheetBuilder): number[] {
  const top = b.add(['STT', 'Tên đơn vị']);
  b.set(top, FIRST_INPUT_COL, 'Điều kiện sẵn sàng');
  b.set(top, FIRST_INPUT_COL + 10, 'Kết quả Chính quyền điện tử');
  b.set(top, NOTE_COL, 'Ghi chú');
  const names = b.add();
  BUILTIN_RUBRIC.inputs.forEach((inp, i) => b.set(names, FIRST_INPUT_COL + i, `${inp.code} - ${inp.name}`));
  const numbers = b.add(Array.from({ length: WIDTH }, (_, i) => `(${i + 1})`));
  b.merge(top, 0, names, 0);
  b.merge(top, 1, names, 1);
  b.merge(top, NOTE_COL, names, NOTE_COL);
  b.merge(top, FIRST_INPUT_COL, top, FIRST_INPUT_COL + 9);
  b.merge(top, FIRST_INPUT_COL + 10, top, NOTE_COL - 1);
  return [top, names, numbers];
}

interface RowPlan {
  unit: SampleUnit;
  /** Null for a unit without a report. */
  values: UnitValues | null;
  /** How a unit without a report shows: a name-only row, or only on the list. */
  missingAs: 'row' | 'list' | null;
  typing: Typing;
  note: string | null;
}

function unitRow(b: SheetBuilder, stt: number, p: RowPlan): number {
  const r = b.add([stt, p.unit.name]);
  const values = p.values;
  if (values) INPUT_CODES.forEach((code, i) => b.set(r, FIRST_INPUT_COL + i, typeCell(code, values[code], p.typing)));
  if (p.note) b.set(r, NOTE_COL, p.note);
  return r;
}

/** What Excel's SUM gives: numbers only, text ignored. */
function totalRow(b: SheetBuilder, from: number, to: number): number {
  const r = b.labelRow('TỔNG CỘNG');
  for (const c of SUMMED) {
    let sum = 0;
    for (let i = from; i <= to; i++) {
      const v = b.rows[i][c];
      if (typeof v === 'number') sum += v;
    }
    b.set(r, c, sum);
  }
  return r;
}

function footRows(b: SheetBuilder, year: number): { foot: number[]; signature: number[] } {
  b.add();
  const legend = 'Ghi chú: "KAD" - không áp dụng (xã chưa có Trang thông tin điện tử, chưa được cấp chữ ký số); "x" - có.';
  const foot = [b.add([null, legend])];
  b.add();
  const date = b.add([null, `Bắc Kạn, ngày 28 tháng 01 năm ${year + 1}`]);
  const title = b.add([null, 'NGƯỜI LẬP BIỂU']);
  b.add();
  b.add();
  b.add();
  const name = b.add([null, 'Hoàng Thị Nhung']);
  return { foot, signature: [date, title, name] };
}

function summarySheet(year: number, plans: RowPlan[]): { grid: Grid; layout: SummaryLayout } {
  const b = new SheetBuilder();
  const titles = titleRows(b, year);
  const headers = headerRows(b);
  const sections: number[] = [];
  const groups: number[] = [];
  const units: number[] = [];
  const inSheet = (tier: Tier, district?: string) =>
    plans.filter(
      (p) => p.unit.tier === tier && (district === undefined || p.unit.district === district) && p.missingAs !== 'list',
    );

  const firstDataRow = b.rows.length;
  sections.push(b.labelRow('I. CẤP TỈNH (SỞ, BAN, NGÀNH)'));
  inSheet('province').forEach((p, i) => units.push(unitRow(b, i + 1, p)));
  sections.push(b.labelRow('II. CẤP HUYỆN'));
  inSheet('district').forEach((p, i) => units.push(unitRow(b, i + 1, p)));
  sections.push(b.labelRow('III. CẤP XÃ (XÃ, PHƯỜNG, THỊ TRẤN)'));
  DISTRICTS.forEach((dist, g) => {
    groups.push(b.labelRow(`${g + 1}. ${dist.name}`));
    inSheet('commune', dist.name).forEach((p, i) => units.push(unitRow(b, i + 1, p)));
  });
  const total = totalRow(b, firstDataRow, b.rows.length - 1);
  const { foot, signature } = footRows(b, year);

  const layout: SummaryLayout = {
    titleRows: titles,
    rightTitleCol: RIGHT_TITLE_COL,
    headerRows: headers,
    headerHeights: [22, 120],
    sectionRows: sections,
    groupRows: groups,
    unitRows: units,
    totalRow: total,
    footRows: foot,
    signatureRows: signature,
    signatureCols: [1],
    firstInputCol: FIRST_INPUT_COL,
    wideCols: [],
    noteCol: NOTE_COL,
    width: WIDTH,
    summedCols: SUMMED,
    firstDataRow,
  };
  return { grid: { name: SUMMARY_SHEET, rows: b.rows, merges: b.merges }, layout };
}

const LIST_TIER: Record<Tier, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };

function listSheet(year: number, units: SampleUnit[]): { grid: Grid; headerRow: number } {
  const rows: CellValue[][] = [
    [`DANH MỤC CƠ QUAN, ĐƠN VỊ BÁO CÁO MỨC ĐỘ CHÍNH QUYỀN ĐIỆN TỬ NĂM ${year}`, null, null, null],
    [null, null, null, null],
    ['STT', 'Tên đơn vị', 'Cấp', 'Thuộc huyện'],
    ...units.map((u, i) => [i + 1, u.name, LIST_TIER[u.tier], u.district]),
  ];
  return { grid: { name: LIST_SHEET, rows, merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] }, headerRow: 2 };
}

// ---------------------------------------------------------------------------------------------
// The workbook of a year

/** Units without a report: the notice's 14 in 2018; in other years about a third of them still. */
function missingIn(year: number): Map<string, 'row' | 'list'> {
  if (year === 2018) return MISSING_2018;
  const d = new Draw(seededRandom(year * 7919));
  return new Map([...MISSING_2018].filter(() => d.chance(0.3)));
}

function valuesIn(year: number, units: SampleUnit[]): Map<string, UnitValues> {
  const base = values2018();
  if (year === 2018) return base;
  const d = new Draw(seededRandom(year * 104729));
  return new Map(units.map((u) => [u.name, evolve(d, u.tier, base.get(u.name)!)]));
}

function noteFor(d: Draw, u: SampleUnit, v: UnitValues | null): string | null {
  if (v === null) return 'Không gửi báo cáo';
  if (u.tier === 'commune' && v.K1 === 'na' && d.chance(0.25)) return 'Chưa có Trang TTĐT';
  return d.chance(0.04) ? 'Số liệu ước tính' : null;
}

export function buildSampleWorkbook(year = 2018): SampleWorkbook {
  const units = sampleUnits();
  const missing = missingIn(year);
  const values = valuesIn(year, units);
  const d = new Draw(seededRandom(year));
  const plans: RowPlan[] = units.map((u) => {
    const v = missing.has(u.name) ? null : values.get(u.name)!;
    const typing = drawTyping(d, u.tier);
    return { unit: u, values: v, missingAs: missing.get(u.name) ?? null, typing, note: noteFor(d, u, v) };
  });
  // Sở Tài chính, the unit of the command-line example, types yes as "Có".
  const finance = plans.find((p) => p.unit.name === 'Sở Tài chính')!;
  finance.typing = { ...finance.typing, yes: 'Có', blankNo: false };
  const summary = summarySheet(year, plans);
  const list = listSheet(year, units);
  return {
    year,
    sheets: [summary.grid, list.grid],
    layout: summary.layout,
    listHeaderRow: list.headerRow,
    units,
    missing: [...missing.keys()],
    creator: 'Sở Thông tin và Truyền thông tỉnh Bắc Kạn',
    savedAt: new Date(Date.UTC(year + 1, 0, 28, 8, 0, 0)),
    listWidths: [6, 40, 12, 22],
    formulas: [],
  };
}
