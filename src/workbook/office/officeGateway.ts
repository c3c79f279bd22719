/**
 * The workbook gateway on Excel: the only module that runs Excel batches. It trades plain 2-D
 * arrays with the engine, reads everything Score needs before writing anything, keeps every
 * request and response under the web's cap (payload.ts), leaves the sheet consistent when Excel
 * stops part-way (writeResultBlock.ts, writeOwnSheets.ts), and returns every failure as a
 * sentence with Excel's own words as detail.
 */
import { ownSheetPlans, ownSheetTarget } from '../../report/ownSheets';
import { RESULT_BLOCK_NAME, ResultBlockPlan, planResultBlock } from '../../report/resultBlock';
import { DecisionSettings, defaultYear } from '../../report/settings';
import { DOCUMENT_SETTINGS_KEY, StoredSettings, parseStoredSettings } from '../../report/storedSettings';
import type { CompiledRubric } from '../../rubric/compiled';
import { RUBRIC_SHEET } from '../../rubric/rubricSheet';
import { WorkbookInput, chooseSheet, findSheet, isOwnSheet, sameName, scoreWorkbook } from '../../scoring/scoreWorkbook';
import type { RubricSource, ScoreResult } from '../../scoring/types';
import { findHeader } from '../../sheet/findHeader';
import {
  CellValue,
  Grid,
  MergedArea,
  a1,
  addressPart,
  columnLetters,
  mergeOwners,
  parseArea,
  quoteSheetName,
} from '../../sheet/grid';
import { isBlankCell } from '../../sheet/typedValues';
import { UNIT_LIST_SHEET, resolveUnitList, unitListFromGrid } from '../../sheet/unitList';
import type {
  AppendedCorrection,
  Capabilities,
  CorrectionEntry,
  Failure,
  FailureReason,
  FilterKind,
  GatewayMessages,
  InterruptedOwnSheets,
  InterruptedWrite,
  Outcome,
  OwnSheetsReport,
  ResultsWritten,
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
import { describeError, officeErrorKind, officeFailure } from './officeErrors';
import { finishSheets, knownSheet } from './readSheets';
import { WorkbookRead, readStaffNoteCells, readWorkbook } from './readWorkbook';
import { SheetArea, blockInput, parseSheetReference } from './references';
import { RoundTrips } from './roundTrips';
import { asTypedText } from './typedText';
import { OwnSheetTarget, planOwnSheetWrites, queuePageSetups, workingSheetName } from './writeOwnSheets';
import { asReadBack, planWrites, widthInPoints } from './writeResultBlock';

/** Office's document settings (Office.context.document.settings), as far as the gateway uses them. */
export interface DocumentSettingsPort {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: { status: string; error?: { message?: string; code?: number } }) => void): void;
}

/** How the gateway reaches Excel: the real Excel.run in the add-in, a fake in tests. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Runs a batch on an existing context (to remove an event handler it registered). */
  runInContext<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** The add-in's document settings, or null where the host has none. */
  settings: DocumentSettingsPort | null;
}

/** The Office host of the add-in itself. */
export function excelHost(): OfficeHost {
  return {
    run: (batch) => Excel.run(batch),
    runInContext: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: (Office.context.document?.settings as unknown as DocumentSettingsPort | undefined) ?? null,
  };
}

export function capabilitiesOf(host: OfficeHost): Capabilities {
  return {
    notes: host.isSetSupported('ExcelApi', '1.18'),
    mergedAreas: host.isSetSupported('ExcelApi', '1.13'),
    autoFilter: host.isSetSupported('ExcelApi', '1.9'),
  };
}

export { describeError };

const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

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
  if (!caps.notes && plan.notes.length > 0) notices.push(messages.notesUnsupported);
  const kept = plan.notes.filter((n) => staffNoteCells.has(n.cell)).length;
  if (kept > 0) notices.push(messages.staffNotesKept(kept));
  if (hasTables) notices.push(messages.autoFilterTable);
  return notices;
}

