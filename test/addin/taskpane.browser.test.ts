/**
 * The task pane built by webpack (test build: a local stub instead of office.js, over the fake
 * workbook seeded with the bundled 2018 sample) and driven in Debian's Chromium at Excel's task
 * pane widths, in Vietnamese and in English: after Score the focus is on the result and the first
 * problem is in view at 350 × 900; axe finds nothing in any tab, light or dark; progress says
 * its stage in words; the ribbon's Score refreshes an open pane; decision settings come back from
 * the workbook; Excel's errors are sentences with Excel's words folded behind them; an old
 * webview or an old Excel is told in words. Nothing is fetched from the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import type { Page } from 'playwright-core';
import { BUILTIN_RUBRIC } from '../../src/rubric/builtin';
import { CDS_2025_MAU } from '../../src/rubric/cds2025';
import { RUBRIC_SHEET, rubricToRows } from '../../src/rubric/rubricSheet';
import { buildCds2025Sample } from '../../src/sample/cds2025Sample';
import { shortfalls } from '../../src/report/shortfalls';
import { summaryParagraph } from '../../src/report/summary';
import { DOCUMENT_SETTINGS_KEY } from '../../src/report/storedSettings';
import { unitSteps } from '../../src/scoring/nextStep';
import type { ScoreResult } from '../../src/scoring/types';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { FakeExcel } from './fake/fakeExcel';
import { stateFromGrids } from './fixtures/fromGrids';
import { en } from '../../src/taskpane/strings/en';
import { vi } from '../../src/taskpane/strings/vi';
import {
  PaneSession,
  ROOT,
  axeViolations,
  buildTestPane,
  describeInChromium,
  fake,
  seriousViolations,
  startChromium,
} from './browser/paneHarness';
import { seededSample } from './browser/seededSample';

const BUILD = path.join(ROOT, 'test-output', 'addin-browser');
const SHOTS = path.join(ROOT, 'test-output');
const TABS = ['score', 'problems', 'export', 'appraisal', 'rubric'] as const;

/** The seeded workbook scored in Node: what the pane must show. */
async function expectedResult(): Promise<ScoreResult> {
  const out = await createOfficeGateway(new FakeExcel(seededSample().state).host(), vi.gateway).score();
  if (!out.ok) throw new Error(out.message);
  return out.value.result;
}

