/**
 * The add-in's own sheets — "Xếp hạng", "Lộ trình", "Tiêu chí còn yếu" (../../report/ownSheets) —
 * queued as Excel writes from the same plans the command line writes (../xlsx/rankingSheet.ts):
 * values, looks grouped into rectangles, merged banner rows, row heights, column widths, the
 * plan's AutoFilter, and the defined name that records each sheet.
 *
 * Every sheet is written whole under a working name first; only then, in the last operation of
 * the last round trip, do the add-in's earlier sheets go and the new ones take their names and
 * places, all together. Excel stops a batch at its first failure, so the earlier sheets stay as
 * they were until every new one is complete, and once one swap has run every new sheet is
 * complete and the others can be finished (docs/kiem-tra-add-in.md). Print setup (A4 landscape,
 * one page wide, the header row repeated or a page per table) is optional and runs afterwards on
 * its own round trip (queuePageSetups), so that Excel refusing it costs a notice, not the sheets.
 *
 * Writes are grouped into batches of one round trip each: one batch for a yearly workbook, rows
 * split between round trips when the estimated payload nears the web's cap.
 */
import type { OwnSheetPlan } from '../../report/ownSheets';
import { FONT_NAME, RANKING_PAGE, RankingCellLook, RankingSheetPlan } from '../../report/rankingSheetPlan';
import { workingSheetName } from '../../scoring/scoreWorkbook';
import { a1, columnLetters } from '../../sheet/grid';
import { LookArea, lookAreas } from './lookAreas';
import { OPERATION_BYTES, WRITE_BUDGET_BYTES, jsonBytes, splitByBudget } from './payload';
import { parseSheetReference } from './references';
import { asTypedText } from './typedText';
import { WriteBatch, widthInPoints } from './writeResultBlock';

// A new own sheet is written under its working name until complete; a leftover one is the add-in's to remove.
export { workingSheetName };

/** Where one own sheet goes, as read before writing. */
export interface OwnSheetTarget {
  own: OwnSheetPlan;
  /** The name it gets: the usual one, the sheet recorded last time, or the alternative beside a staff sheet. */
  name: string;
  /** The add-in's earlier sheet it replaces, with its id and tab position; null for a new sheet. */
  replaces: { name: string; id: string; position: number } | null;
  /** Its defined name exists (even with a broken reference): the reference is changed in place. */
  nameExists: boolean;
  /** A working sheet left by an export that was cut off: removed first. */
  leftover: boolean;
  /** Staff have a sheet of the usual name, left alone: the pane says where this one went. */
  staffSheet: boolean;
}

export interface OwnSheetsWriteContext {
  workbook: Excel.Workbook;
  targets: OwnSheetTarget[];
  /** The host sets AutoFilters (ExcelApi 1.9; always on the add-in's minimum). */
  autoFilter: boolean;
}

const BASE_SIZE = 12;
const BORDER_COLOR = '#000000';
const POINTS_PER_INCH = 72;
/** Rows of values per write operation, so that a very long sheet can be split between round trips. */
const ROWS_PER_VALUES_WRITE = 500;

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

interface Operation {
  bytes: number;
  queue: () => void;
}

const address = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;

function applyLook(sheet: Excel.Worksheet, area: LookArea): void {
  const { top, left, bottom, right, look } = area;
  const format = sheet.getRange(address(top, left, bottom, right)).format;
  if (look.bold) format.font.bold = true;
  if (look.italic) format.font.italic = true;
  if (look.size !== BASE_SIZE) format.font.size = look.size;
  format.horizontalAlignment = look.horizontal === 'center' ? 'Center' : 'Left';
  if (look.wrap) format.wrapText = true;
  if (look.fill) format.fill.color = `#${look.fill}`;
  if (look.border) {
    const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (right > left) edges.push('InsideVertical');
    if (bottom > top) edges.push('InsideHorizontal');
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = BORDER_COLOR;
    }
  }
  if (look.numberFormat) {
    const formats = Array.from({ length: bottom - top + 1 }, () => new Array<string>(right - left + 1).fill(look.numberFormat!));
    sheet.getRange(address(top, left, bottom, right)).numberFormat = formats;
  }
}

function lookBytes(area: LookArea, look: RankingCellLook): number {
  const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  return OPERATION_BYTES * 12 + (look.numberFormat ? cells * (look.numberFormat.length + 3) : 0);
}

/** Runs of consecutive rows of the same explicit height: one write each. */
function heightRuns(plan: RankingSheetPlan): { top: number; bottom: number; height: number }[] {
  const runs: { top: number; bottom: number; height: number }[] = [];
  plan.rows.forEach((row, r) => {
    if (!row.height) return;
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1 && last.height === row.height) last.bottom = r;
    else runs.push({ top: r, bottom: r, height: row.height });
  });
  return runs;
}