/** Why the engine could not score the workbook: which of its steps said no. */
function engineReason(input: WorkbookInput, rubric: CompiledRubric): FailureReason {
  const list = findSheet(input.sheets, UNIT_LIST_SHEET);
  if (list) {
    const read = unitListFromGrid(list, rubric);
    if (!read.ok || !resolveUnitList(read.list, rubric).ok) return 'unitList';
  }
  if (!chooseSheet(input, rubric).ok) {
    const columns = input.sheets.some(
      (s) => !isOwnSheet(s.name) && (findHeader(s, rubric) as { reason?: string }).reason === 'columns',
    );
    return columns ? 'columns' : 'noTable';
  }
  return 'other';
}

/** The cells of a read-back block compared as written: blanks "", numbers and text as they are. */
function comparable(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'object' && 'error' in (v as object)) return String((v as { error: unknown }).error);
  return typeof v === 'number' ? `n${v}` : typeof v === 'boolean' ? `b${v}` : `s${String(v)}`;
}

/** "'Tổng hợp'!$X$5:$AK$160", as the defined name records a block. */
function referenceOf(block: SheetArea): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  return `${quoteSheetName(block.sheet)}!${cell(block.area.top, block.area.left)}:${cell(block.area.bottom, block.area.right)}`;
}

/** Limits a test may lower to see the splitting at work on small sheets. */
export interface GatewayTuning {
  writeBudgetBytes?: number;
  readBudgetBytes?: number;
}

