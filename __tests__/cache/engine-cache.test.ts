// The outcome cache in the engine: a run that takes outcomes from the cache writes the report a
// cold run writes, byte for byte, whatever the files hold; a changed setting re-reads exactly the
// files whose outcome it affects; a damaged cache file costs a notice and nothing else.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { CACHE_FILE, runCheck } from '../../src/run.js';
import { runCli } from '../../src/cli/cli.js';
import { openSloSli, openSloSlo, slothSpec } from '../helpers/slo-fixtures.js';
import { workspace } from '../helpers/workspace.js';
import { tempDir } from '../diff/git-repo.js';

const EXAMPLES = path.resolve(import.meta.dirname, '..', '..', 'examples', 'agentaskit');
const examples = Object.fromEntries(
  readdirSync(EXAMPLES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(EXAMPLES, file), readFileSync(file, 'utf8')];
    }),
);

/** Good files and every kind of bad one: broken YAML and PromQL, binary, bad UTF-8, empty, oversized, cross-file OpenSLO. */
const TREE: Record<string, string | Uint8Array> = {
  ...examples,
  'rules/broken-query.yaml': 'groups:\n  - name: g\n    rules:\n      - alert: Broken\n        expr: rate(http_requests_total[5m]\n        labels: { severity: page }\n',
  'rules/broken-yaml.yaml': 'groups:\n  - name: g\n    rules: [\n      - alert: X\n',
  'rules/duplicate.yaml': 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n      - alert: A\n        expr: up == 0\n',
  'binary.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x01]),
  'latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
  'empty.yaml': '',
  'dashboards/broken.json': '{"panels": [',
  'openslo/slo.yaml': openSloSlo(),
  'openslo/sli.yaml': openSloSli,
  'sloth/service.yaml': slothSpec('99.5'),
  'huge.yaml': `# ${'x'.repeat(10000)}\n`,
};
const SETTINGS: Partial<Config> = { maxFileBytes: 8192 };

async function report(root: string, options: { cacheDir?: string; overrides?: Partial<Config> } = {}) {
  const run = await runCheck({ root, failOn: 'error', overrides: { ...SETTINGS, ...options.overrides }, cacheDir: options.cacheDir });
  const { cache, ...rest } = run.report;
  const fixed = { ...rest, generatedAt: '2026-01-01T00:00:00.000Z' };
  return { json: renderJson(fixed), text: renderText(fixed), cache, notices: run.cacheNotices, engine: run.engine };
}

