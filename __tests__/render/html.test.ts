import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { finding, HOSTILE, reportWith, SLO } from './report-fixture.js';

describe('HTML report', () => {
  const html = renderHtml(
    reportWith([finding('error', 'slo/<b>.yaml', 4, HOSTILE, { suggestion: '</pre><script>x()</script>' })]),
    { fileUrl: (file, line) => `https://github.com/acme/w/blob/abc/${encodeURIComponent(file)}#L${line}?a="b"` },
  );

  it('is one self-contained document: no scripts, no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link |src=|@import|url\(/i);
    expect(html).toContain('<style>');
  });

  it('escapes text from the checked files everywhere it appears', () => {
    expect(html).toContain('rule &lt;script&gt;alert(1)&lt;/script&gt; | @octocat');
    expect(html).toContain('<h3>slo/&lt;b&gt;.yaml</h3>');
    expect(html).toContain('<pre>&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;</pre>');
    expect(html).toContain('checkout &lt;availability&gt; | @team');
    expect(html).toContain('href="https://github.com/acme/w/blob/abc/slo%2F%3Cb%3E.yaml#L4?a=&quot;b&quot;"');
  });

  it('shows the verdict, counts and SLO figures', () => {
    expect(html).toContain('class="verdict fail"');
    expect(html).toMatch(/<div class="count error"><b>1<\/b>error\(s\)<\/div>/);
    expect(html).toContain('<li>1h/5m @ 14.4×, 2 % budget, exhausts in 50h, detects outage in 4.2m</li>');
  });

  it('lists how each alert and panel was linked to the SLO, and its verdict, escaped', () => {
    const linked = renderHtml(
      reportWith([], [
        {
          ...SLO,
          links: {
            alerts: [{ name: 'Burn<Fast>', file: 'a.yaml', line: 3, method: 'label', reason: 'slo=api' }],
            panels: [{ name: 'Availability', file: 'd.json', line: 9, method: 'inferred', reason: 'reads http_requests_total' }],
          },
          verdict: 'aligned with 1 alert(s) and 1 panel(s)',
        },
      ]),
    );
    expect(linked).toContain('<li>alert Burn&lt;Fast&gt; (label: slo=api)</li><li>panel Availability (inferred: reads http_requests_total)</li>');
    expect(linked).toContain('<td>aligned with 1 alert(s) and 1 panel(s)</td>');
  });
});
