#!/usr/bin/env node
/**
 * npm run demo — scores both bundled samples with the command line and writes, under out/, for
 * each: the scored copy (results beside the entries, highlights, the "Xếp hạng", "Lộ trình" and
 * "Tiêu chí còn yếu" sheets), the JSON result, the decision draft and the result letters to each
 * unit; the per-tier summary is printed.
 *
 * - examples/bac-kan-2018.xlsx: the 2018 e-government levels (built-in rubric bac-kan-2018, the
 *   default);
 * - examples/cds-2025-mau.xlsx: this year's kind of index for departments and communes, scored
 *   with the example rubric named on the command line (`--rubric cds-2025-mau`): the workbook
 *   has no "Tiêu chí" sheet of its own.
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const out = (name) => path.join('out', name);

const RUNS = [
  {
    input: 'bac-kan-2018.xlsx',
    options: [],
    outputs: ['bac-kan-2018-da-cham.xlsx', 'bac-kan-2018-ket-qua.json', 'du-thao-quyet-dinh-2018.docx', 'thu-ket-qua-2018.docx'],
  },
  {
    input: 'cds-2025-mau.xlsx',
    options: ['--rubric', 'cds-2025-mau'],
    outputs: ['cds-2025-mau-da-cham.xlsx', 'cds-2025-mau-ket-qua.json', 'du-thao-quyet-dinh-2025.docx', 'thu-ket-qua-2025.docx'],
  },
];

let status = 0;
for (const [i, run] of RUNS.entries()) {
  if (i > 0) console.log('');
  console.log(`== ${path.join('examples', run.input)} ${run.options.join(' ')}`.trimEnd());
  const [scored, json, docx, letters] = run.outputs.map(out);
  const args = [
    path.join(root, 'bin', 'cqdt.js'),
    'score',
    path.join('examples', run.input),
    ...run.options,
    '--out',
    scored,
    '--json',
    json,
    '--docx',
    docx,
    '--letters',
    letters,
  ];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
