import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/promql', () => {
  it('reports a target that does not parse at its column in the JSON string, also inside a ConfigMap', async () => {
    const dashboard = `{
  "uid": "api",
  "title": "API",
  "panels": [
    { "id": 1, "type": "timeseries", "title": "Requests",
      "targets": [ { "refId": "A", "expr": "sum(rate(http_requests_total{code=\\"500\\"}[5m]) by (job)" } ] }
  ]
}
`;
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata: { name: dashboards }
data:
  api.json: |-
    {
      "uid": "cm",
      "title": "CM",
      "panels": [
        { "id": 1, "type": "stat", "targets": [ { "refId": "B", "expr": "rate(up)" } ] }
      ]
    }
`;
    const findings = await findingsOf('dashboard/promql', { 'api.json': dashboard, 'cm.yaml': configMap });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'api.json:6:93 panel "Requests" (id 1), target A: could not parse expression: unexpected <by> in aggregation',
      'cm.yaml:10:79 panel (id 1), target B: could not parse expression: expected type range vector in call to function "rate", got instant vector',
    ]);
  });

  it('maps positions back through substituted Grafana variables', async () => {
    const dashboard = `{"uid": "a", "title": "A", "templating": {"list": [{"name": "job", "current": {"value": "api"}}]}, "panels": [
  {"id": 1, "type": "timeseries", "targets": [{"refId": "A", "expr": "rate(http_requests_total{job=~\\"$job\\"}[$__rate_interval]) by (job)"}]}
]}`;
    const findings = await findingsOf('dashboard/promql', { 'a.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['a.json:2:130 panel (id 1), target A: could not parse expression: unexpected <by>']);
  });

  it('accepts valid queries and skips queries of other datasources', async () => {
    const dashboard = `{"uid": "a", "title": "A",
  "templating": {"list": [{"name": "job"}, {"name": "group", "current": {"value": ["job", "instance"]}}, {"name": "scale", "current": {"value": "100"}}]},
  "panels": [
  {"id": 1, "type": "timeseries", "targets": [{"refId": "A", "expr": "sum by (\${group:csv}) (rate(http_requests_total{job=~\\"$job\\"}[$__rate_interval])) / [[scale]]"}]},
  {"id": 2, "type": "logs", "datasource": {"type": "loki", "uid": "$loki"}, "targets": [{"refId": "A", "expr": "{job=\\"api\\"} |= \\"error\\""}]}
]}`;
    expect(await findingsOf('dashboard/promql', { 'a.json': dashboard })).toEqual([]);
  });
});
