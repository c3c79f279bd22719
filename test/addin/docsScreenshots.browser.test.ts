/**
 * The pictures of the user guide (docs/huong-dan-su-dung.md), taken by the Chromium harness on
 * the test build over the seeded 2018 sample, at 350 × 900 like Excel's task pane. Every run
 * takes them into test-output/docs-hinh/; `UPDATE_DOCS_SCREENSHOTS=1 npx jest
 * test/addin/docsScreenshots.browser.test.ts` also copies them into docs/hinh/. The guide may
 * show only pictures this harness takes, and each must be in the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { vi } from '../../src/taskpane/strings/vi';
import { PaneSession, ROOT, buildTestPane, describeInChromium, fake, startChromium } from './browser/paneHarness';
import { seededSample } from './browser/seededSample';

const BUILD = path.join(ROOT, 'test-output', 'addin-docs');
const OUT = path.join(ROOT, 'test-output', 'docs-hinh');
const DOCS = path.join(ROOT, 'docs', 'hinh');
const GUIDE = path.join(ROOT, 'docs', 'huong-dan-su-dung.md');
const VIEW = { width: 350, height: 900 };

/** The pictures the guide shows, by file name. */
const taken = new Set<string>();

describeInChromium('the user guide’s pictures', () => {
  let session: PaneSession;
  const seeded = seededSample();

  beforeAll(async () => {
    await buildTestPane(BUILD);
    session = await startChromium(BUILD);
    fs.mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
  });

  async function shot(page: Page, name: string, clipHeight?: number): Promise<void> {
    // The caret and the progress of fonts loading must not change a picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
    await page.screenshot({
      path: path.join(OUT, name),
      clip: { x: 0, y: 0, width: VIEW.width, height: clipHeight ?? VIEW.height },
    });
    taken.add(name);
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      fs.mkdirSync(DOCS, { recursive: true });
      fs.copyFileSync(path.join(OUT, name), path.join(DOCS, name));
    }
  }

  /** A picture of one part of the pane, at the pane's width. */
  async function shotOf(page: Page, part: Locator, name: string): Promise<void> {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
    const box = (await part.boundingBox())!;
    await page.screenshot({
      path: path.join(OUT, name),
      clip: { x: 0, y: Math.max(0, box.y - 8), width: VIEW.width, height: Math.ceil(box.height) + 16 },
    });
    taken.add(name);
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      fs.mkdirSync(DOCS, { recursive: true });
      fs.copyFileSync(path.join(OUT, name), path.join(DOCS, name));
    }
  }

  async function scored(query = ''): Promise<Page> {
    const page = await session.open(query, VIEW);
    await page.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement | null)?.disabled);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    return page;
  }

  test('the pane before and after Score, what needs fixing, export, appraisal, rubric', async () => {
    const before = await session.open('', VIEW);
    await before.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement | null)?.disabled);
    await shot(before, 'ngan-truoc-khi-cham.png', 360);
    await before.close();

    const page = await scored();
    await shot(page, 'sau-khi-cham.png');

    // Each tier's weakest criteria, under its level charts.
    const weakest = page.getByTestId('weakest-chart').last();
    await weakest.scrollIntoViewIfNeeded();
    await shotOf(page, weakest, 'tieu-chi-con-yeu.png');

    await page.locator('[data-tab=problems]').click();
    await page.getByRole('button', { name: vi.filters.attention }).click();
    await page.getByText(vi.filterApplied(vi.filters.attention)).waitFor();
    await page.getByLabel(vi.path.unit, { exact: true }).selectOption({ label: 'Sở Xây dựng' });
    await page.getByTestId('unit-path').locator('button.issue').first().waitFor();
    await shot(page, 'can-xu-ly.png');

    await page.locator('[data-tab=export]').click();
    await page.locator('[data-setting=decisionNumber]').fill('290');
    await page.getByTestId('write-own-sheets').click();
    await page.getByText(vi.sheetsWritten(['Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu'])).waitFor();
    await shot(page, 'xuat-ket-qua.png');

    await page.locator('[data-tab=appraisal]').click();
    await fake(
      page,
      `state.activate(sheet); state.selection = { sheet: 'Tổng hợp', address: '${seeded.negativeCell}' }; return null;`,
    );
    await page.getByTestId('use-selection').click();
    await page.getByTestId('appraisal-cell').getByText('Sở Tài chính').waitFor();
    await page.locator('input[data-field=verified]').fill(String(seeded.negativeWas));
    await page.locator('textarea[data-field=reason]').fill('Đối chiếu báo cáo giấy của Sở');
    await page.locator('input[data-field=reviewer]').fill('Nguyễn Thị Hoa');
    await page.locator('input[data-field=date]').fill('20/02/2019');
    await shot(page, 'tham-dinh.png');

    await page.locator('[data-tab=rubric]').click();
    await shot(page, 'tieu-chi.png', 420);
    await page.close();
  });

  test('Excel stopping part-way, the dark theme, an Office too old', async () => {
    const page = await session.open('', VIEW);
    await page.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement | null)?.disabled);
    await fake(page, `excel.failAtOperation = 40; return null;`);
    await page.getByTestId('score').click();
    const messages = page.locator('[data-messages=score]');
    await messages.getByText(vi.interruptedTitle).waitFor();
    await messages.locator('details.technical summary').click();
    await shot(page, 'excel-dung-giua-chung.png', 560);
    await page.close();

    const dark = await scored('?theme=dark');
    await shot(dark, 'giao-dien-toi.png');
    await dark.close();

    const old = await session.context.newPage();
    await old.setViewportSize(VIEW);
    await old.addInitScript('delete window.BigInt;');
    await old.goto(`file://${path.join(BUILD, 'taskpane.html')}`);
    await old.getByRole('alert').waitFor();
    await shot(old, 'office-cu.png', 360);
    await old.close();
  });

  test('the guide shows exactly these pictures, and each is in the repository', () => {
    const guide = fs.readFileSync(GUIDE, 'utf8');
    const shown = new Set([...guide.matchAll(/\]\(hinh\/([\w-]+\.png)\)/g)].map((m) => m[1]));
    expect([...shown].sort()).toEqual([...taken].sort());
    for (const name of shown) expect([name, fs.existsSync(path.join(DOCS, name))]).toEqual([name, true]);
  });
});
