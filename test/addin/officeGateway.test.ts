/**
 * The Office workbook gateway against the in-memory fake Excel: round trips per Score, payload
 * under the web's cap, typed cells never changed, a second Score idempotent, Office 2019
 * degrading with words instead of crashing, and the errors users meet.
 */
import { NOTE_PREFIX, RESULT_BLOCK_NAME } from '../../src/report/resultBlock';
import { buildSampleWorkbook } from '../../src/sample/sampleData';
import { parseSheetReference } from '../../src/workbook/office/references';
import { createOfficeGateway, GatewayTuning } from '../../src/workbook/office/officeGateway';
import { vi } from '../../src/taskpane/strings/vi';
import { cellsOutside, ownNotes, rules, sheetDigest, staffNotes } from './fake/digest';
import { FakeExcel, FakeExcelOptions, WEB_PAYLOAD_LIMIT } from './fake/fakeExcel';
import { WorkbookState } from './fake/workbookState';
import { stateFromGrids } from './fixtures/fromGrids';
import { SUBMISSION_SHEET, submissionWorkbook } from './fixtures/submissionWorkbook';

function setup(state: WorkbookState, options: FakeExcelOptions = {}, tuning: GatewayTuning = {}) {
  const excel = new FakeExcel(state, options);
  const gateway = createOfficeGateway(excel.host(), vi.gateway, tuning);
  return { excel, gateway };
}

function expectOk<T>(outcome: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
  return outcome.value;
}

function blockArea(state: WorkbookState) {
  const formula = state.names.get(RESULT_BLOCK_NAME);
  if (!formula) throw new Error('no defined name');
  return parseSheetReference(formula)!.area;
}

