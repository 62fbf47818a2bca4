#!/usr/bin/env node
'use strict';
// cds-check command line. The TypeScript sources (src/cli) are compiled to dist-cli by
// `npm run build:cli` (run automatically by `npm ci` / `npm install` through "prepare").
const path = require('path');
const fs = require('fs');

const entry = path.join(__dirname, '..', 'dist-cli', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'cds-check chưa được biên dịch: hãy chạy "npm run build:cli" (hoặc "npm ci") trước.\n',
  );
  process.exit(2);
}
require(entry).run();
