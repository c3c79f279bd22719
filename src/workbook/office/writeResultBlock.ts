/**
 * The result block plan queued as Excel writes — the same end state as the command line's
 * ExcelJS writer (../xlsx/writeResultBlock.ts): the defined name first, the old block cleared,
 * values and formats of the block, the add-in's conditional-format rules and notes replaced
 * (staff ones kept), the AutoFilter. Nothing outside the block is written except the rules,
 * the notes on invalid cells and the AutoFilter.
 *
 * The writes are grouped into batches, each one round trip; there is one batch unless the
 * estimated payload nears the web's cap, in which case the rows are split.
 */
import { BlockColumn, ExistingBlock, RESULT_BLOCK_NAME, ResultBlockPlan, isOwnHighlightRule } from '../../report/resultBlock';
import { CellValue, a1, parseA1 } from '../../sheet/grid';
import { OPERATION_BYTES, WRITE_BUDGET_BYTES, jsonBytes, splitByBudget } from './payload';
import { parseArea } from '../../sheet/grid';
import type { SheetExtras } from './readWorkbook';

export interface WriteContext {
  workbook: Excel.Workbook;
  extras: SheetExtras;
  /** The block recorded by the defined name on this sheet. */
  existing: ExistingBlock | null;
  /** Whether the defined name exists (anywhere): it is replaced. */
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

/** A value as written: blanks as "", text that Excel would read as a formula kept as text. */
function cellForWrite(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.startsWith('=') ? `'${v}` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

const sameArea = (a: ExistingBlock | null, b: ExistingBlock | null) =>
  a !== null && b !== null && a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

export function planWrites(plan: ResultBlockPlan, ctx: WriteContext, budget = WRITE_BUDGET_BYTES): WriteBatch[] {
  const sheet = ctx.extras.sheet;
  const width = plan.right - plan.left + 1;
  const blockAddress = areaAddress(plan.top, plan.left, plan.bottom, plan.right);
  const firstData = plan.headerRow + 1;
  const numeric = plan.columns.map((c, j) => ({ c, j })).filter(({ c }) => c.numberFormat !== null);

  // Notes: ours go where no staff note is; each is written with the rows that hold it.
  const blocks = [ctx.existing, plan].filter((b): b is ExistingBlock => b !== null);
  const ownRules = ctx.extras.rules.filter((r) => blocks.some((b) => isOwnHighlightRule([r.formula], b)));
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
  const frameOps = 30 + plan.columns.length * 2 + plan.rules.length * 4 + ownRules.length + ownNotes.length;
  const frameBytes = frameOps * OPERATION_BYTES + jsonBytes(plan.rules);
  const runs = splitByBudget(rowBytes, budget, frameBytes);

  const frame = () => {
    // The defined name first: if a later write fails, the next Score still finds the block and rewrites it whole.
    if (ctx.nameExists) ctx.workbook.names.getItem(RESULT_BLOCK_NAME).delete();
    ctx.workbook.names.add(RESULT_BLOCK_NAME, sheet.getRange(blockAddress));

    if (ctx.existing) {
      const e = ctx.existing;
      const old = sheet.getRange(areaAddress(e.top, e.left, e.bottom, e.right));
      old.clear('Contents');
      old.clear('Formats');
      old.columnHidden = false;
      const standard = widthInPoints(ctx.extras.standardWidth);
      for (let c = e.left; c <= e.right; c++) {
        if (c > plan.right) sheet.getRange(a1(e.top, c)).format.columnWidth = standard;
      }
    }

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
      sheet.getRange(a1(plan.headerRow, c)).format.columnWidth = widthInPoints(column.width);
      if (column.hidden) sheet.getRange(a1(plan.headerRow, c)).columnHidden = true;
      if (plan.bottom >= firstData) alignColumn(sheet.getRange(areaAddress(firstData, c, plan.bottom, c)).format, column);
    });

    // Conditional formats: the add-in's earlier rules go, staff rules stay, ours are added after theirs.
    for (const rule of ownRules) rule.item.delete();
    for (const rule of [...plan.rules].sort((a, b) => a.priority - b.priority)) {
      const format = sheet.getRange(rule.range).conditionalFormats.add('Custom');
      format.custom.rule.formula = `=${rule.formula}`;
      format.custom.format.fill.color = `#${rule.fill}`;
      format.priority = LAST_PRIORITY;
    }
    for (const note of ownNotes) note.item.delete();
  };

  const rows = (start: number, end: number) => () => {
    const top = plan.top + start;
    const bottom = plan.top + end - 1;
    sheet.getRange(areaAddress(top, plan.left, bottom, plan.right)).values = plan.values
      .slice(start, end)
      .map((row) => row.map(cellForWrite));
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

  const filter = () => {
    if (!ctx.autoFilter || !ctx.extras.autoFilter) return;
    const state = ctx.extras.autoFilter;
    const current = state.address ? parseArea(state.address.slice(state.address.lastIndexOf('!') + 1)) : null;
    // The same filter range already in place keeps the criteria the user chose.
    if (state.enabled && sameArea(current, parseArea(plan.autoFilter))) return;
    if (state.enabled) sheet.autoFilter.remove();
    sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
  };

  return runs.map((run, i) => ({
    bytes: rowBytes.slice(run.start, run.end).reduce((a, b) => a + b, 0) + (i === 0 ? frameBytes : OPERATION_BYTES),
    queue: () => {
      if (i === 0) frame();
      rows(run.start, run.end)();
      if (i === runs.length - 1) filter();
    },
  }));
}

function alignColumn(format: Excel.RangeFormat, column: BlockColumn): void {
  // As the command line writes them: text columns keep Excel's general alignment.
  format.verticalAlignment = 'Center';
  if (column.kind !== 'text') format.horizontalAlignment = 'Center';
  else if (column.key === 'notes') format.wrapText = true;
}
