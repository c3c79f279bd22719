/**
 * The "Xếp hạng" sheet as a plan (workbook.md, "The ranking sheet"): rows of values with their
 * look, column widths and print setup. Pure, so the ExcelJS writer (command line) and the
 * Excel.run writer (add-in) lay out the same sheet. Every tier's table uses the same columns
 * (those of the communes, "Thuộc huyện" blank above the others) so that the one header row
 * repeated on each printed page is right for every table.
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
  columns: { title: string; width: number }[];
  rows: PlannedRow[];
  /** 1-based row repeated at the top of each printed page (the first table's header). */
  printTitleRow: number | null;
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
  previousTotal: 12,
  change: 10,
  percent: 10,
  rank: 10,
};

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
  constructor(readonly columns: RankingColumn[]) {}

  banner(kind: RankingRowKind, text: string, o: Partial<RankingCellLook>): void {
    const values = this.columns.map((_, i) => (i === 0 ? text : null));
    const looks = this.columns.map(() => look({ wrap: true, ...o }));
    this.rows.push({ kind, values, looks, merged: true, height: null });
  }

  header(): number {
    this.rows.push({
      kind: 'header',
      values: this.columns.map((c) => c.title),
      looks: this.columns.map(() => look({ bold: true, horizontal: 'center', wrap: true, border: true, fill: HEADER_FILL })),
      merged: false,
      // Two lines: titles such as "Điểm Kết quả" wrap, and no host grows the row by itself.
      height: 32,
    });
    return this.rows.length; // 1-based
  }

  unit(cells: RankingCell[], tableColumns: RankingColumn[]): void {
    const byId = new Map(tableColumns.map((c, i) => [c.id, cells[i]]));
    const parts = this.columns.map((col) => valueOf(byId.get(col.id) ?? { kind: 'blank' }));
    this.rows.push({
      kind: 'unit',
      values: parts.map((p) => p.value),
      looks: this.columns.map((col, i) => {
        const left = col.kind === 'name' || col.kind === 'district';
        return look({ horizontal: left ? 'left' : 'center', wrap: left, border: true, numberFormat: parts[i].numberFormat });
      }),
      merged: false,
      height: null,
    });
  }

  blank(): void {
    this.rows.push({
      kind: 'blank',
      values: this.columns.map(() => null),
      looks: this.columns.map(() => look()),
      merged: false,
      height: null,
    });
  }
}

function addTable(b: PlanBuilder, t: RankingTable): number {
  const max = t.maxCents !== null ? ` (tổng điểm tối đa: ${formatCentsShort(t.maxCents)} điểm)` : '';
  b.banner('tierTitle', `${t.title}${max}`, { bold: true });
  const headerRow = b.header();
  for (const section of t.sections) {
    if (section.title) b.banner('section', section.title, { bold: true, italic: true, border: true });
    for (const row of section.rows) b.unit(row.cells, t.columns);
  }
  b.blank();
  return headerRow;
}

export function rankingSheetPlan(result: ScoreResult, settings: DecisionSettings): RankingSheetPlan {
  const tables = rankingTables(result, settings.year);
  const columns = rankingColumns(result, 'commune');
  const b = new PlanBuilder(columns);
  b.banner('title', tables.title, { bold: true, size: 14, horizontal: 'center' });
  b.banner(
    'subtitle',
    `(Kèm theo Quyết định số ${settings.decisionNumber}/QĐ-UBND ngày ${PLACEHOLDER} tháng ${PLACEHOLDER} năm ${PLACEHOLDER} của ${committeeOfProvince(settings)})`,
    { italic: true, horizontal: 'center' },
  );
  b.blank();
  let printTitleRow: number | null = null;
  for (const t of tables.tables) {
    const h = addTable(b, t);
    printTitleRow ??= h;
  }
  if (tables.tables.length === 0) b.banner('note', 'Không có đơn vị nào trong bảng tổng hợp.', { italic: true });
  // The trailing blank row is not part of the sheet's area.
  const lastRow = Math.max(1, b.rows[b.rows.length - 1].kind === 'blank' ? b.rows.length - 1 : b.rows.length);
  return {
    columns: columns.map((c) => ({ title: c.title, width: WIDTHS[c.kind] })),
    rows: b.rows,
    printTitleRow,
    reference: (sheetName) => `${quoteSheetName(sheetName)}!$A$1:$${columnLetters(columns.length - 1)}$${lastRow}`,
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
