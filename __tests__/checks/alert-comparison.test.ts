import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('alert/comparison', () => {
  it('reports alerts without a comparison, or with bool comparisons only', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: ErrorRatio
        expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))
      - alert: BoolOnly
        expr: |
          up > bool 0
`;
    const findings = await findingsOf('alert/comparison', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:5:15 alert "ErrorRatio" has no comparison in its expression: it fires whenever the series exists',
      'rules.yaml:8:11 alert "BoolOnly" compares with bool, which returns 0 or 1 for every series instead of filtering: it fires whenever the series exists',
    ]);
  });

  it('accepts comparisons, absent() and the always-firing vector(1) heartbeat', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: ErrorRatio
        expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.01
      - alert: Missing
        expr: absent(up{job="api"})
      - alert: Watchdog
        expr: vector(1)
      - record: not_an_alert
        expr: sum(up)
`;
    expect(await findingsOf('alert/comparison', { 'rules.yaml': rules })).toEqual([]);
  });
});
