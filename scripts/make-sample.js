#!/usr/bin/env node
/**
 * Writes the bundled sample workbooks: bac-kan-2018.xlsx (the figures of the 2019 notice),
 * bac-kan-2019.xlsx (the next year, for comparison) and cds-2025-mau.xlsx (this year's kind of
 * index for the two tiers after the 2025 merger, scored with `--rubric cds-2025-mau`).
 *
 *   npx tsc -p tsconfig.cli.json && node scripts/make-sample.js [outdir]
 *
 * outdir defaults to examples/. It runs the compiled generators in build/sample/.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const YEARS = [2018, 2019];

function loadCompiled(name) {
  const compiled = path.join(__dirname, '..', 'build', 'sample', `${name}.js`);
  if (!fs.existsSync(compiled)) {
    throw new Error(`${path.relative(process.cwd(), compiled)} chưa có: chạy "npx tsc -p tsconfig.cli.json" trước`);
  }
  return require(compiled);
}

async function main() {
  const { writeSampleXlsx, writeSampleWorkbook } = loadCompiled('writeSampleXlsx');
  const { buildCds2025Sample } = loadCompiled('cds2025Sample');
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'examples'));
  fs.mkdirSync(outDir, { recursive: true });
  const written = (file) => console.log(`Đã ghi ${path.relative(process.cwd(), file) || file}`);
  for (const year of YEARS) {
    const file = path.join(outDir, `bac-kan-${year}.xlsx`);
    await writeSampleXlsx(file, year);
    written(file);
  }
  const file = path.join(outDir, 'cds-2025-mau.xlsx');
  await writeSampleWorkbook(file, buildCds2025Sample());
  written(file);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
