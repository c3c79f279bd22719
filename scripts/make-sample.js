#!/usr/bin/env node
/**
 * Writes the bundled sample workbooks: bac-kan-2018.xlsx (the figures of the 2019 notice) and
 * bac-kan-2019.xlsx (the next year, for comparison).
 *
 *   npx tsc -p tsconfig.cli.json && node scripts/make-sample.js [outdir]
 *
 * outdir defaults to examples/. It runs the compiled generator in build/sample/.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const YEARS = [2018, 2019];

function loadGenerator() {
  const compiled = path.join(__dirname, '..', 'build', 'sample', 'writeSampleXlsx.js');
  if (!fs.existsSync(compiled)) {
    throw new Error(`${path.relative(process.cwd(), compiled)} chưa có: chạy "npx tsc -p tsconfig.cli.json" trước`);
  }
  return require(compiled);
}

async function main() {
  const { writeSampleXlsx } = loadGenerator();
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'examples'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const year of YEARS) {
    const file = path.join(outDir, `bac-kan-${year}.xlsx`);
    await writeSampleXlsx(file, year);
    console.log(`Đã ghi ${path.relative(process.cwd(), file) || file}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
