/**
 * The add-in and the command line leave a workbook in the same state, and a workbook first
 * scored by the command line (ExcelJS, src/workbook/xlsx) is scored again by the add-in cleanly:
 * its block, rules and notes are replaced — not doubled — and staff ones kept.
 */
import { RESULT_BLOCK_NAME } from '../../src/report/resultBlock';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { parseSheetReference } from '../../src/workbook/office/references';
import { scoreXlsx } from '../../src/workbook/xlsx/scoreXlsx';
import { vi } from '../../src/taskpane/strings/vi';
import { ownNotes, rules, staffNotes } from './fake/digest';
import { FakeExcel } from './fake/fakeExcel';
import { MAX_COLUMNS, SheetState, WorkbookState, areaAddress } from './fake/workbookState';
import { SUBMISSION_SHEET, submissionWorkbook } from './fixtures/submissionWorkbook';
import { stateFromXlsx, xlsxFromState } from './fixtures/xlsxBridge';

/** Values and number formats of the filled cells (ExcelJS does not read back empty styled cells). */
function values(sheet: SheetState): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, cell] of sheet.cells) {
    if (cell.value === null) continue;
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    out.set(areaAddress({ top: r, left: c, bottom: r, right: c }), JSON.stringify([cell.value, cell.numberFormat]));
  }
  return out;
}

async function scoreWithAddin(state: WorkbookState) {
  const gateway = createOfficeGateway(new FakeExcel(state).host(), vi.gateway);
  const out = await gateway.score();
  if (!out.ok) throw new Error(out.message);
  return out.value;
}

describe('a workbook scored by the command line', () => {
  let original: Uint8Array;
  let cliScored: Uint8Array;

  beforeAll(async () => {
    const layout = submissionWorkbook({ units: 150 });
    original = await xlsxFromState(layout.state);
    const cli = await scoreXlsx({ bytes: original, scoredCopy: true });
    if (!cli.ok) throw new Error(cli.message);
    cliScored = cli.output.scoredCopy!;
  });

  test('the add-in writes what the command line writes: block, values, rules, notes and name', async () => {
    const byCli = await stateFromXlsx(cliScored);
    const byAddin = await stateFromXlsx(original);
    await scoreWithAddin(byAddin);

    const cliSheet = byCli.sheet(SUBMISSION_SHEET)!;
    const addinSheet = byAddin.sheet(SUBMISSION_SHEET)!;
    expect(byAddin.names.get(RESULT_BLOCK_NAME)).toBe(byCli.names.get(RESULT_BLOCK_NAME));
    expect(values(addinSheet)).toEqual(values(cliSheet));
    expect(rules(addinSheet)).toEqual(rules(cliSheet));
    expect(ownNotes(addinSheet)).toEqual(ownNotes(cliSheet));
    expect(staffNotes(addinSheet)).toEqual(staffNotes(cliSheet));
    expect(addinSheet.autoFilter?.area).toEqual(cliSheet.autoFilter?.area);
  });

  test('scored again by the add-in: the same block replaced, rules and notes not doubled', async () => {
    const state = await stateFromXlsx(cliScored);
    const sheet = state.sheet(SUBMISSION_SHEET)!;
    const before = {
      name: state.names.get(RESULT_BLOCK_NAME),
      values: values(sheet),
      rules: rules(sheet),
      notes: sheet.notes.length,
    };
    const report = await scoreWithAddin(state);

    expect(state.names.get(RESULT_BLOCK_NAME)).toBe(before.name);
    expect(`=${report.block}`).toBe(before.name);
    expect(values(sheet)).toEqual(before.values);
    expect(rules(sheet)).toEqual(before.rules);
    expect(sheet.notes.length).toBe(before.notes);
    // The ranking sheet the command line made is left alone.
    expect(state.sheets.map((s) => s.name)).toContain('Xếp hạng');
    const block = parseSheetReference(before.name!)!.area;
    expect(block.left).toBe(23); // X: right of the table's last column (W)
  });
});
