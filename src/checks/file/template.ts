import type { ModelCheck } from '../check.js';
import { dialectName } from '../../parse/template.js';

export const fileTemplate: ModelCheck = {
  meta: {
    id: 'file/template',
    severity: 'notice',
    kind: 'model',
    description: 'A templated file (Helm chart template, Jinja) that could not be read even template-tolerantly: one notice per file, never parse errors.',
    docs: 'docs/checks/file/template.md',
  },
  run({ model }, context) {
    for (const file of model.files) {
      const problem = file.template?.problem;
      if (!problem) continue;
      const what = dialectName(file.template!.dialect);
      context.report({
        file: file.path,
        line: problem.line,
        ...(problem.column !== undefined ? { column: problem.column } : {}),
        message: `${what} ${file.template!.partly ? 'partly ' : ''}not checked: ${problem.message} (render it first for full fidelity: see the README on templated files)`,
      });
    }
  },
};
