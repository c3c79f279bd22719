/**
 * Reading sheets into the engine's grids, every response under the payload cap (payload.ts).
 *
 * A sheet whose size is not known yet is read in two steps: its first window (a fixed number of
 * rows × columns, queued with whatever else the caller needs, so that a yearly sheet is read in
 * one round trip), then the rest of its used range — the rows below and the columns to the right
 * of that window — in windows sized by rows × columns from the bytes per cell measured in the
 * first one. Windows are packed into as few round trips as the budget allows. Should Excel
 * still refuse a response (cells far longer than measured), the windows of that round trip are
 * halved and read again.
 */
import type { CellValue, Grid, MergedArea } from '../../sheet/grid';
import { toCellValue } from './cellValues';
import { READ_BUDGET_BYTES, READ_MARGIN, UNMEASURED_CELL_BYTES, isPayloadLimitError, jsonBytes, PREVIEW_WINDOW } from './payload';
import { parseAreaList } from './references';
import type { RoundTrips } from './roundTrips';

export interface WindowSize {
  rows: number;
  columns: number;
}

export interface SheetReadOptions {
  /** Read merged areas (ExcelApi 1.13); otherwise the grid's merges are null. */
  merges: boolean;
  /** Read number formats, to tell dates from numbers. */
  formats: boolean;
  /** The first window, read before the sheet's size is known. */
  first: WindowSize;
}

/** A sheet's first window, queued and not yet synced. */
export interface QueuedSheetRead {
  name?: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  window: Excel.Range;
  merged: Excel.RangeAreas | null;
  options: SheetReadOptions;
}

/** A rectangle of a sheet still to read, 0-based and inclusive. */
interface Tile extends MergedArea {
  sheet: PartialSheet;
}

/** A sheet being assembled from windows. */
export interface PartialSheet {
  name: string;
  sheet: Excel.Worksheet;
  options: { merges: boolean; formats: boolean };
  /** The used range (values only), or null for an empty sheet. */
  used: MergedArea | null;
  rows: CellValue[][];
  merges: MergedArea[] | null;
  /** Bytes per cell to size the next windows with. */
  cellBytes: number;
  remaining: Tile[];
}

const properties = (formats: boolean) => (formats ? 'values,valueTypes,numberFormat' : 'values,valueTypes');

/** Queues the first window of a sheet (its name must be loaded by the caller). */
export function queueSheetRead(sheet: Excel.Worksheet, options: SheetReadOptions): QueuedSheetRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const window = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, options.first.rows, options.first.columns));
  window.load(properties(options.formats));
  let merged: Excel.RangeAreas | null = null;
  if (options.merges) {
    merged = used.getMergedAreasOrNullObject();
    merged.load('address');
  }
  return { sheet, used, window, merged, options };
}

/** The response size of a window's loaded arrays. */
function windowBytes(range: Excel.Range, formats: boolean): number {
  return jsonBytes(range.values) + jsonBytes(range.valueTypes) + (formats ? jsonBytes(range.numberFormat) : 0);
}

/** Writes a window's cells into the sheet's rows at (top, left), padding with blanks. */
function place(rows: CellValue[][], top: number, left: number, range: Excel.Range, formats: boolean): void {
  const values = range.values;
  const types = range.valueTypes as string[][];
  const numberFormats = formats ? range.numberFormat : null;
  for (let i = 0; i < values.length; i++) {
    const r = top + i;
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    const src = values[i];
    while (row.length < left + src.length) row.push(null);
    for (let j = 0; j < src.length; j++) {
      row[left + j] = toCellValue(src[j], types[i]?.[j], numberFormats ? numberFormats[i]?.[j] : undefined);
    }
  }
}

/** The parts of the used range outside the first window: the rows below, the columns to the right. */
function remainingTiles(partial: PartialSheet, first: WindowSize): Tile[] {
  const used = partial.used;
  if (!used) return [];
  const tiles: Tile[] = [];
  if (used.top < first.rows && used.right >= first.columns) {
    tiles.push({
      sheet: partial,
      top: used.top,
      bottom: Math.min(used.bottom, first.rows - 1),
      left: Math.max(used.left, first.columns),
      right: used.right,
    });
  }
  if (used.bottom >= first.rows) {
    tiles.push({ sheet: partial, top: Math.max(used.top, first.rows), bottom: used.bottom, left: used.left, right: used.right });
  }
  return tiles;
}

