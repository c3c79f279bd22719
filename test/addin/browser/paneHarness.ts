/**
 * What the Chromium tests of the task pane share: the test build (webpack --env test, office.js
 * replaced by the local stub), Debian's Chromium driven by playwright-core with every request
 * outside the build refused, a way into the page's fake workbook, and axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '../../..');
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

export const hasChromium = fs.existsSync(CHROMIUM);
export const describeInChromium = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  process.stderr.write(`Bỏ qua thử nghiệm ngăn tác vụ trong trình duyệt: không có ${CHROMIUM} (apt-get install -y chromium).\n`);
}

/** Builds the test pages into `outDir` (each test file its own, as Jest runs files in parallel). */
export async function buildTestPane(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = await makeConfig({ test: true, outDir }, { mode: 'development' });
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
}

export interface PaneSession {
  context: BrowserContext;
  /** Requests refused: anything not a file of the build. */
  offline: string[];
  /** Files of the build the pages loaded, in order. */
  loaded: string[];
  pageErrors: string[];
  open(query?: string, viewport?: { width: number; height: number }): Promise<Page>;
}

export async function startChromium(buildDir: string): Promise<PaneSession> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 350, height: 900 },
    acceptDownloads: true,
  });
  const session: PaneSession = {
    context,
    offline: [],
    loaded: [],
    pageErrors: [],
    async open(query = '', viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('pageerror', (e) => session.pageErrors.push(e.message));
      await page.goto(`file://${path.join(buildDir, 'taskpane.html')}${query}`);
      return page;
    },
  };
  // Only the built files may load: no CDN, no network.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) {
      session.loaded.push(url);
      return route.continue();
    }
    session.offline.push(url);
    return route.abort();
  });
  return session;
}

/** Runs `body` in the page with `excel` (the fake), `state` (its workbook) and `sheet` (the first sheet) in scope. */
export async function fake<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(
    `(() => { const excel = window.__fakeExcel; const state = excel.state; const sheet = state.sheets[0]; ${body} })()`,
  ) as Promise<T>;
}

/** axe-core's violations on the page (hidden tabs are skipped, as a reader skips them), as readable lines. */
export async function axeViolations(
  page: Page,
  impacts: string[] = ['minor', 'moderate', 'serious', 'critical'],
): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const results = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return results.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe-core's serious and critical violations. */
export const seriousViolations = (page: Page) => axeViolations(page, ['serious', 'critical']);
