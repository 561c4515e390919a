import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { errorBudget } from '../../model/burn-rate.js';
import { formatDuration, formatPercent, nearlyEqual, roundTo } from '../../model/units.js';
import { expectedWindows, sameFactor } from './common.js';

// Generators print budgets with float noise (Sloth writes 0.001 as 0.0009999999999999432).
const BUDGET_TOLERANCE = 1e-6;

export const alignBurnThreshold: ModelCheck = {
  meta: {
    id: 'align/burn-threshold',
    severity: 'error',
    kind: 'model',
    description: 'A linked alert whose budget, factor or target differs from its SLO\'s (the SLO says 99.99 %, the alert divides by 1 − 0.999).',
    docs: 'docs/checks/align/burn-threshold.md',
    aboutSlo: true,
  },
  run({ links, sloName }, context) {
    for (const { slo, alerts } of links.bySlo.values()) {
      if (slo.target === undefined) continue;
      const budget = errorBudget(slo.target);
      const expected = expectedWindows(slo);
      for (const { rule, encoding } of alerts) {
        const report = (position: { line: number; column?: number }, message: string) =>
          context.report({ file: rule.file, ...position, subject: slo.name, slo: sloRef(slo), message });
        if (encoding.kind === 'burn-rate') {
          for (const window of encoding.windows) {
            if (window.budget !== undefined && !nearlyEqual(window.budget, budget, BUDGET_TOLERANCE)) {
              report(
                window.position,
                `alert "${rule.name}" uses an error budget of ${roundTo(window.budget, 10)} (a ${formatPercent(1 - window.budget)} target), but SLO "${sloName(slo)}" targets ${formatPercent(slo.target)}: a budget of ${budget}`,
              );
              continue;
            }
            const declared = expected.find((w) => w.longSeconds === window.longSeconds);
            if (declared?.factor !== undefined && window.factor !== undefined && !sameFactor(declared.factor, window.factor)) {
              report(
                window.position,
                `alert "${rule.name}" burns at ${roundTo(window.factor, 3)}× over ${formatDuration(window.longSeconds)}, but SLO "${sloName(slo)}" alerts at ${roundTo(declared.factor, 3)}× over that window`,
              );
            }
          }
        } else if (encoding.kind === 'target') {
          for (const condition of encoding.conditions) {
            if (condition.target === undefined || nearlyEqual(condition.target, slo.target, 1e-9)) continue;
            report(condition.position, `alert "${rule.name}" compares against a ${formatPercent(condition.target)} target, but SLO "${sloName(slo)}" targets ${formatPercent(slo.target)}`);
          }
        } else if (encoding.kind === 'ratio-threshold') {
          // A bare error-ratio threshold is factor × budget for some factor: it must be one of the SLO's.
          const factors = expected.map((w) => w.factor).filter((f): f is number => f !== undefined);
          for (const condition of encoding.conditions) {
            if (!condition.above || condition.threshold >= 1 || factors.length === 0) continue;
            const factor = condition.threshold / budget;
            if (factors.some((f) => sameFactor(f, factor))) continue;
            report(
              condition.position,
              `alert "${rule.name}" fires above an error ratio of ${roundTo(condition.threshold, 10)}, ${roundTo(factor, 3)}× the ${budget} budget of SLO "${sloName(slo)}", whose windows burn at ${factors.map((f) => `${roundTo(f, 3)}×`).join(', ')}`,
            );
          }
        }
      }
    }
  },
};
