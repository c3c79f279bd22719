/**
 * The English pane (vi.ts is the default): every sentence the pane shows, problems and messages
 * included. What the add-in writes into the workbook — Ghi chú, notes, "Cần chú ý", the ranking
 * sheet, the decision draft — stays Vietnamese: it is the department's record. Names that come
 * from the rubric or the sheet (tiers, categories, inputs, units) are shown as they are written.
 */
import { valueWords } from '../../report/stepWords';
import type { CompiledRubric } from '../../rubric/compiled';
import type { StepAdvice, StepChange, StepValue } from '../../scoring/nextStep';
import type { FailureReason, InterruptedOwnSheets, InterruptedWrite, ScoreProgress } from '../../workbook/gateway';
import type { IssueFacts, IssueWords } from '../issueText';
import type { Strings } from './vi';

type BlockPlace = { sheet: string; range: string };
const where = (b: BlockPlace) => `the results block ${b.range} on sheet "${b.sheet}"`;

const interrupted: Record<InterruptedWrite, (block: BlockPlace) => string> = {
  notWritten: () =>
    'Excel stopped before writing the new results: the result cells still hold the previous results (if any), perhaps without their highlights and notes. No value staff typed was changed. Click Score again.',
  written: (block) =>
    `The new results are in ${where(block)}, but Excel stopped before the formats, highlights and notes were done. No value staff typed was changed. Click Score again to finish.`,
  cleared: (block) =>
    `Excel stopped part-way, so only part of ${where(block)} was written; the add-in cleared that part so no one reads half a result. No value staff typed was changed. Click Score again.`,
  unknown: (block) =>
    `Excel stopped part-way and did not let the add-in check how far it got: ${where(block)} may be only partly written. No value staff typed was changed; the block is recorded, so the next Score rewrites it whole.`,
};

const sheetList = (sheets: string[]) => `${sheets.length > 1 ? 'sheets' : 'sheet'} ${sheets.map((s) => `"${s}"`).join(', ')}`;

const ownSheetsInterrupted: Record<InterruptedOwnSheets, (sheets: string[]) => string> = {
  notWritten: (sheets) =>
    `Excel stopped before ${sheetList(sheets)} were complete, so the earlier sheets (if any) are as they were and no half-written sheet is left. Click Write the result sheets again.`,
  finished: (sheets) => `Wrote ${sheetList(sheets)}.`,
  unknown: (sheets) =>
    `Excel stopped while writing ${sheetList(sheets)} and did not let the add-in check how far it got. The earlier sheets are replaced only once the new ones are complete; a sheet whose name ends in "(đang ghi)" may be left, and the next export removes it. Click Write the result sheets again.`,
};

/** A value of a path as the sheet takes it: numbers as staff type them, yes/no as the words the sheet reads. */
function valueEn(rubric: CompiledRubric, input: string, v: StepValue): string {
  if (v === null) return '(blank)';
  if (typeof v === 'boolean') return v ? 'Có (yes)' : 'Không (no)';
  if (typeof v === 'string') return `“${v}”`;
  return valueWords(rubric, input, v);
}

function changeEn(rubric: CompiledRubric, c: StepChange): string {
  const inp = rubric.inputByCode.get(c.input);
  const label = inp ? `${inp.code} (${inp.name})` : c.input;
  if (c.from === null) return `enter ${valueEn(rubric, c.input, c.to)} in ${label}`;
  if (typeof c.to === 'boolean') return `set ${label} to ${valueEn(rubric, c.input, c.to)}`;
  return `change ${label} from ${valueEn(rubric, c.input, c.from)} to ${valueEn(rubric, c.input, c.to)}`;
}

function targetEn(rubric: CompiledRubric, t: { category?: string; level?: number; grade?: string }): string {
  if (t.grade !== undefined) return `grade ${t.grade}`;
  const category = rubric.rubric.categories.find((c) => c.id === t.category);
  return `Level ${t.level}${category ? ` in ${category.name}` : ''}`;
}

