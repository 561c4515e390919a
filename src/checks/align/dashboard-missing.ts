import type { Check } from '../check.js';
import { linksOf } from './common.js';

export const alignDashboardMissing: Check = {
  id: 'align/dashboard-missing',
  severity: 'notice',
  description: 'An SLO that no dashboard panel shows; panels that fit several SLOs equally well.',
  checkModel(model, context) {
    const links = linksOf(model);
    for (const { slo, panels } of links.bySlo.values()) {
      if (panels.length) continue;
      context.report({ file: slo.file, ...slo.position, subject: slo.name, message: `no dashboard panel shows SLO "${slo.name}"` });
    }
    for (const { dashboard, panel, candidates } of links.ambiguous) {
      if (!dashboard || !panel) continue;
      context.report({
        file: dashboard.file,
        ...panel.position,
        subject: panel.title,
        message: `panel "${panel.title ?? panel.id ?? '?'}" fits SLOs ${candidates.map((s) => `"${s.name}"`).join(' and ')} equally well; its title or queries should name one`,
      });
    }
  },
};
