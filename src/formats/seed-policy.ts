// The seed system's policy file: apiVersion slo/v1, kind SLOPolicy. Targets are ratios (0.999).

import path from 'node:path';
import type { BurnWindow, Indicator, IndicatorType, Slo } from '../model/types.js';
import { parseDuration, parseLatency, parseTarget } from '../model/units.js';
import type { FormatAdapter } from './adapter.js';
import { isRecord, list, number, record, text } from './values.js';

const INDICATOR_TYPES: Record<string, IndicatorType> = {
  availability: 'availability',
  error_rate: 'error-rate',
  latency: 'latency',
  throughput: 'throughput',
};

export const seedPolicy: FormatAdapter = {
  kind: 'slo-policy',
  recognise: (value) => isRecord(value) && value.apiVersion === 'slo/v1' && value.kind === 'SLOPolicy',
  normalise(doc, context) {
    const policy = record(doc.value);
    const policyWindows: BurnWindow[] = list(record(policy.alerts).burn_rate_thresholds).flatMap((entry, i) => {
      const window = record(entry);
      const longSeconds = parseDuration(window.window);
      if (longSeconds === undefined) return [];
      return [
        {
          longSeconds,
          factor: number(window.threshold),
          severity: text(window.severity),
          source: 'policy' as const,
          position: doc.positionOf(['alerts', 'burn_rate_thresholds', i]),
        },
      ];
    });
    const dashboardRefs = list(record(policy.reporting).dashboards).flatMap((entry, i) => {
      const written = text(record(entry).path) ?? text(entry);
      return written ? [{ path: written, position: doc.positionOf(['reporting', 'dashboards', i, ...(isRecord(entry) ? ['path'] : [])]) }] : [];
    });

    list(policy.slos).forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const at = (...rest: (string | number)[]) => ['slos', i, ...rest];
      const name = text(entry.name) ?? `slos[${i}]`;
      const indicatorValue = record(entry.indicator);
      const declaredType = text(indicatorValue.type);
      const type = INDICATOR_TYPES[declaredType ?? ''] ?? 'other';
      const indicator: Indicator = {
        type,
        declaredType,
        metrics: [],
        position: doc.positionOf(at('indicator')),
      };
      if (type === 'latency') {
        indicator.thresholdSeconds = parseLatency(indicatorValue.threshold, 'ms');
        indicator.percentile = number(indicatorValue.percentile);
      }
      if (type === 'throughput') indicator.minimumRate = number(indicatorValue.minimum_rate);
      const budget = record(entry.error_budget);
      // Windows named on the SLO take their factor from the policy-wide threshold for the same window.
      const sloWindows: BurnWindow[] = list(budget.burn_rate_windows).flatMap((written, k) => {
        const longSeconds = parseDuration(written);
        if (longSeconds === undefined) return [];
        const policyWindow = policyWindows.find((w) => w.longSeconds === longSeconds);
        return [{ longSeconds, factor: policyWindow?.factor, severity: policyWindow?.severity, source: 'slo' as const, position: doc.positionOf(at('error_budget', 'burn_rate_windows', k)) }];
      });
      const burnWindows = sloWindows.length > 0 ? sloWindows : policyWindows;
      const slo: Slo = {
        key: `${context.file}#${name}`,
        name,
        format: 'slo/v1',
        file: context.file,
        position: doc.positionOf(at()),
        target: parseTarget(entry.target, 'ratio'),
        targetPosition: doc.positionOf(at('target')),
        periodSeconds: parseDuration(entry.window),
        periodPosition: doc.positionOf(at('window')),
        periodKind: 'rolling',
        indicator,
        burnWindows,
        declaredBudget: {
          ratio: number(budget.monthly_budget) !== undefined ? { value: number(budget.monthly_budget)!, position: doc.positionOf(at('error_budget', 'monthly_budget')) } : undefined,
          downtimeMinutes:
            number(budget.max_downtime_minutes) !== undefined
              ? { value: number(budget.max_downtime_minutes)!, position: doc.positionOf(at('error_budget', 'max_downtime_minutes')) }
              : undefined,
        },
        declaresBurnAlerting: burnWindows.length > 0,
        dashboardRefs,
        baseDir: path.posix.dirname(context.file) === '.' ? '' : path.posix.dirname(context.file),
        labels: {},
      };
      context.addSlo(slo);
    });
  },
};
