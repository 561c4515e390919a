// Suppressions: the findings a repository has decided to live with, each with its reason. In YAML
// they are comments next to what they excuse; for JSON, which has no comments, `.slo-gate.yml`
// `ignore:` names them. A suppressed finding is kept, marked and counted — never dropped — and a
// suppression that is unreadable, names no check or excuses nothing is a `config/suppression`
// finding of its own, so stale ones do not pile up.

import picomatch from 'picomatch';
import type { CheckMeta } from '../checks/check.js';
import type { IgnoreEntry } from '../config/config.js';
import type { Finding } from '../model/findings.js';
import { sloIdentity } from '../model/slo-identity.js';
import type { SuppressionComment } from '../model/types.js';
import { closestName } from '../config/did-you-mean.js';

export const SUPPRESSION_CHECK: CheckMeta = {
  id: 'config/suppression',
  severity: 'warning',
  kind: 'model',
  description: 'A suppression comment or `ignore:` entry without a reason, naming an unknown check, or suppressing nothing.',
  docs: 'docs/checks/config/suppression.md',
};

export interface SuppressionInput {
  comments: readonly SuppressionComment[];
  ignore: readonly IgnoreEntry[];
  /** Every check id the product knows, for "unknown check" and "did you mean". */
  knownChecks: ReadonlySet<string>;
  /** Checks that ran in this run: only a suppression of one of them can be said to excuse nothing. */
  ranChecks: ReadonlySet<string>;
}

interface Suppression {
  checks: string[];
  reason: string;
  /** Where it is written, for the report ("alerts.yml:12", ".slo-gate.yml:7"). */
  by: string;
  kind: 'inSource' | 'external';
  matches(finding: Finding): boolean;
  used: boolean;
  at: { file: string; line: number; column?: number };
}

/**
 * Marks the findings a suppression excuses (`suppressed`), and returns them with one
 * `config/suppression` finding per unusable or unused suppression, not yet fingerprinted.
 */
export function applySuppressions(findings: Finding[], input: SuppressionInput): { findings: Finding[]; problems: Omit<Finding, 'fingerprint'>[] } {
  const problems: Omit<Finding, 'fingerprint'>[] = [];
  const problem = (at: Suppression['at'], message: string) =>
    problems.push({ check: SUPPRESSION_CHECK.id, severity: SUPPRESSION_CHECK.severity, file: at.file, line: at.line, ...(at.column ? { column: at.column } : {}), message, subject: message });
  const usable: Suppression[] = [];
  const consider = (candidate: Omit<Suppression, 'used'>, what: string) => {
    if (!candidate.checks.length) return void problem(candidate.at, `${what} names no check: write the check id, then a colon and the reason`);
    if (!candidate.reason) return void problem(candidate.at, `${what} has no reason: write why after a colon ("${candidate.checks[0]}: <reason>"); it suppresses nothing until it has one`);
    const known = candidate.checks.filter((id) => input.knownChecks.has(id));
    for (const id of candidate.checks.filter((id) => !input.knownChecks.has(id))) {
      const near = closestName(id, input.knownChecks);
      problem(candidate.at, `${what} names an unknown check "${id}"${near ? ` — did you mean "${near}"?` : ''}`);
    }
    if (known.length) usable.push({ ...candidate, checks: known, used: false });
  };

  for (const comment of input.comments) {
    const covers = (finding: Finding) => finding.file === comment.file && (comment.scope === 'file' || (finding.line !== undefined && finding.line >= comment.fromLine && finding.line <= comment.toLine));
    consider(
      { checks: comment.checks, reason: comment.reason, by: `${comment.file}:${comment.line}`, kind: 'inSource', matches: covers, at: { file: comment.file, line: comment.line, column: comment.column } },
      `# slo-gate-disable${comment.scope === 'block' ? '' : `-${comment.scope}`} comment`,
    );
  }
  for (const rule of input.ignore) {
    const pathMatches = picomatch(rule.path, { dot: true });
    // An SLO by its name (every service's of that name) or as service/name (that one).
    const about = (finding: Finding) => finding.subject === rule.subject || (finding.slo !== undefined && sloIdentity(finding.slo) === rule.subject) || finding.message.includes(`"${rule.subject}"`);
    const matches = (finding: Finding) => pathMatches(finding.file) && (rule.subject === undefined || about(finding));
    consider({ checks: rule.checks, reason: rule.reason, by: `${rule.position.file}:${rule.position.line}`, kind: 'external', matches, at: rule.position }, 'ignore entry');
  }

  const out = findings.map((finding) => {
    const suppression = usable.find((candidate) => candidate.checks.includes(finding.check) && candidate.matches(finding));
    if (!suppression) return finding;
    suppression.used = true;
    return { ...finding, suppressed: { reason: suppression.reason, by: suppression.by, kind: suppression.kind } };
  });
  for (const suppression of usable) {
    if (suppression.used || !suppression.checks.some((id) => input.ranChecks.has(id))) continue;
    problem(suppression.at, `suppression of ${suppression.checks.join(', ')} at ${suppression.by} excuses no finding: remove it`);
  }
  return { findings: out, problems };
}
