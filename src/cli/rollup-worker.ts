/** Worker thread of `cds-check rollup` (see rollup-files.ts): reads one file at a time. */
import { parentPort, workerData } from 'worker_threads';
import { serveRollupWorker, type WorkerInput } from './rollup-files';

if (parentPort) serveRollupWorker(parentPort, workerData as WorkerInput);
