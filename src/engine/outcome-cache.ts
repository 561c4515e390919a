// The engine's side of the outcome cache: before a file is parsed, its bytes are hashed and the
// store asked for the outcome it had under the same settings. What a stored outcome depends on
// besides the file's bytes and path (the tool's code is the store's identity) is written next to
// it: the document kinds it held and the normalise options adapters read. The settings digest is
// made from those alone, so a configuration change invalidates exactly the outcomes it affects:
// turning a rule check off re-reads rule files, not dashboards.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentCheck } from '../checks/check.js';
import { configValue, type Config } from '../config/config.js';
import { blobId } from '../cache/content-hash.js';
import { OutcomeStore } from '../cache/outcome-store.js';
import type { DocumentKind } from '../model/types.js';
import { readFileBytes } from '../parse/read.js';
import type { FileOutcome, FileTask } from './file-stage.js';

export type OutcomeCache = OutcomeStore<FileOutcome>;

/** What one run of the file stage took from the cache. */
export interface CacheUse {
  /** Files whose outcome came from the cache. */
  hits: number;
  /** Files read from disk. */
  reads: number;
}

interface StoredMeta {
  kinds: DocumentKind[];
  /** Read as a Helm chart template (a Chart.yaml added above it changes how the same bytes read). */
  helmTemplate?: boolean;
  optionsRead: FileOutcome['optionsRead'];
  digest: string;
}

/**
 * The identity of outcomes this code makes: the tool version, and the hash of the bundle's code
 * that `npm run bundle` writes beside it (`build-id`), so a rebuilt tool of the same version does
 * not reuse old outcomes. Run from the sources (tests), the running script is hashed instead.
 */
export function codeIdentity(toolVersion: string): string {
  let code = 'unknown';
  const here = fileURLToPath(import.meta.url);
  try {
    code = readFileSync(path.join(path.dirname(here), 'build-id'), 'utf8').trim();
  } catch {
    try {
      code = createHash('sha1').update(readFileSync(process.argv[1] ?? here)).digest('hex').slice(0, 16);
    } catch {
      // Outcomes of an unknown build are still keyed by the tool version and every file's bytes.
    }
  }
  return `${toolVersion}+${code}`;
}

/** An outcome with the content hash of the file it is the outcome of. */
export interface HashedOutcome {
  hash: string;
  outcome: FileOutcome;
  /** Read as a Helm chart template: the same bytes read otherwise have another outcome. */
  helmTemplate: boolean;
}

/**
 * The outcome of each task, in order: from `known` when it holds one for the file (a pull
 * request's base, sharing the head's outcome objects), from the cache when it holds one for the
 * file's bytes and these settings, else from `compute`. Without a cache, files are only hashed.
 */
export async function throughCache(
  tasks: readonly FileTask[],
  cache: OutcomeCache | undefined,
  config: Config,
  checks: readonly DocumentCheck[],
  compute: (tasks: FileTask[]) => Promise<FileOutcome[]> | FileOutcome[],
  /** Outcomes known without reading the file (the head's, for a base file with the same blob id), by display path. */
  known?: ReadonlyMap<string, HashedOutcome>,
): Promise<{
  outcomes: FileOutcome[];
  /** Whether the outcome's objects are this run's own copy (deserialized from the cache), not shared with another run's model. */
  copied: boolean[];
  /** Each hashed file's outcome with its hash, by path. */
  hashed: Map<string, HashedOutcome>;
  use: CacheUse;
}> {
  const digests = new Map<string, string>();
  const digestOf = (kinds: readonly DocumentKind[], optionsRead: FileOutcome['optionsRead']) => {
    const id = `${kinds.join(',')}|${optionsRead.join(',')}`;
    let digest = digests.get(id);
    if (digest === undefined) digests.set(id, (digest = settingsDigest(kinds, optionsRead, config, checks)));
    return digest;
  };
  const acceptFor = (task: FileTask) => (meta: string) => {
    try {
      const parsed = JSON.parse(meta) as StoredMeta;
      return parsed.digest === digestOf(parsed.kinds, parsed.optionsRead) && (parsed.helmTemplate ?? false) === (task.helmTemplate ?? false);
    } catch {
      return false;
    }
  };

  const outcomes: FileOutcome[] = new Array(tasks.length);
  const copied: boolean[] = new Array(tasks.length).fill(false);
  const hashed = new Map<string, HashedOutcome>();
  const missing: { index: number; hash?: string; task: FileTask }[] = [];
  const use: CacheUse = { hits: 0, reads: 0 };
  tasks.forEach((task, index) => {
    const shared = known?.get(task.displayPath);
    if (shared !== undefined) {
      // The caller matched the blob ids; a Chart.yaml added or removed above the file changes how they read.
      if (shared.helmTemplate !== (task.helmTemplate ?? false)) throw new Error(`the outcome of ${task.displayPath} is known as ${shared.helmTemplate ? '' : 'not '}a Helm template`);
      outcomes[index] = shared.outcome;
      hashed.set(task.displayPath, shared);
      use.hits++;
      return;
    }
    let read;
    try {
      read = readFileBytes(task.absolutePath, config.maxFileBytes);
    } catch {
      // The file stage reads it again and says why it cannot.
      missing.push({ index, task });
      return;
    }
    if (!('buffer' in read)) {
      missing.push({ index, task });
      return;
    }
    use.reads++;
    const hash = blobId(read.buffer);
    const hit = cache?.get(task.displayPath, hash, acceptFor(task));
    if (hit) {
      outcomes[index] = hit;
      copied[index] = true;
      hashed.set(task.displayPath, { hash, outcome: hit, helmTemplate: task.helmTemplate ?? false });
      use.hits++;
    } else missing.push({ index, hash, task: { ...task, bytes: read.buffer } });
  });

  const computed = missing.length ? await compute(missing.map((entry) => entry.task)) : [];
  missing.forEach(({ index, hash, task }, k) => {
    const outcome = computed[k];
    outcomes[index] = outcome;
    if (hash === undefined) return;
    hashed.set(outcome.file.path, { hash, outcome, helmTemplate: task.helmTemplate ?? false });
    if (!cache) return;
    const meta: StoredMeta = {
      kinds: outcome.file.kinds,
      optionsRead: outcome.optionsRead,
      digest: digestOf(outcome.file.kinds, outcome.optionsRead),
      ...(task.helmTemplate ? { helmTemplate: true } : {}),
    };
    cache.put(outcome.file.path, hash, JSON.stringify(meta), outcome);
  });
  return { outcomes, copied, hashed, use };
}

/** The settings an outcome with these document kinds and read options depends on, hashed. */
export function settingsDigest(kinds: readonly DocumentKind[], optionsRead: FileOutcome['optionsRead'], config: Config, checks: readonly DocumentCheck[]): string {
  const documentChecks = checks
    .filter((check) => check.meta.documentKinds?.some((kind) => kinds.includes(kind)))
    .map((check) => [check.meta.id, config.checks[check.meta.id] ?? null, checkOptions(check, config)]);
  const options = [...optionsRead].sort().map((name) => [name, config[name]]);
  return createHash('sha1').update(JSON.stringify({ documentChecks, options })).digest('hex');
}

/** The configuration a check declares it reads (`meta.options`: `.slo-gate.yml` keys); none when it declares nothing. */
function checkOptions(check: DocumentCheck, config: Config): unknown[] {
  const declared = check.meta.options;
  return declared ? Object.keys(declared).sort().map((key) => [key, configValue(config, key) ?? null]) : [];
}
