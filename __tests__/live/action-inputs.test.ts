// The action's live inputs: every header value and URL password is masked (::add-mask::) before
// anything could print it, and bad inputs become the shell's own error with a plain message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLiveInputs } from '../../src/live/action-inputs.js';

const INPUTS = ['PROMETHEUS-URL', 'PROMETHEUS-HEADERS', 'PROMETHEUS-TIMEOUT', 'LIVE-FAIL-ON', 'LIVE-TIME-BUDGET', 'LIVE-CONCURRENCY'];

function withInputs(inputs: Record<string, string>): string[] {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name}`] = value;
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const name of INPUTS) delete process.env[`INPUT_${name}`];
});

describe('live inputs of the action', () => {
  it('is off without prometheus-url', () => {
    withInputs({});
    expect(readLiveInputs((m) => new Error(m))).toBeUndefined();
  });

  it('masks every header value and the URL password, and reads the rest', () => {
    const out = withInputs({
      'PROMETHEUS-URL': 'https://bot:pa%24s@mimir.example/prometheus',
      'PROMETHEUS-HEADERS': 'Authorization: Bearer tok-123\nX-Scope-OrgID: tenant-9\n',
      'PROMETHEUS-TIMEOUT': '10s',
      'LIVE-FAIL-ON': 'burning',
    });
    const settings = readLiveInputs((m) => new Error(m))!;
    expect(settings).toMatchObject({ headers: { Authorization: 'Bearer tok-123', 'X-Scope-OrgID': 'tenant-9' }, timeoutSeconds: 10, failOn: 'burning', budgetSeconds: 120 });
    const masks = out.filter((line) => line.startsWith('::add-mask::')).map((line) => line.trim().slice('::add-mask::'.length));
    // the password decoded and as written in the URL (workflow commands escape % as %25)
    expect(masks).toEqual(expect.arrayContaining(['Bearer tok-123', 'tenant-9', 'pa$s', 'pa%2524s']));
  });

  it('masks a malformed header line before complaining about it, without echoing it', () => {
    const out = withInputs({ 'PROMETHEUS-URL': 'http://p:9090', 'PROMETHEUS-HEADERS': 'Authorization: ok\nBearer leaked-token' });
    expect(() => readLiveInputs((m) => new Error(m))).toThrow(/^prometheus-headers line 2 is not "Name: value"$/);
    expect(out).toContain('::add-mask::Bearer leaked-token\n');
  });
});
