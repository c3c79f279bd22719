/**
 * Stands in for office.js in the test build of the task pane: `Office` and `Excel.run` over the
 * fake workbook, seeded with the bundled 2018 sample sheet plus two typed mistakes, so that the
 * page runs its real code against a realistic sheet with no network and no Excel.
 *
 * Query parameters: lang (displayLanguage, default vi-VN), api (ExcelApi version, default
 * 1.18), host (default Excel; anything else plays "opened outside Excel"), sheet=empty (an
 * empty workbook). The fake is exposed as window.__fakeExcel, and what a dialog page sends its
 * opener as window.__parentMessages, for the test to inspect.
 */
import { FakeExcel } from '../fake/fakeExcel';
import { WorkbookState } from '../fake/workbookState';
import { seededSample } from './seededSample';

const params = new URLSearchParams(window.location.search);

function seededState(): WorkbookState {
  if (params.get('sheet') === 'empty') {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    return state;
  }
  return seededSample().state;
}

const excel = new FakeExcel(seededState(), { apiVersion: params.get('api') ?? '1.18' });
const host = params.get('host') ?? 'Excel';
/** What a dialog page sent its opener. */
const parentMessages: string[] = [];

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

const office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  context: {
    displayLanguage: params.get('lang') ?? 'vi-VN',
    requirements: { isSetSupported: (name: string, version: string) => excel.isSetSupported(name, version) },
    ui: { messageParent: (message: string) => parentMessages.push(message) },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host, platform: 'OfficeOnline' };
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
  actions: { associate: () => undefined },
};

const excelApi = {
  run<T>(first: Batch<T> | Excel.RequestContext, second?: Batch<T>): Promise<T> {
    // Excel.run(batch) or Excel.run(context, batch), as office.js offers both.
    return typeof first === 'function' ? excel.run(first) : second!(first);
  },
};

Object.assign(window, { Office: office, Excel: excelApi, __fakeExcel: excel, __parentMessages: parentMessages });