function adviceEn(rubric: CompiledRubric, a: StepAdvice): string {
  const inp = rubric.inputByCode.get(a.input);
  return `Note: ${inp ? `${inp.code} (${inp.name})` : a.input} is blank; enter it, as no part of it can count until then.`;
}

const engineLead: Record<FailureReason, string> = {
  rubric: 'The rubric cannot be read: its sheet or file has a mistake (details below, in Vietnamese, as the sheet is).',
  unitList: 'The "Danh mục đơn vị" sheet (official unit list) has a mistake (details below).',
  noTable:
    'No sheet has a summary table to score: a header row with "Tên đơn vị" and the input columns is needed (details below).',
  columns: 'The summary table’s header does not match the rubric’s inputs (details below).',
  blockBlocked: 'The results need columns right of the table that already hold something; nothing was written (details below).',
  other: 'The workbook cannot be scored (details below).',
};

const progress = (p: ScoreProgress, sheet: string | null): string => {
  const part = p.total > 1 ? ` (part ${Math.min(p.done + 1, p.total)} of ${p.total})` : '';
  if (p.stage === 'reading') return `Reading the workbook${part}…`;
  if (p.stage === 'scoring') return 'Scoring…';
  return `Writing the results${sheet ? ` to sheet "${sheet}"` : ''}${part}…`;
};

/** Problems in English, from what each carries. */
function sentence(code: string, f: IssueFacts): string | null {
  const input = f.input ? `${f.input.code} (${f.input.name})` : 'The input';
  const typed = f.typed !== null ? `“${f.typed}”` : 'the value';
  switch (code) {
    case 'not_a_number':
      return `${input}: ${typed} is not a number (write digits, e.g. 1.234 or 12,5).`;
    case 'negative':
      return `${input}: ${typed} is negative; it must be 0 or more.`;
    case 'not_integer':
      return `${input}: a count must be a whole number, not ${typed}.`;
    case 'out_of_range':
      return `${input}: ${typed} is above the criterion’s maximum for this unit’s tier.`;
    case 'not_yes_no':
      return `${input}: ${typed} is neither yes nor no (write Có or Không).`;
    case 'formula_error':
      return `${input}: the cell shows an Excel error (${typed}).`;
    case 'not_applicable_forbidden':
      return `${input}: ${typed} (not applicable) is not allowed for this input in this unit’s tier.`;
    case 'exceeds_total':
      return `${input}: the part is larger than its total.`;
    case 'missing_entry':
      return `${input}: the cell is blank; it counts 0.`;
    case 'not_a_choice':
      return `${input}: ${typed} is not one of the rubric’s answers.`;
    case 'duplicate_unit':
      return 'The same unit appears on more than one row.';
    case 'unknown_unit':
      return 'This unit is not on the official unit list ("Danh mục đơn vị").';
    case 'unknown_tier':
      return 'The unit’s tier cannot be told (the "Cấp" cell or the section above).';
    case 'unnamed_row':
      return 'This row has entries but no unit name.';
    case 'below_table':
      return 'A value far below the table was ignored.';
    case 'unknown_input':
      return 'This appraisal row names an input code that is not in the rubric.';
    case 'correction_on_missing':
      return 'This appraisal row is for a unit that sent no report.';
    case 'reported_value_changed':
      return 'The unit’s reported value has changed since this appraisal row was written.';
    case 'appraisal_header_missing':
      return 'The "Thẩm định" sheet has no header row the add-in recognises.';
    default:
      return null;
  }
}

const issueWords: IssueWords = {
  severity: { error: 'Error', warning: 'Warning' },
  sentence,
  unknown: 'A problem described in Vietnamese (details below).',
};

