/**
 * @jest-environment jsdom
 *
 * The inline scripts of the add-in's pages (the boot script of the task pane and the function
 * file, the notice dialog's script) parse as ES5, so that Internet Explorer and the old Edge run
 * them; on a webview without what the add-in needs, the boot script shows in words which Office
 * to use, marks the page so that the app does not start over it, and makes the ribbon's Score
 * open the same words in a dialog and complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { SCORE_FUNCTION } from '../../src/commands/commandNames';

const ROOT = path.resolve(__dirname, '../..');
const BOOT = fs.readFileSync(path.join(ROOT, 'src/boot/unsupportedWebview.js'), 'utf8');
const NOTICE = fs.readFileSync(path.join(ROOT, 'src/commands/noticePage.js'), 'utf8');

/** Runs a page script the way an inline <script> runs: in the page's global scope. */
const runScript = (source: string) => window.eval(source);

describe('inline scripts', () => {
  test.each([
    ['the boot script', BOOT],
    ['the notice dialog', NOTICE],
  ])('%s parses as ES5', (_name, source) => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // A modern construct is refused, so the check means something.
    expect(() => parse('const a = b?.c;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });
});

describe('the boot script', () => {
  beforeEach(() => {
    document.documentElement.className = '';
    document.body.innerHTML = '<div id="root"></div>';
    delete (window as unknown as Record<string, unknown>)[SCORE_FUNCTION];
  });

  test('on a modern webview it does nothing', () => {
    runScript(BOOT);
    expect(document.documentElement.classList.contains('cqdt-unsupported')).toBe(false);
    expect(document.getElementById('root')!.textContent).toBe('');
    expect((window as unknown as Record<string, unknown>)[SCORE_FUNCTION]).toBeUndefined();
  });

  test('without BigInt (Internet Explorer, the old Edge) it says which Office to use, and the ribbon says it too', () => {
    const bigInt = globalThis.BigInt;
    delete (globalThis as Record<string, unknown>).BigInt;
    try {
      runScript(BOOT);
    } finally {
      globalThis.BigInt = bigInt;
    }
    expect(document.documentElement.classList.contains('cqdt-unsupported')).toBe(true);
    const text = document.getElementById('root')!.textContent!;
    expect(text).toMatch(/Microsoft 365, Office 2021 trở lên, Excel trên web hoặc Excel cho Mac/);
    expect(text).toMatch(/Microsoft 365, Office 2021 or later, Excel on the web or Excel for Mac/);
    expect(document.querySelector('[role=alert]')).not.toBeNull();

    // The ribbon's Score on such a webview: a dialog with the same words, then completed.
    let url = '';
    let closeDialog: () => void = () => undefined;
    Object.assign(window, {
      Office: {
        context: {
          ui: {
            displayDialogAsync: (u: string, _o: unknown, cb: (r: unknown) => void) => {
              url = u;
              cb({
                status: 'succeeded',
                value: { close: () => undefined, addEventHandler: (_t: string, h: () => void) => (closeDialog = h) },
              });
            },
          },
        },
      },
    });
    const completed = jest.fn();
    ((window as unknown as Record<string, unknown>)[SCORE_FUNCTION] as (e: unknown) => void)({ completed });
    const params = new URL(url).searchParams;
    expect(new URL(url).pathname.endsWith('/notice.html')).toBe(true);
    expect(params.get('message')).toMatch(/Office 2021 trở lên/);
    expect(completed).not.toHaveBeenCalled();
    closeDialog();
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe('the notice dialog', () => {
  test('sets what its address carries as text, never as markup, and Close tells the opener', () => {
    const html = fs.readFileSync(path.join(ROOT, 'src/commands/notice.html'), 'utf8');
    document.documentElement.innerHTML = html.replace(/<%=[^%]*%>/g, '').replace(/^[\s\S]*?<html[^>]*>/, '');
    const sent: string[] = [];
    Object.assign(window, { Office: { context: { ui: { messageParent: (m: string) => sent.push(m) } } } });
    const query = new URLSearchParams({
      title: 'Chưa chấm được',
      message: '<b>Trang "Sheet1"</b> chưa có dữ liệu',
      close: 'Đóng',
      detail: 'ItemNotFound',
      detailTitle: 'Chi tiết kỹ thuật',
    });
    window.history.replaceState(null, '', `/notice.html?${query}`);
    runScript(NOTICE);
    expect(document.getElementById('message')!.textContent).toBe('<b>Trang "Sheet1"</b> chưa có dữ liệu');
    expect(document.querySelector('#message b')).toBeNull();
    expect(document.getElementById('detail')!.hasAttribute('hidden')).toBe(false);
    expect(document.activeElement?.id).toBe('close');
    (document.getElementById('close') as HTMLButtonElement).click();
    expect(sent).toEqual(['close']);
  });
});
