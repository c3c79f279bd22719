/**
 * The "Xếp hạng" sheet as a plan (docs/bang-tong-hop.md, "Trang Xếp hạng"): rows of values with
 * their look, column widths, row heights and print setup. Pure, so the .xlsx writer (command
 * line) and the Excel.run writer (add-in) lay out the same sheet. Each tier's table has its own
 * columns; when they differ, each table starts on a new printed page and no header row is
 * repeated (one repeated row could not be right for every table). Rows whose names wrap get the
 * height their lines need, since no host grows a row by itself when printing.
 */
import type { ScoreResult } from '../scoring/types';
import { formatCentsShort } from '../scoring/viFormat';
import type { CellValue } from '../sheet/grid';
import { quoteSheetName, columnLetters } from '../sheet/grid';
import { RankingCell, RankingColumn, RankingTable, rankingColumns, rankingTables } from './rankingTables';
import { DecisionSettings, PLACEHOLDER, committeeOfProvince } from './settings';

/** The workbook-level name that records the sheet the add-in made, so only that one is ever replaced. */
export const RANKING_DEFINED_NAME = 'CQDT_XepHang';

export type RankingRowKind = 'title' | 'subtitle' | 'tierTitle' | 'header' | 'section' | 'unit' | 'note' | 'blank';

export interface RankingCellLook {
  bold?: boolean;
  italic?: boolean;
  size: number;
  horizontal: 'left' | 'center';
  wrap: boolean;
  border: boolean;
  /** Background colour (RRGGBB) or none. */
  fill: string | null;
  numberFormat: string | null;
}

export interface PlannedRow {
  kind: RankingRowKind;
  /** One value per column (banners: the text in the first cell, the row merged across). */
  values: CellValue[];
  looks: RankingCellLook[];
  /** Merge the row's cells across the table's width. */
  merged: boolean;
  /** Row height in points, when the row needs more than one line. */
  height: number | null;
}

export interface RankingSheetPlan {
  /** The sheet's columns (the widest table's), with widths that fit every table. */
  columns: { title: string; width: number }[];
  rows: PlannedRow[];
  /** 1-based row repeated at the top of each printed page: the header, when every table has the same columns. */
  printTitleRow: number | null;
  /** 1-based rows that start a new printed page (each table after the first, when their columns differ). */
  pageBreaks: number[];
  /** A1 reference of the whole sheet area for the defined name, given the sheet's name. */
  reference: (sheetName: string) => string;
}

export const FONT_NAME = 'Times New Roman';

/**
 * How the sheet prints, for both writers: A4 landscape, one page wide and as many down as
 * needed, centred across the page; margins in inches.
 */
