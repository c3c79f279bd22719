/**
 * What the task pane and the ribbon command may ask of the open workbook. The one implementation
 * that talks to Excel lives in ./office; components receive a gateway through props and never
 * call Office themselves, so they can be driven by a fake in tests.
 *
 * Every method resolves — it never rejects: a failure comes back as { ok: false, message } in
 * words the user can act on, with Excel's own words, when there are any, in `detail` (shown
 * behind "Chi tiết kỹ thuật"). Files the pane downloads (decision draft, CSV/JSON) are made from
 * the ScoreResult without the workbook; only what goes into the workbook goes through here —
 * the decision settings kept with it included.
 */
import type { OwnSheetPlan } from '../report/ownSheets';
import type { DecisionSettings } from '../report/settings';
import type { StoredSettings } from '../report/storedSettings';
import type { CompiledRubric } from '../rubric/compiled';
import type { RubricSource, ScoreResult } from '../scoring/types';
import type { CellValue } from '../sheet/grid';
import type { CorrectionRow } from '../sheet/appraisalSheet';

/** Why a whole action could not be done, when the pane words it itself (in English Office). */
export type FailureReason = 'rubric' | 'unitList' | 'noTable' | 'columns' | 'blockBlocked' | 'other';

export interface Failure {
  ok: false;
  /** Excel stopped part-way through writing: the message says what the sheet holds now. */
  interrupted?: boolean;
  /** When Excel stopped part-way: the kind of Excel's error, for the sentence saying why. */
  officeError?: OfficeErrorKind;
  /** One sentence in the pane's language saying what happened and what to do. */
  message: string;
  /** Technical detail (Excel's message, the engine's Vietnamese sentence), or null. */
  detail?: string | null;
  reason?: FailureReason;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

/** A failure as the pane and the ribbon tell it: what happened, then, when Excel stopped part-way, why. */
export function failureText(failure: Failure, messages: GatewayMessages): string {
  const why = failure.officeError ? messages.officeError[failure.officeError] : null;
  return why ? `${failure.message} ${why}` : failure.message;
}

/**
 * The requirement set the add-in declares in its manifest (docs/trien-khai.md): Excel 2021,
 * Microsoft 365 from version 2102, Excel on the web and on Mac 16.50 — hosts whose task panes run
 * in a modern webview. Everything up to it is used without checking.
 */
export const MIN_EXCEL_API = '1.13';

/** What the host can do beyond the minimum, detected at run time. */
export interface Capabilities {
  /** Notes on cells (ExcelApi 1.18); without them the messages go to Ghi chú and the pane only. */
  notes: boolean;
  /** Reading merged areas and the AutoFilter: always there on the minimum; false only in tests of older hosts. */
  mergedAreas: boolean;
  autoFilter: boolean;
}

/** A rubric the user imported from a JSON file in the task pane; it wins over the workbook's. */
export interface ImportedRubric {
  rubric: CompiledRubric;
  fileName: string;
}

/** Where a Score is: reading (round trip `done` of about `total`), scoring, then writing batch `done` of `total`. */
export interface ScoreProgress {
  stage: 'reading' | 'scoring' | 'writing';
  done: number;
  total: number;
}

export interface ScoreOptions {
  rubric?: ImportedRubric | null;
  onProgress?: (progress: ScoreProgress) => void;
}

export interface RubricInUse {
  source: RubricSource;
  id: string;
  name: string;
  /** The imported file's name, when source is 'file'. */
  fileName: string | null;
}

/** What Score would do right now; nothing is written to find out. */
export interface WorkbookDescription {
  activeSheet: string;
  /** The sheet Score would score, or null when none can be (then `problem` says why). */
  sheet: string | null;
  problem: { message: string; detail: string | null } | null;
  /** Null when the rubric itself cannot be read (then `problem` names the cell). */
  rubric: RubricInUse | null;
  /** The active sheet holds no values at all. */
  activeSheetEmpty: boolean;
  hasRubricSheet: boolean;
  /** The workbook already holds a result block (scored before, here or by the command line). */
  scoredBefore: boolean;
  capabilities: Capabilities;
}

export interface ScoreReport {
  result: ScoreResult;
  rubric: RubricInUse;
  /** The block written, as recorded in the defined name: 'Tổng hợp'!$X$5:$AK$160. */
  block: string;
  /** What the host could not do and what was done instead, in words. */
  notices: string[];
  roundTrips: RoundTripCount;
  /** The evaluated year the scored sheet's title rows name, else last year (decision settings' default). */
  defaultYear: number;
}

/** The block the ribbon (or another copy of the add-in) wrote: the pane shows its result. */
export interface ResultsWritten {
  sheet: string;
  block: string;
}

export interface RoundTripCount {
  reads: number;
  writes: number;
}

/** Which of the add-in's own sheets (docs/bang-tong-hop.md, "Các trang riêng của add-in"). */
export type OwnSheetKey = OwnSheetPlan['key'];

/** One own sheet written. */
export interface OwnSheetWritten {
  key: OwnSheetKey;
  /** Its name: "Xếp hạng", or "Xếp hạng (CQĐT)" when staff have a "Xếp hạng" of their own. */
  sheet: string;
  /** Why the sheet did not get its usual name, or null. */
  notice: string | null;
}

/** What writing the own sheets did. */
export interface OwnSheetsReport {
  /** In the order they were written: the ranking, the roadmap (rubrics with levels or grades), the weakest criteria. */
  sheets: OwnSheetWritten[];
  /** What Excel did not take (print setup), in words. */
  notices: string[];
  roundTrips: RoundTripCount;
}

/** The active cell, for the appraisal form. */
export interface SelectedCell {
  sheet: string;
  /** A1 without "$": "F15". */
  address: string;
  /** What the cell holds now. */
  value: CellValue;
}

/** One row for the "Thẩm định" sheet, as the reviewer entered it (docs/tham-dinh.md): the sheet's row without its position. */
export type CorrectionEntry = Omit<CorrectionRow, 'row' | 'cells' | 'date'> & { date: Date };

export interface AppendedCorrection {
  sheet: string;
  /** 1-based row of the new line. */
  row: number;
  /** The sheet did not exist and was created with its header. */
  created: boolean;
  roundTrips: RoundTripCount;
}

/** The task pane's filters, each a condition on one result column. */
export type FilterKind = 'all' | 'attention' | 'missing' | 'notRanked' | 'errors';

export const FILTER_KINDS: FilterKind[] = ['all', 'attention', 'missing', 'notRanked', 'errors'];

export interface WorkbookGateway {
  /** The sheet Score would use and the rubric in use. */
  describe(options?: ScoreOptions): Promise<Outcome<WorkbookDescription>>;
  /** Scores the submission sheet and writes the results in place. */
  score(options?: ScoreOptions): Promise<Outcome<ScoreReport>>;
  /** Activates the sheet and selects the cell (a problem clicked in the pane). */
  selectCell(sheet: string, address: string): Promise<Outcome<null>>;
  /** Sets the AutoFilter of the scored sheet for one of the pane's filters. */
  applyFilter(kind: FilterKind): Promise<Outcome<FilterKind>>;
  /** Writes rows (the built-in rubric) as a new "Tiêu chí" sheet; an existing one is never replaced. */
  writeRubricSheet(rows: CellValue[][]): Promise<Outcome<{ sheet: string }>>;
  /** Calls back when the user switches sheets; the value is a function that stops listening. */
  onActiveSheetChanged(listener: () => void): Promise<Outcome<() => Promise<void>>>;
  /**
   * Calls back when results are written into the recorded block by someone else than this
   * gateway (the ribbon's Score, another window); the value stops listening.
   */
  onResultsWritten(listener: (written: ResultsWritten) => void): Promise<Outcome<() => Promise<void>>>;
  /** The result of the block as the workbook holds it now: read and scored, nothing written. */
  currentResult(options?: ScoreOptions): Promise<Outcome<ScoreReport>>;
  /** The decision settings kept with the workbook, or null when none were saved. */
  loadDecisionSettings(): Promise<Outcome<StoredSettings | null>>;
  /** Keeps the decision settings with the workbook (document settings), saved at once. */
  saveDecisionSettings(settings: StoredSettings): Promise<Outcome<null>>;
  /**
   * Writes the add-in's own sheets — the ranking, the roadmap, the weakest criteria — each
   * recreating only the sheet recorded by its defined name (CQDT_XepHang, CQDT_LoTrinh,
   * CQDT_TieuChiYeu); no other sheet is touched, and the earlier sheets stay until all the new
   * ones are complete.
   */
  writeOwnSheets(result: ScoreResult, settings: DecisionSettings): Promise<Outcome<OwnSheetsReport>>;
  /** The active cell: its sheet, address and value. */
  selectedInputCell(): Promise<Outcome<SelectedCell>>;
  /**
   * Appends a correction below the last used row of "Thẩm định" (created with its header when
   * missing). No other row and no other sheet is changed; the caller scores again.
   */
  appendCorrection(entry: CorrectionEntry, rubric: CompiledRubric): Promise<Outcome<AppendedCorrection>>;
}

/** How Excel's errors are told apart (OfficeExtension.Error.code), each with its own sentence. */
export type OfficeErrorKind = 'cellEditMode' | 'denied' | 'busy' | 'notFound' | 'exists' | 'tooLarge' | 'unsupported' | 'other';

/** What Score found after Excel stopped part-way through writing the block. */
export type InterruptedWrite = 'notWritten' | 'written' | 'cleared' | 'unknown';

/** What writing the own sheets left after Excel stopped part-way: all as before, all new, or not known. */
export type InterruptedOwnSheets = 'notWritten' | 'finished' | 'unknown';

/** The gateway's own sentences (the engine's messages are Vietnamese in every language). */
export interface GatewayMessages {
  /** Excel's error, by kind. */
  officeError: Record<OfficeErrorKind, string>;
  /** Lead sentences for the engine's (Vietnamese) reasons, shown before them in English Office; null in Vietnamese. */
  engineLead: Record<FailureReason, string> | null;
  /** `block`: where the result block is, as staff read a range: { sheet: 'Tổng hợp', range: 'X5:AK160' }. */
  scoreInterrupted: (state: InterruptedWrite, block: { sheet: string; range: string }) => string;
  /** `sheets`: the sheets being written, by the names they were to get. */
  ownSheetsInterrupted: (state: InterruptedOwnSheets, sheets: string[]) => string;
  pageSetupFailed: string;
  settingsUnavailable: string;
  settingsSaveFailed: string;
  emptySheet: (sheet: string) => string;
  sheetProtected: (sheet: string) => string;
  notScoredYet: string;
  blockColumnMissing: (title: string) => string;
  rubricSheetExists: (sheet: string) => string;
  selectFailed: (sheet: string, address: string) => string;
  notesUnsupported: string;
  autoFilterTable: string;
  staffNotesKept: (count: number) => string;
  watchFailed: string;
  ownSheetRenamed: (staffSheet: string, used: string) => string;
  appraisalHeaderMissing: (sheet: string) => string;
  appraisalColumnsMissing: (sheet: string, titles: string[]) => string;
  appraisalSheetProtected: (sheet: string) => string;
}
