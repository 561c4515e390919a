// Screenshots of the pull-request comment as GitHub shows it: the comment Markdown rendered by a GFM
// renderer (marked) inside GitHub's Markdown CSS (github-markdown-css) at a 760 px comment width,
// photographed by headless Chromium. Three cases: a clean pull request, new errors on a legacy
// repository whose baseline is in use, and a policy change awaiting its approval label; and
// report.html of the legacy case.
//
//   npm install --no-save marked github-markdown-css   # dev only, not bundled
//   apt-get install -y chromium
//   node scripts/screenshots.mjs [OUT_DIR]              # default docs/
//
// The comment comes from the real renderer (src/action/publish/comment.ts), bundled on the fly with
// rolldown (vite's bundler, already a dev dependency through vitest); the reports are written out here.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs'));
const require = createRequire(path.join(process.env.SCREENSHOT_MODULES ?? root, 'package.json'));
const markedModule = await import(pathToFileURL(require.resolve('marked')).href);
const marked = markedModule.marked ?? markedModule.default.marked ?? markedModule.default;
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
const { build } = await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('rolldown')).href);

// Inside the repository, so the bundle resolves @actions/* from its node_modules; removed at the end.
const work = mkdtempSync(path.join(root, '.screenshots-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const bundle = path.join(work, 'comment.mjs');
await build({ input: path.join(root, 'src/action/publish/comment.ts'), platform: 'node', external: [/^@actions\//, /^@octokit\//, /^node:/], output: { file: bundle, format: 'esm' }, logLevel: 'silent' });
const { renderComment } = await import(pathToFileURL(bundle).href);
const htmlBundle = path.join(work, 'html.mjs');
await build({ input: path.join(root, 'src/render/html.ts'), platform: 'node', external: [/^node:/], output: { file: htmlBundle, format: 'esm' }, logLevel: 'silent' });
const { renderHtml } = await import(pathToFileURL(htmlBundle).href);

const docs = (id) => `https://github.com/slo-gate/slo-gate/blob/main/docs/checks/${id}.md`;
const check = (id, severity, description, extra = {}) => ({ id, severity, description, docs: `docs/checks/${id}.md`, docsUrl: docs(id), ...extra });
const CHECKS = [
  check('policy/target-min', 'error', 'An SLO targets less than the minimum availability.', { aboutSlo: true }),
  check('alert/burn-rate-windows', 'error', 'Burn-rate alert windows do not match the SLO.', { aboutSlo: true }),
  check('promql/syntax', 'error', 'A query does not parse.'),
  check('alert/required', 'warning', 'An alert lacks a required label or annotation.'),
  check('dashboard/datasource', 'warning', 'A panel names a data source that does not exist.'),
  check('diff/target-lowered', 'error', 'A pull request lowers an SLO target.', { policyChange: true }),
];
const slo = (name, service, target, verdict) => ({
  name, service, file: `slo/${service}.yaml`, line: 4, format: 'sloth/v1', indicator: { type: 'availability' }, target, periodSeconds: 30 * 86400,
  errorBudget: 1 - target, budgetMinutes: (1 - target) * 30 * 1440,
  windows: [{ longSeconds: 3600, shortSeconds: 300, factor: 14.4, budgetConsumed: 0.02, timeToExhaustionSeconds: 180000, timeToDetectSeconds: 250, reachable: true }],
  links: { alerts: [{ name: `${service}-availability-page`, file: `rules/${service}.yaml`, line: 8, method: 'label', reason: `sloth_slo=${name}` }], panels: [] },
  verdict,
});
const f = (check, severity, file, line, message, extra = {}) => ({ check, severity, file, line, column: 5, message, fingerprint: `${check}:${file}:${line}`, ...extra });
const context = {
  eventName: 'pull_request', owner: 'acme', repo: 'platform-monitoring', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com',
  runId: '4242', runAttempt: '1', job: 'slo', step: 'slo', sha: '3f9c2a7d1e5b8c4f6a0d9e2b7c1f3a5d8e6b4c2a', pathPrefix: '',
  pullRequest: { number: 318, headSha: '3f9c2a7d1e5b8c4f6a0d9e2b7c1f3a5d8e6b4c2a', fromFork: false },
};
const report = (extra) => ({
  version: 1, tool: { name: 'slo-gate', version: '0.1.0' }, generatedAt: '2026-12-02T15:00:00.000Z', failOn: 'error', skipped: [], checks: CHECKS,
  files: Array.from({ length: 24 }, (_, i) => ({ path: `f${i}.yaml`, kinds: ['prometheus-rules'] })),
  ...extra,
});
const counts = (findings) => ({ error: 0, warning: 0, notice: 0, ...Object.fromEntries(['error', 'warning', 'notice'].map((s) => [s, findings.filter((x) => x.severity === s && !x.suppressed).length])) });
const diff = (extra) => ({ baseRef: 'main', baseSha: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0', newFindingsOnly: true, changedFilesOnly: false, resolved: [], ...extra });

const SLOS = [slo('requests-availability', 'checkout', 0.999, 'aligned with 2 alert(s) and 1 panel(s)'), slo('requests-availability', 'payments', 0.9995, 'aligned with 2 alert(s) and 1 panel(s)'), slo('api-availability', 'search', 0.999, 'aligned with 2 alert(s) and 0 panel(s)')];

// (a) A clean pull request.
const clean = report({ result: 'pass', counts: counts([]), slos: SLOS, findings: [], diff: diff({ counts: { new: 0, existing: 0, resolved: 1 }, newCounts: { error: 0, warning: 0, notice: 0 }, resolved: [f('alert/required', 'warning', 'rules/search.yaml', 14, 'alert "SearchLatencyHigh" has no runbook_url annotation')] }) });

// (b) New errors on a legacy repository with a baseline.
const legacyKnown = Array.from({ length: 37 }, (_, i) => f(i % 3 ? 'alert/required' : 'dashboard/datasource', 'warning', `rules/legacy/team-${i % 6}.yaml`, 10 + i * 7, i % 3 ? `alert "Legacy_Check_${i}" has no severity label` : `panel "Errors (5m)" uses data source "prom_old", which does not exist`, { baselined: true, status: 'existing' }));
const fresh = [
  f('promql/syntax', 'error', 'rules/checkout.yaml', 23, 'unexpected ")" in "sum(rate(http_requests_total{job="checkout"}[5m])))"', { status: 'new' }),
  f('alert/burn-rate-windows', 'error', 'rules/payments.yaml', 41, 'alert "payments-availability-page" fires after 1h, but SLO "payments/requests-availability" (99.95 %) needs the 5m short window to detect a full outage within 4.2m', {
    status: 'new',
    suggestion: '- alert: payments-availability-page\n  expr: |\n    slo:sli_error:ratio_rate5m{sloth_service="payments"} > (14.4 * 0.0005)\n    and slo:sli_error:ratio_rate1h{sloth_service="payments"} > (14.4 * 0.0005)\n  labels:\n    severity: page\n',
  }),
];
const suppressed = [f('alert/required', 'warning', 'rules/legacy/batch.yaml', 7, 'alert "NightlyBatchLate" has no runbook_url annotation', { suppressed: { reason: 'batch team owns these alerts; runbooks live in their wiki', by: 'rules/legacy/batch.yaml:5', kind: 'inSource' } })];
const legacyFindings = [...fresh, ...legacyKnown, ...suppressed];
const legacy = report({
  result: 'fail', counts: counts(legacyFindings), slos: SLOS, findings: legacyFindings,
  diff: diff({ counts: { new: 2, existing: 37, resolved: 0 }, newCounts: { error: 2, warning: 0, notice: 0 } }),
  adoption: { suppressed: 1, baseline: { file: '.slo-gate-baseline.json', matched: 37, fixed: [{ fingerprint: 'x', check: 'alert/required', file: 'rules/legacy/team-2.yaml', subject: 'DiskFull', message: 'alert "DiskFull" has no summary annotation', count: 1 }] } },
});

// (c) A policy change awaiting approval.
const lowered = f('diff/target-lowered', 'error', 'slo/checkout.yaml', 9, 'SLO "checkout/requests-availability" target lowered from 99.9 % to 99.5 %: the error budget grows from 43.2 min to 3.6 h per 30d', { status: 'new' });
const policy = report({ result: 'fail', counts: counts([lowered]), slos: SLOS, findings: [lowered], diff: diff({ counts: { new: 1, existing: 0, resolved: 0 }, newCounts: { error: 1, warning: 0, notice: 0 }, allowLabel: 'slo-change-approved' }) });

const cases = [
  ['screenshot-comment-clean.png', clean, 'always'],
  ['screenshot-comment-new-errors.png', legacy, 'auto'],
  ['screenshot-comment-policy-change.png', policy, 'auto'],
];
const chromium = process.env.CHROMIUM ?? 'chromium';
for (const [name, data, mode] of cases) {
  const markdown = renderComment({ report: data, context, mode, key: 'default', artifactUrl: 'https://github.com/acme/platform-monitoring/actions/runs/4242/artifacts/77' });
  const body = marked.parse(markdown, { gfm: true });
  // GitHub's comment frame: a bordered box with a header, the body padded 16 px inside 760 px.
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.frame { width: 728px; margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
.head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; font-size: 14px; color: #59636e; border-radius: 6px 6px 0 0; }
.head b { color: #1f2328; }
.markdown-body { padding: 16px; font-size: 14px; }
</style></head><body><div class="frame"><div class="head"><b>github-actions</b> bot commented</div><div class="markdown-body">${body}</div></div></body></html>`;
  const page = path.join(work, `${name}.html`);
  writeFileSync(page, html);
  const target = path.join(out, name);
  const height = Number(process.env.SCREENSHOT_HEIGHT ?? (data === legacy ? 830 : data === clean ? 560 : 640));
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${target}`, `--window-size=760,${height}`, `file://${page}`], { stdio: 'ignore' });
  console.log(`${target}: ${Math.round(statSync(target).size / 1024)} KiB`);
}
// report.html of the legacy case: the same structure as the comment.
const page = path.join(work, 'report.html');
writeFileSync(page, renderHtml(legacy, { fileUrl: (file, line) => `https://github.com/acme/platform-monitoring/blob/${context.sha}/${file}#L${line}` }));
const target = path.join(out, 'screenshot-report-html.png');
execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${target}`, '--window-size=1100,1000', `file://${page}`], { stdio: 'ignore' });
console.log(`${target}: ${Math.round(statSync(target).size / 1024)} KiB`);
