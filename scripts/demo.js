#!/usr/bin/env node
/**
 * npm run demo — scores the bundled 2018 sample with the command line and writes, under out/:
 * the scored copy (results beside the entries, highlights, "Xếp hạng" sheet), the JSON result
 * and the decision draft; the per-tier summary is printed.
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const out = (name) => path.join('out', name);
const args = [
  path.join(root, 'bin', 'cqdt.js'),
  'score',
  path.join('examples', 'bac-kan-2018.xlsx'),
  '--out',
  out('bac-kan-2018-da-cham.xlsx'),
  '--json',
  out('bac-kan-2018-ket-qua.json'),
  '--docx',
  out('du-thao-quyet-dinh-2018.docx'),
];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