describe('Score: round trips and payload', () => {
  test('150 units: one read and one write round trip', async () => {
    const { state } = submissionWorkbook({ units: 150, staffTouches: false });
    const { excel, gateway } = setup(state);
    const report = expectOk(await gateway.score());
    expect(report.roundTrips).toEqual({ reads: 1, writes: 1 });
    expect(excel.syncs).toHaveLength(2);
    expect(report.result.units.length).toBe(150);
  });

  test('150 units with staff notes: one more read, for the cells of those notes', async () => {
    const { state } = submissionWorkbook({ units: 150 });
    const { excel, gateway } = setup(state);
    const report = expectOk(await gateway.score());
    expect(report.roundTrips).toEqual({ reads: 2, writes: 1 });
    expect(excel.syncs).toHaveLength(3);
  });

  test('10,000 units: the used range is read in windows and every request stays under the 5 MB cap', async () => {
    const layout = submissionWorkbook({ units: 10_000 });
    const { excel, gateway } = setup(layout.state);
    const first = expectOk(await gateway.score());
    expect(first.result.units.length).toBe(10_000);
    expect(first.roundTrips.writes).toBe(1);
    expect(first.roundTrips.reads).toBeLessThanOrEqual(5);
    expect(excel.syncs).toHaveLength(first.roundTrips.reads + first.roundTrips.writes);
    for (const s of excel.syncs) {
      expect(s.requestBytes).toBeLessThan(4 * 1024 * 1024);
      expect(s.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    }
    // Scored again: the result block is read too, and still every response fits.
    excel.resetSyncs();
    const second = expectOk(await gateway.score());
    expect(second.roundTrips.writes).toBe(1);
    for (const s of excel.syncs) expect(s.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });

  test('a write payload above the budget is split into several round trips with the same end state', async () => {
    const one = submissionWorkbook({ units: 400 });
    const split = submissionWorkbook({ units: 400 });
    expectOk(await setup(one.state).gateway.score());
    const { gateway } = setup(split.state, {}, { writeBudgetBytes: 20_000 });
    const report = expectOk(await gateway.score());
    expect(report.roundTrips.writes).toBeGreaterThan(2);
    expect(sheetDigest(split.state, split.sheet)).toEqual(sheetDigest(one.state, one.sheet));
  });

  test('a Score cut off after its first write is repaired whole by the next Score', async () => {
    const reference = submissionWorkbook({ units: 400 });
    expectOk(await setup(reference.state).gateway.score());

    const broken = submissionWorkbook({ units: 400 });
    const { excel, gateway } = setup(broken.state, {}, { writeBudgetBytes: 20_000 });
    excel.failOnSync = 3; // read, staff-note cells, first write batch
    const failed = await gateway.score();
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.message).toMatch(/Excel báo lỗi/);
    // The defined name went first, so the half-written block is known and rewritten.
    expect(broken.state.names.has(RESULT_BLOCK_NAME)).toBe(true);
    expectOk(await gateway.score());
    expect(sheetDigest(broken.state, broken.sheet)).toEqual(sheetDigest(reference.state, reference.sheet));
  });
});

describe('Score: what it writes and what it never touches', () => {
  test('typed cells keep their values, number formats, formats and notes; staff rules stay', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { sheet, state } = layout;
    const before = cellsOutside(sheet, null);
    const staffBefore = staffNotes(sheet);
    const rulesBefore = rules(sheet);
    const { gateway } = setup(state);
    const report = expectOk(await gateway.score());

    const block = blockArea(state);
    const after = cellsOutside(sheet, block);
    for (const [address, cell] of before) expect([address, after.get(address)]).toEqual([address, cell]);
    expect(after.size).toBe(before.size);
    expect(staffNotes(sheet)).toEqual(staffBefore);
    expect(rules(sheet).slice(0, rulesBefore.length)).toEqual(rulesBefore);
    expect(report.block).toBe(`'${SUBMISSION_SHEET}'!$X$4:$AH$167`);
    expect(report.notices).toEqual([vi.gateway.staffNotesKept(1)]);
  });

  test('the planted defects are found at their cells, dates and Excel errors included', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const report = expectOk(await setup(layout.state).gateway.score());
    const issues = report.result.units.flatMap((u) => u.issues.map((i) => `${i.code}@${i.cell}`));
    expect(issues).toEqual(
      expect.arrayContaining([
        `not_a_number@${layout.cells.notANumber}`,
        `negative@${layout.cells.negative}`,
        `exceeds_total@${layout.cells.exceedsTotal}`,
        `formula_error@${layout.cells.formulaError}`,
        `not_a_number@${layout.cells.dateInCount}`,
      ]),
    );
    const missing = report.result.units.filter((u) => u.status === 'missing').map((u) => u.name);
    expect(missing).toEqual(layout.missingUnits);
    // Notes: ours on invalid cells, never on a cell holding a staff note.
    const notes = ownNotes(layout.sheet);
    expect(notes.some((n) => n.startsWith(`${layout.cells.negative}: ${NOTE_PREFIX}`))).toBe(true);
    expect(notes.some((n) => n.startsWith(`${layout.cells.staffNoteOnInvalid}:`))).toBe(false);
  });

  test('highlights are the plan’s handful of formula rules, not one per cell', async () => {
    const layout = submissionWorkbook({ units: 10_000 });
    expectOk(await setup(layout.state).gateway.score());
    const ours = layout.sheet.conditionalFormats.filter((cf) => !cf.id.startsWith('{staff'));
    expect(ours.length).toBeLessThanOrEqual(6);
    expect(ours.every((cf) => cf.type === 'Custom' && cf.formula!.startsWith('='))).toBe(true);
  });

  test('a second Score is idempotent: same values, rules, notes, names, filter and widths', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { gateway } = setup(layout.state);
    expectOk(await gateway.score());
    const once = sheetDigest(layout.state, layout.sheet);
    expectOk(await gateway.score());
    expect(sheetDigest(layout.state, layout.sheet)).toEqual(once);
  });

  test('a filter the user chose survives a second Score', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { gateway } = setup(layout.state);
    expectOk(await gateway.score());
    expectOk(await gateway.applyFilter('errors'));
    const criteria = [...layout.sheet.autoFilter!.criteria.entries()];
    expectOk(await gateway.score());
    expect([...layout.sheet.autoFilter!.criteria.entries()]).toEqual(criteria);
  });

  test('the block would cover a staff note: Score stops with a message after reading, and writes nothing', async () => {
    const layout = submissionWorkbook({ units: 150 });
    layout.sheet.notes.push({ cell: 'AB50', content: 'Nhớ hỏi lại số liệu năm trước' }); // beside the table, where the block goes
    const before = sheetDigest(layout.state, layout.sheet);
    const { excel, gateway } = setup(layout.state);
    const out = await gateway.score();
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/ô AB50 đã có dữ liệu/);
    expect(excel.syncs).toHaveLength(2); // the read and the cells of staff notes, no write
    expect(sheetDigest(layout.state, layout.sheet)).toEqual(before);
  });
});