/** The first windows, once synced, as sheets still to finish. */
export function takeFirstWindows(reads: { name: string; queued: QueuedSheetRead }[]): PartialSheet[] {
  return reads.map(({ name, queued }) => {
    const { used, window, merged, options } = queued;
    const partial: PartialSheet = {
      name,
      sheet: queued.sheet,
      options: { merges: options.merges, formats: options.formats },
      used: null,
      rows: [],
      merges: options.merges ? [] : null,
      cellBytes: UNMEASURED_CELL_BYTES,
      remaining: [],
    };
    if (used.isNullObject) return partial;
    partial.used = {
      top: used.rowIndex,
      left: used.columnIndex,
      bottom: used.rowIndex + used.rowCount - 1,
      right: used.columnIndex + used.columnCount - 1,
    };
    for (let r = 0; r < partial.used.top; r++) partial.rows.push([]);
    if (!window.isNullObject) {
      place(partial.rows, partial.used.top, partial.used.left, window, options.formats);
      const cells = window.values.length * (window.values[0]?.length ?? 0);
      if (cells > 0) partial.cellBytes = Math.max(4, (windowBytes(window, options.formats) / cells) * READ_MARGIN);
    }
    if (merged && !merged.isNullObject) partial.merges = parseAreaList(merged.address);
    partial.remaining = remainingTiles(partial, options.first);
    return partial;
  });
}

/** A sheet whose used range is already known (from a preview): everything is still to read. */
export function knownSheet(
  name: string,
  sheet: Excel.Worksheet,
  used: MergedArea | null,
  options: { merges: boolean; formats: boolean },
  cellBytes = UNMEASURED_CELL_BYTES,
): PartialSheet {
  const partial: PartialSheet = {
    name,
    sheet,
    options,
    used,
    rows: [],
    merges: options.merges ? [] : null,
    cellBytes,
    remaining: [],
  };
  if (used) {
    for (let r = 0; r < used.top; r++) partial.rows.push([]);
    partial.remaining = [{ sheet: partial, ...used }];
  }
  return partial;
}

interface PlannedWindow {
  tile: Tile;
  top: number;
  bottom: number;
}

/** Splits tiles into windows of rows that fit the budget. */
function windowsOf(tiles: Tile[], budget: number): PlannedWindow[] {
  const out: PlannedWindow[] = [];
  for (const tile of tiles) {
    const rowBytes = (tile.right - tile.left + 1) * tile.sheet.cellBytes;
    const perWindow = Math.max(1, Math.floor(budget / rowBytes));
    for (let top = tile.top; top <= tile.bottom; top += perWindow) {
      out.push({ tile, top, bottom: Math.min(tile.bottom, top + perWindow - 1) });
    }
  }
  return out;
}

const estimate = (w: PlannedWindow) => (w.bottom - w.top + 1) * (w.tile.right - w.tile.left + 1) * w.tile.sheet.cellBytes;

