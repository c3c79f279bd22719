#!/usr/bin/env node
/**
 * npm run bench — speed and size, measured rather than asserted in tests:
 *   1. the engine alone on 10,000 units (goal < 100 ms on a 2-core machine);
 *   2. the command line at 10,000 and 50,000 rows (--out --json) side by side with LibreOffice's
 *      headless convert of the same file, cold and warm, min and median, peak memory; --docx at
 *      10,000 units;
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

function benchEngine(n) {
  const grid = { name: 'Tổng hợp', rows: syntheticRows(n), merges: [] };
  scoreWorkbook({ sheets: [grid] }); // warm up
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const out = scoreWorkbook({ sheets: [grid] });
    times.push(performance.now() - t0);
    if (!out.ok || out.result.units.length !== n) throw new Error('engine benchmark did not score every unit');
  }
  return median(times);
}

/** A submission workbook of n rows written by another program (ExcelJS), as staff files are. */
async function writeInput(n, file) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  syntheticRows(n).forEach((row) => ws.addRow(row));
  await wb.xlsx.writeFile(file);
}

/** Wall time (ms) and peak memory (MB) of one process, through GNU time. */
function measure(command, args) {
  const t0 = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`${command} failed: ${res.stderr.slice(-300)}`);
  const kb = Number(res.stderr.trim().split('\n').pop());
  return { ms, mb: kb / 1024 };
}

const stats = (xs) => ({ min: Math.min(...xs), median: median(xs) });

/**
 * The command line (--out --json) side by side with LibreOffice opening and saving the same file
 * (headless convert to .xlsx), in the same run: cold (first run; LibreOffice with a fresh profile)
 * and warm (3 more runs each, min and median), peak memory of each process.
 */
function benchCliVsLibreOffice(input, dir, runs = 3) {
  const cli = path.join(root, 'bin', 'cqdt.js');
  const ours = () =>
    measure(process.execPath, [
      cli,
      'score',
      input,
      '--out',
      path.join(dir, 'out.xlsx'),
      '--json',
      path.join(dir, 'out.json'),
      '--quiet',
    ]);
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
  return {
    ours: { cold: coldOurs, ms: stats(warmOurs.map((r) => r.ms)), mb: Math.max(coldOurs.mb, ...warmOurs.map((r) => r.mb)) },
    lo: { cold: coldLo, ms: stats(warmLo.map((r) => r.ms)), mb: Math.max(coldLo.mb, ...warmLo.map((r) => r.mb)) },
  };
}

function hasLibreOffice() {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function cliLines() {
  const lines = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-bench-'));
  const f = (x) => x.toFixed(0);
  try {
    const perRow = [];
    for (const n of [10000, 50000]) {
      const input = path.join(dir, `in-${n}.xlsx`);
      await writeInput(n, input);
      if (hasLibreOffice()) {
        const r = benchCliVsLibreOffice(input, dir);
        const ratio = r.ours.ms.median / r.lo.ms.median;
        perRow.push(r.ours.ms.median / n);
        lines.push(
          `Dòng lệnh, ${n.toLocaleString('vi-VN')} dòng (--out --json): nguội ${f(r.ours.cold.ms)} ms, ấm nhỏ nhất ${f(r.ours.ms.min)} / trung vị ${f(r.ours.ms.median)} ms, ` +
            `bộ nhớ đỉnh ${f(r.ours.mb)} MB — LibreOffice mở và lưu cùng tệp: nguội ${f(r.lo.cold.ms)} ms, ấm ${f(r.lo.ms.min)} / ${f(r.lo.ms.median)} ms, ` +
            `${f(r.lo.mb)} MB; tỷ lệ thời gian ${ratio.toFixed(2)}× (mục tiêu ≤ 0,8×)`,
        );
      } else {
        const r = measure(process.execPath, [
          path.join(root, 'bin', 'cqdt.js'),
          'score',
          input,
          '--out',
          path.join(dir, 'o.xlsx'),
          '--json',
          path.join(dir, 'o.json'),
          '--quiet',
        ]);
        perRow.push(r.ms / n);
        lines.push(`Dòng lệnh, ${n} dòng (--out --json): ${f(r.ms)} ms, ${f(r.mb)} MB (không có LibreOffice để so sánh)`);
      }
    }
    lines.push(
      `Tuyến tính: thời gian mỗi dòng ở 50.000 dòng gấp ${(perRow[1] / perRow[0]).toFixed(2)} lần ở 10.000 dòng (1,00 là tuyến tính)`,
    );
    const docx = measure(process.execPath, [
      path.join(root, 'bin', 'cqdt.js'),
      'score',
      path.join(dir, 'in-10000.xlsx'),
      '--docx',
      path.join(dir, 'd.docx'),
      '--quiet',
    ]);
    lines.push(`Dòng lệnh --docx, 10.000 đơn vị: ${f(docx.ms)} ms, bộ nhớ đỉnh ${f(docx.mb)} MB (mục tiêu ≤ 5 s, ≤ 600 MB)`);
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
  for (const n of [150, 10000]) console.log(`Engine, ${n} đơn vị: ${benchEngine(n).toFixed(1)} ms (trung vị 7 lần)`);
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
