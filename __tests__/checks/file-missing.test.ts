import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const policy = (paths: string[]) => `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api
    target: 0.999
    window: 30d
    indicator: { type: availability }
  - name: web
    target: 0.999
    window: 30d
    indicator: { type: availability }
reporting:
  dashboards:
${paths.map((p) => `    - path: ${p}`).join('\n')}
`;
const dashboard = '{"uid": "x", "title": "x", "panels": []}';

describe('file/missing', () => {
  it('resolves dashboard paths against the policy\'s project directory and reports each missing one once', async () => {
    const findings = await findingsOf('file/missing', {
      'project/slo/policies.yaml': policy(['dashboards/sla.json', 'dashboards/gone.json']),
      'project/dashboards/sla.json': dashboard,
    });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'project/slo/policies.yaml:15:13 dashboard "dashboards/gone.json" does not exist (looked for project/dashboards/gone.json)',
    ]);
  });

  it('reports a path that leaves the checked directory', async () => {
    const findings = await findingsOf('file/missing', { 'slo/p.yaml': policy(['../../etc/passwd']) });
    expect(findings.map((f) => f.message)).toEqual(['dashboard "../../etc/passwd" points outside the checked directory']);
  });

  it('accepts paths relative to the policy file itself', async () => {
    expect(await findingsOf('file/missing', { 'slo/p.yaml': policy(['board.json']), 'slo/board.json': dashboard })).toEqual([]);
  });
});
