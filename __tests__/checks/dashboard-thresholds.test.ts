import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('dashboard/thresholds', () => {
  it('reports thresholds outside fieldConfig.defaults and steps out of order', async () => {
    const dashboard = `{
  "uid": "slo",
  "title": "SLO",
  "panels": [
    { "id": 1, "type": "stat", "title": "Availability",
      "thresholds": { "mode": "absolute", "steps": [ { "value": null, "color": "red" }, { "value": 99.9, "color": "green" } ] } },
    { "id": 2, "type": "gauge", "title": "Budget",
      "fieldConfig": { "defaults": { "thresholds": { "mode": "absolute",
        "steps": [ { "value": null, "color": "green" }, { "value": 50, "color": "yellow" }, { "value": 20, "color": "red" } ] } } } }
  ]
}
`;
    const findings = await findingsOf('dashboard/thresholds', { 'slo.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slo.json:6:7 panel "Availability" (id 1): thresholds here are ignored by the stat panel; move them to fieldConfig.defaults.thresholds',
      'slo.json:7:5 panel "Budget" (id 2): threshold steps are not ascending (50 before 20); Grafana sorts them, so the colours land on other values than written',
    ]);
  });

  it('accepts ascending steps in fieldConfig.defaults', async () => {
    const dashboard = `{"uid": "a", "title": "A", "panels": [{"id": 1, "type": "stat",
  "fieldConfig": {"defaults": {"thresholds": {"steps": [{"value": null, "color": "red"}, {"value": 99, "color": "yellow"}, {"value": 99.9, "color": "green"}]}}}}]}`;
    expect(await findingsOf('dashboard/thresholds', { 'a.json': dashboard })).toEqual([]);
  });
});
