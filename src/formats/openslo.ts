// OpenSLO. v1 documents refer to each other by name across files (an SLO's `indicatorRef` names an
// SLI, `alertPolicies[].alertPolicyRef` an AlertPolicy, whose `conditionRef`s name AlertConditions),
// so every v1 document is kept while files are read and SLOs are built in `finalise`. Documents are
// kept as snapshots (plain data) because files may be read on worker threads.
// A reference that names no document becomes a problem on the SLO (policy/schema reports it).
// Each alert policy's burn-rate condition is one window, and the labels of the policy, its
// notification targets and its condition (with the condition's severity) are the labels of that
// window's tier of alert (page or ticket), which the suggested rule group carries.
// `openslo/v1alpha` SLOs (the shape Sloth reads) refer to nothing and are built at once.

import { alertTier } from '../model/burn-rate.js';
import { LEGACY_LABEL_NAME, type BurnWindow, type Indicator, type Located, type Slo } from '../model/types.js';
import { parseCountUnit, parseDurationShorthand, parseTarget } from '../model/units.js';
import { restoreDocument, type DocumentSnapshot, type ParsedDocument, type PathSegment } from '../parse/document.js';
import type { FormatAdapter, FinaliseContext, NormaliseContext } from './adapter.js';
import { dirOf, queryMetrics } from './sli.js';
import { isRecord, list, number, record, stringMap, text, type Json } from './values.js';

interface KeptSnapshot {
  file: string;
  snapshot: DocumentSnapshot;
  kind: string;
  name?: string;
}

type KeptDocument = Omit<KeptSnapshot, 'snapshot'> & { doc: ParsedDocument };

type Problem = Located & { message: string };

const BUDGETING: Record<string, Slo['budgetingMethod']> = { Occurrences: 'occurrences', Timeslices: 'timeslices', RatioTimeslices: 'ratio-timeslices' };

export const openslo: FormatAdapter = {
  kind: 'openslo',
  recognise: (value) => isRecord(value) && (value.apiVersion === 'openslo/v1' || value.apiVersion === 'openslo/v1alpha') && typeof value.kind === 'string',
  normalise(doc, context) {
    const value = record(doc.value);
    if (value.apiVersion === 'openslo/v1alpha') {
      if (value.kind === 'SLO') normaliseV1alpha(doc, context);
      return;
    }
    context.keep({ file: context.file, snapshot: doc.snapshot(), kind: String(value.kind), name: text(record(value.metadata).name) } satisfies KeptSnapshot);
  },
  finalise(kept, context) {
    const documents: KeptDocument[] = (kept as KeptSnapshot[]).map(({ snapshot, ...rest }) => ({ ...rest, doc: restoreDocument(snapshot) }));
    const byName = (kind: string, name: string) => documents.find((d) => d.kind === kind && d.name === name);
    for (const slo of documents.filter((d) => d.kind === 'SLO')) buildSlos(slo, byName, context);
  },
};

