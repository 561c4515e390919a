import { sloRef } from '../../model/slo-identity.js';
import { SERVICE_LABELS } from '../../link/link.js';
import type { ModelCheck } from '../check.js';
import { candidateList } from './common.js';

export const alignDashboardMissing: ModelCheck = {
  meta: {
    id: 'align/dashboard-missing',
    severity: 'notice',
    kind: 'model',
    description: 'An SLO that no dashboard panel shows; panels that fit several SLOs equally well.',
    docs: 'docs/checks/align/dashboard-missing.md',
    aboutSlo: true,
  },
  run(linked, context) {
    const { links, sloName } = linked;
    for (const { slo, panels } of links.bySlo.values()) {
      if (panels.length) continue;
      context.report({ file: slo.file, ...slo.position, subject: slo.name, slo: sloRef(slo), message: `no dashboard panel shows SLO "${sloName(slo)}"` });
    }
    for (const ambiguous of links.ambiguous) {
      const { dashboard, panel } = ambiguous;
      if (!dashboard || !panel) continue;
      const title = panel.title ?? panel.id ?? '?';
      context.report({
        file: dashboard.file,
        ...panel.position,
        subject: panel.title,
        message:
          ambiguous.by === 'label'
            ? `panel "${title}" could be SLO ${candidateList(linked, ambiguous, 'or')}: its queries give only the name; select a service label too (${SERVICE_LABELS.join(', ')})`
            : `panel "${title}" fits SLOs ${candidateList(linked, ambiguous, 'and')} equally well; its title or queries should name one`,
      });
    }
  },
};
