// The action shell: read inputs, run the check, hand the report to the publishers, set the verdict.

import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { parseMinAvailability, type Config } from './config/config.js';
import { publishReport, readPublishInputs } from './publish/index.js';
import type { FailOn } from './report/report.js';
import { ConfigError, runCheck, TOOL_VERSION, type CheckOptions } from './run-check.js';
import { cacheKeys, cacheNotice, restoreCacheDir, saveCacheDir } from './cache/actions-cache.js';
import { diffRequestFromEvent } from './diff/event.js';
import { readLiveInputs } from './live/action-inputs.js';
import { booleanInput, InputError } from './shell/action-input.js';
import { parseConcurrency } from './shell/concurrency.js';

/**
 * The outcome cache across workflow runs: kept under the runner's temp directory, restored and
 * saved with the Actions cache. A cache that cannot be used is one notice; the save is not
 * tried after a failed restore (the service is down, or there is none).
 */
function actionCache(): Pick<CheckOptions, 'cacheDir' | 'cacheTransfer'> {
  const cacheDir = path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'slo-gate-cache');
  let restored: string | undefined;
  let failed = false;
  return {
    cacheDir,
    cacheTransfer: {
      async restore(configHash) {
        const result = await restoreCacheDir(cacheDir, cacheKeys(TOOL_VERSION, configHash));
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
        const result = await saveCacheDir(cacheDir, cacheKeys(TOOL_VERSION, configHash, treeHash), restored);
        if (result.problem) cacheNotice('save', result.problem);
        else if (result.key) core.info(`slo-gate: saved its cache as ${result.key}`);
      },
    },
  };
}

/** `workerScript`: the action's bundle, which file worker threads run on a large repository. */
export async function run(workerScript?: URL): Promise<void> {
  try {
    const publishInputs = readPublishInputs();
    const root = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), core.getInput('path') || '.');
    const failOn = (core.getInput('fail-on') || 'error') as FailOn;
    if (!['error', 'warning', 'notice', 'never'].includes(failOn)) throw new InputError(`fail-on must be error, warning or never, not "${failOn}"`);
    const overrides: Partial<Config> = {};
    const minAvailability = core.getInput('min-availability');
    if (minAvailability) overrides.minAvailability = parseMinAvailability(minAvailability, () => new InputError(`min-availability must be a percent such as 99.9, not "${minAvailability}"`));

    const diff = diffRequestFromEvent(process.env.GITHUB_EVENT_NAME, process.env.GITHUB_EVENT_PATH, {
      newFindingsOnly: booleanInput('new-findings-only', true),
      changedFilesOnly: booleanInput('changed-files-only', false),
      allowLabel: core.getInput('allow-label'),
    });

    const live = readLiveInputs((message) => new InputError(message));
    const engine = { concurrency: parseConcurrency(core.getInput('concurrency'), (message) => new InputError(message), 'concurrency'), workerScript };
    const cache = booleanInput('cache', true) ? actionCache() : undefined;
    const { report, cacheNotices } = await runCheck({ root, configFile: core.getInput('config') || undefined, overrides, failOn, diff, live, engine, ...cache });
    for (const notice of cacheNotices) core.notice(`slo-gate: ${notice}`);
    if (report.diff?.unavailable) core.notice(`slo-gate did not compare with the base ${report.diff.baseRef}: ${report.diff.unavailable}. It checked the head alone.`);

    await publishReport(report, publishInputs, root);

    const fresh = report.diff?.baseSha ? `; new in this pull request: ${report.diff.newCounts.error} error(s), ${report.diff.newCounts.warning} warning(s)` : '';
    const summary = `slo-gate ${report.result === 'pass' ? 'passed' : 'failed'}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s)${fresh}`;
    if (report.result === 'fail') core.setFailed(summary);
    else core.info(summary);
  } catch (error) {
    if (error instanceof ConfigError) core.setFailed(`${error.file}:${error.line}: ${error.message}`);
    else if (error instanceof InputError) core.setFailed(error.message);
    else {
      core.setFailed(`slo-gate internal error: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`);
      process.exitCode = 2;
    }
  }
}
