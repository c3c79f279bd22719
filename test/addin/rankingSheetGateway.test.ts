/**
 * The ranking sheet written by the Office gateway into the fake Excel: round trips, the values
 * read back (ranks in order, names kept as text), a staff sheet called "Xếp hạng" left alone, a
 * second export replacing only its own sheet, a long sheet split
 * under the web's cap — and the same sheet as the command line writes.
 */
import { RANKING_DEFINED_NAME, rankingSheetPlan } from '../../src/report/rankingSheetPlan';
import { decisionSettings } from '../../src/report/settings';
import type { ScoreResult } from '../../src/scoring/types';
import type { CellValue } from '../../src/sheet/grid';
import { vi } from '../../src/taskpane/strings/vi';
import type { Outcome } from '../../src/workbook/gateway';
import { GatewayTuning, createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { scoreXlsx } from '../../src/workbook/xlsx/scoreXlsx';
import { cellsOutside, sheetDigest } from './fake/digest';
import { FakeExcel, FakeExcelOptions } from './fake/fakeExcel';
import { SheetState, WorkbookState } from './fake/workbookState';
import { SUBMISSION_SHEET, submissionWorkbook } from './fixtures/submissionWorkbook';
import { stateFromXlsx, xlsxFromState } from './fixtures/xlsxBridge';

const settings = decisionSettings({ year: 2019 });

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

describe('writeRankingSheet', () => {
  test('150 units: one read, one write, and print setup on its own; the sheet holds the plan, recorded and set up for print', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { excel, gateway, result } = await scored(layout.state);
    const submissionBefore = sheetDigest(layout.state, layout.sheet).cells;

    const report = expectOk(await gateway.writeRankingSheet(result, settings));
    expect(report).toEqual({ sheet: 'Xếp hạng', notice: null, notices: [], roundTrips: { reads: 1, writes: 2 } });
    expect(excel.syncs).toHaveLength(3);
    expect(layout.state.sheets.map((s) => s.name)).toEqual([SUBMISSION_SHEET, 'Xếp hạng']);
    for (const s of excel.syncs) expect(s.requestBytes).toBeLessThan(1024 * 1024);

    const sheet = layout.state.sheet('Xếp hạng')!;
    const plan = rankingSheetPlan(result, settings);
    const width = plan.columns.length;
    expect(sheetRows(sheet, plan.rows.length + 2, width)).toEqual([
      ...plan.rows.map((row) => row.values.map((v) => v ?? null)),
      new Array(width).fill(null),
      new Array(width).fill(null),
    ]);
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toBe(`=${plan.reference('Xếp hạng')}`);
    expect(sheet.merges).toHaveLength(plan.rows.filter((r) => r.merged).length);
    expect(sheet.columnWidths.size).toBe(width);
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
    });
    // The commune table has its own columns: no one header row is repeated on every page.
    expect(plan.printTitleRow).toBeNull();
    expect(sheet.pageLayout.printTitleRows).toBeUndefined();
    // Instead, each table after the first starts a new page.
    expect(plan.pageBreaks.length).toBeGreaterThan(0);
    expect(sheet.pageLayout.pageBreaks).toEqual(plan.pageBreaks);
    expect(layout.state.activeSheet).toBe(sheet);
    // Looks: the header row filled and bold, unit names left, scores "0.00", all Times New Roman.
    const header = plan.rows.findIndex((r) => r.kind === 'header');
    expect(sheet.cell(header, 1)!.format).toMatchObject({ bold: true, fill: '#E7E6E6', fontName: 'Times New Roman' });
    expect(sheet.rowHeights.get(header)).toBe(32);
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
    expectOk(await gateway.writeRankingSheet(result, settings));
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

    const report = expectOk(await gateway.writeRankingSheet(result, settings));
    expect(report.sheet).toBe('Xếp hạng (CQĐT)');
    expect(report.notice).toBe(vi.gateway.rankingSheetRenamed('Xếp hạng', 'Xếp hạng (CQĐT)'));
    expect({ cells: cellsOutside(staff, null), merges: staff.merges, widths: [...staff.columnWidths] }).toEqual(staffBefore);
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toMatch(/^='Xếp hạng \(CQĐT\)'!\$A\$1:/);
  });

  test('a second export replaces its own sheet, in its place, and nothing else', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const { gateway, result } = await scored(layout.state);
    expectOk(await gateway.writeRankingSheet(result, settings));
    const first = layout.state.sheet('Xếp hạng')!;
    const firstCells = cellsOutside(first, null);
    // Staff add a sheet after it and scribble on the add-in's sheet.
    const notes = layout.state.addSheet('Ghi chép');
    notes.setRows([['Nộp văn thư trước ngày 15/02']]);
    first.setValue(300, 0, 'ghi tạm');
    layout.state.activate(layout.sheet);
    const others = { submission: sheetDigest(layout.state, layout.sheet).cells, notes: cellsOutside(notes, null) };

    const again = expectOk(await gateway.writeRankingSheet(result, settings));
    expect(again.sheet).toBe('Xếp hạng');
    expect(again.roundTrips).toEqual({ reads: 1, writes: 2 });
    expect(layout.state.sheets.map((s) => s.name)).toEqual([SUBMISSION_SHEET, 'Xếp hạng', 'Ghi chép']);
    const second = layout.state.sheet('Xếp hạng')!;
    expect(second).not.toBe(first);
    expect(cellsOutside(second, null)).toEqual(firstCells);
    expect(sheetDigest(layout.state, layout.sheet).cells).toEqual(others.submission);
    expect(cellsOutside(notes, null)).toEqual(others.notes);
  });

  test('a recorded name whose sheet staff deleted (#REF!) is replaced, and the sheet made again', async () => {
    const layout = submissionWorkbook({ units: 60 });
    const { gateway, result } = await scored(layout.state);
    expectOk(await gateway.writeRankingSheet(result, settings));
    layout.state.removeSheet(layout.state.sheet('Xếp hạng')!);
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toBe('=#REF!');
    expect(expectOk(await gateway.writeRankingSheet(result, settings)).sheet).toBe('Xếp hạng');
    expect(layout.state.names.get(RANKING_DEFINED_NAME)).toMatch(/^='Xếp hạng'!\$A\$1:/);
  });

  test('10,000 units: every request stays under the cap; a lower budget splits the writes with the same end state', async () => {
    const big = submissionWorkbook({ units: 10_000, staffTouches: false });
    const { excel, gateway, result } = await scored(big.state);
    const one = expectOk(await gateway.writeRankingSheet(result, settings));
    expect(one.roundTrips).toEqual({ reads: 1, writes: 2 });
    for (const s of excel.syncs) expect(s.requestBytes).toBeLessThan(4 * 1024 * 1024);

    const split = submissionWorkbook({ units: 10_000, staffTouches: false });
    const small = await scored(split.state, {}, { writeBudgetBytes: 200_000 });
    const many = expectOk(await small.gateway.writeRankingSheet(small.result, settings));
    expect(many.roundTrips.writes).toBeGreaterThan(3);
    const a = big.state.sheet('Xếp hạng')!;
    const b = split.state.sheet('Xếp hạng')!;
    expect(cellsOutside(b, null)).toEqual(cellsOutside(a, null));
    expect(b.merges).toEqual(a.merges);
  });

  test('the same sheet as the command line writes: values, number formats, merges and the recorded area', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const original = await xlsxFromState(layout.state);
    const cli = await scoreXlsx({ bytes: original, scoredCopy: true });
    if (!cli.ok) throw new Error(cli.message);
    const byCli = await stateFromXlsx(cli.output.scoredCopy!);

    const byAddin = await stateFromXlsx(original);
    const { gateway, result } = await scored(byAddin);
    expectOk(await gateway.writeRankingSheet(result, cli.output.settings));

    const cliSheet = byCli.sheet('Xếp hạng')!;
    const addinSheet = byAddin.sheet('Xếp hạng')!;
    const filled = (sheet: SheetState) =>
      [...cellsOutside(sheet, null).entries()]
        .map(([address, json]) => {
          const cell = JSON.parse(json) as { value: unknown; numberFormat: string };
          return [address, cell.value, cell.numberFormat] as const;
        })
        .filter(([, value]) => value !== null)
        .sort(([x], [y]) => x.localeCompare(y));
    expect(filled(cliSheet).length).toBeGreaterThan(150 * 8);
    expect(filled(addinSheet)).toEqual(filled(cliSheet));
    expect([...addinSheet.merges].sort((x, y) => x.top - y.top)).toEqual([...cliSheet.merges].sort((x, y) => x.top - y.top));
    expect(byAddin.names.get(RANKING_DEFINED_NAME)).toBe(byCli.names.get(RANKING_DEFINED_NAME));
  });
});
