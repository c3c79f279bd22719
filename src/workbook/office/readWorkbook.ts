/**
 * The read phase of Score and of the pane's look at the workbook ("describe"), every response
 * under the payload cap (payload.ts, readSheets.ts).
 *
 * First round trip: the sheet names, the active sheet's first window and merged areas, the
 * fixed-name sheets ("Tiêu chí", "Danh mục đơn vị", "Thẩm định"), the defined name of the result
 * block — and, for Score, the active sheet's conditional formats, notes, AutoFilter and
 * protection, which the write phase needs to replace the add-in's own and keep the staff's. A
 * yearly sheet is read whole in that one round trip.
 *
 * A taller sheet is read on in windows. When the active sheet has no header row, the other
 * sheets are previewed (their top rows only) to find the first that has one; Score then reads
 * that sheet whole. Describe never reads more than first windows and previews.
 */
import { RESULT_BLOCK_NAME, NOTE_PREFIX } from '../../report/resultBlock';
import type { CompiledRubric } from '../../rubric/compiled';
import { RUBRIC_SHEET } from '../../rubric/rubricSheet';
import { APPRAISAL_SHEET, blockColumnsOn, chooseRubric, chooseSheet, isOwnSheet, sameName } from '../../scoring/scoreWorkbook';
import type { RubricSource } from '../../scoring/types';
import { findHeader } from '../../sheet/findHeader';
import { Grid, addressPart } from '../../sheet/grid';
import { UNIT_LIST_SHEET } from '../../sheet/unitList';
import type { Capabilities, ScoreProgress } from '../gateway';
import { ACTIVE_FIRST_WINDOW, FIXED_FIRST_WINDOW, isPayloadLimitError } from './payload';
import {
  PartialSheet,
  WindowSize,
  finishSheets,
  knownSheet,
  previewSheets,
  queueMerges,
  queueSheetRead,
  takeFirstWindows,
} from './readSheets';
import { SheetArea, blockInput, parseSheetReference } from './references';
import type { RoundTrips } from './roundTrips';

/** The sheets read by name whenever they exist, besides the one to score. */
export const FIXED_SHEETS = [RUBRIC_SHEET, UNIT_LIST_SHEET, APPRAISAL_SHEET];

/** What the write phase needs to know about the sheet to score. */
export interface SheetExtras {
  sheet: Excel.Worksheet;
  /** Custom conditional formats with their formulas (to recognise the add-in's own). */
  rules: { item: Excel.ConditionalFormat; formula: string }[];
  /** Notes (ExcelApi 1.18), null where the host has none. */
  notes: { item: Excel.Note; own: boolean }[] | null;
  /** The AutoFilter's state. */
  autoFilter: { enabled: boolean; address: string | null } | null;
  hasTables: boolean;
  /** The sheet is protected (Review › Protect Sheet): nothing can be written. */
  isProtected: boolean;
  /** Default column width, in characters. */
  standardWidth: number;
}

interface QueuedExtras {
  sheet: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
  notes: Excel.NoteCollection | null;
  autoFilter: Excel.AutoFilter | null;
  autoFilterRange: Excel.Range | null;
  tables: OfficeExtension.ClientResult<number>;
  protection: Excel.WorksheetProtection;
}

function queueExtras(sheet: Excel.Worksheet, caps: Capabilities): QueuedExtras {
  sheet.load('name,standardWidth');
  // Only custom rules have a formula; the OrNullObject path lets one load cover every type.
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/id,items/type,items/customOrNullObject/rule/formula');
  let notes: Excel.NoteCollection | null = null;
  if (caps.notes) {
    notes = sheet.notes;
    notes.load('items/content');
  }
  let autoFilter: Excel.AutoFilter | null = null;
  let autoFilterRange: Excel.Range | null = null;
  if (caps.autoFilter) {
    autoFilter = sheet.autoFilter;
    autoFilter.load('enabled');
    autoFilterRange = autoFilter.getRangeOrNullObject();
    autoFilterRange.load('address');
  }
  const protection = sheet.protection;
  protection.load('protected');
  return { sheet, formats, notes, autoFilter, autoFilterRange, tables: sheet.tables.getCount(), protection };
}

