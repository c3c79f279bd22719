/**
 * The English override of every sentence (vi.ts is the default). Messages of the scoring
 * engine itself (issues, unreadable rubric) stay Vietnamese: they quote the sheet's own words.
 */
import type { Strings } from './vi';

export const en: Strings = {
  lang: 'en',
  appTitle: 'CQĐT Scorecard',
  appSubtitle: 'Scores e-government (CQĐT) self-assessments from the summary sheet',

  notInExcel:
    'Open this add-in in Excel (Home tab › CQĐT Scoring group › Open scoring pane). Outside Excel there is no workbook to score.',
  loading: 'Reading the workbook…',
  refresh: 'Read the workbook again',

  sheetLabel: 'Sheet to score',
  sheetNone: 'No sheet to score found yet',
  activeSheetNote: (active) => `Active sheet: "${active}"`,
  emptySheetTitle: 'The active sheet is empty',

  rubricLabel: 'Rubric',
  rubricSource: {
    builtin: 'Built-in rubric',
    sheet: 'The workbook\'s "Tiêu chí" sheet',
    file: 'Imported JSON file',
  },
  rubricImport: 'Import a rubric from a JSON file…',
  rubricImportHint: 'An imported rubric is used instead of the "Tiêu chí" sheet and the built-in one until you drop it.',
  rubricDrop: 'Drop the imported file',
  rubricImported: (file) => `Rubric imported from "${file}".`,
  rubricReadFailed: (file) => `Could not read "${file}".`,
  writeRubric: 'Write the built-in rubric as a "Tiêu chí" sheet',
  writeRubricHint: 'Creates a "Tiêu chí" sheet staff can edit; later scores use it.',
  rubricWritten: (sheet) => `Sheet "${sheet}" created. Edit it, then click Score to use the new rubric.`,

  score: 'Score',
  scoring: 'Scoring…',
  scoredAt: (sheet, units) => `Scored sheet "${sheet}": ${units} units.`,
  roundTrips: (reads, writes) => `${reads} read and ${writes} write round trips with Excel`,

  summaryTitle: 'Results by tier',
  counts: {
    units: 'Units',
    scored: 'Scored',
    error: 'Need fixing',
    missing: 'No report',
    notRanked: (category) => `Not ranked in ${category}`,
  },
  levelChartTitle: (category) => `Levels – ${category}`,
  levelChartLabel: (category, parts) => `Level distribution for ${category}: ${parts}`,
  levelName: (level) => `Level ${level}`,
  notRankedShort: 'NR',
  notRankedLong: 'Not ranked',

  filtersTitle: 'Filter the sheet',
  filters: {
    all: 'All',
    attention: 'Needs attention',
    missing: 'No report',
    notRanked: 'Not ranked',
    errors: 'Errors',
  },
  filterApplied: (name) => `Filter applied: ${name}.`,

  problemsTitle: 'Problems by unit',
  problemsHint: 'Click a problem to select its cell on the sheet.',
  problemsNone: 'Nothing needs fixing.',
  problemsCount: (units, issues) => `${units} units, ${issues} problems`,
  unitRow: (row) => `row ${row}`,
  unitNoRow: 'no row on the sheet',
  missingUnit: 'No report sent',
  showMore: (n) => `Show ${n} more units`,
  severity: { error: 'Error', warning: 'Warning' },
  status: { scored: 'Scored', error: 'Needs fixing', missing: 'No report' },

  tiers: { province: 'Province level', district: 'District level', commune: 'Commune level', unknown: 'Tier unknown' },
  dismiss: 'Dismiss',
  noticesTitle: 'Please note',

  command: {
    failedTitle: 'Could not score',
    close: 'Close',
  },

  roundTripsShort: (reads, writes) => `${reads} read and ${writes} write round trips`,

  exportTitle: 'Export results',
  exportHint: 'Uses the latest score (and last year’s comparison, when a file was chosen).',
  settingsTitle: 'Details for the draft decision',
  settingsHint: 'Kept for this session. Blank fields use the defaults.',
  settings: {
    province: 'Province',
    year: 'Year evaluated',
    yearHint: (year) => `Default ${year}, from the summary sheet’s title (otherwise last year).`,
    yearInvalid: 'The year evaluated must have 4 digits, for example 2018.',
    decisionNumber: 'Decision number',
    decisionNumberHint: 'Leave blank for the clerk to fill in ("…/QĐ-UBND").',
    committee: 'Issuing body',
    department: 'Proposing department',
  },
  writeRanking: 'Write the Xếp hạng sheet',
  rankingWritten: (sheet, trips) => `Sheet "${sheet}" written (${trips} with Excel).`,
  downloadDocx: 'Download the draft decision (.docx)',
  downloadCsv: 'Download the ranking as CSV',
  downloadJson: 'Download the ranking as JSON',
  preparingDocx: 'Preparing the draft decision…',
  downloaded: (file) => `File "${file}" created; it is in the browser’s downloads folder.`,
  downloadFailed: (file, detail) => `Could not create "${file}" (${detail}).`,
  partFailed: (part, detail) =>
    `Could not load the add-in’s ${part} part (${detail}). Check the network connection and try again.`,
  parts: { docx: 'Word file', xlsx: 'Excel file reading' },
  summaryParagraphTitle: 'Summary paragraph for the draft',
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
    `Cell ${address} on sheet "${sheet}" is not an input cell of any unit. Select a cell in the input columns (R1a…K8) of sheet "${scored}".`,
  missingUnitCell: (unit) => `${unit} sent no report, so there is nothing to appraise.`,
  verified: 'Verified value',
  reason: 'Reason',
  reviewer: 'Reviewer',
  reviewerHint: 'Remembered for this session.',
  date: 'Date of appraisal',
  submitAppraisal: 'Record the appraisal and score again',
  why: {
    cell: 'Take an input cell first.',
    verified: 'Enter the verified value.',
    reason: 'Enter a reason: it is required.',
    date: 'Enter the date of appraisal.',
    invalid: (message) => `The verified value is not valid — ${message}`,
  },
  appended: (row, sheet, unit, trips) =>
    `Row ${row} added to sheet "${sheet}" for ${unit} (${trips} with Excel), then scored again.`,
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
    'Choose last year’s result: the command line’s RESULT.json (cqdt score --json) or last year’s scored workbook (.xlsx). The ranking sheet, the draft and the summary then show last year’s total and the change.',
  previousChoose: 'Choose last year’s file…',
  previousDrop: 'Drop the comparison',
  previousReading: (file) => `Reading "${file}"…`,
  previousLoaded: (file, year) => `Last year’s result read from "${file}"${year ? ` (${year})` : ''}.`,
  previousRankingJson: (file) =>
    `"${file}" is the ranking JSON downloaded from this pane; it lacks what the comparison needs. Choose the command line’s RESULT.json (cqdt score --json) or last year’s scored workbook (.xlsx).`,
  previousNotJson: (file, detail) => `"${file}" is not valid JSON (${detail}).`,
  previousWrongType: (file) => `"${file}" is neither a .json nor an .xlsx file: choose RESULT.json or last year’s workbook.`,
  previousReadFailed: (file) => `Could not read "${file}".`,
  previousSource: (file, year) => `Last year: ${file}${year ? ` (${year})` : ''}`,
  matched: (n, total) => `${n} of this year’s ${total} units matched.`,
  moves: { category: 'Category', up: 'Moved up', down: 'Moved down' },
  movesCaption: (tier) => `${tier}: units moving up or down a level since last year`,
  unmatchedCurrent: (n) => `This year, not matched (${n})`,
  unmatchedPrevious: (n) => `Last year, not in this year’s table (${n})`,
  unmatchedNone: 'Every unit matched last year’s.',

  gateway: {
    excelFailed: (detail) =>
      `Excel reported an error while working on the workbook: ${detail}. Try again; if it persists, save, reopen and score.`,
    emptySheet: (sheet) =>
      `Sheet "${sheet}" is empty, and no other sheet has a summary table (a header row with "Tên đơn vị" and columns R1a…K8). Open the sheet with the table and score.`,
    sheetProtected: (sheet) =>
      `Sheet "${sheet}" is protected (Review › Protect Sheet), so the results cannot be written. Unprotect it and score again; nothing was changed.`,
    notScoredYet: 'The workbook has not been scored yet: click Score before filtering.',
    blockColumnMissing: (title) => `Column "${title}" is missing from the results block. Score again, then filter.`,
    filterUnsupported:
      'This Excel version does not let add-ins set filters (ExcelApi 1.9 needed). Use Data › Filter on "Cần chú ý" or "Trạng thái".',
    rubricSheetExists: (sheet) =>
      `The workbook already has a "${sheet}" sheet; it is never overwritten. Rename or delete it first to write the built-in rubric again.`,
    selectFailed: (sheet, address) => `Could not select cell ${address} on sheet "${sheet}"`,
    notesUnsupported:
      'This Excel version does not let add-ins write notes (ExcelApi 1.18 needed): messages are in the Ghi chú column and in this pane.',
    autoFilterUnsupported: 'This Excel version does not let add-ins set an AutoFilter (ExcelApi 1.9 needed): use Data › Filter.',
    autoFilterTable: "The sheet holds an Excel table, so no AutoFilter was set: use the table's own filter.",
    mergesUnsupported:
      'This Excel version does not let add-ins read merged cells (ExcelApi 1.13 needed): a blank header cell is read as the cell above it.',
    staffNotesKept: (count) =>
      `${count} invalid cells already had a staff note: it was kept, and the message is in the Ghi chú column and in this pane.`,
    watchFailed: (detail) => `Cannot follow sheet changes (${detail}): click "Read the workbook again" after switching sheets.`,
    rankingSheetRenamed: (staffSheet, used) =>
      `The workbook already has a "${staffSheet}" sheet made by staff, so it was left as it is; the ranking was written to sheet "${used}".`,
    pageLayoutUnsupported:
      'This Excel version does not let add-ins set up printing (ExcelApi 1.9 needed): in Page Layout, choose A4 landscape, fit to 1 page wide, and repeat the table’s header row.',
    appraisalHeaderMissing: (sheet) =>
      `Sheet "${sheet}" has no header row with "Tên đơn vị", "Mã chỉ số" and "Số liệu thẩm định", so no appraisal row can be added. Add the header row or rename that sheet; nothing was written.`,
    appraisalColumnsMissing: (sheet, titles) =>
      `Sheet "${sheet}" lacks the column${titles.length > 1 ? 's' : ''} ${titles.map((t) => `"${t}"`).join(', ')} in its header row. Add ${titles.length > 1 ? 'them' : 'it'} and record again; nothing was written.`,
    appraisalSheetProtected: (sheet) =>
      `Sheet "${sheet}" is protected, so no appraisal row can be added. Unprotect it and record again; nothing was changed.`,
  },
};
