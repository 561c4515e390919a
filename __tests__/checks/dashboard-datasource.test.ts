import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/datasource', () => {
  it('reports hard-coded datasource uids and names, and undeclared datasource variables', async () => {
    const dashboard = `{
  "uid": "api",
  "title": "API",
  "templating": { "list": [ { "name": "datasource", "type": "datasource", "query": "prometheus" } ] },
  "panels": [
    { "id": 1, "type": "timeseries", "title": "Requests",
      "datasource": { "type": "prometheus", "uid": "P1809F7CD0C75ACF3" },
      "targets": [ { "refId": "A", "expr": "up", "datasource": "\${prom}" } ] },
    { "id": 2, "type": "stat", "title": "Errors", "datasource": "Prometheus" }
  ]
}
`;
    const findings = await findingsOf('dashboard/datasource', { 'api.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'api.json:7:21 panel "Requests" (id 1): datasource uid "P1809F7CD0C75ACF3" is hard-coded: it exists only on the Grafana instance the dashboard was exported from; use a datasource variable such as ${datasource}',
      'api.json:8:64 panel "Requests" (id 1), target A: datasource variable "${prom}" is not declared in the dashboard\'s templating',
      'api.json:9:65 panel "Errors" (id 2): datasource name "Prometheus" is hard-coded: it exists only on the Grafana instance the dashboard was exported from; use a datasource variable such as ${datasource}',
    ]);
  });

  it('accepts variables, pseudo datasources, exported inputs and the default datasource', async () => {
    const dashboard = `{"uid": "a", "title": "A",
  "templating": {"list": [{"name": "datasource", "type": "datasource"}]},
  "panels": [
    {"id": 1, "type": "timeseries", "datasource": {"type": "prometheus", "uid": "$datasource"}, "targets": [{"refId": "A", "expr": "up", "datasource": {"uid": "\${datasource}"}}]},
    {"id": 2, "type": "timeseries", "datasource": {"uid": "-- Mixed --"}, "targets": [{"refId": "A", "expr": "up", "datasource": "\${DS_PROMETHEUS}"}]},
    {"id": 3, "type": "text", "datasource": {"type": "datasource", "uid": "-- Dashboard --"}},
    {"id": 4, "type": "stat", "targets": [{"refId": "A", "expr": "up"}]}
  ]}`;
    expect(await findingsOf('dashboard/datasource', { 'a.json': dashboard })).toEqual([]);
  });
});
