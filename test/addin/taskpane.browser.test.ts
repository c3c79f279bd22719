/**
 * The task pane built by webpack (test build: a local stub instead of office.js, over the fake
 * workbook seeded with the bundled 2018 sample) and driven in Debian's Chromium: score with the
 * keyboard, read the summary, click a problem and see the selection move, filter and see the
 * AutoFilter set, and no serious accessibility violation. Nothing is fetched from the network.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { BUILTIN_RUBRIC } from '../../src/rubric/builtin';
import { buildSampleWorkbook } from '../../src/sample/sampleData';
import { a1 } from '../../src/sheet/grid';
import { en } from '../../src/taskpane/strings/en';
import { vi } from '../../src/taskpane/strings/vi';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'test-output', 'addin-browser');
const SCREENSHOT = path.join(ROOT, 'test-output', 'taskpane.png');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const hasChromium = fs.existsSync(CHROMIUM);
const describeInChromium = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  process.stderr.write(`Bỏ qua thử nghiệm ngăn tác vụ trong trình duyệt: không có ${CHROMIUM} (apt-get install -y chromium).\n`);
}

async function buildTestPane(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = await makeConfig({ test: true, outDir: BUILD }, { mode: 'development' });
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

describeInChromium('the task pane in Chromium', () => {
  let context: BrowserContext;
  const offline: string[] = [];
  const pageErrors: string[] = [];
  const sample = buildSampleWorkbook(2018);
  const textCell = a1(sample.layout.unitRows[1], sample.layout.firstInputCol);

  beforeAll(async () => {
    await buildTestPane();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 380, height: 900 },
    });
    // Only the built files may load: no CDN, no network.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      offline.push(url);
      return route.abort();
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
  });

  async function open(query = ''): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`file://${path.join(BUILD, 'taskpane.html')}${query}`);
    return page;
  }

  async function fake<T>(page: Page, f: string): Promise<T> {
    return page.evaluate(
      `(() => { const excel = window.__fakeExcel; const state = excel.state; const sheet = state.sheets[0]; ${f} })()`,
    ) as Promise<T>;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const results = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  test('the test build loads no office.js from the CDN', () => {
    const html = fs.readFileSync(path.join(BUILD, 'taskpane.html'), 'utf8');
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);
    expect(html).toMatch(/office-stub\.js/);
  });

  test('score with the keyboard, read the summary, select a problem, filter the sheet', async () => {
    const page = await open();
    await page.waitForFunction(() => document.querySelector('[data-testid=sheet]')?.textContent === 'Tổng hợp');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement).disabled);

    // Keyboard only: Tab to the Score button, press Enter.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'score')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('score');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: vi.summaryTitle }).waitFor();
    await page.getByText(vi.scoredAt('Tổng hợp', 150)).waitFor();
    const communes = page.getByRole('table', { name: vi.tiers.commune });
    await communes.getByRole('row', { name: `${vi.counts.missing} 13` }).waitFor();
    await page
      .getByRole('img', { name: /Phân bố mức hạng mục Điều kiện sẵn sàng/ })
      .first()
      .waitFor();
    expect(await fake(page, `return state.names.has('CQDT_KetQua');`)).toBe(true);

    // A problem selects its cell on the sheet.
    const problem = page.locator('button.issue', { hasText: textCell }).first();
    await problem.scrollIntoViewIfNeeded();
    await problem.click();
    await page.waitForFunction(
      () => (window as unknown as { __fakeExcel: { state: { selection: unknown } } }).__fakeExcel.state.selection !== null,
    );
    expect(await fake(page, 'return state.selection;')).toEqual({ sheet: 'Tổng hợp', address: textCell });

    // A filter sets the AutoFilter on one result column.
    await page.getByRole('button', { name: vi.filters.attention }).click();
    await page.getByText(vi.filterApplied(vi.filters.attention)).waitFor();
    const applied = await fake<{ title: unknown; criteria: unknown }[]>(
      page,
      `const f = sheet.autoFilter; return [...f.criteria.entries()].map(([c, criteria]) => ({ title: sheet.value(f.area.top, f.area.left + c), criteria }));`,
    );
    expect(applied).toEqual([{ title: 'Cần chú ý', criteria: { filterOn: 'Custom', criterion1: '<>' } }]);
    expect(await page.getByRole('button', { name: vi.filters.attention }).getAttribute('aria-pressed')).toBe('true');

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(offline).toEqual([]);
    await page.close();
  });

  test('the rubric: import a JSON file, drop it, write the built-in one as a "Tiêu chí" sheet', async () => {
    const page = await open();
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric]')?.textContent?.includes('bac-kan-2018'));
    const rubric = { ...BUILTIN_RUBRIC, id: 'thu-nghiem-2019', name: 'Bộ tiêu chí thử nghiệm' };
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'thu-nghiem.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rubric)) });
    await page.getByText(vi.rubricImported('thu-nghiem.json')).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric]')?.textContent?.includes('thu-nghiem-2019'));
    expect(await page.getByTestId('rubric').innerText()).toContain(vi.rubricSource.file);

    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
    await page.getByText(/Tệp bộ tiêu chí "hong.json" không phải JSON hợp lệ/).waitFor();

    await page.getByRole('button', { name: vi.rubricDrop }).click();
    await page.getByRole('button', { name: vi.writeRubric }).click();
    await page.getByText(vi.rubricWritten('Tiêu chí')).waitFor();
    expect(await fake(page, 'return state.sheets.map((s) => s.name);')).toContain('Tiêu chí');
    // The rubric sheet became active; back on the summary sheet, the pane reads the sheet's rubric.
    await fake(page, `state.activate(sheet); return null;`);
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric]')?.textContent?.includes('"Tiêu chí"'));
    await page.close();
  });

  test('Office 2019 (ExcelApi 1.7): scores, says what it could not do, and explains the filter', async () => {
    const page = await open('?api=1.7');
    await page.getByTestId('score').click();
    await page.getByRole('heading', { name: vi.summaryTitle }).waitFor();
    await page.getByText(vi.gateway.notesUnsupported).waitFor();
    await page.getByRole('button', { name: vi.filters.errors }).click();
    await page.getByText(vi.gateway.filterUnsupported).waitFor();
    expect(await fake(page, 'return sheet.autoFilter;')).toBeNull();
    await page.close();
  });

  test('an empty sheet: a clear message and no Score', async () => {
    const page = await open('?sheet=empty');
    await page.getByText(vi.gateway.emptySheet('Sheet1')).waitFor();
    expect(await page.getByTestId('score').isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('outside Excel: a message saying where to open the add-in', async () => {
    const page = await open('?host=Word');
    await page.getByText(vi.notInExcel).waitFor();
    await page.close();
  });

  test('the ribbon’s notice dialog: the reason in words, a focused Close button that closes it', async () => {
    const page = await context.newPage();
    const message = vi.gateway.emptySheet('Sheet1');
    const query = new URLSearchParams({ title: vi.command.failedTitle, message });
    await page.goto(`file://${path.join(BUILD, 'notice.html')}?${query}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('heading').innerText()).toBe(vi.command.failedTitle);
    expect(await page.getByRole('alert').innerText()).toBe(message);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(vi.command.close);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('window.__parentMessages')).toEqual(['close']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('English when Office runs in English', async () => {
    const page = await open('?lang=en-US');
    await page.getByRole('button', { name: en.score, exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.close();
  });
});
