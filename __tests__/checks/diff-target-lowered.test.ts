import { describe, expect, it } from 'vitest';
import { described, diffFindingsOf } from '../helpers/diff.js';

const policy = (target: string, window = '30d', comment = '') => `apiVersion: slo/v1
kind: SLOPolicy
slos:
${comment}  - name: api-availability
    target: ${target}
    window: ${window}
    indicator:
      type: availability
`;

describe('diff/target-lowered', () => {
  it('reports a lowered target at its line in the head, with the budget in minutes a month', async () => {
    const findings = await diffFindingsOf('diff/target-lowered', { 'slo.yaml': policy('0.999') }, { 'slo.yaml': policy('0.99', '30d', '  # agreed with the API team\n') });
    expect(findings.map(described)).toEqual([
      'slo.yaml:6:13 SLO "api-availability" target lowered from 99.9 % to 99 %: the monthly error budget grows from 43.2 to 432 minutes of downtime',
    ]);
    expect(findings[0].severity).toBe('error');
  });

  it('reports a shorter period', async () => {
    const findings = await diffFindingsOf('diff/target-lowered', { 'slo.yaml': policy('0.999') }, { 'slo.yaml': policy('0.999', '7d') });
    expect(findings.map(described)).toEqual(['slo.yaml:6:13 SLO "api-availability" period shortened from 30d to 7d: bad minutes are forgotten after 7d instead of 30d']);
  });

  it('reports a latency SLO whose threshold got slower or whose percentile got lower', async () => {
    const latency = (indicator: string) => `apiVersion: slo/v1\nkind: SLOPolicy\nslos:\n  - name: api-latency\n    target: 0.95\n    window: 30d\n    indicator: ${indicator}\n`;
    const findings = await diffFindingsOf(
      'diff/target-lowered',
      { 'slo.yaml': latency('{ type: latency, threshold: 500ms, percentile: 99 }') },
      { 'slo.yaml': latency('{ type: latency, threshold: 1s, percentile: 95 }') },
    );
    expect(findings.map(described)).toEqual([
      'slo.yaml:7:16 SLO "api-latency" latency threshold raised from 500ms to 1s',
      'slo.yaml:7:16 SLO "api-latency" latency percentile lowered from p99 to p95',
    ]);
  });

  it('accepts a raised target, and an SLO moved to another file', async () => {
    expect(await diffFindingsOf('diff/target-lowered', { 'slo.yaml': policy('0.999') }, { 'slo.yaml': policy('0.9995') })).toEqual([]);
    expect(await diffFindingsOf('diff/target-lowered', { 'slo.yaml': policy('0.999') }, { 'moved/slo.yaml': policy('0.999') })).toEqual([]);
  });

  it('follows the config: off, or another severity', async () => {
    const [base, head] = [{ 'slo.yaml': policy('0.999') }, { 'slo.yaml': policy('0.995') }];
    expect(await diffFindingsOf('diff/target-lowered', base, head, { config: { checks: { 'diff/target-lowered': 'off' } } })).toEqual([]);
    const softened = await diffFindingsOf('diff/target-lowered', base, head, { config: { checks: { 'diff/target-lowered': 'warning' } } });
    expect(softened.map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('becomes a notice when the pull request carries the approval label', async () => {
    const approval = { label: 'slo-change-approved', by: 'octocat' };
    const findings = await diffFindingsOf('diff/target-lowered', { 'slo.yaml': policy('0.999') }, { 'slo.yaml': policy('0.995') }, { approval });
    expect(findings.map((finding) => `${described(finding)} (${finding.severity})`)).toEqual([
      'slo.yaml:5:13 SLO "api-availability" target lowered from 99.9 % to 99.5 %: the monthly error budget grows from 43.2 to 216 minutes of downtime (notice)',
    ]);
  });
});
