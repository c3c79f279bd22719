/**
 * The read phase of Score and Describe: everything needed is queued before one sync — the
 * active sheet's used range and merged areas, the fixed-name sheets ("Tiêu chí", "Danh mục đơn
 * vị", "Thẩm định"), the defined name of the result block, and the active sheet's conditional
 * formats, notes and AutoFilter, which the write phase needs to replace the add-in's own and
 * keep the staff's. Only when the active sheet has no header row are the other sheets read, in
 * a second round trip.
 */
import { RESULT_BLOCK_NAME, NOTE_PREFIX } from '../../report/resultBlock';
import type { CompiledRubric } from '../../rubric/compiled';
import { RUBRIC_SHEET } from '../../rubric/rubricSheet';
import { APPRAISAL_SHEET, blockColumnsOn, chooseRubric, isOwnSheet } from '../../scoring/scoreWorkbook';
import type { RubricSource } from '../../scoring/types';
import { findHeader } from '../../sheet/findHeader';
import type { Grid } from '../../sheet/grid';
import { UNIT_LIST_SHEET } from '../../sheet/unitList';
import type { Capabilities } from '../gateway';
import { finishSheetReads, queueSheetRead, QueuedSheetRead } from './readSheets';
import { SheetArea, blockInput, parseSheetReference } from './references';
import type { RoundTrips } from './roundTrips';

/** The sheets read by name whenever they exist, besides the one to score. */
export const FIXED_SHEETS = [RUBRIC_SHEET, UNIT_LIST_SHEET, APPRAISAL_SHEET];

const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** What the write phase needs to know about a sheet that may be scored. */
export interface SheetExtras {
  sheet: Excel.Worksheet;
  /** Custom conditional formats with their formulas (to recognise the add-in's own). */
  rules: { item: Excel.ConditionalFormat; formula: string }[];
  /** Notes (ExcelApi 1.18), null where the host has none. */
  notes: { item: Excel.Note; own: boolean }[] | null;
  /** The AutoFilter's state (ExcelApi 1.9), null where the host has none. */
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
  /** Grids in workbook order: the active sheet, the fixed-name sheets, and others when read. */
  grids: Grid[];
  extras: Map<string, SheetExtras>;
  resultBlock: SheetArea | null;
  /** The defined name exists, even when its reference is broken (#REF!): it must be replaced, not added. */
  resultBlockNameExists: boolean;
  rubric: { ok: true; rubric: CompiledRubric; source: RubricSource } | { ok: false; message: string };
}

/** Reads what scoring needs: one round trip, a second only when the active sheet cannot be scored. */
export async function readWorkbook(
  context: Excel.RequestContext,
  trips: RoundTrips,
  caps: Capabilities,
  explicitRubric: CompiledRubric | null,
): Promise<WorkbookRead> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  const activeRead = queueSheetRead(active, { merges: caps.mergedAreas, formats: true });
  const activeExtras = queueExtras(active, caps);
  const fixed = FIXED_SHEETS.map((name) => {
    const sheet = sheets.getItemOrNullObject(name);
    sheet.load('name');
    // The appraisal sheet's "Ngày" column holds dates, which only the number format tells from numbers.
    return { sheet, read: queueSheetRead(sheet, { merges: false, formats: name === APPRAISAL_SHEET }) };
  });
  const blockName = wb.names.getItemOrNullObject(RESULT_BLOCK_NAME);
  blockName.load('formula');
  await trips.read();

  const activeName = active.name;
  const reads: { name: string; queued: QueuedSheetRead }[] = [{ name: activeName, queued: activeRead }];
  for (const f of fixed) {
    if (!f.sheet.isNullObject && !sameName(f.sheet.name, activeName)) reads.push({ name: f.sheet.name, queued: f.read });
  }
  const resultBlockNameExists = !blockName.isNullObject;
  const resultBlock = resultBlockNameExists ? parseSheetReference(String(blockName.formula ?? '')) : null;
  const firstGrids = await finishSheetReads(reads, trips);
  const extras = new Map<string, SheetExtras>([[activeName, finishExtras(activeExtras)]]);
  const rubric = chooseRubric({ sheets: firstGrids, rubric: explicitRubric });

  const read = (grids: Grid[]): WorkbookRead => ({
    activeSheet: activeName,
    grids,
    extras,
    resultBlock,
    resultBlockNameExists,
    rubric,
  });

  const ignore = blockColumnsOn({ resultBlock: blockInput(resultBlock) }, activeName);
  const activeScorable = rubric.ok && !isOwnSheet(activeName) && findHeader(firstGrids[0], rubric.rubric, ignore).ok;
  if (!rubric.ok || activeScorable) return read(firstGrids);

  // The active sheet has no header row: read the other sheets, in workbook order.
  const known = new Set(firstGrids.map((g) => g.name));
  const others = sheets.items.filter((s) => !known.has(s.name) && !isOwnSheet(s.name));
  const queued = others.map((s) => ({
    name: s.name,
    queued: queueSheetRead(s, { merges: caps.mergedAreas, formats: true }),
    extras: queueExtras(s, caps),
  }));
  if (queued.length === 0) return read(firstGrids);
  await trips.read();
  const otherGrids = await finishSheetReads(queued, trips);
  for (const q of queued) extras.set(q.name, finishExtras(q.extras));
  const byName = new Map([...firstGrids, ...otherGrids].map((g) => [g.name, g]));
  return read(sheets.items.map((s) => byName.get(s.name)).filter((g): g is Grid => g !== undefined));
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
  return new Set(locations.map((r) => r.address.slice(r.address.lastIndexOf('!') + 1).replace(/\$/g, '')));
}
