/**
 * Live mode against a real Prometheus loaded with 31 days of synthetic history whose answers are
 * known by arithmetic (scripts/lib/prometheus-scenarios.mjs): healthy (80 % budget left), spent
 * last week (−66.7 %), burning at 20× for the last hour, and no data.
 *
 * Tolerance: queries run at the fixture's `now`, on the 60 s sample grid, so rate() and increase()
 * do not extrapolate and budgets and burn rates are exact up to float rounding: we allow 1e-6
 * relative. The burn-down trend sums 200 step windows and is checked to 0.5 percentage points.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLive, type LiveSettings } from '../../src/live/run-live.js';
import type { LiveSloResult } from '../../src/live/types.js';
import { EXPECTED, ensurePrometheus, skipNoticeIfUnavailable, standardScenarios, startPrometheus, type RunningPrometheus } from '../support/prometheus.js';
import { DAY, eventsSlo, modelOf, slo } from './slos.js';

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);

function close(actual: number | undefined, expected: number, relative = 1e-6): void {
  expect(actual, `expected ≈ ${expected}`).toBeDefined();
  const tolerance = expected === 0 ? 1e-9 : Math.abs(expected) * relative;
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe.skipIf(!env.available)('live mode against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let settings: LiveSettings;
  beforeAll(async () => {
    prom = await startPrometheus({ series: standardScenarios() });
    settings = { url: prom.url, timeoutSeconds: 10, budgetSeconds: 60, failOn: 'exhausted', time: prom.now };
  });
  afterAll(async () => {
    await prom?.stop();
  });

  const byName = (results: LiveSloResult[], name: string) => results.find((r) => r.name === name)!;

  it('measures budget, burn rates and firing alerts of the four scenarios', async () => {
    const { summary, findings } = await runLive(modelOf(eventsSlo('healthy'), eventsSlo('exhausted'), eventsSlo('burning'), eventsSlo('nodata')), settings);

    const healthy = byName(summary.slos, 'healthy');
    expect(healthy.status).toBe('ok');
    close(healthy.errorRatio, EXPECTED.healthy.errorRatio['30d']);
    close(healthy.budgetRemaining, 0.8);
    close(healthy.budgetRemainingMinutes, 0.8 * 43.2);
    // no windows declared: the workbook table for 30 days
    expect(healthy.windows.map((w) => [w.longSeconds, w.shortSeconds, w.factor, w.page])).toEqual([
      [3600, 300, 14.4, true],
      [6 * 3600, 1800, 6, true],
      [DAY, 7200, 3, false],
      [3 * DAY, 6 * 3600, 1, false],
    ]);
    for (const w of healthy.windows) {
      close(w.burnRate, 0.2);
      close(w.shortBurnRate, 0.2);
      expect(w.firing).toBe(false);
    }

    const exhausted = byName(summary.slos, 'exhausted');
    expect(exhausted.status).toBe('exhausted');
    close(exhausted.budgetRemaining, EXPECTED.exhausted.budgetRemaining30d);
    close(exhausted.budgetRemainingMinutes, -(72 - 43.2));
    close(exhausted.windows[0].burnRate, 0);

    const burning = byName(summary.slos, 'burning');
    expect(burning.status).toBe('burning');
    close(burning.budgetRemaining, EXPECTED.burning.budgetRemaining30d);
    const [fast, slow, day, threeDays] = burning.windows;
    close(fast.burnRate, 20); // 1h
    close(fast.shortBurnRate, 20); // 5m
    expect(fast.firing).toBe(true);
    close(slow.burnRate, 3.5); // 6h: (5 × 0.0002 + 0.02) / 6 / 0.001
    close(slow.shortBurnRate, 20); // 30m
    expect(slow.firing).toBe(false);
    close(day.burnRate, (23 * 0.0002 + 0.02) / 24 / 0.001);
    close(threeDays.burnRate, (71 * 0.0002 + 0.02) / 72 / 0.001);
    expect([day.firing, threeDays.firing]).toEqual([false, false]);

    const nodata = byName(summary.slos, 'nodata');
    expect(nodata.status).toBe('no-data');
    expect(nodata.reason).toContain('http_requests_total{service="nodata"}');

    expect(findings.map((f) => [f.check, f.severity, f.subject])).toEqual([
      ['live/budget-exhausted', 'error', 'exhausted'],
      ['live/burning', 'warning', 'burning'],
      ['live/no-data', 'warning', 'nodata'],
    ]);
    const burningFinding = findings.find((f) => f.check === 'live/burning')!;
    expect(burningFinding).toMatchObject({ file: 'slos.yml', line: 3, column: 5 });
    expect(burningFinding.message).toBe(
      'SLO "burning" is burning its error budget: 1h/5m burn rate 20×/20× over 14.4× (page) — at 20× the whole 30d budget lasts 36h; 77.3 % left',
    );
    expect(findings.find((f) => f.check === 'live/budget-exhausted')!.message).toBe(
      'SLO "exhausted": error budget exhausted — 166.7 % of the 30d budget spent (error ratio 0.1667 % against 0.1 % allowed), 28.8 min over',
    );
    // a range and an instant query per measured SLO; "nodata" stops after the range query; then
    // live/series-missing asks once about each of the 8 SLI selectors, and once more about each
    // of the two that select nothing ("nodata")
    expect(summary.requests).toBe(3 * 2 + 1 + 8 + 2);
  });

  it('draws the burn-down: 200 steps from 100 % at the start of the period to what is left now', async () => {
    const { summary } = await runLive(modelOf(eventsSlo('healthy'), eventsSlo('exhausted')), settings);
    for (const result of summary.slos) {
      const points = result.trend!.points;
      expect(points.length).toBeLessThanOrEqual(201);
      expect(points.length).toBeGreaterThan(150);
      expect(points[0].remaining).toBe(1);
      expect(points.at(-1)!.time).toBe(prom.now);
      expect(points[0].time).toBeGreaterThanOrEqual(prom.now - 30 * DAY);
      expect(Math.abs(points.at(-1)!.remaining - result.budgetRemaining!)).toBeLessThan(0.005);
      for (let i = 1; i < points.length; i++) expect(points[i].remaining).toBeLessThanOrEqual(points[i - 1].remaining + 1e-9);
    }
    // the exhausted service lost its budget in one step six days ago: before it, nothing was spent
    const exhausted = byName(summary.slos, 'exhausted').trend!.points;
    const before = exhausted.filter((p) => p.time <= prom.now - 6 * DAY);
    const after = exhausted.filter((p) => p.time >= prom.now - 6 * DAY + 6 * 3600);
    expect(Math.min(...before.map((p) => p.remaining))).toBeGreaterThan(0.99);
    expect(Math.max(...after.map((p) => p.remaining))).toBeLessThan(-0.66);
  });

  it('reads latency SLIs from histogram buckets and SLIs written as bare selectors or ratios', async () => {
    const { summary, findings } = await runLive(
      modelOf(
        // 99 % under 250 ms; the healthy service has 99.5 % → half the budget left
        slo('latency-healthy', { type: 'latency', thresholdSeconds: 0.25, totalQuery: 'http_request_duration_seconds_count{service="healthy"}' }, { target: 0.99 }),
        // Pyrra writes counters without windows or aggregation
        slo('pyrra-burning', { errorQuery: 'http_requests_total{service="burning",code=~"5.."}', totalQuery: 'http_requests_total{service="burning"}' }),
        // Sloth raw: the error ratio itself
        slo('raw-healthy', {
          errorRatioQuery:
            'sum(rate(http_requests_total{service="healthy",code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total{service="healthy"}[{{.window}}]))',
        }),
        // OpenSLO good/total
        slo('good-total', { goodQuery: 'sum(rate(http_requests_total{service="healthy",code!~"5.."}[{{.window}}]))', totalQuery: 'sum(rate(http_requests_total{service="healthy"}[{{.window}}]))' }),
      ),
      settings,
    );
    const latency = byName(summary.slos, 'latency-healthy');
    close(latency.errorRatio, 1 - EXPECTED.healthy.latencyGoodRatio['30d']);
    close(latency.budgetRemaining, 0.5);
    close(latency.windows[0].burnRate, 0.5);
    expect(latency.query).toContain('http_request_duration_seconds_bucket{service="healthy", le="0.25"}');
    const pyrra = byName(summary.slos, 'pyrra-burning');
    close(pyrra.budgetRemaining, EXPECTED.burning.budgetRemaining30d);
    close(pyrra.windows[0].burnRate, 20);
    expect(pyrra.status).toBe('burning');
    const raw = byName(summary.slos, 'raw-healthy');
    close(raw.budgetRemaining, 0.8);
    expect(raw.notes.join()).toContain('per unit of time');
    expect(Math.abs(raw.trend!.points.at(-1)!.remaining - 0.8)).toBeLessThan(0.005);
    close(byName(summary.slos, 'good-total').budgetRemaining, 0.8);
    expect(findings.map((f) => [f.check, f.subject])).toEqual([['live/burning', 'pyrra-burning']]);
  });

  it('names the query when the SLI has no data, and counts a missing error series as no errors', async () => {
    const { summary, findings } = await runLive(
      modelOf(
        slo('typo', { errorQuery: 'sum(rate(http_requets_total{code=~"5.."}[{{.window}}]))', totalQuery: 'sum(rate(http_requets_total[{{.window}}]))' }),
        slo('no-503-yet', {
          errorQuery: 'sum(rate(http_requests_total{service="healthy",code="503"}[{{.window}}]))',
          totalQuery: 'sum(rate(http_requests_total{service="healthy"}[{{.window}}]))',
        }),
      ),
      settings,
    );
    expect(byName(summary.slos, 'typo')).toMatchObject({ status: 'no-data' });
    const quiet = byName(summary.slos, 'no-503-yet');
    expect(quiet.status).toBe('ok');
    expect(quiet.budgetRemaining).toBe(1);
    expect(quiet.windows[0].burnRate).toBe(0);
    expect(findings.map((f) => [f.check, f.severity, f.message])).toEqual([
      [
        'live/no-data',
        'warning',
        'SLO "typo": no data — the total query returns no series over the 30d period (a wrong metric name or label is the usual cause): sum(rate(http_requets_total[{{.window}}]))',
      ],
      [
        'live/no-data',
        'notice',
        'SLO "no-503-yet": the error query returns no series over 30d, so no errors were counted; if requests did fail, check its metric name: sum(rate(http_requests_total{service="healthy",code="503"}[{{.window}}]))',
      ],
    ]);
  });

  it('reports a query the backend rejects and still measures the other SLOs', async () => {
    const { summary, findings } = await runLive(modelOf(slo('broken', { errorQuery: 'sum(rate(http_requests_total{[{{.window}}]))', totalQuery: 'up' }), eventsSlo('healthy')), settings);
    expect(byName(summary.slos, 'broken').status).toBe('failed');
    expect(byName(summary.slos, 'healthy').status).toBe('ok');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'live/query-failed', severity: 'error', subject: 'broken' });
    expect(findings[0].message).toMatch(/^SLO "broken": its query failed: bad_data: .*parse error/);
  });

  it('lists SLOs without a queryable SLI as not measurable, with the reason, and sends nothing for them', async () => {
    const { summary, findings } = await runLive(
      modelOf(slo('seed', { type: 'availability', declaredType: 'availability' }), slo('no-target', {}, { target: undefined })),
      settings,
    );
    expect(summary.slos.map((r) => [r.status, r.reason])).toEqual([
      ['not-measurable', 'the SLO declares no SLI query (indicator "availability" has no error/total, good/total or error-ratio query)'],
      ['not-measurable', 'the SLO has no readable target'],
    ]);
    expect(findings).toEqual([]);
    expect(summary.requests).toBe(0);
  });

  it('gates page-level burning under live-fail-on: burning, and nothing under never', async () => {
    const model = modelOf(eventsSlo('exhausted'), eventsSlo('burning'));
    const burning = await runLive(model, { ...settings, failOn: 'burning' });
    expect(burning.findings.map((f) => [f.check, f.severity])).toEqual([
      ['live/budget-exhausted', 'error'],
      ['live/burning', 'error'],
    ]);
    const never = await runLive(model, { ...settings, failOn: 'never' });
    expect(never.findings.map((f) => [f.check, f.severity])).toEqual([
      ['live/budget-exhausted', 'notice'],
      ['live/burning', 'notice'],
    ]);
  });
});
