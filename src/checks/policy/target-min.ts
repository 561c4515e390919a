import type { ModelCheck } from '../check.js';
import { configOptions } from '../options.js';
import { formatPercent } from '../../model/units.js';

export const policyTargetMin: ModelCheck = {
  meta: {
    id: 'policy/target-min',
    severity: 'error',
    kind: 'model',
    description: 'An availability SLO whose target is below the configured minimum (default 99.9 %).',
    docs: 'docs/checks/policy/target-min.md',
    options: configOptions('min-availability'),
    aboutSlo: true,
  },
  run({ model }, context) {
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
