import { describe, expect, it } from 'vitest';
import { at, check, findingsOf } from '../helpers/workspace.js';

// A dashboard as Grafana 10 exports it: a Loki data source chosen through a `datasource`
// variable (the target names only its uid), a Prometheus panel beside it.
const mixedSources = `{
  "uid": "checkout-logs",
  "title": "Checkout logs and traffic",
  "templating": { "list": [
    { "name": "logs", "type": "datasource", "query": "loki", "current": { "text": "Loki", "value": "P8E80F9AEF21F6940" } },
    { "name": "metrics", "type": "datasource", "query": "prometheus" }
  ] },
  "panels": [
    { "id": 1, "type": "timeseries", "title": "Errors by level",
      "datasource": { "type": "loki", "uid": "\${logs}" },
      "targets": [
        { "refId": "A", "datasource": { "uid": "\${logs}" },
          "expr": "sum by (level) (count_over_time({app=\\"checkout\\"} | json | level=~\\"error|warn\\" [$__auto]))" },
        { "refId": "B", "datasource": { "uid": "$logs" },
          "expr": "sum(rate({app=\\"checkout\\" |= \\"timeout\\" [5m]))" }
      ] },
    { "id": 2, "type": "timeseries", "title": "Requests",
      "datasource": { "type": "prometheus", "uid": "\${metrics}" },
      "targets": [ { "refId": "A", "expr": "sum(rate(http_requests_total{app=\\"checkout\\"}[5m]) by (code)" } ] },
    { "id": 3, "type": "logs", "title": "Raw lines", "datasource": "$logs",
      "targets": [ { "refId": "A", "expr": "{app=\\"checkout\\"} |= \\"panic\\"" } ] }
  ]
}
`;

describe('dashboard/logql', () => {
  it('validates Loki targets as LogQL at their line and column, and checks the Prometheus panel as PromQL, nothing crossed', async () => {
    const result = await check({ 'dash.json': mixedSources });
    const found = result.findings.filter((f) => f.check === 'dashboard/logql' || f.check === 'dashboard/promql').sort((a, b) => a.line! - b.line!);
    expect(found.map((f) => `${f.check} ${at(f)} ${f.message}`)).toEqual([
      'dashboard/logql dash.json:15:47 panel "Errors by level" (id 1), target B: could not parse LogQL query (data source: target datasource $logs (variable of type loki)): syntax error: unexpected "|="',
      'dashboard/promql dash.json:19:97 panel "Requests" (id 2), target A: could not parse expression: unexpected <by> in aggregation',
    ]);
    const targets = result.linked.model.dashboards[0].panels.flatMap((p) => p.targets.map((t) => `${p.id}${t.refId} ${t.source.language} ${t.expr ? 'promql' : t.logql ? 'logql' : '-'}`));
    expect(targets).toEqual(['1A logql logql', '1B logql logql', '2A promql promql', '3A logql logql']);
  });

  it('resolves uid-only references through another reference, __inputs and the panel', async () => {
    const exported = `{ "uid": "x", "title": "X",
  "__inputs": [ { "name": "DS_LOKI", "type": "datasource", "pluginId": "loki" } ],
  "panels": [
    { "id": 1, "type": "timeseries", "datasource": { "type": "loki", "uid": "abc" }, "targets": [ { "refId": "A", "expr": "rate({a=\\"b\\"}[5m]" } ] },
    { "id": 2, "type": "timeseries", "datasource": { "uid": "abc" }, "targets": [ { "refId": "A", "expr": "rate({a=\\"b\\"}[5m]" } ] },
    { "id": 3, "type": "timeseries", "datasource": "\${DS_LOKI}", "targets": [ { "refId": "A", "expr": "count_over_time({a=\\"b\\"}[5m]" } ] }
  ] }`;
    const findings = await findingsOf('dashboard/logql', { 'x.json': exported });
    // At the end of each query: after its last character, before the closing quote.
    expect(findings.map((f) => `${at(f)} ${f.message.replace(/ \(data source: .*\): /, ': ')}`)).toEqual([
      'x.json:4:142 panel (id 1), target A: could not parse LogQL query: syntax error: unexpected end of query',
      'x.json:5:126 panel (id 2), target A: could not parse LogQL query: syntax error: unexpected end of query',
      'x.json:6:133 panel (id 3), target A: could not parse LogQL query: syntax error: unexpected end of query',
    ]);
    expect(findings.map((f) => /data source: (.*)\): syntax/.exec(f.message)?.[1])).toEqual([
      'panel datasource of type loki',
      'panel datasource uid abc (of type loki elsewhere in the dashboard)',
      'panel datasource ${DS_LOKI} (variable of type loki)',
    ]);
  });

  it('reads nothing of other data sources and built-ins, and lists their queries as not checked', async () => {
    const others = `{ "uid": "o", "title": "O",
  "panels": [
    { "id": 1, "type": "table", "datasource": { "type": "elasticsearch", "uid": "es" }, "targets": [ { "refId": "A", "query": "status:500 AND", "expr": "not promql (" } ] },
    { "id": 2, "type": "table", "datasource": { "type": "grafana-postgresql-datasource", "uid": "pg" }, "targets": [ { "refId": "A", "rawSql": "SELECT 1 FROM" } ] },
    { "id": 3, "type": "timeseries", "datasource": { "type": "datasource", "uid": "-- Mixed --" },
      "targets": [ { "refId": "A", "datasource": { "type": "cloudwatch", "uid": "cw" }, "expression": "SELECT AVG(" },
                   { "refId": "B", "datasource": { "type": "prometheus", "uid": "p" }, "expr": "rate(up[5m]" } ] },
    { "id": 4, "type": "timeseries", "datasource": { "type": "datasource", "uid": "-- Dashboard --" }, "targets": [ { "refId": "A", "panelId": 3 } ] },
    { "id": 5, "type": "timeseries", "datasource": { "type": "datasource", "uid": "grafana" }, "targets": [ { "refId": "A", "queryType": "randomWalk" } ] }
  ] }`;
    const result = await check({ 'o.json': others });
    const found = result.findings.filter((f) => f.check.startsWith('dashboard/') && f.check !== 'dashboard/datasource');
    expect(found.map((f) => `${f.check} ${at(f)}`)).toEqual(['dashboard/promql o.json:7:108']);
    const targets = result.linked.model.dashboards[0].panels.flatMap((p) => p.targets.map((t) => `${p.id}${t.refId} ${t.source.language} ${t.source.type} ${t.unchecked ?? false}`));
    expect(targets).toEqual([
      '1A other elasticsearch true',
      '2A other grafana-postgresql-datasource true',
      '3A other cloudwatch true',
      '3B promql prometheus false',
      '4A other dashboard false',
      '5A other grafana false',
    ]);
  });

  it('accepts valid LogQL, with Grafana variables substituted', async () => {
    const dashboard = `{"uid": "l", "title": "L", "templating": {"list": [{"name": "app", "current": {"value": "api"}}]}, "panels": [
  {"id": 1, "type": "timeseries", "datasource": {"type": "loki", "uid": "l"}, "targets": [
    {"refId": "A", "expr": "sum by (level) (rate({app=\\"$app\\"} |~ \\"\${app:regex}\\" | logfmt | unwrap bytes [$__interval]))"},
    {"refId": "B", "expr": "topk(5, sum by (path) (count_over_time({app=~\\"$app\\"} | json [$__range])))"}
  ]}
]}`;
    expect(await findingsOf('dashboard/logql', { 'l.json': dashboard })).toEqual([]);
  });
});
