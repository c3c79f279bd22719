/**
 * The workbook gateway on Excel: the only module that runs Excel batches. It trades plain 2-D
 * arrays with the engine, reads everything Score needs before writing anything, and returns
 * every failure as a message.
 */
import { RANKING_DEFINED_NAME, rankingSheetPlan, rankingSheetTarget } from '../../report/rankingSheetPlan';
import { RESULT_BLOCK_NAME, ResultBlockPlan, planResultBlock } from '../../report/resultBlock';
import { DecisionSettings, defaultYear } from '../../report/settings';
import type { CompiledRubric } from '../../rubric/compiled';
import { RUBRIC_SHEET } from '../../rubric/rubricSheet';
import { RANKING_SHEET, RANKING_SHEET_ALTERNATIVE, chooseSheet, scoreWorkbook } from '../../scoring/scoreWorkbook';
import type { RubricSource, ScoreResult } from '../../scoring/types';
import { CellValue, Grid, a1, mergeOwners, parseArea } from '../../sheet/grid';
import { isBlankCell } from '../../sheet/typedValues';
import type {
  AppendedCorrection,
  Capabilities,
  CorrectionEntry,
  FilterKind,
  GatewayMessages,
  Outcome,
  RankingSheetReport,
  RubricInUse,
  ScoreOptions,
  ScoreReport,
  SelectedCell,
  WorkbookDescription,
  WorkbookGateway,
} from '../gateway';
import { appendCorrection as appendCorrectionRow } from './appendCorrection';
import { toCellValue } from './cellValues';
import { STATUS_TITLE, filterCondition } from './filters';
import { readStaffNoteCells, readWorkbook } from './readWorkbook';
import { blockInput, parseSheetReference } from './references';
import { RoundTrips } from './roundTrips';
import { asTypedText } from './typedText';
import { planRankingWrites } from './writeRankingSheet';
import { planWrites, widthInPoints } from './writeResultBlock';

/** How the gateway reaches Excel: the real Excel.run in the add-in, a fake in tests. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Runs a batch on an existing context (to remove an event handler it registered). */
  runInContext<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The Office host of the add-in itself. */
export function excelHost(): OfficeHost {
  return {
    run: (batch) => Excel.run(batch),
    runInContext: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

export function capabilitiesOf(host: OfficeHost): Capabilities {
  return {
    notes: host.isSetSupported('ExcelApi', '1.18'),
    autoFilter: host.isSetSupported('ExcelApi', '1.9'),
    mergedAreas: host.isSetSupported('ExcelApi', '1.13'),
    pageLayout: host.isSetSupported('ExcelApi', '1.9'),
  };
}

/** What Excel said when a batch failed: its message and, when it gives one, where. */
export function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as { message?: unknown; code?: unknown; debugInfo?: { errorLocation?: unknown } };
    const parts = [String(err.message ?? e)];
    if (err.code && err.code !== err.message) parts.push(`(${String(err.code)})`);
    if (err.debugInfo?.errorLocation) parts.push(`— ${String(err.debugInfo.errorLocation)}`);
    return parts.join(' ');
  }
  return String(e);
}

const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

function isEmptyGrid(grid: Grid | undefined): boolean {
  return !grid || grid.rows.every((row) => row.every((v) => isBlankCell(v)));
}

function rubricInUse(rubric: CompiledRubric, source: RubricSource, fileName: string | null): RubricInUse {
  return { source, id: rubric.rubric.id, name: rubric.rubric.name, fileName: source === 'file' ? fileName : null };
}

/** Whether a cell holds anything staff put there: a value, a merged area, a note. */
function occupancy(grid: Grid, staffNoteCells: Set<string>): (r: number, c: number) => boolean {
  const merged = mergeOwners(grid.merges);
  return (r, c) => !isBlankCell(grid.rows[r]?.[c]) || merged.has(r * 65536 + c) || staffNoteCells.has(a1(r, c));
}

