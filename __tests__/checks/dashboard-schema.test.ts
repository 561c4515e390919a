import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/schema', () => {
  it('reports a missing title and panel type as errors (a missing uid is dashboard/uid)', async () => {
    const dashboard = `{
  "schemaVersion": 39,
  "panels": [
    { "id": 1, "type": "stat", "title": "ok" },
    { "id": 2, "title": "untyped" }
  ]
}
`;
    const findings = await findingsOf('dashboard/schema', { 'd.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'd.json:1:1 error dashboard has no title',
      'd.json:5:5 error panel "untyped" in dashboard "d.json" has no type',
    ]);
  });

  it('reads API export wrappers and ConfigMaps that embed dashboards', async () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata: { name: dashboards }
data:
  api.json: |-
    {
      "uid": "api",
      "title": "API",
      "panels": [
        { "id": 1, "title": "no type" }
      ]
    }
`;
    const findings = await findingsOf('dashboard/schema', {
      'cm.yaml': configMap,
      'export.json': '{"meta": {"slug": "x"}, "dashboard": {"uid": "x", "title": "X", "panels": [{"type": "stat"}]}}',
    });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['cm.yaml:10:9 panel "no type" in dashboard "API" has no type']);
  });

  it('accepts a complete dashboard', async () => {
    expect(await findingsOf('dashboard/schema', { 'd.json': '{"uid": "a", "title": "A", "panels": [{"id": 1, "type": "stat"}]}' })).toEqual([]);
  });
});
