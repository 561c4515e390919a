// The last step findings take before the report: suppressions mark what the repository excuses,
// and the baseline marks what it had when it adopted slo-gate. Both apply to every finding of the
// run — static, policy-change and live — after the sinks that made them have fingerprinted them.

import type { Config } from '../config/config.js';
import type { Finding } from '../model/findings.js';
import type { SuppressionComment } from '../model/types.js';
import { applyBaseline, type BaselineFile, type BaselineOutcome } from './baseline.js';
import { fingerprint } from './fingerprint.js';
import { applySuppressions } from './suppressions.js';

export interface AdoptionInput {
  comments: readonly SuppressionComment[];
  config: Pick<Config, 'ignore'>;
  baseline?: { name: string; file: BaselineFile };
  /** Every check id the product knows. */
  knownChecks: ReadonlySet<string>;
  /** The checks that ran in this run. */
  ranChecks: ReadonlySet<string>;
}

export function adoptFindings(findings: Finding[], input: AdoptionInput): { findings: Finding[]; baseline?: BaselineOutcome } {
  const suppressed = applySuppressions(findings, { comments: input.comments, ignore: input.config.ignore, knownChecks: input.knownChecks, ranChecks: input.ranChecks });
  const all = [...suppressed.findings, ...suppressed.problems.map((problem): Finding => ({ ...problem, fingerprint: fingerprint(problem) }))];
  if (!input.baseline) return { findings: all };
  const baselined = applyBaseline(all, input.baseline.file, input.baseline.name);
  return { findings: baselined.findings, baseline: baselined.outcome };
}
