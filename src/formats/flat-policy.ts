// The flat policy shape the seed's workflow expected: service, availability{target in percent,
// windows[{name, lookback, burn_rate}]}, latency{p95_ms, p99_ms}, startup_time{p95_ms}.

import { isFlatPolicy } from '../recognise/shapes.js';
import path from 'node:path';
import type { BurnWindow, Slo } from '../model/types.js';
import { parseDuration, parseLatency, parseTarget } from '../model/units.js';
import type { FormatAdapter } from './adapter.js';
import { isRecord, list, number, record, text } from './values.js';

export const flatPolicy: FormatAdapter = {
  kind: 'flat-policy',
  recognise: isFlatPolicy,
  normalise(doc, context) {
    const policy = record(doc.value);
    const service = text(policy.service) ?? path.posix.basename(context.file).replace(/\.[^.]+$/, '');
    const baseDir = path.posix.dirname(context.file) === '.' ? '' : path.posix.dirname(context.file);
    const common = {
      service,
      format: 'flat' as const,
      file: context.file,
      periodSeconds: context.options.defaultPeriodSeconds,
      periodKind: 'rolling' as const,
      declaredBudget: {},
      dashboardRefs: [],
      baseDir,
      labels: {},
    };

    if ('availability' in policy) {
      const availability = record(policy.availability);
      const burnWindows: BurnWindow[] = list(availability.windows).flatMap((entry, i) => {
        const window = record(entry);
        const longSeconds = parseDuration(window.lookback);
        if (longSeconds === undefined) return [];
        return [{ longSeconds, factor: number(window.burn_rate), severity: text(window.name), source: 'slo' as const, position: doc.positionOf(['availability', 'windows', i]) }];
      });
      context.addSlo({
        ...common,
        key: `${context.file}#${service}-availability`,
        name: `${service}-availability`,
        position: doc.keyPositionOf(['availability']),
        target: parseTarget(availability.target, 'percent'),
        targetPosition: doc.positionOf(['availability', 'target']),
        indicator: { type: 'availability', declaredType: 'availability', metrics: [], position: doc.keyPositionOf(['availability']) },
        burnWindows,
        declaresBurnAlerting: burnWindows.length > 0,
      });
    }

    const latencyBlocks: [string, string][] = [
      ['latency', 'latency'],
      ['startup_time', 'startup-time'],
    ];
    for (const [field, label] of latencyBlocks) {
      const block = record(policy[field]);
      for (const [key, value] of Object.entries(block)) {
        const match = /^p(\d+(?:\.\d+)?)_(ms|s)$/.exec(key);
        if (!match) continue;
        context.addSlo({
          ...common,
          key: `${context.file}#${service}-${label}-p${match[1]}`,
          name: `${service}-${label}-p${match[1]}`,
          position: doc.keyPositionOf([field, key]),
          // The flat shape states the percentile, not the share of requests that must meet it.
          target: undefined,
          indicator: {
            type: 'latency',
            declaredType: field,
            thresholdSeconds: parseLatency(value, match[2] as 'ms' | 's'),
            percentile: Number(match[1]),
            metrics: [],
            position: doc.positionOf([field, key]),
          },
          burnWindows: [],
          declaresBurnAlerting: false,
        });
      }
    }
  },
};
