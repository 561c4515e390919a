import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  actionInputDefaults,
  annotationsFrom,
  inputEnvName,
  parseFileCommand,
  parseWorkflowCommands,
  pullRequestEvent,
  pullRequestEventFromApi,
  pushEvent,
  resolveNode24,
  runAction,
  scheduleEvent,
  workflowDispatchEvent,
} from '../support/action-runner.js';
import { type FakeArtifactService, startArtifactService } from '../support/artifact-service.js';
import { type FakeGitHubApi, GITHUB_ACTIONS_BOT, startGitHubApi } from '../support/github-api.js';
import { getOpenApiValidator } from '../support/openapi.js';

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');
const entry = join(FIXTURES, 'sticky-action.mjs');
const actionYml = join(FIXTURES, 'action.yml');

describe('parsers', () => {
  it('maps input names like the runner (upper-case, spaces -> _, dashes kept)', () => {
    expect(inputEnvName('github-token')).toBe('INPUT_GITHUB-TOKEN');
    expect(inputEnvName('fail on')).toBe('INPUT_FAIL_ON');
  });

  it('parses GITHUB_OUTPUT heredocs (what @actions/core writes) and name=value lines', () => {
    const text = 'a<<ghadelimiter_1\nline1\nline2\nghadelimiter_1\nb=x=y\nempty<<EOF\nEOF\n';
    expect(parseFileCommand(text)).toEqual({ a: 'line1\nline2', b: 'x=y', empty: '' });
    expect(() => parseFileCommand('a<<D\nno end\n')).toThrow(/unterminated/);
  });

  it('parses workflow commands, unescaping data and properties, honouring stop-commands', () => {
    const out = [
      '::error file=src/a%2Cb.ts,line=3,col=5,endLine=4,endColumn=9,title=T%3A1::bad%0Anews 100%25',
      'plain log line',
      '::warning::careful',
      '::stop-commands::tok123',
      '::error::ignored while stopped',
      '::tok123::',
      '::notice file=x.yaml::fyi',
      '::add-mask::secret',
    ].join('\n');
    const cmds = parseWorkflowCommands(out);
    expect(cmds.map((c) => c.command)).toEqual(['error', 'warning', 'stop-commands', 'notice', 'add-mask']);
    expect(annotationsFrom(cmds)).toEqual([
      { level: 'error', message: 'bad\nnews 100%', file: 'src/a,b.ts', line: 3, col: 5, endLine: 4, endColumn: 9, title: 'T:1', stream: 'stdout' },
      { level: 'warning', message: 'careful', stream: 'stdout' },
      { level: 'notice', message: 'fyi', file: 'x.yaml', stream: 'stdout' },
    ]);
  });

  it('reads input defaults from an action.yml', () => {
    expect(actionInputDefaults(actionYml)).toMatchObject({ 'github-token': '${{ github.token }}', upload: 'false', mode: '' });
  });
});

describe('event payloads', () => {
  it('pull_request: shaped like the webhook; pull_request/repository validate against the OpenAPI schemas', () => {
    const ev = pullRequestEvent({ number: 12, labels: ['slo'], fork: true, action: 'synchronize', headSha: 'b'.repeat(40) });
    expect(ev).toMatchObject({ name: 'pull_request', ref: 'refs/pull/12/merge', headRef: 'feature/pr-12', baseRef: 'main' });
    const p = ev.payload as any;
    expect(p).toMatchObject({ action: 'synchronize', number: 12, after: 'b'.repeat(40) });
    expect(p.pull_request.head).toMatchObject({ sha: 'b'.repeat(40), repo: { fork: true } });
    expect(p.pull_request.labels.map((l: { name: string }) => l.name)).toEqual(['slo']);
    expect(p.sender.login).toBe('first-timer');
    const v = getOpenApiValidator();
    expect(v.validateComponent('pull-request', p.pull_request).errors).toEqual([]);
    expect(v.validateComponent('repository', p.repository).errors).toEqual([]);
    expect(v.validateComponent('simple-user', p.sender).errors).toEqual([]);
    const target = pullRequestEvent({ eventName: 'pull_request_target', baseSha: 'c'.repeat(40) });
    expect(target).toMatchObject({ name: 'pull_request_target', sha: 'c'.repeat(40), ref: 'refs/heads/main' });
  });

  it('push, schedule, workflow_dispatch', () => {
    const push = pushEvent({ after: 'd'.repeat(40) });
    expect(push).toMatchObject({ name: 'push', sha: 'd'.repeat(40), ref: 'refs/heads/main' });
    expect((push.payload as any).head_commit.id).toBe('d'.repeat(40));
    expect(scheduleEvent({ cron: '*/5 * * * *' }).payload).toMatchObject({ schedule: '*/5 * * * *' });
    expect(workflowDispatchEvent({ inputs: { level: 'x' } }).payload).toMatchObject({ inputs: { level: 'x' }, ref: 'refs/heads/main' });
  });
});

