/**
 * Stands in for office.js in the test build of the task pane: `Office` and `Excel.run` over the
 * fake workbook, seeded with the bundled 2018 sample sheet plus two typed mistakes, so that the
 * page runs its real code against a realistic sheet with no network and no Excel.
 *
 * Query parameters: lang (displayLanguage, default vi-VN), api (ExcelApi version, default 1.18),
 * host (default Excel; anything else plays "opened outside Excel"), sheet=empty (an empty
 * workbook), sample=cds2025 (the 2025 sample with its rubric, cds-2025-mau, as a "Tiêu chí" sheet), theme=dark (Office's Black theme), platform (default OfficeOnline; PC plays desktop
 * Excel), settings (JSON of the decision settings already saved in the file), hold=1 (every
 * sync waits for window.__releaseSync()).
 *
 * Exposed for the tests: window.__fakeExcel (the fake), window.__parentMessages (what a dialog
 * page sent its opener) and window.__ribbonScore() (the ribbon's Score, as the function file
 * runs it: another gateway on the same workbook).
 */
import { DOCUMENT_SETTINGS_KEY } from '../../../src/report/storedSettings';
import { CDS_2025_MAU } from '../../../src/rubric/cds2025';
import { RUBRIC_SHEET, rubricToRows } from '../../../src/rubric/rubricSheet';
import { buildCds2025Sample } from '../../../src/sample/cds2025Sample';
import { stringsFor } from '../../../src/taskpane/strings';
import { createOfficeGateway } from '../../../src/workbook/office/officeGateway';
import { FakeExcel } from '../fake/fakeExcel';
import { WorkbookState } from '../fake/workbookState';
import { stateFromGrids } from '../fixtures/fromGrids';
import { seededSample } from './seededSample';

const params = new URLSearchParams(window.location.search);

function seededState(): WorkbookState {
  let state: WorkbookState;
  if (params.get('sheet') === 'empty') {
    state = new WorkbookState();
    state.addSheet('Sheet1');
  } else if (params.get('sample') === 'cds2025') {
    // This year's kind of rubric, as a "Tiêu chí" sheet beside its sample workbook.
    const sample = buildCds2025Sample();
    state = stateFromGrids([...sample.sheets, { name: RUBRIC_SHEET, rows: rubricToRows(CDS_2025_MAU), merges: [] }]);
  } else state = seededSample().state;
  const saved = params.get('settings');
  if (saved) state.settings.set(DOCUMENT_SETTINGS_KEY, JSON.parse(saved));
  return state;
}

const excel = new FakeExcel(seededState(), { apiVersion: params.get('api') ?? '1.18' });
/** hold=1: every sync waits for the test's window.__releaseSync(), to see the pane mid-Score. */
const held: { kind: 'read' | 'write'; resolve: () => void }[] = [];
if (params.get('hold') === '1') excel.syncGate = (kind) => new Promise<void>((resolve) => held.push({ kind, resolve }));
const host = params.get('host') ?? 'Excel';
const displayLanguage = params.get('lang') ?? 'vi-VN';
/** What a dialog page sent its opener. */
const parentMessages: string[] = [];

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Office's Black theme and its default (Colorful) theme, as officeTheme reports them. */
const THEMES = {
  dark: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' },
  light: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' },
};

const office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  context: {
    displayLanguage,
    officeTheme: THEMES[params.get('theme') === 'dark' ? 'dark' : 'light'],
    requirements: { isSetSupported: (name: string, version: string) => excel.isSetSupported(name, version) },
    document: { settings: excel.settings },
    ui: { messageParent: (message: string) => parentMessages.push(message) },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host, platform: params.get('platform') ?? 'OfficeOnline' };
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

/** The ribbon's Score: the function file's own gateway, a runtime apart from the pane's. */
async function ribbonScore(): Promise<boolean> {
  const gateway = createOfficeGateway(excel.host(), stringsFor(displayLanguage).gateway);
  const out = await gateway.score();
  return out.ok;
}

Object.assign(window, {
  Office: office,
  Excel: excelApi,
  __fakeExcel: excel,
  __parentMessages: parentMessages,
  __ribbonScore: ribbonScore,
  __releaseSync: () => held.shift()?.resolve(),
  /** What the held syncs are: 'read' or 'write', oldest first. */
  __heldSyncs: () => held.map((h) => h.kind),
});
