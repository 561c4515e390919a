import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ALREADY_EXISTS_MSG,
  type FakeArtifactService,
  TWIRP_PREFIX,
  makeRuntimeToken,
  startArtifactService,
} from '../support/artifact-service.js';
import { Azurite } from '../support/azurite.js';
import { readZip } from '../support/zip.js';

let svc: FakeArtifactService;
let dir: string;
const DAY = 86_400_000;

beforeAll(async () => {
  svc = await startArtifactService();
  dir = mkdtempSync(join(tmpdir(), 'artifact-harness-'));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'report.md'), '# SLO report\n\nall good\n');
  writeFileSync(join(dir, 'nested', 'results.json'), JSON.stringify({ verdict: 'pass' }));
  writeFileSync(join(dir, 'nested', 'deeper', 'big.txt'), 'x'.repeat(200_000));
});

afterAll(async () => {
  await svc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  svc.assertNoViolations();
  await svc.reset();
});

/**
 * Runs `fn` with process.env prepared like a runner's for @actions/artifact,
 * restoring it afterwards. @actions/core's stdout chatter is muted meanwhile.
 */
async function withRunnerEnv<T>(extra: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  const write = process.stdout.write;
  Object.assign(process.env, svc.env());
  delete process.env.GITHUB_SERVER_URL;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.stdout.write = (() => true) as typeof write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const files = () => [join(dir, 'report.md'), join(dir, 'nested', 'results.json'), join(dir, 'nested', 'deeper', 'big.txt')];

describe('fake results service + Azurite with a real DefaultArtifactClient (in-process)', () => {
  it('uploads a zip to Azurite through CreateArtifact/FinalizeArtifact; the zip can be read back', async () => {
    const before = Date.now();
    const res = await withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('slo-report', files(), dir, { retentionDays: 5 }));
    expect(res.id).toBeGreaterThan(0);
    expect(res.size).toBeGreaterThan(0);

    const a = svc.artifact('slo-report')!;
    expect(a).toMatchObject({ id: res.id, finalized: true, mimeType: 'application/zip', version: 7, size: res.size, blobSize: res.size });
    expect(a.digest).toBe(`sha256:${res.digest}`);

    const entries = await svc.readZip('slo-report');
    expect(entries.filter((e) => !e.isDirectory).map((e) => e.name).sort()).toEqual(['nested/deeper/big.txt', 'nested/results.json', 'report.md']);
    const text = await svc.files(res.id!);
    expect(text['report.md']).toBe('# SLO report\n\nall good\n');
    expect(JSON.parse(text['nested/results.json']!)).toEqual({ verdict: 'pass' });
    expect(text['nested/deeper/big.txt']).toHaveLength(200_000);

    // expires_at follows retentionDays (sent by the client as an RFC 3339 timestamp).
    const expires = Date.parse(a.requestedExpiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 5 * DAY - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 5 * DAY + 1000);

    // The wire format: proto field names, StringValue as a bare string, int64 as string.
    const create = svc.requests.find((r) => r.rpc === 'CreateArtifact')!;
    expect(create.body).toMatchObject({
      workflow_run_backend_id: svc.workflowRunBackendId,
      workflow_job_run_backend_id: svc.workflowJobRunBackendId,
      name: 'slo-report',
      version: 7,
      mime_type: 'application/zip',
      expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const finalize = svc.requests.find((r) => r.rpc === 'FinalizeArtifact')!;
    expect(finalize.body).toMatchObject({ size: String(res.size), hash: `sha256:${res.digest}` });
  });

  it('without retentionDays no expires_at is sent (service default applies); GITHUB_RETENTION_DAYS caps it client-side', async () => {
    await withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('default-retention', [join(dir, 'report.md')], dir));
    const d = svc.artifact('default-retention')!;
    expect(d.requestedExpiresAt).toBeNull();
    expect(Date.parse(d.expiresAt) - Date.parse(d.createdAt)).toBe(90 * DAY);

    await withRunnerEnv({ GITHUB_RETENTION_DAYS: '3' }, () =>
      new DefaultArtifactClient().uploadArtifact('capped', [join(dir, 'report.md')], dir, { retentionDays: 30 }),
    );
    const c = svc.artifact('capped')!;
    const days = (Date.parse(c.requestedExpiresAt!) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);
  });

  it('name clash: a second upload with the same name -> 409 already_exists (like github.com)', async () => {
    await withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('dup', [join(dir, 'report.md')], dir));
    await expect(withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('dup', [join(dir, 'report.md')], dir))).rejects.toThrow(
      `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: ${ALREADY_EXISTS_MSG}`,
    );
    const last = svc.requests.at(-1)!;
    expect(last).toMatchObject({ rpc: 'CreateArtifact', status: 409, response: { code: 'already_exists', msg: ALREADY_EXISTS_MSG } });
  });

  it('name clash mode and seeded artifacts (e.g. from another job of the run)', async () => {
    svc.setFaults({ nameClash: ['forced'] });
    await expect(withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('forced', [join(dir, 'report.md')], dir))).rejects.toThrow(/\(409\) Conflict/);
    await expect(withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('other-name', [join(dir, 'report.md')], dir))).resolves.toMatchObject({
      id: expect.any(Number),
    });
    svc.seedArtifact('from-another-job');
    await expect(
      withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('from-another-job', [join(dir, 'report.md')], dir)),
    ).rejects.toThrow(/already exists/);
  });

  it('list, download (via GetSignedArtifactURL) and delete work with the real client', async () => {
    const up = await withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('roundtrip', files(), dir));
    const out = join(dir, 'download');
    await withRunnerEnv({}, async () => {
      const c = new DefaultArtifactClient();
      const listed = await c.listArtifacts();
      expect(listed.artifacts.map((a) => [a.name, a.id])).toEqual([['roundtrip', up.id]]);
      const dl = await c.downloadArtifact(up.id!, { path: out, expectedHash: `sha256:${up.digest}` });
      expect(dl.digestMismatch).toBe(false);
      const got = await c.getArtifact('roundtrip');
      expect(got.artifact.size).toBe(up.size);
      await c.deleteArtifact('roundtrip');
      expect((await c.listArtifacts()).artifacts).toEqual([]);
    });
  });

  it('the client refuses (GHES) unless GITHUB_SERVER_URL is unset / github.com / *.localhost', async () => {
    await expect(
      withRunnerEnv({ GITHUB_SERVER_URL: 'https://github.example.com' }, () =>
        new DefaultArtifactClient().uploadArtifact('ghes', [join(dir, 'report.md')], dir),
      ),
    ).rejects.toThrow(/not currently supported on GHES/);
    await expect(
      withRunnerEnv({ GITHUB_SERVER_URL: 'https://github.localhost' }, () =>
        new DefaultArtifactClient().uploadArtifact('localhost-ok', [join(dir, 'report.md')], dir),
      ),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it('rejects a wrong runtime token (401 unauthenticated) and records protocol violations', async () => {
    const other = makeRuntimeToken('11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222');
    await expect(
      withRunnerEnv({ ACTIONS_RUNTIME_TOKEN: other }, () => new DefaultArtifactClient().uploadArtifact('x', [join(dir, 'report.md')], dir)),
    ).rejects.toThrow(/\(401\) Unauthorized/);

    const res = await fetch(new URL(`${TWIRP_PREFIX}CreateArtifact`, svc.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${svc.runtimeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workflow_run_backend_id: svc.workflowRunBackendId, workflow_job_run_backend_id: 'nope', name: 'n', bogus: 1 }),
    });
    expect(res.status).toBe(403);
    expect(svc.violations.join('\n')).toMatch(/unknown field "bogus"/);
    expect(svc.violations.join('\n')).toMatch(/do not match the runtime token/);
    expect(() => svc.assertNoViolations()).toThrow(/2 violation/);
    svc.violations.length = 0;
  });

  it('the runtime token is a well-formed unsigned JWT with the Actions.Results scope', () => {
    const [h, p, sig] = svc.runtimeToken.split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'none' });
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as { scp: string; exp: number };
    expect(claims.scp.split(' ')).toContain(`Actions.Results:${svc.workflowRunBackendId}:${svc.workflowJobRunBackendId}`);
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
    expect(sig).toBe('');
  });
});

describe('Azurite process', () => {
  it('stop() leaves no process behind', async () => {
    const az = new Azurite();
    await az.start();
    const pid = az.pid!;
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(az.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await az.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('the Azurite wrapper exits when its parent goes away (stdin closed)', async () => {
    const az = new Azurite();
    await az.start();
    const pid = az.pid!;
    // Simulate the parent dying: close the pipe the wrapper watches.
    (az as unknown as { child: { stdin: NodeJS.WritableStream } }).child.stdin.end();
    const deadline = Date.now() + 5000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
    await az.stop();
  });
});

describe('zip reader', () => {
  it('reads stored and deflated entries and verifies CRCs', async () => {
    const up = await withRunnerEnv({}, () => new DefaultArtifactClient().uploadArtifact('zipcheck', files(), dir, { compressionLevel: 0 }));
    const buf = await svc.download(up.id!);
    const entries = readZip(buf);
    expect(entries.find((e) => e.name === 'report.md')?.method).toBe(0);
    const corrupt = Buffer.from(buf);
    const at = corrupt.indexOf('# SLO report');
    corrupt[at] = 0x21;
    expect(() => readZip(corrupt)).toThrow(/CRC mismatch/);
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });
});