export const en: Strings = {
  lang: 'en',
  appTitle: 'CQĐT Scorecard',

  notInExcel:
    'Open this add-in in Excel (Home tab › CQĐT Scoring group › Open scoring pane). Outside Excel there is no workbook to score.',
  unsupportedOffice:
    'CQĐT Scorecard needs Microsoft 365, Office 2021 or later, Excel on the web or Excel for Mac. This version of Excel is too old to run the scoring pane; ask IT to update Office.',
  loading: 'Reading the workbook…',
  refresh: 'Read the workbook again',
  technicalDetails: 'Technical details',

  tabs: {
    score: 'Score',
    problems: 'To fix',
    export: 'Export',
    appraisal: 'Appraisal',
    rubric: 'Rubric',
  },
  tabsLabel: 'Parts of the scoring pane',
  scoreFirst: 'Click Score (Score tab) first; this part uses the latest score.',

  sheetLabel: 'Sheet to score',
  sheetNone: 'No sheet to score found yet',
  activeSheetNote: (active) => `Active sheet: "${active}"`,
  emptySheetTitle: 'The active sheet is empty',

  rubricLabel: 'Rubric',
  rubricSource: {
    builtin: 'Built-in rubric',
    sheet: 'The workbook’s "Tiêu chí" sheet',
    file: 'Imported rubric file',
  },
  rubricTitle: 'Rubric in use',
  rubricImport: 'Import a rubric from a file…',
  rubricImportHint:
    'A rubric file prepared by IT. An imported rubric is used instead of the "Tiêu chí" sheet and the built-in one until you drop it.',
  rubricDrop: 'Drop the imported file',
  rubricImported: (file) => `Rubric imported from "${file}".`,
  rubricReadFailed: (file) => `Could not read "${file}".`,
  rubricImportFailed: (file) =>
    `"${file}" cannot be used as a rubric: it is damaged or has a mistake (see the details). Send it back to whoever prepared it.`,
  builtinRubricLabel: 'Built-in rubric',
  writeRubric: 'Write the chosen rubric as a "Tiêu chí" sheet',
  writeRubricHint: 'Creates a "Tiêu chí" sheet staff can edit; later scores use it.',
  rubricWritten: (sheet) => `Sheet "${sheet}" created. Edit it, then click Score to use the new rubric.`,

  score: 'Score',
  scoring: 'Scoring…',
  progress,
  scoredAt: (sheet, units) => `Scored sheet "${sheet}": ${units} units.`,
  refreshedFromRibbon: (sheet) =>
    `Sheet "${sheet}" was just scored with the Score button on the ribbon: this pane now shows the new results.`,
  importLeftForRibbon: (file) =>
    `The ribbon button scores with this file's own rubric, so the pane no longer uses the rubric imported from "${file}" (import it again in the Rubric tab if needed).`,
  failedTitle: 'Could not score',
  interruptedTitle: 'Excel stopped part-way',
  noticesTitle: 'Please note',
  sheetIssuesTitle: 'About the summary sheet',

  resultTitle: 'Results',
  resultLine: (scored, error, missing) => `${scored} scored, ${error} to fix, ${missing} sent no report.`,
  scoreHint:
    'Results are written beside the entries, and no cell staff typed is changed; what needs fixing shows right below the button.',
  firstProblemsTitle: 'Fix these first',
  allProblems: (n) => `See all ${n} units to fix`,
  noProblems: 'No unit needs fixing.',

  summaryTitle: 'Results by tier',
  counts: {
    units: 'Units',
    scored: 'Scored',
    error: 'To fix',
    missing: 'No report',
    notRanked: (category) => `Not ranked in ${category}`,
  },
  levelChartTitle: (category) => `Levels – ${category}`,
  levelChartLabel: (category, parts) => `Level distribution for ${category}: ${parts}`,
  levelName: (level) => `Level ${level}`,
  gradeChartTitle: 'Grades',
  gradeChartLabel: (parts) => `Grade distribution: ${parts}`,
  levelShort: (level) => `L${level}`,
  notRankedShort: 'NR',
  notRankedLong: 'Not ranked',
  tierUnknown: 'Tier unknown',

  filtersTitle: 'Filter the sheet',
  filters: {
    all: 'All',
    attention: 'Needs attention',
    missing: 'No report',
    notRanked: 'Not ranked',
    errors: 'Errors',
  },
  filterApplied: (name) => `Sheet filtered: ${name}.`,

  problemsTitle: 'Problems by unit',
  problemsHint: 'Click a problem to select its cell on the sheet.',
  problemsNone: 'Nothing needs fixing.',
  problemsCount: (units, issues) => `${units} units, ${issues} problems`,
  unitRow: (row) => `row ${row}`,
  unitNoRow: 'no row on the sheet',
  missingUnit: 'No report sent',
  showMore: (n) => `Show ${n} more units`,
  status: { scored: 'Scored', error: 'To fix', missing: 'No report' },
  issue: issueWords,

  path: {
    title: 'Path to the next level',
    hint: 'Choose a unit: the pane shows the fewest entries it would have to change to reach its next level (or grade), everything else unchanged. Click a cell to select it on the sheet.',
    unit: 'Unit',
    choose: 'Choose a unit…',
    groups: { notRanked: 'Not ranked in a category', error: 'To fix', other: 'Other units' },
    where: (tier, row) => `${tier}, row ${row}`,
    now: (what, now) => `${what} (now: ${now})`,
    gradeWhat: 'Grade',
    noGrade: 'no grade yet',
    target: targetEn,
    lead: (target) => `To reach ${target}:`,
    tail: () => null,
    change: changeEn,
    advice: adviceEn,
    unreachable: (target) =>
      `${target} cannot be reached by changing the entries that may change, even with all of them at their limits.`,
    fixErrors: 'This unit has entries in error: fix the cells below first, then score again to see its path to the next level.',
    top: 'This unit is at the top level (or grade): there is no next one.',
    none: 'No unit has been scored, so there is no path to show.',
  },

  weakest: {
    title: (n) => `The ${n} weakest criteria (average share of the maximum)`,
    criterion: (code, name) => `${code} – ${name}`,
    under: (under, counted, levels) => `${under} of ${counted} units ${levels ? 'under the minimum' : 'under half the maximum'}`,
    average: (percent) => `average ${percent}%`,
  },

  dismiss: 'Dismiss',

  command: {
    scoredTitle: 'Scored',
    failedTitle: 'Could not score',
    interruptedTitle: 'Excel stopped part-way',
    close: 'Close',
  },

  exportTitle: 'Export results',
  exportHint: 'Uses the latest score (and last year’s comparison, when a file was chosen).',
  settingsTitle: 'Details for the draft decision',
  settingsHint: 'Saved with this Excel file and filled in again when the pane opens. Blank fields use the defaults.',
  settingsSaved: 'Saved with the Excel file.',
  settings: {
    province: 'Province',
    year: 'Year evaluated',
    yearHint: (year) => `Default ${year}, from the summary sheet’s title (otherwise last year).`,
    yearInvalid: 'The year evaluated must have 4 digits, from 2000 to 2100, for example 2018.',
    decisionNumber: 'Decision number',
    decisionNumberHint: 'Leave blank for the clerk to fill in ("…/QĐ-UBND").',
    committee: 'Issuing body',
    department: 'Proposing department',
  },
  writeOwnSheets: 'Write the result sheets',
  ownSheetsHint: (sheets) =>
    `Creates or rewrites ${sheetList(sheets)} (in Vietnamese, as the decision is). The add-in’s earlier sheets are replaced only once the new ones are complete; sheets made by staff are never touched.`,
  sheetsWritten: (sheets) => `Wrote ${sheetList(sheets)}.`,
  downloadDocx: 'Download the draft decision (.docx)',
  downloadCsv: 'Download the ranking (.csv, opens in Excel)',
  downloadLetters: 'Download the result letters to each unit (.docx)',
  downloadMore: 'Other files',
  downloadJson: 'Download the ranking data for other software',
  preparingDocx: 'Preparing the draft decision…',
  preparingLetters: 'Preparing the result letters…',
  downloaded: (file) => `File "${file}" handed to the browser to download (usually into the Downloads folder).`,
  downloadDesktopHint:
    'Excel installed on a computer may block downloads from this pane: if no file appears, open the workbook in Excel on the web, or ask IT to make the draft with the command line.',
  downloadFailed: (file) => `Could not create "${file}".`,
  partFailed: (part) => `Could not load the add-in’s ${part} part. Check the network connection and try again.`,
  parts: { docx: 'Word file', xlsx: 'Excel file reading' },
  summaryParagraphTitle: 'Summary paragraph for the draft (Vietnamese, as in the decision)',
  copy: 'Copy the summary',
  copied: 'Summary copied.',
  copyFailed: 'Could not copy: select the summary and press Ctrl+C.',

  appraisalTitle: 'Appraisal',
  appraisalHint:
    'Select an input cell of a unit on the summary sheet, then click "Use the selected cell". The unit’s own cell is never changed: the verified value goes on a row of the "Thẩm định" sheet and is used when scoring.',
  useSelection: 'Use the selected cell',
  noCellYet: 'No input cell taken yet.',
  cell: {
    unit: 'Unit',
    input: 'Input',
    reported: 'Reported value',
    address: 'Cell',
    blank: '(blank)',
  },
  notInputCell: (address, sheet, scored) =>
    `Cell ${address} on sheet "${sheet}" is not an input cell of any unit. Select a cell in the input columns of sheet "${scored}".`,
  missingUnitCell: (unit) => `${unit} sent no report, so there is nothing to appraise.`,
  verified: 'Verified value',
  reason: 'Reason',
  reviewer: 'Reviewer',
  reviewerHint: 'Saved with this Excel file.',
  date: 'Date of appraisal',
  dateHint: 'Day/month/year, for example 21/02/2019.',
  submitAppraisal: 'Record the appraisal and score again',
  why: {
    cell: 'Take an input cell first.',
    verified: 'Enter the verified value.',
    reason: 'Enter a reason: it is required.',
    date: 'Enter the date of appraisal as day/month/year, for example 21/02/2019.',
    invalid: (message) => `The verified value is not valid — ${message}`,
  },
  appended: (row, sheet, unit) => `Row ${row} added to sheet "${sheet}" for ${unit}, then scored again.`,
  newTotal: (unit, total, self) => `Total of ${unit} after appraisal: ${total} (self-assessed: ${self}).`,
  notScoredTotal: (unit, status) => `${unit} after appraisal: ${status}.`,
  appraisalIssuesTitle: 'Problems on the "Thẩm định" sheet',
  appraisalIssuesHint: 'These rows are not used when scoring. Click one to select its cell.',
  correctionsTitle: 'Verified values in use',
  correctionsNone: 'No verified value is in use yet.',
  correction: (code, reported, verified) => `${code}: ${reported} → ${verified}`,
  correctionTotals: (total, self) => `total ${total} (self-assessed ${self})`,

  previousTitle: 'Compare with last year',
  previousHint:
    'Choose last year’s result: last year’s scored workbook (.xlsx), or the result file the command line made (RESULT.json). The ranking sheet, the draft and the summary then show last year’s total and the change.',
  previousChoose: 'Choose last year’s file…',
  previousDrop: 'Drop the comparison',
  previousReading: (file) => `Reading "${file}"…`,
  previousLoaded: (file, year) => `Last year’s result read from "${file}"${year ? ` (${year})` : ''}.`,
  previousRankingJson: (file) =>
    `"${file}" is the ranking data downloaded from this pane; it lacks what the comparison needs. Choose last year’s scored workbook (.xlsx) or the command line’s result file (RESULT.json).`,
  previousNotJson: (file) => `"${file}" is damaged or is not a result file.`,
  previousWrongType: (file) =>
    `"${file}" is neither an .xlsx workbook nor a .json result file: choose last year’s scored workbook.`,
  previousReadFailed: (file) => `Could not read "${file}".`,
  previousSource: (file, year) => `Last year: ${file}${year ? ` (${year})` : ''}`,
  matched: (n, total) => `${n} of this year’s ${total} units matched.`,
  moves: { category: 'Category', up: 'Moved up', down: 'Moved down' },
  movesCaption: (tier) => `${tier}: units moving up or down a level since last year`,
  unmatchedCurrent: (n) => `This year, not matched (${n})`,
  unmatchedPrevious: (n) => `Last year, not in this year’s table (${n})`,
  unmatchedNone: 'Every unit matched last year’s.',

  gateway: {
    officeError: {
      cellEditMode: 'Excel is editing a cell: press Enter or Esc in that cell, then try again.',
      denied: 'Excel did not allow the change: the sheet or the file may be protected or open read-only. Check, then try again.',
      busy: 'Excel is busy or lost its connection for a moment. Wait a little and try again.',
      notFound:
        'A sheet or range the add-in needs was not found — it may have just been renamed or deleted. Click "Read the workbook again" and try again.',
      exists: 'The file already has a sheet or name the add-in needs to create. Rename that sheet and try again.',
      tooLarge:
        'Excel on the web refused a request that large. Try again; if it persists, open the file in Excel installed on a computer.',
      unsupported: 'This version of Excel lacks a feature the add-in needs. Ask IT to update Office.',
      other:
        'Excel reported an error while working on the workbook. Try again; if it persists, save, reopen the file and try again.',
    },
    engineLead,
    scoreInterrupted: (state, block) => interrupted[state](block),
    ownSheetsInterrupted: (state, sheets) => ownSheetsInterrupted[state](sheets),
    pageSetupFailed:
      'The sheets are written, but Excel did not take all of their print setup. On each sheet’s Page Layout tab, choose A4 landscape, fit to 1 page wide, and repeat the table’s header row.',
    settingsUnavailable:
      'Excel does not let the add-in save the draft details with the file: they are kept until the pane closes.',
    settingsSaveFailed:
      'The draft details could not be saved with the file (it may be open read-only). They can still be used until the pane closes.',
    emptySheet: (sheet) =>
      `Sheet "${sheet}" is empty, and no other sheet has a summary table (a header row with "Tên đơn vị" and the input columns). Open the sheet with the table and score.`,
    sheetProtected: (sheet) =>
      `Sheet "${sheet}" is protected (Review › Protect Sheet), so the results cannot be written. Unprotect it and score again; nothing was changed.`,
    notScoredYet: 'The workbook has not been scored yet: click Score before filtering.',
    blockColumnMissing: (title) => `Column "${title}" is missing from the results block. Score again, then filter.`,
    rubricSheetExists: (sheet) =>
      `The workbook already has a "${sheet}" sheet; it is never overwritten. Rename or delete it first to write the built-in rubric again.`,
    selectFailed: (sheet, address) =>
      `Could not select cell ${address} on sheet "${sheet}": the sheet may have just been renamed or deleted. Click Score again.`,
    notesUnsupported:
      'This version of Excel does not let add-ins write notes on cells: messages are in the Ghi chú column and in this pane.',
    autoFilterTable: 'The sheet holds an Excel table, so no AutoFilter was set: use the table’s own filter.',
    staffNotesKept: (count) =>
      `${count} invalid cells already had a staff note: it was kept, and the message is in the Ghi chú column and in this pane.`,
    watchFailed: 'Cannot follow sheet changes: click "Read the workbook again" after switching sheets.',
    ownSheetRenamed: (staffSheet, used) =>
      `The workbook already has a "${staffSheet}" sheet made by staff, so it was left as it is; the add-in wrote sheet "${used}" instead.`,
    appraisalHeaderMissing: (sheet) =>
      `Sheet "${sheet}" has no header row with "Tên đơn vị", "Mã chỉ số" and "Số liệu thẩm định", so no appraisal row can be added. Add the header row or rename that sheet; nothing was written.`,
    appraisalColumnsMissing: (sheet, titles) =>
      `Sheet "${sheet}" lacks the column${titles.length > 1 ? 's' : ''} ${titles.map((t) => `"${t}"`).join(', ')} in its header row. Add ${titles.length > 1 ? 'them' : 'it'} and record again; nothing was written.`,
    appraisalSheetProtected: (sheet) =>
      `Sheet "${sheet}" is protected, so no appraisal row can be added. Unprotect it and record again; nothing was changed.`,
  },
};
