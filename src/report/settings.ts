/**
 * What the decision draft and the ranking sheet need besides the scores (docs/du-thao-quyet-dinh.md,
 * "Thông tin cho dự thảo"):
 * the province, the year evaluated and the names of the bodies involved. Defaults follow the
 * rubric (its province, its department, its "Nơi nhận"); the task pane, the workbook's stored
 * settings and the command line may override any of them.
 */
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { compileRubric } from '../rubric/compiled';
import type { Rubric } from '../rubric/schema';
import { findHeader } from '../sheet/findHeader';
import type { Grid } from '../sheet/grid';
import { cellDisplayText } from '../sheet/typedValues';

export interface DecisionSettings {
  /** Province name without "tỉnh": "Bắc Kạn". */
  province: string;
  /** The year evaluated (the decision is usually signed the year after). */
  year: number;
  /** The issuing body, without the province: "Ủy ban nhân dân". */
  committee: string;
  /** The department that proposes the decision. */
  department: string;
  /** Title of the department's head, as in "Theo đề nghị của Giám đốc Sở …". */
  departmentHead: string;
  /** The decision number, left for the clerk by default. */
  decisionNumber: string;
  /** Signature block: "TM. ỦY BAN NHÂN DÂN" above this title. */
  signerTitle: string;
  /** Signer's name, blank by default. */
  signerName: string;
  /** Lines of "Nơi nhận". */
  recipients: string[];
}

/** What the clerk fills in by hand. */
export const PLACEHOLDER = '…';

/** The department that scores since mid-2025, for a rubric that does not name one. */
const CURRENT_DEPARTMENT = 'Sở Khoa học và Công nghệ';

const GENERIC_RECIPIENTS = ['Như Điều 3;', 'TT Tỉnh ủy, TT HĐND tỉnh (b/c);', 'CT, PCT UBND tỉnh;', 'Lưu: VT.'];

export function defaultSettings(year: number, rubric: Rubric, province?: string): DecisionSettings {
  const department = rubric.decision?.department ?? CURRENT_DEPARTMENT;
  return {
    province: province ?? rubric.decision?.province ?? PLACEHOLDER,
    year,
    committee: 'Ủy ban nhân dân',
    department,
    departmentHead: `Giám đốc ${department}`,
    decisionNumber: PLACEHOLDER,
    signerTitle: 'CHỦ TỊCH',
    signerName: '',
    recipients: rubric.decision?.recipients ?? GENERIC_RECIPIENTS,
  };
}

/** The rubric's defaults overridden by whatever the user set (blank text keeps the default). */
export function decisionSettings(overrides: Partial<DecisionSettings> & { year: number }, rubric: Rubric): DecisionSettings {
  const base = defaultSettings(overrides.year, rubric, nonBlank(overrides.province) ?? undefined);
  const out: DecisionSettings = { ...base };
  for (const key of Object.keys(overrides) as (keyof DecisionSettings)[]) {
    const v = overrides[key];
    if (v === undefined || (typeof v === 'string' && v.trim() === '' && key !== 'signerName')) continue;
    (out as unknown as Record<string, unknown>)[key] = v;
  }
  // "Theo đề nghị của Giám đốc …" follows the department the user named.
  if (nonBlank(overrides.department) && !nonBlank(overrides.departmentHead)) out.departmentHead = `Giám đốc ${out.department}`;
  return out;
}

const nonBlank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" and friends. */
export function committeeOfProvince(s: DecisionSettings): string {
  return `${s.committee} tỉnh ${s.province}`;
}

/**
 * A year typed for the decision (the pane's form, the settings stored with the workbook,
 * `--year`): four digits from 2000 to 2100, the same rule wherever it is typed; null otherwise.
 */
export function typedYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** "năm 2018" is preferred over a bare 20xx (a title may also cite "QĐ …/2017"). */
const YEAR_AFTER_NAM = /năm\s+(20\d\d)(?!\d)/iu;
const ANY_YEAR = /(?<!\d)(20\d\d)(?!\d)/u;

/** The year a title text names, or null. */
export function yearInText(text: string): number | null {
  const m = YEAR_AFTER_NAM.exec(text.normalize('NFC')) ?? ANY_YEAR.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * The evaluated year: the first year in the submission sheet's title rows (rows above the
 * header), else the previous calendar year (the 2018 evaluation is decided in 2019).
 * `headerRow` is the 0-based first header row when the caller knows it (result.table.layout);
 * otherwise the header is looked for with the built-in rubric.
 */
export function defaultYear(grid: Grid | null, today: Date, headerRow?: number | null): number {
  const fallback = today.getFullYear() - 1;
  if (!grid) return fallback;
  const top = headerRow ?? headerRowOf(grid);
  if (top === null) return fallback;
  const titles = titleTexts(grid, top);
  for (const text of titles) {
    const m = YEAR_AFTER_NAM.exec(text.normalize('NFC'));
    if (m) return Number(m[1]);
  }
  for (const text of titles) {
    const y = yearInText(text);
    if (y !== null) return y;
  }
  return fallback;
}

/** Text cells above the header, top to bottom, left to right (dates are not titles). */
function titleTexts(grid: Grid, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.min(headerRow, grid.rows.length); r++) {
    for (const v of grid.rows[r] ?? []) {
      if (typeof v === 'string' || typeof v === 'number') out.push(cellDisplayText(v));
    }
  }
  return out;
}

function headerRowOf(grid: Grid): number | null {
  const header = findHeader(grid, compileRubric(BUILTIN_RUBRIC));
  return header.ok ? header.layout.headerRows[0] : null;
}

/** What is evaluated, as the decision's title says it (the rubric's words). */
export function evaluationSubject(rubric: Rubric): string {
  return rubric.decision?.subject ?? `đánh giá, xếp loại theo ${rubric.name}`;
}
