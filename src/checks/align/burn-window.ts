import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { formatDuration, roundTo } from '../../model/units.js';
import { expectedWindows, sameFactor, windowName } from './common.js';

export const alignBurnWindow: ModelCheck = {
  meta: {
    id: 'align/burn-window',
    severity: 'warning',
    kind: 'model',
    description: 'A linked burn-rate alert whose long or short window differs from the windows its SLO or policy declares.',
    docs: 'docs/checks/align/burn-window.md',
    aboutSlo: true,
  },
  run({ links, sloName }, context) {
    for (const { slo, alerts } of links.bySlo.values()) {
      const expected = expectedWindows(slo);
      if (expected.length === 0) continue;
      for (const { rule, encoding } of alerts) {
        for (const window of encoding.windows) {
          const report = (message: string) => context.report({ file: rule.file, ...window.position, subject: slo.name, slo: sloRef(slo), message });
          const same = expected.find((w) => w.longSeconds === window.longSeconds);
          if (same) {
            if (same.shortSeconds && window.shortSeconds && same.shortSeconds !== window.shortSeconds) {
              report(`alert "${rule.name}" confirms its ${formatDuration(window.longSeconds)} window with ${formatDuration(window.shortSeconds)}, but SLO "${sloName(slo)}" uses ${formatDuration(same.shortSeconds)}`);
            }
            continue;
          }
          const byFactor = window.factor === undefined ? undefined : expected.find((w) => w.factor !== undefined && sameFactor(w.factor, window.factor!));
          report(
            byFactor
              ? `alert "${rule.name}" burns at ${roundTo(window.factor!, 3)}× over ${windowName({ ...window, factor: undefined })}, but SLO "${sloName(slo)}"'s ${roundTo(byFactor.factor!, 3)}× window is ${windowName({ ...byFactor, factor: undefined })}`
              : `alert "${rule.name}" burns over ${windowName({ ...window, factor: undefined })}, which is none of SLO "${sloName(slo)}"'s windows (${expected.map(windowName).join(', ')})`,
          );
        }
      }
    }
  },
};
