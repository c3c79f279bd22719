/**
 * Scoring an .xlsx file's bytes: read the package, score with the engine, and prepare every
 * requested output in memory, so that nothing is written when any step fails. The scored copy
 * is a patch of the input package (./patchPackage).
 */
import { blockInput } from '../../sheet/grid';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CompiledRubric } from '../../rubric/compiled';
import { RESULT_BLOCK_NAME, planResultBlock } from '../../report/resultBlock';
import { ResultJson, resultJson } from '../../report/resultJson';
import { ownSheetSpecs } from '../../report/ownSheets';
import { compareYears } from '../../scoring/compareYears';
import { scoreWorkbook } from '../../scoring/scoreWorkbook';
import type { ScoreResult } from '../../scoring/types';
import type { RawUnitList } from '../../sheet/unitList';
import type { RubricSource } from '../../scoring/types';
import { DecisionSettings, decisionSettings, defaultYear, typedYear } from '../../report/settings';
import type { StoredSettings } from '../../report/storedSettings';
import { CELL_FIELDS, CELL_OCCUPIED } from './sheetPart';
import { patchPackage } from './patchPackage';
import { PreviousSource, readPrevious } from './previousYear';
import { XlsxBook, definedNameArea, openXlsx, readFailure, storedDecisionSettings } from './readXlsx';
import { XmlPartError } from './xml';
import { Codec, ZipError } from './zip';

/**
 * Node's zlib: native inflate and deflate. The level is fixed so the same input gives the same
 * bytes; level 1 deflates a 10,000-row sheet several times faster than the default for a copy
 * about a fifth larger.
 */
export const nodeCodec: Required<Codec> = {
  inflateRaw: (data) => inflateRawSync(data),
  deflateRaw: (data) => deflateRawSync(data, { level: 1 }),
  crc32: (data) => crc32(data),
};

export type ScoreStep = 'reading' | 'scoring' | 'scoredCopy' | 'decisionDraft' | 'unitLetters';

export interface ScoreXlsxRequest {
  bytes: Uint8Array;
  /** Decision settings given explicitly (command-line flags); they win over those stored in the workbook. */
  settings?: Partial<DecisionSettings> | null;
  /** Prepare the decision draft (.docx). */
  decisionDraft?: boolean;
  /** Prepare the result letters, one per unit (docs/lo-trinh.md). */
  unitLetters?: boolean;
  /** Today, for the default year (tests fix it). */
  today?: Date;
  /** Last year's scored workbook or RESULT.json, for the change since last year. */
  previous?: PreviousSource | null;
  sheetName?: string | null;
  rubric?: CompiledRubric | null;
  /** Where an explicit rubric came from: a file, or a built-in named by its id. */
  rubricSource?: RubricSource;
  unitList?: RawUnitList | null;
  /** Prepare the scored copy (results in place, highlights, ranking sheet). */
  scoredCopy: boolean;
  /** Told as each long step starts (the command line shows it on a terminal). */
  onStep?: (step: ScoreStep) => void;
}

export interface ScoreXlsxOutput {
  result: ScoreResult;
  json: ResultJson;
  settings: DecisionSettings;
  /** The scored copy's bytes, when asked for. */
  scoredCopy: Uint8Array | null;
  /** The decision draft's bytes, when asked for. */
  decisionDraft: Uint8Array | null;
  unitLetters: Uint8Array | null;
  /** The ranking sheet's name in the scored copy, when one was made. */
  rankingSheet: string | null;
  /** Things the user should know that do not stop scoring (a renamed ranking sheet). */
  warnings: string[];
  /** Decision settings found stored in the workbook (by the task pane), if any. */
  stored: StoredSettings | null;
}

export type { PreviousSource };

export type ScoreXlsxOutcome = { ok: true; output: ScoreXlsxOutput } | { ok: false; message: string };

/** Stored settings as decision settings: only what was typed, the year when it is a year. */
function storedAsSettings(stored: StoredSettings | null): Partial<DecisionSettings> {
  if (!stored) return {};
  const out: Partial<DecisionSettings> = {};
  const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  if (text(stored.province)) out.province = text(stored.province);
  const year = stored.year ? typedYear(stored.year) : null;
  if (year !== null) out.year = year;
  if (text(stored.decisionNumber)) out.decisionNumber = text(stored.decisionNumber);
  if (text(stored.committee)) out.committee = text(stored.committee);
  // "Theo đề nghị của Giám đốc …" then follows the department named (decisionSettings).
  if (text(stored.department)) out.department = text(stored.department);
  return out;
}

