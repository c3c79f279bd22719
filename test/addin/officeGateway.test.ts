/**
 * The Office workbook gateway against the in-memory fake Excel: round trips per Score, typed
 * cells never changed, a second Score idempotent, Excel without notes degrading with words, the
 * errors users meet, decision settings kept with the workbook, and the ribbon's Score heard by an
 * open pane. (Payload budgets: payloadBudget.test.ts; writes stopped part-way: interruptedWrites.test.ts.)
 */
import { NOTE_PREFIX, RESULT_BLOCK_NAME } from '../../src/report/resultBlock';
import { DOCUMENT_SETTINGS_KEY } from '../../src/report/storedSettings';
import { buildSampleWorkbook } from '../../src/sample/sampleData';
import { parseSheetReference } from '../../src/workbook/office/references';
import { createOfficeGateway, GatewayTuning } from '../../src/workbook/office/officeGateway';
import { vi } from '../../src/taskpane/strings/vi';
import { cellsOutside, ownNotes, rules, sheetDigest, staffNotes } from './fake/digest';
import { FakeExcel, FakeExcelOptions, WEB_PAYLOAD_LIMIT } from './fake/fakeExcel';
import { WorkbookState, areaAddress, parseRangeAddress } from './fake/workbookState';
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

  test('a filter staff put on other columns gives way to the block’s filter', async () => {
    const clean = submissionWorkbook({ units: 150 });
    expectOk(await setup(clean.state).gateway.score());
    const blockFilter = areaAddress(clean.sheet.autoFilter!.area);

    const layout = submissionWorkbook({ units: 150 });
    const staffCriteria = new Map<number, Excel.FilterCriteria>([[0, { filterOn: 'Values', values: ['1'] }]]);
    layout.sheet.autoFilter = { area: parseRangeAddress('A3:C40'), criteria: staffCriteria };
    expectOk(await setup(layout.state).gateway.score());
    expect(areaAddress(layout.sheet.autoFilter!.area)).toBe(blockFilter);
    expect(layout.sheet.autoFilter!.criteria.size).toBe(0);
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

describe('Score on Excel without notes (Office 2021 and 2024: ExcelApi 1.14–1.17)', () => {
  test('scores and writes without notes, and says where the messages are instead', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { excel, gateway } = setup(layout.state, { apiVersion: '1.17' });
    const report = expectOk(await gateway.score());
    expect(report.roundTrips).toEqual({ reads: 1, writes: 1 });
    expect(excel.syncs).toHaveLength(2);
    expect(report.notices).toEqual([vi.gateway.notesUnsupported]);
    expect(report.result.units.filter((u) => u.status === 'error').length).toBeGreaterThan(0);
    expect(ownNotes(layout.sheet)).toEqual([]);
    expect(layout.sheet.autoFilter).not.toBeNull();
    expect(layout.state.names.has(RESULT_BLOCK_NAME)).toBe(true);
  });
});

describe('Which sheet, and the workbook’s own sheets', () => {
  test('an active sheet without a header row: the others are previewed, then the one with a table is read', async () => {
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
    expect(report.roundTrips).toEqual({ reads: 3, writes: 1 });
  });

  test('an empty workbook: a clear message, nothing written', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { gateway } = setup(state);
    const described = expectOk(await gateway.describe());
    expect(described.activeSheetEmpty).toBe(true);
    expect(described.problem).toEqual({ message: vi.gateway.emptySheet('Sheet1'), detail: null });
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

  test('staff editing the "Tiêu chí" sheet: the pane reads the rubric from it, and Score scores the summary sheet with it', async () => {
    const { rubricToRows } = await import('../../src/rubric/rubricSheet');
    const { BUILTIN_RUBRIC } = await import('../../src/rubric/builtin');
    const layout = submissionWorkbook({ units: 150 });
    const rubricSheet = layout.state.addSheet('Tiêu chí');
    rubricSheet.setRows(rubricToRows({ ...BUILTIN_RUBRIC, id: 'tu-sua-2019' }) as never);
    layout.state.activate(rubricSheet);
    const { gateway } = setup(layout.state);
    expect(expectOk(await gateway.describe())).toMatchObject({
      sheet: SUBMISSION_SHEET,
      rubric: { source: 'sheet', id: 'tu-sua-2019' },
    });
    const report = expectOk(await gateway.score());
    expect(report.result.sheet).toBe(SUBMISSION_SHEET);
    expect(report.rubric).toMatchObject({ source: 'sheet', id: 'tu-sua-2019' });
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

describe('Decision settings kept with the workbook', () => {
  test('saved by one pane, read back by the next one opened on the file; a damaged value is ignored', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const first = setup(layout.state).gateway;
    expect(await first.loadDecisionSettings()).toEqual({ ok: true, value: null });
    const typed = { province: 'Thái Nguyên', year: '2024', decisionNumber: '12', committee: '', department: '', reviewer: 'Lan' };
    expect(await first.saveDecisionSettings(typed)).toEqual({ ok: true, value: null });
    expect(layout.state.settings.get(DOCUMENT_SETTINGS_KEY)).toEqual(typed);

    const later = setup(layout.state).gateway;
    expect(await later.loadDecisionSettings()).toEqual({ ok: true, value: typed });
    layout.state.settings.set(DOCUMENT_SETTINGS_KEY, { province: 42 });
    expect(await setup(layout.state).gateway.loadDecisionSettings()).toEqual({ ok: true, value: null });
  });

  test('a file that cannot be saved (read-only): the pane is told, in words', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const { excel, gateway } = setup(layout.state);
    excel.settings.failNextSave = true;
    const out = await gateway.saveDecisionSettings({ province: 'Bắc Kạn' });
    expect(out).toMatchObject({ ok: false, message: vi.gateway.settingsSaveFailed });
    expect(layout.state.settings.size).toBe(0);
  });
});

describe('Results written by the ribbon while the pane is open', () => {
  test('another runtime’s Score is heard; the result is read back the same, with nothing written', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const excel = new FakeExcel(layout.state);
    const pane = createOfficeGateway(excel.host(), vi.gateway);
    const ribbon = createOfficeGateway(excel.host(), vi.gateway);
    const heard: unknown[] = [];
    let resolveHeard: () => void = () => undefined;
    const heardOnce = new Promise<void>((resolve) => (resolveHeard = resolve));
    const stop = expectOk(
      await pane.onResultsWritten((written) => {
        heard.push(written);
        resolveHeard();
      }),
    );

    const scored = expectOk(await ribbon.score());
    await heardOnce;
    expect(heard).toEqual([{ sheet: SUBMISSION_SHEET, block: scored.block }]);

    const before = sheetDigest(layout.state, layout.sheet);
    excel.resetSyncs();
    const read = expectOk(await pane.currentResult());
    expect(read.block).toBe(scored.block);
    expect(read.result.units.map((u) => [u.name, u.status, u.totalCents, u.rank])).toEqual(
      scored.result.units.map((u) => [u.name, u.status, u.totalCents, u.rank]),
    );
    expect(read.roundTrips.writes).toBe(0);
    expect(sheetDigest(layout.state, layout.sheet)).toEqual(before);
    await stop();
  });

  test('the pane’s own Score is not taken for the ribbon’s', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const excel = new FakeExcel(layout.state);
    const pane = createOfficeGateway(excel.host(), vi.gateway);
    let heard = 0;
    const stop = expectOk(await pane.onResultsWritten(() => heard++));
    expectOk(await pane.score());
    // The changes are told after the batch, and the listener looks after a pause: wait past both.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(heard).toBe(0);
    await stop();
  });
});
