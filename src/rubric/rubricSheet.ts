/**
 * The "Tiêu chí" sheet: a rubric staff can read and edit in Excel (workbook.md, "The criteria
 * sheet"). The built-in rubric written out and read back is unchanged.
 */
import type { CellValue, Grid } from '../sheet/grid';
import type { Rubric } from './schema';

export const RUBRIC_SHEET = 'Tiêu chí';

export type RubricSheetResult = { ok: true; rubric: Rubric } | { ok: false; message: string };

/** Reads a rubric from the sheet's cells; a problem is named by its row and cell. */
export function rubricFromGrid(grid: Grid): RubricSheetResult {
  void grid;
  return { ok: false, message: 'Chưa hỗ trợ trang "Tiêu chí"' };
}

/** The rubric as the sheet's rows, starting at A1. */
export function rubricToRows(rubric: Rubric): CellValue[][] {
  void rubric;
  return [];
}
