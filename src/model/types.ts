// The one model every format is normalised into, and every check reads.
// Positions are 1-based; `file` is relative to the checked root with `/` separators.

import type { QueryAnalysis } from '../lang/promql/analyse.js';
import type { LogqlAnalysis } from '../lang/logql/analyse.js';
import type { TextEdit, TextPlacement } from './placement.js';

export interface Position {
  line: number;
  column?: number;
}

export interface Located extends Position {
  file: string;
}

/** What a discovered document turned out to be. */
export type DocumentKind =
  | 'slo-policy' // the seed's apiVersion slo/v1, kind SLOPolicy
  | 'flat-policy' // the flat shape the seed's workflow expected
  | 'sloth' // Sloth prometheus/v1 spec or PrometheusServiceLevel resource
  | 'sloth-windows' // Sloth AlertWindows
  | 'openslo' // any OpenSLO v1 document (SLO, SLI, AlertPolicy, AlertCondition, ...)
  | 'pyrra' // Pyrra ServiceLevelObjective
  | 'slo-generator' // Google slo-generator: v2 ServiceLevelObjective, v1 SLO config, error budget policies
  | 'rule-file' // Prometheus rule file (groups[])
  | 'prometheus-rule' // Kubernetes PrometheusRule (spec.groups[])
  | 'loki-rule' // Loki Operator AlertingRule / RecordingRule (LogQL, spec.groups[])
  | 'dashboard' // Grafana dashboard, plain or API-export wrapper
  | 'configmap' // ConfigMap / ConfigMapList carrying dashboards or rule files as strings under `data`
  | 'slo-gate-config'
  | 'unknown';

export interface SourceFile {
  path: string;
  /** Every kind recognised among the file's documents; empty when nothing was recognised. */
  kinds: DocumentKind[];
  bytes: number;
  /** Set when the file is a template, read template-tolerantly (src/parse/template.ts). */
  template?: TemplateInfo;
}

export interface TemplateInfo {
  dialect: 'helm' | 'go' | 'jinja';
  /** What could not be read even template-tolerantly (the first problem). */
  problem?: { line: number; column?: number; message: string };
  /** Some documents were read and checked despite `problem`. */
  partly?: boolean;
  /** [line, column, end line, end column] of what depends on a placeholder: findings there are not reported. */
  taint: [number, number, number, number][];
}

// ---- SLOs ----------------------------------------------------------------

export type SloFormat = 'slo/v1' | 'flat' | 'sloth' | 'openslo' | 'pyrra' | 'slo-generator';

export type IndicatorType = 'availability' | 'error-rate' | 'latency' | 'throughput' | 'ratio' | 'other';

export interface Indicator {
  type: IndicatorType;
  /** As the author wrote it ("availability", "events", "latencyNative"). */
  declaredType?: string;
  /** Latency threshold in seconds. */
  thresholdSeconds?: number;
  /** Latency percentile, 0-100. */
  percentile?: number;
  /** Throughput minimum, per second. */
  minimumRate?: number;
  /** PromQL that counts bad events (Sloth error_query, Pyrra errors, OpenSLO bad). May hold `{{.window}}`. */
  errorQuery?: string;
  /** PromQL that counts good events (OpenSLO good). */
  goodQuery?: string;
  /** PromQL that counts all events. */
  totalQuery?: string;
  /** PromQL that yields the error ratio directly (Sloth raw.error_ratio_query). */
  errorRatioQuery?: string;
  /** Metric names the SLI reads, for linking alerts and panels to it. */
  metrics: string[];
  /** Where the indicator is written. */
  position?: Position;
}

