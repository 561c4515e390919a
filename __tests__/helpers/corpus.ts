import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared corpus of real monitoring files, beside the clone (CI lays it there too). */
export const CORPUS = process.env.SLO_GATE_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
export const corpusAvailable = existsSync(path.join(CORPUS, 'README.md'));
if (!corpusAvailable && process.env.SLO_GATE_REQUIRE_CORPUS) throw new Error(`SLO_GATE_REQUIRE_CORPUS is set but the corpus is not at ${CORPUS}`);
export const corpusSkipReason = `corpus not found at ${CORPUS} (set SLO_GATE_CORPUS)`;
export const REPO_ROOT = repoRoot;
