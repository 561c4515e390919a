import type { ModelCheck } from '../check.js';

export const dashboardSchema: ModelCheck = {
  meta: {
    id: 'dashboard/schema',
    severity: 'error',
    kind: 'model',
    description: 'A dashboard without a title or with panels without a type (a missing uid is dashboard/uid).',
    docs: 'docs/checks/dashboard/schema.md',
  },
  run({ model }, context) {
    for (const dashboard of model.dashboards) {
      const name = dashboard.title ?? dashboard.entry ?? dashboard.file;
      if (!dashboard.title) context.report({ file: dashboard.file, ...dashboard.position, subject: name, message: `dashboard${dashboard.entry ? ` ${dashboard.entry}` : ''} has no title` });
      for (const panel of dashboard.panels) {
        if (panel.type) continue;
        context.report({
          file: dashboard.file,
          ...panel.position,
          subject: `${name}/${panel.id ?? panel.title ?? ''}`,
          message: `panel ${panel.title ? `"${panel.title}"` : panel.id !== undefined ? `id ${panel.id}` : ''} in dashboard "${name}" has no type`.replace('  ', ' '),
        });
      }
    }
  },
};
