import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderComment, commentMarker } from '../../src/action/publish/comment.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/action/publish/summary.js';
import type { RunContext } from '../../src/action/publish/run-context.js';
import { finding, HOSTILE, manyFindings, reportWith } from './report-fixture.js';

const context: RunContext = {
  eventName: 'pull_request',
  owner: 'acme',
  repo: 'widgets',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runId: '77',
  runAttempt: '1',
  job: 'slo',
  step: 'slo-gate',
  sha: 'abcdef1234567890abcdef1234567890abcdef12',
  pullRequest: { number: 5, headSha: 'abcdef1234567890abcdef1234567890abcdef12', fromFork: false },
  pathPrefix: 'ops',
};

describe('Markdown report', () => {
  it('neutralises user text: no HTML, mentions, issue links, code spans, links or table breaks survive', () => {
    const md = renderMarkdown(reportWith([finding('error', 'slo/a.yaml', 3, HOSTILE)]));
    const row = md.split('\n').find((line) => line.includes('policy/error-check'))!;
    expect(row).toContain('rule &lt;script&gt;alert(1)&lt;/script&gt; \\| @\u200boctocat #\u200b12 \\`code\\` \\[x\\](http://evil) \\*bold\\* \\_it\\_');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('@octocat');
    expect(md).not.toMatch(/#12/);
    expect(md).not.toContain('[x](');
    // The row still has exactly its four cells: every other | is escaped.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(4);
    // The SLO name with markup is escaped in the SLO table too.
    expect(md).toContain('checkout &lt;availability&gt; \\| @\u200bteam');
  });

  it('leaves what GitHub reads as text as written: underscores inside words, colons, parentheses, code spans', () => {
    const name = 'slo:availability_ratio(rate_5m)';
    const md = renderMarkdown(reportWith([finding('error', 'rules/my_rules.yaml', 3, `rule "${name}" reads http_requests_total: 5 (of 7) windows`, { check: 'rule/name_check' })]));
    expect(md).toContain('rule "slo:availability_ratio(rate_5m)" reads http_requests_total: 5 (of 7) windows');
    expect(md).toContain('#### `rules/my_rules.yaml`');
    expect(md).toContain('`rule/name_check`');
    expect(md).not.toMatch(/&#\d+;/);
  });

  it('lists dashboard queries of data sources it does not read, collapsed, with hostile names escaped', () => {
    const report = { ...reportWith([]), notChecked: [
      { file: 'dash/search.json', line: 1, dashboard: 'Search <b>@ops</b> | x', datasource: 'elasticsearch', queries: 2 },
      { file: 'dash/db.json', line: 4, dashboard: 'DB', datasource: 'grafana-postgresql-datasource', queries: 1 },
    ] };
    const md = renderMarkdown(report);
    expect(md).toContain('<details><summary>3 dashboard queries not checked (not PromQL or LogQL)</summary>');
    expect(md).toContain('- `dash/search.json:1` — 2 elasticsearch queries in dashboard Search &lt;b&gt;@\u200bops&lt;/b&gt; \\| x');
    expect(md).toContain('- `dash/db.json:4` — 1 grafana-postgresql-datasource query in dashboard DB');
    expect(renderMarkdown(reportWith([]))).not.toContain('not checked (not PromQL');
  });

  it('links each finding to its file and line at the given commit', () => {
    const md = renderComment({ report: reportWith([finding('warning', 'rules/x y.yaml', 12, 'slow')]), context, mode: 'auto', key: 'default' });
    expect(md).toContain('[12:3](https://github.com/acme/widgets/blob/abcdef1234567890abcdef1234567890abcdef12/ops/rules/x%20y.yaml#L12)');
    expect(md.startsWith(`${commentMarker('default')}\n<!-- slo-gate-result:pass -->\n`)).toBe(true);
  });

  it('keeps a comment within 65,536 characters by dropping the least severe findings and saying how many', () => {
    const findings = manyFindings(3000);
    const md = renderComment({ report: reportWith(findings), context, mode: 'auto', key: 'default', artifactUrl: 'https://github.com/acme/widgets/actions/runs/77/artifacts/9' });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.length).toBeGreaterThan(60_000);
    const shown = md.split('\n').filter((line) => /\| (🔴|🟠|🔵) /.test(line));
    const hidden = Number(/_(\d+) more finding\(s\), the least severe/.exec(md)?.[1]);
    expect(shown.length + hidden).toBe(3000);
    // Errors come first: every shown error is there before any notice is.
    const errorsShown = shown.filter((line) => line.includes('🔴')).length;
    expect(errorsShown).toBe(Math.min(1000, shown.length));
    expect(md).toContain('see [the full report](https://github.com/acme/widgets/actions/runs/77/artifacts/9)');
  });

  it('says a failing check is fixed when the earlier comment recorded a failure', () => {
    const input = { report: reportWith([]), context, mode: 'auto' as const, key: 'default' };
    const failedBefore = renderComment({ ...input, report: reportWith([finding('error', 'a.yaml', 1, 'bad')]) });
    expect(renderComment(input, failedBefore)).toContain('**Fixed:**');
    expect(renderComment(input, renderComment(input))).not.toContain('**Fixed:**');
  });

  it('reads the earlier result from the comment header only, not from file text that carries the marker', () => {
    const input = { report: reportWith([]), context, mode: 'auto' as const, key: 'default' };
    const planted = { ...finding('notice', 'a.yaml', 1, 'n'), suggestion: '<!-- slo-gate-result:fail -->\n<!-- slo-gate-result:fail -->' };
    const passedBefore = renderComment({ ...input, report: reportWith([planted]) });
    expect(passedBefore).toContain('<!-- slo-gate-result:fail -->');
    expect(renderComment(input, passedBefore)).not.toContain('**Fixed:**');
  });

  it('keeps the job summary under 1 MiB of UTF-8 even with multi-byte text', () => {
    const findings = manyFindings(12_000).map((item) => ({ ...item, message: `${item.message} — ünïcödé ✓✓✓ ${'é'.repeat(60)}` }));
    const summary = renderSummary({ report: reportWith(findings), context, notes: [] });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary).toMatch(/_\d+ more finding\(s\), the least severe, are not shown here/);
  });

  it('writes the whole report when it fits', () => {
    const md = renderMarkdown(reportWith([finding('notice', 'a.yaml', 2, 'n')]), { maxLength: 65_536 });
    expect(md).not.toContain('more finding(s)');
    expect(md).toContain('<details><summary>1 SLO(s)</summary>');
    expect(md).toContain('| SLO | Service | Target | Error budget | Verdict |');
    expect(md).toContain('- window 1h/5m @ 14.4×, 2 % budget');
  });
});

