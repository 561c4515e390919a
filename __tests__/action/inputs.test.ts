// The action's inputs, read in one place (src/action/inputs.ts): every header value, URL password
// and the token are masked (::add-mask::) before anything could print them, and each bad input is
// a UsageError naming it with a plain message.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readActionOptions } from '../../src/action/inputs.js';
import { UsageError } from '../../src/options.js';
import { workspace } from '../helpers/workspace.js';

const set = new Set<string>();

function clearInputs() {
  for (const name of set) delete process.env[name];
  set.clear();
}

async function withInputs(inputs: Record<string, string>, files: Record<string, string> = {}) {
  clearInputs();
  vi.restoreAllMocks();
  const dir = await workspace(files);
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
    set.add(`INPUT_${name.toUpperCase()}`);
  }
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  const read = () => readActionOptions(undefined, { GITHUB_WORKSPACE: dir });
  return { dir, written, read };
}

afterEach(() => {
  vi.restoreAllMocks();
  clearInputs();
});

describe('action inputs', () => {
  it('passes the baseline file on, relative to path; none named leaves the default in force', async () => {
    const named = await withInputs({ baseline: 'adoption/baseline.json', cache: 'false' });
    expect((await named.read()).baseline).toBe('adoption/baseline.json');
    const unnamed = await withInputs({ cache: 'false' });
    expect((await unnamed.read()).baseline).toBeUndefined();
  });

  it('reads the defaults into one options object', async () => {
    const { dir, read } = await withInputs({});
    const options = await read();
    expect(options).toMatchObject({ root: dir, failOn: 'error', live: undefined, diff: undefined, engine: { concurrency: 1 }, overrides: {} });
    expect(options.publish).toMatchObject({ comment: 'auto', commentKey: 'default', uploadArtifact: true, retentionDays: 30, issueOnFailure: false });
  });

  it('accepts every fail-on value, notice meaning any finding, and names the values when one is wrong', async () => {
    for (const value of ['error', 'warning', 'notice', 'never']) {
      const { read } = await withInputs({ 'fail-on': value });
      expect((await read()).failOn).toBe(value);
    }
    const { read } = await withInputs({ 'fail-on': 'errors' });
    await expect(read()).rejects.toThrow(new UsageError('fail-on must be error, warning, notice (any finding) or never, not "errors"'));
  });

  it('refuses a missing path, a file and a device as usage errors naming the path as given', async () => {
    const missing = await withInputs({ path: 'no-such-dir' });
    await expect(missing.read()).rejects.toThrow(new UsageError('path "no-such-dir" does not exist'));
    const file = await withInputs({ path: 'rules.yml' }, { 'rules.yml': 'groups: []\n' });
    await expect(file.read()).rejects.toThrow(new UsageError('path "rules.yml" is not a directory'));
    const device = await withInputs({ path: '/dev/null' });
    await expect(device.read()).rejects.toThrow(new UsageError('path "/dev/null" is not a directory'));
    const nested = await withInputs({ path: 'monitoring' });
    await mkdir(path.join(nested.dir, 'monitoring'));
    expect((await nested.read()).root).toBe(path.join(nested.dir, 'monitoring'));
  });

  it('names the input of every other bad value', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ comment: 'sometimes' }, 'comment must be auto, always or never, not "sometimes"'],
      [{ 'retention-days': '91' }, 'retention-days must be a whole number from 1 to 90, not "91"'],
      [{ 'upload-artifact': 'yes' }, 'upload-artifact must be true or false, not "yes"'],
      [{ 'min-availability': 'high' }, 'min-availability must be a percent such as 99.9, not "high"'],
      [{ concurrency: '0' }, 'concurrency must be auto or a whole number from 1 to 64, not "0"'],
      [{ 'prometheus-url': 'http://p:9090', 'live-fail-on': 'sometimes' }, 'live-fail-on must be exhausted, burning or never, not "sometimes"'],
    ];
    for (const [inputs, message] of cases) {
      const { read } = await withInputs(inputs);
      await expect(read()).rejects.toThrow(new UsageError(message));
    }
  });

  it('reads the pull-request comparison from the event', async () => {
    const { dir, read } = await withInputs({ 'new-findings-only': 'false', 'allow-label': 'ok' });
    const event = path.join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ pull_request: { base: { sha: 'a'.repeat(40) }, labels: [] } }));
    const options = await readActionOptions(undefined, { GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(options.diff).toMatchObject({ base: 'a'.repeat(40), newFindingsOnly: false, changedFilesOnly: false });
    expect((await read()).diff).toBeUndefined();
  });

  it('masks the token', async () => {
    const { written, read } = await withInputs({ 'github-token': 'ghs_secret123' });
    await read();
    expect(written).toContain('::add-mask::ghs_secret123\n');
  });
});

describe('live inputs of the action', () => {
  it('masks every header value and the URL password, and reads the rest', async () => {
    const { written, read } = await withInputs({
      'prometheus-url': 'https://bot:pa%24s@mimir.example/prometheus',
      'prometheus-headers': 'Authorization: Bearer tok-123\nX-Scope-OrgID: tenant-9\n',
      'prometheus-timeout': '10s',
      'live-fail-on': 'burning',
    });
    const { live } = await read();
    expect(live).toMatchObject({ headers: { Authorization: 'Bearer tok-123', 'X-Scope-OrgID': 'tenant-9' }, timeoutSeconds: 10, failOn: 'burning', budgetSeconds: 120 });
    const masks = written.filter((line) => line.startsWith('::add-mask::')).map((line) => line.trim().slice('::add-mask::'.length));
    // the password decoded and as written in the URL (workflow commands escape % as %25)
    expect(masks).toEqual(expect.arrayContaining(['Bearer tok-123', 'tenant-9', 'pa$s', 'pa%2524s']));
  });

  it('masks a malformed header line before complaining about it, without echoing it', async () => {
    const { written, read } = await withInputs({ 'prometheus-url': 'http://p:9090', 'prometheus-headers': 'Authorization: ok\nBearer leaked-token' });
    await expect(read()).rejects.toThrow(/^prometheus-headers line 2 is not "Name: value"$/);
    expect(written).toContain('::add-mask::Bearer leaked-token\n');
  });
});
