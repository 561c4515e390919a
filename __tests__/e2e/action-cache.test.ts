// The bundled action keeps its outcome cache across workflow runs in a local fake of the Actions
// cache service (real HTTP, Twirp responses shaped like github.com's, archives in a real Azurite).
// Needs a fresh bundle: `npm run bundle`.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pushEvent, runAction, type ActionRunResult, type RunActionOptions } from '../support/action-runner.js';
import { type FakeCacheService, startCacheService } from '../support/cache-service.js';
import { BASE_FILES } from '../diff/fixtures.js';

let cache: FakeCacheService;
// The service keys entries by the cached path too: on a runner RUNNER_TEMP is the same directory
// in every job (emptied at its start), so the runs here share one, emptied before each run.
let runnerTemp: string;
beforeAll(async () => {
  cache = await startCacheService();
  runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-runner-temp-'));
}, 60_000);
afterEach(async () => {
  try {
    cache.assertNoViolations();
  } finally {
    await cache.reset();
  }
});
afterAll(async () => {
  await cache?.stop();
  rmSync(runnerTemp, { recursive: true, force: true });
});

function runJob(options: Omit<RunActionOptions, 'cache' | 'inputs' | 'event'>): Promise<ActionRunResult> {
  rmSync(runnerTemp, { recursive: true, force: true });
  mkdirSync(runnerTemp);
  return runAction({ cache, inputs, event: pushEvent(), ...options, env: { RUNNER_TEMP: runnerTemp, ...options.env } });
}

const inputs = { comment: 'never', 'upload-artifact': 'false', 'issue-on-failure': 'false' };
const files = Object.keys(BASE_FILES).length;

function expectCleanStep(run: ActionRunResult): void {
  expect(run.timedOut).toBe(false);
  expect(run.exitCode === 0 || run.exitCode === 1).toBe(true);
  expect(run.stdout).not.toMatch(/internal error/);
  // No annotation is about the cache except at most one notice.
  const aboutCache = run.annotations.filter((annotation) => /cache/i.test(annotation.message));
  expect(aboutCache.filter((annotation) => annotation.level !== 'notice')).toEqual([]);
  expect(aboutCache.length).toBeLessThanOrEqual(1);
}

describe('the action with the Actions cache', () => {
  it('the second run on an unchanged tree takes every file from the cache, and saves nothing new', async () => {
    const first = await runJob({ workspaceFiles: BASE_FILES });
    expectCleanStep(first);
    expect(first.summary).toContain(`0 of ${files} file(s) came from the cache`);
    expect(cache.entries.filter((entry) => entry.finalized)).toHaveLength(1);

    const second = await runJob({ workspaceFiles: BASE_FILES });
    expectCleanStep(second);
    expect(second.summary).toContain(`${files} of ${files} file(s) came from the cache`);
    expect(second.annotations.filter((annotation) => /cache/i.test(annotation.message))).toEqual([]);
    expect(cache.entries).toHaveLength(1);
    // The report is the first run's.
    expect(second.outputs.result).toBe(first.outputs.result);
    expect([second.outputs.errors, second.outputs.warnings, second.outputs.notices]).toEqual([first.outputs.errors, first.outputs.warnings, first.outputs.notices]);

    // A changed tree restores the last entry by prefix and saves a new one.
    const changed = await runJob({ workspaceFiles: { ...BASE_FILES, 'extra/rules.yml': 'groups: []\n' } });
    expectCleanStep(changed);
    expect(changed.summary).toContain(`${files} of ${files + 1} file(s) came from the cache`);
    expect(cache.entries.filter((entry) => entry.finalized)).toHaveLength(2);
  }, 120_000);

  it('a cache service that is down: the check runs cold and passes or fails on its own, with one notice', async () => {
    const run = await runJob({ workspaceFiles: BASE_FILES, env: { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } });
    expectCleanStep(run);
    const notices = run.annotations.filter((annotation) => /cache/i.test(annotation.message));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/did not restore its cache: .*The check itself is not affected/);
    expect(run.summary).toContain(`0 of ${files} file(s) came from the cache`);
  }, 120_000);

  it('a refused upload (quota) is one notice', async () => {
    cache.failures = [{ method: 'CreateCacheEntry', code: 'resource_exhausted' }];
    const run = await runJob({ workspaceFiles: BASE_FILES });
    expectCleanStep(run);
    const notices = run.annotations.filter((annotation) => /cache/i.test(annotation.message));
    expect(notices.map((notice) => notice.level)).toEqual(['notice']);
    expect(notices[0]!.message).toMatch(/did not save its cache/);
  }, 120_000);
});
