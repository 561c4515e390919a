import type { Check } from '../check.js';

export const fileMissing: Check = {
  id: 'file/missing',
  severity: 'error',
  description: 'A file that a policy refers to (a dashboard it names) does not exist.',
  checkModel(model, context) {
    // Several SLOs of one policy share its dashboard list: report each reference once.
    const reported = new Set<string>();
    for (const slo of model.slos) {
      for (const ref of slo.dashboardRefs) {
        const key = `${slo.file}:${ref.position.line}:${ref.path}`;
        if (ref.exists !== false || reported.has(key)) continue;
        reported.add(key);
        context.report({
          file: slo.file,
          ...ref.position,
          subject: ref.path,
          message: ref.resolved
            ? `dashboard "${ref.path}" does not exist (looked for ${ref.resolved})`
            : `dashboard "${ref.path}" points outside the checked directory`,
        });
      }
    }
  },
};
