import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/counter', () => {
  it('reports a panel showing a counter raw', async () => {
    const dashboard = `{
  "uid": "api",
  "title": "API",
  "panels": [
    { "id": 1, "type": "timeseries", "title": "Requests",
      "targets": [ { "refId": "A", "expr": "sum by (job) (http_requests_total)" } ] }
  ]
}
`;
    const findings = await findingsOf('dashboard/counter', { 'api.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'api.json:6:59 panel "Requests" (id 1), target A: http_requests_total is aggregated with sum raw and its _total name says it is a counter (a guess from the name alone: no metric metadata is read): its value only grows and resets on restart, so it says nothing about now; use rate() or increase()',
    ]);
  });

  it('accepts rates and increases', async () => {
    const dashboard = `{"uid": "a", "title": "A", "panels": [
  {"id": 1, "type": "timeseries", "targets": [{"refId": "A", "expr": "sum by (job) (rate(http_requests_total[5m]))"}, {"refId": "B", "expr": "increase(errors_total[1h])"}]}
]}`;
    expect(await findingsOf('dashboard/counter', { 'a.json': dashboard })).toEqual([]);
  });
});
