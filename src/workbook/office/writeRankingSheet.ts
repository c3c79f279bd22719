/**
 * The ranking sheet's plan (../../report/rankingSheetPlan) queued as Excel writes — the same
 * sheet the command line writes (../xlsx/rankingSheet.ts): values, looks grouped into rectangles,
 * merged banner rows, row heights, column widths, the defined name CQDT_XepHang.
 *
 * The new sheet is written whole under a working name first; only then, at the end of the last
 * round trip, does the add-in's earlier sheet go and the new one take its name and place. Excel
 * stops a batch at its first failure, so the earlier sheet stays as it was until the new one is
 * complete (docs/kiem-tra-add-in.md). Print setup (A4 landscape, one page wide, the header row
 * repeated or a page per table) is optional and runs afterwards on its own (queuePageSetup), so that Excel refusing
 * it costs a notice, not the sheet.
 *
 * Writes are grouped into batches of one round trip each; there is one batch unless the
 * estimated payload nears the web's cap (10,000 units), in which case rows are split.
 */
import { FONT_NAME, RANKING_DEFINED_NAME, RANKING_PAGE, RankingCellLook, RankingSheetPlan } from '../../report/rankingSheetPlan';
import { a1, columnLetters } from '../../sheet/grid';
import { LookArea, lookAreas } from './lookAreas';
import { OPERATION_BYTES, WRITE_BUDGET_BYTES, jsonBytes, splitByBudget } from './payload';
import { parseSheetReference } from './references';
import { asTypedText } from './typedText';
import { WriteBatch, widthInPoints } from './writeResultBlock';

/** The name the new ranking sheet is written under until it is complete; a leftover one is the add-in's to remove. */
export const RANKING_WORKING_SHEET = 'Xếp hạng (đang ghi)';

export interface RankingWriteContext {
  workbook: Excel.Workbook;
  /** The sheet to write, the add-in's earlier sheet it replaces (if any) and that sheet's tab position. */
  target: { name: string; replaces: string | null; position: number | null };
  /** CQDT_XepHang exists (even with a broken reference): its reference is changed in place. */
  nameExists: boolean;
  /** A working sheet left by an export that was cut off: removed first. */
  leftover: boolean;
}

const BASE_SIZE = 12;
const BORDER_COLOR = '#000000';
const POINTS_PER_INCH = 72;
/** Rows of values per write operation, so that a very long sheet can be split between round trips. */
const ROWS_PER_VALUES_WRITE = 500;

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

interface Operation {
  bytes: number;
  queue: (sheet: Excel.Worksheet) => void;
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

export function planRankingWrites(plan: RankingSheetPlan, ctx: RankingWriteContext, budget = WRITE_BUDGET_BYTES): WriteBatch[] {
  const width = plan.columns.length;
  const last = columnLetters(width - 1);
  const rowCount = plan.rows.length;
  const nameArea = parseSheetReference(plan.reference(ctx.target.name))!.area;
  const ops: Operation[] = [];

  // The working sheet: made first; its proxy serves every later round trip of the context.
  let created: Excel.Worksheet | null = null;
  ops.push({
    bytes: (10 + width) * OPERATION_BYTES,
    queue: () => {
      const sheets = ctx.workbook.worksheets;
      if (ctx.leftover) sheets.getItem(RANKING_WORKING_SHEET).delete();
      const sheet = sheets.add(RANKING_WORKING_SHEET);
      const all = sheet.getRange(`A1:${last}${rowCount}`).format;
      all.font.name = FONT_NAME;
      all.font.size = BASE_SIZE;
      all.verticalAlignment = 'Center';
      plan.columns.forEach((col, c) => (sheet.getRange(a1(0, c)).format.columnWidth = widthInPoints(col.width)));
      created = sheet;
    },
  });

  // Values, text kept as text ("=SUM(A1)" stays a name); null leaves a cell empty (merged banners' other cells).
  for (let start = 0; start < rowCount; start += ROWS_PER_VALUES_WRITE) {
    const end = Math.min(rowCount, start + ROWS_PER_VALUES_WRITE);
    const values = plan.rows.slice(start, end).map((row) => row.values.map((v) => (v === null ? null : asTypedText(v))));
    ops.push({
      bytes: OPERATION_BYTES + jsonBytes(values),
      queue: (sheet) => (sheet.getRange(`A${start + 1}:${last}${end}`).values = values),
    });
  }

  for (const area of lookAreas(plan.rows, width)) {
    ops.push({ bytes: lookBytes(area, area.look), queue: (sheet) => applyLook(sheet, area) });
  }

  plan.rows.forEach((row, r) => {
    if (row.merged)
      ops.push({ bytes: OPERATION_BYTES, queue: (sheet) => sheet.getRange(`A${r + 1}:${last}${r + 1}`).merge(false) });
    if (row.height) {
      const height = row.height;
      ops.push({
        bytes: OPERATION_BYTES,
        queue: (sheet) => (sheet.getRange(`A${r + 1}:${last}${r + 1}`).format.rowHeight = height),
      });
    }
  });

  // The swap, last of all: the earlier sheet goes, the new one takes its name and place, and is recorded.
  ops.push({
    bytes: 8 * OPERATION_BYTES,
    queue: (sheet) => {
      const wb = ctx.workbook;
      if (ctx.target.replaces) wb.worksheets.getItem(ctx.target.replaces).delete();
      sheet.name = ctx.target.name;
      if (ctx.target.position !== null) sheet.position = ctx.target.position;
      const range = address(nameArea.top, nameArea.left, nameArea.bottom, nameArea.right);
      if (ctx.nameExists) wb.names.getItem(RANKING_DEFINED_NAME).formula = `=${plan.reference(ctx.target.name)}`;
      else wb.names.add(RANKING_DEFINED_NAME, sheet.getRange(range));
      // Shown when done, as the rubric sheet is: the user asked for this sheet.
      sheet.activate();
    },
  });

  return splitByBudget(
    ops.map((o) => o.bytes),
    budget,
  ).map((run) => ({
    bytes: ops.slice(run.start, run.end).reduce((n, o) => n + o.bytes, 0),
    queue: () => {
      for (const op of ops.slice(run.start, run.end)) op.queue(created!);
    },
  }));
}

/**
 * The ranking sheet's print setup: A4 landscape, centred, the plan's margins, title row and page
 * breaks, one page wide and as many down as needed. The last setting ("0 pages down": no limit) is not in
 * Excel's documentation and comes last, so that what comes before it stays if Excel refuses it.
 */
export function queuePageSetup(sheet: Excel.Worksheet, plan: RankingSheetPlan): void {
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
  page.zoom = { horizontalFitToPages: RANKING_PAGE.fitToWidth, verticalFitToPages: 0 };
}
