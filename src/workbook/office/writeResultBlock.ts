/**
 * The result block plan queued as Excel writes — the same end state as the command line's
 * writer (../xlsx/writeResultBlock.ts): values and formats of the block, the add-in's
 * conditional-format rules and notes replaced (staff ones kept), the AutoFilter, the block
 * recorded by the defined name. Nothing outside the block is written except the rules, the notes
 * on invalid cells and the AutoFilter.
 *
 * Excel runs a batch in order and stops at the first failure, keeping what ran before it. The
 * order below keeps the sheet consistent wherever that happens (docs/kiem-tra-add-in.md):
 *   1. the add-in's old rules and notes go (they describe the old block);
 *   2. the cells leaving the block are cleared — while the name still records them;
 *   3. the name records the new block, in one operation (never deleted and added again);
 *   4. the block's values, in one write per round trip: with one round trip, the block holds
 *      either the old values or the new ones, never a mix;
 *   5. formats, number formats and notes; then, once every value is written, the rules that
 *      read them and the AutoFilter.
 * The writes are grouped into batches, each one round trip; there is one batch unless the
 * estimated payload nears the web's cap, in which case the rows are split.
 */
import { BlockColumn, ExistingBlock, RESULT_BLOCK_NAME, ResultBlockPlan, isOwnHighlightRule } from '../../report/resultBlock';
import { CellValue, MergedArea, a1, addressPart, parseA1, parseArea } from '../../sheet/grid';
import { OPERATION_BYTES, WRITE_BUDGET_BYTES, jsonBytes, splitByBudget } from './payload';
import type { SheetExtras } from './readWorkbook';

export interface WriteContext {
  workbook: Excel.Workbook;
  extras: SheetExtras;
  /** The block recorded by the defined name on this sheet. */
  existing: ExistingBlock | null;
  /** Whether the defined name exists (anywhere, even broken): its reference is changed in place. */
  nameExists: boolean;
  /** Cells holding staff notes: the add-in's note is not written there. */
  staffNoteCells: Set<string>;
  /** Write the AutoFilter (supported and no Excel table on the sheet). */
  autoFilter: boolean;
}

