#!/usr/bin/env node
/**
 * The add-in's figures for `npm run bench`, measured against the in-memory fake Excel:
 *   largestRequests() → for each workbook of the payload budget (test/addin/fixtures/payloadScenarios.ts),
 *     the largest request or response of the pane's look, a Score and a second Score, measured as
 *     Excel on the web measures it (UTF-8 JSON of what is sent or loaded): `largest request: N bytes (…)`;
 *   roundTripsPerScore([150, 10000]) → per size, the read and write round trips (context.sync)
 *     of a first Score and of a second one, and the largest request and response;
 *   roundTripsPerAction([150, 10000]) → per size, the round trips of writing the add-in's own sheets
 *     (Xếp hạng, Lộ trình, Tiêu chí còn yếu) and of recording a correction on "Thẩm định" (then the
 *     Score that uses it);
 *   taskpaneSize() → the task pane's JavaScript from a production build, raw and gzipped: what
 *     opens with the pane, and each part loaded on demand (the Word writer, the decision draft, the
 *     result letters, last year's workbook).
 *
 *   node scripts/bench-addin.js        prints them all (npm run bench:addin)
 *
 * The TypeScript sources (gateway, fake, sample sheet) are compiled on the fly with the
 * project's TypeScript, so nothing needs building first.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.join(__dirname, '..');

function registerTypeScript() {
  if (require.extensions['.ts']) return;
  const ts = require('typescript');
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        jsx: ts.JsxEmit.ReactJSX,
      },
    });
    module._compile(out.outputText, filename);
  };
  require.extensions['.ts'] = compile;
  require.extensions['.tsx'] = compile;
}

/** The largest request or response, in bytes, for each workbook of the payload budget. */
async function largestRequests() {
  registerTypeScript();
  const { PAYLOAD_SCENARIOS } = require(path.join(ROOT, 'test/addin/fixtures/payloadScenarios.ts'));
  const { FakeExcel } = require(path.join(ROOT, 'test/addin/fake/fakeExcel.ts'));
  const { createOfficeGateway } = require(path.join(ROOT, 'src/workbook/office/officeGateway.ts'));
  const { vi } = require(path.join(ROOT, 'src/taskpane/strings/vi.ts'));
  const out = [];
  for (const scenario of PAYLOAD_SCENARIOS) {
    const excel = new FakeExcel(scenario.build());
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    for (const step of [() => gateway.describe(), () => gateway.score(), () => gateway.score()]) {
      const done = await step();
      if (!done.ok) throw new Error(`${scenario.label}: ${done.message}`);
    }
    const bytes = Math.max(...excel.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
    out.push({ label: scenario.label, bytes, syncs: excel.syncs.length });
  }
  return out;
}

/** Round trips per Score on a realistic sheet of each size (staff notes included). */
async function roundTripsPerScore(sizes = [150, 10000]) {
  registerTypeScript();
  const { submissionWorkbook } = require(path.join(ROOT, 'test/addin/fixtures/submissionWorkbook.ts'));
  const { FakeExcel } = require(path.join(ROOT, 'test/addin/fake/fakeExcel.ts'));
  const { createOfficeGateway } = require(path.join(ROOT, 'src/workbook/office/officeGateway.ts'));
  const { vi } = require(path.join(ROOT, 'src/taskpane/strings/vi.ts'));
  const out = [];
  for (const units of sizes) {
    const layout = submissionWorkbook({ units });
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    const runs = [];
    for (let i = 0; i < 2; i++) {
      excel.resetSyncs();
      const t0 = process.hrtime.bigint();
      const report = await gateway.score();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!report.ok) throw new Error(report.message);
      runs.push({
        reads: report.value.roundTrips.reads,
        writes: report.value.roundTrips.writes,
        maxRequestBytes: Math.max(...excel.syncs.map((s) => s.requestBytes)),
        maxResponseBytes: Math.max(...excel.syncs.map((s) => s.responseBytes)),
        ms,
      });
    }
    out.push({ units, ...runs[0], again: runs[1] });
  }
  return out;
}

