/**
 * The "Thẩm định" sheet (docs/tham-dinh.md, "Trang Thẩm định"): one row per correction — unit,
 * its area (for a rubric whose tiers are grouped), input code, value reported, value verified,
 * reason, reviewer, date. Reading only; applying is in scoring.
 */
import type { CompiledRubric } from '../rubric/compiled';
import { CellValue, Grid, a1, cellAt, columnCount } from './grid';
import { normLabel } from './normalize';
import { cellDisplayText, isBlankCell } from './typedValues';

export const APPRAISAL_COLUMNS = [
  { key: 'unit', title: 'Tên đơn vị', width: 32 },
  { key: 'district', title: '', width: 18 }, // titled by the rubric's grouped tier (appraisalColumns)
  { key: 'code', title: 'Mã chỉ số', width: 10 },
  { key: 'reported', title: 'Số liệu báo cáo', width: 14 },
  { key: 'verified', title: 'Số liệu thẩm định', width: 14 },
  { key: 'reason', title: 'Lý do', width: 40 },
  { key: 'reviewer', title: 'Người thẩm định', width: 20 },
  { key: 'date', title: 'Ngày', width: 12 },
] as const;

export type AppraisalColumn = (typeof APPRAISAL_COLUMNS)[number]['key'];

export interface AppraisalColumnSpec {
  key: AppraisalColumn;
  title: string;
  width: number;
}

/** The title of the area column: that of the rubric's grouped tier, or null. */
export function appraisalGroupTitle(rubric: CompiledRubric): string | null {
  return rubric.tierList.find((t) => t.def.groups)?.def.groups?.title ?? null;
}

/** The sheet's columns for a rubric: the area column only when the rubric groups a tier. */
export function appraisalColumns(rubric: CompiledRubric): AppraisalColumnSpec[] {
  const group = appraisalGroupTitle(rubric);
  return APPRAISAL_COLUMNS.flatMap((c): AppraisalColumnSpec[] =>
    c.key !== 'district' ? [{ ...c }] : group ? [{ ...c, title: group }] : [],
  );
}

/** One correction row as typed. */
export interface CorrectionRow {
  /** 0-based row on the appraisal sheet. */
  row: number;
  unit: string;
  district: string | null;
  code: string;
  reported: CellValue;
  verified: CellValue;
  reason: string;
  reviewer: string;
  date: CellValue;
  /** A1 address of each column's cell on this row. */
  cells: Record<AppraisalColumn, string>;
}

export type AppraisalSheetRead =
  { ok: true; rows: CorrectionRow[]; headerRow: number } | { ok: false; message: string; cell: string };

const REQUIRED: AppraisalColumn[] = ['unit', 'code', 'verified'];

/** The header row of an appraisal sheet: where it is and which column holds each title. */
export interface AppraisalHeader {
  /** 0-based row. */
  row: number;
  /** 0-based column of each title found (at least unit, code and verified). */
  columns: Map<AppraisalColumn, number>;
}

/** The first row holding the required titles, or null when there is none. */
export function findAppraisalHeader(grid: Grid, rubric: CompiledRubric): AppraisalHeader | null {
  const width = columnCount(grid);
  const titles = new Map<string, AppraisalColumn>(appraisalColumns(rubric).map((c) => [normLabel(c.title), c.key]));
  for (let r = 0; r < grid.rows.length; r++) {
    const columns = new Map<AppraisalColumn, number>();
    for (let c = 0; c < width; c++) {
      const key = titles.get(normLabel(cellDisplayText(cellAt(grid, r, c))));
      if (key && !columns.has(key)) columns.set(key, c);
    }
    if (REQUIRED.every((k) => columns.has(k))) return { row: r, columns };
  }
  return null;
}

export function readAppraisalSheet(grid: Grid, rubric: CompiledRubric): AppraisalSheetRead {
  const header = findAppraisalHeader(grid, rubric);
  if (!header) {
    return {
      ok: false,
      cell: 'A1',
      message: `Trang "${grid.name}" không có dòng tiêu đề với các cột "Tên đơn vị", "Mã chỉ số" và "Số liệu thẩm định"`,
    };
  }
  const { row: r, columns: cols } = header;
  const rows: CorrectionRow[] = [];
  for (let d = r + 1; d < grid.rows.length; d++) {
    const value = (key: AppraisalColumn): CellValue => (cols.has(key) ? cellAt(grid, d, cols.get(key)!) : null);
    const text = (key: AppraisalColumn) => cellDisplayText(value(key)).trim();
    // A row whose verified value is blank is no correction.
    if (isBlankCell(value('verified'))) continue;
    const cells = Object.fromEntries(
      APPRAISAL_COLUMNS.map((c) => [c.key, a1(d, cols.get(c.key) ?? cols.get('verified')!)]),
    ) as Record<AppraisalColumn, string>;
    rows.push({
      row: d,
      unit: text('unit'),
      district: text('district') || null,
      code: text('code'),
      reported: value('reported'),
      verified: value('verified'),
      reason: text('reason'),
      reviewer: text('reviewer'),
      date: value('date'),
      cells,
    });
  }
  return { ok: true, rows, headerRow: r };
}
