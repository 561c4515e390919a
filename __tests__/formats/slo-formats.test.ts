// The SLO formats users keep: Pyrra and OpenSLO examples from their own repositories, and
// OpenSLO documents that refer to each other across files.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import { CORPUS, corpusAvailable, corpusSuiteTitle } from '../helpers/corpus.js';
import { at, check } from '../helpers/workspace.js';
import { openSloSli, openSloSlo } from '../helpers/slo-fixtures.js';

const DAY = 86_400;
const summary = (slos: { name: string; target?: number; periodSeconds?: number; periodKind?: string; budgetingMethod?: string }[]) =>
  slos.map((s) => `${s.name} ${s.target} ${s.periodSeconds} ${s.periodKind}${s.budgetingMethod ? ` ${s.budgetingMethod}` : ''}`).sort();

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('Pyrra and OpenSLO examples'), () => {
  it('reads Pyrra SLOs with their percent-string targets, windows and SLI metrics', async () => {
    const result = await runEngine(path.join(CORPUS, 'pyrra', 'examples'), mergeConfig());
    expect(result.linked.model.slos).toHaveLength(15);
    const byName = new Map(result.linked.model.slos.map((s) => [s.name, s]));
    expect(summary([byName.get('caddy-response-latency')!, byName.get('coredns-response-errors')!])).toEqual([
      `caddy-response-latency 0.9 ${28 * DAY} rolling`,
      `coredns-response-errors 0.9999 ${14 * DAY} rolling`,
    ]);
    const caddy = byName.get('caddy-response-latency')!;
    expect(caddy.indicator).toMatchObject({ type: 'latency', thresholdSeconds: 0.05, metrics: ['caddy_http_response_duration_seconds_bucket', 'caddy_http_response_duration_seconds_count'] });
    expect(byName.get('coredns-response-errors')!.indicator.metrics).toEqual(['coredns_dns_responses_total']);
    expect(caddy.burnWindows.map((w) => [w.longSeconds, w.shortSeconds, w.factor])).toEqual([
      [3600, 300, 14],
      [21_600, 1800, 7],
      [DAY, 7200, 2],
      [4 * DAY, 21_600, 1],
    ]);
  });

  it('reads OpenSLO v1 SLOs: one per objective, ratio targets, rolling and calendar windows, budgeting methods', async () => {
    const result = await runEngine(path.join(CORPUS, 'openslo', 'examples'), mergeConfig());
    expect(summary(result.linked.model.slos)).toEqual([
      // "1m" is one minute in OpenSLO's duration shorthand (a month is "1M"), whatever the example's comment intends.
      'main-page 0.99 1209600 rolling ratio-timeslices',
      'search-slo 0.99 1209600 rolling occurrences',
      'service-availability 0.9995 604800 calendar timeslices',
      'service-availability-0 0.995 60 calendar timeslices',
      'service-availability-1 0.99 60 calendar timeslices',
    ]);
    expect(result.findings.filter((f) => f.check === 'policy/schema')).toEqual([]);
  });
});

const slo = openSloSlo;
const sli = openSloSli;

const policy = `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: checkout-fast-burn
spec:
  conditions:
    - conditionRef: fast-burn
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 13.44
    lookbackWindow: 1h
    alertAfter: 2m
`;

describe('OpenSLO documents across files', () => {
  it('resolves the SLI, AlertPolicy and AlertCondition an SLO names in other files', async () => {
    const result = await check({ 'slo.yaml': slo(), 'sli.yaml': sli, 'alerting/policy.yaml': policy });
    expect(result.linked.model.slos).toHaveLength(1);
    const [checkout] = result.linked.model.slos;
    expect(checkout).toMatchObject({ name: 'checkout-availability', service: 'checkout', target: 0.999, periodSeconds: 28 * DAY, declaresBurnAlerting: true });
    expect(checkout.indicator).toMatchObject({ type: 'ratio', metrics: ['http_requests_total'] });
    expect(checkout.burnWindows.map((w) => [w.longSeconds, w.factor, w.severity])).toEqual([[3600, 13.44, 'page']]);
    expect(result.findings.filter((f) => f.check === 'policy/schema')).toEqual([]);
  });

  it('reports references that name no document, which oslo validate does not check', async () => {
    const result = await check({ 'slo.yaml': slo(), 'alerting/policy.yaml': policy.replace('conditionRef: fast-burn', 'conditionRef: fast-burns') });
    const findings = result.findings.filter((f) => f.check === 'policy/schema');
    expect(findings.map((f) => `${at(f)} ${f.message}`).sort()).toEqual([
      'alerting/policy.yaml:7:21 spec.conditions.0.conditionRef: no AlertCondition named "fast-burns" in the checked files',
      'slo.yaml:7:17 spec.indicatorRef: no SLI named "checkout-errors" in the checked files',
    ]);
  });

  it('reports mutual exclusions, a missing timeWindow and missing timeslice fields', async () => {
    const text = slo()
      .replace('    - targetPercent: 99.9', '    - targetPercent: 99.9\n      target: 0.999')
      .replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices')
      .replace('  timeWindow:\n    - duration: 28d\n      isRolling: true\n', '  timeWindow: []\n');
    const result = await check({ 'slo.yaml': text, 'sli.yaml': sli, 'policy.yaml': policy });
    const findings = result.findings.filter((f) => f.check === 'policy/schema');
    expect(findings.map((f) => `${at(f)} ${f.message}`).sort()).toEqual([
      "slo.yaml:11:7 spec.objectives[0]: must have required property 'timeSliceTarget'",
      "slo.yaml:11:7 spec.objectives[0]: must have required property 'timeSliceWindow'",
      'slo.yaml:11:7 spec.objectives[0]: target and targetPercent are mutually exclusive',
      'slo.yaml:8:15 spec.timeWindow: must NOT have fewer than 1 items',
    ]);
  });
});

describe('Sloth AlertWindows', () => {
  it('replaces the default windows of Sloth specs at or below its folder whose period it names', async () => {
    const spec = `version: prometheus/v1
service: api
slos:
  - name: availability
    objective: 99.9
    sli:
      raw:
        error_ratio_query: sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))
    alerting:
      page_alert: {}
      ticket_alert: { disable: true }
`;
    const windows = `apiVersion: sloth.slok.dev/v1
kind: AlertWindows
spec:
  sloPeriod: 30d
  page:
    quick: { errorBudgetPercent: 1, shortWindow: 2m, longWindow: 30m }
    slow: { errorBudgetPercent: 2, shortWindow: 15m, longWindow: 3h }
  ticket:
    quick: { errorBudgetPercent: 5, shortWindow: 1h, longWindow: 12h }
    slow: { errorBudgetPercent: 5, shortWindow: 3h, longWindow: 36h }
`;
    const result = await check({ 'slo/api.yml': spec, 'slo/windows.yml': windows, 'other/api.yml': spec.replace('service: api', 'service: other') });
    const byService = new Map(result.linked.model.slos.map((s) => [s.service, s]));
    expect(byService.get('api')!.burnWindows.map((w) => [w.longSeconds, w.shortSeconds, Number(w.factor!.toFixed(3))])).toEqual([
      [1800, 120, 14.4],
      [10_800, 900, 4.8],
    ]);
    expect(byService.get('other')!.burnWindows.map((w) => [w.longSeconds, w.shortSeconds, w.factor])).toEqual([
      [3600, 300, 14.4],
      [21_600, 1800, 6],
    ]);
    expect(byService.get('api')!.indicator.metrics).toEqual(['errors_total', 'requests_total']);
  });
});
