/**
 * Appraisal through the Office gateway: the active cell for the form, a correction appended to
 * "Thẩm định" (created once with its header, rows below the last used one, nothing else
 * touched), and the next Score using it — "Tổng điểm tự chấm" in the block, the verified cell
 * marked by its note while its value stays as the unit typed it.
 */
import { NOTE_PREFIX, RESULT_BLOCK_NAME } from '../../src/report/resultBlock';
import { APPRAISAL_SHEET } from '../../src/scoring/scoreWorkbook';
import type { ScoreResult } from '../../src/scoring/types';
import { APPRAISAL_COLUMNS, appraisalColumns } from '../../src/sheet/appraisalSheet';
import { vi } from '../../src/taskpane/strings/vi';
import type { CorrectionEntry, Outcome } from '../../src/workbook/gateway';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { parseSheetReference } from '../../src/workbook/office/references';
import { cellsOutside, sheetDigest } from './fake/digest';
import { FakeExcel } from './fake/fakeExcel';
import { WorkbookState } from './fake/workbookState';
import { SUBMISSION_SHEET, submissionWorkbook } from './fixtures/submissionWorkbook';

function setup(state: WorkbookState) {
  const excel = new FakeExcel(state);
  return { excel, gateway: createOfficeGateway(excel.host(), vi.gateway) };
}

function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
  return outcome.value;
}

/** The unit and input behind a submission cell. */
function inputAt(result: ScoreResult, cell: string) {
  for (const unit of result.units) {
    const input = unit.inputs?.find((i) => i.cell === cell);
    if (input) return { unit, input };
  }
  throw new Error(`no input at ${cell}`);
}

const DAY = new Date(Date.UTC(2019, 1, 21));

function entryFor(result: ScoreResult, cell: string, verified: CorrectionEntry['verified']): CorrectionEntry {
  const { unit, input } = inputAt(result, cell);
  return {
    unit: unit.name,
    district: unit.district,
    code: input.code,
    reported: input.raw,
    verified,
    reason: 'Đối chiếu sổ công văn đến',
    reviewer: 'Nguyễn Văn An',
    date: DAY,
  };
}

/** The block's title and header rows, left to right. */
function blockTitles(state: WorkbookState): unknown[] {
  const ref = parseSheetReference(state.names.get(RESULT_BLOCK_NAME)!)!;
  const sheet = state.sheet(ref.sheet)!;
  const out: unknown[] = [];
  for (let r = ref.area.top; r <= ref.area.top + 1; r++) {
    for (let c = ref.area.left; c <= ref.area.right; c++) out.push(sheet.value(r, c));
  }
  return out;
}

describe('selectedInputCell', () => {
  test('the active cell: its sheet, address and value, in one round trip', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const { excel, gateway } = setup(layout.state);
    layout.state.selection = { sheet: SUBMISSION_SHEET, address: layout.cells.negative };
    expect(expectOk(await gateway.selectedInputCell())).toEqual({
      sheet: SUBMISSION_SHEET,
      address: layout.cells.negative,
      value: -3,
    });
    expect(excel.syncs).toHaveLength(1);
    // A selected area: its first cell is the active one; a date typed in a count reads as a date.
    layout.state.selection = { sheet: SUBMISSION_SHEET, address: `${layout.cells.dateInCount}:Z200` };
    const date = expectOk(await gateway.selectedInputCell());
    expect(date.address).toBe(layout.cells.dateInCount);
    expect(date.value).toBeInstanceOf(Date);
  });
});

