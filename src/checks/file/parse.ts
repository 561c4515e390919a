import type { Check } from '../check.js';

export const fileParse: Check = {
  id: 'file/parse',
  severity: 'error',
  description: 'A YAML or JSON file (or a dashboard embedded in one) that cannot be read or parsed.',
  checkModel(model, context) {
    for (const problem of model.unreadable) context.report({ ...problem });
  },
};
