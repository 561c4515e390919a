// The cache across workflow runs against a local fake of the Actions cache service (real HTTP,
// Twirp responses shaped like github.com's, archives in a real Azurite).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheKeys, restoreCacheDir, saveCacheDir } from '../../src/action/cache.js';
import { type FakeCacheService, startCacheService } from '../support/cache-service.js';

let service: FakeCacheService;
let work: string;
let dir: string;
const saved: Record<string, string | undefined> = {};
const ENV = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'RUNNER_TEMP', 'GITHUB_WORKSPACE', 'GITHUB_SERVER_URL', 'ACTIONS_CACHE_URL'];

beforeAll(async () => {
  service = await startCacheService();
}, 60_000);
afterAll(() => service?.stop());

beforeEach(() => {
  for (const name of ENV) saved[name] = process.env[name];
  work = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-actions-cache-'));
  dir = path.join(work, 'temp', 'slo-gate-cache');
  mkdirSync(path.join(work, 'workspace'), { recursive: true });
  Object.assign(process.env, service.env(), { RUNNER_TEMP: path.join(work, 'temp'), GITHUB_WORKSPACE: path.join(work, 'workspace') });
  delete process.env.GITHUB_SERVER_URL;
  delete process.env.ACTIONS_CACHE_URL;
});
afterEach(async () => {
  for (const name of ENV) if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
  rmSync(work, { recursive: true, force: true });
  service.assertNoViolations();
  await service.reset();
});

/** Runs `call` with stdout captured: @actions/core writes its workflow commands there. */
async function capture<T>(call: () => Promise<T>): Promise<{ value: T; stdout: string }> {
  const write = process.stdout.write;
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  try {
    return { value: await call(), stdout };
  } finally {
    process.stdout.write = write;
  }
}

function fill(content: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'outcomes.bin'), content);
}

describe('the cache across runs', () => {
  it('saves, then restores by prefix in the next run, and does not save what it restored', async () => {
    fill('first run');
    const first = cacheKeys('1.0.0', 'cfg', 'tree-a');
    expect((await capture(() => saveCacheDir(dir, first, undefined))).value).toEqual({ key: first.key });
    rmSync(dir, { recursive: true });

    // The next run, on another tree: restored from the same tool version and configuration.
    const next = cacheKeys('1.0.0', 'cfg', 'tree-b');
    const restored = await capture(() => restoreCacheDir(dir, next));
    expect(restored.value).toEqual({ key: first.key, problem: undefined });
    expect(readFileSync(path.join(dir, 'outcomes.bin'), 'utf8')).toBe('first run');
    expect(restored.stdout).not.toMatch(/^::(warning|error)/m);

    // An unchanged tree: the entry restored is the one it would save; nothing is uploaded.
    const creates = () => service.requests.filter((request) => request.rpc === 'CreateCacheEntry').length;
    const before = creates();
    expect(await saveCacheDir(dir, first, first.key)).toEqual({});
    expect(creates()).toBe(before);
    expect(service.entries.filter((entry) => entry.finalized).map((entry) => entry.key)).toEqual([first.key]);
  }, 60_000);

  it('restores nothing from another tool version or configuration', async () => {
    fill('x');
    await capture(() => saveCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't'), undefined));
    rmSync(dir, { recursive: true });
    expect((await capture(() => restoreCacheDir(dir, cacheKeys('1.0.1', 'cfg', 't')))).value).toEqual({ key: undefined, problem: undefined });
    // Another configuration still shares the tool version prefix: its entries are checked per file.
    expect((await capture(() => restoreCacheDir(dir, cacheKeys('1.0.0', 'other', 't')))).value.key).toBe(cacheKeys('1.0.0', 'cfg', 't').key);
  }, 60_000);

  it('a service that is down is one problem, and no warning or error from the cache library', async () => {
    fill('x');
    process.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:9/';
    const restore = await capture(() => restoreCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't')));
    expect(restore.value.key).toBeUndefined();
    expect(restore.value.problem).toMatch(/ECONNREFUSED|connect/i);
    const save = await capture(() => saveCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't'), undefined));
    expect(save.value.key).toBeUndefined();
    expect(save.value.problem).toBeTruthy();
    expect(restore.stdout + save.stdout).not.toMatch(/^::(warning|error)/m);
  }, 60_000);

  it('a refused upload (quota) and a refused lookup are problems, not failures', async () => {
    fill('x');
    service.failures = [
      { method: 'CreateCacheEntry', code: 'resource_exhausted' },
      { method: 'GetCacheEntryDownloadURL', code: 'permission_denied' },
    ];
    const save = await capture(() => saveCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't'), undefined));
    expect(save.value.problem).toBeTruthy();
    const restore = await capture(() => restoreCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't')));
    expect(restore.value.problem).toMatch(/403|permission/i);
    expect(save.stdout + restore.stdout).not.toMatch(/^::(warning|error)/m);
  }, 60_000);

  it('no cache service on the runner is not a problem, and sends no request', async () => {
    delete process.env.ACTIONS_RESULTS_URL;
    expect(await restoreCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't'))).toEqual({ unavailable: true });
    expect(await saveCacheDir(dir, cacheKeys('1.0.0', 'cfg', 't'), undefined)).toEqual({ unavailable: true });
    expect(service.requests).toHaveLength(0);
  });
});
