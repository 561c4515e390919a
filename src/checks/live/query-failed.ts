import type { LiveCheck } from '../check.js';
import { atSlo, weigh, measuredSlos } from './common.js';

export const liveQueryFailed: LiveCheck = {
  meta: {
    id: 'live/query-failed',
    severity: 'error',
    kind: 'live',
    description: "The backend returned an error for the SLO's query.",
    docs: 'docs/checks/live/query-failed.md',
    gates: 'always',
  },
  run(input, context) {
    for (const { slo, result } of measuredSlos(input)) {
      if (result.status !== 'failed') continue;
      context.report({
        ...atSlo(slo),
        severity: weigh(liveQueryFailed.meta.severity, input.settings.failOn),
        message: `SLO "${input.linked.sloName(slo)}": its query failed: ${result.reason} — query: ${result.query ?? '?'}`,
      });
    }
  },
};
