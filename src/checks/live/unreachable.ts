import type { LiveCheck } from '../check.js';
import { weigh } from './common.js';

export const liveUnreachable: LiveCheck = {
  meta: {
    id: 'live/unreachable',
    severity: 'error',
    kind: 'live',
    description: 'The Prometheus API could not be used at all: connection refused, TLS, timeout, 401/403.',
    docs: 'docs/checks/live/unreachable.md',
    gates: 'always',
  },
  run({ summary, settings }, context) {
    const notEvaluated = summary.slos.filter((result) => result.status === 'not-evaluated');
    if (notEvaluated.length === 0) return;
    const why = summary.unreachable ?? `the live time budget of ${settings.budgetSeconds}s ran out`;
    const measurable = summary.slos.filter((result) => result.status !== 'not-measurable').length;
    context.report({
      file: '',
      severity: weigh(liveUnreachable.meta.severity, settings.failOn),
      message: `Prometheus API at ${summary.url} could not be used: ${why}. ${notEvaluated.length} of ${measurable} measurable SLO(s) not evaluated live; the static checks still ran.`,
      subject: summary.url,
    });
  },
};
