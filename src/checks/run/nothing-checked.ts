import type { ModelCheck } from '../check.js';
import type { Model } from '../../model/types.js';

/**
 * A run that recognised no file proves nothing: a mistyped `path`, an `include` that matches
 * nothing or a workflow without actions/checkout would otherwise pass as "0 files, no findings".
 */
export function nothingCheckedMessage(model: Pick<Model, 'files'>): string | undefined {
  if (model.files.some((file) => file.kinds.length > 0)) return undefined;
  const read = model.files.length;
  const what = read === 0 ? 'no YAML or JSON file was found under the checked path' : `none of the ${read} YAML/JSON file(s) read is an SLO policy, rule file or dashboard (the report lists each one under "skipped", with why)`;
  return `nothing was checked: ${what}. Check \`path\`, \`include\` and \`exclude\`, and that the workflow checks the repository out (actions/checkout) before slo-gate runs.`;
}

export const runNothingChecked: ModelCheck = {
  meta: {
    id: 'run/nothing-checked',
    severity: 'warning',
    kind: 'model',
    description: 'No SLO policy, rule file or dashboard was recognised, so the run checked nothing.',
    docs: 'docs/checks/run/nothing-checked.md',
  },
  run({ model }, context) {
    const message = nothingCheckedMessage(model);
    if (message) context.report({ file: '', message, headline: true });
  },
};
