import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';
import { alignedAlerts, burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';

const show = (findings: { file: string; line?: number; column?: number; message: string }[]) => findings.map((f) => `${at(f as never)} ${f.message}`);

describe('align/burn-threshold', () => {
  it('reports alerts that still divide by the budget of an older target', async () => {
    const findings = await findingsOf('align/burn-threshold', { 'slo.yml': slothSpec('99.99'), 'rules.yml': ruleFile(...alignedAlerts) });
    expect(show(findings)).toEqual([
      'rules.yml:6:11 alert "ApiFastBurn" uses an error budget of 0.001 (a 99.9 % target), but SLO "availability" targets 99.99 %: a budget of 0.0001',
      'rules.yml:14:11 alert "ApiSlowBurn" uses an error budget of 0.001 (a 99.9 % target), but SLO "availability" targets 99.99 %: a budget of 0.0001',
    ]);
  });

  it('reads the seed\'s `ratio / (1 - 0.999) > 14.4` form too', async () => {
    const rules = `groups:
  - name: availability
    rules:
      - alert: FastBurn
        expr: (sum(rate(http_requests_total{code=~"5.."}[1h])) / sum(rate(http_requests_total[1h]))) / (1 - 0.999) > 14.4
        labels: { slo: availability }
`;
    expect(show(await findingsOf('align/burn-threshold', { 'slo.yml': slothSpec('99.99'), 'rules.yml': rules }))).toEqual([
      'rules.yml:5:15 alert "FastBurn" uses an error budget of 0.001 (a 99.9 % target), but SLO "availability" targets 99.99 %: a budget of 0.0001',
    ]);
  });

  it('reports a factor that differs from the SLO\'s for the same window', async () => {
    const rules = ruleFile(burnAlert({ name: 'ApiFastBurn', long: '1h', short: '5m', factor: 10 }), alignedAlerts[1]);
    expect(show(await findingsOf('align/burn-threshold', { 'slo.yml': slothSpec(), 'rules.yml': rules }))).toEqual([
      'rules.yml:6:11 alert "ApiFastBurn" burns at 10× over 1h, but SLO "availability" alerts at 14.4× over that window',
    ]);
  });

  it('reports an alert that compares availability with another target', async () => {
    const rules = `groups:
  - name: availability
    rules:
      - alert: AvailabilityBreach
        expr: 100 * (1 - sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))) < 99.5
        labels: { slo: availability }
`;
    expect(show(await findingsOf('align/burn-threshold', { 'slo.yml': slothSpec(), 'rules.yml': rules }))).toEqual([
      'rules.yml:5:15 alert "AvailabilityBreach" compares against a 99.5 % target, but SLO "availability" targets 99.9 %',
    ]);
  });

  it('accepts Sloth\'s float noise and matching factors', async () => {
    const noisy = alignedAlerts.map((alert) => alert.replaceAll('0.001)', '0.0009999999999999432)'));
    expect(await findingsOf('align/burn-threshold', { 'slo.yml': slothSpec(), 'rules.yml': ruleFile(...noisy) })).toEqual([]);
  });
});
