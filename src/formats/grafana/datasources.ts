// Which data source a dashboard query goes to, resolved the way Grafana resolves it:
//   the target's datasource, else the panel's, else the dashboard's default (the instance's);
//   a panel on `-- Mixed --` sends each target to its own, and a target without one to the default;
//   `-- Grafana --` (random walk, live streams, files) and `-- Dashboard --` (another panel's
//   results) are built in;
//   a reference by uid alone takes its type from a datasource variable of that name
//   (`$datasource`, `${datasource}`, `[[datasource]]`: the variable's `query` is its plugin type),
//   from an exported dashboard's `__inputs` (`${DS_LOKI}` with `pluginId`), or from another
//   reference in the same dashboard that gives the same uid a type;
//   a legacy string names a data source (or a variable, or `default`): only its name can tell.
// What cannot be resolved is the instance's default data source, whose type is not in the file.

import { isRecord, list, record, text, type Json } from '../values.js';

/** How slo-gate reads a target: as PromQL, as LogQL, not at all (another language), or by its shape (type unknown). */
export type QueryLanguage = 'promql' | 'logql' | 'other' | 'unknown';

export interface ResolvedDatasource {
  language: QueryLanguage;
  /** The plugin type when known ('prometheus', 'loki', 'elasticsearch'), or the built-in's name. */
  type?: string;
  /** How it was found, for the report: `panel datasource ${datasource} (variable of type loki)`. */
  via: string;
}

// Plugin types whose query language is PromQL: Prometheus itself (Thanos, Mimir, Cortex use it) and the managed services' plugins.
const PROMQL_TYPES = new Set(['prometheus', 'grafana-amazonprometheus-datasource', 'grafana-azureprometheus-datasource']);
const LOGQL_TYPES = new Set(['loki']);
const MIXED = new Set(['-- Mixed --', 'mixed']);
const GRAFANA = new Set(['-- Grafana --', 'grafana']);
const DASHBOARD = new Set(['-- Dashboard --', 'dashboard']);
const VARIABLE = /^\$\{(\w+)(?::[^}]*)?\}$|^\$(\w+)$|^\[\[(\w+)\]\]$/;
// Legacy string references name a data source of the instance; names say its type only by convention.
const NAMED_TYPES: [RegExp, string][] = [
  [/loki/i, 'loki'],
  [/prometheus|prom\b|thanos|mimir|cortex/i, 'prometheus'],
  [/elastic|opensearch|influx|graphite|tempo|jaeger|zipkin|mysql|postgres|mssql|cloudwatch|stackdriver|azure|bigquery|clickhouse|pyroscope|testdata/i, 'other'],
];

function languageOf(type: string): QueryLanguage {
  if (PROMQL_TYPES.has(type)) return 'promql';
  if (LOGQL_TYPES.has(type)) return 'logql';
  return 'other';
}

/** A resolver for one dashboard's panels and targets. */
export function datasourceResolver(dashboard: Json): (panel: Json, target: Json) => ResolvedDatasource {
  const variableTypes = new Map<string, string>();
  for (const entry of list(record(dashboard.templating).list)) {
    const variable = record(entry);
    const name = text(variable.name);
    const query = text(variable.query) ?? text(record(variable.query).query);
    if (name && variable.type === 'datasource' && query) variableTypes.set(name, query.trim().toLowerCase());
  }
  for (const entry of list(dashboard.__inputs)) {
    const input = record(entry);
    const name = text(input.name);
    const plugin = text(input.pluginId);
    if (name && input.type === 'datasource' && plugin) variableTypes.set(name, plugin);
  }
  // uid → type, from every reference that states both (panels, targets, annotations, variables).
  const uidTypes = new Map<string, string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (isRecord(value)) {
      const ds = value.datasource;
      if (isRecord(ds) && typeof ds.uid === 'string' && typeof ds.type === 'string' && !uidTypes.has(ds.uid)) uidTypes.set(ds.uid, ds.type);
      for (const child of Object.values(value)) if (typeof child === 'object') visit(child, depth + 1);
    }
  };
  visit(dashboard, 0);

  const fromVariable = (reference: string, where: string): ResolvedDatasource | undefined => {
    const match = VARIABLE.exec(reference.trim());
    if (!match) return undefined;
    const name = match[1] ?? match[2] ?? match[3]!;
    const type = variableTypes.get(name);
    if (type === undefined) return { language: 'unknown', via: `${where} ${reference} (no datasource variable of that name)` };
    return { language: languageOf(type), type, via: `${where} ${reference} (variable of type ${type})` };
  };

  const resolveRef = (ref: unknown, where: string): ResolvedDatasource | 'unset' | 'mixed' => {
    if (ref === undefined || ref === null) return 'unset';
    if (typeof ref === 'string') {
      if (ref === '' || ref === 'default') return 'unset';
      if (MIXED.has(ref)) return 'mixed';
      if (GRAFANA.has(ref)) return { language: 'other', type: 'grafana', via: `${where} -- Grafana --` };
      if (DASHBOARD.has(ref)) return { language: 'other', type: 'dashboard', via: `${where} -- Dashboard --` };
      const variable = fromVariable(ref, where);
      if (variable) return variable;
      const named = NAMED_TYPES.find(([pattern]) => pattern.test(ref));
      if (!named) return { language: 'unknown', via: `${where} named "${ref}"` };
      const type = named[1] === 'other' ? undefined : named[1];
      return { language: type ? languageOf(type) : 'other', type, via: `${where} named "${ref}"` };
    }
    if (!isRecord(ref)) return 'unset';
    const uid = text(ref.uid);
    const type = text(ref.type);
    if ((uid !== undefined && MIXED.has(uid)) || type === 'mixed' || (type === 'datasource' && uid === '-- Mixed --')) return 'mixed';
    if ((uid !== undefined && GRAFANA.has(uid)) || type === 'grafana' || type === 'grafana-testdata-datasource') return { language: 'other', type: type === 'grafana-testdata-datasource' ? type : 'grafana', via: `${where} -- Grafana --` };
    if ((uid !== undefined && DASHBOARD.has(uid)) || type === 'dashboard') return { language: 'other', type: 'dashboard', via: `${where} -- Dashboard --` };
    if (type && type !== 'datasource' && !VARIABLE.test(type)) return { language: languageOf(type), type, via: `${where} of type ${type}` };
    if (type && VARIABLE.test(type)) {
      const variable = fromVariable(type, where);
      if (variable) return variable;
    }
    if (uid === undefined || uid === '') return 'unset';
    const variable = fromVariable(uid, where);
    if (variable) return variable;
    const known = uidTypes.get(uid);
    if (known) return { language: languageOf(known), type: known, via: `${where} uid ${uid} (of type ${known} elsewhere in the dashboard)` };
    return { language: 'unknown', via: `${where} uid ${uid}` };
  };

  const dashboardDefault: ResolvedDatasource = { language: 'unknown', via: "the instance's default data source" };
  return (panel, target) => {
    const panelRef = resolveRef(panel.datasource, 'panel datasource');
    const targetRef = resolveRef(target.datasource, 'target datasource');
    if (targetRef !== 'unset' && targetRef !== 'mixed') return targetRef;
    if (panelRef !== 'unset' && panelRef !== 'mixed') return panelRef;
    return dashboardDefault;
  };
}
