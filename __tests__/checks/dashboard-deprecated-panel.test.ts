import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/deprecated-panel', () => {
  it('names the replacement of removed panel types', async () => {
    const dashboard = `{
  "uid": "api",
  "title": "API",
  "panels": [
    { "id": 1, "type": "graph", "title": "Latency" },
    { "id": 2, "type": "singlestat", "title": "Uptime" },
    { "id": 3, "type": "grafana-piechart-panel" },
    { "id": 4, "type": "timeseries", "title": "Requests" }
  ]
}
`;
    const findings = await findingsOf('dashboard/deprecated-panel', { 'api.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'api.json:5:5 panel "Latency" (id 1) in dashboard "API" uses the deprecated "graph" type; use "timeseries"',
      'api.json:6:5 panel "Uptime" (id 2) in dashboard "API" uses the deprecated "singlestat" type; use "stat"',
      'api.json:7:5 panel (id 3) in dashboard "API" uses the deprecated "grafana-piechart-panel" type; use "piechart"',
    ]);
  });

  it('accepts current panel types', async () => {
    const dashboard = '{"uid": "a", "title": "A", "panels": [{"id": 1, "type": "timeseries"}, {"id": 2, "type": "stat"}, {"id": 3, "type": "piechart"}]}';
    expect(await findingsOf('dashboard/deprecated-panel', { 'a.json': dashboard })).toEqual([]);
  });
});
