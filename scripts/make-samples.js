#!/usr/bin/env node
'use strict';
// Rebuilds samples/*.xlsx from the seed tables (test/support/fixtures/seed-tables) with the same
// builders the tests use. Run: npm run samples
require('./ts-register');
const path = require('path');
const { hoangKimWorkbook, writeXlsx } = require('../test/support/fixtures/xlsx-builders.ts');

async function main() {
  const out = path.join(__dirname, '..', 'samples', 'hoang-kim-phu-luc-01.xlsx');
  await writeXlsx(hoangKimWorkbook(), out);
  process.stdout.write(`Đã tạo ${path.relative(process.cwd(), out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exitCode = 1;
});
