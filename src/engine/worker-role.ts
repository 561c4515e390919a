// How an entry knows, before it loads anything, that the engine started it as a file worker: the
// engine passes this argument to the worker (and checks the role in workerData once loaded), so the
// entry need not load node:worker_threads to ask.
export const FILE_WORKER_ARGUMENT = '--slo-gate-file-worker';

export function startedAsFileWorker(argv: readonly string[] = process.argv): boolean {
  return argv[2] === FILE_WORKER_ARGUMENT;
}