function finishExtras(q: QueuedExtras): SheetExtras {
  const rules: SheetExtras['rules'] = [];
  for (const item of q.formats.items) {
    if (item.type !== 'Custom') continue;
    const custom = item.customOrNullObject;
    if (custom.isNullObject) continue;
    rules.push({ item, formula: String(custom.rule.formula ?? '') });
  }
  const notes = q.notes ? q.notes.items.map((item) => ({ item, own: (item.content ?? '').startsWith(NOTE_PREFIX) })) : null;
  const autoFilter =
    q.autoFilter && q.autoFilterRange
      ? { enabled: q.autoFilter.enabled, address: q.autoFilterRange.isNullObject ? null : q.autoFilterRange.address }
      : null;
  return {
    sheet: q.sheet,
    rules,
    notes,
    autoFilter,
    hasTables: q.tables.value > 0,
    isProtected: q.protection.protected,
    standardWidth: q.sheet.standardWidth,
  };
}

export interface WorkbookRead {
  activeSheet: string;
  /**
   * Grids in workbook order: the active sheet, the fixed-name sheets, others previewed. For
   * Score the sheet to score is whole; for describe only first windows and previews are read.
   */
  grids: Grid[];
  /** The fixed-name sheets the workbook has, as named there. */
  fixedSheets: string[];
  extras: Map<string, SheetExtras>;
  resultBlock: SheetArea | null;
  /** The defined name exists, even when its reference is broken (#REF!): it must be replaced, not added. */
  resultBlockNameExists: boolean;
  rubric: { ok: true; rubric: CompiledRubric; source: RubricSource } | { ok: false; message: string };
}

export interface ReadOptions {
  /** 'describe' reads first windows and previews only; 'score' reads the sheet to score whole. */
  mode: 'describe' | 'score';
  explicitRubric: CompiledRubric | null;
  onProgress?: (progress: ScoreProgress) => void;
}

