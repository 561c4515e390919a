import type { LiveCheck } from '../check.js';
import { MIN_SAMPLES } from '../promql/rate-range.js';
import type { RuleMeasurements, ScrapeInterval } from '../../live/measure-rules.js';
import { formatDuration, parseDuration } from '../../model/units.js';
import { atSelector, ownerName, weigh } from './rule-input.js';

export const liveScrapeInterval: LiveCheck = {
  meta: {
    id: 'live/scrape-interval',
    severity: 'warning',
    kind: 'live',
    description: "rate()/increase() over fewer than 4 samples (irate(): 2), or an alert's `for` shorter than one sample, at the scrape interval the backend actually has.",
    docs: 'docs/checks/live/scrape-interval.md',
    gates: 'always',
  },
  run(input, context) {
    const measured = input.summary.rules;
    if (!measured) return;
    const severity = weigh(liveScrapeInterval.meta.severity, input.settings.failOn);
    const unavailable = measured.unavailable.get('scrape-interval');
    if (unavailable) {
      context.report({ file: '', severity: 'notice', subject: 'scrape-interval', message: `Scrape intervals not measured: ${unavailable}; promql/rate-range keeps the configured scrape-interval.` });
    }
    const reported = new Set<string>();
    for (const use of measured.uses) {
      const interval = measured.intervals.get(use.selector);
      const rule = use.owner.rule;
      if (!interval || !rule) continue;
      const fn = use.fact.functions[0];
      const range = use.fact.rangeSeconds;
      const at = atSelector(use);
      if (fn && fn in MIN_SAMPLES && range !== undefined) {
        const minimum = MIN_SAMPLES[fn] * interval.seconds;
        const key = `${at.subject} ${fn} ${range}`;
        if (range < minimum && !reported.has(key)) {
          reported.add(key);
          context.report({
            ...at,
            severity,
            message: `${ownerName(use)}: ${fn}(${use.selector}[${formatDuration(range)}]) spans fewer than ${MIN_SAMPLES[fn]} samples at its ${describe(interval)}; use at least [${formatDuration(minimum)}]`,
          });
        }
      }
      const holdFor = use.owner.kind === 'alert' && rule.for ? parseDuration(rule.for.value) : undefined;
      if (holdFor !== undefined && holdFor > 0 && holdFor < interval.seconds && !reported.has(`${rule.file} ${rule.group}/${rule.name} for`)) {
        reported.add(`${rule.file} ${rule.group}/${rule.name} for`);
        context.report({
          file: rule.file,
          line: rule.for!.position.line,
          column: rule.for!.position.column,
          subject: `${rule.group}/${rule.name}/for`,
          severity,
          message: `${ownerName(use)}: for: ${rule.for!.value} is shorter than the ${describe(interval)} of ${use.selector}: one sample decides, so the alert fires on a single bad scrape; use at least ${formatDuration(interval.seconds * 2)}`,
        });
      }
    }
  },
};

/**
 * The promql/rate-range findings this check replaces: a selector whose interval was measured is
 * judged at that interval here, not at the configured default there.
 */
export function scrapeIntervalSupersedes(measured: RuleMeasurements | undefined): { check: string; file: string; subject: string }[] {
  if (!measured) return [];
  return measured.uses
    .filter((use) => use.owner.rule && measured.intervals.has(use.selector) && use.fact.metric !== undefined)
    .map((use) => ({ check: 'promql/rate-range', file: use.file, subject: `${use.owner.group}/${use.owner.name}/${use.fact.metric}` }));
}

function describe(interval: ScrapeInterval): string {
  const source = interval.source === 'targets' ? `the configured scrape interval of job "${interval.job}"` : 'sample spacing on the backend';
  return `${formatDuration(interval.seconds)} scrape interval (${source})`;
}
