// What one run is asked to do, as both front doors settle it: the action from its inputs
// (src/action/inputs.ts), the CLI from its flags (src/cli/args.ts). Settings both doors share are
// validated here, once, from their raw text; each message names the setting as its door spells
// it (`fail-on` in the action, `--fail-on` on the command line).

import { stat } from 'node:fs/promises';
import { parseMinAvailability, type Config } from './config/config.js';
import type { DiffRequest } from './diff/compare.js';
import type { EngineOptions } from './engine/engine.js';
import type { LiveSettings } from './live/run-live.js';
import { parseLiveSettings } from './live/settings.js';
import type { FailOn } from './report/report.js';

export interface RunOptions {
  /** The directory to check (a single file is accepted too); relative paths are relative to the current directory. */
  root: string;
  /** Config file; relative paths are relative to the root. Missing default file is fine, a named one must exist. */
  configFile?: string;
  /** Settings from flags or action inputs; they win over the config file. */
  overrides?: Partial<Config>;
  failOn: FailOn;
  /** Compare with a base commit (pull requests, `--base`): new findings, policy changes. */
  diff?: DiffRequest;
  /** Measure each SLO's budget and burn rate on a Prometheus API (prometheus-url set). */
  live?: LiveSettings;
  /** Worker threads for large repositories (`concurrency`, and the bundle a worker runs). */
  engine?: Pick<EngineOptions, 'concurrency' | 'workerScript'>;
  /** Keep per-file outcomes in this directory between runs (`--cache`, the action's cache). */
  cacheDir?: string;
  /**
   * The baseline file (`--baseline`, the action's `baseline`): the gate fails only on findings not in
   * it. Relative to the root; without it, `.slo-gate-baseline.json` at the root is used when present.
   * `false` uses none (writing a new baseline).
   */
  baseline?: string | false;
  /** Fill the cache directory before the run and keep it after (the action's cache across workflow runs). */
  cacheTransfer?: CacheTransfer;
  /** Where the checks' docs pages are linked from (`docs-base-url`); default: the product's repository at main. */
  docsBaseUrl?: string;
}

export interface CacheTransfer {
  /** Before the cache file is read; `configHash` names the settings the outcomes are checked under. */
  restore(configHash: string): Promise<void>;
  /** After the cache file is written; `treeHash` names the contents of the files checked. */
  save(configHash: string, treeHash: string): Promise<void>;
}

/** A bad flag, input or path: the door prints one line naming it and exits 2. */
export class UsageError extends Error {}

/** `notice` fails on any finding at all. */
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
export const FAIL_ON_HELP = 'error, warning, notice (any finding) or never';

/** The settings both doors take as text, by their shared names; empty or absent means the default. */
export interface SharedSettingsText {
  'fail-on'?: string;
  'min-availability'?: string;
  concurrency?: string;
  'prometheus-url'?: string;
  'prometheus-headers'?: string;
  'prometheus-timeout'?: string;
  'live-fail-on'?: string;
  'live-time-budget'?: string;
  'live-concurrency'?: string;
  'live-max-response-mb'?: string;
}

export type SharedSettings = Pick<RunOptions, 'failOn' | 'overrides' | 'live'> & { concurrency: number | 'auto' };

/** `prefix` is how the door spells a setting's name before it: '' for action inputs, '--' for flags. */
export function parseSharedSettings(text: SharedSettingsText, prefix: '' | '--'): SharedSettings {
  const fail = (message: string) => new UsageError(message);
  const overrides: Partial<Config> = {};
  const minAvailability = text['min-availability']?.trim();
  if (minAvailability) {
    overrides.minAvailability = parseMinAvailability(minAvailability, () => fail(`${prefix}min-availability must be a percent such as 99.9, not "${minAvailability}"`));
  }
  const live = parseLiveSettings(
    {
      url: text['prometheus-url'],
      headers: text['prometheus-headers'],
      timeout: text['prometheus-timeout'],
      failOn: text['live-fail-on'],
      budget: text['live-time-budget'],
      concurrency: text['live-concurrency'],
      maxResponseMb: text['live-max-response-mb'],
    },
    fail,
    prefix,
  );
  return { failOn: parseFailOn(text['fail-on'], prefix), overrides, live, concurrency: parseConcurrency(text.concurrency, prefix) };
}

export function parseFailOn(text: string | undefined, prefix: '' | '--' = ''): FailOn {
  const value = text?.trim() || 'error';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(value)) throw new UsageError(`${prefix}fail-on must be ${FAIL_ON_HELP}, not "${value}"`);
  return value as FailOn;
}

/** How many threads read files (1: no worker threads), or 'auto'. */
export function parseConcurrency(text: string | undefined, prefix: '' | '--' = ''): number | 'auto' {
  const value = text?.trim().toLowerCase() ?? '';
  if (value === '') return 1;
  if (value === 'auto') return 'auto';
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`${prefix}concurrency must be auto or a whole number from 1 to 64, not "${text}"`);
  return threads;
}

/**
 * The path to check, made absolute, when it is a directory — or a regular file where the door
 * allows one (the CLI checks a single file; the action's `path` is a directory). Anything else
 * (missing, a device such as /dev/zero, a FIFO, a socket) is a usage error naming the path as given.
 */
export async function checkRoot(absolute: string, where: { label: string; allowFile: boolean }): Promise<string> {
  const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  const what = where.label;
  if (stats instanceof Error) {
    if (stats.code === 'ENOENT' || stats.code === 'ENOTDIR') throw new UsageError(`${what} does not exist`);
    throw new UsageError(`${what} cannot be read (${stats.code ?? stats.message})`);
  }
  if (stats.isDirectory() || (where.allowFile && stats.isFile())) return absolute;
  throw new UsageError(`${what} is not a directory${where.allowFile ? ' or a regular file' : ''}`);
}
