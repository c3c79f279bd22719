#!/usr/bin/env node
/**
 * npm run docs — writes docs/bo-tieu-chi/<id>.md for every built-in rubric from the rubric data
 * (src/report/rubricDoc.ts), so the pages always say what the engine scores. Runs the compiled
 * engine in build/ (npm run build:cli first; `npm run docs` does it).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const build = path.join(__dirname, '..', 'build');
const { BUILTIN_RUBRICS } = require(path.join(build, 'rubric', 'builtins.js'));
const { rubricMarkdown } = require(path.join(build, 'report', 'rubricDoc.js'));

const dir = path.join(__dirname, '..', 'docs', 'bo-tieu-chi');
fs.mkdirSync(dir, { recursive: true });
for (const rubric of BUILTIN_RUBRICS) {
  const file = path.join(dir, `${rubric.id}.md`);
  fs.writeFileSync(file, rubricMarkdown(rubric));
  console.log(`Đã ghi ${path.relative(process.cwd(), file)}`);
}