describe('outcome cache', () => {
  it('a warm run writes the report a cold run writes, on a tree with bad files', async () => {
    const root = await workspace(TREE);
    const cacheDir = path.join(tempDir(), 'cache');
    const cold = await report(root);
    expect(cold.json).toMatch(/"check": "promql\/syntax"|promql/);
    expect(JSON.parse(cold.json).findings.length).toBeGreaterThan(5);

    const filling = await report(root, { cacheDir });
    expect(filling.cache).toEqual({ files: JSON.parse(cold.json).files.length, fromCache: 0 });
    const warm = await report(root, { cacheDir });
    // Every file but the one over the size limit (never read, so never hashed) came from the cache.
    expect(warm.cache).toEqual({ files: filling.cache!.files, fromCache: filling.cache!.files - 1 });
    expect(warm.engine.cache).toEqual({ hits: filling.cache!.files - 1, reads: filling.cache!.files - 1 });
    for (const run of [filling, warm]) {
      expect(run.json).toBe(cold.json);
      expect(run.text).toBe(cold.text);
      expect(run.notices).toEqual([]);
    }
  });

  it('a changed file is read again, the others are not', async () => {
    const root = await workspace(TREE);
    const cacheDir = path.join(tempDir(), 'cache');
    await report(root, { cacheDir });
    writeFileSync(path.join(root, 'rules/duplicate.yaml'), 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 1\n');
    const warm = await report(root, { cacheDir });
    expect(warm.cache!.fromCache).toBe(warm.cache!.files - 2);
    expect(warm.json).toBe((await report(root)).json);
  });

  it('a changed setting invalidates exactly the outcomes it affects', async () => {
    const root = await workspace(TREE);
    const cacheDir = path.join(tempDir(), 'cache');
    const files = (await report(root, { cacheDir })).cache!.files;
    /** Files read afresh after a run with the default settings, when these are changed. */
    const fromCache = async (overrides: Partial<Config>) => {
      await report(root, { cacheDir });
      const warm = await report(root, { cacheDir, overrides });
      expect(warm.json).toBe((await report(root, { overrides })).json);
      return files - warm.cache!.fromCache;
    };
    const ruleFiles = JSON.parse((await report(root)).json).files.filter((file: { kinds: string[] }) => file.kinds.includes('rule-file')).length;
    expect(ruleFiles).toBeGreaterThan(1);
    // rule/schema reads rule files only: those are read again (plus the oversized file, never cached).
    expect(await fromCache({ checks: { 'rule/schema': 'warning' } })).toBe(ruleFiles + 1);
    // The Sloth adapter is the only one here that reads the default period: one file (and the oversized one).
    expect(await fromCache({ defaultPeriodSeconds: 7 * 86400 })).toBe(2);
    // Settings of model-wide checks touch no file's outcome.
    expect(await fromCache({ minAvailability: 0.99, requiredAnnotations: ['runbook_url'] })).toBe(1);
  });

  it('flipped bytes in the cache file: the report of a cold run, and one notice', async () => {
    const root = await workspace(TREE);
    const cacheDir = path.join(tempDir(), 'cache');
    const cold = await report(root);
    await report(root, { cacheDir });
    const file = path.join(cacheDir, CACHE_FILE);
    const bytes = readFileSync(file);
    for (const at of [bytes.length - 3, Math.floor(bytes.length / 2), Math.floor(bytes.length / 3) + 1]) {
      const damaged = Buffer.from(readFileSync(file));
      damaged[at] ^= 0xff;
      writeFileSync(file, damaged);
      const run = await report(root, { cacheDir });
      expect(run.notices).toHaveLength(1);
      expect(run.notices[0]).toMatch(/^cache file .* not used: .*checked every file afresh$/);
      expect(run.cache!.fromCache).toBe(0);
      expect(run.json).toBe(cold.json);
      // That run wrote a sound cache again.
      expect((await report(root, { cacheDir })).notices).toEqual([]);
    }
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    const truncated = await report(root, { cacheDir });
    expect(truncated.notices[0]).toMatch(/truncated/);
    expect(truncated.json).toBe(cold.json);
  });

  it('the CLI: --cache keeps the cache in .slo-gate-cache, --cache=DIR where asked, the report says how many files came from it', async () => {
    const root = await workspace(TREE);
    const dir = tempDir();
    const cli = async (...args: string[]) => {
      let stdout = '';
      let stderr = '';
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const code = await runCli(['check', root, ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
        return { code, stdout, stderr };
      } finally {
        process.chdir(cwd);
      }
    };
    const first = await cli('--cache');
    expect(first.stdout).toMatch(/^0 of \d+ file\(s\) came from the cache/m);
    expect(readdirSync(path.join(dir, '.slo-gate-cache'))).toEqual([CACHE_FILE]);
    const second = await cli('--cache', '--format', 'markdown');
    expect(second.stdout).toMatch(/\b(\d+) of (\d+) file\(s\) came from the cache/);
    const named = await cli(`--cache=${path.join(dir, 'elsewhere')}`, '--format', 'json');
    expect(JSON.parse(named.stdout).cache.fromCache).toBe(0);
    expect((await cli()).stdout).not.toMatch(/came from the cache/);
    expect((await cli('--cache=')).code).toBe(2);
  });
});
