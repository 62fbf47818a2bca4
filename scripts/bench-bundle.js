#!/usr/bin/env node
/**
 * Add-in bundle size: builds the production add-in (unless --no-build and dist/ exists) and
 * prints the gzipped size of every script in dist/ and their total against the budget
 * (450 KB gzipped). Exit status 1 when over budget.
 *
 *   node scripts/bench-bundle.js [--no-build] [--json] [--dir DIR]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const BUDGET_KB = 450;
const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dist = dirArg >= 0 ? path.resolve(args[dirArg + 1]) : path.join(root, 'dist');

function build() {
  const webpack = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  execFileSync(process.execPath, [webpack, '--mode', 'production', '--env', `outDir=${dist}`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Every .js file under dir (recursively), with raw and gzipped sizes. */
function scripts(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...scripts(p));
    else if (entry.name.endsWith('.js')) {
      const buf = fs.readFileSync(p);
      out.push({
        file: path.relative(dist, p),
        bytes: buf.length,
        gzip: zlib.gzipSync(buf, { level: 9 }).length,
      });
    }
  }
  return out;
}

function main() {
  const noBuild = args.includes('--no-build') && fs.existsSync(dist);
  const t0 = Date.now();
  if (!noBuild) build();
  const buildMs = Date.now() - t0;
  const files = scripts(dist).sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const totalKb = Math.round((total / 1024) * 10) / 10;
  const ok = totalKb <= BUDGET_KB;
  if (args.includes('--json')) {
    console.log(
      JSON.stringify({
        files,
        totalGzipBytes: total,
        totalGzipKB: totalKb,
        budgetKB: BUDGET_KB,
        ok,
        buildMs,
      }),
    );
  } else {
    console.log('Add-in bundle (production, dist/*.js, gzip -9):');
    for (const f of files)
      console.log(
        `  ${f.file.padEnd(16)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  → ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzip`,
      );
    console.log(
      `  total scripts gzipped: ${totalKb} KB (budget ${BUDGET_KB} KB) ${ok ? 'OK' : 'OVER BUDGET'}`,
    );
    if (!noBuild) console.log(`  production build: ${(buildMs / 1000).toFixed(1)} s`);
  }
  process.exit(ok ? 0 : 1);
}

main();
