/**
 * @jest-environment jsdom
 *
 * The ribbon's "Chấm điểm" (ExecuteFunction) with Office stood in by the fake: it scores,
 * selects the first problem cell, and calls event.completed() exactly once on every path — after
 * the notice dialog closes when Score could not run.
 */
import { vi as strings } from '../../src/taskpane/strings/vi';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { FakeExcel } from './fake/fakeExcel';
import { WorkbookState } from './fake/workbookState';
import { submissionWorkbook } from './fixtures/submissionWorkbook';

interface DialogCall {
  url: string;
  closed: boolean;
  send: (message: string) => void;
}

function installOffice(state: WorkbookState, dialogs: DialogCall[], dialogOpens = true) {
  const excel = new FakeExcel(state);
  const handlers = new Map<string, (arg: unknown) => void>();
  Object.assign(globalThis, {
    Excel: { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => excel.run(batch) },
    Office: {
      context: {
        displayLanguage: 'vi-VN',
        requirements: { isSetSupported: (n: string, v: string) => excel.isSetSupported(n, v) },
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
            if (!dialogOpens) return callback({ status: 'failed', error: { code: 12007 } });
            const call: DialogCall = {
              url,
              closed: false,
              send: (message) => handlers.get('dialogMessageReceived')?.({ message }),
            };
            dialogs.push(call);
            callback({
              status: 'succeeded',
              value: {
                close: () => (call.closed = true),
                addEventHandler: (type: string, h: (arg: unknown) => void) => handlers.set(type, h),
              },
            });
          },
        },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      onReady: () => Promise.resolve({}),
      actions: { associate: () => undefined },
    },
  });
  return excel;
}

async function loadCommand() {
  const { scoreActiveSheet } = await import('../../src/commands/commands');
  return scoreActiveSheet;
}

test('success: the results are written and the first problem cell is selected', async () => {
  const layout = submissionWorkbook({ units: 150 });
  const dialogs: DialogCall[] = [];
  installOffice(layout.state, dialogs);
  const completed = jest.fn();
  await (
    await loadCommand()
  )({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(dialogs).toEqual([]);
  expect(layout.state.names.has('CQDT_KetQua')).toBe(true);
  expect(layout.state.selection).toEqual({ sheet: 'Tổng hợp', address: layout.cells.notANumber });
});

test('failure: a dialog says why, and the command completes once it is closed', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const dialogs: DialogCall[] = [];
  installOffice(state, dialogs);
  const completed = jest.fn();
  const running = (await loadCommand())({ completed } as unknown as Office.AddinCommands.Event);
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0].url);
  expect(url.pathname.endsWith('/notice.html')).toBe(true);
  expect(url.searchParams.get('title')).toBe(strings.command.failedTitle);
  expect(url.searchParams.get('message')).toBe(strings.gateway.emptySheet('Sheet1'));
  expect(completed).not.toHaveBeenCalled();
  dialogs[0].send('close');
  await running;
  expect(dialogs[0].closed).toBe(true);
  expect(completed).toHaveBeenCalledTimes(1);
});

test('failure where no dialog can open: the command still completes', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  installOffice(state, [], false);
  const completed = jest.fn();
  await (
    await loadCommand()
  )({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
});

/** The notice the command opens, once it is open. */
async function noticeOf(dialogs: DialogCall[]): Promise<URLSearchParams> {
  for (let i = 0; i < 100 && dialogs.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
  expect(dialogs).toHaveLength(1);
  return new URL(dialogs[0].url).searchParams;
}

/** How many operations Score makes on the same workbook made again. */
async function scoreOperations(units: number): Promise<number> {
  const excel = new FakeExcel(submissionWorkbook({ units }).state);
  const out = await createOfficeGateway(excel.host(), strings.gateway).score();
  expect(out.ok).toBe(true);
  return excel.syncs.reduce((n, s) => n + s.operations, 0);
}

test('Excel stopping part-way through the writes: the notice is titled so, says what the sheet holds now and why Excel stopped', async () => {
  const layout = submissionWorkbook({ units: 40 });
  const all = await scoreOperations(40);
  const dialogs: DialogCall[] = [];
  const excel = installOffice(layout.state, dialogs);
  excel.failAtOperation = all - 5; // in the last write
  const completed = jest.fn();
  const running = (await loadCommand())({ completed } as unknown as Office.AddinCommands.Event);
  const notice = await noticeOf(dialogs);
  expect(notice.get('title')).toBe(strings.command.interruptedTitle);
  // GeneralException: Excel busy for a moment.
  expect(notice.get('message')).toMatch(/^(Kết quả mới|Excel dừng lại)/);
  expect(notice.get('message')!.endsWith(` ${strings.gateway.officeError.busy}`)).toBe(true);
  expect(notice.get('detail')).toMatch(/GeneralException/);
  dialogs[0].send('close');
  await running;
  expect(completed).toHaveBeenCalledTimes(1);
});

test('scored, but the landing cell not selected: the notice says the sheet was scored', async () => {
  const layout = submissionWorkbook({ units: 40 });
  const all = await scoreOperations(40);
  const dialogs: DialogCall[] = [];
  const excel = installOffice(layout.state, dialogs);
  excel.failAtOperation = all + 1; // the first operation after Score
  const completed = jest.fn();
  const running = (await loadCommand())({ completed } as unknown as Office.AddinCommands.Event);
  const notice = await noticeOf(dialogs);
  expect(layout.state.names.has('CQDT_KetQua')).toBe(true);
  expect(notice.get('title')).toBe(strings.command.scoredTitle);
  expect(notice.get('message')).toBe(strings.gateway.selectFailed('Tổng hợp', layout.cells.notANumber));
  dialogs[0].send('close');
  await running;
  expect(completed).toHaveBeenCalledTimes(1);
});
