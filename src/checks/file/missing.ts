import type { ModelCheck } from '../check.js';

export const fileMissing: ModelCheck = {
  meta: {
    id: 'file/missing',
    severity: 'error',
    kind: 'model',
    description: 'A file that a policy refers to (a dashboard it names) does not exist.',
    docs: 'docs/checks/file/missing.md',
  },
  run({ model, references }, context) {
    // Several SLOs of one policy share its dashboard list: report each reference once.
    const reported = new Set<string>();
    for (const slo of model.slos) {
      for (const ref of slo.dashboardRefs) {
        const key = `${slo.file}:${ref.position.line}:${ref.path}`;
        const resolution = references.get(ref);
        if (resolution?.exists !== false || reported.has(key)) continue;
        reported.add(key);
        context.report({
          file: slo.file,
          ...ref.position,
          subject: ref.path,
          message: resolution.resolved
            ? `dashboard "${ref.path}" does not exist (looked for ${resolution.resolved})`
            : `dashboard "${ref.path}" points outside the checked directory`,
        });
      }
    }
  },
};