export function createOfficeGateway(host: OfficeHost, messages: GatewayMessages, tuning: GatewayTuning = {}): WorkbookGateway {
  const caps = capabilitiesOf(host);
  /** While this gateway writes, and a moment after, cell changes are its own (onResultsWritten). */
  let writing = 0;
  let quietUntil = 0;
  const QUIET_MS = 1500;

  /** The engine's Vietnamese sentence as the pane shows it: as is, or behind an English lead sentence. */
  function engineFailure(message: string, reason: FailureReason): Failure {
    if (!messages.engineLead) return { ok: false, message, reason };
    return { ok: false, message: messages.engineLead[reason], detail: message, reason };
  }

  async function guarded<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    try {
      return await work();
    } catch (e) {
      return officeFailure(e, messages);
    }
  }

  async function ownWrites<T>(work: () => Promise<T>): Promise<T> {
    writing++;
    try {
      return await work();
    } finally {
      writing--;
      quietUntil = Date.now() + QUIET_MS;
    }
  }

  async function describe(options: ScoreOptions = {}): Promise<Outcome<WorkbookDescription>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<WorkbookDescription>> => {
        const trips = new RoundTrips(context);
        const read = await readWorkbook(context, trips, caps, {
          mode: 'describe',
          explicitRubric: options.rubric?.rubric ?? null,
        });
        const activeEmpty = isEmptyGrid(read.grids.find((g) => g.name === read.activeSheet));
        const base = {
          activeSheet: read.activeSheet,
          activeSheetEmpty: activeEmpty,
          hasRubricSheet: read.fixedSheets.some((name) => sameName(name, RUBRIC_SHEET)),
          scoredBefore: read.resultBlock !== null,
          capabilities: caps,
        };
        if (!read.rubric.ok) {
          const { message, detail } = engineFailure(read.rubric.message, 'rubric');
          return { ok: true, value: { ...base, sheet: null, problem: { message, detail: detail ?? null }, rubric: null } };
        }
        const rubric = rubricInUse(read.rubric.rubric, read.rubric.source, options.rubric?.fileName ?? null);
        const input = { sheets: read.grids, activeSheet: read.activeSheet, resultBlock: blockInput(read.resultBlock) };
        const chosen = chooseSheet(input, read.rubric.rubric);
        if (!chosen.ok) {
          const problem = activeEmpty
            ? { message: messages.emptySheet(read.activeSheet), detail: null }
            : (({ message, detail }) => ({ message, detail: detail ?? null }))(
                engineFailure(chosen.message, engineReason(input, read.rubric.rubric)),
              );
          return { ok: true, value: { ...base, sheet: null, problem, rubric } };
        }
        return { ok: true, value: { ...base, sheet: chosen.grid.name, problem: null, rubric } };
      }),
    );
  }

  /** Reads and scores; the failures of the engine in words. */
  async function readAndScore(
    context: Excel.RequestContext,
    trips: RoundTrips,
    options: ScoreOptions,
  ): Promise<Outcome<{ read: WorkbookRead; result: ScoreResult; grid: Grid }>> {
    const progress = options.onProgress ?? (() => undefined);
    const explicit = options.rubric?.rubric ?? null;
    const read = await readWorkbook(context, trips, caps, { mode: 'score', explicitRubric: explicit, onProgress: progress });
    if (!read.rubric.ok) return engineFailure(read.rubric.message, 'rubric');
    progress({ stage: 'scoring', done: 0, total: 1 });
    const input = {
      sheets: read.grids,
      activeSheet: read.activeSheet,
      rubric: explicit,
      resultBlock: blockInput(read.resultBlock),
    };
    const scored = scoreWorkbook(input);
    if (!scored.ok) {
      const activeEmpty = isEmptyGrid(read.grids.find((g) => g.name === read.activeSheet));
      const noTable = !chooseSheet(input, read.rubric.rubric).ok;
      if (activeEmpty && noTable) return { ok: false, message: messages.emptySheet(read.activeSheet) };
      return engineFailure(scored.message, engineReason(input, read.rubric.rubric));
    }
    const grid = read.grids.find((g) => g.name === scored.result.sheet)!;
    return { ok: true, value: { read, result: scored.result, grid } };
  }

  function reportOf(
    read: WorkbookRead,
    result: ScoreResult,
    grid: Grid,
    block: string,
    trips: RoundTrips,
    options: ScoreOptions,
  ) {
    return {
      result,
      rubric: rubricInUse(result.rubric, result.rubricSource, options.rubric?.fileName ?? null),
      block,
      notices: [] as string[],
      roundTrips: { reads: trips.reads, writes: trips.writes },
      defaultYear: defaultYear(grid, new Date(), result.table.layout.headerRows[0]),
    };
  }

  async function score(options: ScoreOptions = {}): Promise<Outcome<ScoreReport>> {
    return guarded(() =>
      ownWrites(() =>
        host.run(async (context): Promise<Outcome<ScoreReport>> => {
          const trips = new RoundTrips(context);
          const progress = options.onProgress ?? (() => undefined);
          const scored = await readAndScore(context, trips, options);
          if (!scored.ok) return scored;
          const { read, result, grid } = scored.value;
          const block = read.resultBlock;
          const extras = read.extras.get(result.sheet)!;
          const existing = block && sameName(block.sheet, result.sheet) ? block.area : null;
          if (extras.isProtected) return { ok: false, message: messages.sheetProtected(result.sheet) };

          const staffNoteCells = extras.notes ? await readStaffNoteCells(extras, trips) : new Set<string>();
          const planned = planResultBlock(result, { existing, isOccupied: occupancy(grid, staffNoteCells) });
          if (!planned.ok) return engineFailure(planned.message, 'blockBlocked');
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
          try {
            for (const [i, batch] of batches.entries()) {
              progress({ stage: 'writing', done: i, total: batches.length });
              batch.queue();
              await trips.write();
            }
          } catch (e) {
            const state = await afterInterruptedScore(plan, grid);
            const range = `${a1(plan.top, plan.left)}:${a1(plan.bottom, plan.right)}`;
            return {
              ok: false,
              interrupted: true,
              officeError: officeErrorKind(e),
              message: messages.scoreInterrupted(state, { sheet: plan.sheet, range }),
              detail: describeError(e),
            };
          }
          progress({ stage: 'writing', done: batches.length, total: batches.length });

          return {
            ok: true,
            value: {
              ...reportOf(read, result, grid, plan.reference, trips, options),
              notices: hostNotices(caps, messages, plan, staffNoteCells, extras.hasTables),
            },
          };
        }),
      ),
    );
  }

  /**
   * After Excel stopped part-way through writing the block: which values the block holds now —
   * all new, all as before, or a mix, which is cleared so that no one reads half a result. The
   * defined name already records the block, so the next Score rewrites it whole either way.
   */
  async function afterInterruptedScore(plan: ResultBlockPlan, before: Grid): Promise<InterruptedWrite> {
    const area: MergedArea = { top: plan.top, left: plan.left, bottom: plan.bottom, right: plan.right };
    let state: InterruptedWrite;
    try {
      state = await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(plan.sheet);
        const [now] = await finishSheets(
          [knownSheet(plan.sheet, sheet, area, { merges: false, formats: false })],
          new RoundTrips(context),
          { budget: tuning.readBudgetBytes },
        );
        // Each row holds the new values, the old ones, both (unchanged rows), or neither.
        let fresh = 0;
        let stale = 0;
        let neither = 0;
        plan.values.forEach((row, i) => {
          const r = plan.top + i;
          const cells = row.map((_, j) => comparable(now.rows[r]?.[plan.left + j]));
          const isNew = cells.every((c, j) => c === comparable(asReadBack(row[j])));
          const isOld = cells.every((c, j) => c === comparable(before.rows[r]?.[plan.left + j]));
          if (isNew && !isOld) fresh++;
          else if (isOld && !isNew) stale++;
          else if (!isNew && !isOld) neither++;
        });
        if (neither > 0 || (fresh > 0 && stale > 0)) return 'cleared';
        return stale > 0 ? 'notWritten' : 'written';
      });
    } catch {
      return 'unknown';
    }
    if (state !== 'cleared') return state;
    try {
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(plan.sheet);
        sheet.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1).clear('Contents');
        await context.sync();
      });
      return 'cleared';
    } catch {
      return 'unknown';
    }
  }

  async function currentResult(options: ScoreOptions = {}): Promise<Outcome<ScoreReport>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<ScoreReport>> => {
        const trips = new RoundTrips(context);
        const scored = await readAndScore(context, trips, options);
        if (!scored.ok) return scored;
        const { read, result, grid } = scored.value;
        const block = read.resultBlock && sameName(read.resultBlock.sheet, result.sheet) ? read.resultBlock : null;
        return { ok: true, value: reportOf(read, result, grid, block ? referenceOf(block) : '', trips, options) };
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
      return { ok: false, message: messages.selectFailed(sheet, address), detail: describeError(e) };
    }
  }

  async function applyFilter(kind: FilterKind): Promise<Outcome<FilterKind>> {
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
        let range = parseArea(filterRange.isNullObject ? '' : addressPart(filterRange.address));
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

  /** Registers an Excel event handler; the value removes it again. */
  async function listen(
    add: (context: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>,
  ): Promise<Outcome<() => Promise<void>>> {
    try {
      return await host.run(async (context) => {
        const handler = add(context);
        await context.sync();
        const stop = () =>
          host.runInContext(handler.context as Excel.RequestContext, async (c) => {
            handler.remove();
            await c.sync();
          });
        return { ok: true as const, value: stop };
      });
    } catch (e) {
      return { ok: false, message: messages.watchFailed, detail: describeError(e) };
    }
  }

  function onActiveSheetChanged(listener: () => void): Promise<Outcome<() => Promise<void>>> {
    return listen((context) => context.workbook.worksheets.onActivated.add(async () => listener()));
  }

  function onResultsWritten(listener: (written: ResultsWritten) => void): Promise<Outcome<() => Promise<void>>> {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changes: Excel.WorksheetChangedEventArgs[] = [];
    /** Whether a burst of changes touched the recorded block: one small read. */
    const check = async () => {
      const burst = changes.splice(0);
      try {
        const written = await host.run(async (context): Promise<ResultsWritten | null> => {
          const name = context.workbook.names.getItemOrNullObject(RESULT_BLOCK_NAME);
          name.load('formula');
          const sheets = burst.map((c) => {
            const sheet = context.workbook.worksheets.getItemOrNullObject(c.worksheetId);
            sheet.load('name');
            return sheet;
          });
          await context.sync();
          const block: SheetArea | null = name.isNullObject ? null : parseSheetReference(String(name.formula ?? ''));
          if (!block) return null;
          const touched = burst.some((c, i) => {
            const area = parseArea(c.address);
            return (
              !sheets[i].isNullObject &&
              sameName(sheets[i].name, block.sheet) &&
              area !== null &&
              area.left <= block.area.right &&
              area.right >= block.area.left &&
              area.top <= block.area.bottom &&
              area.bottom >= block.area.top
            );
          });
          return touched ? { sheet: block.sheet, block: String(name.formula).replace(/^=/, '') } : null;
        });
        if (written && writing === 0 && Date.now() >= quietUntil) listener(written);
      } catch {
        // A change the pane cannot look at now: the next one, or the user's Score, will show the results.
      }
    };
    return listen((context) =>
      context.workbook.worksheets.onChanged.add(async (args) => {
        if (writing > 0 || Date.now() < quietUntil) return;
        changes.push(args);
        if (timer) clearTimeout(timer);
        // The ribbon's Score writes in a burst: look once it is over.
        timer = setTimeout(() => void check(), 400);
      }),
    );
  }

  async function writeOwnSheets(result: ScoreResult, settings: DecisionSettings): Promise<Outcome<OwnSheetsReport>> {
    return guarded(() =>
      ownWrites(() =>
        host.run(async (context): Promise<Outcome<OwnSheetsReport>> => {
          const trips = new RoundTrips(context);
          const plans = ownSheetPlans(result, settings);
          const sheets = context.workbook.worksheets;
          sheets.load('items/name,items/position,items/id');
          const recordedNames = plans.map((own) => {
            const name = context.workbook.names.getItemOrNullObject(own.definedName);
            name.load('formula');
            return name;
          });
          await trips.read();

          const working = plans.map((own) => workingSheetName(own.preferred));
          const all = sheets.items.map((s) => s.name);
          const names = all.filter((n) => !working.some((w) => sameName(n, w)));
          const claimed = new Set<string>();
          const targets: OwnSheetTarget[] = plans.map((own, i) => {
            const name = recordedNames[i];
            const recordedSheet = name.isNullObject ? null : (parseSheetReference(String(name.formula ?? ''))?.sheet ?? null);
            // A sheet recorded by two names (copied by hand) is replaced once, by the first.
            const recorded = recordedSheet && !claimed.has(nameKey(recordedSheet)) ? recordedSheet : null;
            const target = ownSheetTarget(names, recorded, result.sheet, own.preferred, own.alternative);
            if (target.replaces) claimed.add(nameKey(target.replaces));
            else names.push(target.name);
            const replaced = target.replaces ? sheets.items.find((s) => s.name === target.replaces)! : null;
            return {
              own,
              name: target.name,
              replaces: replaced ? { name: replaced.name, id: replaced.id, position: replaced.position } : null,
              nameExists: !name.isNullObject,
              leftover: all.some((n) => sameName(n, working[i])),
              staffSheet: target.notice !== null,
            };
          });
          const batches = planOwnSheetWrites(
            { workbook: context.workbook, targets, autoFilter: caps.autoFilter },
            tuning.writeBudgetBytes,
          );
          try {
            for (const batch of batches) {
              batch.queue();
              await trips.write();
            }
          } catch (e) {
            const state = await afterInterruptedOwnSheets(targets);
            if (state !== 'finished') {
              return {
                ok: false,
                interrupted: true,
                officeError: officeErrorKind(e),
                message: messages.ownSheetsInterrupted(
                  state,
                  targets.map((t) => t.name),
                ),
                detail: describeError(e),
              };
            }
          }

          // Print setup, on its own: if Excel refuses it, the sheets stay and the pane says what to set by hand.
          const notices: string[] = [];
          try {
            queuePageSetups(targets.map((t) => ({ sheet: context.workbook.worksheets.getItem(t.name), plan: t.own.plan })));
            await trips.write();
          } catch {
            notices.push(messages.pageSetupFailed);
          }
          return {
            ok: true,
            value: {
              sheets: targets.map((t) => ({
                key: t.own.key,
                sheet: t.name,
                notice: t.staffSheet ? messages.ownSheetRenamed(t.own.preferred, t.name) : null,
              })),
              notices,
              roundTrips: { reads: trips.reads, writes: trips.writes },
            },
          };
        }),
      ),
    );
  }

  /**
   * After Excel stopped part-way through the own sheets: before the swap the working sheets go
   * and the earlier sheets stay as they were; once any swap ran, every new sheet was complete
   * (the swaps come last), so the swaps are finished.
   */
  async function afterInterruptedOwnSheets(targets: OwnSheetTarget[]): Promise<InterruptedOwnSheets> {
    try {
      return await host.run(async (context): Promise<InterruptedOwnSheets> => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/id');
        const recorded = targets.map((t) => context.workbook.names.getItemOrNullObject(t.own.definedName).load('name'));
        await context.sync();
        const has = (n: string) => sheets.items.some((s) => sameName(s.name, n));
        const working = targets.map((t) => has(workingSheetName(t.own.preferred)));
        // Each swap starts by deleting the earlier sheet (or, when there is none, by the rename).
        const swapped = targets.map((t, i) =>
          t.replaces ? !sheets.items.some((s) => s.id === t.replaces!.id) : !working[i] && has(t.name),
        );
        if (!swapped.some(Boolean)) {
          targets.forEach((t, i) => {
            if (working[i]) sheets.getItem(workingSheetName(t.own.preferred)).delete();
          });
          await context.sync();
          return 'notWritten';
        }
        // Once a swap ran, every working sheet not yet renamed must still be there: otherwise say so, and touch nothing.
        if (targets.some((t, i) => !working[i] && (!swapped[i] || !has(t.name)))) return 'unknown';
        targets.forEach((t, i) => {
          if (t.replaces && !swapped[i]) sheets.getItem(t.replaces.id).delete();
          const sheet = sheets.getItem(working[i] ? workingSheetName(t.own.preferred) : t.name);
          if (working[i]) sheet.name = t.name;
          if (t.replaces) sheet.position = t.replaces.position;
          if (recorded[i].isNullObject) context.workbook.names.add(t.own.definedName, sheet.getRange('A1'));
          context.workbook.names.getItem(t.own.definedName).formula = `=${t.own.plan.reference(t.name)}`;
        });
        sheets.getItem(targets[0].name).activate();
        await context.sync();
        return 'finished';
      });
    } catch {
      return 'unknown';
    }
  }

  async function selectedInputCell(): Promise<Outcome<SelectedCell>> {
    return guarded(() =>
      host.run(async (context): Promise<Outcome<SelectedCell>> => {
        const cell = context.workbook.getActiveCell();
        cell.load('address,values,valueTypes,numberFormat');
        await new RoundTrips(context).read();
        const at = parseSheetReference(cell.address);
        if (!at) return { ok: false, message: messages.officeError.other, detail: cell.address };
        const value = toCellValue(cell.values[0][0], cell.valueTypes[0][0], cell.numberFormat[0][0]);
        return { ok: true, value: { sheet: at.sheet, address: a1(at.area.top, at.area.left), value } };
      }),
    );
  }

  async function appendCorrection(entry: CorrectionEntry, rubric: CompiledRubric): Promise<Outcome<AppendedCorrection>> {
    return guarded(() =>
      ownWrites(() => host.run((context) => appendCorrectionRow(context, new RoundTrips(context), entry, rubric, messages))),
    );
  }

  async function loadDecisionSettings(): Promise<Outcome<StoredSettings | null>> {
    if (!host.settings) return { ok: false, message: messages.settingsUnavailable };
    try {
      return { ok: true, value: parseStoredSettings(host.settings.get(DOCUMENT_SETTINGS_KEY)) };
    } catch (e) {
      return { ok: false, message: messages.settingsUnavailable, detail: describeError(e) };
    }
  }

  async function saveDecisionSettings(stored: StoredSettings): Promise<Outcome<null>> {
    const settings = host.settings;
    if (!settings) return { ok: false, message: messages.settingsUnavailable };
    try {
      settings.set(DOCUMENT_SETTINGS_KEY, stored);
    } catch (e) {
      return { ok: false, message: messages.settingsSaveFailed, detail: describeError(e) };
    }
    return new Promise((resolve) =>
      settings.saveAsync((result) =>
        resolve(
          result.status === 'succeeded'
            ? { ok: true, value: null }
            : { ok: false, message: messages.settingsSaveFailed, detail: result.error?.message ?? null },
        ),
      ),
    );
  }

  return {
    describe,
    score,
    currentResult,
    selectCell,
    applyFilter,
    writeRubricSheet,
    onActiveSheetChanged,
    onResultsWritten,
    writeOwnSheets,
    selectedInputCell,
    appendCorrection,
    loadDecisionSettings,
    saveDecisionSettings,
  };
}
