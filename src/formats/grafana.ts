// Grafana dashboards: plain dashboard JSON, the HTTP API export wrapper {dashboard, meta},
// and ConfigMap / ConfigMapList manifests that carry dashboards as JSON strings under `data`.

import { parseText, type Embedding, type ParsedDocument, type PathSegment } from '../parse/document.js';
import type { Dashboard, DashboardVariable, DatasourceRef, Panel, PanelTarget, Position, QueryField } from '../model/types.js';
import { placeOffset } from '../model/placement.js';
import { analyseQuery } from '../lang/promql/analyse.js';
import { substituteGrafanaVariables } from './grafana/variables.js';
import type { FormatAdapter, NormaliseContext } from './adapter.js';
import { isRecord, list, number, record, text, type Json } from './values.js';

const DASHBOARD_HINTS = ['title', 'uid', 'schemaVersion', 'templating', 'time', 'annotations'];

function looksLikeDashboard(value: unknown): value is Json {
  return isRecord(value) && (Array.isArray(value.panels) || Array.isArray(value.rows)) && DASHBOARD_HINTS.some((key) => key in value);
}

export const grafanaDashboard: FormatAdapter = {
  kind: 'dashboard',
  recognise: (value) => looksLikeDashboard(value) || (isRecord(value) && looksLikeDashboard(value.dashboard)),
  normalise(doc, context) {
    const wrapped = isRecord(doc.value) && looksLikeDashboard(doc.value.dashboard);
    context.addDashboard(readDashboard(doc, wrapped ? ['dashboard'] : [], context.file));
  },
};

function configMaps(value: unknown): Json[] {
  if (!isRecord(value)) return [];
  if (value.kind === 'ConfigMap') return [value];
  if (value.kind === 'ConfigMapList' || value.kind === 'List') return list(value.items).filter((item): item is Json => isRecord(item) && item.kind === 'ConfigMap');
  return [];
}

export const dashboardConfigMap: FormatAdapter = {
  kind: 'dashboard-configmap',
  recognise: (value) =>
    configMaps(value).some((map) => Object.entries(record(map.data)).some(([key, data]) => key.endsWith('.json') && typeof data === 'string')),
  normalise(doc, context) {
    const isList = isRecord(doc.value) && doc.value.kind !== 'ConfigMap';
    list(isList ? record(doc.value).items : [doc.value]).forEach((item, i) => {
      if (!isRecord(item) || item.kind !== 'ConfigMap') return;
      for (const [key, data] of Object.entries(record(item.data))) {
        if (!key.endsWith('.json') || typeof data !== 'string') continue;
        const dataPath = [...(isList ? ['items', i] : []), 'data', key];
        const start = placeOffset(doc.placementOf(dataPath), 0);
        const embedding: Embedding = data.includes('\n') && start.column !== undefined ? { firstLine: start.line, indent: start.column - 1 } : { firstLine: start.line, indent: 0, fixed: start };
        const inner = parseText(data, 'json', embedding);
        for (const problem of inner.problems) context.unreadable(problem, `dashboard ${key}: ${problem.message}`);
        const innerDoc = inner.documents[0];
        if (!innerDoc) continue;
        if (!looksLikeDashboard(innerDoc.value)) continue;
        const dashboard = readDashboard(innerDoc, [], context.file);
        dashboard.entry = key;
        context.addDashboard(dashboard);
      }
    });
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
  const readPanels = (panels: unknown, panelsPath: PathSegment[], parentTitle?: string) => {
    list(panels).forEach((panelValue, p) => {
      if (!isRecord(panelValue)) return;
      const panelPath = [...panelsPath, p];
      dashboard.panels.push(readPanel(doc, panelValue, panelPath, variables, parentTitle));
      if (Array.isArray(panelValue.panels)) readPanels(panelValue.panels, [...panelPath, 'panels'], text(panelValue.title));
    });
  };
  readPanels(value.panels, [...base, 'panels']);
  list(value.rows).forEach((row, r) => readPanels(record(row).panels, [...base, 'rows', r, 'panels'], text(record(row).title)));
  return dashboard;
}

function readPanel(doc: ParsedDocument, panel: Json, panelPath: PathSegment[], variables: DashboardVariable[], parentTitle?: string): Panel {
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
    targets: list(panel.targets).map((target, t) => readTarget(doc, record(target), [...panelPath, 'targets', t], variables)),
    thresholds: steps,
    keys: Object.keys(panel),
    misplacedThresholds,
    unit: text(defaults.unit),
  };
}

function readTarget(doc: ParsedDocument, target: Json, targetPath: PathSegment[], variables: DashboardVariable[]): PanelTarget {
  const rawExpr = text(target.expr);
  let expr: QueryField | undefined;
  if (rawExpr !== undefined && rawExpr.trim() !== '') {
    const exprPath = [...targetPath, 'expr'];
    const placement = doc.placementOf(exprPath);
    const substituted = substituteGrafanaVariables(rawExpr, variables);
    const edits = substituted.edits.length > 0 ? substituted.edits : undefined;
    expr = { text: substituted.text, position: placeOffset(placement, 0), placement, edits, analysis: analyseQuery(substituted.text) };
  }
  return { refId: text(target.refId), datasource: datasourceRef(doc, target.datasource, [...targetPath, 'datasource']), expr, rawExpr };
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

