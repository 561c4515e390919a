import type { LiveCheck } from '../check.js';
import { HISTORY_LOOKBACK_SECONDS, PRESENCE_LOOKBACK_SECONDS, type SeriesVerdict } from '../../live/series.js';
import { formatDurationInOneUnit as promDuration } from '../../model/units.js';
import type { SelectorUse } from '../../live/selectors.js';
import { atSelector, ownerName, weigh } from './rule-input.js';

export const liveSeriesMissing: LiveCheck = {
  meta: {
    id: 'live/series-missing',
    severity: 'warning',
    kind: 'live',
    description: "A rule's or SLI's selector selects no series on the backend: a renamed metric, a wrong label, a target that stopped (error when it protects an SLO).",
    docs: 'docs/checks/live/series-missing.md',
    gates: 'always',
  },
  run(input, context) {
    const measured = input.summary.rules;
    if (!measured) return;
    const failOn = input.settings.failOn;
    const unavailable = measured.unavailable.get('series');
    if (unavailable) {
      context.report({ file: '', severity: 'notice', subject: 'series', message: `Selectors of rules and SLI queries not checked for series: ${unavailable}.` });
    }
    const recent = promDuration(PRESENCE_LOOKBACK_SECONDS);
    const history = promDuration(HISTORY_LOOKBACK_SECONDS);
    // A recording rule of the repository is present when its own selectors are: its name need not exist yet.
    const missingSource = new Map<string, { use: SelectorUse; verdict: SeriesVerdict } | null>();
    const sourceOf = (metric: string, depth = 0): { use: SelectorUse; verdict: SeriesVerdict } | null => {
      if (missingSource.has(metric)) return missingSource.get(metric)!;
      missingSource.set(metric, null); // a cycle counts as present
      let found: { use: SelectorUse; verdict: SeriesVerdict } | null = null;
      for (const use of measured.uses) {
        if (use.owner.kind !== 'record' || use.owner.name !== metric || found || depth > 8) continue;
        const through = use.fact.metric !== undefined && measured.recorded.has(use.fact.metric) ? sourceOf(use.fact.metric, depth + 1) : null;
        if (through) found = through;
        const verdict = measured.series.get(use.selector);
        if (verdict && isMissing(use, verdict)) found = { use, verdict };
      }
      missingSource.set(metric, found);
      return found;
    };

    // An SLI whose SLO live/no-data already reports is not reported twice.
    const reportedSlos = new Set(input.summary.slos.filter((r) => r.status === 'no-data' || r.emptyErrorQuery !== undefined).map((r) => r.key));
    const seen = new Set<string>();
    for (const use of measured.uses) {
      if (use.owner.slo && reportedSlos.has(use.owner.slo.key)) continue;
      const at = atSelector(use);
      if (seen.has(at.subject!)) continue;
      seen.add(at.subject!);
      const severity = (breakdownOnly: boolean) => weigh(breakdownOnly ? 'notice' : use.linked ? 'error' : 'warning', failOn);
      const who = ownerName(use);
      if (use.fact.metric !== undefined && measured.recorded.has(use.fact.metric)) {
        const source = sourceOf(use.fact.metric);
        if (!source) continue;
        const where = `${source.use.file}:${source.use.position.line}`;
        context.report({ ...at, severity: severity(false), message: `${who}: reads ${use.fact.metric}, recorded at ${where} from ${source.use.selector}, which ${describe(source.use, source.verdict, recent, history)}` });
        continue;
      }
      const verdict = measured.series.get(use.selector);
      if (!verdict || !isProblem(verdict)) continue;
      const breakdownOnly = verdict.status === 'dropped' && isBreakdownOnly(use, verdict);
      const tail = breakdownOnly ? ' — it counts a part of a total that has series, so it may only mean none of these events happened yet' : '';
      context.report({ ...at, severity: severity(breakdownOnly), message: `${who}: ${use.selector} ${describe(use, verdict, recent, history)}${tail}` });
    }
  },
};

function isProblem(verdict: SeriesVerdict): boolean {
  return verdict.status === 'no-metric' || verdict.status === 'stale' || verdict.status === 'dropped';
}

/** Missing in a way that keeps a recording rule from producing anything that matters. */
function isMissing(use: SelectorUse, verdict: SeriesVerdict): boolean {
  return isProblem(verdict) && !(verdict.status === 'dropped' && isBreakdownOnly(use, verdict));
}

function isBreakdownOnly(use: SelectorUse, verdict: Extract<SeriesVerdict, { status: 'dropped' }>): boolean {
  return verdict.dropping.length > 0 && verdict.dropping.every((d) => use.breakdown.has(d.index) && !d.labelMissing);
}

function describe(use: SelectorUse, verdict: SeriesVerdict, recent: string, history: string): string {
  switch (verdict.status) {
    case 'no-metric':
      return use.fact.metric !== undefined
        ? `selects nothing: the metric ${use.fact.metric} has no series on the backend (none in the last ${history}); a renamed metric or a typo, and the rule never sees data`
        : `selects no series (none in the last ${history})`;
    case 'stale':
      return `stopped reporting: no sample in the last ${recent}, though it had series in the last ${history}`;
    case 'dropped': {
      const metric = use.fact.metric!;
      if (verdict.dropping.length === 0) return `selects none of the ${verdict.nameSeries} series of ${metric}: each matcher alone selects some, but not all of them together`;
      const reasons = verdict.dropping.map((d) => {
        const matcher = `${d.matcher.label}${d.matcher.op}${JSON.stringify(d.matcher.value)}`;
        if (d.labelMissing) return `${matcher} drops them all: no series of ${metric} has a "${d.matcher.label}" label`;
        const seen = d.values.length ? ` (${d.matcher.label} values it has include ${d.values.map((v) => JSON.stringify(v)).join(', ')})` : '';
        return `${matcher} drops them all${seen}`;
      });
      return `selects none of the ${verdict.nameSeries} series of ${metric}: ${reasons.join('; ')}`;
    }
    default:
      return '';
  }
}