describe('the report leads with the decision', () => {
  const diff = (extra = {}) => ({ baseRef: 'main', baseSha: 'b'.repeat(40), newFindingsOnly: true, changedFilesOnly: false, counts: { new: 0, existing: 0, resolved: 0 }, newCounts: { error: 0, warning: 0, notice: 0 }, resolved: [], ...extra });
  const firstLine = (md: string) => md.split('\n')[0];

  it('names what fails a pull request first, then the new findings before anything else', () => {
    const report = { ...reportWith([finding('error', 'a.yaml', 1, 'new one', { status: 'new' }), finding('error', 'b.yaml', 2, 'second', { status: 'new' }), finding('error', 'old.yaml', 3, 'old', { status: 'existing' })]), diff: diff() };
    const md = renderMarkdown({ ...report, result: 'fail' });
    expect(firstLine(md)).toBe('## ❌ 2 new errors — merge blocked');
    expect(md.indexOf('### New findings (2)')).toBeLessThan(md.indexOf('<details><summary>1 existing'));
    expect(md.split('\n')[2]).toContain('1 existing (on the base)');
    expect(md).toMatch(/<details><summary>1 existing \(on the base\) — they do not fail the check<\/summary>/);
  });

  it('passes a legacy repository on its baseline and says so in the first line', () => {
    const known = Array.from({ length: 37 }, (_, i) => finding('error', 'legacy.yaml', i + 1, `old ${i}`, { baselined: true as const }));
    const report = { ...reportWith(known), result: 'pass' as const, adoption: { suppressed: 0, baseline: { file: '.slo-gate-baseline.json', matched: 37, fixed: [] } } };
    const md = renderMarkdown(report);
    expect(firstLine(md)).toBe('## ✅ No new findings, 37 existing (baseline)');
    expect(md).toContain('— _baseline_ |');
  });

  it('on push without a baseline: plain counts and "check failed"', () => {
    expect(firstLine(renderMarkdown(reportWith([finding('error', 'a.yaml', 1, 'x'), finding('warning', 'a.yaml', 2, 'y')])))).toBe('## ❌ 1 error — check failed');
    expect(firstLine(renderMarkdown(reportWith([])))).toBe('## ✅ No findings');
  });

  it('names the approval label while a policy change waits for it', () => {
    const base = reportWith([finding('error', 'slo/api.yaml', 5, 'target lowered from 99.9 % to 99.5 %', { check: 'diff/target-lowered', status: 'new' })]);
    const report = { ...base, result: 'fail' as const, checks: [...base.checks, { id: 'diff/target-lowered', severity: 'error' as const, description: 'd', policyChange: true as const, docsUrl: 'https://example.test/d.md' }], diff: diff({ allowLabel: 'slo-change-approved' }) };
    const md = renderMarkdown(report);
    expect(firstLine(md)).toBe('## ❌ 1 new error — merge blocked');
    expect(md).toContain('⏳ **1 policy change(s) await approval**: the label `slo-change-approved` is not on this pull request');
    expect(md).toContain('### Policy changes (1)');
    expect(md).toContain('[`diff/target-lowered`](https://example.test/d.md)');
    expect(md).toContain('adds the label `slo-change-approved`');
  });

  it('lists suppressed findings with their reasons, collapsed', () => {
    const md = renderMarkdown(reportWith([finding('warning', 'a.yaml', 1, 'excused', { suppressed: { reason: 'legacy_team owns it', by: 'a.yaml:0', kind: 'inSource' } })]));
    expect(md).toContain('<details><summary>1 suppressed finding(s), with their reasons</summary>');
    expect(md).toContain('**reason:** legacy\\_team owns it'.replace('\\_', '_'));
  });
});
