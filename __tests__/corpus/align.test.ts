// Alignment on real repositories: the seed system's actual mismatches between its policy, alerts and
// dashboards are found, and the public projects' files (which their own tools generate or accept)
// raise no align/* error. Nothing here names a corpus file to treat it differently.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import { buildReport } from '../../src/report/report.js';
import { CORPUS, corpusAvailable, corpusSuiteTitle } from '../helpers/corpus.js';

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('alignment on the corpus'), () => {
  for (const project of ['sloth', 'openslo', 'pyrra', 'kube-prometheus', 'awesome-prometheus-alerts']) {
    it(`finds no align/* error in ${project}`, async () => {
      const result = await runEngine(path.join(CORPUS, project), mergeConfig());
      expect(result.findings.filter((f) => f.check.startsWith('align/') && f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    });
  }

  it('reports the seed system\'s real mismatches between policy, alerts and dashboards', async () => {
    const result = await runEngine(path.join(CORPUS, 'agentaskit'), mergeConfig());
    const found = result.findings.filter((f) => f.check.startsWith('align/')).map((f) => `${f.check} ${f.file}:${f.line} ${f.message}`);
    // Burn-rate alerts divide by (1 - 0.999) while the availability SLO says 99.99 %.
    expect(found).toContain(
      'align/burn-threshold agentaskit-production/alerts/slo.yaml:33 alert "FastBurnRateHigh" uses an error budget of 0.001 (a 99.9 % target), but SLO "service-availability" targets 99.99 %: a budget of 0.0001',
    );
    expect(found).toContain(
      'align/burn-threshold agentaskit-production/alerts/slo.yaml:46 alert "SlowBurnRateHigh" uses an error budget of 0.001 (a 99.9 % target), but SLO "service-availability" targets 99.99 %: a budget of 0.0001',
    );
    // The latency alert pages at 100 ms where the policy's p99 is 500 ms.
    expect(found).toContain('align/latency-threshold agentaskit-production/alerts/slo.yaml:74 alert "P99LatencySLOBreach" fires above 100ms at p99, but SLO "response-latency-p99" allows 500ms at p99');
    // The dashboard's P95 reads http_request_duration_seconds, the alert agentaskit_response_duration_seconds.
    expect(found).toContain(
      'align/metric agentaskit-production/dashboards/sla.json:37 panel "P95 Latency (50ms Target)" for SLO "response-latency-p95" reads http_request_duration_seconds, but alert "P95LatencySLOBreach" reads agentaskit_response_duration_seconds',
    );
    // Its dashboard states a 99.9 % availability target and a 100 ms p99.
    expect(found).toContain('align/dashboard-threshold agentaskit-production/dashboards/sla.json:7 panel "Availability (99.9% Target)" title states 99.9 %, but SLO "service-availability" targets 99.99 %');
    expect(found).toContain('align/dashboard-threshold agentaskit-production/dashboards/sla.json:54 panel "P99 Latency (100ms Target)" title states 100ms, but SLO "response-latency-p99" allows 500ms');
    // Single-window burn-rate alerts.
    expect(found.filter((f) => f.startsWith('align/single-window')).length).toBeGreaterThanOrEqual(2);

    // The report says how each alert was linked and gives a verdict.
    const report = buildReport({ ...result, checks: result.checks.map((check) => check.meta) }, { failOn: 'error', toolVersion: 'test' });
    const availability = report.slos.find((s) => s.name === 'service-availability')!;
    expect(availability.links!.alerts.map((a) => `${a.name} ${a.method}`)).toEqual(['AvailabilitySLOBreach inferred', 'FastBurnRateHigh inferred', 'SlowBurnRateHigh inferred']);
    expect(availability.verdict).toMatch(/^\d+ problem\(s\): /);
  });
});