/** Packs windows into round trips by their estimated size. */
function pack(windows: PlannedWindow[], budget: number): PlannedWindow[][] {
  const batches: PlannedWindow[][] = [];
  let batch: PlannedWindow[] = [];
  let bytes = 0;
  for (const w of windows) {
    const size = estimate(w);
    if (batch.length > 0 && bytes + size > budget) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(w);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Halves every window of more than one row; null when none can be split any more. */
function halve(batch: PlannedWindow[]): PlannedWindow[] | null {
  if (batch.every((w) => w.top === w.bottom)) return null;
  return batch.flatMap((w) => {
    if (w.top === w.bottom) return [w];
    const mid = w.top + Math.floor((w.bottom - w.top) / 2);
    return [
      { tile: w.tile, top: w.top, bottom: mid },
      { tile: w.tile, top: mid + 1, bottom: w.bottom },
    ];
  });
}

export interface ReadProgress {
  (done: number, total: number): void;
}

/**
 * Reads what is left of each sheet and returns the grids, in the order given. `extra` is queued
 * with the first of these round trips (the chosen sheet's merged areas, its rules and notes…)
 * and `onRound` hears how many round trips are done of how many.
 */
export async function finishSheets(
  partials: PartialSheet[],
  trips: RoundTrips,
  options: { budget?: number; extra?: () => void; onRound?: ReadProgress } = {},
): Promise<Grid[]> {
  const budget = options.budget ?? READ_BUDGET_BYTES;
  const queue = pack(
    windowsOf(
      partials.flatMap((p) => p.remaining),
      budget,
    ),
    budget,
  );
  let extra = options.extra ?? null;
  let done = 0;
  while (queue.length > 0) {
    const batch = queue.shift()!;
    const ranges = batch.map((w) => {
      const range = w.tile.sheet.sheet.getRangeByIndexes(
        w.top,
        w.tile.left,
        w.bottom - w.top + 1,
        w.tile.right - w.tile.left + 1,
      );
      range.load(properties(w.tile.sheet.options.formats));
      return range;
    });
    extra?.();
    try {
      await trips.read();
    } catch (e) {
      const smaller = isPayloadLimitError(e) ? halve(batch) : null;
      if (!smaller) throw e;
      // Excel refused the response: the same cells in smaller windows, one round trip each half.
      queue.unshift(...pack(smaller, 1));
      continue;
    }
    extra = null;
    batch.forEach((w, i) => place(w.tile.sheet.rows, w.top, w.tile.left, ranges[i], w.tile.sheet.options.formats));
    options.onRound?.(++done, done + queue.length);
  }
  if (extra) {
    extra();
    await trips.read();
  }
  return partials.map((p) => ({ name: p.name, rows: p.rows, merges: p.merges }));
}

/** Queues the merged areas of a sheet's used range, for a sheet read by `knownSheet`. */
export function queueMerges(partial: PartialSheet): () => void {
  if (!partial.options.merges || !partial.used) return () => undefined;
  const u = partial.used;
  const merged = partial.sheet
    .getRangeByIndexes(u.top, u.left, u.bottom - u.top + 1, u.right - u.left + 1)
    .getMergedAreasOrNullObject();
  merged.load('address');
  return () => {
    if (!merged.isNullObject) partial.merges = parseAreaList(merged.address);
  };
}

/** What a preview tells: the top of a sheet and the size of its used range. */
export interface SheetPreview {
  grid: Grid;
  used: MergedArea | null;
  /** Bytes per cell measured in the preview (values and types). */
  cellBytes: number;
}

/**
 * The top of each sheet (PREVIEW_WINDOW), enough to find a header row, with its merged areas —
 * packed into round trips by the largest each preview can be.
 */
export async function previewSheets(
  sheets: { name: string; sheet: Excel.Worksheet }[],
  trips: RoundTrips,
  merges: boolean,
  budget = READ_BUDGET_BYTES,
): Promise<SheetPreview[]> {
  const most = PREVIEW_WINDOW.rows * PREVIEW_WINDOW.columns * UNMEASURED_CELL_BYTES;
  const perTrip = Math.max(1, Math.floor(budget / most));
  const out: SheetPreview[] = [];
  for (let i = 0; i < sheets.length; i += perTrip) {
    const queued = sheets.slice(i, i + perTrip).map(({ name, sheet }) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      const window = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, PREVIEW_WINDOW.rows, PREVIEW_WINDOW.columns));
      window.load(properties(false));
      let merged: Excel.RangeAreas | null = null;
      if (merges) {
        merged = window.getMergedAreasOrNullObject();
        merged.load('address');
      }
      return { name, sheet, used, window, merged };
    });
    await trips.read();
    for (const q of queued) {
      const rows: CellValue[][] = [];
      let used: MergedArea | null = null;
      let cellBytes = UNMEASURED_CELL_BYTES;
      if (!q.used.isNullObject) {
        used = {
          top: q.used.rowIndex,
          left: q.used.columnIndex,
          bottom: q.used.rowIndex + q.used.rowCount - 1,
          right: q.used.columnIndex + q.used.columnCount - 1,
        };
        for (let r = 0; r < used.top; r++) rows.push([]);
        if (!q.window.isNullObject) {
          place(rows, used.top, used.left, q.window, false);
          const cells = q.window.values.length * (q.window.values[0]?.length ?? 0);
          // Number formats come on top of what a preview loads: count them as values and types did.
          if (cells > 0) cellBytes = Math.max(4, ((windowBytes(q.window, false) * 1.5) / cells) * READ_MARGIN);
        }
      }
      const areas = q.merged && !q.merged.isNullObject ? parseAreaList(q.merged.address) : merges ? [] : null;
      out.push({ grid: { name: q.name, rows, merges: areas }, used, cellBytes });
    }
  }
  return out;
}
