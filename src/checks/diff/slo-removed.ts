import type { DiffCheck } from './diff-check.js';
import { pairSlos } from './links.js';
import { formatPercent } from '../../model/units.js';

export const diffSloRemoved: DiffCheck = {
  id: 'diff/slo-removed',
  severity: 'error',
  description: 'An SLO present in the base is gone from the head.',
  compare(base, head, context) {
    for (const slo of pairSlos(base, head).removed) {
      const target = slo.target !== undefined ? ` (target ${formatPercent(slo.target)})` : '';
      context.report({
        file: slo.file,
        ...context.headPosition(slo.file, slo.position),
        subject: slo.name,
        message: `SLO "${slo.name}"${slo.service ? ` of service "${slo.service}"` : ''}${target} was removed`,
      });
    }
  },
};
