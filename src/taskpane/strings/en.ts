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
  },
};