/** What the host could not do during Score, and what was done instead. */
function hostNotices(
  caps: Capabilities,
  messages: GatewayMessages,
  plan: ResultBlockPlan,
  staffNoteCells: Set<string>,
  hasTables: boolean,
): string[] {
  const notices: string[] = [];
  if (!caps.mergedAreas) notices.push(messages.mergesUnsupported);
  if (!caps.notes && plan.notes.length > 0) notices.push(messages.notesUnsupported);
  const kept = plan.notes.filter((n) => staffNoteCells.has(n.cell)).length;
  if (kept > 0) notices.push(messages.staffNotesKept(kept));
  if (!caps.autoFilter) notices.push(messages.autoFilterUnsupported);
  else if (hasTables) notices.push(messages.autoFilterTable);
  return notices;
}

/** Limits a test may lower to see the splitting at work on small sheets. */
export interface GatewayTuning {
  writeBudgetBytes?: number;
}

export function createOfficeGateway(host: OfficeHost, messages: GatewayMessages, tuning: GatewayTuning = {}): WorkbookGateway {
  const caps = capabilitiesOf(host);

  async function guarded<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    try {
      return await work();
    } catch (e) {
      return { ok: false, message: messages.excelFailed(describeError(e)) };
    }
  }

  async function describe(options: ScoreOptions = {}): Promise<Outcome<WorkbookDescription>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<WorkbookDescription>> => {
        const trips = new RoundTrips(context);
        const read = await readWorkbook(context, trips, caps, options.rubric?.rubric ?? null);
        const activeEmpty = isEmptyGrid(read.grids.find((g) => g.name === read.activeSheet));
        const base = {
          activeSheet: read.activeSheet,
          activeSheetEmpty: activeEmpty,
          hasRubricSheet: read.grids.some((g) => sameName(g.name, RUBRIC_SHEET)),
          scoredBefore: read.resultBlock !== null,
          capabilities: caps,
        };
        if (!read.rubric.ok) return { ok: true, value: { ...base, sheet: null, problem: read.rubric.message, rubric: null } };
        const rubric = rubricInUse(read.rubric.rubric, read.rubric.source, options.rubric?.fileName ?? null);
        const chosen = chooseSheet(
          { sheets: read.grids, activeSheet: read.activeSheet, resultBlock: blockInput(read.resultBlock) },
          read.rubric.rubric,
        );
        if (!chosen.ok) {
          const problem = activeEmpty ? messages.emptySheet(read.activeSheet) : chosen.message;
          return { ok: true, value: { ...base, sheet: null, problem, rubric } };
        }
        return { ok: true, value: { ...base, sheet: chosen.grid.name, problem: null, rubric } };
      }),
    );
  }

  async function score(options: ScoreOptions = {}): Promise<Outcome<ScoreReport>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<ScoreReport>> => {
        const trips = new RoundTrips(context);
        const progress = options.onProgress ?? (() => undefined);
        const explicit = options.rubric?.rubric ?? null;
        progress({ stage: 'reading', done: 0, total: 1 });
        const read = await readWorkbook(context, trips, caps, explicit);
        if (!read.rubric.ok) return read.rubric;
        progress({ stage: 'scoring', done: 0, total: 1 });
        const block = read.resultBlock;
        const input = { sheets: read.grids, activeSheet: read.activeSheet, rubric: explicit, resultBlock: blockInput(block) };
        const scored = scoreWorkbook(input);
        if (!scored.ok) {
          const activeEmpty = isEmptyGrid(read.grids.find((g) => g.name === read.activeSheet));
          const noTable = !chooseSheet(input, read.rubric.rubric).ok;
          return { ok: false, message: activeEmpty && noTable ? messages.emptySheet(read.activeSheet) : scored.message };
        }
        const result: ScoreResult = scored.result;
        const grid = read.grids.find((g) => g.name === result.sheet)!;
        const extras = read.extras.get(result.sheet)!;
        const existing = block && sameName(block.sheet, result.sheet) ? block.area : null;
        if (extras.isProtected) return { ok: false, message: messages.sheetProtected(result.sheet) };

        const staffNoteCells = extras.notes ? await readStaffNoteCells(extras, trips) : new Set<string>();
        const planned = planResultBlock(result, { existing, isOccupied: occupancy(grid, staffNoteCells) });
        if (!planned.ok) return planned;
        const plan = planned.plan;

        const batches = planWrites(
          plan,
          {
            workbook: context.workbook,
            extras,
            existing,
            nameExists: read.resultBlockNameExists,
            staffNoteCells,
            autoFilter: caps.autoFilter && !extras.hasTables,
          },
          tuning.writeBudgetBytes,
        );
        for (const [i, batch] of batches.entries()) {
          progress({ stage: 'writing', done: i, total: batches.length });
          batch.queue();
          await trips.write();
        }

        const notices = hostNotices(caps, messages, plan, staffNoteCells, extras.hasTables);
        return {
          ok: true,
          value: {
            result,
            rubric: rubricInUse(result.rubric, result.rubricSource, options.rubric?.fileName ?? null),
            block: plan.reference,
            notices,
            roundTrips: { reads: trips.reads, writes: trips.writes },
            defaultYear: defaultYear(grid, new Date(), result.table.layout.headerRows[0]),
          },
        };
      }),
    );
  }

  async function selectCell(sheet: string, address: string): Promise<Outcome<null>> {
    try {
      return await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
        return { ok: true as const, value: null };
      });
    } catch (e) {
      return { ok: false, message: `${messages.selectFailed(sheet, address)} (${describeError(e)})` };
    }
  }

  async function applyFilter(kind: FilterKind): Promise<Outcome<FilterKind>> {
    if (!caps.autoFilter) return { ok: false, message: messages.filterUnsupported };
    return guarded(() =>
      host.run(async (context): Promise<Outcome<FilterKind>> => {
        const trips = new RoundTrips(context);
        const name = context.workbook.names.getItemOrNullObject(RESULT_BLOCK_NAME);
        name.load('formula');
        await trips.read();
        const block = name.isNullObject ? null : parseSheetReference(String(name.formula ?? ''));
        if (!block) return { ok: false, message: messages.notScoredYet };

        const { area } = block;
        const ws = context.workbook.worksheets.getItem(block.sheet);
        const headerRows = ws.getRangeByIndexes(
          area.top,
          area.left,
          Math.min(2, area.bottom - area.top + 1),
          area.right - area.left + 1,
        );
        headerRows.load('values');
        const filter = ws.autoFilter;
        filter.load('enabled');
        const filterRange = filter.getRangeOrNullObject();
        filterRange.load('address');
        await trips.read();

        const condition = filterCondition(kind);
        const title = condition?.column ?? STATUS_TITLE;
        let headerRow = -1;
        let column = -1;
        headerRows.values.forEach((row, i) => {
          const j = row.findIndex((v) => typeof v === 'string' && v.trim() === title);
          if (j >= 0 && headerRow < 0) {
            headerRow = area.top + i;
            column = area.left + j;
          }
        });
        if (column < 0) return { ok: false, message: messages.blockColumnMissing(title) };

        // The filter covers the header row to the block's end, table and results (flags column left out).
        let range = parseArea(
          filterRange.isNullObject ? '' : filterRange.address.slice(filterRange.address.lastIndexOf('!') + 1),
        );
        const covers = range !== null && filter.enabled && column >= range.left && column <= range.right;
        if (!covers) range = { top: headerRow, left: 0, bottom: area.bottom, right: Math.max(area.right - 1, column) };
        const address = `${a1(range!.top, range!.left)}:${a1(range!.bottom, range!.right)}`;

        if (covers) filter.clearCriteria();
        else {
          if (filter.enabled) filter.remove();
          filter.apply(ws.getRange(address));
        }
        if (condition) filter.apply(ws.getRange(address), column - range!.left, condition.criteria);
        await trips.write();
        return { ok: true, value: kind };
      }),
    );
  }

  async function writeRubricSheet(rows: CellValue[][]): Promise<Outcome<{ sheet: string }>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<{ sheet: string }>> => {
        const trips = new RoundTrips(context);
        const existing = context.workbook.worksheets.getItemOrNullObject(RUBRIC_SHEET);
        existing.load('name');
        await trips.read();
        if (!existing.isNullObject) return { ok: false, message: messages.rubricSheetExists(existing.name) };

        const width = Math.max(1, ...rows.map((r) => r.length));
        const values = rows.map((r) => Array.from({ length: width }, (_, c) => asTypedText(r[c])));
        const ws = context.workbook.worksheets.add(RUBRIC_SHEET);
        const range = ws.getRangeByIndexes(0, 0, Math.max(1, values.length), width);
        range.values = values.length ? values : [['']];
        range.format.columnWidth = widthInPoints(18);
        ws.getRange('A1').format.font.bold = true;
        ws.activate();
        await trips.write();
        return { ok: true, value: { sheet: RUBRIC_SHEET } };
      }),
    );
  }

  async function onActiveSheetChanged(listener: () => void): Promise<Outcome<() => Promise<void>>> {
    try {
      return await host.run(async (context) => {
        const handler = context.workbook.worksheets.onActivated.add(async () => listener());
        await context.sync();
        const stop = () =>
          host.runInContext(handler.context as Excel.RequestContext, async (c) => {
            handler.remove();
            await c.sync();
          });
        return { ok: true as const, value: stop };
      });
    } catch (e) {
      return { ok: false, message: messages.watchFailed(describeError(e)) };
    }
  }

  async function writeRankingSheet(result: ScoreResult, settings: DecisionSettings): Promise<Outcome<RankingSheetReport>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<RankingSheetReport>> => {
        const trips = new RoundTrips(context);
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/position');
        const name = context.workbook.names.getItemOrNullObject(RANKING_DEFINED_NAME);
        name.load('formula');
        await trips.read();

        const recorded = name.isNullObject ? null : (parseSheetReference(String(name.formula ?? ''))?.sheet ?? null);
        const target = rankingSheetTarget(
          sheets.items.map((s) => s.name),
          recorded,
          result.sheet,
          RANKING_SHEET,
          RANKING_SHEET_ALTERNATIVE,
        );
        const replaced = target.replaces ? sheets.items.find((s) => s.name === target.replaces) : undefined;
        const batches = planRankingWrites(
          rankingSheetPlan(result, settings),
          {
            workbook: context.workbook,
            target: { name: target.name, replaces: target.replaces, position: replaced ? replaced.position : null },
            nameExists: !name.isNullObject,
            pageLayout: caps.pageLayout,
          },
          tuning.writeBudgetBytes,
        );
        for (const [i, batch] of batches.entries()) {
          batch.queue();
          // Shown when done, as the rubric sheet is: the user asked for this sheet.
          if (i === batches.length - 1) context.workbook.worksheets.getItem(target.name).activate();
          await trips.write();
        }
        return {
          ok: true,
          value: {
            sheet: target.name,
            notice: target.notice ? messages.rankingSheetRenamed(RANKING_SHEET, target.name) : null,
            notices: caps.pageLayout ? [] : [messages.pageLayoutUnsupported],
            roundTrips: { reads: trips.reads, writes: trips.writes },
          },
        };
      }),
    );
  }

  async function selectedInputCell(): Promise<Outcome<SelectedCell>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<SelectedCell>> => {
        const cell = context.workbook.getActiveCell();
        cell.load('address,values,valueTypes,numberFormat');
        await new RoundTrips(context).read();
        const at = parseSheetReference(cell.address);
        if (!at) return { ok: false, message: messages.excelFailed(cell.address) };
        const value = toCellValue(cell.values[0][0], cell.valueTypes[0][0], cell.numberFormat[0][0]);
        return { ok: true, value: { sheet: at.sheet, address: a1(at.area.top, at.area.left), value } };
      }),
    );
  }

  async function appendCorrection(entry: CorrectionEntry, rubric: CompiledRubric): Promise<Outcome<AppendedCorrection>> {
    return guarded(() => host.run((context) => appendCorrectionRow(context, new RoundTrips(context), entry, rubric, messages)));
  }

  return {
    describe,
    score,
    selectCell,
    applyFilter,
    writeRubricSheet,
    onActiveSheetChanged,
    writeRankingSheet,
    selectedInputCell,
    appendCorrection,
  };
}
