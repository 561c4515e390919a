import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { errorBudget, factorReachable, maxReachableFactor } from '../../model/burn-rate.js';
import { formatDuration, formatPercent, roundTo } from '../../model/units.js';

export const policyBurnUnreachable: ModelCheck = {
  meta: {
    id: 'policy/burn-unreachable',
    severity: 'error',
    kind: 'model',
    description: 'A burn-rate factor that can never fire: factor × (1 − target) > 1 needs more than 100 % errors.',
    docs: 'docs/checks/policy/burn-unreachable.md',
    aboutSlo: true,
  },
  run({ model, sloName }, context) {
    // Policy-wide windows are shared by many SLOs: report each (window, target) once.
    const reported = new Set<string>();
    for (const slo of model.slos) {
      if (slo.target === undefined) continue;
      for (const window of slo.burnWindows) {
        if (window.factor === undefined || window.factor <= 0 || factorReachable(window.factor, slo.target)) continue;
        const position = window.position ?? slo.position;
        const key = `${slo.file}:${position.line}:${slo.target}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({
          file: slo.file,
          ...position,
          // A generator's own table (Sloth's 14.4× on a 90 % SLO) is the author's to override, not their typo.
          severity: window.source === 'default' ? 'warning' : undefined,
          subject: slo.name,
          slo: sloRef(slo),
          message:
            `SLO "${sloName(slo)}" alerts at ${roundTo(window.factor, 4)}× over ${formatDuration(window.longSeconds)}, which needs an error rate of ` +
            `${formatPercent(window.factor * errorBudget(slo.target), 2)}: at ${formatPercent(slo.target)} no factor above ${roundTo(maxReachableFactor(slo.target), 4)} can fire`,
        });
      }
    }
  },
};
