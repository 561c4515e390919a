import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRuntimeToken } from '../../support/artifact-service.js';
import { pullRequestEvent, pushEvent } from '../../support/action-runner.js';
import { fileUrl, jobFingerprint, readRunContext, repoPath } from '../../../src/action/publish/run-context.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function envFor(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-ctx-'));
  dirs.push(dir);
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'merge000',
    GITHUB_WORKSPACE: '/work/repo',
    ...extra,
  };
}

describe('run context', () => {
  it('reads the pull request head and tells forks apart', () => {
    const own = pullRequestEvent({ number: 7, headSha: 'a'.repeat(40) });
    const context = readRunContext('/work/repo/ops/slo', envFor('pull_request', own.payload));
    expect(context.pullRequest).toEqual({ number: 7, headSha: 'a'.repeat(40), fromFork: false });
    expect(context.sha).toBe('a'.repeat(40));
    expect(context.pathPrefix).toBe('ops/slo');
    expect(repoPath(context, 'api.yaml')).toBe('ops/slo/api.yaml');
    expect(fileUrl(context, 'a b.yaml', 4)).toBe(`https://github.com/acme/widgets/blob/${'a'.repeat(40)}/ops/slo/a%20b.yaml#L4`);

    const fork = pullRequestEvent({ number: 8, fork: true });
    expect(readRunContext('/work/repo', envFor('pull_request_target', fork.payload)).pullRequest?.fromFork).toBe(true);
  });

  it('finds the pull request of a workflow_run, and none on push', () => {
    const payload = { workflow_run: { head_sha: 'b'.repeat(40), pull_requests: [{ number: 12 }] } };
    expect(readRunContext('/work/repo', envFor('workflow_run', payload)).pullRequest).toEqual({ number: 12, headSha: 'b'.repeat(40), fromFork: false });
    const push = readRunContext('/work/repo', envFor('push', pushEvent().payload));
    expect(push.pullRequest).toBeUndefined();
    expect(push.sha).toBe('merge000');
    expect(push.pathPrefix).toBe('');
  });

  it('separates matrix legs by the job run named in the runtime token', () => {
    const leg = (job: string) => readRunContext('/work/repo', envFor('push', {}, { GITHUB_JOB: 'slo', ACTIONS_RUNTIME_TOKEN: makeRuntimeToken('run-1', job) }));
    expect(leg('job-a').jobRunId).toBe('job-a');
    expect(jobFingerprint(leg('job-a'))).not.toBe(jobFingerprint(leg('job-b')));
    expect(jobFingerprint(leg('job-a'))).toMatch(/^[0-9a-f]{8}$/);
  });
});