/** A burn-rate alerting window: alert when the burn rate over `longSeconds` (and `shortSeconds`) exceeds `factor`. */
export interface BurnWindow {
  longSeconds: number;
  shortSeconds?: number;
  /** Burn-rate factor (14.4); undefined when the policy names only the window. */
  factor?: number;
  /** The window's own name, where the policy gives one (slo-generator's step name "1 hour"). */
  name?: string;
  severity?: string;
  /** 'slo': declared on the SLO; 'policy': declared for the whole policy file; 'default': derived from a window table. */
  source: 'slo' | 'policy' | 'default';
  position?: Position;
}

export interface DeclaredBudget {
  /** Error budget as a ratio, as the author wrote it. */
  ratio?: { value: number; position?: Position };
  /** Allowed downtime in minutes per period, as the author wrote it. */
  downtimeMinutes?: { value: number; position?: Position };
}

export interface DashboardRef {
  /** As written. */
  path: string;
  position: Position;
}

export interface Slo {
  /** Unique within the run: `${file}#${name}` (and a document index when a file repeats a name). */
  key: string;
  name: string;
  service?: string;
  format: SloFormat;
  file: string;
  position: Position;
  /** Ratio in (0, 1); undefined when missing or unreadable (policy/schema reports that). */
  target?: number;
  targetPosition?: Position;
  /** Seconds. */
  periodSeconds?: number;
  periodPosition?: Position;
  /** How the period is counted: 'rolling' windows or calendar periods (OpenSLO). */
  periodKind?: 'rolling' | 'calendar';
  budgetingMethod?: 'occurrences' | 'timeslices' | 'ratio-timeslices';
  indicator: Indicator;
  burnWindows: BurnWindow[];
  declaredBudget: DeclaredBudget;
  /** True when the SLO's format declares burn-rate alerting (Sloth page/ticket alerts, Pyrra always, seed windows). */
  declaresBurnAlerting: boolean;
  /** True when the SLO says no burn-rate alerts should exist (Sloth page and ticket alerts disabled, Pyrra alerting disabled). */
  alertingDisabled?: boolean;
  /** Dashboards the SLO or its policy names, as written (resolved against `baseDir`). */
  dashboardRefs: DashboardRef[];
  /** Directory the author's relative paths are relative to (root-relative, `/` separators, '' for the root). */
  baseDir: string;
  labels: Record<string, string>;
  /** Labels and annotations the SLO's format gives its page and ticket alerts (Sloth `page_alert`, `ticket_alert`; OpenSLO alert policies). */
  alertLabels?: Partial<Record<'page' | 'ticket', { labels: Record<string, string>; annotations: Record<string, string> }>>;
  /** The format's own validity problems found while normalising (an OpenSLO reference naming no document); policy/schema reports them. */
  problems?: (Located & { message: string })[];
}

// ---- Prometheus rules ----------------------------------------------------

/** Label and annotation names Prometheus 2 accepts (and Prometheus 3 with `metric_name_validation_scheme: legacy`). */
export const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface StringField {
  value: string;
  position: Position;
}

export interface RuleGroup {
  file: string;
  name: string;
  position: Position;
  /** Seconds; undefined when the group uses the global evaluation interval. */
  intervalSeconds?: number;
  rules: Rule[];
}

export interface Rule {
  kind: 'alert' | 'record';
  name: string;
  file: string;
  group: string;
  /** The group's evaluation interval in seconds, when set. */
  groupIntervalSeconds?: number;
  /** Index within the group, 0-based. */
  index: number;
  position: Position;
  namePosition: Position;
  expr: QueryField;
  for?: StringField;
  keepFiringFor?: StringField;
  labels: Record<string, StringField>;
  annotations: Record<string, StringField>;
}

/** A PromQL query as written in a file, with what was learned from parsing it. */
export interface QueryField {
  text: string;
  /** Position of the first character of the query text in the file. */
  position: Position;
  /** Where the characters of the query as written are in the file (read with `queryPosition`). */
  placement: TextPlacement;
  /** When `text` is a rewrite of what was written (Grafana variables substituted), how it maps back. */
  edits?: TextEdit[];
  analysis: QueryAnalysis;
}

