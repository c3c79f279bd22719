/**
 * The task pane's export, appraisal and last-year sections in Chromium, over the same seeded
 * sample as taskpane.browser.test.ts: the add-in's own sheets written into the fake workbook, the
 * decision draft, the result letters, CSV and JSON caught as downloads and opened, a verified value recorded and
 * scored again, last year's RESULT.json and scored workbook compared — the figures checked
 * against the engine run in Node on the same workbook, and no serious accessibility violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { resultJson } from '../../src/report/resultJson';
import { stepLines, targetWords } from '../../src/report/stepWords';
import { summaryParagraph } from '../../src/report/summary';
import { unitSteps } from '../../src/scoring/nextStep';
import { compareYears, previousFromJson } from '../../src/scoring/compareYears';
import type { ScoreResult } from '../../src/scoring/types';
import { en } from '../../src/taskpane/strings/en';
import { vi } from '../../src/taskpane/strings/vi';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
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
import { FakeExcel } from './fake/fakeExcel';

const BUILD = path.join(ROOT, 'test-output', 'addin-browser-export');
const SCREENSHOTS = path.join(ROOT, 'test-output');
const OWN = ['Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu'];

/** The seeded workbook scored in Node: what the pane must show. */
async function expectedResult(): Promise<ScoreResult> {
  const { state } = seededSample();
  const out = await createOfficeGateway(new FakeExcel(state).host(), vi.gateway).score();
  if (!out.ok) throw new Error(out.message);
  return out.value.result;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

async function downloadFrom(page: Page, testId: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download;
}

/** The text of a .docx body, paragraphs as lines. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describeInChromium('export, appraisal and last year in the task pane', () => {
  let session: PaneSession;
  let expected: ScoreResult;
  const seeded = seededSample();

  beforeAll(async () => {
    [expected] = await Promise.all([expectedResult(), buildTestPane(BUILD)]);
    session = await startChromium(BUILD);
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
  });

  /** The pane scored, on the given tab. */
  async function scoredPane(tab: 'export' | 'appraisal' = 'export', query = ''): Promise<Page> {
    const page = await session.open(query);
    await page.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement).disabled);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    await page.locator(`[data-tab=${tab}]`).click();
    return page;
  }

  test('export: the own sheets, decision draft and result letters (.docx, loaded on demand), CSV and JSON, the summary with its figures', async () => {
    const page = await scoredPane();
    const summary = summaryParagraph(expected);
    expect(summary).toContain('84,95'); // the best provincial total once Sở Tài chính's error keeps it out
    expect(await page.getByTestId('summary-paragraph').innerText()).toBe(summary);
    // The Word writer is a part of its own, fetched only when asked for.
    const fetched = (part: string) => session.loaded.some((url) => new RegExp(`/${part}\\.[0-9a-f]+\\.js$`).test(url));
    expect([fetched('docx'), fetched('decision-draft'), fetched('unit-letters')]).toEqual([false, false, false]);

    await page.getByTestId('write-own-sheets').click();
    await page.getByText(vi.sheetsWritten(OWN)).waitFor();
    const written = await fake<{ names: string[]; title: unknown; ranking: string; roadmap: string; filter: unknown }>(
      page,
      `const s = state.sheet('Xếp hạng'); const r = state.sheet('Lộ trình');
       return { names: state.sheets.map((x) => x.name), title: s.value(0, 0), ranking: state.names.get('CQDT_XepHang'),
                roadmap: state.names.get('CQDT_LoTrinh'), filter: r.autoFilter && r.autoFilter.area };`,
    );
    expect(written.names).toEqual(['Tổng hợp', 'Danh mục đơn vị', ...OWN]);
    expect(written.title).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ CÁC CẤP NĂM 2018');
    expect(written.ranking).toMatch(/^='Xếp hạng'!\$A\$1:\$[A-Z]+\$\d+$/);
    expect(written.roadmap).toMatch(/^='Lộ trình'!\$A\$1:\$J\$\d+$/);
    expect(written.filter).toMatchObject({ left: 0, right: 9 });

    // Settings: the year found in the sheet's title, a decision number typed for the draft.
    expect(await page.locator('[data-setting=year]').getAttribute('placeholder')).toBe('2018');
    await page.locator('[data-setting=decisionNumber]').fill('290');

    const docx = await downloadFrom(page, 'download-docx');
    expect(docx.suggestedFilename()).toBe('du-thao-quyet-dinh-2018.docx');
    const text = await docxText(await bytesOf(docx));
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Công bố kết quả đánh giá, xếp loại mức độ xây dựng Chính quyền điện tử các cấp năm 2018');
    expect(text).toContain('Số: 290/QĐ-UBND');
    expect(text).toContain(summary);
    await page.getByText(vi.downloaded('du-thao-quyet-dinh-2018.docx')).waitFor();
    expect([fetched('docx'), fetched('decision-draft'), fetched('unit-letters')]).toEqual([true, true, false]);

    // The result letters: one section per unit, with its path to the next level in the department's words.
    const letters = await downloadFrom(page, 'download-letters');
    expect(letters.suggestedFilename()).toBe('thu-ket-qua-2018.docx');
    const lettersText = await docxText(await bytesOf(letters));
    const builder = expected.units.find((u) => u.name === 'Sở Xây dựng')!;
    const steps = unitSteps(expected, builder)!;
    const results = steps.levels.get('results')!;
    expect(results.step.kind).toBe('path');
    const target = targetWords(expected.rubric, results);
    expect(lettersText).toContain(`Để lên ${target}:`);
    for (const line of stepLines(expected.rubric, results.step, target).filter((l) => !l.startsWith('→')))
      expect(lettersText).toContain(`- ${line}`);
    expect(lettersText.match(/THÔNG BÁO KẾT QUẢ ĐÁNH GIÁ/g)?.length).toBe(expected.units.filter((u) => u.tier !== null).length);
    await page.getByText(vi.downloaded('thu-ket-qua-2018.docx')).waitFor();
    expect(fetched('unit-letters')).toBe(true);

    const csv = await bytesOf(await downloadFrom(page, 'download-csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Cấp,Phần,STT,Tên đơn vị,Thuộc huyện,Điểm ĐKSS,Mức ĐKSS,Điểm Kết quả,Mức Kết quả,Tổng điểm,Tỷ lệ (%),Thứ hạng',
    );
    expect(lines).toHaveLength(expected.units.length + 2); // header, a line per unit, the final CRLF

    // The data for other software sits under "Tệp khác".
    await page.locator('details.more summary').click();
    const json = JSON.parse((await bytesOf(await downloadFrom(page, 'download-json'))).toString('utf8'));
    expect(json).toMatchObject({ year: 2018, sheet: 'Tổng hợp' });
    expect(json.tiers.map((t: { tier: string }) => t.tier)).toEqual(['province', 'district', 'commune']);

    // A year that is not one: every export button says no until it is fixed.
    await page.locator('[data-setting=year]').fill('18');
    await page.getByText(vi.settings.yearInvalid).waitFor();
    expect(await page.getByTestId('download-docx').getAttribute('aria-disabled')).toBe('true');
    await page.locator('[data-setting=year]').fill('');

    // Copying the summary: the Clipboard API, or its fallback — either way the pane says what happened.
    await page.getByRole('button', { name: vi.copy }).click();
    await page.waitForFunction(
      (said) => said.some((text) => document.querySelector('[data-messages=export]')?.textContent?.includes(text)),
      [vi.copied, vi.copyFailed],
    );

    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('region', { name: vi.exportTitle }).screenshot({ path: path.join(SCREENSHOTS, 'taskpane-export.png') });
    expect(session.pageErrors).toEqual([]);
    expect(session.offline).toEqual([]);
    await page.close();
  });

  test('the decision draft of a workbook scored with its own rubric: that rubric’s province, department and recipients', async () => {
    const page = await session.open('?sample=cds2025');
    await page.waitForFunction(() => document.querySelector('[data-testid=rubric-short]')?.textContent?.includes('cds-2025-mau'));
    await page.waitForFunction(() => !(document.querySelector('[data-testid=score]') as HTMLButtonElement).disabled);
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    await page.locator('[data-tab=export]').click();
    // Blank fields show what they stand for: the rubric's words, not the 2018 rubric's.
    const placeholder = (key: string) => page.locator(`[data-setting=${key}]`).getAttribute('placeholder');
    expect(await placeholder('province')).toBe('Thái Nguyên');
    expect(await placeholder('department')).toBe('Sở Khoa học và Công nghệ');
    expect(await page.locator('[data-setting=province]').inputValue()).toBe('');

    const text = await docxText(await bytesOf(await downloadFrom(page, 'download-docx')));
    expect(text).toContain('TỈNH THÁI NGUYÊN');
    expect(text).toContain('Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ');
    expect(text).toContain('Bộ Khoa học và Công nghệ (b/c);');
    expect(text).not.toMatch(/tỉnh Bắc Kạn|Thông tin và Truyền thông/i);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });

  test('in English when Office runs in English', async () => {
    const page = await scoredPane('export', '?lang=en-US');
    for (const title of [en.exportTitle, en.previousTitle]) await page.getByRole('heading', { name: title }).waitFor();
    await page.getByRole('button', { name: en.writeOwnSheets }).click();
    await page.getByText(en.sheetsWritten(OWN)).waitFor();
    await page.locator('[data-tab=appraisal]').click();
    await page.getByRole('heading', { name: en.appraisalTitle }).waitFor();
    expect(await page.getByTestId('appraisal-why').innerText()).toBe(en.why.cell);
    // A verified value that is not a number: told in English from what the problem carries.
    // Back on the summary sheet (writing the sheets showed the ranking), Sở Tài chính's negative count selected.
    await fake(
      page,
      `state.activate(sheet); state.selection = { sheet: 'Tổng hợp', address: '${seeded.negativeCell}' }; return null;`,
    );
    await page.getByTestId('use-selection').click();
    await page.getByTestId('appraisal-cell').getByText('Sở Tài chính').waitFor();
    await page.locator('input[data-field=verified]').fill('12.5');
    expect(await page.getByTestId('appraisal-why').innerText()).toMatch(/“12\.5” is not a number/);
    await page.close();
  });

  test('appraisal: the selected cell, a verified value and a required reason; the row recorded and the unit scored again', async () => {
    const page = await scoredPane('appraisal');
    const submit = page.getByTestId('submit-appraisal');
    const why = page.getByTestId('appraisal-why');
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    expect(await why.innerText()).toBe(vi.why.cell);

    // A cell that is not an input: said so.
    await fake(page, `state.selection = { sheet: 'Tổng hợp', address: 'A1' }; return null;`);
    await page.getByTestId('use-selection').click();
    await page.getByText(vi.notInputCell('A1', 'Tổng hợp', 'Tổng hợp')).waitFor();

    // Sở Tài chính's negative count.
    await fake(page, `state.selection = { sheet: 'Tổng hợp', address: '${seeded.negativeCell}' }; return null;`);
    await page.getByTestId('use-selection').click();
    const facts = page.getByTestId('appraisal-cell');
    await facts.getByText('Sở Tài chính').waitFor();
    expect(await facts.innerText()).toContain('-2');
    expect(await why.innerText()).toBe(vi.why.verified);

    await page.locator('input[data-field=verified]').fill('12.5');
    expect(await why.innerText()).toMatch(/không phải là số/);
    await page.locator('input[data-field=verified]').fill(String(seeded.negativeWas));
    expect(await why.innerText()).toBe(vi.why.reason);
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    await page.locator('textarea[data-field=reason]').fill('Đối chiếu báo cáo giấy của Sở');
    await page.locator('input[data-field=reviewer]').fill('Nguyễn Thị Hoa');
    // Dates are day/month/year, whatever the browser's language.
    await page.locator('input[data-field=date]').fill('2019-02-20');
    expect(await why.innerText()).toBe(vi.why.date);
    await page.locator('input[data-field=date]').fill('20/02/2019');
    expect(await why.innerText()).toBe('');

    await submit.click();
    await page.getByText(/Tổng điểm của Sở Tài chính sau thẩm định: 96,05/).waitFor();
    const written = await fake<{ header: unknown[]; row: unknown[] }>(
      page,
      `const t = state.sheet('Thẩm định');
       const row = (r) => [0, 1, 2, 3, 4, 5, 6, 7].map((c) => t.value(r, c));
       return { header: row(0), row: row(1) };`,
    );
    expect(written.header).toEqual([
      'Tên đơn vị',
      'Thuộc huyện',
      'Mã chỉ số',
      'Số liệu báo cáo',
      'Số liệu thẩm định',
      'Lý do',
      'Người thẩm định',
      'Ngày',
    ]);
    expect(written.row.slice(0, 7)).toEqual([
      'Sở Tài chính',
      null,
      expect.any(String),
      -2,
      seeded.negativeWas,
      'Đối chiếu báo cáo giấy của Sở',
      'Nguyễn Thị Hoa',
    ]);
    // The unit's own cell is as it was typed.
    const cellValue = await fake<unknown>(
      page,
      `const m = /^([A-Z]+)(\\d+)$/.exec(${JSON.stringify(seeded.negativeCell)});
       const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
       return sheet.value(Number(m[2]) - 1, col);`,
    );
    expect(cellValue).toBe(-2);
    expect(await page.getByTestId('summary-paragraph').innerText()).toContain('96,05');
    await page.getByTestId('corrections').getByText('Sở Tài chính').waitFor();
    expect(await page.locator('input[data-field=reviewer]').inputValue()).toBe('Nguyễn Thị Hoa'); // remembered

    // A row staff typed for a unit that does not exist: listed after the next Score, and clickable.
    await fake(
      page,
      `const t = state.sheet('Thẩm định'); t.setValue(2, 0, 'Sở Không Có'); t.setValue(2, 2, 'R1a'); t.setValue(2, 4, 5); return null;`,
    );
    await page.locator('[data-tab=score]').click();
    await page.getByTestId('score').click();
    await page.getByTestId('result').waitFor();
    await page.locator('[data-tab=appraisal]').click();
    const issue = page.getByTestId('appraisal-issues').locator('button.issue').first();
    await issue.waitFor();
    expect(await issue.innerText()).toContain("'Thẩm định'!A3");
    await issue.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeExcel: { state: { selection: { sheet: string } | null } } }).__fakeExcel.state.selection
          ?.sheet === 'Thẩm định',
    );
    expect(await fake(page, 'return state.selection;')).toEqual({ sheet: 'Thẩm định', address: 'A3' });

    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('region', { name: vi.appraisalTitle })
      .screenshot({ path: path.join(SCREENSHOTS, 'taskpane-appraisal.png') });
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });

  test('last year: RESULT.json with level moves and unmatched names; the pane’s own ranking JSON explained; a scored .xlsx read in the browser', async () => {
    // Last year as the command line would have written it, with changes to find.
    type Unit = Record<string, unknown> & { categories: Record<string, { score: number | null; level: number | null } | null> };
    const data = { ...resultJson(expected), year: 2017 } as unknown as { year: number; units: Unit[] };
    const province = (u: Unit) => u.tier === 'province' && u.status === 'scored';
    const readinessLevel = (u: Unit) => u.categories.readiness!.level;
    const ranked = data.units.find((u) => province(u) && readinessLevel(u) !== null)!;
    const notRanked = data.units.find((u) => province(u) && readinessLevel(u) === null)!;
    ranked.categories.readiness = { score: 10, level: null }; // was not ranked last year: up a level
    notRanked.categories.readiness = { score: 50, level: 1 }; // was Mức 1 last year: down
    const renamed = data.units.find((u) => u.tier === 'district')!;
    const renamedWas = renamed.name as string;
    renamed.name = `${renamedWas} cũ`;
    data.units.push({
      name: 'Ban Quản lý dự án tỉnh',
      tier: 'province',
      district: null,
      status: 'scored',
      total: 70,
      categories: { readiness: null },
    });
    const previous = previousFromJson(data, '"ket-qua-2017.json"', ['readiness', 'results']);
    if (!previous.ok) throw new Error(previous.message);
    const comparison = compareYears(expected, previous.previous);
    const provinceMoves = comparison.moves.find((m) => m.tier === 'province')!;
    expect(provinceMoves.up.readiness.length).toBeGreaterThan(0);
    expect(provinceMoves.down.readiness.length).toBeGreaterThan(0);

    const page = await scoredPane();
    const input = page.getByTestId('previous-file');
    await input.setInputFiles({
      name: 'ket-qua-2017.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(data)),
    });
    await page.getByText(vi.previousLoaded('ket-qua-2017.json', 2017)).waitFor();
    const table = page.locator('table.moves[data-tier=province]');
    const readinessRow = table.getByRole('row', { name: /Điều kiện sẵn sàng/ });
    expect((await readinessRow.locator('td').allInnerTexts()).map(Number)).toEqual([
      provinceMoves.up.readiness.length,
      provinceMoves.down.readiness.length,
    ]);
    await page.getByTestId('unmatched-current').locator('summary').click();
    await page.getByTestId('unmatched-current').getByText(renamedWas, { exact: true }).waitFor();
    await page.getByTestId('unmatched-previous').locator('summary').click();
    await page.getByTestId('unmatched-previous').getByText('Ban Quản lý dự án tỉnh').waitFor();
    await page.getByTestId('unmatched-previous').getByText(`${renamedWas} cũ`).waitFor();
    expect(await page.getByTestId('summary-paragraph').innerText()).toBe(summaryParagraph({ ...expected, comparison }));
    expect(await page.getByTestId('summary-paragraph').innerText()).toContain('so với năm 2017');
    const csv = (await bytesOf(await downloadFrom(page, 'download-csv'))).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('Tổng điểm năm trước,Thay đổi');

    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('region', { name: vi.previousTitle })
      .screenshot({ path: path.join(SCREENSHOTS, 'taskpane-previous-year.png') });

    // The ranking JSON this pane downloads is not last year's result: said so, in words.
    await page.locator('details.more').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const rankingJson = await bytesOf(await downloadFrom(page, 'download-json'));
    await input.setInputFiles({ name: 'xep-hang-2018.json', mimeType: 'application/json', buffer: rankingJson });
    await page.getByText(vi.previousRankingJson('xep-hang-2018.json')).waitFor();

    // Last year's workbook: ExcelJS, fetched on demand, reads it in the browser.
    expect(session.loaded.some((url) => /previous-workbook\.[0-9a-f]+\.js$/.test(url))).toBe(false);
    await input.setInputFiles(path.join(ROOT, 'examples', 'bac-kan-2018.xlsx'));
    await page.getByText(vi.previousLoaded('bac-kan-2018.xlsx', 2018)).waitFor({ timeout: 30_000 });
    expect(session.loaded.some((url) => /previous-workbook\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    await page.getByText(vi.previousSource('bac-kan-2018.xlsx', 2018)).waitFor();
    await page.getByText(vi.matched(expected.units.length, expected.units.length)).waitFor();
    expect(session.pageErrors).toEqual([]);
    expect(session.offline).toEqual([]);
    await page.close();
  });
});
