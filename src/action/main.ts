// The action's front door: read the inputs, run the check, hand the report to the publishers,
// set the verdict. Exit status: 0 passed, 1 the gate failed, 2 a bad input, path or
// configuration, or an internal fault — each with one line.

import * as core from '@actions/core';
import { ConfigError, runCheck } from '../run.js';
import { UsageError } from '../options.js';
import { readActionOptions } from './inputs.js';
import { publishReport } from './publish/index.js';

/** `workerScript`: the action's bundle, which file worker threads run on a large repository. */
export async function run(workerScript?: URL): Promise<void> {
  try {
    const options = await readActionOptions(workerScript);
    const { report, cacheNotices } = await runCheck(options);
    for (const notice of cacheNotices) core.notice(`slo-gate: ${notice}`);
    if (report.diff?.unavailable) core.notice(`slo-gate did not compare with the base ${report.diff.baseRef}: ${report.diff.unavailable}. It checked the head alone.`);

    await publishReport(report, options.publish, options.root);

    const fresh = report.diff?.baseSha ? `; new in this pull request: ${report.diff.newCounts.error} error(s), ${report.diff.newCounts.warning} warning(s)` : '';
    const summary = `slo-gate ${report.result === 'pass' ? 'passed' : 'failed'}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s)${fresh}`;
    if (report.result === 'fail') core.setFailed(summary);
    else core.info(summary);
  } catch (error) {
    if (error instanceof ConfigError) {
      // Each problem at its place in the file (an annotation), then the one line that fails the step.
      for (const problem of error.problems.slice(1)) core.error(problem.message, { file: error.file, startLine: problem.line, ...(problem.column ? { startColumn: problem.column } : {}) });
      core.setFailed(`${error.file}:${error.line}: ${error.message}${error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : ''}`);
    }
    else if (error instanceof UsageError) core.setFailed(error.message);
    else core.setFailed(`slo-gate internal error: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`);
    process.exitCode = 2;
  }
}
