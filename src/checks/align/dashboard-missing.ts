import type { ModelCheck } from '../check.js';

export const alignDashboardMissing: ModelCheck = {
  meta: {
    id: 'align/dashboard-missing',
    severity: 'notice',
    kind: 'model',
    description: 'An SLO that no dashboard panel shows; panels that fit several SLOs equally well.',
    docs: 'docs/checks/align/dashboard-missing.md',
    aboutSlo: true,
  },
  run({ links }, context) {
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
