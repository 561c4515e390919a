import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared corpus of real monitoring files, beside the clone (CI lays it there too). Every test
 * that reads it finds it here and nowhere else, so a clone without it skips those suites by name.
 */
export const CORPUS = path.resolve(process.env.SLO_GATE_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus'));
export const corpusAvailable = existsSync(path.join(CORPUS, 'README.md'));
if (!corpusAvailable && process.env.SLO_GATE_REQUIRE_CORPUS) throw new Error(`SLO_GATE_REQUIRE_CORPUS is set but the corpus is not at ${CORPUS}`);
export const corpusSkipReason = `corpus not found at ${CORPUS} (set SLO_GATE_CORPUS)`;
export const REPO_ROOT = repoRoot;

/**
 * A corpus suite's title, naming why it is skipped when the corpus is absent. Use it with
 * `describe.skipIf(!corpusAvailable)` and read corpus files only inside `it`/hooks or behind
 * `corpusAvailable`: vitest runs a skipped describe's body to collect its tests.
 */
export function corpusSuiteTitle(title: string): string {
  return corpusAvailable ? title : `${title} (skipped: ${corpusSkipReason})`;
}
