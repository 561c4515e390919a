// Google's slo-generator (github.com/google/slo-generator). Two shapes of SLO:
//   v2: `apiVersion: sre.google.com/v2`, `kind: ServiceLevelObjective`, `spec.goal`, `spec.backend`
//       naming a backend of the shared config, `spec.method` and `spec.service_level_indicator`;
//   v1: a flat map with `service_name`, `feature_name`, `slo_name`, `slo_target` and a `backend`
//       map holding `class`, `method` and `measurement`.
// Burn-rate windows come from error budget policies kept in other files: v2's shared config
// (`error_budget_policies.<name>.steps[]`, the SLO picks one with `spec.error_budget_policy`,
// `default` otherwise) and v1's policy file (a list of steps, `error_budget_policy.yaml`). Each
// step is a window in seconds and a burn-rate threshold; steps with `alert: true`
// (`urgent_notification` in v1) are the ones that page, so they are the SLO's burn-rate windows.
// slo-generator states no SLO period: the `slo-period` setting is used, as for Sloth.

import type { BurnWindow, Indicator, Slo } from '../model/types.js';
import { parseTarget } from '../model/units.js';
import { restoreDocument, type DocumentSnapshot, type ParsedDocument } from '../parse/document.js';
import type { FinaliseContext, FormatAdapter } from './adapter.js';
import { dirOf, queryMetrics } from './sli.js';
import { isRecord, list, number, record, stringMap, text, type Json } from './values.js';

const V2 = 'sre.google.com/v2';

interface KeptSlo {
  type: 'slo';
  file: string;
  snapshot: DocumentSnapshot;
}

interface PolicyStep {
  name?: string;
  windowSeconds?: number;
  threshold?: number;
  alert: boolean;
}

interface KeptPolicies {
  type: 'policies';
  file: string;
  /** v2: policies by name; v1: the one list of steps, under the file's own policy name. */
  policies: Record<string, PolicyStep[]>;
  /** Backends of a v2 shared config, by key, with their class when stated. */
  backends: string[];
}

function isV1Slo(value: Json): boolean {
  return 'slo_target' in value && isRecord(value.backend) && ('method' in value.backend || 'class' in value.backend) && ('slo_name' in value || 'service_name' in value);
}

function isV1PolicyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((step) => isRecord(step) && ('error_budget_policy_step_name' in step || ('measurement_window_seconds' in step && 'alerting_burn_rate_threshold' in step)));
}

function isSharedConfig(value: Json): boolean {
  const policies = value.error_budget_policies;
  return isRecord(policies) && Object.values(policies).some((policy) => Array.isArray(record(policy).steps));
}

export const sloGenerator: FormatAdapter = {
  kind: 'slo-generator',
  recognise: (value) =>
    isV1PolicyList(value) ||
    (isRecord(value) && ((value.apiVersion === V2 && value.kind === 'ServiceLevelObjective') || isV1Slo(value) || isSharedConfig(value))),
  normalise(doc, context) {
    const value = doc.value;
    if (isV1PolicyList(value)) {
      // slo-generator's migrator names a v1 policy file's policy after the file: error_budget_policy.yaml is `default`.
      const base = context.file.slice(context.file.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, '');
      const name = base === 'error_budget_policy' ? 'default' : base.replace(/^error_budget_policy_/, '');
      const steps = list(value).map((step) => {
        const s = record(step);
        return { name: text(s.error_budget_policy_step_name), windowSeconds: number(s.measurement_window_seconds), threshold: number(s.alerting_burn_rate_threshold), alert: s.urgent_notification === true };
      });
      context.keep({ type: 'policies', file: context.file, policies: { [name]: steps }, backends: [] } satisfies KeptPolicies);
      return;
    }
    const map = record(value);
    if (isSharedConfig(map)) {
      const policies: Record<string, PolicyStep[]> = {};
      for (const [name, policy] of Object.entries(record(map.error_budget_policies))) {
        policies[name] = list(record(policy).steps).map((step) => {
          const s = record(step);
          return { name: text(s.name), windowSeconds: number(s.window), threshold: number(s.burn_rate_threshold), alert: s.alert === true };
        });
      }
      context.keep({ type: 'policies', file: context.file, policies, backends: Object.keys(record(map.backends)) } satisfies KeptPolicies);
      return;
    }
    context.keep({ type: 'slo', file: context.file, snapshot: doc.snapshot() } satisfies KeptSlo);
  },
  finalise(kept, context) {
    const policyFiles = (kept as (KeptSlo | KeptPolicies)[]).filter((item): item is KeptPolicies => item.type === 'policies');
    for (const item of kept as (KeptSlo | KeptPolicies)[]) {
      if (item.type === 'slo') buildSlo(item.file, restoreDocument(item.snapshot), policyFiles, context);
    }
  },
};