/** One sheet's content, written to the working sheet `sheet()` once it exists. */
function sheetOperations(
  target: OwnSheetTarget,
  ctx: OwnSheetsWriteContext,
  made: (sheet: Excel.Worksheet) => void,
): Operation[] {
  const { plan, preferred } = target.own;
  const width = plan.columns.length;
  const last = columnLetters(width - 1);
  const rowCount = plan.rows.length;
  const ops: Operation[] = [];
  let sheet!: Excel.Worksheet;

  ops.push({
    bytes: (10 + width) * OPERATION_BYTES,
    queue: () => {
      const sheets = ctx.workbook.worksheets;
      if (target.leftover) sheets.getItem(workingSheetName(preferred)).delete();
      sheet = sheets.add(workingSheetName(preferred));
      const all = sheet.getRange(`A1:${last}${Math.max(1, rowCount)}`).format;
      all.font.name = FONT_NAME;
      all.font.size = BASE_SIZE;
      all.verticalAlignment = 'Center';
      plan.columns.forEach((col, c) => (sheet.getRange(a1(0, c)).format.columnWidth = widthInPoints(col.width)));
      made(sheet);
    },
  });

  // Values, text kept as text ("=SUM(A1)" stays a name); null leaves a cell empty (merged banners' other cells).
  for (let start = 0; start < rowCount; start += ROWS_PER_VALUES_WRITE) {
    const end = Math.min(rowCount, start + ROWS_PER_VALUES_WRITE);
    const values = plan.rows.slice(start, end).map((row) => row.values.map((v) => (v === null ? null : asTypedText(v))));
    ops.push({
      bytes: OPERATION_BYTES + jsonBytes(values),
      queue: () => (sheet.getRange(`A${start + 1}:${last}${end}`).values = values),
    });
  }

  for (const area of lookAreas(plan.rows, width)) {
    ops.push({ bytes: lookBytes(area, area.look), queue: () => applyLook(sheet, area) });
  }

  plan.rows.forEach((row, r) => {
    if (row.merged) ops.push({ bytes: OPERATION_BYTES, queue: () => sheet.getRange(`A${r + 1}:${last}${r + 1}`).merge(false) });
  });
  for (const run of heightRuns(plan)) {
    ops.push({
      bytes: OPERATION_BYTES,
      queue: () => (sheet.getRange(`A${run.top + 1}:${last}${run.bottom + 1}`).format.rowHeight = run.height),
    });
  }

  // The table staff sort and filter ("Lộ trình"): its header row and rows.
  const filter = plan.filter;
  if (filter && ctx.autoFilter) {
    ops.push({ bytes: 2 * OPERATION_BYTES, queue: () => sheet.autoFilter.apply(sheet.getRange(filter)) });
  }
  return ops;
}

/**
 * The swap of every sheet, one operation so that it is never split between round trips: each
 * earlier sheet goes, its new sheet takes its name and place and is recorded; the first sheet
 * (the ranking) is shown, as the user asked for these sheets.
 */
function swapOperation(ctx: OwnSheetsWriteContext, made: Excel.Worksheet[]): Operation {
  return {
    bytes: 8 * OPERATION_BYTES * ctx.targets.length,
    queue: () => {
      const wb = ctx.workbook;
      ctx.targets.forEach((t, i) => {
        const sheet = made[i];
        if (t.replaces) wb.worksheets.getItem(t.replaces.id).delete();
        sheet.name = t.name;
        // Deleting at a position and moving the new sheet there leaves every other tab where it was.
        if (t.replaces) sheet.position = t.replaces.position;
        const reference = t.own.plan.reference(t.name);
        if (t.nameExists) wb.names.getItem(t.own.definedName).formula = `=${reference}`;
        else {
          const area = parseSheetReference(reference)!.area;
          wb.names.add(t.own.definedName, sheet.getRange(address(area.top, area.left, area.bottom, area.right)));
        }
      });
      made[0]?.activate();
    },
  };
}

export function planOwnSheetWrites(ctx: OwnSheetsWriteContext, budget = WRITE_BUDGET_BYTES): WriteBatch[] {
  // The working sheets, made by the first operation of each; their proxies serve every later round trip of the context.
  const made: Excel.Worksheet[] = [];
  const ops = ctx.targets.flatMap((t, i) => sheetOperations(t, ctx, (sheet) => (made[i] = sheet)));
  ops.push(swapOperation(ctx, made));
  return splitByBudget(
    ops.map((o) => o.bytes),
    budget,
  ).map((run) => ({
    bytes: ops.slice(run.start, run.end).reduce((n, o) => n + o.bytes, 0),
    queue: () => {
      for (const op of ops.slice(run.start, run.end)) op.queue();
    },
  }));
}

/**
 * The sheets' print setup, one round trip for all: A4 landscape, centred, the plan's margins,
 * title row and page breaks, then — for every sheet, after everything documented — one page wide
 * and as many down as needed. That last setting ("0 pages down": no limit) is not in Excel's
 * documentation, so it comes last: if Excel refuses it, what came before stays.
 */
export function queuePageSetups(items: { sheet: Excel.Worksheet; plan: RankingSheetPlan }[]): void {
  for (const { sheet, plan } of items) {
    const page = sheet.pageLayout;
    page.orientation = 'Landscape';
    page.paperSize = 'A4';
    page.centerHorizontally = true;
    const m = RANKING_PAGE.margins;
    page.leftMargin = m.left * POINTS_PER_INCH;
    page.rightMargin = m.right * POINTS_PER_INCH;
    page.topMargin = m.top * POINTS_PER_INCH;
    page.bottomMargin = m.bottom * POINTS_PER_INCH;
    page.headerMargin = m.header * POINTS_PER_INCH;
    page.footerMargin = m.footer * POINTS_PER_INCH;
    if (plan.printTitleRow) page.setPrintTitleRows(`$${plan.printTitleRow}:$${plan.printTitleRow}`);
    // Each table whose columns differ from the one above starts a new page.
    for (const row of plan.pageBreaks) sheet.horizontalPageBreaks.add(`A${row}`);
  }
  for (const { sheet } of items) sheet.pageLayout.zoom = { horizontalFitToPages: RANKING_PAGE.fitToWidth, verticalFitToPages: 0 };
}
