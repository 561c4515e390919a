import type { DiffCheck } from '../check.js';
import { pairSlos } from './pairing.js';
import { sloRef } from '../../model/slo-identity.js';
import { formatPercent } from '../../model/units.js';

export const diffSloRemoved: DiffCheck = {
  meta: {
    id: 'diff/slo-removed',
    severity: 'error',
    kind: 'diff',
    description: 'An SLO present in the base is gone from the head.',
    docs: 'docs/checks/diff/slo-removed.md',
    policyChange: true,
  },
  run({ base, head, headPosition }, context) {
    for (const slo of pairSlos(base.model, head.model).removed) {
      const target = slo.target !== undefined ? ` (target ${formatPercent(slo.target)})` : '';
      context.report({
        file: slo.file,
        ...headPosition(slo.file, slo.position),
        subject: slo.name,
        slo: sloRef(slo),
        message: `SLO "${slo.name}"${slo.service ? ` of service "${slo.service}"` : ''}${target} was removed`,
      });
    }
  },
};
