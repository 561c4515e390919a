// The action shell: read inputs, run the check, hand the report to the publishers, set the verdict.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseMinAvailability, type Config } from './config/config.js';
import { renderJson } from './render/json.js';
import type { FailOn } from './report/report.js';
import { ConfigError, runCheck } from './run-check.js';

export async function run(): Promise<void> {
  try {
    const root = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), core.getInput('path') || '.');
    const failOn = (core.getInput('fail-on') || 'error') as FailOn;
    if (!['error', 'warning', 'notice', 'never'].includes(failOn)) throw new InputError(`fail-on must be error, warning or never, not "${failOn}"`);
    const overrides: Partial<Config> = {};
    const minAvailability = core.getInput('min-availability');
    if (minAvailability) overrides.minAvailability = parseMinAvailability(minAvailability, () => new InputError(`min-availability must be a percent such as 99.9, not "${minAvailability}"`));

    const { report } = await runCheck({ root, configFile: core.getInput('config') || undefined, overrides, failOn });

    const outputDir = path.join(process.env.RUNNER_TEMP ?? os.tmpdir(), 'slo-gate');
    await mkdir(outputDir, { recursive: true });
    const reportJson = path.join(outputDir, 'report.json');
    await writeFile(reportJson, renderJson(report));

    core.setOutput('result', report.result);
    core.setOutput('errors', report.counts.error);
    core.setOutput('warnings', report.counts.warning);
    core.setOutput('notices', report.counts.notice);
    core.setOutput('report-json', reportJson);

    const summary = `slo-gate ${report.result === 'pass' ? 'passed' : 'failed'}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s)`;
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

class InputError extends Error {}
