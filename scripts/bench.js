#!/usr/bin/env node
'use strict';
/**
 * npm run bench — performance figures for a typical appendix (samples/hoang-kim-phu-luc-01.xlsx).
 *
 * Organised in sections: each entry of SECTIONS is { title, run } where run() returns the
 * lines to print (and may set `ok = false` for a missed goal). Add a section for a new
 * figure (e.g. the add-in bundle size) instead of editing another one.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SAMPLE = path.join(ROOT, 'samples', 'hoang-kim-phu-luc-01.xlsx');
const DIST = path.join(ROOT, 'dist-cli');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function ms(n) {
  return `${n.toFixed(n < 10 ? 3 : 1).replace('.', ',')} ms`;
}

function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function buildCli() {
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  } catch {
    // type errors still emit JavaScript; measure what was built, but say so
    if (!fs.existsSync(path.join(DIST, 'cli', 'main.js')))
      throw new Error('dist-cli missing: npm run build:cli failed');
    process.stdout.write('(tsc reported errors; measuring the emitted JavaScript anyway)\n');
  }
}

/** Core: analyzeWorkbook on the sample's snapshot, median of many runs. */
async function benchCore() {
  const { readWorkbookFile } = require(path.join(DIST, 'cli', 'read-file.js'));
  const { analyzeWorkbook } = require(path.join(DIST, 'core', 'analyze.js'));
  const { defaultCatalog } = require(path.join(DIST, 'core', 'catalog', 'catalog.js'));
  const { snapshot } = await readWorkbookFile(SAMPLE);
  const catalog = defaultCatalog();
  const RUNS = 300;
  for (let i = 0; i < 30; i++) analyzeWorkbook(snapshot, catalog);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = nowMs();
    analyzeWorkbook(snapshot, catalog);
    times.push(nowMs() - t);
  }
  const cells = snapshot.sheets.reduce((n, s) => n + s.cells.length, 0);
  return {
    lines: [
      `analyzeWorkbook (${cells} ô, ${RUNS} lần chạy / runs): trung vị / median ${ms(median(times))}, ` +
        `nhanh nhất / min ${ms(Math.min(...times))}`,
    ],
  };
}

function runOnce(args) {
  const t = nowMs();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const dt = nowMs() - t;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')} → exit ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  return dt;
}

/**
 * Median wall time of each command, runs interleaved (a, b, a, b…) so that a busy machine
 * slows both alike; one warm-up round first (disk cache).
 */
function timeProcesses(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs + 1; i++) {
    commands.forEach((args, k) => {
      const dt = runOnce(args);
      if (i > 0) times[k].push(dt);
    });
  }
  return times.map(median);
}

/** CLI whole process vs. a node process that only reads the same file with ExcelJS. */
async function benchCliProcess() {
  const RUNS = 10;
  const readOnly = `const E = require('exceljs'); new E.Workbook().xlsx.readFile(${JSON.stringify(SAMPLE)}).then(() => {});`;
  const [baseline, cli] = timeProcesses(
    [
      ['-e', readOnly],
      [path.join('bin', 'cds-check.js'), 'validate', '--json', SAMPLE],
    ],
    RUNS,
  );
  const ratio = cli / baseline;
  const ok = ratio <= 1.5;
  return {
    ok,
    lines: [
      `node + ExcelJS chỉ đọc tệp / read only: trung vị / median ${ms(baseline)} (${RUNS} lần / runs)`,
      `cds-check validate --json (cả tiến trình / whole process): trung vị / median ${ms(cli)}`,
      `tỷ lệ / ratio: ${ratio.toFixed(2).replace('.', ',')} (mục tiêu / goal ≤ 1,5) ${ok ? 'ĐẠT / OK' : 'CHƯA ĐẠT / MISSED'}`,
    ],
  };
}

