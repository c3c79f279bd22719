/**
 * Excel on the web's cap (docs/trien-khai.md, "Giới hạn của Excel trên web"): the fake refuses a
 * request or a response above 5 MB measured as Excel measures it — the UTF-8 JSON of what is sent
 * or loaded — with Excel's own error; the gateway keeps every request and response of Score and of
 * the pane's look at the workbook under 4 MB on the usual sheet, a very large one, a wide active
 * sheet and an empty active sheet beside three large ones; and when cells are far longer than
 * measured, the refused read is made again in smaller windows.
 */
import { vi } from '../../src/taskpane/strings/vi';
import type { Outcome } from '../../src/workbook/gateway';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { PAYLOAD_CEILING_BYTES } from '../../src/workbook/office/payload';
import { FakeExcel, WEB_PAYLOAD_LIMIT } from './fake/fakeExcel';
import { WorkbookState } from './fake/workbookState';
import { PAYLOAD_SCENARIOS } from './fixtures/payloadScenarios';
import { submissionWorkbook } from './fixtures/submissionWorkbook';

function expectOk<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.message}`);
  return outcome.value;
}

const run = <T>(excel: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>) => excel.run(batch);

describe('the fake refuses what Excel on the web refuses', () => {
  // "ế" is one UTF-16 unit but three UTF-8 bytes: 1.8 million of them are 5.4 MB on the wire.
  const wide = 'ế'.repeat(1_800_000);

  test('a request above 5 MB, measured in UTF-8: RequestPayloadSizeLimitExceeded, and nothing after the cap runs', async () => {
    const state = new WorkbookState();
    const sheet = state.addSheet('Sheet1');
    const excel = new FakeExcel(state);
    const error = await run(excel, async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [['trước']];
      ws.getRange('B1').values = [[wide]];
      ws.getRange('C1').values = [['sau']];
      return context.sync().then(
        () => null,
        (e: { code: string }) => e,
      );
    });
    expect(error).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
    expect([sheet.value(0, 0), sheet.value(0, 1), sheet.value(0, 2)]).toEqual(['trước', null, null]);
  });

  test('a response above 5 MB: the same error, and what was loaded cannot be read', async () => {
    const state = new WorkbookState();
    const sheet = state.addSheet('Sheet1');
    for (let r = 0; r < 3; r++) sheet.setValue(r, 0, wide);
    const excel = new FakeExcel(state);
    const outcome = await run(excel, async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3');
      range.load('values');
      try {
        await context.sync();
        return 'read';
      } catch (e) {
        expect(() => range.values).toThrow();
        return (e as { code: string }).code;
      }
    });
    expect(outcome).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.syncs[0].responseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });

  test('the wide active sheet loaded whole in one request, as the add-in once did, is refused', async () => {
    const state = PAYLOAD_SCENARIOS[2].build();
    const excel = new FakeExcel(state);
    const code = await run(excel, async (context) => {
      const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
      used.load('values,valueTypes,numberFormat');
      return context.sync().then(
        () => 'read',
        (e: { code: string }) => e.code,
      );
    });
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
  });
});

describe('every request and response of the add-in under 4 MB', () => {
  test.each(PAYLOAD_SCENARIOS.map((s) => [s.label, s] as const))('%s: the pane’s look and Score', async (_label, scenario) => {
    const excel = new FakeExcel(scenario.build());
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    const described = expectOk(await gateway.describe());
    expect(described.sheet).not.toBeNull();
    const report = expectOk(await gateway.score());
    expect(report.result.units.length).toBeGreaterThan(100);
    // Scored again: the block written the first time is read back too.
    expectOk(await gateway.score());
    for (const s of excel.syncs) {
      expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_CEILING_BYTES);
      expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_CEILING_BYTES);
    }
  });

  test('the pane’s look at the workbook reads only the top of a large sheet', async () => {
    const excel = new FakeExcel(PAYLOAD_SCENARIOS[1].build());
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    expectOk(await gateway.describe());
    expect(excel.syncs).toHaveLength(1);
    expect(excel.syncs[0].responseBytes).toBeLessThan(500_000);
  });

  test('cells far longer than the first rows: the refused window is read again in halves, and Score goes on', async () => {
    const layout = submissionWorkbook({ units: 1_200, extraColumns: 20 });
    // Long remarks typed in every extra column of the units below row 400.
    const remark = 'Đơn vị gửi báo cáo bằng văn bản giấy, đã đối chiếu với hệ thống một cửa điện tử của tỉnh. '.repeat(3);
    for (let r = 400; r < 1_200; r++)
      for (let c = 23; c < 43; c++) if (layout.sheet.value(r, c) !== null) layout.sheet.setValue(r, c, remark);
    const excel = new FakeExcel(layout.state);
    const report = expectOk(await createOfficeGateway(excel.host(), vi.gateway).score());
    expect(report.result.units.length).toBe(1_200);
    const refused = excel.syncs.filter((s) => s.responseBytes > WEB_PAYLOAD_LIMIT);
    expect(refused.length).toBeGreaterThan(0);
    for (const s of excel.syncs.filter((x) => !refused.includes(x))) expect(s.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });

  test('a first window of very long cells: the first round trip is made again with fewer rows', async () => {
    const layout = submissionWorkbook({ units: 280, extraColumns: 120 });
    const remark = 'Nguồn số liệu và cách đối chiếu của phòng chuyên môn, theo văn bản của đơn vị. '.repeat(2);
    for (let r = 5; r < 300; r++)
      for (let c = 23; c < 143; c++) if (layout.sheet.value(r, c) !== null) layout.sheet.setValue(r, c, remark);
    const excel = new FakeExcel(layout.state);
    const report = expectOk(await createOfficeGateway(excel.host(), vi.gateway).score());
    expect(report.result.units.length).toBe(280);
    expect(excel.syncs[0].responseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });
});