describe('Score: sheets and names as staff leave them', () => {
  test('a protected sheet: Score says so before writing anything', async () => {
    const layout = submissionWorkbook({ units: 150 });
    layout.sheet.protected = true;
    const before = sheetDigest(layout.state, layout.sheet);
    const out = await setup(layout.state).gateway.score();
    expect(out).toEqual({ ok: false, message: vi.gateway.sheetProtected(SUBMISSION_SHEET) });
    expect(sheetDigest(layout.state, layout.sheet)).toEqual(before);
  });

  test('a defined name whose range was deleted (#REF!) is replaced, not added twice', async () => {
    const layout = submissionWorkbook({ units: 150 });
    layout.state.names.set(RESULT_BLOCK_NAME, '=#REF!');
    const report = expectOk(await setup(layout.state).gateway.score());
    expect(layout.state.names.get(RESULT_BLOCK_NAME)).toBe(`=${report.block}`);
  });
});

describe('Score on Office 2019 (ExcelApi 1.7)', () => {
  test('scores and writes without notes, AutoFilter or merged areas, and says so', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { excel, gateway } = setup(layout.state, { apiVersion: '1.7' });
    const report = expectOk(await gateway.score());
    expect(report.roundTrips).toEqual({ reads: 1, writes: 1 });
    expect(excel.syncs).toHaveLength(2);
    expect(report.notices).toEqual([vi.gateway.mergesUnsupported, vi.gateway.notesUnsupported, vi.gateway.autoFilterUnsupported]);
    expect(report.result.units.filter((u) => u.status === 'error').length).toBeGreaterThan(0);
    expect(ownNotes(layout.sheet)).toEqual([]);
    expect(layout.sheet.autoFilter).toBeNull();
    expect(layout.state.names.has(RESULT_BLOCK_NAME)).toBe(true);
    // Without merge information the same units are found as with it.
    const full = submissionWorkbook({ units: 150 });
    const withMerges = expectOk(await setup(full.state).gateway.score());
    expect(report.result.units.map((u) => [u.name, u.status, u.totalCents])).toEqual(
      withMerges.result.units.map((u) => [u.name, u.status, u.totalCents]),
    );
  });

  test('filters explain that the host cannot set them', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { gateway } = setup(layout.state, { apiVersion: '1.7' });
    expectOk(await gateway.score());
    expect(await gateway.applyFilter('attention')).toEqual({ ok: false, message: vi.gateway.filterUnsupported });
  });
});

describe('Which sheet, and the workbook’s own sheets', () => {
  test('an active sheet without a header row: the other sheets are read in a second round trip', async () => {
    const layout = submissionWorkbook({ units: 150, staffTouches: false });
    const notesSheet = layout.state.addSheet('Ghi chép');
    notesSheet.setRows([['Danh sách việc cần làm'], ['Gọi lại các xã chưa gửi']]);
    layout.state.activate(notesSheet);
    const { gateway } = setup(layout.state);
    const described = expectOk(await gateway.describe());
    expect(described.activeSheet).toBe('Ghi chép');
    expect(described.sheet).toBe(SUBMISSION_SHEET);
    const report = expectOk(await gateway.score());
    expect(report.result.sheet).toBe(SUBMISSION_SHEET);
    expect(report.roundTrips).toEqual({ reads: 2, writes: 1 });
  });

  test('an empty workbook: a clear message, nothing written', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { gateway } = setup(state);
    const described = expectOk(await gateway.describe());
    expect(described.activeSheetEmpty).toBe(true);
    expect(described.problem).toBe(vi.gateway.emptySheet('Sheet1'));
    expect(await gateway.score()).toEqual({ ok: false, message: vi.gateway.emptySheet('Sheet1') });
    expect(state.names.size).toBe(0);
  });

  test('the built-in rubric written as a "Tiêu chí" sheet is read back and used', async () => {
    const { rubricToRows } = await import('../../src/rubric/rubricSheet');
    const { BUILTIN_RUBRIC } = await import('../../src/rubric/builtin');
    const layout = submissionWorkbook({ units: 150 });
    const { gateway } = setup(layout.state);
    const builtin = expectOk(await gateway.score());
    expect(expectOk(await gateway.writeRubricSheet(rubricToRows(BUILTIN_RUBRIC)))).toEqual({ sheet: 'Tiêu chí' });
    expect(layout.state.activeSheet!.name).toBe('Tiêu chí');
    layout.state.activate(layout.sheet);
    const described = expectOk(await gateway.describe());
    expect(described.rubric).toMatchObject({ source: 'sheet', id: BUILTIN_RUBRIC.id });
    const fromSheet = expectOk(await gateway.score());
    expect(fromSheet.result.rubricSource).toBe('sheet');
    expect(fromSheet.result.units.map((u) => u.totalCents)).toEqual(builtin.result.units.map((u) => u.totalCents));
    // An existing sheet is never overwritten.
    expect(await gateway.writeRubricSheet(rubricToRows(BUILTIN_RUBRIC))).toEqual({
      ok: false,
      message: vi.gateway.rubricSheetExists('Tiêu chí'),
    });
  });

  test('an imported rubric wins and is named in the report', async () => {
    const { compileRubric } = await import('../../src/rubric/compiled');
    const { BUILTIN_RUBRIC } = await import('../../src/rubric/builtin');
    const layout = submissionWorkbook({ units: 150 });
    const { gateway } = setup(layout.state);
    const imported = { rubric: compileRubric({ ...BUILTIN_RUBRIC, id: 'thu-nghiem' }), fileName: 'thu-nghiem.json' };
    const report = expectOk(await gateway.score({ rubric: imported }));
    expect(report.rubric).toMatchObject({ source: 'file', id: 'thu-nghiem', fileName: 'thu-nghiem.json' });
  });

  test('the bundled 2018 sample scores with the notice’s figures: 150 units, 14 without report', async () => {
    const sample = buildSampleWorkbook(2018);
    const state = stateFromGrids(sample.sheets);
    const report = expectOk(await setup(state).gateway.score());
    expect(report.result.units.filter((u) => u.status === 'missing').length).toBe(14);
    expect(report.result.units.length).toBe(150);
    expect(report.roundTrips).toEqual({ reads: 1, writes: 1 });
  });
});

