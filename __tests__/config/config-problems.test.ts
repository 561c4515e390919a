// A configuration that cannot be used says everything that is wrong with it at once, each at its
// line, and a typo gets the name it was probably meant to be.

import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { CHECKS } from '../../src/checks/index.js';

const known = new Set(CHECKS.map((check) => check.meta.id));

function problemsOf(source: string): string[] {
  try {
    parseConfig(source, '.slo-gate.yml', known);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
  }
  return [];
}

describe('configuration problems', () => {
  it('lists every schema error, not only the first', () => {
    expect(problemsOf('min-availability: 99.9\ninclude: monitoring\nalerts:\n  required-annotations: summary\nmax-file-size-mb: -1\n')).toEqual([
      '2:10 invalid config: include must be array',
      '4:25 invalid config: alerts.required-annotations must be array',
      '5:19 invalid config: max-file-size-mb must be > 0',
    ]);
  });

  it('an unknown key or check id is an error with the nearest known one', () => {
    expect(problemsOf('scrape-intreval: 30s\nalerts:\n  required-label: [severity]\nchecks:\n  dashboard/uids: off\n  promql/syntax: warning\n')).toEqual([
      '1:1 invalid config: has an unknown key "scrape-intreval" — did you mean "scrape-interval"?',
      '3:3 invalid config: alerts has an unknown key "required-label" — did you mean "required-labels"?',
      '5:3 invalid config: checks has an unknown check "dashboard/uids" — did you mean "dashboard/uid"?',
    ]);
  });

  it('a name far from every known one gets no guess', () => {
    expect(problemsOf('checks:\n  totally/different: off\n')).toEqual(['2:3 invalid config: checks has an unknown check "totally/different"']);
  });

  it('a valid configuration has no problems', () => {
    expect(problemsOf('min-availability: 99.95\nchecks:\n  dashboard/uid: off\nignore:\n  - path: "dashboards/*.json"\n    checks: [dashboard/schema]\n    reason: vendored\n')).toEqual([]);
  });
});
