// The adoption path from the README, through the CLI: write the baseline once, and the gate fails
// only on what is new.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/workspace.js';
import { legacyRepository, RULES } from '../findings/legacy-fixture.js';
import { cli } from '../helpers/cli.js';

describe('slo-gate baseline', () => {
  it('writes the baseline, after which check passes, until a new defect appears', async () => {
    const root = await workspace(legacyRepository());
    expect((await cli(['check', root, '--fail-on', 'warning'])).code).toBe(1);

    const written = await cli(['baseline', root]);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^slo-gate: baseline of \d+ finding\(s\) in \d+ entries written to .*\.slo-gate-baseline\.json; commit it/);
    const baseline = JSON.parse(await readFile(path.join(root, '.slo-gate-baseline.json'), 'utf8'));
    expect(baseline.findings.length).toBeGreaterThan(3);

    expect((await cli(['check', root, '--fail-on', 'warning'])).code).toBe(0);

    await writeFile(path.join(root, 'rules/legacy.yml'), RULES.replace('up{job="api"}', 'up{job="api"} == 0 and on() absent(nonexistent{)'));
    const after = await cli(['check', root, '--fail-on', 'warning', '--format', 'json']);
    expect(after.code).toBe(1);
    const report = JSON.parse(after.stdout);
    expect(report.findings.filter((f: { baselined?: boolean }) => !f.baselined).map((f: { check: string }) => f.check)).toContain('promql/syntax');
  });

  it('writes to --output, - for stdout, and refuses options that do not apply', async () => {
    const root = await workspace(legacyRepository());
    const out = await cli(['baseline', root, '--output', '-']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).version).toBe(1);
    const refused = await cli(['baseline', root, '--base', 'HEAD']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe('slo-gate: baseline writes the findings of the files as they are: --base, --baseline and --prometheus-url do not apply');
  });

  it('a named baseline that is not one is a one-line error, exit 2', async () => {
    const root = await workspace({ ...legacyRepository(), 'old.json': '{"version": 2}' });
    const run = await cli(['check', root, '--baseline', 'old.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${path.join(root, 'old.json')}:1: not a slo-gate baseline of format 1 (write one with \`slo-gate baseline\`)\n`);
  });

  it('prints every configuration problem, one per line', async () => {
    const root = await workspace({ ...legacyRepository(), '.slo-gate.yml': 'scrape-intreval: 30s\nchecks:\n  dashboard/uids: off\n' });
    const run = await cli(['check', root]);
    expect(run.code).toBe(2);
    const file = path.join(root, '.slo-gate.yml');
    expect(run.stderr).toBe(
      `${file}:1:1: invalid config: has an unknown key "scrape-intreval" — did you mean "scrape-interval"?\n${file}:3:3: invalid config: checks has an unknown check "dashboard/uids" — did you mean "dashboard/uid"?\n`,
    );
  });
});