/** The policy an SLO file uses: the named one in the nearest policy file up its directory tree, else in any. */
function policyFor(file: string, name: string, policyFiles: KeptPolicies[]): PolicyStep[] | undefined {
  const candidates = policyFiles.filter((p) => p.policies[name] !== undefined);
  const dir = dirOf(file);
  const depth = (p: KeptPolicies) => {
    const policyDir = dirOf(p.file);
    return policyDir === '' || dir === policyDir || dir.startsWith(`${policyDir}/`) ? policyDir.length : -1;
  };
  const best = candidates.filter((p) => depth(p) >= 0).sort((a, b) => depth(b) - depth(a))[0] ?? candidates[0];
  return best?.policies[name];
}

function buildSlo(file: string, doc: ParsedDocument, policyFiles: KeptPolicies[], context: FinaliseContext): void {
  const value = record(doc.value);
  const v2 = value.apiVersion === V2;
  const spec = v2 ? record(value.spec) : value;
  const labels = v2 ? stringMap(record(value.metadata).labels) : stringMap({ service_name: value.service_name, feature_name: value.feature_name, slo_name: value.slo_name });
  const name = (v2 ? text(record(value.metadata).name) : undefined) ?? ([labels.service_name, labels.feature_name, labels.slo_name].filter(Boolean).join('-') || `ServiceLevelObjective[${doc.index}]`);
  const goalKey = v2 ? 'goal' : 'slo_target';
  const goalPath = v2 ? ['spec', 'goal'] : ['slo_target'];
  const target = parseTarget(spec[goalKey], 'ratio');

  const backend = v2 ? text(spec.backend) ?? '' : text(record(value.backend).class) ?? '';
  const method = v2 ? text(spec.method) : text(record(value.backend).method);
  const sli = v2 ? record(spec.service_level_indicator) : record(record(value.backend).measurement);
  const indicatorPath = v2 ? ['spec', 'service_level_indicator'] : ['backend', 'measurement'];
  const indicator: Indicator = { ...readIndicator(/^prometheus\b/i.test(backend), method, sli), position: doc.positionOf(indicatorPath) };

  const policyName = (v2 ? text(spec.error_budget_policy) : undefined) ?? 'default';
  const steps = policyFor(file, policyName, policyFiles) ?? [];
  const policyPosition = v2 && 'error_budget_policy' in spec ? doc.positionOf(['spec', 'error_budget_policy']) : undefined;
  const burnWindows: BurnWindow[] = steps
    .filter((step) => step.alert && step.windowSeconds !== undefined && step.windowSeconds > 0)
    .map((step) => ({ longSeconds: step.windowSeconds!, factor: step.threshold, name: step.name, source: 'policy' as const, position: policyPosition }));

  const slo: Slo = {
    key: `${file}#${doc.index}#${name}`,
    name,
    service: labels.service_name,
    format: 'slo-generator',
    file,
    position: doc.positionOf([]),
    target,
    targetPosition: doc.positionOf(goalPath),
    periodSeconds: context.options.defaultPeriodSeconds,
    periodKind: 'rolling',
    budgetingMethod: 'occurrences',
    indicator,
    burnWindows,
    declaredBudget: {},
    declaresBurnAlerting: burnWindows.length > 0,
    dashboardRefs: [],
    baseDir: dirOf(file),
    labels,
  };
  context.addSlo(slo);
}

/**
 * The SLI of the Prometheus backend's methods: good_bad_ratio's filters are selectors that
 * slo-generator wraps in `increase(…[window])`; query_sli's expression holds `[window]`;
 * distribution_cut reads a histogram's buckets up to `threshold_bucket` (the `le` bound).
 * Other backends' filters (Cloud Monitoring, Datadog, …) are not PromQL and are not read.
 */
function readIndicator(prometheus: boolean, method: string | undefined, sli: Json): Omit<Indicator, 'position'> {
  const declaredType = method;
  if (!prometheus) return { type: method === 'distribution_cut' ? 'latency' : 'ratio', declaredType, metrics: [] };
  const query = (key: string) => text(sli[key])?.replace(/\[window\]/g, '[5m]');
  if (method === 'good_bad_ratio') {
    const [good, valid, bad] = [query('filter_good'), query('filter_valid'), query('filter_bad')];
    return { type: 'ratio', declaredType, goodQuery: good, totalQuery: valid, errorQuery: bad, metrics: queryMetrics([good, valid, bad]) };
  }
  if (method === 'distribution_cut') {
    const expression = query('expression');
    const bound = number(sli.threshold_bucket);
    // `le` is in the histogram's own unit: seconds when the metric says so.
    const seconds = expression !== undefined && /_seconds_bucket\b/.test(expression) ? bound : undefined;
    return { type: 'latency', declaredType, thresholdSeconds: seconds, totalQuery: expression, metrics: queryMetrics([expression]) };
  }
  const expression = query('expression');
  return { type: 'other', declaredType, goodQuery: expression, metrics: queryMetrics([expression]) };
}
