// Large repositories are read on worker threads: parsing YAML is most of a check's time, and on
// one thread it uses one core. A worker runs the same bundle as the front door that started the check
// (its entry sees the marker in workerData and serves files instead), takes chunks of files from
// the main thread and sends back their outcomes; the engine merges them in file order, so the
// report is the one a single thread would have written.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createFileStage, type FileOutcome, type FileStageSettings, type FileTask } from './file-stage.js';
import { FILE_WORKER_ARGUMENT } from './worker-role.js';

const ROLE = 'slo-gate file worker';
// Each worker has the next chunk queued while it sends a finished one, so it never waits for the main thread.
const CHUNKS_IN_FLIGHT = 2;

export interface FileWorkers {
  /** The script a worker runs: the bundle whose entry calls `serveFileWorker` when `isFileWorker()`. */
  script: string | URL;
  threads: number;
}

interface Request {
  chunk: number;
  tasks: FileTask[];
}

type Reply = { chunk: number; outcomes: FileOutcome[] } | { chunk: number; error: string };

export function isFileWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | undefined)?.role === ROLE;
}

/** The worker's side: process each chunk the main thread sends. */
export function serveFileWorker(): void {
  if (!isFileWorker()) throw new Error(`${FILE_WORKER_ARGUMENT} is for the file workers slo-gate starts itself`);
  const port = parentPort!;
  const processFile = createFileStage((workerData as { settings: FileStageSettings }).settings);
  port.on('message', ({ chunk, tasks }: Request) => {
    let reply: Reply;
    try {
      reply = { chunk, outcomes: tasks.map(processFile) };
      port.postMessage(reply);
    } catch (error) {
      // Also what a closure left in the model would cause: postMessage cannot clone functions.
      port.postMessage({ chunk, error: (error as Error)?.message?.split('\n')[0] ?? String(error) } satisfies Reply);
    }
  });
}

/**
 * The outcomes of all tasks, in task order. `threads - 1` workers and this thread take chunks from
 * one queue; this thread yields between its chunks so that finished chunks are received and
 * workers get their next one at once. Rejects on the first worker fault (an internal error).
 */
export async function processInWorkers(tasks: readonly FileTask[], settings: FileStageSettings, workers: FileWorkers): Promise<FileOutcome[]> {
  const chunkSize = Math.max(4, Math.min(64, Math.ceil(tasks.length / (workers.threads * 16))));
  const chunks: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += chunkSize) chunks.push(tasks.slice(i, i + chunkSize));
  const results: FileOutcome[][] = new Array(chunks.length);
  let next = 0;
  let fault: Error | undefined;
  const pool: Worker[] = [];
  const pending: Promise<void>[] = [];

  const give = (worker: Worker) => {
    if (next >= chunks.length || fault) return false;
    worker.postMessage({ chunk: next, tasks: chunks[next] } satisfies Request);
    next++;
    return true;
  };
  for (let t = 1; t < Math.min(workers.threads, chunks.length); t++) {
    const worker = new Worker(workers.script, { argv: [FILE_WORKER_ARGUMENT], workerData: { role: ROLE, settings } });
    pool.push(worker);
    let inFlight = 0;
    pending.push(
      new Promise<void>((resolve) => {
        const stop = (error?: Error) => {
          fault ??= error;
          resolve();
        };
        worker.on('message', (reply: Reply) => {
          inFlight--;
          if ('error' in reply) return stop(new Error(`file worker: ${reply.error}`));
          results[reply.chunk] = reply.outcomes;
          if (give(worker)) inFlight++;
          if (inFlight === 0) stop();
        });
        worker.on('error', (error) => stop(error));
        worker.on('exit', (code) => stop(inFlight > 0 ? new Error(`file worker stopped (exit code ${code}) before its files were done`) : undefined));
        for (let k = 0; k < CHUNKS_IN_FLIGHT; k++) if (give(worker)) inFlight++;
        if (inFlight === 0) stop();
      }),
    );
  }

  const processFile = createFileStage(settings);
  while (next < chunks.length && !fault) {
    const chunk = next++;
    results[chunk] = chunks[chunk].map(processFile);
    await new Promise((resolve) => setImmediate(resolve));
  }
  try {
    await Promise.all(pending);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  if (fault) throw fault;
  return results.flat();
}