describeInChromium('the task pane in Chromium', () => {
  let session: PaneSession;
  const seeded = seededSample();
  const { textCell } = seeded;

  beforeAll(async () => {
    await buildTestPane(BUILD);
    session = await startChromium(BUILD);
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
  });

  const open = (query = '', width = 350): Promise<Page> => session.open(query, { width, height: 900 });
  const scoreEnabled = (page: Page) =>
    page.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement | null)?.disabled);
  const tab = (page: Page, id: (typeof TABS)[number]) => page.locator(`[data-tab=${id}]`).click();

  test('the test build loads no office.js from the CDN; every inline script of every page parses as ES5', () => {
    for (const name of ['taskpane.html', 'commands.html', 'notice.html']) {
      const html = fs.readFileSync(path.join(BUILD, name), 'utf8');
      expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect([name, inline.length]).toEqual([name, 1]);
      for (const source of inline) expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    }
    expect(fs.readFileSync(path.join(BUILD, 'taskpane.html'), 'utf8')).toMatch(/office-stub\.js/);
  });

  describe.each([
    ['vi', vi, ''],
    ['en', en, '?lang=en-US'],
  ] as const)('in %s', (_lang, strings, query) => {
    test.each([320, 350, 450])(
      '%i px: after Score the focus is on the result, the first problem in view; no overflow; axe clean in every tab',
      async (width) => {
        const page = await open(query, width);
        await scoreEnabled(page);
        await page.getByTestId('score').click();
        await page.getByTestId('result').waitFor();
        await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'result');

        const first = page.locator('.first-problems button.issue').first();
        const box = (await first.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(900);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // One Tab from the result reaches the first problem.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.classList.contains('issue'))).toBe(true);

        if (strings === en) {
          // English throughout: the problems are told in English from what each carries.
          expect(await first.innerText()).toMatch(/is not a number/);
          expect(await page.locator('main').innerText()).not.toMatch(/không phải là số/);
        }
        // The weakest criteria of each tier are on the page axe checks.
        expect(await page.getByTestId('weakest-chart').count()).toBe(3);
        for (const id of TABS) {
          await tab(page, id);
          await page.locator(`#panel-${id}`).waitFor();
          expect([id, await axeViolations(page)]).toEqual([id, []]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        }
        if (width === 350) await page.screenshot({ path: path.join(SHOTS, `taskpane-${strings.lang}-350.png`) });
        expect(session.pageErrors).toEqual([]);
        expect(session.offline).toEqual([]);
        await page.close();
      },
    );
  });

  test('score with the keyboard, select a problem, filter the sheet with the message beside the filters', async () => {
    const page = await open();
    await page.waitForFunction(() => document.querySelector('[data-testid=sheet]')?.textContent === 'Tổng hợp');
    await scoreEnabled(page);

    // Keyboard only: Tab to the Score button, press Enter.
    let stops = 0;
    while (stops < 10 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'score'))) {
      await page.keyboard.press('Tab');
      stops++;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('score');
    await page.keyboard.press('Enter');
    await page.getByTestId('result').getByText(vi.scoredAt('Tổng hợp', 150)).waitFor();
    const communes = page.getByRole('table', { name: 'Cấp xã' });
    await communes.getByRole('row', { name: `${vi.counts.missing} 13` }).waitFor();
    await page
      .getByRole('img', { name: /Phân bố mức hạng mục Điều kiện sẵn sàng/ })
      .first()
      .waitFor();
    expect(await fake(page, `return state.names.has('CQDT_KetQua');`)).toBe(true);

    // "See all" leads to the problems; a problem selects its cell on the sheet.
    await page.getByTestId('all-problems').click();
    const problem = page.locator('#panel-problems button.issue', { hasText: textCell }).first();
    await problem.click();
    await page.waitForFunction(
      () => (window as unknown as { __fakeExcel: { state: { selection: unknown } } }).__fakeExcel.state.selection !== null,
    );
    expect(await fake(page, 'return state.selection;')).toEqual({ sheet: 'Tổng hợp', address: textCell });

    // A filter sets the AutoFilter on one result column, and says so right below the filters.
    await page.getByRole('button', { name: vi.filters.attention }).click();
    const filters = page.getByRole('region', { name: vi.filtersTitle });
    await filters.getByText(vi.filterApplied(vi.filters.attention)).waitFor();
    const applied = await fake<{ title: unknown; criteria: unknown }[]>(
      page,
      `const f = sheet.autoFilter; return [...f.criteria.entries()].map(([c, criteria]) => ({ title: sheet.value(f.area.top, f.area.left + c), criteria }));`,
    );
    expect(applied).toEqual([{ title: 'Cần chú ý', criteria: { filterOn: 'Custom', criterion1: '<>' } }]);
    expect(await page.getByRole('button', { name: vi.filters.attention }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  describe.each([
    ['vi', vi, ''],
    ['en', en, '?lang=en-US'],
  ] as const)('the path to the next level, in %s', (_lang, strings, query) => {
    test('a not-ranked unit’s path in words, each change selecting its cell; a unit with errors told to fix them first', async () => {
      const result = await expectedResult();
      const rubric = result.rubric;
      // A provincial department not ranked in both categories, with a path of several changes (worked out in Node).
      const unit = result.units.find((u) => u.name === 'Sở Xây dựng')!;
      expect(unit.categories.map((c) => c.level)).toEqual([null, null]);
      const steps = unitSteps(result, unit)!;
      const results = steps.levels.get('results')!;
      if (results.step.kind !== 'path') throw new Error('expected a path');
      expect(results.step.changes.length).toBeGreaterThan(1);

      const page = await open(query);
      await scoreEnabled(page);
      await page.getByTestId('score').click();
      await page.getByTestId('result').waitFor();
      await tab(page, 'problems');
      const choose = page.getByLabel(strings.path.unit, { exact: true });
      // The not-ranked units come first, in their own group.
      const groups = await choose.locator('optgroup').evaluateAll((g) => g.map((x) => x.getAttribute('label')));
      expect(groups[0]).toBe(strings.path.groups.notRanked);
      await choose.selectOption({ label: unit.name });
      const pane = page.getByTestId('unit-path');
      await pane.getByRole('heading', { name: unit.name }).waitFor();

      const target = pane.locator('.path-target').filter({
        has: page.getByRole('heading', { name: strings.path.now('Kết quả Chính quyền điện tử', strings.notRankedLong) }),
      });
      const words = strings.path.target(rubric, results);
      const changes = target.locator('button.issue');
      expect(await changes.allInnerTexts()).toEqual(
        results.step.changes.map((c) => `${c.cell}\n${strings.path.change(rubric, c)}`),
      );
      if (strings === vi) {
        // The department's words, as the "Lộ trình" sheet and the letters say them.
        expect(await target.locator('.path-frame').allInnerTexts()).toEqual([`→ ${words}`]);
        expect(words).toBe('Mức 4 hạng mục Kết quả Chính quyền điện tử');
        expect(await changes.first().innerText()).toMatch(/^[A-Z]+\d+\nK\d+ - .+: từ \d+ lên \d+$/);
      } else {
        expect(await target.locator('.path-frame').allInnerTexts()).toEqual([`To reach ${words}:`]);
        expect(words).toBe('Level 4 in Kết quả Chính quyền điện tử');
        expect(await changes.first().innerText()).toMatch(/^[A-Z]+\d+\nchange K\d+ \(.+\) from \d+ to \d+$/);
        expect(await pane.innerText()).not.toMatch(/ lên |Mức 4 hạng mục/);
      }

      // A change's cell selected on the sheet.
      const second = results.step.changes[1];
      await changes.nth(1).click();
      await page.waitForFunction(
        (cell) =>
          (window as unknown as { __fakeExcel: { state: { selection: { address: string } | null } } }).__fakeExcel.state.selection
            ?.address === cell,
        second.cell,
      );
      expect(await fake(page, 'return state.selection;')).toEqual({ sheet: 'Tổng hợp', address: second.cell });
      expect([strings.lang, await axeViolations(page)]).toEqual([strings.lang, []]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      if (strings === vi) await page.screenshot({ path: path.join(SHOTS, 'taskpane-path.png') });

      // Sở Tài chính's negative count keeps it from any path until fixed: the cell, told as a problem.
      await choose.selectOption({ label: 'Sở Tài chính' });
      await pane.getByRole('heading', { name: 'Sở Tài chính' }).waitFor();
      expect(await pane.innerText()).toContain(strings.path.fixErrors);
      const fix = pane.locator('button.issue');
      expect(await fix.count()).toBe(1);
      await fix.click();
      await page.waitForFunction(
        (cell) =>
          (window as unknown as { __fakeExcel: { state: { selection: { address: string } | null } } }).__fakeExcel.state.selection
            ?.address === cell,
        seeded.negativeCell,
      );
      await page.close();
    });
  });

  test('each tier’s weakest criteria under its levels: the five weakest, average share and units under the minimum', async () => {
    const result = await expectedResult();
    const tiers = shortfalls(result);
    const page = await open();
    await scoreEnabled(page);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    const charts = page.getByTestId('weakest-chart');
    expect(await charts.count()).toBe(tiers.length);
    for (const [i, t] of tiers.entries()) {
      const chart = charts.nth(i);
      expect(await chart.locator('figcaption').innerText()).toBe(vi.weakest.title(5));
      const rows = t.criteria.slice(0, 5);
      expect(await chart.locator('li .weakest-name').allInnerTexts()).toEqual(rows.map((c) => `${c.code} – ${c.name}`));
      expect(await chart.locator('li .weakest-figures').allInnerTexts()).toEqual(
        rows.map((c) => `bình quân đạt ${c.averagePercent}% · ${c.under}/${c.counted} đơn vị dưới mức tối thiểu`),
      );
      // The bar is as long as the average share of the track.
      const widths = await chart
        .locator('.weakest-track')
        .evaluateAll((els) => els.map((e) => (e.firstElementChild as HTMLElement).offsetWidth / (e as HTMLElement).offsetWidth));
      widths.forEach((w, k) => expect(Math.abs(w - rows[k].averagePercent / 100)).toBeLessThan(0.02));
    }
    // The communes: the two criteria no commune scores on, as the 2019 notice says.
    const communes = tiers.find((t) => t.tier === 'commune')!;
    expect(communes.criteria.slice(0, 2).map((c) => [c.averagePercent, c.under, c.counted])).toEqual([
      [0, 109, 109],
      [0, 109, 109],
    ]);
    await page.close();
  });

  test('progress says its stage in words, with the bar', async () => {
    const page = await open('?hold=1');
    // The pane's first look and its listeners go through; then nothing is waiting.
    await page.waitForFunction(() => {
      const w = window as unknown as { __releaseSync: () => void; __heldSyncs: () => string[] };
      w.__releaseSync();
      return (
        w.__heldSyncs().length === 0 && !(document.querySelector('[data-testid=score]') as HTMLButtonElement | null)?.disabled
      );
    });
    await page.getByTestId('score').click();
    const text = page.getByTestId('progress-text');
    await text.getByText(vi.progress({ stage: 'reading', done: 0, total: 1 }, 'Tổng hợp')).waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-label')).toBe(await text.innerText());
    // Excel answers the reads, one at a time, and is held at the first write.
    const writing = 'Đang ghi kết quả vào trang "Tổng hợp"…';
    await page.waitForFunction((words) => {
      const w = window as unknown as { __releaseSync: () => void; __heldSyncs: () => string[] };
      if (document.querySelector('[data-testid=progress-text]')?.textContent === words) return true;
      if (w.__heldSyncs()[0] === 'read') w.__releaseSync();
      return false;
    }, writing);
    await page.waitForFunction(() => {
      (window as unknown as { __releaseSync: () => void }).__releaseSync();
      return document.querySelector('[data-testid=result]') !== null;
    });
    expect(await text.count()).toBe(0);
    await page.close();
  });

  test('the ribbon’s Score refreshes the open pane', async () => {
    const page = await open();
    await scoreEnabled(page);
    expect(await page.getByTestId('result').count()).toBe(0);
    expect(await page.evaluate('window.__ribbonScore()')).toBe(true);
    await page.getByTestId('result').getByText(vi.scoredAt('Tổng hợp', 150)).waitFor();
    await page.getByText(vi.refreshedFromRibbon('Tổng hợp')).waitFor();

    // Fixed on the sheet, scored again from the ribbon: one problem fewer in the pane.
    const before = await page.locator('[data-tab=problems]').innerText();
    await fake(
      page,
      `const m = /^([A-Z]+)(\\d+)$/.exec(${JSON.stringify(textCell)});
      sheet.setValue(Number(m[2]) - 1, m[1].charCodeAt(0) - 65, 200); return null;`,
    );
    expect(await page.evaluate('window.__ribbonScore()')).toBe(true);
    await page.waitForFunction((was) => document.querySelector('[data-tab=problems]')?.textContent !== was, before);
    expect(await page.locator('.first-problems').innerText()).not.toContain(textCell);
    await page.close();
  });

  test('the ribbon’s Score after a rubric imported in the pane: the pane shows what the ribbon wrote, with the workbook’s rubric, and scores with it too', async () => {
    const builtin = summaryParagraph(await expectedResult());
    const page = await open();
    await tab(page, 'rubric');
    // A rubric file that scores the LAN two points lower: other totals than the workbook's rubric.
    const lan = { province: { max: 2 }, district: { max: 2 }, commune: { max: 2 } };
    const rubric = {
      ...BUILTIN_RUBRIC,
      id: 'thu-nghiem-2019',
      categories: BUILTIN_RUBRIC.categories.map((c) =>
        c.id === 'readiness' ? { ...c, max: { province: 46, district: 38, commune: 38 } } : c,
      ),
      criteria: BUILTIN_RUBRIC.criteria.map((c) => (c.code === 'R3' ? { ...c, tiers: lan } : c)),
    };
    await page.getByTestId('rubric-file').setInputFiles({
      name: 'thu-nghiem.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(rubric)),
    });
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=rubric-short]')?.textContent?.includes('thu-nghiem-2019'),
    );
    await tab(page, 'score');
    await scoreEnabled(page);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    const summary = page.getByTestId('summary-paragraph');
    expect(await summary.textContent()).not.toBe(builtin);

    // The ribbon knows only the workbook's rubric: the pane shows its result and says the import is left.
    // (Changes within a moment of the pane's own Score are taken as its own.)
    await page.waitForTimeout(3500);
    expect(await page.evaluate('window.__ribbonScore()')).toBe(true);
    await page.getByText(vi.refreshedFromRibbon('Tổng hợp')).waitFor();
    await page.getByText(vi.importLeftForRibbon('thu-nghiem.json')).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric-short]')?.textContent?.includes('bac-kan-2018'));
    expect(await summary.textContent()).toBe(builtin);
    // The pane's next Score writes what the ribbon wrote.
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=score]')?.getAttribute('disabled') === null);
    expect(await summary.textContent()).toBe(builtin);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });

  test('a value far below the table: told under the result and in Cần xử lý in the command line’s words, its cell selected', async () => {
    const page = await open();
    const cell = await fake<string>(
      page,
      `const r = sheet.usedArea().bottom + 110; sheet.setValue(r, 3, 5); return 'D' + (r + 1);`,
    );
    await scoreEnabled(page);
    await page.getByTestId('score').click();
    const said = page.getByTestId('result').getByTestId('sheet-issues');
    const sentence = `Ô ${cell} có số liệu nằm cách bảng hơn 100 dòng trống nên không được tính`;
    await said.getByText(sentence, { exact: false }).waitFor();
    await said.getByRole('button').click();
    await page.waitForFunction(
      (at) =>
        (window as unknown as { __fakeExcel: { state: { selection: { address: string } | null } } }).__fakeExcel.state.selection
          ?.address === at,
      cell,
    );
    await tab(page, 'problems');
    await page.locator('#panel-problems').getByTestId('sheet-issues').getByText(sentence, { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('decision settings saved in the workbook come back when the pane opens, and what is typed is saved', async () => {
    const saved = { province: 'Thái Nguyên', decisionNumber: '12', reviewer: 'Nguyễn Thị Hoa' };
    const page = await open(`?settings=${encodeURIComponent(JSON.stringify(saved))}`);
    await scoreEnabled(page);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    await tab(page, 'export');
    expect(await page.locator('[data-setting=province]').inputValue()).toBe('Thái Nguyên');
    expect(await page.locator('[data-setting=decisionNumber]').inputValue()).toBe('12');
    await tab(page, 'appraisal');
    expect(await page.locator('input[data-field=reviewer]').inputValue()).toBe('Nguyễn Thị Hoa');
    // Read, not written back: the file is as it was until something is typed.
    await page.waitForTimeout(1500);
    const storedNow = () => fake<unknown>(page, `return state.settings.get(${JSON.stringify(DOCUMENT_SETTINGS_KEY)});`);
    expect(await storedNow()).toEqual(saved);
    await tab(page, 'export');
    await page.locator('[data-setting=committee]').fill('Ủy ban nhân dân');
    await page.getByTestId('settings-saved').getByText(vi.settingsSaved).waitFor();
    const stored = await fake<Record<string, string>>(
      page,
      `return state.settings.get(${JSON.stringify(DOCUMENT_SETTINGS_KEY)});`,
    );
    expect(stored).toEqual({ ...saved, year: '', department: '', committee: 'Ủy ban nhân dân' });
    await page.close();
  });

  test('Score reads the workbook once: what the pane shows afterwards needs no second read', async () => {
    const page = await open();
    await scoreEnabled(page);
    await fake(page, 'excel.syncs.length = 0; return null;');
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    // The same Score in Node, on the same workbook: its round trips are all the pane may make.
    const node = await createOfficeGateway(new FakeExcel(seededSample().state).host(), vi.gateway).score();
    if (!node.ok) throw new Error(node.message);
    const expected = node.value.roundTrips.reads + node.value.roundTrips.writes;
    await page.waitForTimeout(500);
    expect(await fake<number>(page, 'return excel.syncs.length;')).toBe(expected);
    // The Score tab still names the sheet and the rubric it scored with.
    expect(await page.getByTestId('rubric-short').innerText()).toContain('bac-kan-2018');
    await page.close();
  });

  test('Excel stopping part-way: what the sheet holds now and why Excel stopped, Excel’s words folded behind it', async () => {
    const page = await open();
    await scoreEnabled(page);
    // The read succeeds; the write stops part-way.
    await fake(page, `excel.failAtOperation = 40; return null;`);
    await page.getByTestId('score').click();
    const messages = page.locator('[data-messages=score]');
    await messages.getByText(vi.interruptedTitle).waitFor();
    expect(await messages.innerText()).toMatch(/Số liệu cán bộ đã nhập không bị thay đổi/);
    // Then why Excel stopped, as the ribbon's notice says it.
    expect(await messages.innerText()).toContain(vi.gateway.officeError.busy);
    const details = messages.locator('details.technical');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.innerText()).toMatch(/GeneralException/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('a rubric of this year’s kind (two tiers, grades, no levels): its tiers and grades drawn from the data', async () => {
    const page = await open('?sample=cds2025');
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric-short]')?.textContent?.includes('cds-2025-mau'));
    await scoreEnabled(page);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    const tiers = await page.locator('.tier h3').allInnerTexts();
    expect(tiers.slice(0, 2)).toEqual(CDS_2025_MAU.tiers.map((t) => t.name));
    await page
      .getByRole('img', { name: new RegExp(`^${vi.gradeChartLabel('')}`) })
      .first()
      .waitFor();
    const chart = (await page.getByRole('img').first().getAttribute('aria-label'))!;
    for (const grade of CDS_2025_MAU.grades!) expect(chart).toContain(`${grade.name}:`);
    expect(await page.getByRole('img', { name: /Phân bố mức/ }).count()).toBe(0);
    expect(await page.locator('table.counts').first().innerText()).not.toMatch(/Không xếp hạng/);
    // Without levels, "weak" is under half the maximum.
    expect(await page.getByTestId('weakest-chart').first().innerText()).toMatch(/đơn vị dưới một nửa điểm tối đa/);
    // The path is to the next grade: a unit below the top grade, found in Node on the same workbook.
    const sample = buildCds2025Sample();
    const state = stateFromGrids([...sample.sheets, { name: RUBRIC_SHEET, rows: rubricToRows(CDS_2025_MAU), merges: [] }]);
    const scored = await createOfficeGateway(new FakeExcel(state).host(), vi.gateway).score();
    if (!scored.ok) throw new Error(scored.message);
    const unit = scored.value.result.units.find(
      (u) => u.status === 'scored' && unitSteps(scored.value.result, u)?.grade?.step.kind === 'path',
    )!;
    const grade = unitSteps(scored.value.result, unit)!.grade!;
    await tab(page, 'problems');
    await page.getByLabel(vi.path.unit, { exact: true }).selectOption({ label: unit.name });
    const target = page.getByTestId('unit-path').locator('.path-target');
    await target.getByRole('heading', { name: vi.path.now(vi.path.gradeWhat, unit.grade!) }).waitFor();
    expect(await target.locator('.path-frame').innerText()).toBe(`→ xếp loại ${grade.grade}`);
    for (const id of TABS) {
      await tab(page, id);
      expect([id, await axeViolations(page)]).toEqual([id, []]);
    }
    await page.close();
  });

  test('dark Office theme: a dark pane, axe clean in every tab', async () => {
    const page = await open('?theme=dark');
    await scoreEnabled(page);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.provider')!).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    expect(await page.getByTestId('weakest-chart').count()).toBe(3);
    // A unit's path shown too, before axe looks at every tab.
    await tab(page, 'problems');
    await page.getByLabel(vi.path.unit, { exact: true }).selectOption({ label: 'Sở Xây dựng' });
    await page.getByTestId('unit-path').locator('button.issue').first().waitFor();
    for (const id of TABS) {
      await tab(page, id);
      expect([id, await axeViolations(page)]).toEqual([id, []]);
    }
    await tab(page, 'score');
    await page.screenshot({ path: path.join(SHOTS, 'taskpane-dark.png') });
    await page.close();
  });

  test('the rubric: import a file, drop it, write a chosen built-in one as a "Tiêu chí" sheet', async () => {
    const page = await open();
    await tab(page, 'rubric');
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric]')?.textContent?.includes('bac-kan-2018'));
    const rubric = { ...BUILTIN_RUBRIC, id: 'thu-nghiem-2019', name: 'Bộ tiêu chí thử nghiệm' };
    const input = page.getByTestId('rubric-file');
    await input.setInputFiles({
      name: 'thu-nghiem.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(rubric)),
    });
    await page.getByText(vi.rubricImported('thu-nghiem.json')).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric]')?.textContent?.includes('thu-nghiem-2019'));
    expect(await page.getByTestId('rubric').innerText()).toContain(vi.rubricSource.file);

    await input.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
    const said = page.locator('[data-messages=rubric]');
    await said.getByText(vi.rubricImportFailed('hong.json')).waitFor();
    await said.locator('details.technical summary').click();
    await said.getByText(/Tệp bộ tiêu chí "hong.json" không phải JSON hợp lệ/).waitFor();

    await page.getByRole('button', { name: vi.rubricDrop }).click();
    // The built-in in use is offered first; this year's example is one choice away.
    const choice = page.getByLabel(vi.builtinRubricLabel);
    expect(await choice.inputValue()).toBe(BUILTIN_RUBRIC.id);
    await choice.selectOption(CDS_2025_MAU.id);
    await page.getByRole('button', { name: vi.writeRubric }).click();
    await page.getByText(vi.rubricWritten('Tiêu chí')).waitFor();
    expect(await fake(page, 'return state.sheets.map((s) => s.name);')).toContain('Tiêu chí');
    const written = await fake<unknown[][]>(
      page,
      `const t = state.sheets.find((s) => s.name === 'Tiêu chí'); return [0, 1, 2].map((r) => [0, 1].map((c) => t.cell(r, c)?.value ?? null));`,
    );
    expect(written).toEqual(
      rubricToRows(CDS_2025_MAU)
        .slice(0, 3)
        .map((r) => [r[0] ?? null, r[1] ?? null]),
    );
    // The rubric sheet became active; back on the summary sheet, the pane reads the sheet's rubric.
    await fake(page, `state.activate(sheet); return null;`);
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric]')?.textContent?.includes('"Tiêu chí"'));
    expect(await page.getByTestId('rubric').innerText()).toContain(CDS_2025_MAU.id);
    await page.close();
  });

  test('in English, the engine’s reasons lead with an English sentence, the Vietnamese one folded behind it', async () => {
    const page = await open('?lang=en-US');
    await tab(page, 'rubric');
    await page
      .getByTestId('rubric-file')
      .setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
    const messages = page.locator('[data-messages=rubric]');
    await messages.getByText(en.rubricImportFailed('hong.json')).waitFor();
    await messages.locator('details.technical summary').click();
    expect(await messages.locator('details.technical').innerText()).toMatch(/không phải JSON hợp lệ/);
    await page.close();
  });

  test('an empty sheet: a clear message and no Score', async () => {
    const page = await open('?sheet=empty');
    await page.getByText(vi.gateway.emptySheet('Sheet1')).waitFor();
    expect(await page.getByTestId('score').isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('outside Excel, and in an Excel too old for the add-in: a message saying where to open it', async () => {
    const word = await open('?host=Word');
    await word.getByText(vi.notInExcel).waitFor();
    await word.close();
    const old = await open('?api=1.12');
    await old.getByText(vi.unsupportedOffice).waitFor();
    expect(await old.getByTestId('score').count()).toBe(0);
    await old.close();
  });

  test('a webview without what the add-in needs (Internet Explorer, the old Edge): the boot script says so, in both languages', async () => {
    const page = await session.context.newPage();
    await page.addInitScript('delete window.BigInt;');
    await page.goto(`file://${path.join(BUILD, 'taskpane.html')}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Microsoft 365, Office 2021 trở lên, Excel trên web hoặc Excel cho Mac/);
    expect(await alert.innerText()).toMatch(/Office 2021 or later/);
    expect(await page.getByTestId('score').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('the ribbon’s notice dialog: the reason in words, a focused Close button that closes it', async () => {
    const page = await session.context.newPage();
    const message = vi.gateway.emptySheet('Sheet1');
    const query = new URLSearchParams({ title: vi.command.failedTitle, message, close: vi.command.close });
    await page.goto(`file://${path.join(BUILD, 'notice.html')}?${query}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('heading').innerText()).toBe(vi.command.failedTitle);
    expect(await page.getByRole('alert').innerText()).toBe(message);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(vi.command.close);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('window.__parentMessages')).toEqual(['close']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
