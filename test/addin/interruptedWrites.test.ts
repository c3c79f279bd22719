/**
 * Writes that Excel stops part-way (docs/kiem-tra-add-in.md): the fake fails a batch at each of
 * its operations in turn, keeping what ran before, as Excel does. Wherever it stops, the sheet
 * stays consistent — typed cells untouched, the block recorded, its values all new or all as
 * before (or cleared, never a mix) — the message says which, and the next Score leaves exactly
 * what an uninterrupted Score would. The own sheets: the earlier sheets stay until every new one
 * is complete, then all are new; no half-written sheet is left, a staff sheet of the same name
 * is never touched, and print setup failing costs only a notice.
 */
import { ROADMAP_DEFINED_NAME } from '../../src/report/roadmapSheetPlan';
import { RESULT_BLOCK_NAME } from '../../src/report/resultBlock';
import { decisionSettings } from '../../src/report/settings';
import { BUILTIN_RUBRIC } from '../../src/rubric/builtin';
import type { MergedArea } from '../../src/sheet/grid';
import { vi } from '../../src/taskpane/strings/vi';
import type { InterruptedWrite, Outcome } from '../../src/workbook/gateway';
import { GatewayTuning, createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { parseSheetReference } from '../../src/workbook/office/references';
import { cellsOutside, sheetDigest, staffNotes } from './fake/digest';
import { FakeExcel } from './fake/fakeExcel';
import type { ScoreResult } from '../../src/scoring/types';
import { SheetState, WorkbookState, areaAddress } from './fake/workbookState';
import { SubmissionLayout, inputColumn, submissionWorkbook } from './fixtures/submissionWorkbook';

function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
  return outcome.value;
}

function blockArea(state: WorkbookState): MergedArea {
  return parseSheetReference(state.names.get(RESULT_BLOCK_NAME)!)!.area;
}

/** Where the block is, as the message names it: { sheet: 'Tổng hợp', range: 'X4:AH57' }. */
function blockReference(state: WorkbookState): { sheet: string; range: string } {
  const block = parseSheetReference(state.names.get(RESULT_BLOCK_NAME)!)!;
  return { sheet: block.sheet, range: areaAddress(block.area) };
}

/** The conditional formats staff made (the fixture marks them). */
function staffRules(sheet: SheetState): string[] {
  return sheet.conditionalFormats.filter((cf) => cf.id.startsWith('{staff')).map((cf) => JSON.stringify(cf));
}

function areaValues(sheet: SheetState, a: MergedArea): string[] {
  const rows: string[] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: unknown[] = [];
    for (let c = a.left; c <= a.right; c++) row.push(sheet.value(r, c));
    rows.push(JSON.stringify(row));
  }
  return rows;
}

/**
 * A workbook scored once, then changed by staff so that the next Score writes different values
 * on some rows: a count fixed, a unit's figures typed in.
 */
async function scoredThenEdited(): Promise<SubmissionLayout> {
  const layout = submissionWorkbook({ units: 40 });
  expectOk(await createOfficeGateway(new FakeExcel(layout.state).host(), vi.gateway).score());
  const fixed = layout.cells.notANumber;
  layout.sheet.setValue(Number(fixed.replace(/\D/g, '')) - 1, inputColumn('R1b'), 45);
  return layout;
}

/** The prepared workbook, made once and copied for each run. */
let prepared: Promise<SubmissionLayout> | null = null;
async function freshEdited(): Promise<SubmissionLayout> {
  prepared ??= scoredThenEdited();
  const base = await prepared;
  const state = base.state.clone();
  return { ...base, state, sheet: state.sheet(base.sheet.name)! };
}

async function reference(tuning: GatewayTuning = {}) {
  const layout = await freshEdited();
  const excel = new FakeExcel(layout.state);
  expectOk(await createOfficeGateway(excel.host(), vi.gateway, tuning).score());
  return { layout, excel };
}

