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

  it('says nothing of empty threshold settings outside fieldConfig, which lose nothing', async () => {
    const empties = ['[]', '""', '"  "', '{}', 'null', '{ "mode": "absolute", "steps": [] }', '{ "steps": null }'];
    const panels = empties.flatMap((empty, i) => [
      `{ "id": ${2 * i + 1}, "type": "stat", "title": "P${i}", "thresholds": ${empty} }`,
      `{ "id": ${2 * i + 2}, "type": "timeseries", "title": "Q${i}", "options": { "thresholds": ${empty} } }`,
    ]);
    const dashboard = `{"uid": "e", "title": "Empty", "panels": [\n${panels.join(',\n')}\n]}`;
    expect(await findingsOf('dashboard/thresholds', { 'e.json': dashboard })).toEqual([]);
    const filled = dashboard.replace('"thresholds": []', '"thresholds": "80,90"');
    expect((await findingsOf('dashboard/thresholds', { 'e.json': filled })).map((f) => `${at(f)} ${f.message}`)).toEqual([
      'e.json:2:43 panel "P0" (id 1): thresholds here are ignored by the stat panel; move them to fieldConfig.defaults.thresholds',
    ]);
  });
});
