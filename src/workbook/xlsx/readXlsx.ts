/**
 * Reading an .xlsx workbook with ExcelJS into the engine's grids: for the command line, and in
 * the task pane for last year's scored workbook (loaded on demand, see ./previousYear).
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergedArea } from '../../sheet/grid';
import { parseArea } from '../../sheet/grid';

/** The workbook in the bytes, or a message when they are not a readable .xlsx. */
export async function loadXlsx(
  bytes: Uint8Array,
): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; message: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { ok: false, message: `không đọc được tệp .xlsx (${(e as Error).message})` };
  }
  return { ok: true, workbook };
}

/** One ExcelJS value as the engine sees it: formulas by their cached result, rich text as text. */
export function toCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return toCellValue(result ?? null);
  }
  if ('text' in v) {
    const text = (v as { text: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) {
      return (text as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    }
  }
  return null;
}

export function worksheetMerges(ws: ExcelJS.Worksheet): MergedArea[] {
  const refs = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  return refs.map(parseArea).filter((a): a is MergedArea => a !== null);
}

/** The sheet as a grid anchored at A1; merged cells other than the top-left read as blank. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      cells[colNumber - 1] = toCellValue(cell.value);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { name: ws.name, rows, merges: worksheetMerges(ws) };
}

export function workbookGrids(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.map(worksheetGrid);
}

/** A workbook-level defined name's first range: sheet and 0-based area. */
export function definedNameArea(wb: ExcelJS.Workbook, name: string): { sheet: string; area: MergedArea } | null {
  const entry = wb.definedNames.model.find((n) => n.name === name);
  const ref = entry?.ranges[0];
  if (!ref) return null;
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const area = parseArea(ref.slice(bang + 1));
  return area ? { sheet, area } : null;
}

/** Replaces (or removes, with null) a workbook-level defined name. */
export function setDefinedName(wb: ExcelJS.Workbook, name: string, reference: string | null): void {
  const others = wb.definedNames.model.filter((n) => n.name !== name);
  wb.definedNames.model = reference ? [...others, { name, ranges: [reference] }] : others;
}