describe('runAction (child process, runner-like env) against the fakes', () => {
  let gh: FakeGitHubApi;
  let artifacts: FakeArtifactService;

  beforeAll(async () => {
    [gh, artifacts] = await Promise.all([startGitHubApi(), startArtifactService()]);
  });
  afterEach(async () => {
    try {
      gh.assertNoViolations();
      artifacts.assertNoViolations();
    } finally {
      gh.reset();
      await artifacts.reset();
    }
  });
  afterAll(async () => {
    await Promise.all([gh?.stop(), artifacts?.stop()]);
  });

  it('runs the entry with inputs/event/env; collects exit code, outputs, summary, annotations, masks, file commands', async () => {
    const pr = gh.seedPullRequest({ labels: ['slo'] });
    process.env.HARNESS_SENTINEL = 'must-not-leak';
    const event = pullRequestEventFromApi(gh, pr.number, 'opened');
    const r = await runAction({
      entry,
      actionYml,
      github: gh,
      artifacts,
      event,
      inputs: { message: 'first', upload: true, 'retention-days': 4, fail: true },
    }).finally(() => delete process.env.HARNESS_SENTINEL);

    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1); // setFailed
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toContain(`event=pull_request sha=${event.sha} ref=refs/pull/${pr.number}/merge pr=${pr.number}`);
    expect(r.stdout).toContain('leaked=no input=set');
    expect(r.env['INPUT_GITHUB-TOKEN']).toBe(gh.token); // ${{ github.token }} default
    expect(r.env.GITHUB_API_URL).toBe(gh.url);
    expect(r.env.GITHUB_SERVER_URL).toMatch(/\.localhost$/);
    expect(r.outputs).toMatchObject({ verdict: 'fail', details: 'line1\nline2', 'artifact-id': expect.stringMatching(/^\d+$/) });
    expect(r.summary).toContain('<h1>SLO gate</h1>');
    expect(r.annotations).toEqual([
      { level: 'error', message: 'SLO target missing: 99.9%', file: 'slo/api.yaml', line: 3, col: 5, title: 'Missing, target', stream: 'stdout' },
      { level: 'warning', message: 'deprecated field', stream: 'stdout' },
      { level: 'error', message: '2 SLO violations', stream: 'stdout' },
    ]);
    expect(r.masks).toContain('s3cr3t');
    expect(r.exportedEnv).toEqual({ SLO_GATE_RAN: '1' });
    expect(r.state).toEqual({ posted: 'yes' });

    // The action really talked to the fakes.
    expect(gh.comments(pr.number)).toMatchObject([{ body: '<!-- harness-fixture -->\nfirst', user: { login: GITHUB_ACTIONS_BOT.login } }]);
    const art = artifacts.artifact('slo-report')!;
    expect(String(art.id)).toBe(r.outputs['artifact-id']);
    expect(await artifacts.files('slo-report')).toEqual({ 'report.md': `# report for ${event.sha}\n` });
    const days = (Date.parse(art.requestedExpiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(3.99);
    expect(days).toBeLessThan(4.01);

    // Second run: the sticky comment is updated, not duplicated.
    const r2 = await runAction({ entry, actionYml, github: gh, event, inputs: { message: 'second' } });
    expect(r2.exitCode).toBe(0);
    expect(r2.outputs.verdict).toBe('pass');
    expect(gh.comments(pr.number).map((c) => c.body)).toEqual(['<!-- harness-fixture -->\nsecond']);
    expect(gh.writes().map((w) => `${w.method} ${w.operationId}`)).toEqual(['POST issues/create-comment', 'PATCH issues/update-comment']);
  });

  it('fork PR: the action sees 403 on writes and fails', async () => {
    const pr = gh.seedPullRequest({ fork: true });
    gh.setFaults({ fork: true });
    const r = await runAction({ entry, actionYml, github: gh, event: pullRequestEventFromApi(gh, pr.number) });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.at(-1)?.message).toMatch(/Resource not accessible by integration/);
  });

  it('runs under Node 24 (npx -y -p node@24; cached after the first call)', async () => {
    const node = await resolveNode24();
    const pr = gh.seedPullRequest();
    const r = await runAction({ entry, actionYml, github: gh, node: '24', event: pullRequestEventFromApi(gh, pr.number) });
    expect(r.node).toBe(node);
    expect(r.stdout).toMatch(/node=v24\./);
    expect(r.exitCode).toBe(0);
  });

  it('is bounded: a hanging action is killed after timeoutMs', async () => {
    const t0 = Date.now();
    const r = await runAction({ entry, actionYml, github: gh, inputs: { mode: 'hang' }, timeoutMs: 1000 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('supports push/schedule events, workspace files, env overrides, and reports a missing entry', async () => {
    const r = await runAction({
      entry,
      actionYml,
      github: gh,
      event: scheduleEvent(),
      workspaceFiles: { 'slo/api.yaml': 'x: 1\n' },
      env: { GITHUB_SERVER_URL: undefined, RUNNER_DEBUG: '1' },
      keepTemp: false,
    });
    expect(r.exitCode).toBe(0);
    expect(r.env.GITHUB_EVENT_NAME).toBe('schedule');
    expect('GITHUB_SERVER_URL' in r.env).toBe(false);
    expect(r.stdout).toContain('pr=undefined');
    await expect(runAction({ entry: join(FIXTURES, 'missing.mjs') })).rejects.toThrow(/does not exist/);
  });
});
