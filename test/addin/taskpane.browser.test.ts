/**
 * The task pane built by webpack (test build: a local stub instead of office.js, over the fake
 * workbook seeded with the bundled 2018 sample) and driven in Debian's Chromium: score with the
 * keyboard, read the summary, click a problem and see the selection move, filter and see the
 * AutoFilter set, and no serious accessibility violation. Nothing is fetched from the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BUILTIN_RUBRIC } from '../../src/rubric/builtin';
import { en } from '../../src/taskpane/strings/en';
import { vi } from '../../src/taskpane/strings/vi';
import {
  PaneSession,
  ROOT,
  buildTestPane,
  describeInChromium,
  fake,
  seriousViolations,
  startChromium,
} from './browser/paneHarness';
import { seededSample } from './browser/seededSample';

const BUILD = path.join(ROOT, 'test-output', 'addin-browser');
const SCREENSHOT = path.join(ROOT, 'test-output', 'taskpane.png');

describeInChromium('the task pane in Chromium', () => {
  let session: PaneSession;
  const { textCell } = seededSample();

  beforeAll(async () => {
    await buildTestPane(BUILD);
    session = await startChromium(BUILD);
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
  });

  const open = (query = ''): Promise<Page> => session.open(query);

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
    expect(session.pageErrors).toEqual([]);
    expect(session.offline).toEqual([]);
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
    const page = await session.context.newPage();
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
