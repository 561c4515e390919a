import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_ACTIONS_BOT,
  HttpError,
  MAX_BODY_LENGTH,
  OCTOCAT,
  OTHER_BOT,
  startGitHubApi,
  useGitHubApi,
} from '../support/github-api.js';
import { getOpenApiValidator } from '../support/openapi.js';

const owner = 'acme';
const repo = 'widgets';
const MARKER = '<!-- slo-gate:sticky -->';

const gh = useGitHubApi({ owner, repo });
const client = (token = gh().token) => getOctokit(token, { baseUrl: gh().url });

describe('GitHub API fake with a real Octokit (@actions/github getOctokit)', () => {
  it('creates, lists and updates a sticky comment; responses validate against the OpenAPI description', async () => {
    const pr = gh().seedPullRequest({ labels: ['slo'] });
    // Another user's comment quoting the marker, and another bot's comment carrying it.
    gh().seedComment({ issueNumber: pr.number, body: `copy-paste: ${MARKER}`, author: OCTOCAT });
    gh().seedComment({ issueNumber: pr.number, body: `${MARKER}\nnot ours`, author: OTHER_BOT });
    const o = client();

    const created = await o.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: `${MARKER}\nv1` });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    expect(created.data.html_url).toBe(`https://github.localhost/${owner}/${repo}/pull/${pr.number}#issuecomment-${created.data.id}`);
    expect(created.headers.location).toBe(created.data.url);

    const listed = await o.paginate(o.rest.issues.listComments, { owner, repo, issue_number: pr.number, per_page: 100 });
    expect(listed.map((c) => c.user?.login)).toEqual(['octocat', 'other-ci[bot]', 'github-actions[bot]']);
    const ours = listed.filter((c) => c.user?.login === GITHUB_ACTIONS_BOT.login && c.user.type === 'Bot' && c.body?.includes(MARKER));
    expect(ours).toHaveLength(1);

    const updated = await o.rest.issues.updateComment({ owner, repo, comment_id: ours[0]!.id, body: `${MARKER}\nv2` });
    expect(updated.data.body).toBe(`${MARKER}\nv2`);
    expect(gh().comment(ours[0]!.id)?.body).toBe(`${MARKER}\nv2`);

    await o.rest.issues.deleteComment({ owner, repo, comment_id: ours[0]!.id });
    expect(gh().comments(pr.number)).toHaveLength(2);

    // Every request was recorded with its operation id.
    expect(gh().requests.map((r) => r.operationId)).toEqual([
      'issues/create-comment',
      'issues/list-comments',
      'issues/update-comment',
      'issues/delete-comment',
    ]);
    expect(gh().requestsTo('PATCH')[0]?.body).toEqual({ body: `${MARKER}\nv2` });
  });

  it('paginates with per_page/page and a Link header that Octokit follows (/repositories/{id} form)', async () => {
    const pr = gh().seedPullRequest();
    for (let i = 0; i < 205; i++) gh().seedComment({ issueNumber: pr.number, body: `c${i}` });
    const o = client();
    const first = await o.rest.issues.listComments({ owner, repo, issue_number: pr.number, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain(`/repositories/${gh().repoId}/issues/${pr.number}/comments?per_page=100&page=2>; rel="next"`);
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await o.paginate(o.rest.issues.listComments, { owner, repo, issue_number: pr.number, per_page: 100 });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 205 }, (_, i) => `c${i}`));
    expect(gh().requests.map((r) => r.query.page ?? '1')).toEqual(['1', '1', '2', '3']);
    // Default page size is 30, max is 100.
    const d = await o.rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(d.data).toHaveLength(30);
    const big = await o.rest.issues.listComments({ owner, repo, issue_number: pr.number, per_page: 500 });
    expect(big.data).toHaveLength(100);
  });

  it('lists issues with state/labels/creator filters (PRs are included, like the real API) and creates/updates issues', async () => {
    gh().seedPullRequest({ labels: ['slo-gate'] });
    gh().seedIssue({ title: 'human issue', labels: ['slo-gate'], author: OCTOCAT });
    gh().seedIssue({ title: 'old tracking', labels: ['slo-gate', 'tracking'], author: GITHUB_ACTIONS_BOT, state: 'closed' });
    const o = client();
    const created = await o.rest.issues.create({ owner, repo, title: 'SLO tracking', body: `${MARKER}\nbody`, labels: ['slo-gate', 'tracking'] });
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['slo-gate', 'tracking']);

    const open = await o.paginate(o.rest.issues.listForRepo, { owner, repo, labels: 'slo-gate,tracking', state: 'open', creator: 'github-actions[bot]' });
    expect(open.map((i) => i.number)).toEqual([created.data.number]);
    const all = await o.paginate(o.rest.issues.listForRepo, { owner, repo, state: 'all', labels: 'slo-gate' });
    expect(all.map((i) => i.title)).toEqual(['SLO tracking', 'old tracking', 'human issue', 'Change #1']);
    expect(all.filter((i) => i.pull_request)).toHaveLength(1);

    const closed = await o.rest.issues.update({ owner, repo, issue_number: created.data.number, state: 'closed', state_reason: 'completed' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(closed.data.closed_at).toMatch(/Z$/);
    const reopened = await o.rest.issues.update({ owner, repo, issue_number: created.data.number, state: 'open', body: 'new' });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', body: 'new', closed_at: null });
  });

  it('serves pulls/{n} and paginated pulls/{n}/files; fork PRs have a fork head repo', async () => {
    const files = Array.from({ length: 45 }, (_, i) => ({ filename: `slo/s${i}.yaml`, additions: i + 1 }));
    const pr = gh().seedPullRequest({ labels: ['slo', 'skip-slo-gate'], fork: true, files, headSha: 'a'.repeat(40) });
    const o = client();
    const { data } = await o.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(data.head.sha).toBe('a'.repeat(40));
    expect(data.head.repo?.fork).toBe(true);
    expect(data.head.repo?.full_name).toBe(`first-timer/${repo}`);
    expect(data.base.repo.full_name).toBe(`${owner}/${repo}`);
    expect(data.labels.map((l) => l.name)).toEqual(['slo', 'skip-slo-gate']);
    const listed = await o.paginate(o.rest.pulls.listFiles, { owner, repo, pull_number: pr.number });
    expect(listed.map((f) => f.filename)).toEqual(files.map((f) => f.filename));
    await expect(o.rest.pulls.get({ owner, repo, pull_number: 999 })).rejects.toMatchObject({ status: 404 });
    // Other repositories do not exist.
    await expect(o.rest.pulls.get({ owner, repo: 'other', pull_number: pr.number })).rejects.toMatchObject({ status: 404 });
  });

  it('authenticates with "token X" and "Bearer X"; wrong or missing token -> 401', async () => {
    const pr = gh().seedPullRequest();
    await client().rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(gh().requests[0]?.headers.authorization).toBe(`token ${gh().token}`);
    const bearer = await fetch(`${gh().url}/repos/${owner}/${repo}/issues/${pr.number}/comments`, {
      headers: { authorization: `Bearer ${gh().token}` },
    });
    expect(bearer.status).toBe(200);
    await expect(client('ghs_wrong').rest.issues.listComments({ owner, repo, issue_number: pr.number })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials'),
    });
    const anon = await fetch(`${gh().url}/repos/${owner}/${repo}/issues/${pr.number}/comments`);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ message: 'Requires authentication' });
  });

  it('GITHUB_TOKEN identity: GET /user -> 403, GET /app -> 401 (identity must come from elsewhere)', async () => {
    const o = client();
    await expect(o.rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    await expect(o.rest.apps.getAuthenticated()).rejects.toMatchObject({ status: 401 });
    // A PAT (another identity) can call GET /user.
    gh().addToken('ghp_octocat', OCTOCAT, 'pat');
    const me = await client('ghp_octocat').rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'octocat', type: 'User' });
    const c = await client('ghp_octocat').rest.issues.create({ owner, repo, title: 'by a human' });
    expect(c.data.user?.login).toBe('octocat');
    // An app JWT can call GET /app (the response validates against `integration`).
    gh().addToken('eyJ.app.jwt', GITHUB_ACTIONS_BOT, 'app-jwt');
    const app = await client('eyJ.app.jwt').rest.apps.getAuthenticated();
    expect(app.data).toMatchObject({ slug: 'github-actions' });
  });
});

