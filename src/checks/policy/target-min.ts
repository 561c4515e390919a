import type { Check } from '../check.js';
import { formatPercent } from '../../model/units.js';

export const policyTargetMin: Check = {
  id: 'policy/target-min',
  severity: 'error',
  description: 'An availability SLO whose target is below the configured minimum (default 99.9 %).',
  checkModel(model, context) {
    for (const slo of model.slos) {
      if (slo.target === undefined) continue;
      if (slo.indicator.type !== 'availability' && slo.indicator.type !== 'error-rate') continue;
      // Compare in percent rounded to 10 decimals so 0.999 equals a 99.9 minimum.
      if (Math.round(slo.target * 1e10) >= Math.round(context.config.minAvailability * 1e10)) continue;
      context.report({
        file: slo.file,
        ...(slo.targetPosition ?? slo.position),
        subject: slo.name,
        message: `SLO "${slo.name}" targets ${formatPercent(slo.target)}, below the minimum availability of ${formatPercent(context.config.minAvailability)}`,
      });
    }
  },
};
