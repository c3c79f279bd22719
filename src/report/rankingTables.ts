/**
 * The ranking tables (docs/bang-tong-hop.md, "Trang Xếp hạng"; the decision's appendix): per
 * tier of the rubric the ranked units in display order, then units whose data need fixing, then
 * units that sent no report; units of unknown tier last. Each table has the columns of its tier:
 * the group column only for a grouped tier, the tier's own categories, levels and grades when
 * the rubric has them. Pure data: the sheet, the .docx and the CSV format it.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { displayOrder } from '../scoring/rank';
import type { YearComparison } from '../scoring/compareYears';
import type { ScoreResult, Status, UnitResult } from '../scoring/types';
import { tierHeading } from './appendixWords';
import { levelText } from './levelWords';
import { evaluationSubject } from './settings';

export type ColumnKind =
  'stt' | 'name' | 'district' | 'score' | 'level' | 'total' | 'max' | 'previousTotal' | 'change' | 'percent' | 'grade' | 'rank';

export interface RankingColumn {
  /** Stable key: "stt", "name", "district", "score:<category>", "level:<category>", "total", "percent", "rank". */
  id: string;
  title: string;
  kind: ColumnKind;
}

/** One cell: text, a whole number, hundredths (scores in cents, percent in hundredths), or a signed change in cents. */
export type RankingCell =
  | { kind: 'text'; text: string }
  | { kind: 'int'; value: number }
  | { kind: 'cents'; value: number }
  | { kind: 'delta'; value: number }
  | { kind: 'blank' };

export interface RankingRow {
  unit: UnitResult;
  /** Cells in the order of the table's columns. */
  cells: RankingCell[];
}

export type SectionKind = 'ranked' | 'errors' | 'missing';

export interface RankingSection {
  kind: SectionKind;
  /** Sub-heading inside the table; null for the ranked units, which come first under the header. */
  title: string | null;
  rows: RankingRow[];
}

export interface RankingTable {
  /** null: units whose tier could not be decided. */
  tier: Tier | null;
  title: string;
  /** The tier's maximum total in cents (null for the unknown tier). */
  maxCents: number | null;
  columns: RankingColumn[];
  /** Non-empty sections only, in the order ranked, errors, missing. */
  sections: RankingSection[];
}

export interface RankingTables {
  year: number;
  title: string;
  tables: RankingTable[];
}

export const SECTION_TITLES: Record<Exclude<SectionKind, 'ranked'>, string> = {
  errors: 'Đơn vị có số liệu cần sửa',
  missing: 'Đơn vị không gửi báo cáo',
};

export const UNKNOWN_TIER_TITLE = 'Đơn vị chưa xác định được cấp';

export function rankingTitle(rubric: CompiledRubric, year: number): string {
  return `KẾT QUẢ ${evaluationSubject(rubric.rubric).toLocaleUpperCase('vi')} NĂM ${year}`;
}

/**
 * The columns of one tier's table: the group column for a grouped tier, the tier's categories
 * (a level column each when the rubric has levels), "Điểm tối đa" when maxima may differ, the
 * grade when the rubric has grades. The unknown tier's table shows every category; 'all' gives
 * every column any table can have (one flat CSV or JSON for all tiers).
 */
export function rankingColumns(result: ScoreResult, tier: Tier | null | 'all'): RankingColumn[] {
  const rubric = result.rubric;
  const cols: RankingColumn[] = [
    { id: 'stt', title: 'STT', kind: 'stt' },
    { id: 'name', title: 'Tên đơn vị', kind: 'name' },
  ];
  const one = tier !== null && tier !== 'all' ? rubric.tiers[tier] : null;
  const groups = one ? one.def.groups : tier === 'all' ? rubric.tierList.find((t) => t.def.groups)?.def.groups : undefined;
  if (groups) cols.push({ id: 'district', title: groups.title, kind: 'district' });
  const categories = one ? one.categories : rubric.rubric.categories;
  for (const cat of categories) {
    cols.push({ id: `score:${cat.id}`, title: `Điểm ${cat.short}`, kind: 'score' });
    if (rubric.levels.length) cols.push({ id: `level:${cat.id}`, title: `Mức ${cat.short}`, kind: 'level' });
  }
  cols.push({ id: 'total', title: 'Tổng điểm', kind: 'total' });
  if (rubric.showsMax) cols.push({ id: 'max', title: 'Điểm tối đa', kind: 'max' });
  if (result.comparison) {
    cols.push(
      { id: 'previousTotal', title: 'Tổng điểm năm trước', kind: 'previousTotal' },
      { id: 'change', title: 'Thay đổi', kind: 'change' },
    );
  }
  cols.push({ id: 'percent', title: 'Tỷ lệ (%)', kind: 'percent' });
  if (rubric.grades.length) cols.push({ id: 'grade', title: 'Xếp loại', kind: 'grade' });
  cols.push({ id: 'rank', title: 'Thứ hạng', kind: 'rank' });
  return cols;
}

