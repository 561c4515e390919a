import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import type { Slo } from '../../model/types.js';

export const policyDuplicate: ModelCheck = {
  meta: {
    id: 'policy/duplicate',
    severity: 'error',
    kind: 'model',
    description: 'Two SLOs with the same name (and service) in the repository.',
    docs: 'docs/checks/policy/duplicate.md',
    aboutSlo: true,
  },
  run({ model }, context) {
    const seen = new Map<string, Slo>();
    for (const slo of model.slos) {
      const identity = `${slo.service ?? ''}\u0000${slo.name}`;
      const first = seen.get(identity);
      if (!first) {
        seen.set(identity, slo);
        continue;
      }
      context.report({
        file: slo.file,
        ...slo.position,
        // In another file it may be another deployment of the same spec (a CLI and a CRD variant): worth a look, not a failure.
        severity: first.file === slo.file ? undefined : 'warning',
        subject: slo.name,
        slo: sloRef(slo),
        message: `SLO "${slo.name}"${slo.service ? ` of service "${slo.service}"` : ''} is already defined at ${first.file}:${first.position.line}`,
      });
    }
  },
};
