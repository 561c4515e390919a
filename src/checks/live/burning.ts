import type { LiveCheck } from '../check.js';
import { formatDurationInOneUnit as promDuration } from '../../model/units.js';
import { describeSpan } from '../../model/units.js';
import { atSlo, weigh, measuredSlos, percent, times, wasMeasured } from './common.js';

export const liveBurning: LiveCheck = {
  meta: {
    id: 'live/burning',
    severity: 'warning',
    kind: 'live',
    description: 'A burn-rate alert of the SLO would be firing now (error under live-fail-on: burning for page-level windows).',
    docs: 'docs/checks/live/burning.md',
    gates: 'always',
  },
  run(input, context) {
    const failOn = input.settings.failOn;
    for (const { slo, result } of measuredSlos(input)) {
      const firing = wasMeasured(result) ? result.windows.filter((window) => window.firing) : [];
      if (firing.length === 0) continue;
      const period = result.periodSeconds !== undefined ? promDuration(result.periodSeconds) : '';
      const described = firing.map((w) => {
        const name = w.shortSeconds ? `${promDuration(w.longSeconds)}/${promDuration(w.shortSeconds)}` : promDuration(w.longSeconds);
        const rates = w.shortSeconds ? `${times(w.burnRate!)}/${times(w.shortBurnRate!)}` : times(w.burnRate!);
        return `${name} burn rate ${rates} over ${times(w.factor!)} (${w.page ? 'page' : w.severity ?? 'ticket'})`;
      });
      const fastest = Math.max(...firing.map((w) => w.burnRate!));
      // `live-fail-on: burning` gates on a page-level burn: the windows that would page someone now.
      const pageLevel = firing.some((w) => w.page);
      context.report({
        ...atSlo(slo),
        severity: failOn === 'burning' && pageLevel ? 'error' : weigh(liveBurning.meta.severity, failOn),
        message: `SLO "${input.linked.sloName(slo)}" is burning its error budget: ${described.join('; ')} — at ${times(fastest)} the whole ${period} budget lasts ${describeSpan(result.periodSeconds! / fastest)}; ${percent(Math.max(0, result.budgetRemaining!))} left`,
      });
    }
  },
};
