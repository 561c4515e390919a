import type { ModelCheck } from '../check.js';
import { configOptions } from '../options.js';
import { formatDuration } from '../../model/units.js';
import { queryPosition } from '../../model/placement.js';

// rate() and increase() extrapolate from the samples inside the range: with fewer than four, one
// missed scrape leaves one sample or none, and the result jumps or disappears (the reasoning
// behind Grafana's $__rate_interval). irate() only needs the last two samples.
export const MIN_SAMPLES: Record<string, number> = { rate: 4, increase: 4, irate: 2 };

export const promqlRateRange: ModelCheck = {
  meta: {
    id: 'promql/rate-range',
    severity: 'warning',
    kind: 'model',
    description: 'rate()/increase() over a range shorter than 4 sampling intervals (irate(): 2), so one missed scrape empties it.',
    docs: 'docs/checks/promql/rate-range.md',
    options: configOptions('evaluation-interval', 'scrape-interval'),
  },
  run({ model }, context) {
    // A recorded series is sampled at its group's evaluation interval, a scraped one at the scrape interval.
    const recordedEvery = new Map<string, { seconds: number; group?: string }>();
    for (const rule of model.rules) {
      if (rule.kind !== 'record') continue;
      recordedEvery.set(rule.name, rule.groupIntervalSeconds !== undefined ? { seconds: rule.groupIntervalSeconds, group: rule.group } : { seconds: context.config.evaluationIntervalSeconds });
    }
    for (const rule of model.rules) {
      if (rule.expr.analysis.errors.length > 0) continue;
      const reported = new Set<string>();
      for (const selector of rule.expr.analysis.facts.selectors) {
        const fn = selector.functions[0];
        if (selector.rangeSeconds === undefined || !fn || !(fn in MIN_SAMPLES)) continue;
        const recorded = selector.metric !== undefined ? recordedEvery.get(selector.metric) : undefined;
        const interval = recorded?.seconds ?? context.config.scrapeIntervalSeconds;
        const minimum = MIN_SAMPLES[fn] * interval;
        if (selector.rangeSeconds >= minimum) continue;
        const key = `${fn} ${selector.metric} ${selector.rangeSeconds}`;
        if (reported.has(key)) continue;
        reported.add(key);
        // The interval is an assumption unless the group states it: say which, and where to change it.
        const source =
          recorded === undefined
            ? `a ${formatDuration(interval)} scrape interval (\`scrape-interval\` in .slo-gate.yml)`
            : recorded.group !== undefined
              ? `the ${formatDuration(interval)} interval of group "${recorded.group}", which records it`
              : `the ${formatDuration(interval)} evaluation interval of the rule that records it (\`evaluation-interval\` in .slo-gate.yml)`;
        context.report({
          file: rule.file,
          ...queryPosition(rule.expr, selector.from),
          subject: `${rule.group}/${rule.name}/${selector.metric ?? ''}`,
          message: `${rule.kind} "${rule.name}": ${fn}(${selector.metric ?? '…'}[${formatDuration(selector.rangeSeconds)}]) spans fewer than ${MIN_SAMPLES[fn]} samples at ${source}; use at least [${formatDuration(minimum)}]`,
        });
      }
    }
  },
};