/** A LogQL query as written in a file (a Loki panel target, a Loki ruler rule). */
export interface LogqlQuery {
  text: string;
  position: Position;
  placement: TextPlacement;
  edits?: TextEdit[];
  analysis: LogqlAnalysis;
}

/** A Loki ruler rule: read as LogQL, never as PromQL, so none of the PromQL checks see it. */
export interface LogqlRule {
  kind: 'alert' | 'record';
  name: string;
  file: string;
  group: string;
  position: Position;
  expr: LogqlQuery;
}

// ---- Dashboards ----------------------------------------------------------

export interface Dashboard {
  file: string;
  position: Position;
  /** Position of the dashboard object; for a ConfigMap entry, the line of its data key. */
  title?: string;
  uid?: string;
  uidPosition?: Position;
  /** Name within a ConfigMap, or undefined for a plain file. */
  entry?: string;
  panels: Panel[];
  variables: DashboardVariable[];
}

export interface DashboardVariable {
  name: string;
  type?: string;
  current?: string;
}

export interface Panel {
  id?: number;
  type?: string;
  title?: string;
  position: Position;
  /** Row that contains the panel, when nested. */
  parentTitle?: string;
  datasource?: DatasourceRef;
  targets: PanelTarget[];
  /** Threshold steps from fieldConfig.defaults.thresholds (value null is the base step). */
  thresholds: { value: number | null; color?: string }[];
  /** Raw panel JSON keys, for checks about legacy layouts. */
  keys: string[];
  /** Threshold-like settings found outside fieldConfig.defaults.thresholds. */
  misplacedThresholds: Position[];
  unit?: string;
}

export interface DatasourceRef {
  uid?: string;
  type?: string;
  /** Legacy string form ("Prometheus", "$datasource"). */
  name?: string;
  position: Position;
}

export interface PanelTarget {
  refId?: string;
  datasource?: DatasourceRef;
  /** The data source the query goes to, resolved as Grafana does (target, panel, default; variables; built-ins). */
  source: { language: 'promql' | 'logql' | 'other' | 'unknown'; type?: string; via: string };
  /** The query of a target read as PromQL, after Grafana variable substitution; positions map back to the raw JSON string. */
  expr?: QueryField;
  /** The query of a target read as LogQL (a Loki data source), likewise substituted. */
  logql?: LogqlQuery;
  /** True when the target has a query slo-gate does not read (another data source's language). */
  unchecked?: boolean;
  /** As written, before substitution. */
  rawExpr?: string;
}

// ---- Suppressions --------------------------------------------------------

export type SuppressionScope = 'next-line' | 'block' | 'file';

/** One `# slo-gate-disable…` comment of a YAML file (src/parse/suppression-comments.ts). */
export interface SuppressionComment {
  file: string;
  line: number;
  column: number;
  scope: SuppressionScope;
  checks: string[];
  /** Empty when the comment gives none: such a comment suppresses nothing. */
  reason: string;
  /** The lines it covers, inclusive. */
  fromLine: number;
  toLine: number;
}


// ---- The whole model -----------------------------------------------------

export interface Model {
  root: string;
  files: SourceFile[];
  slos: Slo[];
  ruleGroups: RuleGroup[];
  dashboards: Dashboard[];
  /** Every alerting and recording rule, flattened from ruleGroups. */
  rules: Rule[];
  /** Loki ruler rules (LogQL), kept apart from the PromQL rules. */
  logqlRules: LogqlRule[];
  /** Files, or parts of files, that could not be read or parsed at all. */
  unreadable: (Located & { message: string })[];
  /** The suppression comments of every file, in file order. */
  suppressions: SuppressionComment[];
}

export function emptyModel(root: string): Model {
  return { root, files: [], slos: [], ruleGroups: [], dashboards: [], rules: [], logqlRules: [], unreadable: [], suppressions: [] };
}