describe('Score stopped by Excel part-way through its writes', () => {
  test('at every operation of the one write batch: the sheet stays consistent, the message is true, the next Score repairs it', async () => {
    const ref = await reference();
    const [readOps, notesOps, writeOps] = ref.excel.syncs.map((s) => s.operations);
    expect(ref.excel.syncs).toHaveLength(3);
    const newValues = areaValues(ref.layout.sheet, blockArea(ref.layout.state));
    const seen = new Set<InterruptedWrite>();

    for (let k = 1; k <= writeOps; k++) {
      const layout = await freshEdited();
      const area = blockArea(layout.state);
      const oldValues = areaValues(layout.sheet, area);
      const typedBefore = cellsOutside(layout.sheet, area);
      const staffBefore = staffNotes(layout.sheet);
      const staffRulesBefore = staffRules(layout.sheet);
      const excel = new FakeExcel(layout.state);
      const gateway = createOfficeGateway(excel.host(), vi.gateway);
      excel.failAtOperation = readOps + notesOps + k;

      const out = await gateway.score();
      expect(out.ok).toBe(false);
      if (out.ok) continue;

      // Typed cells, staff notes and staff rules: as they were.
      expect(blockArea(layout.state)).toEqual(area);
      expect(cellsOutside(layout.sheet, area)).toEqual(typedBefore);
      expect(staffNotes(layout.sheet)).toEqual(staffBefore);
      expect(staffRules(layout.sheet)).toEqual(staffRulesBefore);

      // The block holds the old values or the new ones, whole — and the message says which.
      const now = areaValues(layout.sheet, area);
      const state: InterruptedWrite =
        JSON.stringify(now) === JSON.stringify(newValues)
          ? 'written'
          : JSON.stringify(now) === JSON.stringify(oldValues)
            ? 'notWritten'
            : 'cleared';
      expect([k, state]).not.toEqual([k, 'cleared']);
      expect([k, out.message]).toEqual([k, vi.gateway.scoreInterrupted(state, blockReference(layout.state))]);
      expect(out.detail).toMatch(/GeneralException/);
      seen.add(state);

      // Scored again without trouble: exactly what an uninterrupted Score leaves.
      expectOk(await gateway.score());
      expect([k, sheetDigest(layout.state, layout.sheet)]).toEqual([k, sheetDigest(ref.layout.state, ref.layout.sheet)]);
    }
    // Both sides of the values write were met.
    expect([...seen].sort()).toEqual(['notWritten', 'written']);
  }, 120_000);

  test('split into several round trips and stopped after the first: the half-written block is cleared, and said so', async () => {
    const tuning = { writeBudgetBytes: 6_000 };
    const ref = submissionWorkbook({ units: 40 });
    const refExcel = new FakeExcel(ref.state);
    expectOk(await createOfficeGateway(refExcel.host(), vi.gateway, tuning).score());
    const [readOps, notesOps, firstWrite, ...later] = refExcel.syncs.map((s) => s.operations);
    expect(later.length).toBeGreaterThan(1);

    // Scored for the first time: the rows not written yet differ from what is there (nothing).
    const layout = submissionWorkbook({ units: 40 });
    const typedBefore = cellsOutside(layout.sheet, blockArea(ref.state));
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway, tuning);
    excel.failAtOperation = readOps + notesOps + firstWrite + 3;
    const out = await gateway.score();
    expect(out).toMatchObject({ ok: false, message: vi.gateway.scoreInterrupted('cleared', blockReference(layout.state)) });
    const area = blockArea(layout.state);
    expect(areaValues(layout.sheet, area).every((row) => JSON.parse(row).every((v: unknown) => v === null))).toBe(true);
    expect(cellsOutside(layout.sheet, area)).toEqual(typedBefore);
    expectOk(await gateway.score());
    expect(sheetDigest(layout.state, layout.sheet)).toEqual(sheetDigest(ref.state, ref.sheet));
  });

  test('when Excel does not even answer the check afterwards: the message says the block may be half written, and it is recorded', async () => {
    const ref = await reference();
    const [readOps, notesOps, writeOps] = ref.excel.syncs.map((s) => s.operations);
    const layout = await freshEdited();
    const area = blockArea(layout.state);
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    excel.failAtOperation = readOps + notesOps + Math.floor(writeOps / 2);
    excel.failOnSync = 4; // the read, the staff notes' cells, the write (stopped), then the check
    const out = await gateway.score();
    expect(out).toMatchObject({ ok: false, message: vi.gateway.scoreInterrupted('unknown', blockReference(layout.state)) });
    expect(blockArea(layout.state)).toEqual(area);
    expectOk(await gateway.score());
    expect(sheetDigest(layout.state, layout.sheet)).toEqual(sheetDigest(ref.layout.state, ref.layout.sheet));
  });
});