describe('Selection and filters', () => {
  test('selecting a problem activates its sheet and selects the cell', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const other = layout.state.addSheet('Khác');
    layout.state.activate(other);
    const { gateway } = setup(layout.state);
    expectOk(await gateway.selectCell(SUBMISSION_SHEET, layout.cells.negative));
    expect(layout.state.selection).toEqual({ sheet: SUBMISSION_SHEET, address: layout.cells.negative });
    expect(layout.state.activeSheet).toBe(layout.sheet);
    const bad = await gateway.selectCell('Không có', 'A1');
    expect(bad.ok).toBe(false);
  });

  test('each filter is one condition on one result column', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { gateway } = setup(layout.state);
    expect(await gateway.applyFilter('attention')).toEqual({ ok: false, message: vi.gateway.notScoredYet });
    expectOk(await gateway.score());
    const filter = () => layout.sheet.autoFilter!;
    const titleAt = (index: number) => layout.sheet.value(4, filter().area.left + index);

    expectOk(await gateway.applyFilter('attention'));
    expect(filter().criteria.size).toBe(1);
    let [[col, criteria]] = [...filter().criteria.entries()];
    expect(titleAt(col)).toBe('Cần chú ý');
    expect(criteria).toEqual({ filterOn: 'Custom', criterion1: '<>' });

    expectOk(await gateway.applyFilter('missing'));
    [[col, criteria]] = [...filter().criteria.entries()];
    expect(titleAt(col)).toBe('Trạng thái');
    expect(criteria).toEqual({ filterOn: 'Values', values: ['Không gửi báo cáo'] });

    expectOk(await gateway.applyFilter('notRanked'));
    [[col, criteria]] = [...filter().criteria.entries()];
    expect(titleAt(col)).toBe('Cần chú ý');
    expect(criteria).toEqual({ filterOn: 'Values', values: ['Không xếp hạng'] });

    expectOk(await gateway.applyFilter('errors'));
    [[col, criteria]] = [...filter().criteria.entries()];
    expect(titleAt(col)).toBe('Trạng thái');
    expect(criteria).toEqual({ filterOn: 'Values', values: ['Cần sửa'] });

    expectOk(await gateway.applyFilter('all'));
    expect(filter().criteria.size).toBe(0);
    expect(filter().area).toEqual({ top: 4, left: 0, bottom: 166, right: 32 });
  });

  test('switching sheets calls the listener until it is stopped', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const other = layout.state.addSheet('Khác');
    const { gateway } = setup(layout.state);
    let calls = 0;
    const stop = expectOk(await gateway.onActiveSheetChanged(() => calls++));
    layout.state.activate(other);
    expect(calls).toBe(1);
    await stop();
    layout.state.activate(layout.sheet);
    expect(calls).toBe(1);
  });
});