describe('fault modes', () => {
  it('fork: every write -> 403 "Resource not accessible by integration"; reads work', async () => {
    const pr = gh().seedPullRequest({ fork: true });
    const c = gh().seedComment({ issueNumber: pr.number, body: 'x', author: GITHUB_ACTIONS_BOT });
    gh().setFaults({ fork: true });
    const o = client();
    await expect(o.rest.issues.listComments({ owner, repo, issue_number: pr.number })).resolves.toMatchObject({ status: 200 });
    for (const call of [
      () => o.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: 'x' }),
      () => o.rest.issues.updateComment({ owner, repo, comment_id: c.id, body: 'y' }),
      () => o.rest.issues.deleteComment({ owner, repo, comment_id: c.id }),
      () => o.rest.issues.create({ owner, repo, title: 't' }),
      () => o.rest.issues.update({ owner, repo, issue_number: pr.number, state: 'closed' }),
    ]) {
      const err = await call().then(
        () => undefined,
        (e: unknown) => e as { status: number; response: { data: { message: string; documentation_url: string } } },
      );
      expect(err?.status).toBe(403);
      expect(err?.response.data.message).toBe('Resource not accessible by integration');
      expect(err?.response.data.documentation_url).toMatch(/^https:\/\/docs\.github\.com\/rest\//);
    }
    expect(gh().writes().every((r) => r.fault === 'fork' && r.status === 403)).toBe(true);
    expect(gh().comments(pr.number)).toHaveLength(1);
  });

  it('commentDeleted: PATCH -> 404 and the comment is gone', async () => {
    const pr = gh().seedPullRequest();
    const c = gh().seedComment({ issueNumber: pr.number, body: MARKER, author: GITHUB_ACTIONS_BOT });
    gh().setFaults({ commentDeleted: true });
    const o = client();
    await expect(o.rest.issues.updateComment({ owner, repo, comment_id: c.id, body: 'y' })).rejects.toMatchObject({ status: 404 });
    expect(gh().requestsTo('PATCH')[0]).toMatchObject({ status: 404, fault: 'commentDeleted' });
    expect(gh().comments(pr.number)).toHaveLength(0);
    // Recreating works.
    await o.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: `${MARKER} new` });
    expect(gh().comments(pr.number).map((x) => x.body)).toEqual([`${MARKER} new`]);
  });

  it('tooLong (always on): bodies over 65536 characters -> 422 like the real API', async () => {
    const pr = gh().seedPullRequest();
    const o = client();
    const err = (await o.rest.issues
      .createComment({ owner, repo, issue_number: pr.number, body: 'x'.repeat(MAX_BODY_LENGTH + 1) })
      .catch((e: unknown) => e)) as { status: number; response: { data: { message: string; errors: { message: string }[] } } };
    expect(err.status).toBe(422);
    expect(err.response.data.message).toBe('Validation Failed');
    expect(err.response.data.errors[0]?.message).toMatch(/too long \(maximum is 65536 characters\)/);
    await expect(o.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: 'x'.repeat(MAX_BODY_LENGTH) })).resolves.toMatchObject({
      status: 201,
    });
    await expect(o.rest.issues.create({ owner, repo, title: 't', body: 'é'.repeat(MAX_BODY_LENGTH + 1) })).rejects.toMatchObject({ status: 422 });
    // Length is counted in characters (code points), not UTF-16 units: 65536 emoji are fine.
    await expect(o.rest.issues.create({ owner, repo, title: 't', body: '😀'.repeat(MAX_BODY_LENGTH) })).resolves.toMatchObject({ status: 201 });
  });

  it('flaky5xx: first N requests -> 502/500, then success (plugin-retry recovers)', async () => {
    const pr = gh().seedPullRequest();
    gh().setFaults({ flaky5xx: 2 });
    const o = getOctokit(gh().token, { baseUrl: gh().url, retry: { retryAfterBaseValue: 1 } }, retry);
    const res = await o.rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(res.status).toBe(200);
    expect(gh().requests.map((r) => r.status)).toEqual([502, 500, 200]);
    // Without a retry plugin the first failure surfaces.
    gh().setFaults({ flaky5xx: { count: 1, statuses: [500], match: { method: 'POST' } } });
    await expect(client().rest.issues.listComments({ owner, repo, issue_number: pr.number })).resolves.toMatchObject({ status: 200 });
    await expect(client().rest.issues.createComment({ owner, repo, issue_number: pr.number, body: 'x' })).rejects.toMatchObject({ status: 500 });
    await expect(client().rest.issues.createComment({ owner, repo, issue_number: pr.number, body: 'x' })).resolves.toMatchObject({ status: 201 });
  });

  it('rateLimited (primary, 403): x-ratelimit-remaining 0 + reset + retry-after; plugin-throttling waits and retries', async () => {
    const pr = gh().seedPullRequest();
    gh().setFaults({ rateLimited: { count: 1, status: 403, kind: 'primary', retryAfter: 1 } });
    const raw = await fetch(`${gh().url}/repos/${owner}/${repo}/issues/${pr.number}/comments`, { headers: { authorization: `token ${gh().token}` } });
    expect(raw.status).toBe(403);
    expect(raw.headers.get('retry-after')).toBe('1');
    expect(raw.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(raw.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(((await raw.json()) as { message: string }).message).toMatch(/^API rate limit exceeded/);

    gh().setFaults({ rateLimited: { count: 2, status: 403, kind: 'primary' } });
    const seen: number[] = [];
    const o = getOctokit(
      gh().token,
      {
        baseUrl: gh().url,
        throttle: {
          retryAfterBaseValue: 5, // ms per announced second: keep the test fast
          onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => (seen.push(after), count < 3),
          onSecondaryRateLimit: () => false,
        },
      },
      throttling,
    );
    const res = await o.rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(res.status).toBe(200);
    expect(seen.length).toBe(2);
  });

  it('rateLimited (secondary, 429): retry-after; plugin-throttling calls onSecondaryRateLimit', async () => {
    const pr = gh().seedPullRequest();
    gh().setFaults({ rateLimited: { count: 1, status: 429, kind: 'secondary', retryAfter: 1 } });
    const secondary: number[] = [];
    const o = getOctokit(
      gh().token,
      {
        baseUrl: gh().url,
        throttle: {
          retryAfterBaseValue: 5,
          onRateLimit: () => false,
          onSecondaryRateLimit: (after: number) => (secondary.push(after), true),
        },
      },
      throttling,
    );
    // (a GET: plugin-throttling spaces writes >= 1 s apart, which would slow the test)
    const res = await o.rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(res.status).toBe(200);
    expect(secondary).toEqual([1]);
    expect(gh().requests.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rateLimited'],
      [200, undefined],
    ]);
  });
});

