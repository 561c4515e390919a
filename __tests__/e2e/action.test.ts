// End to end: the committed bundle (dist/index.js) runs as a child process with a runner's
// environment, against a local GitHub REST API (responses checked against GitHub's OpenAPI
// description) and a local Actions results service backed by a real Azurite blob server.
// Every case runs under this machine's Node and under Node 24, which GitHub uses for `node24`.
// SLO_GATE_E2E_NODES=current (or 24) narrows that, e.g. while iterating; SLO_GATE_E2E_ENTRY runs
// another build of the action instead of dist/index.js.

import { describe, expect, it } from 'vitest';
import {
  runAction,
  pullRequestEventFromApi,
  pushEvent,
  scheduleEvent,
  workflowDispatchEvent,
  type ActionRunResult,
  type GitHubEvent,
  type RunActionOptions,
} from '../support/action-runner.js';
import { useArtifactService } from '../support/artifact-service.js';
import { CONTRIBUTOR, GITHUB_ACTIONS_BOT, MAX_BODY_LENGTH, OCTOCAT, OTHER_BOT, useGitHubApi } from '../support/github-api.js';
import { repository, sha as shaOf, simpleUser } from '../support/github-objects.js';

const NODES = (process.env.SLO_GATE_E2E_NODES ?? 'current,24').split(',').map((node) => node.trim()) as ('current' | '24')[];
const DAY = 86_400_000;
const MARKER = '<!-- slo-gate:default -->';

const policy = (target: string, service = 'checkout') => `service: ${service}
availability:
  target: ${target}
  windows:
    - { name: fast, lookback: 1h, burn_rate: 14.4 }
    - { name: slow, lookback: 6h, burn_rate: 6 }
`;
/** Multiwindow burn-rate alerts for a 99.9 % checkout SLO. */
const ALERTS = `groups:
  - name: checkout-availability-burn-rate
    rules:
${[
  ['1h', '5m', '14.4', 'fast'],
  ['6h', '30m', '6', 'slow'],
]
  .map(
    ([long, short, factor, speed]) => `      - alert: CheckoutAvailabilityErrorBudgetBurn
        expr: |
          (slo:sli_error:ratio_rate${long}{slo="checkout-availability"}) > (${factor} * 0.001)
          and
          (slo:sli_error:ratio_rate${short}{slo="checkout-availability"}) > (${factor} * 0.001)
        for: 2m
        labels:
          severity: ${speed}
          slo: "checkout-availability"
        annotations:
          summary: "checkout-availability burns its error budget ${factor}x too fast"
`,
  )
  .join('')}`;
/** A consistent SLO with its alerts: passes. */
// The repository chooses its floor, so a target below it is an error (unset, slo-gate's default floor only warns).
const FLOOR = { '.slo-gate.yml': 'min-availability: 99.9\n' };
const PASSING = { ...FLOOR, 'slo/checkout.yaml': policy('99.9'), 'rules/slo.yaml': ALERTS };
/** The pull request lowers the target: policy/target-min at slo/checkout.yaml:3:11, and the alerts no longer fit. */
const FAILING = { ...FLOOR, 'slo/checkout.yaml': policy('99.5'), 'rules/slo.yaml': ALERTS };

const gh = useGitHubApi();
const artifacts = useArtifactService();

function expectNoCrash(run: ActionRunResult): void {
  expect(run.timedOut).toBe(false);
  expect(run.exitCode === 0 || run.exitCode === 1).toBe(true);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(run.stdout).not.toMatch(/internal error/);
}

/** The token never reaches the log except in the `::add-mask::` command that hides it. */
function expectTokenHidden(run: ActionRunResult, token: string): void {
  expect(run.masks).toContain(token);
  const log = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  expect(log.join('\n')).not.toContain(token);
}

function expectDaysOut(iso: string, days: number): void {
  const delta = Date.parse(iso) - Date.now();
  // The client adds calendar days in local time: allow a DST hour and the test's own duration.
  expect(Math.abs(delta - days * DAY)).toBeLessThan(2 * 3_600_000);
}

