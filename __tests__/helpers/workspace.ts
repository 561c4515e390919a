// Tests run the real engine over real files in a temporary directory.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { mergeConfig, type Config } from '../../src/config/config.js';
import { runEngine, type EngineResult } from '../../src/engine/engine.js';
import type { Finding } from '../../src/model/findings.js';

const created: string[] = [];

afterEach(async () => {
  while (created.length) await rm(created.pop()!, { recursive: true, force: true });
});

/** Write `files` (path → content) into a fresh temporary directory and return its path. */
export async function workspace(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-test-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

export async function check(files: Record<string, string | Uint8Array>, config: Partial<Config> = {}): Promise<EngineResult> {
  return runEngine(await workspace(files), mergeConfig(config));
}

/** Findings of one check, as `file:line[:col] message` strings, for exact assertions. */
export async function findingsOf(checkId: string, files: Record<string, string | Uint8Array>, config: Partial<Config> = {}): Promise<Finding[]> {
  const result = await check(files, config);
  return result.findings.filter((finding) => finding.check === checkId);
}

export function at(finding: Finding): string {
  return `${finding.file}:${finding.line}${finding.column ? `:${finding.column}` : ''}`;
}
