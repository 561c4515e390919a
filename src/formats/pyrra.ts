// Pyrra `pyrra.dev/v1alpha1` ServiceLevelObjective: target as a percent string, `window` as the
// period, one indicator among ratio, latency, latencyNative and bool_gauge. Pyrra generates
// multiwindow burn-rate alerts unless told not to, with fixed factors and windows scaled to the period.

import type { Indicator, Slo } from '../model/types.js';
import { pyrraWindows } from '../model/burn-rate.js';
import { parseDuration, parseLatency, parseTarget } from '../model/units.js';
import { analyseQuery } from '../lang/promql/analyse.js';
import type { FormatAdapter } from './adapter.js';
import { dirOf, queryMetrics } from './sli.js';
import { isRecord, record, stringMap, text } from './values.js';

export const pyrra: FormatAdapter = {
  kind: 'pyrra',
  recognise: (value) => isRecord(value) && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('pyrra.dev/') && value.kind === 'ServiceLevelObjective',
  normalise(doc, context) {
    const resource = record(doc.value);
    const metadata = record(resource.metadata);
    const spec = record(resource.spec);
    const name = text(metadata.name) ?? `slo[${doc.index}]`;
    const periodSeconds = parseDuration(spec.window);
    const alerting = record(spec.alerting);
    const alerts = alerting.disabled !== true && alerting.burnrates !== false;
    const slo: Slo = {
      key: `${context.file}#${doc.index}#${name}`,
      name,
      service: text(metadata.namespace),
      format: 'pyrra',
      file: context.file,
      position: doc.positionOf([]),
      target: parseTarget(spec.target, 'percent'),
      targetPosition: doc.positionOf(['spec', 'target']),
      periodSeconds,
      periodPosition: doc.positionOf(['spec', 'window']),
      periodKind: 'rolling',
      indicator: { ...readIndicator(record(spec.indicator)), position: doc.positionOf(['spec', 'indicator']) },
      burnWindows:
        alerts && periodSeconds
          ? pyrraWindows(periodSeconds).map((w) => ({ ...w, source: 'default' as const, position: doc.keyPositionOf(['spec', 'window']) }))
          : [],
      declaredBudget: {},
      declaresBurnAlerting: alerts,
      alertingDisabled: !alerts,
      dashboardRefs: [],
      baseDir: dirOf(context.file),
      labels: stringMap(metadata.labels),
    };
    context.addSlo(slo);
  },
};

function readIndicator(indicator: Record<string, unknown>): Indicator {
  const metric = (value: unknown) => text(record(value).metric);
  if (isRecord(indicator.ratio)) {
    const errors = metric(indicator.ratio.errors);
    const total = metric(indicator.ratio.total);
    return { type: 'ratio', declaredType: 'ratio', errorQuery: errors, totalQuery: total, metrics: queryMetrics([errors, total]) };
  }
  if (isRecord(indicator.latency)) {
    const success = metric(indicator.latency.success);
    const total = metric(indicator.latency.total);
    // The success selector counts the histogram bucket at the threshold: `le="0.05"` means 50 ms.
    const le = success ? analyseQuery(success).facts.selectors.flatMap((s) => s.matchers).find((m) => m.label === 'le' && m.op === '=')?.value : undefined;
    return { type: 'latency', declaredType: 'latency', goodQuery: success, totalQuery: total, thresholdSeconds: parseLatency(le), metrics: queryMetrics([success, total]) };
  }
  if (isRecord(indicator.latencyNative)) {
    const total = metric(indicator.latencyNative.total);
    return { type: 'latency', declaredType: 'latencyNative', totalQuery: total, thresholdSeconds: parseLatency(text(indicator.latencyNative.latency)), metrics: queryMetrics([total]) };
  }
  if (isRecord(indicator.bool_gauge)) {
    const gauge = metric(indicator.bool_gauge);
    return { type: 'ratio', declaredType: 'bool_gauge', goodQuery: gauge, metrics: queryMetrics([gauge]) };
  }
  return { type: 'other', metrics: [] };
}
