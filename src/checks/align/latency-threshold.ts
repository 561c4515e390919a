import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { formatLatency, nearlyEqual, roundTo } from '../../model/units.js';

export const alignLatencyThreshold: ModelCheck = {
  meta: {
    id: 'align/latency-threshold',
    severity: 'error',
    kind: 'model',
    description: 'A latency alert linked to a latency SLO that compares against a different threshold or percentile.',
    docs: 'docs/checks/align/latency-threshold.md',
    aboutSlo: true,
  },
  run({ links, sloName }, context) {
    for (const { slo, alerts } of links.bySlo.values()) {
      const { thresholdSeconds, percentile } = slo.indicator;
      if (slo.indicator.type !== 'latency' || thresholdSeconds === undefined) continue;
      const sloText = `${formatLatency(thresholdSeconds)}${percentile !== undefined ? ` at p${roundTo(percentile, 3)}` : ''}`;
      for (const { rule, encoding } of alerts) {
        for (const condition of encoding.conditions) {
          if (!condition.latency) continue;
          const alert = condition.latency;
          const thresholdDiffers = !nearlyEqual(alert.thresholdSeconds, thresholdSeconds, 1e-6);
          const percentileDiffers = percentile !== undefined && alert.percentile !== undefined && !nearlyEqual(alert.percentile, percentile, 1e-6);
          if (!thresholdDiffers && !percentileDiffers) continue;
          context.report({
            file: rule.file,
            ...condition.position,
            subject: slo.name,
            slo: sloRef(slo),
            message: `alert "${rule.name}" fires above ${formatLatency(alert.thresholdSeconds)}${alert.percentile !== undefined ? ` at p${roundTo(alert.percentile, 3)}` : ''}, but SLO "${sloName(slo)}" allows ${sloText}`,
          });
        }
      }
    }
  },
};
