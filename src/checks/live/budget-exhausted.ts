import type { LiveCheck } from '../check.js';
import { formatDurationInOneUnit as promDuration } from '../../model/units.js';
import { atSlo, weigh, measuredSlos, percent, wasMeasured } from './common.js';

export const liveBudgetExhausted: LiveCheck = {
  meta: {
    id: 'live/budget-exhausted',
    severity: 'error',
    kind: 'live',
    description: "An SLO's error budget for its period is spent (remaining budget ≤ 0).",
    docs: 'docs/checks/live/budget-exhausted.md',
    gates: 'always',
  },
  run(input, context) {
    for (const { slo, result } of measuredSlos(input)) {
      if (!wasMeasured(result) || result.budgetRemaining === undefined || result.budgetRemaining > 0) continue;
      const period = result.periodSeconds !== undefined ? promDuration(result.periodSeconds) : '';
      context.report({
        ...atSlo(slo),
        severity: weigh(liveBudgetExhausted.meta.severity, input.settings.failOn),
        message: `SLO "${input.linked.sloName(slo)}": error budget exhausted — ${percent(1 - result.budgetRemaining)} of the ${period} budget spent (error ratio ${percent(result.errorRatio!, 4)} against ${percent(1 - result.target!, 4)} allowed), ${Math.round(-result.budgetRemainingMinutes! * 10) / 10} min over`,
      });
    }
  },
};
