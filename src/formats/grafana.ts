// Grafana dashboards: plain dashboard JSON and the HTTP API export wrapper {dashboard, meta},
// also as carried in ConfigMaps (formats/configmap.ts hands them here).

import type { ParsedDocument, PathSegment } from '../parse/document.js';
import { isDashboard, isWrappedDashboard } from '../recognise/shapes.js';
import type { Dashboard, DashboardVariable, DatasourceRef, LogqlQuery, Panel, PanelTarget, Position, QueryField } from '../model/types.js';
import { placeOffset } from '../model/placement.js';
import { analyseQuery } from '../lang/promql/analyse.js';
import { substituteGrafanaVariables } from './grafana/variables.js';
import { analyseLogql, looksLikeLogql } from '../lang/logql/analyse.js';
import type { FormatAdapter } from './adapter.js';
import { datasourceResolver, type ResolvedDatasource } from './grafana/datasources.js';
import { isRecord, list, number, record, text, type Json } from './values.js';

export const grafanaDashboard: FormatAdapter = {
  kind: 'dashboard',
  recognise: (value) => isDashboard(value) || isWrappedDashboard(value),
  normalise(doc, context) {
    const wrapped = isWrappedDashboard(doc.value);
    const dashboard = readDashboard(doc, wrapped ? ['dashboard'] : [], context.file);
    if (context.embedding) dashboard.entry = context.embedding.entry;
    context.addDashboard(dashboard);
  },
};

function readDashboard(doc: ParsedDocument, base: PathSegment[], file: string): Dashboard {
  const value = record(pathValue(doc.value, base));
  const variables: DashboardVariable[] = list(record(value.templating).list).flatMap((entry) => {
    const variable = record(entry);
    const name = text(variable.name);
    if (!name) return [];
    const current = record(variable.current);
    const currentValue = Array.isArray(current.value) ? text(current.value[0]) : text(current.value);
    return [{ name, type: text(variable.type), current: currentValue }];
  });
  const dashboard: Dashboard = {
    file,
    position: doc.positionOf(base),
    title: text(value.title),
    uid: text(value.uid),
    uidPosition: 'uid' in value ? doc.positionOf([...base, 'uid']) : undefined,
    panels: [],
    variables,
  };
  const resolve = datasourceResolver(value);
  const readPanels = (panels: unknown, panelsPath: PathSegment[], parentTitle?: string) => {
    list(panels).forEach((panelValue, p) => {
      if (!isRecord(panelValue)) return;
      const panelPath = [...panelsPath, p];
      dashboard.panels.push(readPanel(doc, panelValue, panelPath, variables, resolve, parentTitle));
      if (Array.isArray(panelValue.panels)) readPanels(panelValue.panels, [...panelPath, 'panels'], text(panelValue.title));
    });
  };
  readPanels(value.panels, [...base, 'panels']);
  list(value.rows).forEach((row, r) => readPanels(record(row).panels, [...base, 'rows', r, 'panels'], text(record(row).title)));
  return dashboard;
}

type Resolve = (panel: Json, target: Json) => ResolvedDatasource;

function readPanel(doc: ParsedDocument, panel: Json, panelPath: PathSegment[], variables: DashboardVariable[], resolve: Resolve, parentTitle?: string): Panel {
  const defaults = record(record(panel.fieldConfig).defaults);
  const steps = list(record(defaults.thresholds).steps).map((step) => ({
    value: record(step).value === null ? null : number(record(step).value) ?? null,
    color: text(record(step).color),
  }));
  const misplacedThresholds: Position[] = [];
  if (hasSetting(panel.thresholds) && panel.type !== 'singlestat' && panel.type !== 'graph') misplacedThresholds.push(doc.keyPositionOf([...panelPath, 'thresholds']));
  if (hasSetting(record(panel.options).thresholds)) misplacedThresholds.push(doc.keyPositionOf([...panelPath, 'options', 'thresholds']));
  return {
    id: number(panel.id),
    type: text(panel.type),
    title: text(panel.title),
    position: doc.positionOf(panelPath),
    parentTitle,
    datasource: datasourceRef(doc, panel.datasource, [...panelPath, 'datasource']),
    targets: list(panel.targets).map((target, t) => readTarget(doc, panel, record(target), [...panelPath, 'targets', t], variables, resolve)),
    thresholds: steps,
    keys: Object.keys(panel),
    misplacedThresholds,
    unit: text(defaults.unit),
  };
}

// Query fields of other data sources' targets: Elasticsearch and others `query`, SQL `rawSql`,
// CloudWatch `expression`, Graphite `target`, InfluxQL `query`/`rawQuery`.
const OTHER_QUERY_FIELDS = ['expr', 'query', 'rawSql', 'expression', 'target', 'queryText', 'rawQuery'];

function readTarget(doc: ParsedDocument, panel: Json, target: Json, targetPath: PathSegment[], variables: DashboardVariable[], resolve: Resolve): PanelTarget {
  const rawExpr = text(target.expr);
  const source = resolve(panel, target);
  const out: PanelTarget = { refId: text(target.refId), datasource: datasourceRef(doc, target.datasource, [...targetPath, 'datasource']), source, rawExpr };
  const hasExpr = rawExpr !== undefined && rawExpr.trim() !== '';
  let language = source.language;
  // The instance's default data source (or a name that says nothing): the query's own syntax decides.
  if (language === 'unknown') language = hasExpr && (panel.type === 'logs' || looksLikeLogql(rawExpr)) ? 'logql' : 'promql';
  if (language === 'other') {
    out.unchecked = OTHER_QUERY_FIELDS.some((key) => typeof target[key] === 'string' && (target[key] as string).trim() !== '');
    return out;
  }
  if (!hasExpr) return out;
  const exprPath = [...targetPath, 'expr'];
  const placement = doc.placementOf(exprPath);
  const substituted = substituteGrafanaVariables(rawExpr, variables);
  const edits = substituted.edits.length > 0 ? substituted.edits : undefined;
  const position = placeOffset(placement, 0);
  if (language === 'logql') {
    const logql: LogqlQuery = { text: substituted.text, position, placement, edits, analysis: analyseLogql(substituted.text) };
    out.logql = logql;
  } else {
    const expr: QueryField = { text: substituted.text, position, placement, edits, analysis: analyseQuery(substituted.text) };
    out.expr = expr;
  }
  return out;
}

/** Whether a threshold-like setting holds anything: exporters write `[]`, `""` and `{}` for none, which loses nothing. */
function hasSetting(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  // `{ "mode": "absolute", "steps": [] }` has a mode but no threshold.
  if (isRecord(value)) return 'steps' in value ? hasSetting(value.steps) : Object.values(value).some(hasSetting);
  return true;
}

function datasourceRef(doc: ParsedDocument, value: unknown, at: PathSegment[]): DatasourceRef | undefined {
  if (typeof value === 'string') return { name: value, position: doc.positionOf(at) };
  if (isRecord(value)) return { uid: text(value.uid), type: text(value.type), position: doc.positionOf(at) };
  return undefined;
}

function pathValue(value: unknown, path: PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = isRecord(current) ? current[segment as string] : Array.isArray(current) ? current[segment as number] : undefined;
  return current;
}