describe('appendCorrection', () => {
  test('creates "Thẩm định" once with its header, appends below, and the next Score applies the correction', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { excel, gateway } = setup(layout.state);
    const before = expectOk(await gateway.score()).result;
    const { unit, input } = inputAt(before, layout.cells.negative);
    expect(unit.status).toBe('error');
    const submissionBefore = cellsOutside(layout.sheet, parseSheetReference(layout.state.names.get(RESULT_BLOCK_NAME)!)!.area);

    excel.resetSyncs();
    const first = expectOk(await gateway.appendCorrection(entryFor(before, layout.cells.negative, 120), before.rubric));
    expect(first).toEqual({ sheet: APPRAISAL_SHEET, row: 2, created: true, roundTrips: { reads: 1, writes: 1 } });
    expect(excel.syncs).toHaveLength(2);
    const sheet = layout.state.sheet(APPRAISAL_SHEET)!;
    expect(layout.state.sheets.map((s) => s.name)).toEqual([SUBMISSION_SHEET, APPRAISAL_SHEET]);
    expect(layout.state.activeSheet).toBe(layout.sheet); // the reviewer stays on the submission sheet
    // The 2018 rubric groups communes by district: its area column is titled by the rubric.
    expect(APPRAISAL_COLUMNS.map((_, c) => sheet.value(0, c))).toEqual(appraisalColumns(before.rubric).map((c) => c.title));
    expect(sheet.value(0, 1)).toBe('Thuộc huyện');
    expect(APPRAISAL_COLUMNS.every((_, c) => sheet.cell(0, c)!.format.bold)).toBe(true);
    const serial = (DAY.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(APPRAISAL_COLUMNS.map((_, c) => sheet.value(1, c))).toEqual([
      unit.name,
      null,
      input.code,
      -3,
      120,
      'Đối chiếu sổ công văn đến',
      'Nguyễn Văn An',
      serial,
    ]);
    expect(sheet.cell(1, 7)!.numberFormat).toBe('dd/mm/yyyy');

    // The submission sheet is as the unit typed it.
    expect(cellsOutside(layout.sheet, parseSheetReference(layout.state.names.get(RESULT_BLOCK_NAME)!)!.area)).toEqual(
      submissionBefore,
    );

    excel.resetSyncs();
    const after = expectOk(await gateway.score());
    expect(after.roundTrips.writes).toBe(1);
    const corrected = after.result.units.find((u) => u.row === unit.row)!;
    expect(corrected.status).toBe('scored');
    expect(corrected.corrections).toHaveLength(1);
    expect(corrected.corrections[0]).toMatchObject({ input: input.code, reported: -3, verified: 120, reviewer: 'Nguyễn Văn An' });
    expect(corrected.corrections[0].date).toEqual(DAY);
    expect(corrected.selfTotalCents).toBe(unit.totalCents);
    expect(after.result.appraisal).toEqual({ sheet: APPRAISAL_SHEET, issues: [] });
    expect(blockTitles(layout.state)).toContain('Tổng điểm tự chấm');
    expect(layout.sheet.value(...cellIndex(layout.cells.negative))).toBe(-3);
    const note = layout.sheet.notes.find((n) => n.cell === layout.cells.negative)!;
    expect(note.content).toBe(
      `${NOTE_PREFIX}Đã thẩm định: -3 → 120; lý do: Đối chiếu sổ công văn đến (Nguyễn Văn An, 21/2/2019)`,
    );

    // A second correction goes below the first; the header is not written again.
    const second = expectOk(
      await gateway.appendCorrection(entryFor(after.result, layout.cells.notANumber, 40), after.result.rubric),
    );
    expect(second).toMatchObject({ row: 3, created: false, roundTrips: { reads: 1, writes: 1 } });
    expect(sheet.value(2, 0)).toBe(inputAt(after.result, layout.cells.notANumber).unit.name);
    expect([...sheet.cells.keys()].filter((k) => sheet.cells.get(k)!.value === 'Tên đơn vị')).toHaveLength(1);
  });

  test('a staff "Thẩm định" sheet: its own column order, title rows and gaps kept; the row goes below the last used one', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const staff = layout.state.addSheet(APPRAISAL_SHEET);
    staff.setRows([
      ['BIÊN BẢN THẨM ĐỊNH SỐ LIỆU'],
      [],
      ['Ngày', 'Mã chỉ số', 'Tên đơn vị', 'Số liệu thẩm định', 'Số liệu báo cáo', 'Lý do', 'Người thẩm định', 'Ghi chú riêng'],
      [],
      [null, null, null, null, null, null, null, 'dòng ghi chú của phòng'],
    ]);
    const staffBefore = cellsOutside(staff, null);
    const { gateway } = setup(layout.state);
    const result = expectOk(await gateway.score()).result;

    const out = expectOk(
      await gateway.appendCorrection({ ...entryFor(result, layout.cells.negative, '1.234'), unit: '=Sở lạ' }, result.rubric),
    );
    expect(out).toMatchObject({ row: 6, created: false });
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => staff.value(5, c))).toEqual([
      expect.any(Number),
      'K2b',
      '=Sở lạ',
      '1.234',
      -3,
      'Đối chiếu sổ công văn đến',
      'Nguyễn Văn An',
      null,
    ]);
    for (const [address, cell] of staffBefore) expect(cellsOutside(staff, null).get(address)).toBe(cell);

    // Its problems come back at their cells on that sheet.
    const again = expectOk(await gateway.score()).result;
    expect(again.appraisal!.issues.map((i) => [i.code, i.cell])).toEqual([['unknown_unit', "'Thẩm định'!C6"]]);
  });

  test('a "Thẩm định" sheet without the header row or missing columns: a message, and nothing written', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const staff = layout.state.addSheet(APPRAISAL_SHEET);
    staff.setRows([['Ghi chép thẩm định'], ['Sở Tài chính: gọi lại']]);
    const { gateway } = setup(layout.state);
    const result = expectOk(await gateway.score()).result;
    const entry = entryFor(result, layout.cells.negative, 12);
    const unchanged = async (message: string) => {
      const before = sheetDigest(layout.state, staff);
      expect(await gateway.appendCorrection(entry, result.rubric)).toEqual({ ok: false, message });
      expect(sheetDigest(layout.state, staff)).toEqual(before);
    };

    await unchanged(vi.gateway.appraisalHeaderMissing(APPRAISAL_SHEET));
    staff.setRows([['Tên đơn vị', 'Mã chỉ số', 'Số liệu thẩm định']], 3);
    await unchanged(vi.gateway.appraisalColumnsMissing(APPRAISAL_SHEET, ['Số liệu báo cáo', 'Lý do', 'Người thẩm định', 'Ngày']));
    staff.protected = true;
    await unchanged(vi.gateway.appraisalSheetProtected(APPRAISAL_SHEET));
  });
});

function cellIndex(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col];
}
