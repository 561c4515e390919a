// A finding keeps its fingerprint through edits that do not touch what it is about: that is what
// lets a pull request be judged on the findings it adds.

import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/findings/fingerprint.js';
import { check } from '../helpers/workspace.js';
import { LEGACY_RULES } from './fixtures.js';

const REORDERED = `groups:
  - name: legacy
    rules:
      - alert: CronMissed
        expr: time() - cron_last_success_timestamp_seconds >
        labels:
          severity: ticket
        annotations:
          summary: A cron job did not run
      - alert: QueueBacklog
        expr: sum(rate(queue_messages_total[5m]) > 100
        labels:
          severity: ticket
      - alert: DiskFull
        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.05 and
        labels:
          severity: ticket
`;

const REFORMATTED = `groups:
- name: "legacy"
  rules:
  - alert: 'DiskFull'
    expr: >-
      node_filesystem_avail_bytes
      / node_filesystem_size_bytes < 0.05 and
    labels: { severity: ticket }
  - {alert: QueueBacklog, expr: "sum(rate(queue_messages_total[5m]) > 100", labels: {severity: "ticket"}}
  - alert: CronMissed
    expr: |-
      time() - cron_last_success_timestamp_seconds >
    labels:
      severity: ticket
    annotations: { summary: "A cron job did not run" }
`;

const INSERTED_ABOVE = `# Rules kept for the old platform.
# Owner: platform team.

groups:
  - name: unrelated
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
${LEGACY_RULES.replace('groups:\n', '')}`;

async function fingerprints(rules: string): Promise<{ prints: string[]; lines: number[] }> {
  // summary required, as this test was written when it was the default: more findings to follow.
  const { findings } = await check({ 'rules/legacy.yml': rules }, { requiredAnnotations: ['summary'] });
  return { prints: findings.map((finding) => finding.fingerprint!).sort(), lines: findings.map((finding) => finding.line ?? 0).sort((a, b) => a - b) };
}

describe('finding fingerprints', () => {
  it('survive lines inserted above, rules reordered in a group, and the YAML reformatted', async () => {
    const original = await fingerprints(LEGACY_RULES);
    expect(original.prints.length).toBeGreaterThanOrEqual(5);
    for (const variant of [INSERTED_ABOVE, REORDERED, REFORMATTED]) {
      const moved = await fingerprints(variant);
      expect(moved.lines).not.toEqual(original.lines);
      expect(moved.prints).toEqual(original.prints);
    }
  });

  it('change when what the finding is about changes', async () => {
    const original = await fingerprints(LEGACY_RULES);
    const renamed = await fingerprints(LEGACY_RULES.replace('alert: QueueBacklog', 'alert: QueueBacklogHigh'));
    expect(renamed.prints.filter((print) => !original.prints.includes(print)).length).toBeGreaterThan(0);
  });

  it('leave positions out of messages and subjects, but not the rest', () => {
    const base = { check: 'rule/schema', severity: 'error' as const, file: 'r.yml' };
    const print = (message: string, subject?: string) => fingerprint({ ...base, message, subject });
    expect(print('group "a", rule 3, "X": bad', 'groups[0].rules[2]')).toBe(print('group "a", rule 1, "X": bad', 'groups[1].rules[0]'));
    expect(print('see r.yml:12:3 and line 40')).toBe(print('see r.yml:2:9 and line 4'));
    expect(print('expr  a\n  > 1')).toBe(print('expr a > 1'));
    expect(print('group "a", rule 3, "X": bad')).not.toBe(print('group "a", rule 3, "Y": bad'));
    expect(fingerprint({ ...base, message: 'm' })).not.toBe(fingerprint({ ...base, file: 'other.yml', message: 'm' }));
  });
});
