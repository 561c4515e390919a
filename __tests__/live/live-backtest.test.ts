/**
 * live/alert-backtest against a real Prometheus: 31 days of history for one service with two burn
 * episodes, a Sloth SLO with the multiwindow rules Sloth generates (recording rules and a page and
 * a ticket alert), and a single-window page alert that fires late. The expected firings, delays
 * and budget shares are computed here from the same synthetic definition, minute by minute,
 * without Prometheus: each alert condition from window averages of the per-minute error ratio,
 * then `for`, then the budget spent between the burn's start and the firing.
 *
 *   error ratio 0.0002 (burn 0.2×), except
 *   burn A: 20 days ago, 2 h at 0.02   (20×)
 *   burn B:  5 days ago, 12 h at 0.0052 (5.2×)
 *
 * Traffic is a constant 10 req/s, so a window's error ratio is the average of its minutes' ratios.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SloBacktest } from '../../src/live/backtest.js';
import type { LiveSettings } from '../../src/live/run-live.js';
import type { Finding } from '../../src/model/findings.js';
import { runCheck } from '../../src/run.js';
import type { Report } from '../../src/report/report.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { Ajv } from 'ajv';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { workspace } from '../helpers/workspace.js';
import { DAY, HOUR, MINUTE, ensurePrometheus, requestCounters, skipNoticeIfUnavailable, startPrometheus, type RunningPrometheus } from '../support/prometheus.js';

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);

const BASE = 0.0002;
const BURNS = [
  { from: -20 * DAY, to: -20 * DAY + 2 * HOUR, ratio: 0.02 },
  { from: -5 * DAY, to: -5 * DAY + 12 * HOUR, ratio: 0.0052 },
];
const PERIOD = 30 * DAY;
const BUDGET = 0.001;
// What Sloth writes for 1 − 0.999.
const SLOTH_BUDGET = 0.0009999999999999432;
const SEL = 'service="payments"';
const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
const IDS = 'sloth_id="payments-availability", sloth_service="payments", sloth_slo="availability"';

const SLO_FILE = `version: prometheus/v1
service: payments
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{${SEL},code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{${SEL}}[{{.window}}]))
    alerting:
      name: PaymentsAvailability
      page_alert:
        labels:
          severity: page
      ticket_alert:
        labels:
          severity: ticket
`;

const clause = (factor: number, short: string, long: string) =>
  `(max(slo:sli_error:ratio_rate${short}{${IDS}} > (${factor} * ${SLOTH_BUDGET})) without (sloth_window) and max(slo:sli_error:ratio_rate${long}{${IDS}} > (${factor} * ${SLOTH_BUDGET})) without (sloth_window))`;

// The rules `sloth generate` writes for the SLO above (the recording rules the alerts read, and the two alerts).
const RULES_FILE = `groups:
  - name: sloth-slo-sli-recordings-payments-availability
    rules:
${WINDOWS.map(
  (w) => `      - record: slo:sli_error:ratio_rate${w}
        expr: (sum(rate(http_requests_total{${SEL},code=~"5.."}[${w}]))) / (sum(rate(http_requests_total{${SEL}}[${w}])))
        labels:
          sloth_id: payments-availability
          sloth_service: payments
          sloth_slo: availability
          sloth_window: ${w}`,
).join('\n')}
  - name: sloth-slo-alerts-payments-availability
    rules:
      - alert: PaymentsAvailability
        expr: ${clause(14.4, '5m', '1h')} or ${clause(6, '30m', '6h')}
        labels:
          severity: page
          sloth_severity: page
      - alert: PaymentsAvailability
        expr: ${clause(3, '2h', '1d')} or ${clause(1, '6h', '3d')}
        labels:
          severity: ticket
          sloth_severity: ticket
  - name: payments-single-window
    rules:
      - alert: PaymentsErrorsSlow
        expr: sum(rate(http_requests_total{${SEL},code=~"5.."}[6h])) / sum(rate(http_requests_total{${SEL}}[6h])) > (6 * 0.001)
        for: 5m
        labels:
          severity: page
          sloth_service: payments
          sloth_slo: availability
`;

/** The error ratio of the minute (t − 60, t], t relative to now. */
function minuteRatio(t: number): number {
  return BURNS.find((b) => t > b.from && t <= b.to)?.ratio ?? BASE;
}

interface Expected {
  firings: { start: number; end: number }[];
  responses: { delay?: number; budget?: number }[];
}

