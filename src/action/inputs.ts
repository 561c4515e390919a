// Every input of the action (action.yml), read and validated here and nowhere else, into one
// options object: what to run (the same RunOptions the CLI builds) and how to publish. A bad value
// is a UsageError with one line naming the input. Secrets (the token, every live header value, a
// password in the URL) are registered with the runner before anything could print them.

import * as core from '@actions/core';
import path from 'node:path';
import { diffRequestFromEvent } from '../diff/event.js';
import { liveSecrets } from '../live/settings.js';
import { TOOL_VERSION } from '../run.js';
import { registerSecret } from '../secrets/scrubber.js';
import { actionCache } from './cache.js';
import { defaultDocsBaseUrl, parseDocsBaseUrl } from '../report/docs-url.js';
import { checkRoot, parseSharedSettings, UsageError, type RunOptions } from '../options.js';
import type { CommentMode } from './publish/comment.js';
import type { PublishInputs } from './publish/index.js';

export interface ActionOptions extends RunOptions {
  publish: PublishInputs;
}

/** Reads every input; call it before the check so a typo fails fast. `workerScript`: the action's bundle. */
export async function readActionOptions(workerScript?: URL, env: NodeJS.ProcessEnv = process.env): Promise<ActionOptions> {
  const publish = readPublishInputs();
  maskHeaderLines(core.getInput('prometheus-headers'));
  const shared = parseSharedSettings(
    {
      'fail-on': core.getInput('fail-on'),
      'min-availability': core.getInput('min-availability'),
      concurrency: core.getInput('concurrency'),
      'prometheus-url': core.getInput('prometheus-url'),
      'prometheus-headers': core.getInput('prometheus-headers'),
      'prometheus-timeout': core.getInput('prometheus-timeout'),
      'live-fail-on': core.getInput('live-fail-on'),
      'live-time-budget': core.getInput('live-time-budget'),
      'live-concurrency': core.getInput('live-concurrency'),
      'live-max-response-mb': core.getInput('live-max-response-mb'),
    },
    '',
  );
  if (shared.live) for (const secret of liveSecrets(shared.live)) maskSecret(secret);
  // Every query in the step's debug log (shown with ACTIONS_STEP_DEBUG); the client never writes a header value.
  const live = shared.live && { ...shared.live, log: (message: string) => core.debug(message) };

  const pathInput = core.getInput('path') || '.';
  const root = await checkRoot(path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), pathInput), { label: `path "${pathInput}"`, allowFile: false });
  const diff = diffRequestFromEvent(env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH, {
    newFindingsOnly: booleanInput('new-findings-only', true),
    changedFilesOnly: booleanInput('changed-files-only', false),
    allowLabel: core.getInput('allow-label'),
  });
  return {
    root,
    configFile: core.getInput('config') || undefined,
    baseline: core.getInput('baseline') || undefined,
    overrides: shared.overrides,
    failOn: shared.failOn,
    diff,
    live,
    engine: { concurrency: shared.concurrency, workerScript },
    ...(booleanInput('cache', true) ? actionCache(TOOL_VERSION, env) : {}),
    docsBaseUrl: core.getInput('docs-base-url').trim() ? parseDocsBaseUrl(core.getInput('docs-base-url'), (message) => new UsageError(message)) : defaultDocsBaseUrl(env),
    publish,
  };
}

function readPublishInputs(): PublishInputs {
  const token = core.getInput('github-token');
  if (token) maskSecret(token);
  const comment = core.getInput('comment') || 'auto';
  if (comment !== 'auto' && comment !== 'always' && comment !== 'never') throw new UsageError(`comment must be auto, always or never, not "${comment}"`);
  const commentKey = core.getInput('comment-key') || 'default';
  // The key ends up inside an HTML comment and an issue title: keep it to characters that cannot close either.
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(commentKey)) throw new UsageError(`comment-key may use letters, digits, ".", "_" and "-" (at most 64), not "${commentKey}"`);
  const retentionText = core.getInput('retention-days') || '30';
  const retentionDays = Number(retentionText);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 90) throw new UsageError(`retention-days must be a whole number from 1 to 90, not "${retentionText}"`);
  return {
    token,
    comment: comment as CommentMode,
    commentKey,
    uploadArtifact: booleanInput('upload-artifact', true),
    artifactName: core.getInput('artifact-name').trim(),
    retentionDays,
    issueOnFailure: booleanInput('issue-on-failure', false),
  };
}

/** Raw header lines are masked first: a malformed line is masked too, before parsing can complain about it. */
function maskHeaderLines(headers: string): void {
  for (const line of headers.split(/\r?\n/)) {
    const value = line.slice(line.indexOf(':') + 1).trim();
    if (value) maskSecret(value);
  }
}

/** Masked in the runner's log, and scrubbed by slo-gate itself from every report it writes. */
function maskSecret(secret: string): void {
  core.setSecret(secret);
  registerSecret(secret);
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new UsageError(`${name} must be true or false, not "${value}"`);
}
