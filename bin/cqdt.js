#!/usr/bin/env node
// The command line runs the compiled engine in build/ (made by `npm ci` through the prepare script).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'build', 'cli', 'cqdt.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('cqdt: chưa biên dịch — hãy chạy "npm run build:cli" (hoặc "npm ci") trong thư mục dự án\n');
  process.exit(1);
}
require(entry).run(process.argv.slice(2));
