/**
 * The bundled action against a backend that echoes every request header in its error body and
 * reason phrase, on a pull request: the header values, the URL's password, the Basic credential
 * built from it and the GitHub token appear in no byte the action writes — stdout and stderr
 * (outside the `::add-mask::` commands), annotations, outputs, the job summary, the PR comment,
 * and every file left in the runner's temp directory (the report files).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEventFromApi, runAction } from '../support/action-runner.js';
import { useGitHubApi } from '../support/github-api.js';
import { startHostileBackend, type HostileBackend } from '../support/hostile-backend.js';
import { MEASURED_SLO_REPOSITORY } from '../helpers/slo-fixtures.js';

const API_KEY = 'k3y-echoed-9f8e7d6c5b4a';
const TENANT = 'tenant-echoed-4242';
const PASSWORD = 'pa55-echoed-in-url';
const BASIC = Buffer.from(`bot:${PASSWORD}`).toString('base64');

const FILES = MEASURED_SLO_REPOSITORY;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() && statSync(full).size < 64 * 1024 * 1024 ? [full] : [];
  });
}

describe('the bundled action with a backend that echoes the request headers', () => {
  const gh = useGitHubApi();
  let backend: HostileBackend;
  beforeAll(async () => {
    backend = await startHostileBackend({ kind: 'echo-json' });
  });
  afterAll(async () => {
    await backend?.close();
  });

  it('writes no secret anywhere: log, annotations, outputs, summary, comment, report files', async () => {
    const pr = gh().seedPullRequest();
    const url = backend.url.replace('http://', `http://bot:${PASSWORD}@`);
    const r = await runAction({
      github: gh(),
      event: pullRequestEventFromApi(gh(), pr.number),
      inputs: {
        'github-token': gh().token,
        'prometheus-url': url,
        'prometheus-headers': `X-Api-Key: ${API_KEY}\nX-Scope-OrgID: ${TENANT}`,
        'upload-artifact': 'false',
        'new-findings-only': 'false',
        comment: 'always',
      },
      workspaceFiles: FILES,
      keepTemp: true,
      timeoutMs: 60_000,
    });
    try {
      expect(r.timedOut).toBe(false);
      // The backend received them: the echo is real.
      expect(backend.requests[0].headers).toMatchObject({ authorization: `Basic ${BASIC}`, 'x-api-key': API_KEY, 'x-scope-orgid': TENANT });
      const secrets = [API_KEY, TENANT, PASSWORD, BASIC, gh().token];
      // Masked for the runner…
      for (const secret of [API_KEY, TENANT, PASSWORD, BASIC]) expect(r.masks.some((mask) => mask.includes(secret))).toBe(true);
      const comments = gh().comments(pr.number);
      expect(comments).toHaveLength(1);
      const files = filesUnder(r.tempDir).filter((file) => !file.startsWith(r.workspace));
      expect(files.some((file) => file.endsWith('report.json'))).toBe(true);
      const written = [
        `${r.stdout}\n${r.stderr}`
          .split('\n')
          .filter((line) => !line.startsWith('::add-mask::'))
          .join('\n'),
        JSON.stringify(r.annotations),
        JSON.stringify(r.outputs),
        r.summary,
        ...comments.map((comment) => comment.body ?? ''),
        ...files.map((file) => readFileSync(file, 'utf8')),
      ].join('\n');
      // …and scrubbed from everything the action wrote itself, where the runner does not mask.
      for (const secret of secrets) expect(written).not.toContain(secret);
      expect(r.summary).toContain('live/query-failed');
      expect(comments[0].body).toContain('\\*\\*\\*');
    } finally {
      rmSync(r.tempDir, { recursive: true, force: true });
    }
  }, 120_000);
});