function buildSlos(kept: KeptDocument, byName: (kind: string, name: string) => KeptDocument | undefined, context: FinaliseContext): void {
  const { doc, file } = kept;
  const spec = record(record(doc.value).spec);
  const name = kept.name ?? `SLO[${doc.index}]`;
  const problems: Problem[] = [];
  const unresolved = (path: PathSegment[], kind: string, ref: string) =>
    problems.push({ file, ...doc.positionOf(path), message: `${path.join('.')}: no ${kind} named "${ref}" in the checked files` });

  // The indicator: inline, or an SLI document named by indicatorRef — exactly one of them.
  let sliSpec: Json = {};
  let sliAt: { file: string; doc: ParsedDocument; path: PathSegment[] } | undefined;
  const indicatorRef = text(spec.indicatorRef);
  if (isRecord(spec.indicator) && indicatorRef !== undefined) {
    problems.push({ file, ...doc.keyPositionOf(['spec', 'indicatorRef']), message: 'spec: indicator and indicatorRef are mutually exclusive' });
  }
  if (isRecord(spec.indicator)) {
    sliSpec = record(spec.indicator.spec);
    sliAt = { file, doc, path: ['spec', 'indicator', 'spec'] };
  } else if (indicatorRef !== undefined) {
    const sli = byName('SLI', indicatorRef);
    if (sli) {
      sliSpec = record(record(sli.doc.value).spec);
      sliAt = { file: sli.file, doc: sli.doc, path: ['spec'] };
    } else unresolved(['spec', 'indicatorRef'], 'SLI', indicatorRef);
  } else problems.push({ file, ...doc.positionOf(['spec']), message: 'spec: one of indicator or indicatorRef is required' });
  if (sliAt) {
    const where = (...rest: PathSegment[]) => ({ file: sliAt!.file, ...sliAt!.doc.keyPositionOf([...sliAt!.path, ...rest]) });
    const ratio = record(sliSpec.ratioMetric);
    if ('thresholdMetric' in sliSpec && 'ratioMetric' in sliSpec) problems.push({ ...where('ratioMetric'), message: 'SLI spec: thresholdMetric and ratioMetric are mutually exclusive' });
    if ('good' in ratio && 'bad' in ratio) problems.push({ ...where('ratioMetric', 'bad'), message: 'ratioMetric: good and bad are mutually exclusive' });
    if ('ratioMetric' in sliSpec && !('good' in ratio) && !('bad' in ratio) && !('raw' in ratio)) problems.push({ ...where('ratioMetric'), message: 'ratioMetric: one of good, bad or raw is required' });
  }

  const burnWindows: BurnWindow[] = [];
  const alertLabels: NonNullable<Slo['alertLabels']> = {};
  list(spec.alertPolicies).forEach((entry, p) => {
    const entryPath: PathSegment[] = ['spec', 'alertPolicies', p];
    let policy: { doc: ParsedDocument; file: string; path: PathSegment[] } | undefined;
    const policyRef = text(record(entry).alertPolicyRef);
    if (policyRef !== undefined) {
      const found = byName('AlertPolicy', policyRef);
      if (found) policy = { doc: found.doc, file: found.file, path: [] };
      else unresolved([...entryPath, 'alertPolicyRef'], 'AlertPolicy', policyRef);
    } else if (isRecord(entry)) policy = { doc, file, path: entryPath };
    if (!policy) return;
    const policyValue = record(valueAt(policy.doc.value, policy.path));
    const targets = list(record(policyValue.spec).notificationTargets).map((target) => {
      const targetRef = text(record(target).targetRef);
      return targetRef === undefined ? record(target) : record(byName('AlertNotificationTarget', targetRef)?.doc.value);
    });
    list(record(policyValue.spec).conditions).forEach((conditionEntry, c) => {
      const conditionRef = text(record(conditionEntry).conditionRef);
      let condition: Json | undefined;
      if (conditionRef !== undefined) {
        const found = byName('AlertCondition', conditionRef);
        if (found) condition = record(found.doc.value);
        else problems.push({ file: policy!.file, ...policy!.doc.positionOf([...policy!.path, 'spec', 'conditions', c, 'conditionRef']), message: `${policy!.path.length ? [...policy!.path, 'spec', 'conditions', c, 'conditionRef'].join('.') : `spec.conditions.${c}.conditionRef`}: no AlertCondition named "${conditionRef}" in the checked files` });
      } else condition = record(conditionEntry);
      if (!condition) return;
      const conditionSpec = record(condition.spec);
      const rule = record(conditionSpec.condition);
      const longSeconds = parseDurationShorthand(rule.lookbackWindow);
      if (rule.kind !== 'burnrate' || longSeconds === undefined) return;
      const window: BurnWindow = {
        longSeconds,
        factor: number(rule.threshold),
        severity: text(conditionSpec.severity),
        source: 'slo',
        position: policy!.doc === doc ? doc.positionOf([...policy!.path, 'spec', 'conditions', c]) : doc.positionOf(entryPath),
      };
      burnWindows.push(window);
      addAlertLabels(alertLabels, alertTier(window), {
        // The policy's labels, its notification targets' (where routing is decided), the condition's; its severity last.
        labels: { ...prometheusLabels(policyValue), ...Object.assign({}, ...targets.map(prometheusLabels)), ...prometheusLabels(condition), ...(window.severity ? { severity: window.severity } : {}) },
        annotations: stringMap({ description: text(conditionSpec.description) ?? text(record(policyValue.spec).description) }),
      });
    });
  });

  const windows = list(spec.timeWindow);
  const window = record(windows[0]);
  const objectives = list(spec.objectives);
  objectives.forEach((objectiveValue, o) => {
    const objective = record(objectiveValue);
    const at = (...rest: PathSegment[]) => ['spec', 'objectives', o, ...rest];
    const sloName = objectives.length > 1 ? `${name}-${o}` : name;
    const target = 'target' in objective ? parseTarget(objective.target, 'ratio') : parseTarget(objective.targetPercent, 'percent');
    if ('target' in objective && 'targetPercent' in objective) problems.push({ file, ...doc.keyPositionOf(at('targetPercent')), message: `spec.objectives[${o}]: target and targetPercent are mutually exclusive` });
    if (!('target' in objective) && !('targetPercent' in objective)) problems.push({ file, ...doc.positionOf(at()), message: `spec.objectives[${o}]: one of target or targetPercent is required` });
    context.addSlo({
      key: `${file}#${doc.index}#${sloName}`,
      name: sloName,
      service: text(spec.service),
      format: 'openslo',
      file,
      position: objectives.length > 1 ? doc.positionOf(at()) : doc.positionOf([]),
      target,
      targetPosition: doc.positionOf(at('target' in objective ? 'target' : 'targetPercent')),
      periodSeconds: parseDurationShorthand(window.duration),
      periodPosition: doc.positionOf(['spec', 'timeWindow', 0, 'duration']),
      periodKind: window.isRolling === false || 'calendar' in window ? 'calendar' : 'rolling',
      budgetingMethod: BUDGETING[text(spec.budgetingMethod) ?? ''],
      indicator: { ...readSli(sliSpec), position: doc.positionOf(['spec', isRecord(spec.indicator) ? 'indicator' : 'indicatorRef']) },
      burnWindows,
      declaredBudget: {},
      declaresBurnAlerting: burnWindows.length > 0,
      dashboardRefs: [],
      baseDir: dirOf(file),
      labels: stringMap(record(record(doc.value).metadata).labels),
      ...(Object.keys(alertLabels).length ? { alertLabels } : {}),
      // One list for every objective's SLO: policy/schema reports each problem once.
      problems,
    });
  });
}

