/**
 * Writes that Excel stops part-way (docs/kiem-tra-add-in.md): the fake fails a batch at each of
 * its operations in turn, keeping what ran before, as Excel does. Wherever it stops, the sheet
 * stays consistent — typed cells untouched, the block recorded, its values all new or all as
 * before (or cleared, never a mix) — the message says which, and the next Score leaves exactly
 * what an uninterrupted Score would. The ranking sheet: the earlier sheet stays until the new one
 * is complete, no half-written sheet is left, and print setup failing costs only a notice.
 */
import { RANKING_DEFINED_NAME } from '../../src/report/rankingSheetPlan';
import { RESULT_BLOCK_NAME } from '../../src/report/resultBlock';
import { decisionSettings } from '../../src/report/settings';
import type { MergedArea } from '../../src/sheet/grid';
import { vi } from '../../src/taskpane/strings/vi';
import type { InterruptedWrite, Outcome } from '../../src/workbook/gateway';
import { GatewayTuning, createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { parseSheetReference } from '../../src/workbook/office/references';
import { RANKING_WORKING_SHEET } from '../../src/workbook/office/writeRankingSheet';
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

describe('the ranking sheet stopped by Excel part-way', () => {
  const settings = decisionSettings({ year: 2019 });

  let prepared: Promise<{ state: WorkbookState; result: ScoreResult }> | null = null;
  /** A workbook scored and exported once, copied for each run. */
  async function exported() {
    prepared ??= (async () => {
      const layout = submissionWorkbook({ units: 40 });
      const gateway = createOfficeGateway(new FakeExcel(layout.state).host(), vi.gateway);
      const { result } = expectOk(await gateway.score());
      expectOk(await gateway.writeRankingSheet(result, settings));
      layout.state.activate(layout.sheet);
      return { state: layout.state, result };
    })();
    const { state: base, result } = await prepared;
    const state = base.clone();
    const excel = new FakeExcel(state);
    return { state, excel, gateway: createOfficeGateway(excel.host(), vi.gateway), result };
  }

  test('wherever its write stops: the earlier sheet stays whole until the new one is complete, nothing half-written is left', async () => {
    const ref = await exported();
    ref.excel.resetSyncs();
    expectOk(await ref.gateway.writeRankingSheet(ref.result, settings));
    const [read, write] = ref.excel.syncs.map((s) => s.operations);
    const newSheet = sheetDigest(ref.state, ref.state.sheet('Xếp hạng')!);

    // Every operation of the swap at the end and of the start; the many look and merge operations between
    // fail alike (the new sheet incomplete), so one in 25 of them.
    const stops = [...Array(write).keys()].map((i) => i + 1).filter((k) => k <= 12 || k > write - 12 || k % 25 === 0);
    for (const k of stops) {
      const run = await exported();
      // Last year's sheet, so that the old and the new sheet differ.
      const earlier = run.state.sheet('Xếp hạng')!;
      earlier.setValue(0, 0, 'BẢNG XẾP HẠNG CŨ');
      const before = sheetDigest(run.state, earlier);
      run.excel.resetSyncs();
      run.excel.failAtOperation = read + k;
      const out = await run.gateway.writeRankingSheet(run.result, settings);
      const names = run.state.sheets.map((s) => s.name);
      expect([k, names.includes(RANKING_WORKING_SHEET)]).toEqual([k, false]);
      const sheet = run.state.sheet('Xếp hạng')!;
      const now = sheetDigest(run.state, sheet);
      if (out.ok) {
        // Stopped inside the swap: the add-in finished it.
        expect([k, now]).toEqual([k, newSheet]);
      } else {
        expect([k, out.message]).toEqual([k, vi.gateway.rankingInterrupted('notWritten', 'Xếp hạng')]);
        expect([k, now]).toEqual([k, before]);
      }
      expect(run.state.names.get(RANKING_DEFINED_NAME)).toMatch(/^='Xếp hạng'!/);
    }
  }, 120_000);

  test('print setup refused by Excel: the sheet is written all the same, and the pane says what to set by hand', async () => {
    const layout = submissionWorkbook({ units: 40 });
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    const { result } = expectOk(await gateway.score());
    excel.resetSyncs();
    // The read, the sheet's write, then the print setup: its last operation (the undocumented zoom) fails.
    const probe = submissionWorkbook({ units: 40 });
    const probeExcel = new FakeExcel(probe.state);
    const probeGateway = createOfficeGateway(probeExcel.host(), vi.gateway);
    expectOk(await probeGateway.score());
    probeExcel.resetSyncs();
    expectOk(await probeGateway.writeRankingSheet(result, settings));
    const [read, write, page] = probeExcel.syncs.map((s) => s.operations);
    excel.failAtOperation = read + write + page;
    const report = expectOk(await gateway.writeRankingSheet(result, settings));
    expect(report.notices).toEqual([vi.gateway.pageSetupFailed]);
    expect(sheetDigest(layout.state, layout.state.sheet('Xếp hạng')!)).toEqual(
      sheetDigest(probe.state, probe.state.sheet('Xếp hạng')!),
    );
    expect(layout.state.sheet('Xếp hạng')!.pageLayout.orientation).toBe('Landscape');
  });
});
