import type { ModelCheck } from '../check.js';
import { histogramFamilies, rawCounterMessage, rawCounterUses } from './counters.js';
import { queryPosition } from '../../model/placement.js';

export const promqlCounter: ModelCheck = {
  meta: {
    id: 'promql/counter',
    severity: 'warning',
    kind: 'model',
    description: 'A counter (_total, _count, _sum, _bucket) compared or aggregated raw, without rate(), irate() or increase().',
    docs: 'docs/checks/promql/counter.md',
  },
  run({ model }, context) {
    const families = histogramFamilies(model);
    for (const rule of model.rules) {
      if (rule.expr.analysis.errors.length > 0) continue; // promql/syntax speaks first
      for (const use of rawCounterUses(rule.expr, families)) {
        context.report({
          file: rule.file,
          ...queryPosition(rule.expr, use.selector.from),
          subject: `${rule.group}/${rule.name}/${use.metric}`,
          message: `${rule.kind} "${rule.name}": ${rawCounterMessage(use)}`,
        });
      }
    }
  },
};
