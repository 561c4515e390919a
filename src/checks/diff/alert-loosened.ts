import type { DiffCheck } from '../check.js';
import { alertIdentity, pairAlerts, pairSlos } from './pairing.js';
import { linkedAlerts } from '../../link/queries.js';
import { sloRef } from '../../model/slo-identity.js';
import type { LinkedModel } from '../../link/types.js';
import { pairWindows, reportWindowChanges, windowText, type WindowChange } from './windows.js';
import type { ComparisonFact } from '../../lang/promql/analyse.js';
import type { Position, Rule } from '../../model/types.js';
import { formatDuration, formatLatency, nearlyEqual, parseDuration, roundTo } from '../../model/units.js';
import { queryPosition } from '../../model/placement.js';

export const diffAlertLoosened: DiffCheck = {
  meta: {
    id: 'diff/alert-loosened',
    severity: 'warning',
    kind: 'diff',
    description: "A linked alert's threshold, burn-rate factor, window or `for` moved in the direction that alerts later.",
    docs: 'docs/checks/diff/alert-loosened.md',
    policyChange: true,
  },
  run({ base, head }, context) {
    const windowChanges: WindowChange[] = [];
    for (const [before, after] of pairSlos(base.model, head.model).pairs) {
      const { pairs } = pairAlerts(linkedAlerts(base, before), linkedAlerts(head, after), alertIdentity);
      for (const [old, now] of pairs) {
        const changes = loosenings({ old: base, now: head }, old, now);
        if (changes.length === 0) continue;
        context.report({
          file: now.file,
          ...changes[0].position,
          subject: `${after.name}/${now.name}`,
          slo: sloRef(after),
          message: `alert "${now.name}" for SLO "${head.sloName(after)}" fires later than before: ${changes.map((change) => change.text).join(', ')}`,
        });
      }
      for (const [old, now] of pairWindows(before.burnWindows, after.burnWindows).pairs) {
        const laterFactor = old.factor !== undefined && now.factor !== undefined && now.factor < old.factor;
        if (!laterFactor && !(now.longSeconds > old.longSeconds)) continue;
        windowChanges.push({
          file: after.file,
          position: now.position ?? after.position,
          slo: after,
          name: head.sloName(after),
          subject: `${windowText(now)}`,
          text: `burn-rate alert fires later than before: ${windowText(old)} → ${windowText(now)}`,
        });
      }
    }
    reportWindowChanges(windowChanges, context.report);
  },
};

interface Change {
  text: string;
  position: Position;
}

/** What moved towards alerting later. Thresholds and windows come from src/link's reading of each alert. */
function loosenings(model: { old: LinkedModel; now: LinkedModel }, old: Rule, now: Rule): Change[] {
  const changes: Change[] = [];
  const before = model.old.links.encodings.get(old)?.conditions ?? [];
  const after = model.now.links.encodings.get(now)?.conditions ?? [];
  // A changed number of conditions is a rewrite, not a moved threshold: nothing to pair.
  if (before.length === after.length) {
    before.forEach((was, index) => {
      const is = after[index];
      if (was.above !== is.above) return;
      const position = thresholdPosition(now, is.position);
      if (was.factor !== undefined && is.factor !== undefined) {
        // The factor, not the threshold: a budget that moved with the target is diff/target-lowered's.
        if (is.factor < was.factor && !nearlyEqual(is.factor, was.factor)) changes.push({ text: `burn-rate factor ${roundTo(was.factor, 4)} → ${roundTo(is.factor, 4)}`, position });
      } else if (was.latency && is.latency) {
        if (is.latency.thresholdSeconds > was.latency.thresholdSeconds && !nearlyEqual(is.latency.thresholdSeconds, was.latency.thresholdSeconds)) {
          changes.push({ text: `latency threshold ${formatLatency(was.latency.thresholdSeconds)} → ${formatLatency(is.latency.thresholdSeconds)}`, position });
        }
      } else if ((is.above ? is.threshold > was.threshold : is.threshold < was.threshold) && !nearlyEqual(is.threshold, was.threshold)) {
        changes.push({ text: `threshold ${roundTo(was.threshold, 6)} → ${roundTo(is.threshold, 6)}`, position });
      }
      const wasWindow = Math.max(0, ...was.windows);
      const isWindow = Math.max(0, ...is.windows);
      if (wasWindow > 0 && isWindow > wasWindow) changes.push({ text: `window ${formatDuration(wasWindow)} → ${formatDuration(isWindow)}`, position: is.position });
    });
  }
  const oldFor = parseDuration(old.for?.value ?? '0') ?? 0;
  const newFor = parseDuration(now.for?.value ?? '0') ?? 0;
  if (newFor > oldFor) changes.push({ text: `for ${formatDuration(oldFor)} → ${formatDuration(newFor)}`, position: now.for?.position ?? now.namePosition });
  return changes;
}

/**
 * Where the threshold number of a condition is written. src/link places a condition at the start
 * of its comparison, which in a multi-line query can be lines above the number that changed.
 */
function thresholdPosition(rule: Rule, conditionStart: Position): Position {
  const comparison = rule.expr.analysis.facts.comparisons.find((candidate) => {
    const start = queryPosition(rule.expr, candidate.from);
    return start.line === conditionStart.line && start.column === conditionStart.column;
  });
  if (!comparison || comparison.threshold === undefined) return conditionStart;
  return queryPosition(rule.expr, thresholdOffset(rule.expr.text, comparison));
}

/** After the operator for `x > t` (and `bool`), at the start for `t < x`. */
function thresholdOffset(text: string, comparison: ComparisonFact): number {
  if (comparison.thresholdSide === 'left') return comparison.from;
  const span = text.slice(comparison.from, comparison.to);
  const operator = span.lastIndexOf(comparison.op);
  if (operator < 0) return comparison.from;
  const skip = /^\s*(?:bool\s+)?/.exec(span.slice(operator + comparison.op.length))![0].length;
  return comparison.from + operator + comparison.op.length + skip;
}