describe.each(NODES)('the bundled action under Node %s', (node) => {
  const run = (options: RunActionOptions) => runAction({ node, github: gh(), artifacts: artifacts(), entry: process.env.SLO_GATE_E2E_ENTRY, ...options });

  it('on a pull request: comment, summary, annotations, outputs and a 30-day artifact with the four report files', async () => {
    const pr = gh().seedPullRequest();
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expectNoCrash(result);
    expect(result.exitCode).toBe(1);
    expectTokenHidden(result, gh().token);

    // Outputs (counts are checked against report.json below)
    expect(result.outputs.result).toBe('fail');
    expect(result.outputs['report-json']).toMatch(/report\.json$/);
    expect(result.outputs['report-markdown']).toMatch(/report\.md$/);

    // The sticky comment, linked to the head commit.
    const comments = gh().comments(pr.number);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment!.user.login).toBe(GITHUB_ACTIONS_BOT.login);
    expect(comment!.body.startsWith(`${MARKER}\n`)).toBe(true);
    // Under the hidden markers, the first line is the verdict.
    expect(comment!.body.split('\n')[2]).toMatch(/^## ❌ \d+ (new )?errors? — (merge blocked|check failed)$/);
    expect(comment!.body).toContain(`(${gh().serverUrl}/acme/widgets/blob/${pr.pull.headSha}/slo/checkout.yaml#L3)`);
    expect(result.outputs['comment-url']).toBe(comment!.html_url);

    // Annotation for the finding, with position and the check id as title.
    const findingAnnotations = result.annotations.filter((annotation) => annotation.title === 'policy/target-min');
    expect(findingAnnotations).toEqual([
      expect.objectContaining({ level: 'error', file: 'slo/checkout.yaml', line: 3, col: 11, title: 'policy/target-min' }),
    ]);

    // Job summary: verdict, counts, SLO table, linked findings.
    // The first line is the verdict and what fails it.
    expect(result.summary.split('\n')[0]).toMatch(/^## ❌ \d+ (new )?errors? — (merge blocked|check failed)$/);
    expect(result.summary).toContain('SLO(s)</summary>');
    expect(result.summary).toMatch(/\| checkout-availability \| [^|]+ \| 99\.5 % \|/);
    expect(result.summary).toContain(`[3:11](${gh().serverUrl}/acme/widgets/blob/${pr.pull.headSha}/slo/checkout.yaml#L3)`);
    expect(result.summary).toContain('targets 99.5 %, below the minimum availability of 99.9 %');

    // The artifact: four files, consistent with each other, kept 30 days.
    const stored = artifacts().artifact('slo-compliance-report')!;
    expect(stored).toBeDefined();
    expect(result.outputs['artifact-id']).toBe(String(stored.id));
    expect(result.outputs['artifact-url']).toBe(`${gh().serverUrl}/acme/widgets/actions/runs/9000000001/artifacts/${stored.id}`);
    expectDaysOut(stored.expiresAt, 30);
    const files = await artifacts().files('slo-compliance-report');
    expect(Object.keys(files).sort()).toEqual(['report.html', 'report.json', 'report.md', 'report.sarif']);
    const json = JSON.parse(files['report.json']!);
    expect(json.result).toBe('fail');
    expect(json.counts).toEqual({ error: Number(result.outputs.errors), warning: Number(result.outputs.warnings), notice: Number(result.outputs.notices) });
    expect(json.counts.error).toBeGreaterThanOrEqual(1);
    expect(files['report.md']).toContain('## ❌ ');
    expect(files['report.html']).toMatch(/^<!DOCTYPE html>/);
    expect(files['report.html']).toContain('targets 99.5 %');
    const sarif = JSON.parse(files['report.sarif']!);
    expect(sarif.version).toBe('2.1.0');
    const sarifResult = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'policy/target-min');
    expect(sarifResult.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'slo/checkout.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 11 } });
  });

  it('two runs on one pull request leave exactly one comment, updated to say the check is fixed', async () => {
    const pr = gh().seedPullRequest();
    const first = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expect(first.exitCode).toBe(1);
    const [created] = gh().comments(pr.number);
    await artifacts().reset();

    const second = await run({ event: pullRequestEventFromApi(gh(), pr.number, 'synchronize'), workspaceFiles: PASSING });
    expectNoCrash(second);
    expect(second.exitCode).toBe(0);
    expect(second.outputs.result).toBe('pass');
    const comments = gh().comments(pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(created!.id);
    expect(comments[0]!.body).toContain('## ✅ ');
    expect(comments[0]!.body).toContain('**Fixed:**');
    expect(gh().writes().map((request) => `${request.method} ${request.route}`)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
    expect(second.outputs['comment-url']).toBe(comments[0]!.html_url);
  });

  it('leaves comments by anyone else alone, even when they carry the same marker', async () => {
    const pr = gh().seedPullRequest();
    const human = gh().seedComment({ issueNumber: pr.number, author: CONTRIBUTOR, body: `${MARKER}\nI copied the marker` });
    const otherBot = gh().seedComment({ issueNumber: pr.number, author: OTHER_BOT, body: `${MARKER}\nanother bot` });
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expectNoCrash(result);
    const comments = gh().comments(pr.number);
    expect(comments).toHaveLength(3);
    expect(gh().comment(human.id)!.body).toBe(`${MARKER}\nI copied the marker`);
    expect(gh().comment(otherBot.id)!.body).toBe(`${MARKER}\nanother bot`);
    expect(gh().requestsTo('PATCH')).toEqual([]);
    expect(gh().requestsTo('DELETE')).toEqual([]);
    expect(comments[2]!.user.login).toBe(GITHUB_ACTIONS_BOT.login);
  });

  it('on a fork pull request (read-only token): warns once, still writes summary, annotations, outputs and artifact', async () => {
    const pr = gh().seedPullRequest({ fork: true });
    gh().setFaults({ fork: true });
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expectNoCrash(result);
    expect(result.exitCode).toBe(1); // the gate decides, as usual
    const warnings = result.annotations.filter((annotation) => annotation.level === 'warning' && !annotation.title);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('403');
    expect(warnings[0]!.message).toContain('from a fork');
    expect(warnings[0]!.message).toContain('workflow_run');
    expect(warnings[0]!.message).toContain('pull-requests: write');
    expect(gh().comments(pr.number)).toEqual([]);
    expect(result.outputs['comment-url']).toBeUndefined();
    expect(result.outputs.result).toBe('fail');
    expect(Number(result.outputs.errors)).toBeGreaterThanOrEqual(1);
    expect(result.summary).toContain('## ❌ ');
    expect(result.summary).toContain('could not be written');
    expect(result.annotations.some((annotation) => annotation.title === 'policy/target-min')).toBe(true);
    expect(artifacts().artifact('slo-compliance-report')).toBeDefined();
    expect(result.outputs['artifact-id']).toBe(String(artifacts().artifact('slo-compliance-report')!.id));
  });

  it('writes a new comment when its earlier one was deleted meanwhile (404)', async () => {
    const pr = gh().seedPullRequest();
    const old = gh().seedComment({ issueNumber: pr.number, author: GITHUB_ACTIONS_BOT, body: `${MARKER}\n<!-- slo-gate-result:fail -->\nold report` });
    gh().setFaults({ commentDeleted: [old.id] });
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expectNoCrash(result);
    expect(result.annotations.filter((annotation) => annotation.level === 'warning' && !annotation.title)).toEqual([]);
    const comments = gh().comments(pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).not.toBe(old.id);
    expect(comments[0]!.body).toContain('## ❌ ');
    expect(gh().requestsTo('PATCH').map((request) => request.status)).toEqual([404]);
  });

  it('retries a 500 and succeeds', async () => {
    const pr = gh().seedPullRequest();
    gh().setFaults({ flaky5xx: { count: 1, statuses: [500], match: { method: 'POST', path: /\/comments$/ } } });
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expectNoCrash(result);
    expect(gh().requestsTo('POST').map((request) => request.status)).toEqual([500, 201]);
    expect(gh().comments(pr.number)).toHaveLength(1);
    expect(result.outputs['comment-url']).toBe(gh().comments(pr.number)[0]!.html_url);
  });

  it('waits out a 429 for as long as retry-after says, then succeeds', async () => {
    const pr = gh().seedPullRequest();
    gh().setFaults({ rateLimited: { count: 1, status: 429, kind: 'secondary', retryAfter: 2, match: { method: 'POST' } } });
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING });
    expectNoCrash(result);
    const posts = gh().requestsTo('POST');
    expect(posts.map((request) => request.status)).toEqual([429, 201]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(gh().comments(pr.number)).toHaveLength(1);
  });

  it('keeps the comment within 65,536 characters for thousands of findings', async () => {
    const pr = gh().seedPullRequest();
    const files: Record<string, string> = { ...FLOOR };
    for (let index = 0; index < 2500; index++) files[`slo/team-${index % 25}/service-${index}.yaml`] = policy('99.5', `service-${index}`);
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: files, timeoutMs: 120_000 });
    expectNoCrash(result);
    expect(Number(result.outputs.errors)).toBeGreaterThanOrEqual(2500);
    const [comment] = gh().comments(pr.number);
    expect(comment!.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(comment!.body).toMatch(/_\d+ more finding\(s\), the least severe, are not shown here: see \[the full report\]\(.*\/artifacts\/\d+\)/);
    expect(comment!.body).toMatch(/_\d+ more SLO\(s\) are listed in the full report\._/);
    expect(comment!.body).toContain('policy/target-min');
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024);
    // Only 10 error annotations exist per step: 9 findings plus the verdict, and the summary says how many are missing.
    expect(result.annotations.filter((annotation) => annotation.level === 'error' && annotation.title)).toHaveLength(9);
    expect(result.annotations.filter((annotation) => annotation.level === 'error' && !annotation.title)).toHaveLength(1);
    expect(result.summary).toMatch(/\d+ finding\(s\) have no file annotation/);
  }, 180_000);

  it('retention-days sets the artifact expiry, capped by the repository limit', async () => {
    const pr = gh().seedPullRequest();
    await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: PASSING, inputs: { 'retention-days': 5 } });
    expectDaysOut(artifacts().artifact('slo-compliance-report')!.expiresAt, 5);
    await artifacts().reset();
    await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: PASSING, inputs: { 'retention-days': 60 }, retentionDays: 14 });
    expectDaysOut(artifacts().artifact('slo-compliance-report')!.expiresAt, 14);
  });

  it('matrix legs sharing the default name each get an artifact; an explicit clashing name is a warning', async () => {
    const event = pushEvent();
    const legA = await run({ event, workspaceFiles: PASSING });
    const legB = await run({ event, workspaceFiles: PASSING });
    expect(legA.outputs['artifact-id']).toBeDefined();
    expect(legB.outputs['artifact-id']).toBeDefined();
    expect(artifacts().artifacts.map((artifact) => artifact.name)).toEqual(['slo-compliance-report', expect.stringMatching(/^slo-compliance-report-slo-[0-9a-f]{8}$/)]);
    expect(legB.annotations.filter((annotation) => annotation.level === 'warning' && !annotation.title)).toEqual([]);

    const clash = await run({ event, workspaceFiles: PASSING, inputs: { 'artifact-name': 'slo-compliance-report' } });
    expectNoCrash(clash);
    expect(clash.exitCode).toBe(0);
    const warnings = clash.annotations.filter((annotation) => annotation.level === 'warning' && !annotation.title);
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('could not upload the report artifact "slo-compliance-report"')]);
    expect(clash.outputs['artifact-id']).toBeUndefined();
    expect(clash.summary).toContain('## ✅ ');
  });

  it('on push: summary, artifact and annotations, no comment', async () => {
    const result = await run({ event: pushEvent(), workspaceFiles: FAILING });
    expectNoCrash(result);
    expect(result.exitCode).toBe(1);
    expect(gh().requests).toEqual([]);
    expect(result.summary).toContain('## ❌ ');
    expect(result.annotations.some((annotation) => annotation.title === 'policy/target-min' && annotation.level === 'error')).toBe(true);
    expect(artifacts().artifact('slo-compliance-report')).toBeDefined();
  });

  it('on schedule with issue-on-failure: one tracking issue while failing, closed with a comment when passing', async () => {
    const inputs = { 'issue-on-failure': 'true' };
    const first = await run({ event: scheduleEvent({ cron: '*/30 * * * *' }), workspaceFiles: FAILING, inputs });
    expectNoCrash(first);
    expect(first.exitCode).toBe(1);
    await artifacts().reset();
    await run({ event: workflowDispatchEvent(), workspaceFiles: FAILING, inputs });
    await artifacts().reset();
    const issues = gh().issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', user: { login: GITHUB_ACTIONS_BOT.login } });
    expect(issues[0]!.body).toMatch(/^<!-- slo-gate-tracking:default -->\n/);
    expect(issues[0]!.body).toContain('targets 99.5 %');
    expect(gh().requestsTo('POST', /\/issues$/)).toHaveLength(1);
    expect(gh().requestsTo('PATCH', /\/issues\/\d+$/)).toHaveLength(1);

    await artifacts().reset();
    const passing = await run({ event: scheduleEvent({ cron: '*/30 * * * *' }), workspaceFiles: PASSING, inputs });
    expectNoCrash(passing);
    expect(passing.exitCode).toBe(0);
    const closed = gh().issue(issues[0]!.number)!;
    expect(closed).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(gh().comments(issues[0]!.number).map((comment) => comment.body)).toEqual([expect.stringContaining('passes again')]);
    // No pull request, so no PR comment was attempted.
    expect(gh().requestsTo('GET', /\/issues\/\d+\/comments$/)).toEqual([]);

    // A further passing run finds no open issue and writes nothing.
    const writes = gh().writes().length;
    await artifacts().reset();
    await run({ event: scheduleEvent(), workspaceFiles: PASSING, inputs });
    expect(gh().writes()).toHaveLength(writes);
  });

  it('with a personal access token, finds its comment by that user\'s login; comment: never writes nothing', async () => {
    const pat = 'ghp_fakePersonalToken0123456789abcdef';
    gh().addToken(pat, OCTOCAT, 'pat');
    const pr = gh().seedPullRequest();
    const inputs = { 'github-token': pat };
    await run({ event: pullRequestEventFromApi(gh(), pr.number), workspaceFiles: FAILING, inputs });
    await artifacts().reset();
    const second = await run({ event: pullRequestEventFromApi(gh(), pr.number, 'synchronize'), workspaceFiles: FAILING, inputs });
    expectTokenHidden(second, pat);
    const comments = gh().comments(pr.number);
    expect(comments.map((comment) => comment.user.login)).toEqual([OCTOCAT.login]);
    expect(gh().requestsTo('PATCH')).toHaveLength(1);

    const requests = gh().requests.length;
    await artifacts().reset();
    const never = await run({ event: pullRequestEventFromApi(gh(), pr.number, 'synchronize'), workspaceFiles: FAILING, inputs: { comment: 'never' } });
    expectNoCrash(never);
    expect(gh().requests).toHaveLength(requests);
    expect(never.outputs['comment-url']).toBeUndefined();
  });

  it('fork-safe workflow_run: finds the fork pull request by its head and comments there', async () => {
    const pr = gh().seedPullRequest({ fork: true });
    // GitHub's list-pulls filter: `head=<owner>:<branch>`.
    gh().route('GET', '/repos/{owner}/{repo}/pulls', (ctx) => {
      const [owner, branch] = (ctx.query.get('head') ?? '').split(':');
      const open = [...gh().state.issues.values()].filter((issue) => issue.pull && issue.state === 'open');
      const matching = open.filter((issue) => issue.pull!.headRepo.owner === owner && issue.pull!.headRef === branch);
      return { status: 200, body: matching.map((issue) => gh().pullRequest(issue.number)) };
    });
    const headRepository = repository({ owner: pr.author.login, name: gh().repo, fork: true, ownerType: 'User', ownerId: pr.author.id }, gh().urls);
    const event: GitHubEvent = {
      name: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: {
          id: 9_000_000_000,
          name: 'SLO check',
          event: 'pull_request',
          status: 'completed',
          conclusion: 'success',
          head_branch: pr.pull.headRef,
          head_sha: pr.pull.headSha,
          head_repository: headRepository,
          // Empty for pull requests from forks.
          pull_requests: [],
        },
        repository: repository({ owner: gh().owner, name: gh().repo }, gh().urls),
        sender: simpleUser(pr.author, gh().urls),
      },
      sha: shaOf('default-branch-head'),
      ref: 'refs/heads/main',
      actor: pr.author,
    };
    const result = await run({ event, workspaceFiles: FAILING });
    expectNoCrash(result);
    expect(gh().requestsTo('GET', '/repos/acme/widgets/pulls').map((request) => request.query.head)).toEqual([`${pr.author.login}:${pr.pull.headRef}`]);
    const comments = gh().comments(pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`/blob/${pr.pull.headSha}/slo/checkout.yaml#L3`);
    expect(result.outputs['comment-url']).toBe(comments[0]!.html_url);
  });

  it('rejects an invalid input with a plain message and exit status 2', async () => {
    const result = await run({ event: pushEvent(), workspaceFiles: PASSING, inputs: { 'retention-days': 365 } });
    expect(result.exitCode).toBe(2);
    expect(result.annotations).toEqual([expect.objectContaining({ level: 'error', message: 'retention-days must be a whole number from 1 to 90, not "365"' })]);
  });

  it('refuses a path that does not exist or is not a directory: one line naming it, exit status 2, nothing published', async () => {
    for (const [path, message] of [
      ['monitoring', 'path "monitoring" does not exist'],
      ['slo/checkout.yaml', 'path "slo/checkout.yaml" is not a directory'],
    ]) {
      const result = await run({ event: pushEvent(), workspaceFiles: PASSING, inputs: { path } });
      expect(result.exitCode).toBe(2);
      expect(result.annotations).toEqual([expect.objectContaining({ level: 'error', message })]);
      expect(result.stdout).not.toMatch(/internal error/);
      expect(result.outputs.result).toBeUndefined();
    }
  });
});
