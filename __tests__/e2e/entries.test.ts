// The bundled entries (dist/cli.js → dist/cli/index.js, dist/index.js) are small: they turn on
// Node's compile cache where the runtime has one (Node 22+) and then load the product. This runs
// the committed CLI under Node 24 and Node 20 and looks at what it leaves in the temporary
// directory, and at the reports, which must not depend on any of it.

import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';
import { workspace } from '../helpers/workspace.js';
import { resolveNode24 } from '../support/action-runner.js';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const execFileAsync = promisify(execFile);
const CACHE_FOLDER = `slo-gate-compile-cache-${process.getuid?.() ?? ''}`.replace(/-$/, '');

const RULES = `groups:
  - name: api
    rules:
      - alert: HighErrorRate
        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05
        for: 5m
        labels: { severity: page }
      - alert: Broken
        expr: sum(rate(x[5m])
`;

async function check(node: string, root: string, env: NodeJS.ProcessEnv, ...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(node, [CLI, 'check', root, '--format', 'json', ...extra], { env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const withoutTime = (json: string) => json.replace(/"generatedAt": "[^"]*"/, '');
/** Every file under `dir`, recursively. */
const filesUnder = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : []);

describe('the bundled entries', () => {
  it('under Node 24 keep compiled code in the runner temp directory, and the report does not change', async () => {
    const node = await resolveNode24();
    const repo = await workspace({ 'rules/api.yaml': RULES });
    const temp = await workspace({});
    const env = { RUNNER_TEMP: temp };
    const first = await check(node, repo, env);
    expect(first.code).toBe(1);
    const cached = filesUnder(path.join(temp, CACHE_FOLDER));
    // One entry per chunk the run loaded; the numbers vary with the bundle.
    expect(cached.length).toBeGreaterThan(2);
    const second = await check(node, repo, env);
    const uncached = await check(node, repo, { ...env, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(withoutTime(second.stdout)).toBe(withoutTime(first.stdout));
    expect(withoutTime(uncached.stdout)).toBe(withoutTime(first.stdout));
    expect(JSON.parse(first.stdout).counts.error).toBeGreaterThan(0);
  });

  it('never uses a compile cache folder that is a symlink, which someone else could have made', async () => {
    const node = await resolveNode24();
    const repo = await workspace({ 'rules/api.yaml': RULES });
    const temp = await workspace({});
    const elsewhere = path.join(temp, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(temp, CACHE_FOLDER));
    const run = await check(node, repo, { RUNNER_TEMP: temp });
    expect(run.code).toBe(1);
    expect(filesUnder(elsewhere)).toEqual([]);
  });

  it('under Node 20 start without a compile cache', async () => {
    if (!process.versions.node.startsWith('20.')) return expect(process.versions.node).not.toMatch(/^20\./);
    const repo = await workspace({ 'rules/api.yaml': RULES });
    const temp = await workspace({});
    const run = await check(process.execPath, repo, { RUNNER_TEMP: temp });
    expect(run.code).toBe(1);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('refuse the file worker argument from a user with one line', async () => {
    const run = await execFileAsync(process.execPath, [CLI, '--slo-gate-file-worker']).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('slo-gate: internal error: --slo-gate-file-worker is for the file workers slo-gate starts itself\n');
  });

  it('do not reuse outcomes cached by another build of the same version', async () => {
    // A copy of the CLI's bundle whose build-id is changed stands in for a rebuilt release.
    const copy = await workspace({});
    cpSync(path.join(REPO_ROOT, 'dist'), copy, { recursive: true });
    const repo = await workspace({ 'rules/api.yaml': RULES });
    const cacheDir = path.join(repo, '.cache');
    const run = (bundle: string) => execFileAsync(process.execPath, [path.join(bundle, 'cli.js'), 'check', repo, '--format', 'json', `--cache=${cacheDir}`]).catch((error) => error as { stdout: string });
    const cacheUse = async (bundle: string) => JSON.parse((await run(bundle)).stdout).cache;
    expect(await cacheUse(copy)).toEqual({ files: 1, fromCache: 0 });
    expect(await cacheUse(copy)).toEqual({ files: 1, fromCache: 1 });
    const buildId = path.join(copy, 'cli', 'build-id');
    writeFileSync(buildId, `${readFileSync(buildId, 'utf8').trim()}0\n`);
    expect(await cacheUse(copy)).toEqual({ files: 1, fromCache: 0 });
  });
});
