/**
 * The "Xếp hạng" sheet as a plan (docs/bang-tong-hop.md, "Trang Xếp hạng"): rows of values with
 * their look, column widths, row heights and print setup. Pure, so the .xlsx writer (command
 * line) and the Excel.run writer (add-in) lay out the same sheet. Each tier's table has its own
 * columns; when they differ, each table starts on a new printed page and no header row is
 * repeated (one repeated row could not be right for every table). Rows whose names wrap get the
 * height their lines need, since no host grows a row by itself when printing.
 */
import type { ScoreResult } from '../scoring/types';
import { CellLook, FONT_NAME, PlannedCell, PlannedRow, SHEET_PAGE, SheetBuilder, SheetPlan } from './sheetPlan';
import { RankingCell, RankingColumn, RankingTable, rankingColumns, rankingTables } from './rankingTables';
import { NO_UNITS_NOTE, attachmentLine, tableHeading } from './appendixWords';
import type { DecisionSettings } from './settings';

/** The workbook-level name that records the sheet the add-in made, so only that one is ever replaced. */
export const RANKING_DEFINED_NAME = 'CQDT_XepHang';

export type RankingCellLook = CellLook;
export type { PlannedRow };
export type RankingSheetPlan = SheetPlan;
export { FONT_NAME };
export const RANKING_PAGE = SHEET_PAGE;

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

/** A ranking cell as a sheet value and its number format; strings stay strings even when they start with "=". */
function valueOf(cell: RankingCell): PlannedCell {
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

/** The ranking tables' rows: a unit's cells from its ranking cells. */
class PlanBuilder extends SheetBuilder {
  setColumns(columns: RankingColumn[]): void {
    this.columns = columns.map((c) => ({ title: c.title, wraps: c.kind === 'name' || c.kind === 'district' }));
  }

  unit(cells: RankingCell[]): void {
    this.row(cells.map(valueOf));
  }
}

function addTable(b: PlanBuilder, t: RankingTable): { banner: number; header: number } {
  b.setColumns(t.columns);
  b.banner('tierTitle', tableHeading(t), { bold: true });
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
  const b = new PlanBuilder(widths);
  b.banner('title', tables.title, { bold: true, size: 14, horizontal: 'center' });
  b.banner('subtitle', attachmentLine(settings), { italic: true, horizontal: 'center' });
  b.blank();
  const uniform = tables.tables.every((t) => sameColumns(t.columns, tables.tables[0].columns));
  let printTitleRow: number | null = null;
  const pageBreaks: number[] = [];
  tables.tables.forEach((t, i) => {
    const at = addTable(b, t);
    if (i === 0 && uniform) printTitleRow = at.header;
    if (i > 0 && !uniform) pageBreaks.push(at.banner);
  });
  if (tables.tables.length === 0) b.banner('note', NO_UNITS_NOTE, { italic: true });
  return b.plan(
    sheetColumns.map((c) => c.title),
    printTitleRow,
    pageBreaks,
  );
}
