#!/usr/bin/env node
/**
 * npm run bench — speed and size, measured rather than asserted in tests:
 *   1. the engine alone on 150 and 10,000 units: cold (the first run in this process) and warm
 *      (min and median of 7; goal < 100 ms on a 2-core machine); the path to the next level of
 *      10,000 units; the 2025 example grown to 10,000 units, engine and path;
 *   2. the command line at 10,000 and 50,000 rows (--out --json) side by side with LibreOffice's
 *      headless convert of the same file, interleaved in the same run (the machine is shared, so
 *      ratios of neighbouring runs say more than times): cold and warm, min and median, processor
 *      time, peak memory, the load average; the share of the path to the next level
 *      (src/scoring/nextStep.ts) measured on its own; --docx at 10,000 units;
 *   3. the add-in's round trips per Score at 150 and 10,000 units (against the in-memory fake);
 *   4. the task pane's gzipped JavaScript (a production webpack build in a temporary folder).
 * Uses the compiled engine in build/ (npm run build:cli).
 */
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { performance } = require('node:perf_hooks');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const build = (p) => path.join(root, 'build', p);
if (!fs.existsSync(build('scoring/scoreWorkbook.js'))) {
  console.error('bench: build/ is missing — run "npm run build:cli" first');
  process.exit(1);
}
const { scoreWorkbook } = require(build('scoring/scoreWorkbook.js'));
const { BUILTIN_RUBRIC } = require(build('rubric/builtin.js'));

const CODES = BUILTIN_RUBRIC.inputs.map((i) => i.code);
const TIERS = [
  ['CẤP TỈNH', 'Sở'],
  ['CẤP HUYỆN', 'Huyện'],
  ['CẤP XÃ', 'Xã'],
];

/** A deterministic submission sheet of n units, typed the way staff type (numbers, "1.234", Có/Không). */
function syntheticRows(n) {
  let seed = 42;
  const rand = (max) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % max;
  };
  const rows = [['BẢNG TỔNG HỢP NĂM 2018'], ['STT', 'Tên đơn vị', ...CODES]];
  for (let t = 0; t < 3; t++) {
    rows.push([['I', 'II', 'III'][t], TIERS[t][0]]);
    const count = Math.floor(n / 3) + (t === 2 ? n % 3 : 0);
    for (let i = 0; i < count; i++) {
      const staff = 20 + rand(200);
      const computers = staff + rand(20);
      const docs = 500 + rand(5000);
      const apps = 100 + rand(2000);
      const values = {
        R1a: staff,
        R1b: staff - rand(5),
        R2a: computers,
        R2b: computers - rand(10),
        R3: rand(2) ? 'Có' : 'Không',
        R4: computers - rand(30),
        R5: rand(3),
        R6: staff - rand(staff),
        R7: 'x',
        R8: rand(2) ? 'Có' : '',
        K1: rand(300),
        K2a: docs.toLocaleString('vi-VN'),
        K2b: docs - rand(500),
        K3: staff - rand(10),
        K4a: apps,
        K4b: apps - rand(100),
        K5: rand(50),
        K6: rand(apps),
        K7: rand(50),
        K8: rand(2) ? '4,5' : 'KAD',
      };
      rows.push([i + 1, `${TIERS[t][1]} số ${i + 1}`, ...CODES.map((c) => values[c])]);
    }
  }
  return rows;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The 2025 example (examples/cds-2025-mau.xlsx, rubric cds-2025-mau) grown to about n units by
 * repeating its unit rows under new names, as a province-wide batch would be: the engine and the
 * path to the next grade, each cold (first run in this process) and warm (min and median of 5).
 */
