/**
 * The add-in's own sheets ("Xếp hạng", "Lộ trình", "Tiêu chí còn yếu") written by the Office
 * gateway into the fake Excel: round trips, the values read back (ranks in order, names kept as
 * text, the roadmap's AutoFilter), staff sheets called "Xếp hạng" or "Lộ trình" left alone, a
 * second export replacing only its own sheets in their places, a long workbook split under the
 * web's cap — and the same sheets as the command line writes.
 */
import { ownSheetPlans } from '../../src/report/ownSheets';
import { RANKING_DEFINED_NAME, rankingSheetPlan } from '../../src/report/rankingSheetPlan';
import { ROADMAP_DEFINED_NAME } from '../../src/report/roadmapSheetPlan';
import { SHORTFALL_DEFINED_NAME } from '../../src/report/shortfallSheetPlan';
import type { SheetPlan } from '../../src/report/sheetPlan';
import { decisionSettings } from '../../src/report/settings';
import { BUILTIN_RUBRIC } from '../../src/rubric/builtin';
import type { ScoreResult } from '../../src/scoring/types';
import type { CellValue } from '../../src/sheet/grid';
import { vi } from '../../src/taskpane/strings/vi';
import type { Outcome } from '../../src/workbook/gateway';
import { GatewayTuning, createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { scoreXlsx } from '../../src/workbook/xlsx/scoreXlsx';
import { cellsOutside, sheetDigest } from './fake/digest';
import { FakeExcel, FakeExcelOptions } from './fake/fakeExcel';
import { SheetState, WorkbookState, areaAddress } from './fake/workbookState';
import { SUBMISSION_SHEET, submissionWorkbook } from './fixtures/submissionWorkbook';
import { stateFromXlsx, xlsxFromState } from './fixtures/xlsxBridge';

const settings = decisionSettings({ year: 2019 }, BUILTIN_RUBRIC);

function setup(state: WorkbookState, options: FakeExcelOptions = {}, tuning: GatewayTuning = {}) {
  const excel = new FakeExcel(state, options);
  return { excel, gateway: createOfficeGateway(excel.host(), vi.gateway, tuning) };
}

function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
  return outcome.value;
}

async function scored(state: WorkbookState, options: FakeExcelOptions = {}, tuning: GatewayTuning = {}) {
  const { excel, gateway } = setup(state, options, tuning);
  const report = expectOk(await gateway.score());
  excel.resetSyncs();
  return { excel, gateway, result: report.result };
}

/** The sheet's values as rows, blanks as null, `width` columns from A. */
function sheetRows(sheet: SheetState, rows: number, width: number): CellValue[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => sheet.value(r, c) as CellValue));
}

/** Per ranked table: the "Thứ hạng" column from the first unit row to the next banner. */
function rankColumns(sheet: SheetState, result: ScoreResult): number[][] {
  const plan = rankingSheetPlan(result, settings);
  const out: number[][] = [];
  let current: number[] | null = null;
  // Each table has its own columns: find "Thứ hạng" on its header row.
  let rankCol = -1;
  plan.rows.forEach((row, r) => {
    if (row.kind === 'header') {
      out.push((current = []));
      rankCol = row.values.indexOf('Thứ hạng');
    } else if (row.kind !== 'unit') current = null;
    else if (current) current.push(sheet.value(r, rankCol) as number);
  });
  return out;
}

const OWN = ['Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu'];

/** The plan's values as the sheet must hold them, two empty rows below. */
function expectPlanValues(sheet: SheetState, plan: SheetPlan): void {
  const width = plan.columns.length;
  expect(sheetRows(sheet, plan.rows.length + 2, width)).toEqual([
    ...plan.rows.map((row) => row.values.map((v) => v ?? null)),
    new Array(width).fill(null),
    new Array(width).fill(null),
  ]);
}

