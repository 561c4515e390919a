// Positive evidence of each shape the product reads. A document is ours only when its structure
// says so — a rule file's groups hold maps whose `rules` hold maps with `expr` — never because one
// key is present: renovate.json has `groups` too (of strings), compose files have `services`.
// Format adapters use these predicates; recognise.ts uses them to say why a document is not ours.

import { isRecord, type Json } from '../formats/values.js';

const RULE_KEYS = ['expr', 'alert', 'record'] as const;

// Every key Prometheus, Thanos and Cortex/Mimir read in a rule group.
const RULE_GROUP_KEYS = new Set(['name', 'interval', 'rules', 'limit', 'query_offset', 'labels', 'partial_response_strategy', 'source_tenants', 'evaluation_delay']);

/**
 * Prometheus rule groups: some rule is a map with `expr`, `alert` or `record` (a rule missing its
 * `expr` is still a rule, and rule/schema says what is wrong with it). Groups without rules count
 * too when every group is a named map holding only rule-group keys: promtool reads such a file.
 */
export function holdsRuleGroups(groups: unknown): boolean {
  if (!Array.isArray(groups) || groups.length === 0) return false;
  let allRuleGroupShaped = true;
  for (const group of groups) {
    if (!isRecord(group)) {
      allRuleGroupShaped = false;
      continue;
    }
    const rules = group.rules;
    if (Array.isArray(rules) && rules.some((rule) => isRecord(rule) && RULE_KEYS.some((key) => key in rule))) return true;
    const shaped = typeof group.name === 'string' && Object.keys(group).every((key) => RULE_GROUP_KEYS.has(key)) && (rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0));
    if (!shaped) allRuleGroupShaped = false;
  }
  return allRuleGroupShaped;
}

/** A plain Prometheus rule file: top-level `groups` of rule groups, no Kubernetes envelope. */
export function isRuleFile(value: unknown): boolean {
  return isRecord(value) && !('apiVersion' in value) && !('kind' in value) && holdsRuleGroups(value.groups);
}

/** A Kubernetes PrometheusRule: the kind names it; `spec` is where its groups are. */
export function isPrometheusRule(value: unknown): boolean {
  return isRecord(value) && value.kind === 'PrometheusRule' && isRecord(value.spec);
}

const DASHBOARD_HINTS = ['title', 'uid', 'schemaVersion', 'templating', 'time', 'annotations'];

/** A Grafana dashboard: `panels` or `rows` lists and one of the keys every dashboard has. */
export function isDashboard(value: unknown): value is Json {
  return isRecord(value) && (Array.isArray(value.panels) || Array.isArray(value.rows)) && DASHBOARD_HINTS.some((key) => key in value);
}

/** A dashboard as Grafana's API exports it: `{ dashboard: {...}, meta: {...} }`. */
export function isWrappedDashboard(value: unknown): boolean {
  return isRecord(value) && isDashboard(value.dashboard);
}

// Checked on the text, before parsing it: every dashboard names its panels (or, in old ones, rows).
const DASHBOARD_TEXT = /"(?:panels|rows)"\s*:/;

/** A ConfigMap's `*.json` entry that looks like a dashboard (not an application's settings). */
export function looksLikeDashboardText(text: string): boolean {
  return DASHBOARD_TEXT.test(text);
}

/** The seed's flat policy: a `service` and at least one objective written as a map. */
export function isFlatPolicy(value: unknown): boolean {
  return isRecord(value) && !('apiVersion' in value) && typeof value.service === 'string' && ['availability', 'latency', 'startup_time'].some((key) => isRecord(value[key]));
}

/**
 * Monitoring documents in formats this version does not read, by what they declare of themselves:
 * their name for the report's `skipped` list, or undefined.
 */
export function unsupportedFormat(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
  const kind = typeof value.kind === 'string' ? value.kind : undefined;
  if (apiVersion?.startsWith('monitoring.coreos.com/')) return `Prometheus Operator ${kind ?? 'resource'}`;
  if (apiVersion?.startsWith('sre.google.com/') || (kind === 'ServiceLevelObjective' && apiVersion?.startsWith('sre.'))) return `slo-generator ${kind ?? 'document'}`;
  if (apiVersion?.startsWith('n9/')) return `Nobl9 ${kind ?? 'document'}`;
  if (apiVersion?.startsWith('openslo/')) return `OpenSLO ${apiVersion}`;
  if (apiVersion?.startsWith('grafana.integreatly.org/') || apiVersion?.startsWith('integreatly.org/')) return `Grafana Operator ${kind ?? 'resource'}`;
  if (apiVersion?.startsWith('monitoring.grafana.com/') || apiVersion?.startsWith('loki.grafana.com/')) return `${kind ?? 'Grafana'} resource`;
  if (value.apiVersion === 1 && ['datasources', 'providers', 'groups', 'contactPoints', 'policies', 'templates', 'muteTimes', 'deleteDatasources'].some((key) => key in value)) {
    return 'Grafana provisioning file';
  }
  if (Array.isArray(value.tests) && value.tests.some((test) => isRecord(test) && ('input_series' in test || 'alert_rule_test' in test || 'promql_expr_test' in test))) return 'promtool rule test file';
  if ('scrape_configs' in value || ('global' in value && ('rule_files' in value || 'alerting' in value))) return 'Prometheus configuration';
  if ('route' in value && 'receivers' in value) return 'Alertmanager configuration';
  if (Array.isArray(value.groups) && !holdsRuleGroups(value.groups) && value.groups.some((group) => isRecord(group) && Array.isArray(group.rules))) {
    return 'rule groups whose rules have no expr, alert or record';
  }
  return undefined;
}
