// Regenerates docs/screenshot-summary.png and docs/screenshot-report-html.png: runs the bundled
// action (dist/index.js) over examples/agentaskit like a push build, then photographs the job
// summary and report.html with headless Chromium.
//
//   npm run bundle && node scripts/screenshots.mjs [example-dir] [chromium-binary]
//   (SLO_GATE_ENTRY=path/to/index.js photographs another build)
//
// The summary is Markdown; the small converter below knows only what our renderer writes
// (headings, paragraphs, pipe tables, code spans, bold, links, fenced code, raw HTML) and is
// for this picture only.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const example = path.resolve(repoRoot, process.argv[2] ?? 'examples/agentaskit');
const chromium = process.argv[3] ?? '/usr/bin/chromium';
const temp = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-shots-'));

try {
  const summaryFile = path.join(temp, 'summary.md');
  writeFileSync(summaryFile, '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/agentaskit',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '3f2c1e0d9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_WORKSPACE: example,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    'INPUT_UPLOAD-ARTIFACT': 'false',
    'INPUT_FAIL-ON': 'error',
  };
  try {
    execFileSync(process.execPath, [process.env.SLO_GATE_ENTRY ?? path.join(repoRoot, 'dist', 'index.js')], { env, cwd: example, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    // Exit status 1 is the gate failing on the example's deliberate defects: that is the picture we want.
    if (error.status !== 1) throw error;
  }
  const reportDir = path.join(temp, 'slo-gate', readdirSync(path.join(temp, 'slo-gate'))[0]);

  const summaryHtml = path.join(temp, 'summary.html');
  writeFileSync(summaryHtml, page(markdownToHtml(readFileSync(summaryFile, 'utf8'))));
  shoot(summaryHtml, path.join(repoRoot, 'docs', 'screenshot-summary.png'));
  shoot(path.join(reportDir, 'report.html'), path.join(repoRoot, 'docs', 'screenshot-report-html.png'));
} finally {
  rmSync(temp, { recursive: true, force: true });
}

function shoot(file, png) {
  execFileSync(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--hide-scrollbars', '--run-all-compositor-stages-before-draw', '--virtual-time-budget=3000', `--screenshot=${png}`, '--window-size=1200,1600', `file://${file}`],
    { stdio: 'ignore' },
  );
  console.log(`wrote ${path.relative(repoRoot, png)}`);
}

function page(body) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.box { max-width: 1100px; margin: 24px auto; border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 32px; }
.bar { font-weight: 600; padding: 8px 0 12px; border-bottom: 1px solid #d1d9e0; margin-bottom: 8px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } h3 { font-size: 1.25em; } h4 { font-size: 1em; }
table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow: auto; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; background: #f6f8fa; } tr:nth-child(2n) td { background: #f6f8fa; }
code { background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; } pre code { background: none; padding: 0; }
a { color: #0969da; text-decoration: none; } details { margin: 8px 0; } summary { cursor: pointer; }
</style></head><body><div class="box"><div class="bar">slo summary</div>${body}</div></body></html>`;
}

function inline(text) {
  return text
    .replace(/`([^`]+)`/g, (_, code) => `<code>${code}</code>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s).,:]|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
}

function markdownToHtml(markdown) {
  const lines = markdown.split('\n');
  const out = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fence = /^(`{3,})(.*)$/.exec(line);
    if (fence) {
      const code = [];
      while (++index < lines.length && lines[index] !== fence[1]) code.push(lines[index].replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      out.push(`<pre><code>${code.join('\n')}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
    } else if (line.startsWith('|')) {
      const rows = [];
      while (index < lines.length && lines[index].startsWith('|')) rows.push(lines[index++]);
      index--;
      const cells = (row) => row.slice(1, -1).split(' | ').map((cell) => inline(cell.trim()));
      const [head, , ...body] = rows;
      out.push(`<table><thead><tr>${cells(head).map((cell) => `<th>${cell}</th>`).join('')}</tr></thead><tbody>`);
      for (const row of body) out.push(`<tr>${cells(row).map((cell) => `<td>${cell}</td>`).join('')}</tr>`);
      out.push('</tbody></table>');
    } else if (/^\s*</.test(line) || line.trim() === '') {
      out.push(line);
    } else {
      out.push(`<p>${inline(line)}</p>`);
    }
  }
  return out.join('\n');
}
