import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/panel-id', () => {
  it('reports duplicate ids among rows, collapsed-row children and legacy rows', async () => {
    const dashboard = `{
  "uid": "api",
  "title": "API",
  "panels": [
    { "id": 1, "type": "row", "title": "Traffic", "collapsed": true,
      "panels": [
        { "id": 1, "type": "timeseries", "title": "Requests" },
        { "id": 2, "type": "timeseries", "title": "Errors" }
      ] },
    { "id": 2, "type": "stat", "title": "Availability" }
  ]
}
`;
    const legacy = `{
  "uid": "old",
  "title": "Old",
  "rows": [
    { "title": "A", "panels": [ { "id": 7, "type": "timeseries", "title": "x" } ] },
    { "title": "B", "panels": [ { "id": 7, "type": "timeseries", "title": "y" } ] }
  ]
}
`;
    const findings = await findingsOf('dashboard/panel-id', { 'api.json': dashboard, 'old.json': legacy });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'api.json:7:9 panel "Requests" (id 1) in dashboard "API" has the id of panel "Traffic" at line 5; Grafana renumbers one of them, so panel links (viewPanel=1) open the wrong one',
      'api.json:10:5 panel "Availability" (id 2) in dashboard "API" has the id of panel "Errors" at line 8; Grafana renumbers one of them, so panel links (viewPanel=2) open the wrong one',
      'old.json:6:33 panel "y" (id 7) in dashboard "Old" has the id of panel "x" at line 5; Grafana renumbers one of them, so panel links (viewPanel=7) open the wrong one',
    ]);
  });

  it('accepts unique ids', async () => {
    const dashboard = '{"uid": "a", "title": "A", "panels": [{"id": 1, "type": "row", "panels": [{"id": 2, "type": "stat"}]}, {"id": 3, "type": "stat"}]}';
    expect(await findingsOf('dashboard/panel-id', { 'a.json': dashboard })).toEqual([]);
  });
});
