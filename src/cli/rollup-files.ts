/**
 * Reading the communes' files for `cds-check rollup`: each file is read, evaluated exactly as
 * `validate` does and reduced to its communes' rows (its workbook is dropped before the next
 * file). One after the other by default; with CDS_CHECK_JOBS=N, spread over N worker threads
 * when the CLI runs from its build (one workbook per worker at a time).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { analyzeWorkbook } from '../core/analyze';
import type { Catalog } from '../core/catalog/types';
import {
  rollupWorkbook,
  unreadableFile,
  type RollupCommune,
  type RollupFile,
  type RollupLevel,
} from '../core/rollup';
import { catalogFromFile } from './catalog-file';
import { isCliError } from './errors';
import { readWorkbookFile } from './read-file';

export interface FileRollup {
  communes: RollupCommune[];
  file: RollupFile;
}

function problemMessage(file: string, e: unknown): string {
  if (isCliError(e)) return e.message;
  return `Lỗi nội bộ khi đọc tệp "${path.basename(file)}": ${String((e as Error)?.message ?? e).split('\n')[0]}`;
}

/** Read, evaluate and reduce one file; an unreadable file gives its one-line reason. */
export async function rollupFile(
  file: string,
  catalog: Catalog,
  level: RollupLevel,
): Promise<FileRollup> {
  try {
    const { snapshot } = await readWorkbookFile(file);
    const report = analyzeWorkbook(snapshot, catalog);
    return rollupWorkbook(file, snapshot, report, catalog, level);
  } catch (e) {
    return { communes: [], file: unreadableFile(file, problemMessage(file, e)) };
  }
}

export interface RollupJob {
  files: string[];
  /** --catalog (the workers load it themselves) */
  catalogFile: string | undefined;
  catalog: Catalog;
  level: RollupLevel;
  /** Called as each file is done (in completion order), with its index in `files`. */
  onDone?: (index: number, done: number) => void;
}

/** What a worker is started with. */
export interface WorkerInput {
  catalogFile: string | undefined;
  level: RollupLevel;
}

const WORKER_FILE = path.join(__dirname, 'rollup-worker.js');

/**
 * How many worker threads: CDS_CHECK_JOBS (default 1: one file after the other in this
 * thread). Measured on a shared 2-CPU machine, two workers cost more CPU (each loads the
 * core, results are copied between threads) than they saved; `npm run bench -- rollup`
 * shows both.
 */
function jobCount(files: number): number {
  const env = Number(process.env.CDS_CHECK_JOBS);
  const wanted = Number.isInteger(env) && env > 0 ? Math.min(env, os.availableParallelism()) : 1;
  // workers run compiled JavaScript: from the TypeScript sources (tests) read in-process
  if (!fs.existsSync(WORKER_FILE) || __filename.endsWith('.ts')) return 1;
  return Math.max(1, Math.min(wanted, files));
}

/** Every file's roll-up, in the order of `files`. */
export async function rollupFiles(job: RollupJob): Promise<FileRollup[]> {
  const out: FileRollup[] = new Array(job.files.length);
  const jobs = jobCount(job.files.length);
  let done = 0;
  if (jobs <= 1) {
    for (let i = 0; i < job.files.length; i++) {
      out[i] = await rollupFile(job.files[i], job.catalog, job.level);
      job.onDone?.(i, ++done);
    }
    return out;
  }
  let next = 0;
  const workerData: WorkerInput = { catalogFile: job.catalogFile, level: job.level };
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_FILE, { workerData });
      let current = -1;
      const feed = () => {
        if (next >= job.files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(job.files[current]);
      };
      worker.on('message', (result: FileRollup) => {
        out[current] = result;
        job.onDone?.(current, ++done);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, runWorker));
  return out;
}

/** The worker's side: a file path in, its FileRollup out. */
export function serveRollupWorker(
  port: { on(ev: 'message', fn: (file: string) => void): void; postMessage(v: unknown): void },
  input: WorkerInput,
): void {
  const catalog = catalogFromFile(input.catalogFile);
  port.on('message', (file) => {
    void rollupFile(file, catalog, input.level).then((r) => port.postMessage(r));
  });
}
