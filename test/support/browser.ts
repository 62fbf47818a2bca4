/**
 * What the Chromium tests share: Debian's chromium (never downloaded) with offline flags,
 * a production build of chosen entries of webpack.config.js into a folder, and a static
 * server on 127.0.0.1 for a folder (plus extra folders under URL prefixes, e.g. Office.js
 * from node_modules/@microsoft/office-js).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import webpack from 'webpack';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.join(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'test-output');
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const haveChromium = fs.existsSync(CHROMIUM);
const ci = !!process.env.CI && process.env.CI !== 'false';
/** `describe` when chromium is there (always under CI, where its absence fails the suite). */
export const browserSuite = haveChromium || ci ? describe : describe.skip;
if (!haveChromium && !ci)
  console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

export function requireChromium(): void {
  if (!haveChromium)
    throw new Error(`CI=true but ${CHROMIUM} is missing: apt-get install -y chromium`);
}

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Production build of the named entries only (all of them when `entries` is omitted). */
export async function buildEntries(outDir: string, entries?: string[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<webpack.Configuration>;
  const config = await factory({ outDir }, { mode: 'production' });
  if (entries) {
    const all = config.entry as Record<string, string>;
    config.entry = Object.fromEntries(entries.map((e) => [e, all[e]]));
  }
  await compile({ ...config, context: ROOT });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.css': 'text/css',
};

/** Serve `dir` at "/" and each of `mounts` (URL prefix → folder) on 127.0.0.1. */
export function serve(
  dir: string,
  mounts: Record<string, string> = {},
): Promise<{ server: http.Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
    requests.push(urlPath);
    let base = dir;
    let rel = urlPath.replace(/^\/+/, '');
    for (const [prefix, folder] of Object.entries(mounts)) {
      const p = prefix.replace(/^\/+|\/+$/g, '') + '/';
      if (rel.toLowerCase().startsWith(p.toLowerCase())) {
        base = folder;
        rel = rel.slice(p.length);
        break;
      }
    }
    const file = path.join(base, rel);
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        requests,
      }),
    ),
  );
}