/** Replays an alert condition minute by minute over the 30 days before now (times relative to now). */
/** `grace`: a firing counts for a burn when it starts no later than the burn's end plus the alert's longest window. */
function replay(condition: (avg: (windowSeconds: number, t: number) => number, t: number) => boolean, forSeconds: number, grace: number): Expected {
  const first = -PERIOD - 3 * DAY;
  const ratios: number[] = [];
  for (let t = first; t <= 0; t += MINUTE) ratios.push(minuteRatio(t));
  const prefix = [0];
  for (const r of ratios) prefix.push(prefix.at(-1)! + r);
  const index = (t: number) => (t - first) / MINUTE;
  const avg = (windowSeconds: number, t: number) => (prefix[index(t) + 1] - prefix[index(t) + 1 - windowSeconds / MINUTE]) / (windowSeconds / MINUTE);
  const firings: { start: number; end: number }[] = [];
  let pendingSince: number | undefined;
  for (let t = -PERIOD + MINUTE; t <= 0; t += MINUTE) {
    if (!condition(avg, t)) {
      pendingSince = undefined;
      continue;
    }
    pendingSince ??= t;
    if (t - pendingSince < forSeconds) continue;
    const last = firings.at(-1);
    if (last && last.end === t - MINUTE) last.end = t;
    else firings.push({ start: t, end: t });
  }
  const spent = (from: number, to: number) => {
    let sum = 0;
    for (let t = from + MINUTE; t <= to; t += MINUTE) sum += minuteRatio(t);
    return sum / (BUDGET * (PERIOD / MINUTE));
  };
  const responses = BURNS.map((burn) => {
    const firing = firings.find((f) => f.end >= burn.from && f.start <= burn.to + grace);
    if (!firing) return {};
    const at = Math.max(firing.start, burn.from);
    return { delay: at - burn.from, budget: spent(burn.from, at) };
  });
  return { firings, responses };
}

function close(actual: number | undefined, expected: number): void {
  expect(actual, `expected ≈ ${expected}`).toBeDefined();
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * 1e-6 + 1e-12);
}