describe('OpenAPI validation', () => {
  it('catches a deliberately broken response from a test-only route, and assertNoViolations() fails', async () => {
    gh().route('GET', '/repos/{owner}/{repo}/labels/{name}', () => ({ status: 200, body: { name: 'slo', color: 42 } }));
    const res = await client().rest.issues.getLabel({ owner, repo, name: 'slo' });
    expect(res.status).toBe(200);
    expect(gh().violations).toHaveLength(1);
    expect(gh().violations[0]).toMatchObject({ kind: 'response', status: 200, route: '/repos/{owner}/{repo}/labels/{name}' });
    expect(gh().violations[0]!.errors.join('\n')).toMatch(/must have required property 'id'/);
    expect(gh().violations[0]!.errors.join('\n')).toMatch(/\/color must be string/);
    expect(() => gh().assertNoViolations()).toThrow(/1 OpenAPI violation/);
    gh().resetRecording(); // the violation was intended
  });

  it('catches a broken override of a built-in route (missing node_id on a comment)', async () => {
    const pr = gh().seedPullRequest();
    gh().seedComment({ issueNumber: pr.number, body: 'x' });
    gh().route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => ({
      status: 200,
      body: ctx.server.comments(pr.number).map(({ node_id: _drop, ...rest }) => rest),
    }));
    await client().rest.issues.listComments({ owner, repo, issue_number: pr.number });
    expect(gh().violations[0]?.errors.join('\n')).toMatch(/\/0 must have required property 'node_id'/);
    gh().resetRecording();
  });

  it('error responses are validated too (GitHub error envelope: a string `message`)', async () => {
    gh().route('GET', '/repos/{owner}/{repo}/labels/{name}', () => {
      throw new HttpError(404, { msg: 'no message field' });
    });
    await expect(client().rest.issues.getLabel({ owner, repo, name: 'x' })).rejects.toMatchObject({ status: 404 });
    expect(gh().violations[0]?.errors.join('\n')).toMatch(/must have required property 'message'/);
    gh().resetRecording();
  });

  it('request bodies are validated: a schema-invalid body -> 422 and a request violation', async () => {
    const pr = gh().seedPullRequest();
    const res = await fetch(`${gh().url}/repos/${owner}/${repo}/issues/${pr.number}/comments`, {
      method: 'POST',
      headers: { authorization: `token ${gh().token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'wrong field' }),
    });
    expect(res.status).toBe(422);
    expect(gh().violations[0]).toMatchObject({ kind: 'request' });
    expect(gh().violations[0]?.errors.join('\n')).toMatch(/must have required property 'body'/);
    const bad = await fetch(`${gh().url}/repos/${owner}/${repo}/issues/${pr.number}/comments`, {
      method: 'POST',
      headers: { authorization: `token ${gh().token}` },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: 'Problems parsing JSON' });
    gh().resetRecording();
  });

  it('records calls to routes the fake lacks as "unrouted" violations', async () => {
    await expect(client().rest.repos.get({ owner, repo })).rejects.toMatchObject({ status: 404 });
    expect(gh().violations[0]).toMatchObject({ kind: 'unrouted', method: 'GET' });
    expect(gh().violations[0]?.errors[0]).toMatch(/spec: \/repos\/\{owner\}\/\{repo\}/);
    gh().resetRecording();
  });

  it('the spec loader resolves operations and the validator rejects bad objects', () => {
    const v = getOpenApiValidator();
    expect(v.matchPath('/repos/a/b/issues/comments/12', 'patch')).toBe('/repos/{owner}/{repo}/issues/comments/{comment_id}');
    expect(v.operation('/repos/{owner}/{repo}/issues/{issue_number}/comments', 'post')?.operationId).toBe('issues/create-comment');
    expect(v.validateComponent('simple-user', { login: 'x' }).valid).toBe(false);
    expect(v.validateResponse('/repos/{owner}/{repo}/issues/comments/{comment_id}', 'delete', 204, undefined).valid).toBe(true);
    expect(v.validateResponse('/repos/{owner}/{repo}/issues/comments/{comment_id}', 'delete', 204, { a: 1 }).valid).toBe(false);
  });
});

describe('lifecycle', () => {
  it('binds 127.0.0.1 on a free port, seeds from options, and stops cleanly', async () => {
    const api = await startGitHubApi({
      owner: 'o',
      repo: 'r',
      token: 'ghs_custom',
      seed: {
        pullRequests: [{ number: 7, labels: ['a'] }],
        comments: [{ issueNumber: 7, body: 'hello', author: OCTOCAT }],
      },
    });
    const url = api.url;
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const o = getOctokit('ghs_custom', { baseUrl: api.url });
      const { data } = await o.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 7 });
      expect(data.map((c) => c.body)).toEqual(['hello']);
      api.assertNoViolations();
      api.reset();
      expect(api.comments(7).map((c) => c.body)).toEqual(['hello']);
    } finally {
      await api.stop();
    }
    await expect(fetch(`${url}/user`)).rejects.toThrow();
  });
});
