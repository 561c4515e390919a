// SLI → PromQL: what each indicator shape becomes over a window, and why some are not measurable.
import { describe, expect, it } from 'vitest';
import { parseHeaders } from '../../src/live/client.js';
import { isBareSelector, leMatcher, planSli, windowed, type EventsPlan, type RatioPlan } from '../../src/live/queries.js';
import { parseLiveSettings } from '../../src/live/settings.js';
import { slo } from './slos.js';

describe('SLI plans', () => {
  it("substitutes Sloth's {{.window}} (with or without spaces) everywhere it occurs", () => {
    expect(windowed('sum(rate(a[{{.window}}])) / sum(rate(b[{{ .window }}]))', '5m')).toBe('sum(rate(a[5m])) / sum(rate(b[5m]))');
  });

  it('wraps bare selectors (Pyrra) in sum(increase(…[w]))', () => {
    expect(windowed('http_requests_total{code=~"5..",job="api"}', '1h')).toBe('sum(increase(http_requests_total{code=~"5..",job="api"}[1h]))');
    expect(windowed('{__name__="x", a="}"}', '1h')).toBe('sum(increase({__name__="x", a="}"}[1h]))');
    expect(isBareSelector('sum(x)')).toBe(false);
    expect(isBareSelector('x offset 5m')).toBe(false);
  });

  it('averages other expressions over the window with a subquery, and says it is approximate', () => {
    const notes: string[] = [];
    expect(windowed('sum(rate(x[5m]))', '30d', notes)).toBe('avg_over_time((sum(rate(x[5m])))[30d:87m])');
    expect(windowed('sum(rate(x[5m]))', '1h', notes)).toBe('avg_over_time((sum(rate(x[5m])))[1h:1m])');
    expect(notes).toEqual(['query has no {{.window}} placeholder: averaged over each window with a subquery (approximate)']);
  });

  it('writes events, good/total and ratio SLIs as error ratios', () => {
    const events = planSli(slo('e', { errorQuery: 'sum(rate(err[{{.window}}]))', totalQuery: 'sum(rate(all[{{.window}}]))' })) as EventsPlan;
    expect([events.kind, events.errors('1h'), events.total('1h'), events.missingErrorsAreZero]).toEqual(['events', 'sum(rate(err[1h]))', 'sum(rate(all[1h]))', true]);
    const good = planSli(slo('g', { goodQuery: 'ok_total', totalQuery: 'all_total' })) as EventsPlan;
    expect([good.errors('5m'), good.missingErrorsAreZero]).toEqual(['(sum(increase(all_total[5m])) - sum(increase(ok_total[5m])))', false]);
    const ratio = planSli(slo('r', { errorRatioQuery: 'rate(e[{{.window}}]) / rate(t[{{.window}}])' })) as RatioPlan;
    expect(ratio.ratio('6h')).toBe('rate(e[6h]) / rate(t[6h])');
  });

  it('reads a latency SLI from the histogram bucket at the threshold', () => {
    const plan = planSli(slo('l', { type: 'latency', thresholdSeconds: 0.25, totalQuery: 'http_request_duration_seconds_count{job="api"}' })) as EventsPlan;
    expect(plan.errors('1h')).toBe(
      '(sum(increase(http_request_duration_seconds_count{job="api"}[1h])) - sum(increase(http_request_duration_seconds_bucket{job="api", le="0.25"}[1h])))',
    );
    // metric names alone are enough when there are no queries
    const named = planSli(slo('m', { type: 'latency', thresholdSeconds: 1, metrics: ['rpc_seconds_bucket'] })) as EventsPlan;
    expect(named.total('5m')).toBe('sum(increase(rpc_seconds_count[5m]))');
    expect(leMatcher(1)).toBe('le=~"1|1\\\\.0"');
    const native = planSli(slo('n', { type: 'latency', declaredType: 'latencyNative', thresholdSeconds: 0.1, totalQuery: 'rpc_seconds{job="a"}' })) as EventsPlan;
    expect(native.total('1h')).toBe('histogram_count(sum(increase(rpc_seconds{job="a"}[1h])))');
  });

  it('names the reason when an SLI cannot be queried', () => {
    const reason = (indicator: Parameters<typeof slo>[1]) => (planSli(slo('x', indicator)) as { reason?: string }).reason;
    expect(reason({ type: 'availability', declaredType: 'availability' })).toBe(
      'the SLO declares no SLI query (indicator "availability" has no error/total, good/total or error-ratio query)',
    );
    expect(reason({ errorQuery: 'e' })).toBe('the SLI has an error query but no total query');
    expect(reason({ type: 'latency', thresholdSeconds: 0.1 })).toBe('latency SLI names no histogram metric (a `_bucket` series) to read the threshold from');
    expect(reason({ type: 'other', declaredType: 'thresholdMetric', goodQuery: 'q' })).toBe('threshold-metric SLIs are not measured live (only ratio SLIs)');
  });

});

describe('live settings', () => {
  const fail = (message: string) => new Error(message);

  it('is off without a URL and fills in the defaults', () => {
    expect(parseLiveSettings({ url: '  ' }, fail)).toBeUndefined();
    expect(parseLiveSettings({ url: 'http://p:9090' }, fail)).toEqual({
      url: 'http://p:9090',
      headers: {},
      timeoutSeconds: 30,
      budgetSeconds: 120,
      failOn: 'exhausted',
      concurrency: 4,
      maxResponseBytes: 8 * 1024 * 1024,
    });
    expect(parseLiveSettings({ url: 'http://p', timeout: '1m', budget: '90', failOn: 'burning', concurrency: '8' }, fail)).toMatchObject({
      timeoutSeconds: 60,
      budgetSeconds: 90,
      failOn: 'burning',
      concurrency: 8,
    });
  });

  it('rejects bad values with the setting named', () => {
    expect(() => parseLiveSettings({ url: 'http://p', failOn: 'sometimes' }, fail)).toThrow('live-fail-on must be exhausted, burning or never, not "sometimes"');
    expect(() => parseLiveSettings({ url: 'http://p', timeout: 'soon' }, fail, '--')).toThrow('--prometheus-timeout must be a duration such as 30s or 2m, not "soon"');
    expect(() => parseLiveSettings({ url: 'prometheus:9090' }, fail)).toThrow('prometheus-url must be an http or https URL');
    expect(() => parseLiveSettings({ url: 'not a url' }, fail)).toThrow('prometheus-url is not a URL');
    expect(() => parseLiveSettings({ url: 'http://p', maxResponseMb: '0' }, fail)).toThrow('live-max-response-mb must be a number of MiB over 0 and at most 1024, such as 8');
    expect(parseLiveSettings({ url: 'http://p', maxResponseMb: '0.5' }, fail)?.maxResponseBytes).toBe(512 * 1024);
  });

  it('reads headers as "Name: value" lines and never echoes a value in an error', () => {
    expect(parseHeaders('Authorization: Bearer a:b\n\n# comment\nX-Scope-OrgID:  tenant-1 \r\n')).toEqual({ Authorization: 'Bearer a:b', 'X-Scope-OrgID': 'tenant-1' });
    expect(() => parseHeaders('Authorization: ok\nBearer sekrit-token')).toThrow(/^prometheus-headers line 2 is not "Name: value"$/);
  });
});