/** Round trips of the export and appraisal actions, after a first Score. */
async function roundTripsPerAction(sizes = [150, 10000]) {
  registerTypeScript();
  const { submissionWorkbook } = require(path.join(ROOT, 'test/addin/fixtures/submissionWorkbook.ts'));
  const { FakeExcel } = require(path.join(ROOT, 'test/addin/fake/fakeExcel.ts'));
  const { createOfficeGateway } = require(path.join(ROOT, 'src/workbook/office/officeGateway.ts'));
  const { decisionSettings } = require(path.join(ROOT, 'src/report/settings.ts'));
  const { vi } = require(path.join(ROOT, 'src/taskpane/strings/vi.ts'));
  const ok = (out) => {
    if (!out.ok) throw new Error(out.message);
    return out.value;
  };
  const out = [];
  for (const units of sizes) {
    const layout = submissionWorkbook({ units });
    const excel = new FakeExcel(layout.state);
    const gateway = createOfficeGateway(excel.host(), vi.gateway);
    const { result } = ok(await gateway.score());
    excel.resetSyncs();
    const sheets = ok(await gateway.writeOwnSheets(result, decisionSettings({ year: 2019 }, result.rubric.rubric)));
    const sheetsRequest = Math.max(...excel.syncs.map((s) => s.requestBytes));
    // The reviewer is back on the submission sheet (the export showed the ranking sheet).
    layout.state.activate(layout.sheet);
    const unit = result.units.find((u) => u.inputs && u.inputs.some((i) => i.cell === layout.cells.negative));
    const input = unit.inputs.find((i) => i.cell === layout.cells.negative);
    const entry = {
      unit: unit.name,
      district: unit.district,
      code: input.code,
      reported: input.raw,
      verified: 3,
      reason: 'bench',
    };
    const appended = ok(
      await gateway.appendCorrection({ ...entry, reviewer: '', date: new Date(Date.UTC(2019, 1, 21)) }, result.rubric),
    );
    const rescored = ok(await gateway.score());
    out.push({
      units,
      sheets: sheets.roundTrips,
      sheetsWritten: sheets.sheets.map((s) => s.sheet),
      sheetsRequest,
      appraisal: appended.roundTrips,
      rescore: rescored.roundTrips,
    });
  }
  return out;
}

/** The task pane's JavaScript from a production build (in a temporary folder). */
async function taskpaneSize() {
  const webpack = require('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-pane-'));
  const config = await makeConfig({ outDir }, { mode: 'production' });
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, s) =>
      err ? reject(err) : s.hasErrors() ? reject(new Error(s.toString({ all: false, errors: true }))) : resolve(s),
    ),
  );
  const json = stats.toJson({ all: false, entrypoints: true, chunks: true });
  const measure = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(outDir, f));
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const files = json.entrypoints.taskpane.assets.map((a) => a.name).filter((n) => n.endsWith('.js'));
  const lazy = json.chunks
    .filter((c) => !c.initial)
    .map((c) => {
      const js = c.files.filter((n) => n.endsWith('.js'));
      // A chunk webpack split out for code two lazy parts share (fflate) has no name of its own.
      return { name: c.names[0] ?? 'dùng chung', files: js, ...measure(js) };
    });
  const initial = measure(files);
  fs.rmSync(outDir, { recursive: true, force: true });
  return { files, ...initial, lazy };
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/** The export and appraisal figures as printed lines. */
function actionLines(results) {
  return results.map(
    (r) =>
      `Add-in, ${r.units} đơn vị: ghi các trang ${r.sheetsWritten.join(', ')} ${r.sheets.reads} lượt đọc + ${r.sheets.writes} lượt ghi ` +
      `(yêu cầu lớn nhất ${kb(r.sheetsRequest)}); ghi một dòng thẩm định ${r.appraisal.reads} + ${r.appraisal.writes}, ` +
      `rồi chấm lại ${r.rescore.reads} + ${r.rescore.writes}`,
  );
}

/** The pane's bundle sizes as printed lines. */
function sizeLines(size) {
  return [
    `Task pane khi mở: ${size.files.join(', ')} — ${kb(size.raw)}, nén gzip ${kb(size.gzip)} (mục tiêu ≤ 300 KB)`,
    ...size.lazy.map((c) => `  phần tải khi cần "${c.name}": ${c.files.join(', ')} — ${kb(c.raw)}, nén gzip ${kb(c.gzip)}`),
  ];
}

/** One line per workbook, as the issue asks for them. */
const largestLines = (results) => results.map((r) => `largest request: ${r.bytes} bytes (${r.label})`);

module.exports = { largestRequests, largestLines, roundTripsPerScore, roundTripsPerAction, taskpaneSize, actionLines, sizeLines };

if (require.main === module) {
  (async () => {
    for (const line of largestLines(await largestRequests())) console.log(line);
    for (const r of await roundTripsPerScore()) {
      console.log(
        `Add-in, ${r.units} đơn vị: ${r.reads} lượt đọc + ${r.writes} lượt ghi (lần chấm lại: ${r.again.reads} + ${r.again.writes}); ` +
          `yêu cầu lớn nhất ${kb(r.maxRequestBytes)}, phản hồi lớn nhất ${kb(Math.max(r.maxResponseBytes, r.again.maxResponseBytes))}; ` +
          `${r.ms.toFixed(0)} ms trên Excel giả`,
      );
    }
    for (const line of actionLines(await roundTripsPerAction())) console.log(line);
    for (const line of sizeLines(await taskpaneSize())) console.log(line);
  })().catch((e) => {
    console.error(`bench-addin: ${e.stack || e}`);
    process.exit(1);
  });
}
