// The outcome cache across workflow runs: restored before the check and saved after it with
// @actions/cache. The key names the tool version, the configuration and the checked tree; a run
// restores by prefix, so a changed tree still finds the last run's entries (the store keys each
// outcome by its file's content, so a stale entry is never used). A cache that cannot be restored
// or saved (service down, quota, no cache service on this runner) costs one notice, never the step.

import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import type { CacheTransfer } from '../options.js';

export interface CacheKeys {
  /** The key this run saves under. */
  key: string;
  /** Prefixes to restore from, most specific first. */
  restoreKeys: string[];
}

export interface CacheResult {
  /** The key restored (restore) or saved under (save). */
  key?: string;
  /** Why the cache was not restored or saved; undefined when it was, or when there was nothing to do. */
  problem?: string;
  /** The runner offers no cache service (a self-hosted runner without one, GitHub Enterprise Server without it): not a problem. */
  unavailable?: true;
}

const PREFIX = 'slo-gate-outcomes';



/** Keys for this tool version and configuration; `treeHash` is the hash of the checked files' contents, known after the run. */
export function cacheKeys(toolVersion: string, configHash: string, treeHash = ''): CacheKeys {
  const tool = `${PREFIX}-${toolVersion}-`;
  return { key: `${tool}${configHash}-${treeHash}`, restoreKeys: [`${tool}${configHash}-`, tool] };
}

/** Restore `dir` from the newest cache entry under the restore keys. */
export async function restoreCacheDir(dir: string, keys: CacheKeys): Promise<CacheResult> {
  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) return { unavailable: true };
  const { value, problem } = await quietly(() => cache.restoreCache([dir], keys.restoreKeys[0], keys.restoreKeys));
  return { key: value, problem };
}

/** Save `dir` under `keys.key`, unless that key was the one restored (entries are immutable, and it holds the same). */
export async function saveCacheDir(dir: string, keys: CacheKeys, restoredKey: string | undefined): Promise<CacheResult> {
  if (restoredKey === keys.key) return {};
  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) return { unavailable: true };
  const { value, problem } = await quietly(() => cache.saveCache([dir], keys.key));
  if (problem) return { problem };
  return value !== undefined && value > 0 ? { key: keys.key } : { problem: 'the cache service did not accept the entry' };
}

/**
 * Run a cache call with the warnings and errors @actions/cache writes itself turned into debug
 * lines: a cache problem must not look like a problem with the check (an error annotation in a
 * passing run). The first of them becomes the problem the caller reports once.
 */
async function quietly<T>(call: () => Promise<T>): Promise<{ value?: T; problem?: string }> {
  const write = process.stdout.write;
  let problem: string | undefined;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
    const command = text === undefined ? undefined : /^::(warning|error)(?: [^:]*)?::(.*)$/s.exec(text.trimEnd());
    if (command) {
      problem ??= unescapeCommand(command[2]).split('\n')[0];
      return write.call(this, `::debug::${command[2]}\n`, ...(rest as [])) as boolean;
    }
    return write.call(this, chunk as string, ...(rest as [])) as boolean;
  } as typeof process.stdout.write;
  try {
    const value = await call();
    return { value, problem };
  } catch (error) {
    return { problem: (error as Error)?.message?.split('\n')[0] ?? String(error) };
  } finally {
    process.stdout.write = write;
  }
}

function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** One line for the log when the cache could not be used. */
export function cacheNotice(action: 'restore' | 'save', problem: string): void {
  core.notice(`slo-gate did not ${action} its cache: ${problem}. The check itself is not affected.`);
}

/**
 * The outcome cache across workflow runs: kept under the runner's temp directory, restored and
 * saved with the Actions cache. A cache that cannot be used is one notice; the save is not
 * tried after a failed restore (the service is down, or there is none).
 */
export function actionCache(toolVersion: string, env: NodeJS.ProcessEnv = process.env): { cacheDir: string; cacheTransfer: CacheTransfer } {
  const cacheDir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'slo-gate-cache');
  let restored: string | undefined;
  let failed = false;
  return {
    cacheDir,
    cacheTransfer: {
      async restore(configHash) {
        const result = await restoreCacheDir(cacheDir, cacheKeys(toolVersion, configHash));
        restored = result.key;
        if (result.unavailable) {
          failed = true;
          core.info('slo-gate: this runner offers no cache service; every file is checked afresh');
        } else if (result.problem) {
          failed = true;
          cacheNotice('restore', result.problem);
        } else core.info(restored ? `slo-gate: restored its cache from ${restored}` : 'slo-gate: no cache to restore; this run fills it');
      },
      async save(configHash, treeHash) {
        if (failed) return;
        const result = await saveCacheDir(cacheDir, cacheKeys(toolVersion, configHash, treeHash), restored);
        if (result.problem) cacheNotice('save', result.problem);
        else if (result.key) core.info(`slo-gate: saved its cache as ${result.key}`);
      },
    },
  };
}