describe.skipIf(!env.available)('live/alert-backtest against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let findings: Finding[];
  let backtest: SloBacktest;
  let report: Report;
  beforeAll(async () => {
    prom = await startPrometheus({ series: requestCounters('payments', 10, BASE, BURNS) });
    const live: LiveSettings = { url: prom.url, timeoutSeconds: 30, budgetSeconds: 120, failOn: 'exhausted', time: prom.now };
    const dir = await workspace({ 'slo/payments.yml': SLO_FILE, 'rules/payments.yml': RULES_FILE });
    const run = await runCheck({ root: dir, failOn: 'error', live });
    report = run.report;
    findings = run.report.findings.filter((f) => f.check === 'live/alert-backtest');
    expect(run.live!.summary.rules!.backtests).toHaveLength(1);
    backtest = run.live!.summary.rules!.backtests[0];
  }, 240_000);
  afterAll(async () => {
    await prom?.stop();
  });

  it('finds the two burn episodes in the error-ratio series the budget uses', () => {
    expect(backtest.stepSeconds).toBe(60);
    expect(backtest.episodes.map((e) => [e.start - prom.now, e.end - prom.now])).toEqual(BURNS.map((b) => [b.from, b.to]));
    BURNS.forEach((burn, i) => {
      close(backtest.episodes[i].budgetSpent, (burn.ratio * (burn.to - burn.from)) / (BUDGET * PERIOD));
      close(backtest.episodes[i].peakBurnRate, burn.ratio / BUDGET);
    });
  });

  const cases: [alert: string, index: number, expected: () => Expected][] = [
    [
      'Sloth page alert (14.4× 1h/5m, 6× 6h/30m)',
      0,
      () => replay((avg, t) => (avg(300, t) > 14.4 * SLOTH_BUDGET && avg(HOUR, t) > 14.4 * SLOTH_BUDGET) || (avg(1800, t) > 6 * SLOTH_BUDGET && avg(6 * HOUR, t) > 6 * SLOTH_BUDGET), 0, 6 * HOUR),
    ],
    [
      'Sloth ticket alert (3× 1d/2h, 1× 3d/6h)',
      1,
      () => replay((avg, t) => (avg(2 * HOUR, t) > 3 * SLOTH_BUDGET && avg(DAY, t) > 3 * SLOTH_BUDGET) || (avg(6 * HOUR, t) > SLOTH_BUDGET && avg(3 * DAY, t) > SLOTH_BUDGET), 0, 3 * DAY),
    ],
    ['single-window page alert (6× over 6h, for 5m)', 2, () => replay((avg, t) => avg(6 * HOUR, t) > 6 * 0.001, 5 * MINUTE, 6 * HOUR)],
  ];
  for (const [name, index, expected] of cases) {
    it(`${name}: firings, first-firing delays and budget at firing match the replay`, () => {
      const want = expected();
      const alert = backtest.alerts[index];
      expect(alert.firings.map((f) => [f.start - prom.now, f.end - prom.now])).toEqual(want.firings.map((f) => [f.start, f.end]));
      expect(alert.responses.map((r) => r.delaySeconds)).toEqual(want.responses.map((r) => r.delay));
      alert.responses.forEach((r, i) => {
        if (want.responses[i].budget === undefined) expect(r.budgetAtFiring).toBeUndefined();
        else close(r.budgetAtFiring, want.responses[i].budget!);
      });
    });
  }

  it('the replay itself: the page alert pages 44 min into burn A and not in burn B; the single-window one only after 111 min', () => {
    const page = cases[0][2]();
    expect(page.responses.map((r) => r.delay)).toEqual([44 * MINUTE, undefined]);
    const single = cases[2][2]();
    expect(single.responses.map((r) => r.delay)).toEqual([111 * MINUTE, undefined]);
    expect(single.firings.length).toBe(1);
  });

  it('reports each alert, and warns where a page-level alert let more than its share of the budget burn', () => {
    const line = (name: string, last = false) => RULES_FILE.split('\n')[last ? 'findLastIndex' : 'findIndex']((l) => l.includes(`- alert: ${name}`)) + 1;
    expect(findings.map((f) => [f.severity, f.subject, f.file, f.line])).toEqual([
      ['warning', 'availability/sloth-slo-alerts-payments-availability/PaymentsAvailability{severity=page}', 'rules/payments.yml', line('PaymentsAvailability')],
      ['warning', 'availability/payments-single-window/PaymentsErrorsSlow{severity=page}', 'rules/payments.yml', line('PaymentsErrorsSlow')],
      ['notice', 'availability/sloth-slo-alerts-payments-availability/PaymentsAvailability{severity=ticket}', 'rules/payments.yml', line('PaymentsAvailability', true)],
    ]);
    expect(findings[0].message).toMatch(/^alert "PaymentsAvailability" \(SLO "availability"\): would have paged 1× in 30d .*burn 1 \(2h at up to 20×, 5\.6 % of the budget\): first page 44m after it began, 2 % spent; burn 2 \(12h at up to 5\.2×, 8\.7 % of the budget\): no page — as a page-level burn-rate alert it stands for 5 % of the budget, but burn 2 spent 8\.7 % without a page$/);
    expect(findings[1].message).toContain('burn 1 (2h at up to 20×, 5.6 % of the budget): first page 111m after it began, 5.1 % spent');
    expect(findings[1].message).toContain('but burn 1 spent 5.1 % before the page and burn 2 spent 8.7 % without a page');
  });

  it('shows the Live section per SLO: selectors found, each alert\'s replay, a Mermaid timeline in Markdown and an SVG one in HTML', () => {
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
    const rules = report.slos.find((s) => s.name === 'availability')!.live!.rules!;
    // the SLI's two selectors and the single-window alert's two; the Sloth alerts read recording rules whose sources are those
    expect([rules.selectorsChecked, rules.selectorsFound, rules.missing]).toEqual([2, 2, []]);
    expect(rules.backtest!.alerts.map((a) => [a.alert, a.page, a.firings.length])).toEqual([
      ['PaymentsAvailability', true, backtest.alerts[0].firings.length],
      ['PaymentsAvailability', false, backtest.alerts[1].firings.length],
      ['PaymentsErrorsSlow', true, backtest.alerts[2].firings.length],
    ]);

    const markdown = renderMarkdown(report);
    const section = markdown.slice(markdown.indexOf('<details><summary>Live checks: availability'));
    expect(section).toContain('Live checks: availability — 2 of 2 selectors select series; 3 alert(s) replayed</summary>');
    expect(section).toContain('- alert PaymentsAvailability: would have paged 1× in 30d');
    const gantt = /```mermaid\ngantt\n([\s\S]*?)\n```/.exec(section)![1];
    const day = (t: number) => new Date((prom.now + t) * 1000).toISOString().slice(0, 16).replace('T', ' ');
    expect(gantt).toContain(`  section budget burns\n  burn 1 :crit, ${day(BURNS[0].from)}, ${day(BURNS[0].to)}\n  burn 2 :crit, ${day(BURNS[1].from)}, ${day(BURNS[1].to)}`);
    expect(gantt.match(/^ {2}firing \d+ :active/gm)).toHaveLength(backtest.alerts[0].firings.length + backtest.alerts[2].firings.length);

    const html = renderHtml(report);
    const svg = html.slice(html.indexOf('<h3>Live checks: availability</h3>'));
    expect(svg).toContain('aria-label="availability: burns and alert firings"');
    const bars = backtest.episodes.length + backtest.alerts.reduce((n, a) => n + a.firings.length, 0);
    expect(svg.slice(0, svg.indexOf('</svg>')).match(/<rect /g)).toHaveLength(bars);

    expect(renderText(report)).toContain('      live alert PaymentsErrorsSlow: would have paged 1× in 30d');
  });
});