describe('the own sheets stopped by Excel part-way', () => {
  const settings = decisionSettings({ year: 2019 }, BUILTIN_RUBRIC);
  const OWN = ['Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu'];

  let prepared: Promise<{ state: WorkbookState; result: ScoreResult }> | null = null;
  /** A workbook scored and exported once, with a staff "Lộ trình" sheet beside ours, copied for each run. */
  async function exported() {
    prepared ??= (async () => {
      const layout = submissionWorkbook({ units: 40 });
      layout.state.addSheet('Lộ trình').setRows([['Lộ trình chuyển đổi số của Sở']]);
      const gateway = createOfficeGateway(new FakeExcel(layout.state).host(), vi.gateway);
      const { result } = expectOk(await gateway.score());
      expectOk(await gateway.writeOwnSheets(result, settings));
      layout.state.activate(layout.sheet);
      return { state: layout.state, result };
    })();
    const { state: base, result } = await prepared;
    const state = base.clone();
    const excel = new FakeExcel(state);
    return { state, excel, gateway: createOfficeGateway(excel.host(), vi.gateway), result };
  }

  /** Every sheet of the workbook as a user sees it, in tab order. */
  const workbookDigest = (state: WorkbookState) => state.sheets.map((s) => [s.name, sheetDigest(state, s)]);

  test('wherever the write stops: the earlier sheets stay whole until every new one is complete, then all are new; nothing half-written is left', async () => {
    const ref = await exported();
    ref.excel.resetSyncs();
    expectOk(await ref.gateway.writeOwnSheets(ref.result, settings));
    const [read, write] = ref.excel.syncs.map((s) => s.operations);
    const names = ['Xếp hạng', 'Lộ trình (CQĐT)', 'Tiêu chí còn yếu'];
    const after = workbookDigest(ref.state);

    // Every operation of the swaps at the end and of the start, and one in 9 between: the many look and merge
    // operations of the three sheets fail alike (a new sheet incomplete).
    const stops = [...Array(write).keys()].map((i) => i + 1).filter((k) => k <= 12 || k > write - 16 || k % 9 === 0);
    const outcomes = { finished: 0, notWritten: 0 };
    for (const k of stops) {
      const run = await exported();
      // Last year's sheets, so that the old and the new sheets differ.
      for (const name of names) run.state.sheet(name)!.setValue(0, 0, 'BẢNG CŨ');
      const before = workbookDigest(run.state);
      run.excel.resetSyncs();
      run.excel.failAtOperation = read + k;
      const out = await run.gateway.writeOwnSheets(run.result, settings);
      expect([k, run.state.sheets.filter((s) => s.name.includes('(đang ghi)')).map((s) => s.name)]).toEqual([k, []]);
      if (out.ok) {
        // Stopped inside the swaps: the add-in finished them (print setup runs after).
        outcomes.finished++;
        expect([k, workbookDigest(run.state)]).toEqual([k, after]);
      } else {
        outcomes.notWritten++;
        expect([k, out.message]).toEqual([k, vi.gateway.ownSheetsInterrupted('notWritten', names)]);
        expect([k, workbookDigest(run.state)]).toEqual([k, before]);
      }
      expect(run.state.names.get(ROADMAP_DEFINED_NAME)).toMatch(/^='Lộ trình \(CQĐT\)'!/);
      // The staff sheet is never touched.
      expect(run.state.sheet('Lộ trình')!.value(0, 0)).toBe('Lộ trình chuyển đổi số của Sở');
    }
    // The swaps are thirteen operations (four a sheet, and the activation): stopped at the first, nothing was
    // swapped yet; stopped at any of the twelve after it, the add-in finished them.
    expect(outcomes.finished).toBe(12);
    expect(outcomes.notWritten).toBe(stops.length - 12);
  }, 240_000);

  test('split into several round trips: a connection lost after the second leaves the earlier sheets; lost after the last, the sheets are all new', async () => {
    const ref = await exported();
    expectOk(
      await createOfficeGateway(ref.excel.host(), vi.gateway, { writeBudgetBytes: 40_000 }).writeOwnSheets(ref.result, settings),
    );
    const after = workbookDigest(ref.state);
    const writes = ref.excel.syncs.length - 2; // less the read and the print setup
    expect(writes).toBeGreaterThan(3);

    // Last year's sheets, so that the old and the new sheets differ.
    const markOld = (state: WorkbookState) => {
      for (const name of ['Xếp hạng', 'Lộ trình (CQĐT)', 'Tiêu chí còn yếu']) state.sheet(name)!.setValue(0, 0, 'BẢNG CŨ');
    };
    const early = await exported();
    markOld(early.state);
    const before = workbookDigest(early.state);
    early.excel.failOnSync = 3;
    const gateway = createOfficeGateway(early.excel.host(), vi.gateway, { writeBudgetBytes: 40_000 });
    const out = await gateway.writeOwnSheets(early.result, settings);
    expect(out).toMatchObject({ ok: false, interrupted: true });
    expect(workbookDigest(early.state)).toEqual(before);

    const late = await exported();
    markOld(late.state);
    late.excel.failOnSync = 1 + writes;
    const lateGateway = createOfficeGateway(late.excel.host(), vi.gateway, { writeBudgetBytes: 40_000 });
    expectOk(await lateGateway.writeOwnSheets(late.result, settings));
    expect(workbookDigest(late.state)).toEqual(after);
  });

  test('the first export stopped part-way: no sheet of the add-in is left, and the next export makes all three', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    const { result } = expectOk(await gateway.score());
    const before = workbookDigest(layout.state);
    excel.resetSyncs();
    // The read, then about half of the write: the roadmap is being written.
    excel.failAtOperation = 300;
    const out = await gateway.writeOwnSheets(result, settings);
    expect(out).toMatchObject({ ok: false, interrupted: true, message: vi.gateway.ownSheetsInterrupted('notWritten', OWN) });
    expect(workbookDigest(layout.state)).toEqual(before);
    expect([...layout.state.names.keys()]).toEqual([RESULT_BLOCK_NAME]);
    const report = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(report.sheets.map((s) => s.sheet)).toEqual(OWN);
    expect(layout.state.sheets.map((s) => s.name).slice(1)).toEqual(OWN);
  });

  test('print setup refused by Excel: the sheets are written all the same, and the pane says what to set by hand', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    const { result } = expectOk(await gateway.score());
    excel.resetSyncs();
    // The read, the sheets' write, then the print setup: its last operation (the undocumented zoom) fails.
    const probe = submissionWorkbook({ units: 40 });
    const probeExcel = new FakeExcel(probe.state);
    const probeGateway = createOfficeGateway(probeExcel.host(), vi.gateway);
    expectOk(await probeGateway.score());
    probeExcel.resetSyncs();
    expectOk(await probeGateway.writeOwnSheets(result, settings));
    const [read, write, page] = probeExcel.syncs.map((s) => s.operations);
    excel.failAtOperation = read + write + page;
    const report = expectOk(await gateway.writeOwnSheets(result, settings));
    expect(report.notices).toEqual([vi.gateway.pageSetupFailed]);
    for (const name of OWN) {
      expect([name, sheetDigest(layout.state, layout.state.sheet(name)!)]).toEqual([
        name,
        sheetDigest(probe.state, probe.state.sheet(name)!),
      ]);
      // Everything documented came before the zooms, so it stayed.
      expect([name, layout.state.sheet(name)!.pageLayout.orientation]).toEqual([name, 'Landscape']);
    }
  });
});
