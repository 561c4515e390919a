import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';
import { alignedAlerts, burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';

describe('align/single-window', () => {
  it('reports a burn-rate alert of an SLO without a short window', async () => {
    const rules = ruleFile(burnAlert({ name: 'ApiFastBurn', long: '1h', factor: 14.4 }));
    const findings = await findingsOf('align/single-window', { 'rules.yml': rules, 'slo.yml': slothSpec() });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yml:6:11 warning alert "ApiFastBurn" burns at 14.4× over 1h alone; add a short window of about 1/12 of it (5m) with the same threshold, so it stops soon after the burn does',
    ]);
  });

  it('says nothing of alerts that no SLO links, whatever their threshold looks like', async () => {
    const rules = ruleFile(burnAlert({ name: 'ApiFastBurn', long: '1h', factor: 14.4, labels: {} }));
    expect(await findingsOf('align/single-window', { 'rules.yml': rules })).toEqual([]);
    const latency = `groups:
  - name: latency
    rules:
      - alert: HighLatency
        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5
`;
    expect(await findingsOf('align/single-window', { 'rules.yml': latency })).toEqual([]);
  });

  it('accepts multiwindow alerts', async () => {
    expect(await findingsOf('align/single-window', { 'rules.yml': ruleFile(...alignedAlerts), 'slo.yml': slothSpec() })).toEqual([]);
  });
});
