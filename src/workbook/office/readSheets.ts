/**
 * Reading sheets into the engine's grids: each sheet's used range (values, value types and, for
 * sheets that may be scored, number formats) and merged areas are queued together with whatever
 * else the caller needs, so that a normal workbook is read in one round trip. A sheet taller
 * than the first window is read on in further windows sized to stay under the payload cap.
 */
import type { CellValue, Grid, MergedArea } from '../../sheet/grid';
import { convertRows } from './cellValues';
import { FIRST_WINDOW_ROWS, READ_BUDGET_BYTES, jsonBytes } from './payload';
import { parseAreaList } from './references';
import type { RoundTrips } from './roundTrips';

const MAX_COLUMNS = 16384;

export interface SheetReadOptions {
  /** Read merged areas (ExcelApi 1.13); otherwise the grid's merges are null. */
  merges: boolean;
  /** Read number formats, to tell dates from numbers. */
  formats: boolean;
}

/** A sheet's read, queued and not yet synced. */
export interface QueuedSheetRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  window: Excel.Range;
  merged: Excel.RangeAreas | null;
  options: SheetReadOptions;
}

function windowProperties(options: SheetReadOptions): string {
  return options.formats ? 'values,valueTypes,numberFormat,rowCount' : 'values,valueTypes,rowCount';
}

/** Queues the reads of one sheet (its name must be loaded by the caller). */
export function queueSheetRead(sheet: Excel.Worksheet, options: SheetReadOptions): QueuedSheetRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const window = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, FIRST_WINDOW_ROWS, MAX_COLUMNS));
  window.load(windowProperties(options));
  let merged: Excel.RangeAreas | null = null;
  if (options.merges) {
    merged = used.getMergedAreasOrNullObject();
    merged.load('address');
  }
  return { sheet, used, window, merged, options };
}

interface WindowToRead {
  target: CellValue[][];
  queued: QueuedSheetRead;
  row: number;
  rows: number;
  column: number;
  columns: number;
  bytes: number;
}

function convertWindow(range: Excel.Range, options: SheetReadOptions, leftPad: number): CellValue[][] {
  return convertRows(range.values, range.valueTypes as string[][], options.formats ? range.numberFormat : null, leftPad);
}

/**
 * Turns synced reads into grids, reading the rest of any sheet taller than the first window.
 * Call after the sync that carried the queued reads; `names` are the sheets' names.
 */
export async function finishSheetReads(reads: { name: string; queued: QueuedSheetRead }[], trips: RoundTrips): Promise<Grid[]> {
  const grids: Grid[] = [];
  const later: WindowToRead[] = [];
  for (const { name, queued } of reads) {
    const { used, window, merged, options } = queued;
    const rows: CellValue[][] = [];
    let merges: MergedArea[] | null = options.merges ? [] : null;
    if (!used.isNullObject) {
      const top = used.rowIndex;
      const left = used.columnIndex;
      for (let r = 0; r < top; r++) rows.push([]);
      let read = 0;
      let bytesPerRow = 30 * used.columnCount;
      if (!window.isNullObject) {
        const first = convertWindow(window, options, left);
        for (const row of first) rows.push(row);
        read = window.rowCount;
        if (read > 0) {
          const sample =
            jsonBytes(window.values) + jsonBytes(window.valueTypes) + (options.formats ? jsonBytes(window.numberFormat) : 0);
          bytesPerRow = Math.max(1, Math.ceil(sample / read));
        }
      }
      const perWindow = Math.max(1, Math.floor(READ_BUDGET_BYTES / bytesPerRow));
      for (let start = read; start < used.rowCount; start += perWindow) {
        const count = Math.min(perWindow, used.rowCount - start);
        later.push({
          target: rows,
          queued,
          row: top + start,
          rows: count,
          column: left,
          columns: used.columnCount,
          bytes: count * bytesPerRow,
        });
      }
      if (merged && !merged.isNullObject) merges = parseAreaList(merged.address);
    }
    grids.push({ name, rows, merges });
  }
  await readLaterWindows(later, trips);
  return grids;
}

/** The windows beyond the first, packed into as few round trips as the budget allows. */
async function readLaterWindows(windows: WindowToRead[], trips: RoundTrips): Promise<void> {
  let i = 0;
  while (i < windows.length) {
    const batch: { w: WindowToRead; range: Excel.Range }[] = [];
    let bytes = 0;
    while (i < windows.length && (batch.length === 0 || bytes + windows[i].bytes <= READ_BUDGET_BYTES)) {
      const w = windows[i++];
      const range = w.queued.sheet.getRangeByIndexes(w.row, w.column, w.rows, w.columns);
      range.load(windowProperties(w.queued.options));
      batch.push({ w, range });
      bytes += w.bytes;
    }
    await trips.read();
    // Windows of one sheet are queued in order, so appending keeps its rows in place.
    for (const { w, range } of batch) for (const row of convertWindow(range, w.queued.options, w.column)) w.target.push(row);
  }
}
