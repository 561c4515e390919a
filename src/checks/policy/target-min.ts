import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { configOptions } from '../options.js';
import { DEFAULT_MIN_AVAILABILITY } from '../../config/config.js';
import { formatPercent } from '../../model/units.js';
import { sloKind } from './slo-kind.js';

export const policyTargetMin: ModelCheck = {
  meta: {
    id: 'policy/target-min',
    severity: 'error',
    kind: 'model',
    description: 'An availability SLO whose target is below the configured minimum (default 99.9 %), or a latency SLO below min-latency-objective.',
    docs: 'docs/checks/policy/target-min.md',
    options: configOptions('min-availability', 'min-latency-objective'),
    aboutSlo: true,
  },
  run({ model, sloName }, context) {
    const { minAvailability, minLatencyObjective } = context.config;
    for (const slo of model.slos) {
      if (slo.target === undefined) continue;
      const kind = sloKind(slo);
      // A throughput SLO promises a rate, not a share of good requests: no minimum target applies.
      if (kind === 'throughput') continue;
      const at = { file: slo.file, ...(slo.targetPosition ?? slo.position), subject: slo.name, slo: sloRef(slo) };
      if (kind === 'unknown') {
        context.report({
          ...at,
          severity: 'notice',
          message: `SLO "${sloName(slo)}": cannot tell whether it measures availability or latency (${slo.indicator.declaredType ?? slo.indicator.type} indicator), so no minimum target was applied`,
        });
        continue;
      }
      // A floor the repository did not choose is slo-gate's default: worth a warning, not a red gate.
      const chosen = kind === 'availability' ? minAvailability : minLatencyObjective;
      const minimum = chosen ?? (kind === 'availability' ? DEFAULT_MIN_AVAILABILITY : undefined);
      // Compare in percent rounded to 10 decimals so 0.999 equals a 99.9 minimum.
      if (minimum === undefined || Math.round(slo.target * 1e10) >= Math.round(minimum * 1e10)) continue;
      const message =
        kind === 'latency'
          ? `SLO "${sloName(slo)}" targets ${formatPercent(slo.target)}, below min-latency-objective of ${formatPercent(minimum)}`
          : chosen !== undefined
            ? `SLO "${sloName(slo)}" targets ${formatPercent(slo.target)}, below the minimum availability of ${formatPercent(minimum)}`
            : `SLO "${sloName(slo)}" targets ${formatPercent(slo.target)}, below slo-gate's default minimum availability of ${formatPercent(minimum)} (set min-availability to your floor to make this an error, or to accept it)`;
      context.report({ ...at, ...(chosen === undefined ? { severity: 'warning' } : {}), message });
    }
  },
};
