import type { LiveCheck } from '../check.js';
import { formatDurationInOneUnit as promDuration } from '../../model/units.js';
import { atSlo, weigh, measuredSlos, wasMeasured } from './common.js';

export const liveNoData: LiveCheck = {
  meta: {
    id: 'live/no-data',
    severity: 'warning',
    kind: 'live',
    description: "The SLO's SLI query returns no series: usually a wrong metric name or label.",
    docs: 'docs/checks/live/no-data.md',
    gates: 'always',
  },
  run(input, context) {
    for (const { slo, result } of measuredSlos(input)) {
      const name = `SLO "${input.linked.sloName(slo)}"`;
      if (result.status === 'no-data') {
        context.report({ ...atSlo(slo), severity: weigh(liveNoData.meta.severity, input.settings.failOn), message: `${name}: no data — ${result.reason}` });
      } else if (wasMeasured(result) && result.emptyErrorQuery) {
        // No error series may just mean no errors: worth a look, never a failed gate.
        const period = result.periodSeconds !== undefined ? promDuration(result.periodSeconds) : '';
        context.report({
          ...atSlo(slo),
          severity: 'notice',
          message: `${name}: the error query returns no series over ${period}, so no errors were counted; if requests did fail, check its metric name: ${result.emptyErrorQuery}`,
        });
      }
    }
  },
};
