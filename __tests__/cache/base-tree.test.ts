// A pull request's base goes through the outcome cache: base files with the head's bytes (the
// same blob id) are neither read from git nor parsed, and the report is the one the comparison
// without the cache writes.

import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config/config.js';
import { compareWithBase } from '../../src/diff/compare.js';
import { runEngine } from '../../src/engine/engine.js';
import { renderJson } from '../../src/render/json.js';
import { runCheck } from '../../src/run.js';
import { BASE_FILES, LEGACY_RULES, sloAlerts } from '../diff/fixtures.js';
import { Repo, tempDir } from '../diff/git-repo.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const request = { newFindingsOnly: true, changedFilesOnly: false };
const MORE: Record<string, string> = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`team-${i}/rules.yml`, LEGACY_RULES.replace(/name: (\S+)/, `name: $1-${i}`)]),
);

function pullRequest(): { repo: Repo; base: string } {
  const repo = Repo.init();
  const base = repo.commit({ ...BASE_FILES, ...MORE, 'docs/.gitignore': 'ignored.yml\n', 'docs/ignored.yml': 'groups: [' }, 'base');
  // One file changed, one added, one deleted: the rest is unchanged.
  repo.commit({ 'rules/slo-alerts.yml': sloAlerts({ latencyThreshold: '0.8' }), 'team-0/rules.yml': null, 'new/rules.yml': LEGACY_RULES }, 'head');
  return { repo, base };
}

const fixed = (report: object) => renderJson({ ...report, generatedAt: '2026-01-01T00:00:00.000Z' } as never);

describe('the base tree through the cache', () => {
  it('reads from git only the base files that differ from the head, and parses only those', async () => {
    const { repo, base } = pullRequest();
    const run = await runCheck({ root: repo.dir, failOn: 'error', diff: { base, ...request } });
    expect(run.diff?.compared).toBe(true);
    if (!run.diff?.compared) return;
    // The changed rule file and the .gitignore that discovery reads; not the deleted file's successor, not the 15 unchanged files.
    expect(run.diff.blobsRead).toBe(3);
    const baseFiles = run.diff.base.linked.model.files.length;
    expect(baseFiles).toBe(Object.keys(BASE_FILES).length + Object.keys(MORE).length);
    // Of the base's files, the changed one and the deleted one (not on the head) are read; the others come from the head's outcomes.
    expect(run.diff.base.cache).toEqual({ hits: baseFiles - 2, reads: 2 });
    expect(run.diff.changedFiles).toEqual(['new/rules.yml', 'rules/slo-alerts.yml', 'team-0/rules.yml']);
  });

  it('writes the report of the comparison without the cache', async () => {
    const { repo, base } = pullRequest();
    const config = mergeConfig({});
    const head = await runEngine(repo.dir, config);
    const uncached = await compareWithBase(repo.dir, config, head, { base, ...request });
    const cached = await runCheck({ root: repo.dir, failOn: 'error', diff: { base, ...request } });
    const cacheDir = path.join(tempDir(), 'c');
    const withDir = await runCheck({ root: repo.dir, failOn: 'error', diff: { base, ...request }, cacheDir });
    // A second run with the same cache directory: head and base both from the cache file.
    const again = await runCheck({ root: repo.dir, failOn: 'error', diff: { base, ...request }, cacheDir });
    expect(again.report.cache).toEqual({ files: withDir.engine.linked.model.files.length, fromCache: withDir.engine.linked.model.files.length });
    expect(uncached.compared && cached.diff?.compared).toBe(true);
    if (!uncached.compared || !cached.diff?.compared) return;
    expect(cached.diff.findings).toEqual(uncached.findings);
    expect(cached.diff.resolved).toEqual(uncached.resolved);
    expect(cached.diff.changedFiles).toEqual(uncached.changedFiles);
    expect(cached.report.diff!.counts.new).toBeGreaterThan(0);
    expect(cached.report.diff!.counts.existing).toBeGreaterThan(0);
    const { cache: _cache, ...withoutCache } = withDir.report;
    expect(fixed(withoutCache)).toBe(fixed(cached.report));
    expect(again.report.diff).toEqual(cached.report.diff);
  });

  it('the base shares the outcome objects of unchanged files with the head, and no phase after the file stage edits them', async () => {
    // The Sloth spec and the Helm template are the same on both sides; the windows file that applies to the spec is not.
    const spec = 'version: prometheus/v1\nservice: api\nslos:\n  - name: availability\n    objective: 99.9\n    sli:\n      raw:\n        error_ratio_query: sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))\n    alerting:\n      page_alert: {}\n      ticket_alert: { disable: true }\n';
    const windows = (longWindow: string) =>
      `apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec:\n  sloPeriod: 30d\n  page:\n    quick: { errorBudgetPercent: 1, shortWindow: 2m, longWindow: ${longWindow} }\n    slow: { errorBudgetPercent: 2, shortWindow: 15m, longWindow: 3h }\n  ticket:\n    quick: { errorBudgetPercent: 5, shortWindow: 1h, longWindow: 12h }\n    slow: { errorBudgetPercent: 5, shortWindow: 3h, longWindow: 36h }\n`;
    const repo = Repo.init();
    cpSync(path.join(REPO_ROOT, '__tests__', 'fixtures', 'helm'), path.join(repo.dir, 'helm'), { recursive: true });
    const base = repo.commit({ 'slo/api.yml': spec, 'slo/windows.yml': windows('30m') }, 'base');
    repo.commit({ 'slo/windows.yml': windows('1h') }, 'head');
    const pr = { base, newFindingsOnly: false, changedFilesOnly: false };
    const config = mergeConfig({});
    const head = await runEngine(repo.dir, config);
    const uncached = await compareWithBase(repo.dir, config, head, pr);
    const shared = await runCheck({ root: repo.dir, failOn: 'error', diff: pr });
    if (!uncached.compared || !shared.diff?.compared) throw new Error('not compared');
    expect(shared.diff.base.cache!.hits).toBeGreaterThan(0);
    const longWindows = (result: typeof head) => result.linked.model.slos.map((slo) => slo.burnWindows.map((window) => window.longSeconds));
    expect(longWindows(shared.engine)).toEqual([[3600, 10_800]]);
    expect(longWindows(shared.diff.base)).toEqual([[1800, 10_800]]);
    expect(longWindows(shared.engine)).toEqual(longWindows(head));
    expect(longWindows(shared.diff.base)).toEqual(longWindows(uncached.base));
    // A template's finding says where it is once, on both sides.
    const templated = shared.diff.findings.filter((finding) => finding.message.includes('(in a Helm template)'));
    expect(templated).toHaveLength(1);
    expect(templated[0].message).not.toContain('(in a Helm template) (in a');
    expect(templated[0].status).toBe('existing');
    expect(shared.diff.findings).toEqual(uncached.findings);
    expect(shared.diff.base.findings).toEqual(uncached.base.findings);
    expect(shared.engine.findings).toEqual(head.findings);
  });
});