/** Reads what scoring (or describing) needs: one round trip for a yearly workbook. */
export async function readWorkbook(
  context: Excel.RequestContext,
  trips: RoundTrips,
  caps: Capabilities,
  options: ReadOptions,
): Promise<WorkbookRead> {
  const scoring = options.mode === 'score';
  const report = (done: number, total: number) => options.onProgress?.({ stage: 'reading', done, total });
  const wb = context.workbook;
  const sheets = wb.worksheets;
  const scaled = (w: WindowSize, scale: number) => ({ rows: Math.max(1, Math.floor(w.rows * scale)), columns: w.columns });
  /** Everything of the first round trip, queued afresh for each attempt. */
  const queueFirstRound = (scale: number) => {
    sheets.load('items/name');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    const activeRead = queueSheetRead(active, {
      merges: caps.mergedAreas,
      formats: true,
      first: scaled(ACTIVE_FIRST_WINDOW, scale),
    });
    const activeExtras = scoring ? queueExtras(active, caps) : null;
    const fixed = FIXED_SHEETS.map((name) => {
      const sheet = sheets.getItemOrNullObject(name);
      sheet.load('name');
      // Describe needs only the rubric; the appraisal sheet's "Ngày" column holds dates, which only the number format tells.
      const read =
        scoring || name === RUBRIC_SHEET
          ? queueSheetRead(sheet, { merges: false, formats: name === APPRAISAL_SHEET, first: scaled(FIXED_FIRST_WINDOW, scale) })
          : null;
      return { name, sheet, read };
    });
    const blockName = wb.names.getItemOrNullObject(RESULT_BLOCK_NAME);
    blockName.load('formula');
    return { active, activeRead, activeExtras, fixed, blockName };
  };
  report(0, 1);
  let scale = 1;
  let first: ReturnType<typeof queueFirstRound>;
  for (;;) {
    first = queueFirstRound(scale);
    try {
      await trips.read();
      break;
    } catch (e) {
      // Cells far longer than usual: Excel refused the response; the first windows are halved.
      if (!isPayloadLimitError(e) || scale < 1 / 64) throw e;
      scale /= 2;
    }
  }
  report(1, 1);
  const { active, activeRead, activeExtras, fixed, blockName } = first;

  const activeName = active.name;
  const present = fixed.filter((f) => !f.sheet.isNullObject);
  const fixedReads = present.filter((f) => f.read && !sameName(f.sheet.name, activeName));
  const [activePartial, ...fixedPartials] = takeFirstWindows([
    { name: activeName, queued: activeRead },
    ...fixedReads.map((f) => ({ name: f.sheet.name, queued: f.read! })),
  ]);
  const resultBlockNameExists = !blockName.isNullObject;
  const resultBlock = resultBlockNameExists ? parseSheetReference(String(blockName.formula ?? '')) : null;
  const extras = new Map<string, SheetExtras>();
  if (activeExtras) extras.set(activeName, finishExtras(activeExtras));
  let round = 1;
  const onRound = (done: number, total: number) => report(round + done, round + total);

  // The rubric comes first: whether a sheet has a header depends on it (a long rubric sheet costs a round trip).
  const gridOf = (p: PartialSheet): Grid => ({ name: p.name, rows: p.rows, merges: p.merges });
  // The rubric sheet may be the active one (staff editing it): then it was read as the active sheet.
  const rubricPartial = [activePartial, ...fixedPartials].find((p) => sameName(p.name, RUBRIC_SHEET));
  if (rubricPartial && rubricPartial.remaining.length > 0) {
    await finishSheets([rubricPartial], trips, { onRound });
    rubricPartial.remaining = [];
    round = trips.reads;
  }
  const rubric = chooseRubric({ sheets: rubricPartial ? [gridOf(rubricPartial)] : [], rubric: options.explicitRubric });

  const base = {
    activeSheet: activeName,
    fixedSheets: present.map((f) => f.sheet.name),
    extras,
    resultBlock,
    resultBlockNameExists,
    rubric,
  };
  const inOrder = (grids: Grid[]): Grid[] => {
    const byName = new Map(grids.map((g) => [g.name, g]));
    const ordered = sheets.items.map((s) => byName.get(s.name)).filter((g): g is Grid => g !== undefined);
    return ordered.length === grids.length ? ordered : grids;
  };

  const ignore = blockColumnsOn({ resultBlock: blockInput(resultBlock) }, activeName);
  const activeScorable = rubric.ok && !isOwnSheet(activeName) && findHeader(gridOf(activePartial), rubric.rubric, ignore).ok;
  if (!rubric.ok || activeScorable) {
    const partials = scoring
      ? [activePartial, ...fixedPartials]
      : [activePartial, ...fixedPartials.filter((p) => p === rubricPartial)];
    const grids = scoring ? await finishSheets(partials, trips, { onRound }) : partials.map(gridOf);
    return { ...base, grids: inOrder(grids) };
  }

  // The active sheet has no header row: look at the top of the others, in workbook order.
  const known = new Set([activeName, ...present.map((f) => f.sheet.name)]);
  const others = sheets.items.filter((s) => !known.has(s.name) && !isOwnSheet(s.name));
  const previews = await previewSheets(
    others.map((s) => ({ name: s.name, sheet: s })),
    trips,
    caps.mergedAreas,
  );
  round = trips.reads;
  const fixedGrids = fixedPartials.map(gridOf);
  const candidates = inOrder([gridOf(activePartial), ...fixedGrids, ...previews.map((p) => p.grid)]);
  const chosen = chooseSheet(
    { sheets: candidates, activeSheet: activeName, resultBlock: blockInput(resultBlock) },
    rubric.rubric,
  );
  if (!scoring || !chosen.ok) {
    const grids = scoring ? await finishSheets([activePartial, ...fixedPartials], trips, { onRound }) : candidates;
    return { ...base, grids: scoring ? inOrder([...grids, ...previews.map((p) => p.grid)]) : grids };
  }

  // Score reads the chosen sheet whole, with what its write phase needs.
  const index = previews.findIndex((p) => p.grid.name === chosen.grid.name);
  const sheet = others[index];
  const chosenPartial = knownSheet(
    sheet.name,
    sheet,
    previews[index].used,
    { merges: caps.mergedAreas, formats: true },
    previews[index].cellBytes,
  );
  let queued: QueuedExtras | null = null;
  let mergesDone: () => void = () => undefined;
  const grids = await finishSheets([chosenPartial, ...fixedPartials], trips, {
    onRound,
    extra: () => {
      queued = queueExtras(sheet, caps);
      mergesDone = queueMerges(chosenPartial);
    },
  });
  mergesDone();
  extras.set(sheet.name, finishExtras(queued!));
  const full = new Map(grids.map((g) => [g.name, g]));
  const merged = { ...full.get(sheet.name)!, merges: chosenPartial.merges };
  return {
    ...base,
    grids: inOrder([
      gridOf(activePartial),
      ...fixedPartials.map((p) => full.get(p.name)!),
      ...previews.map((p) => (p.grid.name === sheet.name ? merged : p.grid)),
    ]),
  };
}

/**
 * The cells holding staff notes on the scored sheet. A note's cell cannot be loaded with the
 * list of notes, so this costs one more read — only when the host has notes and the sheet has
 * notes the add-in did not write.
 */
export async function readStaffNoteCells(extras: SheetExtras, trips: RoundTrips): Promise<Set<string>> {
  const staff = (extras.notes ?? []).filter((n) => !n.own);
  if (staff.length === 0) return new Set();
  const locations = staff.map((n) => {
    const range = n.item.getLocation();
    range.load('address');
    return range;
  });
  await trips.read();
  return new Set(locations.map((r) => addressPart(r.address).replace(/\$/g, '')));
}