function isOccupiedIn(book: XlsxBook, sheetName: string): (r: number, c: number) => boolean {
  const parsed = book.sheet(sheetName)!;
  const byRow = new Map(parsed.layout.rows.map((row) => [row.r - 1, row]));
  const merged = parsed.grid.merges ?? [];
  // Per row, the rightmost column anything may occupy: the block lies right of the table, so most
  // questions are answered here without looking at the row's cells.
  const rightmost = new Map<number, number>();
  const reach = (r: number, c: number) => {
    if (c > (rightmost.get(r) ?? -1)) rightmost.set(r, c);
  };
  for (const row of parsed.layout.rows) {
    for (let i = 0; i < row.cells.length; i += CELL_FIELDS) if (row.cells[i + 3] & CELL_OCCUPIED) reach(row.r - 1, row.cells[i]);
  }
  for (const m of merged) for (let r = m.top; r <= m.bottom; r++) reach(r, m.right);
  return (r, c) => {
    if (c > (rightmost.get(r) ?? -1)) return false;
    const row = byRow.get(r);
    if (row) {
      for (let i = 0; i < row.cells.length; i += CELL_FIELDS) {
        if (row.cells[i] === c && row.cells[i + 3] & CELL_OCCUPIED) return true;
      }
    }
    return merged.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
  };
}

export async function scoreXlsx(request: ScoreXlsxRequest, codec: Required<Codec> = nodeCodec): Promise<ScoreXlsxOutcome> {
  // What needs the package is done first, in its own call: the package (the sheets' text and
  // cells, tens of megabytes for a large province) can then be let go before the documents and
  // RESULT.json are made.
  const scored = await scoreFile(request, codec);
  if (!scored.ok) return scored;
  const { result, settings } = scored;
  if (request.decisionDraft) request.onStep?.('decisionDraft');
  // The docx library is loaded only when a document is asked for.
  const decisionDraft = request.decisionDraft
    ? await (await import('../../export/decisionDraft')).decisionDraftBytes(result, settings)
    : null;
  if (request.unitLetters) request.onStep?.('unitLetters');
  const unitLetters = request.unitLetters
    ? await (await import('../../export/unitLetters')).unitLettersBytes(result, settings)
    : null;
  const { scoredCopy, rankingSheet, warnings, stored } = scored;
  // RESULT.json's content is made when first read: it carries every unit's path to the next
  // level, a search not worth making when only a document or the copy is asked for.
  let json: ResultJson | null = null;
  const output: ScoreXlsxOutput = {
    result,
    get json() {
      return (json ??= { ...resultJson(result), year: settings.year });
    },
    settings,
    scoredCopy,
    rankingSheet,
    decisionDraft,
    unitLetters,
    warnings,
    stored,
  };
  return { ok: true, output };
}

type FileOutcome =
  | ({ ok: true } & Pick<ScoreXlsxOutput, 'result' | 'settings' | 'scoredCopy' | 'rankingSheet' | 'warnings' | 'stored'>)
  | { ok: false; message: string };

async function scoreFile(request: ScoreXlsxRequest, codec: Required<Codec>): Promise<FileOutcome> {
  request.onStep?.('reading');
  const loaded = openXlsx(request.bytes, codec);
  if (!loaded.ok) return loaded;
  try {
    return await scoreBook(loaded.book, request, codec);
  } catch (e) {
    if (e instanceof XmlPartError || e instanceof ZipError) return { ok: false, message: readFailure(e) };
    throw e;
  }
}

async function scoreBook(book: XlsxBook, request: ScoreXlsxRequest, codec: Required<Codec>): Promise<FileOutcome> {
  const block = definedNameArea(book, RESULT_BLOCK_NAME);
  request.onStep?.('scoring');
  const scored = scoreWorkbook({
    sheets: book.grids,
    sheetName: request.sheetName ?? null,
    rubric: request.rubric ?? null,
    rubricSource: request.rubricSource,
    unitList: request.unitList ?? null,
    resultBlock: blockInput(block),
  });
  if (!scored.ok) return scored;
  let result = scored.result;
  const warnings: string[] = [];
  if (request.previous) {
    const categoryIds = result.rubric.rubric.categories.map((c) => c.id);
    const previous = await readPrevious(request.previous, categoryIds, request.today ?? new Date());
    if (!previous.ok) return previous;
    result = { ...result, comparison: compareYears(result, previous.previous) };
  }
  const grid = book.grids.find((g) => g.name === result.sheet)!;
  // Flags win over what the task pane stored with the workbook, which wins over the defaults.
  const stored = storedDecisionSettings(book);
  const given = { ...storedAsSettings(stored), ...stripUndefined(request.settings ?? {}) };
  const year = given.year ?? defaultYear(grid, request.today ?? new Date(), result.table.layout.headerRows[0]);
  const settings = decisionSettings({ ...given, year }, result.rubric.rubric);

  let scoredCopy: Uint8Array | null = null;
  let rankingSheet: string | null = null;
  if (request.scoredCopy) {
    request.onStep?.('scoredCopy');
    const existing = block && block.sheet === result.sheet ? block.area : null;
    const planned = planResultBlock(result, { existing, isOccupied: isOccupiedIn(book, result.sheet) });
    if (!planned.ok) return planned;
    // Each own sheet's plan is made when its part is written, and let go after.
    const ownSheets = ownSheetSpecs(result, settings);
    const patched = patchPackage({ book, sheetName: result.sheet, plan: planned.plan, existing, ownSheets }, codec);
    warnings.push(...patched.warnings);
    scoredCopy = patched.bytes;
    rankingSheet = patched.ownSheetNames[0];
  }
  return { ok: true, result, settings, scoredCopy, rankingSheet, warnings, stored };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