describe('writeOwnSheets', () => {
  test('150 units: one read, one write, and print setup on its own; each sheet holds its plan, recorded and set up for print', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { excel, gateway, result } = await scored(layout.state);
    const submissionBefore = sheetDigest(layout.state, layout.sheet).cells;

    const report = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(report).toEqual({
      sheets: [
        { key: 'ranking', sheet: 'Xếp hạng', notice: null },
        { key: 'roadmap', sheet: 'Lộ trình', notice: null },
        { key: 'shortfalls', sheet: 'Tiêu chí còn yếu', notice: null },
      ],
      notices: [],
      roundTrips: { reads: 1, writes: 2 },
    });
    expect(excel.syncs).toHaveLength(3);
    expect(layout.state.sheets.map((s) => s.name)).toEqual([SUBMISSION_SHEET, ...OWN]);
    for (const s of excel.syncs) expect(s.requestBytes).toBeLessThan(1024 * 1024);

    const plans = ownSheetPlans(result, settings);
    for (const own of plans) {
      const sheet = layout.state.sheet(own.preferred)!;
      expectPlanValues(sheet, own.plan);
      expect(layout.state.names.get(own.definedName)).toBe(`=${own.plan.reference(own.preferred)}`);
      expect([own.key, sheet.merges.length]).toEqual([own.key, own.plan.rows.filter((r) => r.merged).length]);
      expect(sheet.columnWidths.size).toBe(own.plan.columns.length);
      expect(sheet.pageLayout).toMatchObject({
        orientation: 'Landscape',
        paperSize: 'A4',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        centerHorizontally: true,
      });
      expect(sheet.pageLayout.printTitleRows).toBe(
        own.plan.printTitleRow ? `$${own.plan.printTitleRow}:$${own.plan.printTitleRow}` : undefined,
      );
      // Only the roadmap is one table to sort and filter: its header row and rows carry the AutoFilter.
      expect([own.key, sheet.autoFilter ? areaAddress(sheet.autoFilter.area) : null]).toEqual([own.key, own.plan.filter ?? null]);
    }
    const roadmap = plans.find((p) => p.key === 'roadmap')!.plan;
    expect(roadmap.filter).toMatch(/^A\d+:J\d+$/);
    expect(layout.state.names.get(ROADMAP_DEFINED_NAME)).toMatch(/^='Lộ trình'!\$A\$1:/);
    expect(layout.state.names.get(SHORTFALL_DEFINED_NAME)).toMatch(/^='Tiêu chí còn yếu'!\$A\$1:/);
    // The roadmap's rows name the cells to change on the submission sheet.
    const roadmapSheet = layout.state.sheet('Lộ trình')!;
    const header = roadmap.rows.findIndex((r) => r.kind === 'header');
    expect(roadmapSheet.value(header, 8)).toBe('Cần thay đổi');
    expect(String(roadmapSheet.value(header + 1, 8))).toMatch(/: (từ .+ (lên|thành) .+|nhập .+|chuyển sang .+) \(ô [A-Z]+\d+\)/);

    // The ranking sheet in detail, as the decision's appendix prints it.
    const sheet = layout.state.sheet('Xếp hạng')!;
    const plan = rankingSheetPlan(result, settings);
    // The commune table has its own columns: no one header row is repeated on every page.
    expect(plan.printTitleRow).toBeNull();
    expect(sheet.pageLayout.printTitleRows).toBeUndefined();
    // Instead, each table after the first starts a new page.
    expect(plan.pageBreaks.length).toBeGreaterThan(0);
    expect(sheet.pageLayout.pageBreaks).toEqual(plan.pageBreaks);
    expect(layout.state.activeSheet).toBe(sheet);
    // Looks: the header row filled and bold, unit names left, scores "0.00", all Times New Roman.
    const rankingHeader = plan.rows.findIndex((r) => r.kind === 'header');
    expect(sheet.cell(rankingHeader, 1)!.format).toMatchObject({ bold: true, fill: '#E7E6E6', fontName: 'Times New Roman' });
    expect(sheet.rowHeights.get(rankingHeader)).toBe(32);
    plan.rows.forEach((row, r) => expect([r, sheet.rowHeights.get(r) ?? null]).toEqual([r, row.height]));
    const firstUnit = plan.rows.findIndex((r) => r.kind === 'unit');
    expect(sheet.cell(firstUnit, 1)!.format).toMatchObject({ horizontalAlignment: 'Left', wrapText: true });
    expect(
      sheet.cell(
        firstUnit,
        plan.columns.findIndex((c) => c.title === 'Tổng điểm'),
      )!.numberFormat,
    ).toBe('0.00');
    expect(sheet.cell(firstUnit, 0)!.format.borders?.top).toEqual({ style: 'Continuous', color: '#000000' });

    // Ranks run 1, 2, … down each tier's ranked units; the submission sheet is as it was.
    const tables = rankColumns(sheet, result);
    expect(tables.map((ranks) => ranks.filter((n) => typeof n === 'number').length)).toEqual(
      ['province', 'district', 'commune'].map(
        (tier) => result.units.filter((u) => u.tier === tier && u.status === 'scored').length,
      ),
    );
    for (const ranks of tables) {
      const ranked = ranks.filter((n) => typeof n === 'number');
      expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
      if (ranked.length) expect(ranked[0]).toBe(1);
    }
    expect(sheetDigest(layout.state, layout.sheet).cells).toEqual(submissionBefore);
  });

  test('a unit named "=SUM(A1)" is written as text, never as a formula', async () => {
    const layout = submissionWorkbook({ units: 150 });
    layout.sheet.setValue(layout.firstDataRow + 2, 1, '=SUM(A1)');
    const { gateway, result } = await scored(layout.state);
    expect(result.units.map((u) => u.name)).toContain('=SUM(A1)');
    expectOk(await gateway.writeOwnSheets(result, settings));
    const sheet = layout.state.sheet('Xếp hạng')!;
    const names = [...sheet.cells.values()].map((c) => c.value);
    expect(names).toContain('=SUM(A1)');
  });

  test('a staff sheet called "Xếp hạng" is left untouched: "Xếp hạng (CQĐT)" is used, and the pane is told', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const staff = layout.state.addSheet('Xếp hạng');
    staff.setRows([['Bảng xếp hạng của phòng'], ['Sở Tài chính', 1]]);
    staff.merges = [{ top: 0, left: 0, bottom: 0, right: 3 }];
    const staffBefore = { cells: cellsOutside(staff, null), merges: [...staff.merges], widths: [...staff.columnWidths] };
    const { gateway, result } = await scored(layout.state);

    const report = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(report.sheets[0]).toEqual({
      key: 'ranking',
      sheet: 'Xếp hạng (CQĐT)',
      notice: vi.gateway.ownSheetRenamed('Xếp hạng', 'Xếp hạng (CQĐT)'),
    });
    expect(report.sheets.slice(1).map((s) => [s.sheet, s.notice])).toEqual([
      ['Lộ trình', null],
      ['Tiêu chí còn yếu', null],
    ]);
    expect({ cells: cellsOutside(staff, null), merges: staff.merges, widths: [...staff.columnWidths] }).toEqual(staffBefore);
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toMatch(/^='Xếp hạng \(CQĐT\)'!\$A\$1:/);
  });

  test('a staff sheet called "Lộ trình" is kept, with its AutoFilter: ours is "Lộ trình (CQĐT)", written again in place next time', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const staff = layout.state.addSheet('Lộ trình');
    staff.setRows([
      ['Lộ trình chuyển đổi số của Sở', null],
      ['Năm 2020', 'Số hoá hồ sơ'],
    ]);
    staff.autoFilter = { area: { top: 1, left: 0, bottom: 1, right: 1 }, criteria: new Map() };
    const staffBefore = sheetDigest(layout.state, staff);
    const { gateway, result } = await scored(layout.state);

    const first = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(first.sheets[1]).toEqual({
      key: 'roadmap',
      sheet: 'Lộ trình (CQĐT)',
      notice: vi.gateway.ownSheetRenamed('Lộ trình', 'Lộ trình (CQĐT)'),
    });
    const ours = layout.state.sheet('Lộ trình (CQĐT)')!;
    const roadmap = ownSheetPlans(result, settings).find((p) => p.key === 'roadmap')!.plan;
    expectPlanValues(ours, roadmap);
    expect(areaAddress(ours.autoFilter!.area)).toBe(roadmap.filter);
    expect(layout.state.names.get(ROADMAP_DEFINED_NAME)).toBe(`=${roadmap.reference('Lộ trình (CQĐT)')}`);
    const { sheets: _sheets, names: _names, ...staffNow } = sheetDigest(layout.state, staff);
    const { sheets: _s, names: _n, ...staffThen } = staffBefore;
    expect(staffNow).toEqual(staffThen);

    // Staff fix a count and export again: the same four sheets, ours replaced in its place, theirs untouched.
    const order = layout.state.sheets.map((s) => s.name);
    const again = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(again.sheets.map((s) => s.sheet)).toEqual(['Xếp hạng', 'Lộ trình (CQĐT)', 'Tiêu chí còn yếu']);
    expect(again.sheets[1].notice).toBe(vi.gateway.ownSheetRenamed('Lộ trình', 'Lộ trình (CQĐT)'));
    expect(layout.state.sheets.map((s) => s.name)).toEqual(order);
    expect(layout.state.sheet('Lộ trình (CQĐT)')).not.toBe(ours);
    expect(layout.state.sheet('Lộ trình')).toBe(staff);
    const { sheets: _s2, names: _n2, ...staffAfter } = sheetDigest(layout.state, staff);
    expect(staffAfter).toEqual(staffThen);
  });

  test('a second export replaces its own sheets, each in its place, and nothing else', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { gateway, result } = await scored(layout.state);
    expectOk(await gateway.writeOwnSheets(result, settings));
    const first = OWN.map((name) => layout.state.sheet(name)!);
    const firstCells = first.map((s) => cellsOutside(s, null));
    // Staff add a sheet between the add-in's, move the roadmap first, and scribble on the ranking sheet.
    const notes = layout.state.addSheet('Ghi chép');
    notes.setRows([['Nộp văn thư trước ngày 15/02']]);
    layout.state.moveSheet(notes, 2);
    layout.state.moveSheet(first[1], 0);
    first[0].setValue(300, 0, 'ghi tạm');
    layout.state.activate(layout.sheet);
    const order = layout.state.sheets.map((s) => s.name);
    expect(order).toEqual(['Lộ trình', SUBMISSION_SHEET, 'Xếp hạng', 'Ghi chép', 'Tiêu chí còn yếu']);
    const others = { submission: sheetDigest(layout.state, layout.sheet).cells, notes: cellsOutside(notes, null) };

    const again = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(again.sheets.map((s) => s.sheet)).toEqual(OWN);
    expect(again.roundTrips).toEqual({ reads: 1, writes: 2 });
    expect(layout.state.sheets.map((s) => s.name)).toEqual(order);
    OWN.forEach((name, i) => {
      const second = layout.state.sheet(name)!;
      expect(second).not.toBe(first[i]);
      expect([name, cellsOutside(second, null)]).toEqual([name, firstCells[i]]);
    });
    expect(sheetDigest(layout.state, layout.sheet).cells).toEqual(others.submission);
    expect(cellsOutside(notes, null)).toEqual(others.notes);
    // No working sheet is left behind.
    expect(layout.state.sheets.some((s) => s.name.includes('(đang ghi)'))).toBe(false);
  });

  test('a recorded name whose sheet staff deleted (#REF!) is replaced, and the sheet made again', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const { gateway, result } = await scored(layout.state);
    expectOk(await gateway.writeOwnSheets(result, settings));
    layout.state.removeSheet(layout.state.sheet('Xếp hạng')!);
    layout.state.removeSheet(layout.state.sheet('Lộ trình')!);
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toBe('=#REF!');
    const again = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(again.sheets.map((s) => s.sheet)).toEqual(OWN);
    expect(layout.state.sheets.map((s) => s.name)).toEqual([SUBMISSION_SHEET, 'Tiêu chí còn yếu', 'Xếp hạng', 'Lộ trình']);
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toMatch(/^='Xếp hạng'!\$A\$1:/);
    expect(layout.state.names.get(ROADMAP_DEFINED_NAME)).toMatch(/^='Lộ trình'!\$A\$1:/);
  });

  test('a rubric without levels or grades: no roadmap sheet, the other two written', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const { gateway, result } = await scored(layout.state);
    const plain = { ...result, rubric: { ...result.rubric, levels: [], grades: [] } };
    const report = expectOk(await gateway.writeOwnSheets(plain, settings));
    expect(report.sheets.map((s) => s.key)).toEqual(['ranking', 'shortfalls']);
    expect(layout.state.sheets.map((s) => s.name)).toEqual([SUBMISSION_SHEET, 'Xếp hạng', 'Tiêu chí còn yếu']);
    expect(layout.state.names.has(ROADMAP_DEFINED_NAME)).toBe(false);
  });

  test('10,000 units: every request stays under the cap; a lower budget splits the writes with the same end state', async () => {
    const big = submissionWorkbook({ units: 10_000, staffTouches: false });
    const { excel, gateway, result } = await scored(big.state);
    const one = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(one.roundTrips.reads).toBe(1);
    for (const s of excel.syncs) expect(s.requestBytes).toBeLessThan(4 * 1024 * 1024);

    // The same workbook again, its result reused (the paths are worked out once per result).
    const split = submissionWorkbook({ units: 10_000, staffTouches: false });
    const small = setup(split.state, {}, { writeBudgetBytes: 200_000 });
    expectOk(await small.gateway.score());
    const many = expectOk(await small.gateway.writeOwnSheets(result, settings));
    expect(many.roundTrips.writes).toBeGreaterThan(one.roundTrips.writes + 2);
    for (const name of OWN) {
      const a = big.state.sheet(name)!;
      const b = split.state.sheet(name)!;
      expect([name, cellsOutside(b, null)]).toEqual([name, cellsOutside(a, null)]);
      expect(b.merges).toEqual(a.merges);
      expect(b.autoFilter).toEqual(a.autoFilter);
    }
  }, 120_000);

  test('the same sheets as the command line writes: values, number formats, merges, filters and the recorded areas', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const original = await xlsxFromState(layout.state);
    const cli = await scoreXlsx({ bytes: original, scoredCopy: true });
    if (!cli.ok) throw new Error(cli.message);
    const byCli = await stateFromXlsx(cli.output.scoredCopy!);

    const byAddin = await stateFromXlsx(original);
    const { gateway, result } = await scored(byAddin);
    expectOk(await gateway.writeOwnSheets(result, cli.output.settings));

    const filled = (sheet: SheetState) =>
      [...cellsOutside(sheet, null).entries()]
        .map(([address, json]) => {
          const cell = JSON.parse(json) as { value: unknown; numberFormat: string };
          return [address, cell.value, cell.numberFormat] as const;
        })
        .filter(([, value]) => value !== null)
        .sort(([x], [y]) => x.localeCompare(y));
    for (const [name, definedName] of [
      ['Xếp hạng', RANKING_DEFINED_NAME],
      ['Lộ trình', ROADMAP_DEFINED_NAME],
      ['Tiêu chí còn yếu', SHORTFALL_DEFINED_NAME],
    ]) {
      const cliSheet = byCli.sheet(name)!;
      const addinSheet = byAddin.sheet(name)!;
      expect([name, filled(cliSheet).length > 100]).toEqual([name, true]);
      expect([name, filled(addinSheet)]).toEqual([name, filled(cliSheet)]);
      const byTop = (x: { top: number }, y: { top: number }) => x.top - y.top;
      expect([name, [...addinSheet.merges].sort(byTop)]).toEqual([name, [...cliSheet.merges].sort(byTop)]);
      expect([name, addinSheet.autoFilter]).toEqual([name, cliSheet.autoFilter]);
      expect([name, byAddin.names.get(definedName)]).toEqual([name, byCli.names.get(definedName)]);
    }
    expect(filled(byCli.sheet('Xếp hạng')!).length).toBeGreaterThan(150 * 8);
  });
});
