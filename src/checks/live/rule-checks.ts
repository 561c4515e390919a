// The static findings the live rule checks replace when the backend knows better than a name or
// a default.
import type { Finding } from '../../model/findings.js';
import type { Model } from '../../model/types.js';
import type { RuleMeasurements } from '../../live/measure-rules.js';
import { metricTypeSupersedes } from './metric-type.js';
import { scrapeIntervalSupersedes } from './scrape-interval.js';

/** Static findings the live rule checks replace (promql/counter where the type is known, promql/rate-range where the interval is). */
export function withoutSuperseded(findings: Finding[], model: Model, measured: RuleMeasurements | undefined): Finding[] {
  const keys = new Set([...metricTypeSupersedes(measured, model.rules), ...scrapeIntervalSupersedes(measured)].map((s) => `${s.check}\u0000${s.file}\u0000${s.subject}`));
  if (keys.size === 0) return findings;
  return findings.filter((f) => !keys.has(`${f.check}\u0000${f.file}\u0000${f.subject ?? ''}`));
}
