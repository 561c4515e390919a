import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { at, check, findingsOf } from '../helpers/workspace.js';
import { alignedAlerts, burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';

describe('align/burn-alert-missing', () => {
  it('reports an SLO that declares page alerts but has none, with a rule group that fixes it', async () => {
    const findings = await findingsOf('align/burn-alert-missing', { 'slo.yml': slothSpec() });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'slo.yml:4:5 error no alerting rule implements the burn-rate windows of SLO "availability" (1h/5m (14.4×), 6h/30m (6×))',
    ]);
    const result = await check({ 'slo.yml': slothSpec(), 'rules.yml': findings[0].suggestion! });
    expect(result.findings.filter((f) => f.check.startsWith('align/burn'))).toEqual([]);
  });

  it('writes the suggestion as YAML that keeps an SLO name with #, ": " and a newline as it is', async () => {
    const name = 'pay #1: api\n::error::x';
    const spec = slothSpec().replace('  - name: availability', `  - name: ${JSON.stringify(name)}`);
    const findings = await findingsOf('align/burn-alert-missing', { 'slo.yml': spec });
    expect(findings).toHaveLength(1);
    const group = parseYaml(findings[0].suggestion!) as { groups: { name: string; rules: { labels: { slo: string }; annotations: { summary: string } }[] }[] };
    expect(group.groups[0].name).toBe(`${name}-burn-rate`);
    // Both page windows (1h/5m, 6h/30m) in one alert, joined by `or`.
    expect(group.groups[0].rules.map((rule) => rule.labels.slo)).toEqual([name]);
    expect(group.groups[0].rules[0].annotations.summary.startsWith(name)).toBe(true);
  });

  it('names the windows no linked alert implements', async () => {
    const findings = await findingsOf('align/burn-alert-missing', { 'slo.yml': slothSpec(), 'rules.yml': ruleFile(alignedAlerts[0]) });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['slo.yml:4:5 no alerting rule implements the 6h/30m (6×) burn-rate window of SLO "availability"']);
    expect(findings[0].suggestion).toContain('> (6 * 0.001)');
    expect(findings[0].suggestion).not.toContain('> (14.4 * 0.001)');
  });

  it('is a warning when the SLO does not declare burn-rate alerting, and silent when it opts out', async () => {
    const openslo = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: search
spec:
  service: shop
  indicator:
    metadata: { name: search-errors }
    spec:
      ratioMetric:
        bad: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(search_errors_total[5m]))' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(rate(search_total[5m]))' } } }
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.99
`;
    const findings = await findingsOf('align/burn-alert-missing', { 'search.yml': openslo });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'search.yml:1:1 warning no alerting rule implements the burn-rate windows of SLO "search" (1h/5m (13.44×), 6h/30m (5.6×), 1d/2h (2.8×), 3d/6h (0.933×))',
    ]);
    const optedOut = slothSpec().replace('      page_alert: {}', '      page_alert:\n        disable: true');
    expect(await findingsOf('align/burn-alert-missing', { 'slo.yml': optedOut })).toEqual([]);
  });

  it('says so, as a notice, when an alert fits two SLOs equally well', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - { name: api-availability, target: 0.999, window: 30d, indicator: { type: availability } }
  - { name: web-availability, target: 0.999, window: 30d, indicator: { type: availability } }
`;
    const alert = burnAlert({ name: 'AvailabilityFastBurn', long: '1h', short: '5m', factor: 14.4, labels: { team: 'sre' } });
    // The group name must not name either SLO.
    const findings = await findingsOf('align/burn-alert-missing', { 'policy.yaml': policy, 'rules.yml': ruleFile(alert).replace('api-slo', 'burn-rates') });
    expect(findings.filter((f) => f.severity === 'notice').map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yml:4:16 alert "AvailabilityFastBurn" fits SLOs "api-availability" and "web-availability" equally well; name its SLO with a label slo: <name> or map it in slo-links',
    ]);
  });

  it('accepts an SLO whose windows are all implemented', async () => {
    expect(await findingsOf('align/burn-alert-missing', { 'slo.yml': slothSpec(), 'rules.yml': ruleFile(...alignedAlerts) })).toEqual([]);
  });
});