const blank: RankingCell = { kind: 'blank' };
const text = (t: string | null): RankingCell => (t === null || t === '' ? blank : { kind: 'text', text: t });
const int = (n: number | null): RankingCell => (n === null ? blank : { kind: 'int', value: n });
const cents = (n: number | null): RankingCell => (n === null ? blank : { kind: 'cents', value: n });

/** How one column's cell is read from a unit (decided once per column); a missing unit shows its name (and district) only. */
function columnCell(col: RankingColumn, comparison: YearComparison | null): (u: UnitResult, stt: number) => RankingCell {
  const [, categoryId] = col.id.split(':');
  const category = (u: UnitResult) => (categoryId ? u.categories.find((c) => c.id === categoryId) : undefined);
  switch (col.kind) {
    case 'stt':
      return (_, stt) => int(stt);
    case 'name':
      return (u) => text(u.name);
    case 'district':
      return (u) => text(u.district);
    case 'score':
      return (u) => cents(category(u)?.scoreCents ?? null);
    case 'level':
      // Nothing computed (missing, unknown tier): blank, not "Không xếp hạng".
      return (u) => {
        const cat = category(u);
        return cat && (cat.scoreCents !== null || !cat.applicable) ? text(levelText(cat.level, cat.applicable)) : blank;
      };
    case 'total':
      return (u) => cents(u.totalCents);
    case 'max':
      return (u) => cents(u.maxCents);
    case 'grade':
      return (u) => text(u.status === 'scored' ? u.grade : null);
    case 'previousTotal':
      return (u) => cents(comparison?.byUnit.get(u)?.previous.totalCents ?? null);
    case 'change':
      return (u) => {
        const change = comparison?.byUnit.get(u)?.changeCents ?? null;
        return change === null ? blank : { kind: 'delta', value: change };
      };
    case 'percent':
      return (u) => cents(u.percentHundredths);
    case 'rank':
      return (u) => int(u.status === 'scored' ? u.rank : null);
  }
}

function rowsOf(units: UnitResult[], columns: RankingColumn[], comparison: YearComparison | null): RankingRow[] {
  const readers = columns.map((col) => columnCell(col, comparison));
  return units.map((unit, i) => ({ unit, cells: readers.map((read) => read(unit, i + 1)) }));
}

function withStatus(units: UnitResult[], status: Status): UnitResult[] {
  return units.filter((u) => u.status === status);
}

/** The three sections of one tier's units (given in result order), empty ones left out. */
function sectionsOf(units: UnitResult[], columns: RankingColumn[], comparison: YearComparison | null): RankingSection[] {
  const sections: RankingSection[] = [
    { kind: 'ranked', title: null, rows: rowsOf(displayOrder(withStatus(units, 'scored')), columns, comparison) },
    { kind: 'errors', title: SECTION_TITLES.errors, rows: rowsOf(withStatus(units, 'error'), columns, comparison) },
    // Result order is sheet order, then the listed units without a row in list order.
    { kind: 'missing', title: SECTION_TITLES.missing, rows: rowsOf(withStatus(units, 'missing'), columns, comparison) },
  ];
  return sections.filter((s) => s.rows.length > 0);
}

function tableTitle(index: number, rubric: CompiledRubric, tier: Tier | null): string {
  return tierHeading(index, tier ? rubric.tiers[tier].name : UNKNOWN_TIER_TITLE);
}

/** Every tier that has units, in the rubric's order, then the units of unknown tier. */
export function rankingTables(result: ScoreResult, year: number): RankingTables {
  const groups: { tier: Tier | null; units: UnitResult[] }[] = [];
  for (const { id: tier } of result.rubric.tierList) {
    const units = result.units.filter((u) => u.tier === tier);
    if (units.length) groups.push({ tier, units });
  }
  const unknown = result.units.filter((u) => u.tier === null);
  if (unknown.length) groups.push({ tier: null, units: unknown });

  const tables = groups.map(({ tier, units }, i): RankingTable => {
    const columns = rankingColumns(result, tier);
    return {
      tier,
      title: tableTitle(i, result.rubric, tier),
      maxCents: tier ? result.rubric.tiers[tier].maxCents : null,
      columns,
      sections: sectionsOf(units, columns, result.comparison),
    };
  });
  return { year, title: rankingTitle(result.rubric, year), tables };
}

/** A cell as Vietnamese display text ("96,05"), for documents; numbers through `format`. */
export function cellText(cell: RankingCell, formatCents: (c: number) => string): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'int':
      return String(cell.value);
    case 'cents':
      return formatCents(cell.value);
    case 'delta':
      return signed(cell.value, formatCents);
    case 'blank':
      return '';
  }
}

/** A change with its sign: "+2,35", "-1,20", "0,00". */
export function signed(cents: number, format: (c: number) => string): string {
  return cents > 0 ? `+${format(cents)}` : cents < 0 ? `-${format(-cents)}` : format(0);
}