/**
 * A document's `metadata.labels` as Prometheus alert labels. OpenSLO allows a list of values per
 * key and any key up to 63 characters; an alert label holds one value under a Prometheus name, so
 * a one-item list is its item and the rest is left out.
 */
function prometheusLabels(document: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record(record(document.metadata).labels))) {
    const single = Array.isArray(value) && value.length === 1 ? text(value[0]) : text(value);
    if (single !== undefined && LEGACY_LABEL_NAME.test(name)) out[name] = single;
  }
  return out;
}

/** Several alert policies of one tier: the first to give a label or annotation keeps it. */
function addAlertLabels(into: NonNullable<Slo['alertLabels']>, tier: 'page' | 'ticket', own: { labels: Record<string, string>; annotations: Record<string, string> }): void {
  const earlier = into[tier];
  into[tier] = { labels: { ...own.labels, ...earlier?.labels }, annotations: { ...own.annotations, ...earlier?.annotations } };
}

function readSli(spec: Json): Indicator {
  const queryOf = (metric: unknown) => promqlOf(record(record(metric).metricSource));
  if (isRecord(spec.ratioMetric)) {
    const ratio = spec.ratioMetric;
    const good = queryOf(ratio.good);
    const bad = queryOf(ratio.bad);
    const total = queryOf(ratio.total);
    return { type: 'ratio', declaredType: 'ratioMetric', goodQuery: good, errorQuery: bad, totalQuery: total, metrics: queryMetrics([good, bad, total]) };
  }
  if (isRecord(spec.thresholdMetric)) {
    const query = queryOf(spec.thresholdMetric);
    return { type: 'other', declaredType: 'thresholdMetric', goodQuery: query, metrics: queryMetrics([query]) };
  }
  return { type: 'other', metrics: [] };
}

/** The PromQL of a metric source, when its type is a Prometheus-compatible store; other sources' queries are not PromQL. */
function promqlOf(source: Json): string | undefined {
  if (!/prometheus|thanos|cortex|mimir|victoria/i.test(text(source.type) ?? '')) return undefined;
  const spec = record(source.spec);
  return text(spec.query) ?? text(spec.promql);
}

function valueAt(value: unknown, path: PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = isRecord(current) ? current[segment as string] : Array.isArray(current) ? current[segment as number] : undefined;
  return current;
}

/** v1alpha, as Sloth reads it: objectives with `ratioMetrics` and `target`, `timeWindows[{count, unit}]`; names follow Sloth (`<name>-<index>`). */
function normaliseV1alpha(doc: ParsedDocument, context: NormaliseContext): void {
  const value = record(doc.value);
  const spec = record(value.spec);
  const name = text(record(value.metadata).name) ?? `SLO[${doc.index}]`;
  const window = record(list(spec.timeWindows)[0]);
  const periodSeconds = parseCountUnit(window.count, window.unit);
  list(spec.objectives).forEach((objectiveValue, o) => {
    const objective = record(objectiveValue);
    const ratio = record(objective.ratioMetrics);
    const query = (key: string) => text(record(ratio[key]).query);
    const [good, bad, total] = [query('good'), query('bad'), query('total')];
    const sloName = `${name}-${o}`;
    context.addSlo({
      key: `${context.file}#${doc.index}#${sloName}`,
      name: sloName,
      service: text(spec.service),
      format: 'openslo',
      file: context.file,
      position: doc.positionOf(['spec', 'objectives', o]),
      target: parseTarget(objective.target, 'ratio'),
      targetPosition: doc.positionOf(['spec', 'objectives', o, 'target']),
      periodSeconds,
      periodPosition: doc.positionOf(['spec', 'timeWindows', 0]),
      periodKind: window.isRolling === false ? 'calendar' : 'rolling',
      budgetingMethod: BUDGETING[text(spec.budgetingMethod) ?? ''],
      indicator: { type: 'ratio', declaredType: 'ratioMetrics', goodQuery: good, errorQuery: bad, totalQuery: total, metrics: queryMetrics([good, bad, total]) },
      burnWindows: [],
      declaredBudget: {},
      declaresBurnAlerting: false,
      // v1alpha cannot declare alerting, and Sloth, the tool that reads it, generates no alerts for it.
      alertingDisabled: true,
      dashboardRefs: [],
      baseDir: dirOf(context.file),
      labels: {},
    });
  });
}
