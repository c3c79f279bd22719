/**
 * The "Xếp hạng" sheet (workbook.md, "The ranking sheet") written with ExcelJS: the ranking
 * tables of every tier, A4 landscape, fitted to the page width, the header row repeated on
 * every printed page. The sheet is recorded by the workbook-level name CQDT_XepHang; only a
 * sheet so recorded is ever replaced, and no other sheet is touched.
 */
import type ExcelJS from 'exceljs';
import type { Borders, Cell, Workbook, Worksheet } from 'exceljs';
import type { ScoreResult } from '../../scoring/types';
import { RANKING_SHEET, RANKING_SHEET_ALTERNATIVE } from '../../scoring/scoreWorkbook';
import {
  FONT_NAME,
  RANKING_DEFINED_NAME,
  RANKING_PAGE,
  RankingCellLook,
  rankingSheetPlan,
  rankingSheetTarget,
} from '../../report/rankingSheetPlan';
import type { DecisionSettings } from '../../report/settings';
import { definedNameArea, setDefinedName } from './readXlsx';

export { RANKING_DEFINED_NAME };
export const RANKING_SHEET_NAME = RANKING_SHEET;
export const RANKING_SHEET_FALLBACK = RANKING_SHEET_ALTERNATIVE;

export interface RankingSheetOutcome {
  sheetName: string;
  /** Said to the user when the sheet could not take its usual name. */
  notice: string | null;
}

/** ExcelJS orders tabs by this field, which its typings leave out. */
type Ordered = Worksheet & { orderNo: number };

/** Removes the sheet this module made last time (if any) and adds a fresh one in its place. */
function recreateSheet(workbook: Workbook, scoredSheet: string): { sheet: Worksheet; notice: string | null } {
  const recorded = definedNameArea(workbook, RANKING_DEFINED_NAME)?.sheet ?? null;
  const target = rankingSheetTarget(
    workbook.worksheets.map((ws) => ws.name),
    recorded,
    scoredSheet,
    RANKING_SHEET,
    RANKING_SHEET_ALTERNATIVE,
  );
  setDefinedName(workbook, RANKING_DEFINED_NAME, null);
  let orderNo: number | null = null;
  if (target.replaces) {
    const own = workbook.getWorksheet(target.replaces)!;
    orderNo = (own as Ordered).orderNo;
    workbook.removeWorksheet(own.id);
  }
  const sheet = workbook.addWorksheet(target.name);
  if (orderNo !== null) (sheet as Ordered).orderNo = orderNo; // keep its place among the tabs
  return { sheet, notice: target.notice };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function applyLook(cell: Cell, look: RankingCellLook): void {
  cell.font = {
    name: FONT_NAME,
    size: look.size,
    ...(look.bold ? { bold: true } : {}),
    ...(look.italic ? { italic: true } : {}),
  };
  cell.alignment = { horizontal: look.horizontal, vertical: 'middle', wrapText: look.wrap };
  if (look.border) cell.border = BOX;
  if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill}` } };
  if (look.numberFormat) cell.numFmt = look.numberFormat;
}

function pageSetup(sheet: Worksheet, headerRow: number | null): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: RANKING_PAGE.fitToWidth,
    fitToHeight: 0, // as many pages down as needed
    horizontalCentered: true,
    margins: { ...RANKING_PAGE.margins },
    ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
}

/** Writes (or rewrites) the ranking sheet from its plan; no other sheet is touched. */
export function writeRankingSheet(workbook: Workbook, result: ScoreResult, settings: DecisionSettings): RankingSheetOutcome {
  const { sheet, notice } = recreateSheet(workbook, result.sheet);
  const plan = rankingSheetPlan(result, settings);
  plan.columns.forEach((col, i) => (sheet.getColumn(i + 1).width = col.width));
  plan.rows.forEach((row, r) => {
    if (row.kind === 'blank') return;
    if (row.merged) sheet.mergeCells(r + 1, 1, r + 1, plan.columns.length);
    if (row.height) sheet.getRow(r + 1).height = row.height;
    row.values.forEach((value, c) => {
      if (row.merged && c > 0 && !row.looks[c].border) return;
      const cell = sheet.getCell(r + 1, c + 1);
      if (!row.merged || c === 0) cell.value = value as ExcelJS.CellValue;
      applyLook(cell, row.looks[c]);
    });
  });
  pageSetup(sheet, plan.printTitleRow);
  // A table whose columns differ from the one above starts a new printed page.
  for (const row of plan.pageBreaks) sheet.getRow(row - 1).addPageBreak();
  setDefinedName(workbook, RANKING_DEFINED_NAME, plan.reference(sheet.name));
  return { sheetName: sheet.name, notice };
}
