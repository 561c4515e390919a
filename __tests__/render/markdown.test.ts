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
