// What both entries (action/index.ts, cli/index.ts) do before they load the rest of the bundle.
//
// Node 22.1 and later can keep the compiled code of the modules it loads on disk and read it back on
// the next start (`module.enableCompileCache`); compiling the bundle was a third of a warm run. It
// applies only to modules loaded after it is turned on, which is why each entry is this small file
// and imports the product dynamically. Node 20 has no compile cache and starts as before.

import { lstatSync, mkdirSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

type EnableCompileCache = (directory?: string) => unknown;

/**
 * Turn on Node's compile cache, in the runner's temporary directory inside Actions (emptied for
 * every job, never shared between repositories) and in the system's temporary directory elsewhere.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off (Node's own switch); `NODE_COMPILE_CACHE=DIR` picks
 * the directory (Node's own too). The folder must be a real directory of this user: code read
 * back from a folder someone else could write would run as this process.
 */
export function useCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const enable = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function' || env.NODE_COMPILE_CACHE) return;
  const uid = process.getuid?.();
  const directory = path.join(env.RUNNER_TEMP || os.tmpdir(), `slo-gate-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const made = lstatSync(directory);
    if (!made.isDirectory() || (uid !== undefined && made.uid !== uid)) return;
    enable(directory);
  } catch {
    // A cache that cannot be made costs only speed.
  }
}

/** When the bundle itself cannot be loaded: one line and exit status 2, never a stack trace. */
export function internalFault(error: unknown): void {
  process.stderr.write(`slo-gate: internal error: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}\n`);
  process.exitCode = 2;
}
