import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const policy = (target: string) => `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: batch-success
    target: ${target}
    window: 30d
    indicator: { type: error_rate }
alerts:
  burn_rate_thresholds:
    - { window: 1h, threshold: 14.4 }
    - { window: 6h, threshold: 6 }
`;

describe('policy/burn-unreachable', () => {
  it('reports a factor that needs more than 100 % errors: 14.4× on a 90 % SLO', async () => {
    const findings = await findingsOf('policy/burn-unreachable', { 'slo.yaml': policy('0.9') });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'slo.yaml:10:7 error SLO "batch-success" alerts at 14.4× over 1h, which needs an error rate of 144 %: at 90 % no factor above 10 can fire',
    ]);
  });

  it('is a warning when the factor comes from a generator\'s default table', async () => {
    const spec = `version: prometheus/v1
service: batch
slos:
  - name: success
    objective: 90
    sli:
      raw:
        error_ratio_query: sum(rate(failed_total[{{.window}}])) / sum(rate(jobs_total[{{.window}}]))
    alerting:
      page_alert: {}
      ticket_alert: { disable: true }
`;
    const findings = await findingsOf('policy/burn-unreachable', { 'slo.yml': spec });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'slo.yml:10:7 warning SLO "success" alerts at 14.4× over 1h, which needs an error rate of 144 %: at 90 % no factor above 10 can fire',
    ]);
  });

  it('accepts factors up to 1 / budget', async () => {
    expect(await findingsOf('policy/burn-unreachable', { 'slo.yaml': policy('0.95') })).toEqual([]);
  });
});