function bench2025(n) {
  const { openXlsx } = require(build('workbook/xlsx/readXlsx.js'));
  const { nodeCodec } = require(build('workbook/xlsx/scoreXlsx.js'));
  const { builtinRubric } = require(build('rubric/builtins.js'));
  const { compileRubric } = require(build('rubric/compiled.js'));
  const { allSteps } = require(build('scoring/nextStep.js'));
  const rubric = compileRubric(builtinRubric('cds-2025-mau'));
  const bytes = new Uint8Array(fs.readFileSync(path.join(root, 'examples', 'cds-2025-mau.xlsx')));
  const grids = openXlsx(bytes, nodeCodec).book.grids;
  const sample = scoreWorkbook({ sheets: grids, rubric });
  if (!sample.ok) throw new Error(sample.message);
  const sheet = grids.find((g) => g.name === sample.result.sheet);
  const first = sample.result.table.layout.firstDataRow;
  const data = sheet.rows.slice(first, sample.result.table.lastRow + 1);
  const rows = sheet.rows.slice(0, first);
  const perCopy = sample.result.units.filter((u) => u.row !== null).length;
  for (let copy = 0; copy * perCopy < n; copy++) {
    for (const row of data) {
      rows.push(row && copy > 0 ? row.map((v, c) => (c === 1 && typeof v === 'string' ? `${v} ${copy}` : v)) : row);
    }
  }
  const grid = { name: sheet.name, rows, merges: [] };
  const engine = [];
  const steps = [];
  let units = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const out = scoreWorkbook({ sheets: [grid], rubric });
    engine.push(performance.now() - t0);
    if (!out.ok) throw new Error(out.message);
    units = out.result.units.length;
    const t1 = performance.now();
    allSteps(out.result);
    steps.push(performance.now() - t1);
  }
  return { units, engine: { cold: engine[0], ...stats(engine.slice(1)) }, steps: { cold: steps[0], ...stats(steps.slice(1)) } };
}

/** The path to the next level of every unit of the 2018 synthetic sheet, cold and warm (min and median of 5). */
function benchSteps2018(n) {
  const { allSteps } = require(build('scoring/nextStep.js'));
  const grid = { name: 'Tổng hợp', rows: syntheticRows(n), merges: [] };
  const times = [];
  for (let i = 0; i < 6; i++) {
    const out = scoreWorkbook({ sheets: [grid] });
    const t0 = performance.now();
    allSteps(out.result);
    times.push(performance.now() - t0);
  }
  return { cold: times[0], ...stats(times.slice(1)) };
}

function benchEngine(n) {
  const grid = { name: 'Tổng hợp', rows: syntheticRows(n), merges: [] };
  const run = () => {
    const t0 = performance.now();
    const out = scoreWorkbook({ sheets: [grid] });
    const ms = performance.now() - t0;
    if (!out.ok || out.result.units.length !== n) throw new Error('engine benchmark did not score every unit');
    return ms;
  };
  const cold = run();
  const warm = [];
  for (let i = 0; i < 7; i++) warm.push(run());
  return { cold, ...stats(warm) };
}

/** A submission workbook of n rows written by another program (ExcelJS), as staff files are. */
async function writeInput(n, file) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  syntheticRows(n).forEach((row) => ws.addRow(row));
  await wb.xlsx.writeFile(file);
}