/** A sheet whose used range reaches row 1,000,000 because of one stray cell. */
async function benchStrayCell() {
  require('./ts-register');
  const { pl01Workbook, writeXlsx } = require('../test/support/fixtures/xlsx-builders.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bench-'));
  try {
    const plain = await writeXlsx(pl01Workbook(), path.join(dir, 'plain.xlsx'));
    const stray = await writeXlsx(
      pl01Workbook({ strayRow: 1000000 }),
      path.join(dir, 'stray.xlsx'),
    );
    const [a, b] = timeProcesses(
      [
        [path.join('bin', 'cds-check.js'), 'validate', '--json', plain],
        [path.join('bin', 'cds-check.js'), 'validate', '--json', stray],
      ],
      5,
    );
    return {
      lines: [
        `cds-check validate: bảng thường / plain ${ms(a)}, có một ô lạc ở dòng 1.000.000 / stray cell at row 1,000,000 ${ms(b)}`,
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One process measured by /usr/bin/time: wall and CPU (user + system) ms, peak memory MB.
 * CPU time does not grow when other processes share the machine; wall time does.
 */
function measured(args, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')} → exit ${r.status}: ${String(r.stderr).split('\n')[0]}`);
  const [wall, user, sys, kb] = String(r.stderr).trim().split('\n').pop().split(' ').map(Number);
  return { wall: wall * 1000, cpu: (user + sys) * 1000, mb: kb / 1024 };
}

/** Median wall / CPU and the highest peak memory of each command, runs interleaved. */
function measureProcesses(commands, runs) {
  const all = commands.map(() => []);
  for (let i = 0; i < runs + 1; i++)
    commands.forEach((c, k) => {
      const m = measured(c.args, c.env);
      if (i > 0) all[k].push(m);
    });
  return all.map((list) => ({
    wall: median(list.map((m) => m.wall)),
    cpu: median(list.map((m) => m.cpu)),
    mb: Math.max(...list.map((m) => m.mb)),
  }));
}

/**
 * The province's roll-up: `cds-check rollup` of 300 communes' PHỤ LỤC 01 (the sample with
 * each file's title naming its own commune) into a workbook, against a node process that
 * merely reads the same 300 files with ExcelJS. Goal ≤ 1,3× (bar 1,5×), peak memory ≤ 500 MB.
 */
async function benchRollup() {
  const ExcelJS = require('exceljs');
  const N = 300;
  const first = ['Hoằng', 'Quảng', 'Thiệu', 'Yên', 'Nga', 'Hà', 'Triệu', 'Đông', 'Thọ', 'Vĩnh'];
  const second = [
    'Kim',
    'Đạo',
    'Lộc',
    'Phong',
    'Xuân',
    'Trinh',
    'Thắng',
    'Phú',
    'Hải',
    'Sơn',
    'Tân',
    'Hòa',
    'Minh',
    'An',
    'Bình',
    'Thành',
    'Lợi',
    'Cát',
    'Châu',
    'Đức',
    'Giang',
    'Hưng',
    'Khánh',
    'Lâm',
    'Long',
    'Mỹ',
    'Nghĩa',
    'Ninh',
    'Quang',
    'Thái',
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-bench-rollup-'));
  try {
    const inbox = path.join(dir, 'ho-so');
    fs.mkdirSync(inbox);
    const files = [];
    for (let i = 0; i < N; i++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SAMPLE);
      const name = `${first[i % first.length]} ${second[Math.floor(i / first.length) % second.length]}`;
      wb.worksheets[0].eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('HOÀNG KIM'))
            cell.value = cell.value.replace('HOÀNG KIM', name.toLocaleUpperCase('vi'));
        }),
      );
      const file = path.join(inbox, `xa-${String(i + 1).padStart(3, '0')}.xlsx`);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const list = path.join(dir, 'files.json');
    fs.writeFileSync(list, JSON.stringify(files));
    const readOnly =
      `const E = require('exceljs'); const fs = require('fs');` +
      `(async () => { for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)}, 'utf8')))` +
      ` await new E.Workbook().xlsx.load(fs.readFileSync(f)); })();`;
    const out = path.join(dir, 'tong-hop.xlsx');
    const rollup = [path.join('bin', 'cds-check.js'), 'rollup', inbox, '--out', out];
    const RUNS = 3;
    const [base, made, seq] = measureProcesses(
      [
        { args: ['-e', readOnly] },
        { args: rollup, env: { CDS_CHECK_JOBS: String(os.availableParallelism()) } },
        { args: rollup },
      ],
      RUNS,
    );
    const ratio = seq.wall / base.wall;
    const memoryOk = made.mb <= 500 && seq.mb <= 500;
    const n = (x, d = 2) => x.toFixed(d).replace('.', ',');
    const load = os.loadavg()[0];
    return {
      ok: ratio <= 1.5 && memoryOk,
      lines: [
        `node + ExcelJS chỉ đọc ${N} tệp / read only: wall ${ms(base.wall)}, CPU ${ms(base.cpu)}, bộ nhớ đỉnh / peak ${n(base.mb, 0)} MB (trung vị / median, ${RUNS} lần / runs)`,
        `cds-check rollup ${N} tệp → tong-hop.xlsx, CDS_CHECK_JOBS=${os.availableParallelism()} (luồng / threads): wall ${ms(made.wall)}, CPU ${ms(made.cpu)}, peak ${n(made.mb, 0)} MB`,
        `cds-check rollup (mặc định: từng tệp một / default: one file at a time): wall ${ms(seq.wall)}, CPU ${ms(seq.cpu)}, peak ${n(seq.mb, 0)} MB`,
        `tỷ lệ thời gian / wall ratio ${n(ratio)} (mục tiêu / goal ≤ 1,3; ngưỡng / bar 1,5) ${ratio <= 1.3 ? 'ĐẠT / OK' : ratio <= 1.5 ? 'TRONG NGƯỠNG / WITHIN BAR' : 'CHƯA ĐẠT / MISSED'}; ` +
          `tỷ lệ CPU / CPU ratio ${n(seq.cpu / base.cpu)} (${os.availableParallelism()} luồng / threads ${n(made.cpu / base.cpu)}, wall ${n(made.wall / base.wall)}); bộ nhớ / memory ≤ 500 MB ${memoryOk ? 'ĐẠT / OK' : 'CHƯA ĐẠT / MISSED'}`,
        `tải máy / load average ${n(load, 1)}, ${os.cpus().length} CPU${load > os.cpus().length ? ': máy đang bận, thời gian chỉ để tham khảo / machine busy, wall times indicative' : ''}`,
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Add-in bundle: delegated to scripts/bench-bundle.js (builds dist/ in production mode). */
async function benchBundle() {
  const { spawnSync } = require('child_process');
  const r = spawnSync(process.execPath, [path.join(__dirname, 'bench-bundle.js')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const lines = `${r.stdout || ''}`.trim().split('\n').filter(Boolean);
  if (r.status !== 0 && r.stderr) lines.push(r.stderr.trim().split('\n')[0]);
  return { ok: r.status === 0, lines };
}

const SECTIONS = [
  { title: 'Lõi kiểm tra / Core evaluation', run: benchCore },
  { title: 'Dòng lệnh / CLI whole-process time vs ExcelJS read', run: benchCliProcess },
  { title: 'Vùng dữ liệu lớn / Huge used range', run: benchStrayCell },
  { title: 'Add-in: kích thước gói / bundle size (gzip, ≤ 450 KB)', run: benchBundle },
  { title: 'Tổng hợp 300 xã / cds-check rollup of 300 files vs ExcelJS read', run: benchRollup },
];

async function main() {
  buildCli();
  process.stdout.write(
    `cds-check bench — ${path.relative(ROOT, SAMPLE)}, Node ${process.version}, ${os.cpus()[0]?.model ?? ''}\n`,
  );
  let allOk = true;
  // `npm run bench -- rollup`: only the sections whose title contains the word
  const only = process.argv[2]?.toLowerCase();
  for (const s of SECTIONS.filter((x) => !only || x.title.toLowerCase().includes(only))) {
    process.stdout.write(`\n## ${s.title}\n`);
    try {
      const r = await s.run();
      for (const l of r.lines) process.stdout.write(`  ${l}\n`);
      if (r.ok === false) allOk = false;
    } catch (e) {
      allOk = false;
      process.stdout.write(`  LỖI / ERROR: ${e && e.message ? e.message.split('\n')[0] : e}\n`);
    }
  }
  process.stdout.write(
    `\n${allOk ? 'Tất cả mục tiêu đạt / all goals met' : 'Có mục tiêu chưa đạt / some goal missed'}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exitCode = 2;
});
