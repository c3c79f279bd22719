#!/usr/bin/env node
/**
 * npm run bench — speed and size, measured rather than asserted in tests:
 *   1. the engine alone on 10,000 units (goal < 100 ms on a 2-core machine);
 *   2. the command line on a 10,000-row workbook (read, score, write the scored copy);
 *   3. the add-in's round trips per Score at 150 and 10,000 units (against the in-memory fake);
 *   4. the task pane's gzipped JavaScript (a production webpack build in a temporary folder).
 * Uses the compiled engine in build/ (npm run build:cli).
 */
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { performance } = require('node:perf_hooks');
const { execFileSync } = require('node:child_process');

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

async function benchCli(n) {
  const ExcelJS = require('exceljs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-bench-'));
  const input = path.join(dir, 'in.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  syntheticRows(n).forEach((row) => ws.addRow(row));
  await wb.xlsx.writeFile(input);
  const cli = path.join(root, 'bin', 'cqdt.js');
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [cli, 'score', input, '--out', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'out.json')],
    {
      stdio: 'ignore',
    },
  );
  const ms = performance.now() - t0;
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

// The add-in's figures come from scripts/bench-addin.js (the gateway against the in-memory fake).
const { roundTripsPerScore, roundTripsPerAction, taskpaneSize, actionLines, sizeLines } = require('./bench-addin');

(async () => {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`Máy: ${os.cpus().length} nhân, Node ${process.version}`);
  for (const n of [150, 10000]) console.log(`Engine, ${n} đơn vị: ${benchEngine(n).toFixed(1)} ms (trung vị 7 lần)`);
  console.log(`Dòng lệnh, tệp 10.000 dòng (đọc, chấm, ghi bản đã chấm và JSON): ${(await benchCli(10000)).toFixed(0)} ms`);
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
