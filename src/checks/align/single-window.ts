import type { ModelCheck } from '../check.js';
import { formatDuration, roundTo } from '../../model/units.js';

export const alignSingleWindow: ModelCheck = {
  meta: {
    id: 'align/single-window',
    severity: 'warning',
    kind: 'model',
    description: 'A burn-rate alert of an SLO with one window and no short confirmation window: it keeps firing long after the burn stops.',
    docs: 'docs/checks/align/single-window.md',
    aboutSlo: true,
  },
  run({ links }, context) {
    // Only alerts linked to an SLO: a plain latency or error-ratio alert in a repository without
    // SLOs is not a burn-rate alert, whatever its threshold looks like.
    const linked = new Set([...links.bySlo.values()].flatMap(({ alerts }) => alerts.map((alert) => alert.rule)));
    for (const [rule, encoding] of links.encodings) {
      if (!linked.has(rule)) continue;
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
