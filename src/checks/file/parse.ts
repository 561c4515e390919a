import type { ModelCheck } from '../check.js';

export const fileParse: ModelCheck = {
  meta: {
    id: 'file/parse',
    severity: 'error',
    kind: 'model',
    description: 'A YAML or JSON file (or a dashboard embedded in one) that cannot be read or parsed.',
    docs: 'docs/checks/file/parse.md',
  },
  run({ model }, context) {
    for (const { file, line, column, message } of model.unreadable) context.report({ file, line, column, message });
  },
};
