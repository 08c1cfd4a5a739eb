// The long fuzz run's worker thread (scripts/fuzz.mjs starts one per tool): fuzzes until a deadline and
// writes the index of the input it is about to run into shared memory, so that the main thread can kill
// it when an input hangs (or dies of memory) and name that input. Each bug found in-process is posted at
// once; the last message is the run's counts.

import { parentPort, workerData } from 'node:worker_threads';
import { fuzz } from './engine.js';
import type { Tool } from './targets.js';

export interface WorkerJob {
  readonly tool: Tool;
  readonly seed: number;
  readonly from: number;
  readonly until: number;
  readonly limitMs: number;
  /** Int32Array view: [0] the index being run. */
  readonly progress: SharedArrayBuffer;
}

const job = workerData as WorkerJob;
const progress = new Int32Array(job.progress);
const stats = fuzz({
  tool: job.tool,
  seed: job.seed,
  from: job.from,
  until: job.until,
  limitMs: job.limitMs,
  beforeEach: (index) => {
    Atomics.store(progress, 0, index);
  },
});
for (const f of stats.findings) parentPort!.postMessage({ type: 'finding', finding: f });
parentPort!.postMessage({ type: 'done', inputs: stats.inputs, ok: stats.ok, rejected: stats.rejected });
