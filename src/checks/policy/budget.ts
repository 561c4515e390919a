import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { budgetMinutes, errorBudget } from '../../model/burn-rate.js';
import { formatDuration, formatPercent, nearlyEqual, roundTo } from '../../model/units.js';

export const policyBudget: ModelCheck = {
  meta: {
    id: 'policy/budget',
    severity: 'error',
    kind: 'model',
    description: 'A declared error budget that disagrees with the target (budget ≠ 1 − target, downtime ≠ period × (1 − target)).',
    docs: 'docs/checks/policy/budget.md',
    aboutSlo: true,
  },
  run({ model, sloName }, context) {
    for (const slo of model.slos) {
      if (slo.target === undefined) continue;
      const budget = errorBudget(slo.target);
      const declaredRatio = slo.declaredBudget.ratio;
      if (declaredRatio && !nearlyEqual(declaredRatio.value, budget, 1e-6)) {
        context.report({
          file: slo.file,
          ...(declaredRatio.position ?? slo.position),
          subject: slo.name,
          slo: sloRef(slo),
          message: `SLO "${sloName(slo)}" declares an error budget of ${declaredRatio.value}, but a target of ${formatPercent(slo.target)} leaves ${budget}`,
        });
      }
      const declaredMinutes = slo.declaredBudget.downtimeMinutes;
      if (declaredMinutes && slo.periodSeconds !== undefined) {
        const minutes = budgetMinutes(slo.target, slo.periodSeconds);
        // Authors round to a few decimals: accept a 0.5 % relative difference.
        if (!nearlyEqual(declaredMinutes.value, minutes, 0.005)) {
          context.report({
            file: slo.file,
            ...(declaredMinutes.position ?? slo.position),
            subject: slo.name,
            slo: sloRef(slo),
            message: `SLO "${sloName(slo)}" declares ${declaredMinutes.value} minutes of downtime, but ${formatPercent(slo.target)} over ${formatDuration(slo.periodSeconds)} allows ${roundTo(minutes, 2)} minutes`,
          });
        }
      }
    }
  },
};
