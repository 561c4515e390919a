// The live checks about the repository's rules and SLI queries, in the order they report, and the
// static findings they replace when the backend knows better than a name or a default.
import type { Finding } from '../../model/findings.js';
import type { Model } from '../../model/types.js';
import type { RuleMeasurements } from '../../live/measure-rules.js';
import { liveMetricType, metricTypeSupersedes } from './metric-type.js';
import { liveScrapeInterval, scrapeIntervalSupersedes } from './scrape-interval.js';
import { liveSeriesMissing } from './series-missing.js';

export const LIVE_RULE_CHECKS = [liveSeriesMissing, liveMetricType, liveScrapeInterval];

/** Static findings the live rule checks replace (promql/counter where the type is known, promql/rate-range where the interval is). */
export function withoutSuperseded(findings: Finding[], model: Model, measured: RuleMeasurements | undefined): Finding[] {
  const keys = new Set([...metricTypeSupersedes(measured, model.rules), ...scrapeIntervalSupersedes(measured)].map((s) => `${s.check}\u0000${s.file}\u0000${s.subject}`));
  if (keys.size === 0) return findings;
  return findings.filter((f) => !keys.has(`${f.check}\u0000${f.file}\u0000${f.subject ?? ''}`));
}
