import type { Check } from '../check.js';
import { formatDuration, roundTo } from '../../model/units.js';
import { linksOf } from './common.js';

export const alignSingleWindow: Check = {
  id: 'align/single-window',
  severity: 'warning',
  description: 'A burn-rate alert with one window and no short confirmation window: it keeps firing long after the burn stops.',
  checkModel(model, context) {
    for (const [rule, encoding] of linksOf(model).encodings) {
      for (const window of encoding.windows) {
        if (window.shortSeconds !== undefined) continue;
        context.report({
          file: rule.file,
          ...window.position,
          subject: rule.name,
          message:
            `alert "${rule.name}" burns at ${roundTo(window.factor ?? 0, 3)}× over ${formatDuration(window.longSeconds)} alone; ` +
            `add a short window of about 1/12 of it (${formatDuration(Math.round(window.longSeconds / 12))}) with the same threshold, so it stops soon after the burn does`,
        });
      }
    }
  },
};