/** Wall time (ms), processor time (ms, user + system) and peak memory (MB) of one process, through GNU time. */
function measure(command, args) {
  const t0 = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${command} failed: ${res.stderr.slice(-300)}`);
  const [user, system, kb] = res.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpu: (user + system) * 1000, mb: kb / 1024 };
}

const stats = (xs) => ({ min: Math.min(...xs), median: median(xs) });

/** "4,21 / 3,90 / 3,75": the load average over 1, 5 and 15 minutes. */
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
    .join(' / ');

const cliPath = path.join(root, 'bin', 'cqdt.js');

/** `cqdt score INPUT --out --json` into `dir`, as the batch runs it. */
const scoreArgs = (input, dir) => [
  cliPath,
  'score',
  input,
  '--out',
  path.join(dir, 'out.xlsx'),
  '--json',
  path.join(dir, 'out.json'),
  '--quiet',
];

/**
 * The command line (--out --json) side by side with LibreOffice opening and saving the same file
 * (headless convert to .xlsx), interleaved in the same run: cold (first run; LibreOffice with a
 * fresh profile) and warm (`runs` more runs each, min and median), processor time, peak memory,
 * and the ratio of each neighbouring pair.
 */
function benchCliVsLibreOffice(input, dir, runs) {
  const ours = () => measure(process.execPath, scoreArgs(input, dir));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-bench-lo-'));
  const lo = () =>
    measure('soffice', [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      path.join(dir, 'lo'),
      input,
    ]);
  const coldOurs = ours();
  const coldLo = lo();
  const warmOurs = [];
  const warmLo = [];
  for (let i = 0; i < runs; i++) {
    warmOurs.push(ours());
    warmLo.push(lo());
  }
  fs.rmSync(profile, { recursive: true, force: true });
  const summary = (cold, warm) => ({
    cold,
    ms: stats(warm.map((r) => r.ms)),
    cpu: median(warm.map((r) => r.cpu)),
    mb: Math.max(cold.mb, ...warm.map((r) => r.mb)),
  });
  return {
    ours: summary(coldOurs, warmOurs),
    lo: summary(coldLo, warmLo),
    pairRatio: median(warmOurs.map((r, i) => r.ms / warmLo[i].ms)),
  };
}

/**
 * Processor time (ms) of the path to the next level for every unit (src/scoring/nextStep.ts,
 * what RESULT.json and the "Lộ trình" sheet carry), in a fresh process as the command line meets
 * it; null when the build has none.
 */
function nextStepShare(input) {
  if (!fs.existsSync(build('scoring/nextStep.js'))) return null;
  const script = `
    const fs = require('node:fs');
    const { openXlsx } = require(${JSON.stringify(build('workbook/xlsx/readXlsx.js'))});
    const { nodeCodec } = require(${JSON.stringify(build('workbook/xlsx/scoreXlsx.js'))});
    const { scoreWorkbook } = require(${JSON.stringify(build('scoring/scoreWorkbook.js'))});
    const { allSteps } = require(${JSON.stringify(build('scoring/nextStep.js'))});
    const opened = openXlsx(new Uint8Array(fs.readFileSync(${JSON.stringify(input)})), nodeCodec);
    const scored = scoreWorkbook({ sheets: opened.book.grids });
    const before = process.cpuUsage();
    allSteps(scored.result);
    const used = process.cpuUsage(before);
    process.stdout.write(String((used.user + used.system) / 1000));`;
  const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return res.status === 0 ? Number(res.stdout) : null;
}

function hasLibreOffice() {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

const vi = (x, digits = 0) => x.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const s1 = (ms) => `${vi(ms / 1000, 2)} s`;

async function cliLines() {
  const lines = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-bench-'));
  try {
    const perRow = [];
    lines.push(`Tải trung bình của máy khi bắt đầu đo dòng lệnh (1 / 5 / 15 phút): ${loadAverage()}`);
    for (const [n, runs] of [
      [10000, 3],
      [50000, 2],
    ]) {
      const input = path.join(dir, `in-${n}.xlsx`);
      await writeInput(n, input);
      const rows = n.toLocaleString('vi-VN');
      if (hasLibreOffice()) {
        const r = benchCliVsLibreOffice(input, dir, runs);
        const ratio = r.ours.ms.median / r.lo.ms.median;
        perRow.push(r.ours.ms.median / n);
        lines.push(
          `Dòng lệnh, ${rows} dòng (--out --json), xen kẽ với LibreOffice mở và lưu cùng tệp: ` +
            `nguội ${s1(r.ours.cold.ms)} (LibreOffice ${s1(r.lo.cold.ms)}); ấm nhỏ nhất / trung vị ${s1(r.ours.ms.min)} / ${s1(r.ours.ms.median)} ` +
            `(LibreOffice ${s1(r.lo.ms.min)} / ${s1(r.lo.ms.median)}); thời gian xử lý ${s1(r.ours.cpu)} (LibreOffice ${s1(r.lo.cpu)}); ` +
            `bộ nhớ đỉnh ${vi(r.ours.mb)} MB (LibreOffice ${vi(r.lo.mb)} MB); tỷ lệ thời gian ${vi(ratio, 2)}×, ` +
            `từng cặp liền nhau ${vi(r.pairRatio, 2)}× (mục tiêu ≤ 0,8× và bộ nhớ ≤ LibreOffice)`,
        );
        const steps = nextStepShare(input);
        if (steps !== null) {
          lines.push(
            `  trong đó đường lên mức của mọi đơn vị (src/scoring/nextStep.ts): ${s1(steps)} thời gian xử lý, ` +
              `${vi((100 * steps) / r.ours.cpu)}% của dòng lệnh; phần còn lại ${s1(r.ours.cpu - steps)}`,
          );
        }
      } else {
        const r = measure(process.execPath, scoreArgs(input, dir));
        perRow.push(r.ms / n);
        lines.push(`Dòng lệnh, ${rows} dòng (--out --json): ${s1(r.ms)}, ${vi(r.mb)} MB (không có LibreOffice để so sánh)`);
      }
      lines.push(`  tải trung bình sau lượt đo: ${loadAverage()}`);
    }
    lines.push(
      `Tuyến tính: thời gian mỗi dòng ở 50.000 dòng gấp ${vi(perRow[1] / perRow[0], 2)} lần ở 10.000 dòng (1,00 là tuyến tính)`,
    );
    const docx = [0, 1, 2].map(() =>
      measure(process.execPath, [
        cliPath,
        'score',
        path.join(dir, 'in-10000.xlsx'),
        '--docx',
        path.join(dir, 'd.docx'),
        '--quiet',
      ]),
    );
    const d = stats(docx.slice(1).map((r) => r.ms));
    lines.push(
      `Dòng lệnh --docx, 10.000 đơn vị: nguội ${s1(docx[0].ms)}, ấm ${s1(d.min)} / ${s1(d.median)}, ` +
        `bộ nhớ đỉnh ${vi(Math.max(...docx.map((r) => r.mb)))} MB (mục tiêu ≤ 5 s, ≤ 600 MB); tải trung bình ${loadAverage()}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

// The add-in's figures come from scripts/bench-addin.js (the gateway against the in-memory fake).
const {
  largestRequests,
  largestLines,
  roundTripsPerScore,
  roundTripsPerAction,
  taskpaneSize,
  actionLines,
  sizeLines,
} = require('./bench-addin');

(async () => {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`Máy: ${os.cpus().length} nhân, Node ${process.version}`);
  for (const n of [150, 10000]) {
    const e = benchEngine(n);
    console.log(
      `Engine, ${n.toLocaleString('vi-VN')} đơn vị: nguội ${vi(e.cold, 1)} ms, ấm nhỏ nhất / trung vị ${vi(e.min, 1)} / ${vi(e.median, 1)} ms (7 lần)`,
    );
  }
  const ms = (x) => `${vi(x, 1)} ms`;
  const p18 = benchSteps2018(10000);
  console.log(
    `Đường lên mức của mọi đơn vị, mẫu 2018, 10.000 đơn vị: nguội ${ms(p18.cold)}, ấm nhỏ nhất / trung vị ${ms(p18.min)} / ${ms(p18.median)}`,
  );
  const e25 = bench2025(10000);
  console.log(
    `Mẫu 2025 (cds-2025-mau) nhân lên ${e25.units.toLocaleString('vi-VN')} đơn vị: bộ máy nguội ${ms(e25.engine.cold)}, ` +
      `ấm ${ms(e25.engine.min)} / ${ms(e25.engine.median)}; đường lên mức và xếp loại nguội ${ms(e25.steps.cold)}, ` +
      `ấm ${ms(e25.steps.min)} / ${ms(e25.steps.median)}`,
  );
  for (const line of await cliLines()) console.log(line);
  for (const line of largestLines(await largestRequests())) console.log(line);
  for (const t of await roundTripsPerScore([150, 10000])) {
    console.log(
      `Add-in, ${t.units} đơn vị: lần chấm đầu ${t.reads} lượt đọc + ${t.writes} lượt ghi (context.sync), ` +
        `chấm lại ${t.again.reads} + ${t.again.writes}; yêu cầu lớn nhất ${kb(t.maxRequestBytes)}, trả về lớn nhất ${kb(t.maxResponseBytes)}`,
    );
  }
  for (const line of actionLines(await roundTripsPerAction([150, 10000]))) console.log(line);
  for (const line of sizeLines(await taskpaneSize())) console.log(line);
})().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  process.exit(1);
});
