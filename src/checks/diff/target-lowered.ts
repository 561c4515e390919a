import type { DiffCheck } from '../check.js';
import { pairSlos } from './pairing.js';
import { sloRef } from '../../model/slo-identity.js';
import { budgetMinutes, DAY } from '../../model/burn-rate.js';
import { describeSpan, formatLatency, formatPercent, roundTo } from '../../model/units.js';

const MONTH = 30 * DAY;

export const diffTargetLowered: DiffCheck = {
  meta: {
    id: 'diff/target-lowered',
    severity: 'error',
    kind: 'diff',
    description: "An SLO's target went down, its period got shorter, or its latency threshold slower, in this change.",
    docs: 'docs/checks/diff/target-lowered.md',
    policyChange: true,
  },
  run({ base, head }, context) {
    for (const [before, after] of pairSlos(base.model, head.model).pairs) {
      if (before.target !== undefined && after.target !== undefined && after.target < before.target) {
        // Minutes per 30 days, whatever the SLO's period: reviewers compare it with "a month of downtime".
        const oldMinutes = roundTo(budgetMinutes(before.target, MONTH), 2);
        const newMinutes = roundTo(budgetMinutes(after.target, MONTH), 2);
        context.report({
          file: after.file,
          ...(after.targetPosition ?? after.position),
          subject: after.name,
          slo: sloRef(after),
          message: `SLO "${head.sloName(after)}" target lowered from ${formatPercent(before.target)} to ${formatPercent(after.target)}: the monthly error budget grows from ${oldMinutes} to ${newMinutes} minutes of downtime`,
        });
      }
      // A latency SLO also weakens when what counts as fast gets slower, or fewer requests must be fast.
      const [was, is] = [before.indicator, after.indicator];
      if (was.thresholdSeconds !== undefined && is.thresholdSeconds !== undefined && is.thresholdSeconds > was.thresholdSeconds) {
        context.report({
          file: after.file,
          ...(is.position ?? after.position),
          subject: after.name,
          slo: sloRef(after),
          message: `SLO "${head.sloName(after)}" latency threshold raised from ${formatLatency(was.thresholdSeconds)} to ${formatLatency(is.thresholdSeconds)}`,
        });
      }
      if (was.percentile !== undefined && is.percentile !== undefined && is.percentile < was.percentile) {
        context.report({ file: after.file, ...(is.position ?? after.position), subject: after.name,
          slo: sloRef(after), message: `SLO "${head.sloName(after)}" latency percentile lowered from p${was.percentile} to p${is.percentile}` });
      }
      if (before.periodSeconds !== undefined && after.periodSeconds !== undefined && after.periodSeconds < before.periodSeconds) {
        context.report({
          file: after.file,
          ...(after.periodPosition ?? after.position),
          subject: after.name,
          slo: sloRef(after),
          message: `SLO "${head.sloName(after)}" period shortened from ${describeSpan(before.periodSeconds)} to ${describeSpan(after.periodSeconds)}: bad minutes are forgotten after ${describeSpan(after.periodSeconds)} instead of ${describeSpan(before.periodSeconds)}`,
        });
      }
    }
  },
};
