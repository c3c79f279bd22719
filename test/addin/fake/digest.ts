/**
 * Comparable pictures of a fake sheet: everything a user could see or the add-in could leave
 * behind, to compare two states (idempotence) or one state before and after (untouched cells).
 */
import type { MergedArea } from '../../../src/sheet/grid';
import { NOTE_PREFIX } from '../../../src/report/resultBlock';
import { MAX_COLUMNS, SheetState, WorkbookState, areaAddress } from './workbookState';

const inside = (area: MergedArea | null, r: number, c: number) =>
  area !== null && r >= area.top && r <= area.bottom && c >= area.left && c <= area.right;

/** Cells outside an area: value, number format and format, keyed by address. */
export function cellsOutside(sheet: SheetState, area: MergedArea | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, cell] of sheet.cells) {
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    if (inside(area, r, c)) continue;
    const empty = cell.value === null && cell.numberFormat === 'General' && Object.keys(cell.format).length === 0;
    if (!empty) out.set(areaAddress({ top: r, left: c, bottom: r, right: c }), JSON.stringify(cell));
  }
  return out;
}

export function staffNotes(sheet: SheetState): string[] {
  return sheet.notes.filter((n) => !n.content.startsWith(NOTE_PREFIX)).map((n) => `${n.cell}: ${n.content}`);
}

export function ownNotes(sheet: SheetState): string[] {
  return sheet.notes
    .filter((n) => n.content.startsWith(NOTE_PREFIX))
    .map((n) => `${n.cell}: ${n.content}`)
    .sort();
}

export function rules(sheet: SheetState): string[] {
  return sheet.conditionalFormats.map((cf) => `${cf.type} ${areaAddress(cf.area)} ${cf.formula ?? ''} ${cf.fill ?? ''}`);
}

/** The whole visible state of a sheet and the workbook's names. */
export function sheetDigest(state: WorkbookState, sheet: SheetState): Record<string, unknown> {
  const cells = [...cellsOutside(sheet, null).entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    cells,
    notes: [...sheet.notes.map((n) => `${n.cell}: ${n.content}`)].sort(),
    rules: rules(sheet),
    names: [...state.names.entries()].sort(),
    autoFilter: sheet.autoFilter
      ? { area: areaAddress(sheet.autoFilter.area), criteria: [...sheet.autoFilter.criteria.entries()] }
      : null,
    widths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    hidden: [...sheet.hiddenColumns].sort((a, b) => a - b),
    sheets: state.sheets.map((s) => s.name),
  };
}
