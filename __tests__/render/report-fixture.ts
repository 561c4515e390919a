// Reports for renderer tests: built by hand (renderers are pure functions of a Report), with
// findings whose text is hostile the way user files can be.

import { compareFindings, type Finding, type Severity } from '../../src/model/findings.js';
import { REPORT_VERSION, type Report, type SloSummary } from '../../src/report/report.js';

export const HOSTILE = 'rule <script>alert(1)</script> | @octocat #12 `code` [x](http://evil) *bold* _it_ \\ ~~s~~ ![img](x) :smile: $x$';

export function finding(severity: Severity, file: string, line: number | undefined, message: string, extra: Partial<Finding> = {}): Finding {
  return { check: `policy/${severity}-check`, severity, file, line, column: line ? 3 : undefined, message, ...extra };
}

export const SLO: SloSummary = {
  name: 'checkout <availability> | @team',
  service: 'checkout',
  file: 'slo/checkout.yaml',
  line: 4,
  format: 'slo/v1',
  indicator: { type: 'availability' },
  target: 0.999,
  periodSeconds: 30 * 86400,
  errorBudget: 0.001,
  budgetMinutes: 43.2,
  windows: [
    { longSeconds: 3600, shortSeconds: 300, factor: 14.4, budgetConsumed: 0.02, timeToExhaustionSeconds: 180_000, timeToDetectSeconds: 250, reachable: true },
    { longSeconds: 21600, shortSeconds: 1800, factor: 6, budgetConsumed: 0.05, timeToExhaustionSeconds: 432_000, timeToDetectSeconds: 1296, reachable: true },
  ],
};

export function reportWith(findings: Finding[], slos: SloSummary[] = [SLO]): Report {
  const sorted = [...findings].sort(compareFindings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const item of sorted) counts[item.severity]++;
  const files = [...new Set(sorted.map((item) => item.file))].map((path) => ({ path, kinds: ['slo-policy' as const] }));
  return {
    version: REPORT_VERSION,
    tool: { name: 'slo-gate', version: '0.1.0' },
    generatedAt: '2026-11-28T00:00:00.000Z',
    result: counts.error > 0 ? 'fail' : 'pass',
    failOn: 'error',
    counts,
    files,
    slos,
    findings: sorted,
    skipped: [],
    checks: (['error', 'warning', 'notice'] as Severity[]).map((severity) => ({ id: `policy/${severity}-check`, severity, description: `A ${severity} check` })),
  };
}

/** `count` findings spread over files and severities, each with a long message. */
export function manyFindings(count: number): Finding[] {
  const severities: Severity[] = ['error', 'warning', 'notice'];
  return Array.from({ length: count }, (_, index) =>
    finding(severities[index % 3], `rules/team-${index % 40}/alerts-${index % 7}.yaml`, (index % 500) + 1, `Alert "HighBurn${index}" fires on a window that ${'never matches the SLO '.repeat(3)}(${index})`),
  );
}
