import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('policy/burn-windows', () => {
  it('reports an SLO with one window, and one with none', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: one-window
    target: 0.999
    window: 30d
    indicator: { type: availability }
    error_budget:
      burn_rate_windows: [1h]
  - name: no-window
    target: 0.999
    window: 30d
    indicator: { type: availability }
`;
    const findings = await findingsOf('policy/burn-windows', { 'slo.yaml': policy });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slo.yaml:4:5 SLO "one-window" declares only one burn-rate window; add a second (a fast 1h and a slow 6h window)',
      'slo.yaml:10:5 SLO "no-window" declares no burn-rate windows; add a fast one (1h at 14.4×) and a slow one (6h at 6×)',
    ]);
  });

  it('applies policy-wide windows to every SLO of the policy', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api
    target: 0.999
    window: 30d
    indicator: { type: availability }
alerts:
  burn_rate_thresholds:
    - { window: 1h, threshold: 14.4 }
    - { window: 6h, threshold: 6 }
`;
    expect(await findingsOf('policy/burn-windows', { 'slo.yaml': policy })).toEqual([]);
  });

  it('notes a short window far from 1/12 of its long one, in windows the author chose', async () => {
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
      ticket_alert: {}
`;
    const windows = `apiVersion: sloth.slok.dev/v1
kind: AlertWindows
spec:
  sloPeriod: 30d
  page:
    quick: { errorBudgetPercent: 2, shortWindow: 30m, longWindow: 1h }
    slow: { errorBudgetPercent: 5, shortWindow: 30m, longWindow: 6h }
  ticket:
    quick: { errorBudgetPercent: 10, shortWindow: 2h, longWindow: 1d }
    slow: { errorBudgetPercent: 10, shortWindow: 6h, longWindow: 3d }
`;
    const findings = await findingsOf('policy/burn-windows', { 'slo/api.yml': spec, 'slo/windows.yml': windows });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'slo/api.yml:10:7 notice the 1h window\'s short window is 30m; about 1/12 of it (5m) confirms a burn and resets soon after it stops',
    ]);
    // Sloth's own table (used without the AlertWindows file) is not the author's choice: nothing to note.
    expect(await findingsOf('policy/burn-windows', { 'slo/api.yml': spec })).toEqual([]);
  });
});