export interface WriteBatch {
  /** Estimated request size. */
  bytes: number;
  queue: () => void;
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

const BORDER_COLOR = '#808080';
const HEADER_FILL = '#DDEBF7';
/** Lower than any real priority: Excel moves the rule after every other, as the command line does. */
const LAST_PRIORITY = 1_000_000;

/** Column width in characters → points, as Excel converts for the default font. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function areaAddress(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

const addressOf = (a: MergedArea) => areaAddress(a.top, a.left, a.bottom, a.right);

/** A value as written: blanks as "", text that Excel would read as a formula kept as text. */
export function cellForWrite(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.startsWith('=') ? `'${v}` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

const sameArea = (a: ExistingBlock | null, b: ExistingBlock | null) =>
  a !== null && b !== null && a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

function intersection(a: MergedArea, b: MergedArea): MergedArea | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** The cells of `a` outside `b`, as up to four rectangles. */
export function areaMinus(a: MergedArea, b: MergedArea): MergedArea[] {
  const inner = intersection(a, b);
  if (!inner) return [a];
  const out: MergedArea[] = [];
  if (a.top < inner.top) out.push({ top: a.top, left: a.left, bottom: inner.top - 1, right: a.right });
  if (a.bottom > inner.bottom) out.push({ top: inner.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (a.left < inner.left) out.push({ top: inner.top, left: a.left, bottom: inner.bottom, right: inner.left - 1 });
  if (a.right > inner.right) out.push({ top: inner.top, left: inner.right + 1, bottom: inner.bottom, right: a.right });
  return out;
}

export function planWrites(plan: ResultBlockPlan, ctx: WriteContext, budget = WRITE_BUDGET_BYTES): WriteBatch[] {
  const sheet = ctx.extras.sheet;
  const width = plan.right - plan.left + 1;
  const area: MergedArea = { top: plan.top, left: plan.left, bottom: plan.bottom, right: plan.right };
  const firstData = plan.headerRow + 1;
  const numeric = plan.columns.map((c, j) => ({ c, j })).filter(({ c }) => c.numberFormat !== null);
  const existing = ctx.existing;
  const leaving = existing ? areaMinus(existing, area) : [];
  const kept = existing ? intersection(existing, area) : null;

  // Notes: ours go where no staff note is; each is written with the rows that hold it.
  const blocks = [existing, plan].filter((b): b is ExistingBlock => b !== null);
  // A custom rule without a formula is one an interrupted Score added and never finished: ours too.
  const ownRules = ctx.extras.rules.filter(
    (r) => r.formula.replace(/^=/, '').trim() === '' || blocks.some((b) => isOwnHighlightRule([r.formula], b)),
  );
  const ownNotes = (ctx.extras.notes ?? []).filter((n) => n.own);
  const notesByRow = new Map<number, { cell: string; text: string }[]>();
  if (ctx.extras.notes) {
    for (const note of plan.notes) {
      if (ctx.staffNoteCells.has(note.cell)) continue;
      const row = Math.min(Math.max(parseA1(note.cell)!.row, plan.top), plan.bottom);
      const list = notesByRow.get(row);
      if (list) list.push(note);
      else notesByRow.set(row, [note]);
    }
  }

  const rowBytes = plan.values.map((row, i) => {
    const r = plan.top + i;
    let bytes = jsonBytes(row) + (r >= firstData ? numeric.length * 12 : 0);
    for (const n of notesByRow.get(r) ?? []) bytes += OPERATION_BYTES + jsonBytes(n.text);
    return bytes;
  });
  const frameOps =
    30 + plan.columns.length * 3 + plan.rules.length * 4 + ownRules.length + ownNotes.length + leaving.length * 2 + width;
  const frameBytes = frameOps * OPERATION_BYTES + jsonBytes(plan.rules);
  const runs = splitByBudget(rowBytes, budget, frameBytes);

  /** Steps 1–3: what describes the old block goes, cells leaving it are cleared, the name moves. */
  const before = () => {
    for (const rule of ownRules) rule.item.delete();
    for (const note of ownNotes) note.item.delete();
    if (existing) {
      for (const part of leaving) {
        const range = sheet.getRange(addressOf(part));
        range.clear('Contents');
        range.clear('Formats');
      }
      const standard = widthInPoints(ctx.extras.standardWidth);
      for (let c = existing.left; c <= existing.right; c++) {
        if (c >= plan.left && c <= plan.right) continue;
        const column = sheet.getRange(a1(existing.top, c));
        column.columnHidden = false;
        column.format.columnWidth = standard;
      }
    }
    const reference = sheet.getRange(addressOf(area));
    if (ctx.nameExists) ctx.workbook.names.getItem(RESULT_BLOCK_NAME).formula = `=${plan.reference}`;
    else ctx.workbook.names.add(RESULT_BLOCK_NAME, reference);
  };

  /** Step 4: the values of rows [start, end) of the block, in one write. */
  const values = (start: number, end: number) => {
    const top = plan.top + start;
    const bottom = plan.top + end - 1;
    sheet.getRange(areaAddress(top, plan.left, bottom, plan.right)).values = plan.values
      .slice(start, end)
      .map((row) => row.map(cellForWrite));
  };

  /** Step 5, for the whole block: the old block's formats go, the new ones come. */
  const frame = () => {
    if (kept) sheet.getRange(addressOf(kept)).clear('Formats');
    if (plan.titleRow !== null) {
      const title = sheet.getRange(areaAddress(plan.titleRow, plan.left, plan.titleRow, plan.right));
      title.format.horizontalAlignment = 'CenterAcrossSelection';
      sheet.getRange(a1(plan.titleRow, plan.left)).format.font.bold = true;
    }
    const header = sheet.getRange(areaAddress(plan.headerRow, plan.left, plan.headerRow, plan.right)).format;
    header.font.bold = true;
    header.fill.color = HEADER_FILL;
    header.horizontalAlignment = 'Center';
    header.verticalAlignment = 'Center';
    header.wrapText = true;

    const body = sheet.getRange(areaAddress(plan.headerRow, plan.left, plan.bottom, plan.right)).format.borders;
    const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (width > 1) edges.push('InsideVertical');
    if (plan.bottom > plan.headerRow) edges.push('InsideHorizontal');
    for (const edge of edges) {
      const border = body.getItem(edge);
      border.style = 'Continuous';
      border.color = BORDER_COLOR;
    }

    plan.columns.forEach((column, j) => {
      const c = plan.left + j;
      const cell = sheet.getRange(a1(plan.headerRow, c));
      cell.format.columnWidth = widthInPoints(column.width);
      // A column of the old block is shown again unless the new block hides it.
      if (column.hidden) cell.columnHidden = true;
      else if (existing && c >= existing.left && c <= existing.right) cell.columnHidden = false;
      if (plan.bottom >= firstData) alignColumn(sheet.getRange(areaAddress(firstData, c, plan.bottom, c)).format, column);
    });
  };

  /** Step 5, for rows [start, end): number formats and the notes on their cells. */
  const rowFormats = (start: number, end: number) => {
    const top = plan.top + start;
    const bottom = plan.top + end - 1;
    const from = Math.max(top, firstData);
    if (from <= bottom) {
      for (const { c, j } of numeric) {
        const formats: string[][] = [];
        for (let r = from; r <= bottom; r++) formats.push([c.numberFormat!]);
        sheet.getRange(areaAddress(from, plan.left + j, bottom, plan.left + j)).numberFormat = formats;
      }
    }
    for (let r = top; r <= bottom; r++) {
      for (const note of notesByRow.get(r) ?? []) sheet.notes.add(sheet.getRange(note.cell), note.text);
    }
  };

  /** Step 5, last: the rules (which read the values) and the AutoFilter. */
  const after = () => {
    for (const rule of [...plan.rules].sort((a, b) => a.priority - b.priority)) {
      const format = sheet.getRange(rule.range).conditionalFormats.add('Custom');
      format.custom.rule.formula = `=${rule.formula}`;
      format.custom.format.fill.color = `#${rule.fill}`;
      format.priority = LAST_PRIORITY;
    }
    if (!ctx.autoFilter || !ctx.extras.autoFilter) return;
    const state = ctx.extras.autoFilter;
    const current = state.address ? parseArea(addressPart(state.address)) : null;
    // The same filter range already in place keeps the criteria the user chose.
    if (state.enabled && sameArea(current, parseArea(plan.autoFilter))) return;
    if (state.enabled) sheet.autoFilter.remove();
    sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
  };

  return runs.map((run, i) => ({
    bytes: rowBytes.slice(run.start, run.end).reduce((a, b) => a + b, 0) + (i === 0 ? frameBytes : OPERATION_BYTES * 4),
    queue: () => {
      if (i === 0) before();
      values(run.start, run.end);
      if (i === 0) frame();
      rowFormats(run.start, run.end);
      if (i === runs.length - 1) after();
    },
  }));
}

function alignColumn(format: Excel.RangeFormat, column: BlockColumn): void {
  // As the command line writes them: text columns keep Excel's general alignment.
  format.verticalAlignment = 'Center';
  if (column.kind !== 'text') format.horizontalAlignment = 'Center';
  else if (column.key === 'notes') format.wrapText = true;
}

/** What a cell holds once written, as Excel reads it back: blanks "", text without its apostrophe. */
export function asReadBack(v: CellValue): string | number | boolean {
  const written = cellForWrite(v);
  return typeof written === 'string' && written.startsWith("'") ? written.slice(1) : written;
}