export const RANKING_PAGE = {
  fitToWidth: 1,
  margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

const HEADER_FILL = 'E7E6E6';

const WIDTHS: Record<RankingColumn['kind'], number> = {
  stt: 6,
  name: 36,
  district: 20,
  score: 11,
  level: 16,
  total: 11,
  max: 11,
  previousTotal: 12,
  change: 10,
  percent: 10,
  grade: 12,
  rank: 10,
};

/** Points per printed line of 12 pt text, and the padding of a row. */
const LINE_HEIGHT = 15.75;
const ROW_PADDING = 2;

/**
 * How many lines a text takes in a column of the given width (Excel's width unit: about one
 * character of the default font), wrapping at spaces as Excel does; a little margin is kept
 * because Times New Roman capitals are wider than the unit.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(4, Math.floor(width * 0.95) - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.trim().split(/\s+/)) {
    const len = word.length;
    if (used === 0) {
      used = len;
    } else if (used + 1 + len <= capacity) {
      used += 1 + len;
    } else {
      lines++;
      used = len;
    }
    while (used > capacity) {
      lines++;
      used -= capacity;
    }
  }
  return lines;
}

/** The height a row needs for its wrapped cells, or null for one line. */
function heightFor(values: CellValue[], widths: number[], wraps: boolean[]): number | null {
  let lines = 1;
  values.forEach((v, i) => {
    if (wraps[i] && typeof v === 'string' && v !== '') lines = Math.max(lines, wrappedLines(v, widths[i]));
  });
  return lines > 1 ? lines * LINE_HEIGHT + ROW_PADDING : null;
}

const look = (o: Partial<RankingCellLook> = {}): RankingCellLook => ({
  size: 12,
  horizontal: 'left',
  wrap: false,
  border: false,
  fill: null,
  numberFormat: null,
  ...o,
});

/** A ranking cell as a sheet value and its number format; strings stay strings even when they start with "=". */
function valueOf(cell: RankingCell): { value: CellValue; numberFormat: string | null } {
  switch (cell.kind) {
    case 'text':
      return { value: cell.text, numberFormat: null };
    case 'int':
      return { value: cell.value, numberFormat: null };
    case 'cents':
      return { value: cell.value / 100, numberFormat: '0.00' };
    case 'delta':
      return { value: cell.value / 100, numberFormat: '+0.00;-0.00;0.00' };
    case 'blank':
      return { value: null, numberFormat: null };
  }
}

class PlanBuilder {
  readonly rows: PlannedRow[] = [];
  /** The current table's columns, laid from column A; the sheet has `width` columns. */
  columns: RankingColumn[] = [];
  constructor(
    readonly width: number,
    readonly widths: number[],
  ) {}

  banner(kind: RankingRowKind, text: string, o: Partial<RankingCellLook>): void {
    const values = this.widths.map((_, i) => (i === 0 ? text : null));
    const looks = this.widths.map(() => look({ wrap: true, ...o }));
    const total = this.widths.reduce((a, b) => a + b, 0);
    const size = o.size ?? 12;
    const lines = wrappedLines(text, (total * 12) / size);
    const height = lines > 1 ? (lines * LINE_HEIGHT * size) / 12 + ROW_PADDING : null;
    this.rows.push({ kind, values, looks, merged: true, height });
  }

  header(): number {
    const values = this.widths.map((_, i) => this.columns[i]?.title ?? null);
    this.rows.push({
      kind: 'header',
      values,
      looks: this.widths.map((_, i) =>
        i < this.columns.length
          ? look({ bold: true, horizontal: 'center', wrap: true, border: true, fill: HEADER_FILL })
          : look(),
      ),
      merged: false,
      // At least two lines: titles such as "Điểm Kết quả" wrap, and no host grows the row by itself.
      height: Math.max(
        32,
        heightFor(
          values,
          this.widths,
          values.map(() => true),
        ) ?? 0,
      ),
    });
    return this.rows.length; // 1-based
  }

  unit(cells: RankingCell[]): void {
    const parts = this.widths.map((_, i) => (i < cells.length ? valueOf(cells[i]) : { value: null, numberFormat: null }));
    const wraps = this.widths.map((_, i) => {
      const kind = this.columns[i]?.kind;
      return kind === 'name' || kind === 'district';
    });
    const values = parts.map((p) => p.value);
    this.rows.push({
      kind: 'unit',
      values,
      looks: this.widths.map((_, i) =>
        i < this.columns.length
          ? look({ horizontal: wraps[i] ? 'left' : 'center', wrap: wraps[i], border: true, numberFormat: parts[i].numberFormat })
          : look(),
      ),
      merged: false,
      height: heightFor(values, this.widths, wraps),
    });
  }

  blank(): void {
    this.rows.push({
      kind: 'blank',
      values: this.widths.map(() => null),
      looks: this.widths.map(() => look()),
      merged: false,
      height: null,
    });
  }
}

function addTable(b: PlanBuilder, t: RankingTable): { banner: number; header: number } {
  b.columns = t.columns;
  const max = t.maxCents !== null ? ` (tổng điểm tối đa: ${formatCentsShort(t.maxCents)} điểm)` : '';
  b.banner('tierTitle', `${t.title}${max}`, { bold: true });
  const banner = b.rows.length;
  const header = b.header();
  for (const section of t.sections) {
    if (section.title) b.banner('section', section.title, { bold: true, italic: true, border: true });
    for (const row of section.rows) b.unit(row.cells);
  }
  b.blank();
  return { banner, header };
}

const sameColumns = (a: RankingColumn[], b: RankingColumn[]) =>
  a.length === b.length && a.every((c, i) => c.title === b[i].title);

export function rankingSheetPlan(result: ScoreResult, settings: DecisionSettings): RankingSheetPlan {
  const tables = rankingTables(result, settings.year);
  const widest = tables.tables.reduce<RankingColumn[]>((w, t) => (t.columns.length > w.length ? t.columns : w), []);
  const sheetColumns = widest.length ? widest : rankingColumns(result, null);
  // Each column as wide as the widest use any table makes of it.
  const widths = sheetColumns.map((_, i) =>
    Math.max(...tables.tables.map((t) => (t.columns[i] ? WIDTHS[t.columns[i].kind] : 0)), WIDTHS[sheetColumns[i].kind]),
  );
  const b = new PlanBuilder(sheetColumns.length, widths);
  b.banner('title', tables.title, { bold: true, size: 14, horizontal: 'center' });
  b.banner(
    'subtitle',
    `(Kèm theo Quyết định số ${settings.decisionNumber}/QĐ-UBND ngày ${PLACEHOLDER} tháng ${PLACEHOLDER} năm ${PLACEHOLDER} của ${committeeOfProvince(settings)})`,
    { italic: true, horizontal: 'center' },
  );
  b.blank();
  const uniform = tables.tables.every((t) => sameColumns(t.columns, tables.tables[0].columns));
  let printTitleRow: number | null = null;
  const pageBreaks: number[] = [];
  tables.tables.forEach((t, i) => {
    const at = addTable(b, t);
    if (i === 0 && uniform) printTitleRow = at.header;
    if (i > 0 && !uniform) pageBreaks.push(at.banner);
  });
  if (tables.tables.length === 0) b.banner('note', 'Không có đơn vị nào trong bảng tổng hợp.', { italic: true });
  // The trailing blank row is not part of the sheet's area.
  const lastRow = Math.max(1, b.rows[b.rows.length - 1].kind === 'blank' ? b.rows.length - 1 : b.rows.length);
  return {
    columns: sheetColumns.map((c, i) => ({ title: c.title, width: widths[i] })),
    rows: b.rows,
    printTitleRow,
    pageBreaks,
    reference: (sheetName) => `${quoteSheetName(sheetName)}!$A$1:$${columnLetters(sheetColumns.length - 1)}$${lastRow}`,
  };
}

const sameSheetName = (a: string, b: string) =>
  a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');

/**
 * Which sheet the ranking goes to: the one the add-in made before (recorded by the defined
 * name; never the scored sheet), else "Xếp hạng", else "Xếp hạng (CQĐT)" when staff have a
 * "Xếp hạng" of their own — with a notice saying so.
 */
export function rankingSheetTarget(
  sheetNames: string[],
  recorded: string | null,
  scoredSheet: string,
  preferred: string,
  alternative: string,
): { name: string; replaces: string | null; notice: string | null } {
  const find = (name: string) => sheetNames.find((s) => sameSheetName(s, name)) ?? null;
  const own = recorded && !sameSheetName(recorded, scoredSheet) ? find(recorded) : null;
  let name: string;
  if (own) name = own;
  else if (!find(preferred)) name = preferred;
  else if (!find(alternative)) name = alternative;
  else {
    let n = 2;
    while (find(`${preferred} (CQĐT ${n})`)) n++;
    name = `${preferred} (CQĐT ${n})`;
  }
  const staff = find(preferred);
  const notice =
    staff && !sameSheetName(staff, name)
      ? `Tệp đã có trang "${preferred}" do người dùng lập nên trang đó được giữ nguyên; bảng xếp hạng được ghi vào trang "${name}".`
      : null;
  return { name, replaces: own, notice };
}
