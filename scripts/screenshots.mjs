// Screenshots of the pull-request comment as GitHub shows it: the comment Markdown rendered by a GFM
// renderer (marked) inside GitHub's Markdown CSS (github-markdown-css) at a 760 px comment width,
// photographed by headless Chromium. Three cases, each a real run of the engine on a small git
// repository built here — a base commit and a pull request's head, compared as the action compares
// them: a clean pull request, new errors on a legacy repository whose baseline (written by the CLI's
// `baseline` command) is in use, and a policy change awaiting its approval label; and report.html of
// the legacy case.
//
//   npm install --no-save marked github-markdown-css   # dev only, not bundled
//   apt-get install -y chromium fonts-noto-color-emoji   # the comment's emoji need a colour emoji font
//   node scripts/screenshots.mjs [OUT_DIR]              # default docs/
//
// The engine, the CLI and the renderers are the sources (src/run.ts, src/cli/cli.ts,
// src/action/publish/comment.ts, src/render/html.ts), bundled on the fly with rolldown (vite's
// bundler, already a dev dependency through vitest). The burn-rate alerts of each SLO are the rule
// group slo-gate itself suggests for it, so they fit; the defects are the fixtures' own.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs'));
const require = createRequire(path.join(process.env.SCREENSHOT_MODULES ?? root, 'package.json'));
const markedModule = await import(pathToFileURL(require.resolve('marked')).href);
const marked = markedModule.marked ?? markedModule.default.marked ?? markedModule.default;
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
const { build } = await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('rolldown')).href);

// Inside the repository, so the bundle resolves its dependencies from node_modules; removed at the end.
const work = mkdtempSync(path.join(root, '.screenshots-'));
const repositories = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-screenshots-'));
process.on('exit', () => {
  rmSync(work, { recursive: true, force: true });
  rmSync(repositories, { recursive: true, force: true });
});
const entry = path.join(work, 'entry.ts');
const source = (file) => JSON.stringify(path.join(root, 'src', file));
writeFileSync(
  entry,
  `export { renderComment } from ${source('action/publish/comment.ts')};\nexport { renderHtml } from ${source('render/html.ts')};\nexport { runCheck } from ${source('run.ts')};\nexport { runCli } from ${source('cli/cli.ts')};\n`,
);
const bundle = path.join(work, 'screenshots.mjs');
await build({ input: entry, platform: 'node', external: (id) => !id.startsWith('.') && !path.isAbsolute(id), output: { file: bundle, format: 'esm' }, logLevel: 'silent' });
const { renderComment, renderHtml, runCheck, runCli } = await import(pathToFileURL(bundle).href);

// ---------------------------------------------------------------- the repositories

// Fixed identities and dates: the same sources give the same commits, and so the same screenshots.
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Platform Team', GIT_AUTHOR_EMAIL: 'platform@example.com', GIT_AUTHOR_DATE: '2026-12-01T09:00:00Z',
  GIT_COMMITTER_NAME: 'Platform Team', GIT_COMMITTER_EMAIL: 'platform@example.com', GIT_COMMITTER_DATE: '2026-12-01T09:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (dir, ...args) => execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();

function repository(name) {
  const dir = path.join(repositories, name);
  mkdirSync(dir);
  git(dir, 'init', '-q');
  return {
    dir,
    /** Writes the files (null removes one) and commits them: the commit's sha. */
    commit(files, message) {
      for (const [file, content] of Object.entries(files)) {
        const at = path.join(dir, file);
        if (content === null) rmSync(at, { force: true });
        else {
          mkdirSync(path.dirname(at), { recursive: true });
          writeFileSync(at, content);
        }
      }
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },
  };
}

const DOCS_BASE_URL = 'https://github.com/slo-gate/slo-gate/blob/v1';
const quiet = { stdout: () => {}, stderr: () => {} };

/** A Sloth spec of one service: a request-availability SLO with page and ticket alerts. */
const sloth = (service, objective) => `version: prometheus/v1
service: ${service}
labels:
  team: ${service}
slos:
  - name: ${service}-availability
    objective: ${objective}
    description: Requests to ${service} that do not fail with a 5xx.
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="${service}",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="${service}"}[{{.window}}]))
    alerting:
      name: ${service[0].toUpperCase()}${service.slice(1)}Availability
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        labels:
          severity: warning
`;

/** The burn-rate rule group slo-gate suggests for the one SLO of `spec`: the alerts that implement it. */
async function suggestedAlerts(name, spec) {
  const dir = path.join(repositories, `${name}-suggestion`);
  mkdirSync(path.join(dir, 'slo'), { recursive: true });
  writeFileSync(path.join(dir, 'slo', 'spec.yaml'), spec);
  const { report } = await runCheck({ root: dir, failOn: 'never', baseline: false });
  const missing = report.findings.find((finding) => finding.check === 'align/burn-alert-missing' && finding.suggestion);
  if (!missing) throw new Error(`no rule group suggested for ${name}`);
  return `${missing.suggestion}\n`;
}

/** One dashboard with a panel per service, each showing its SLI. */
const dashboard = (services) => `${JSON.stringify(
  {
    uid: 'slo-overview',
    title: 'SLO overview',
    panels: services.map((service, index) => ({
      id: index + 1,
      type: 'timeseries',
      title: `${service} error ratio`,
      gridPos: { x: 0, y: index * 8, w: 24, h: 8 },
      targets: [{ refId: 'A', expr: `sum(rate(http_requests_total{job="${service}",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="${service}"}[5m]))` }],
    })),
  },
  null,
  2,
)}\n`;

/** A plain alert; `summary: false` leaves out the summary the configuration requires. */
const alert = (name, expr, { summary = true, severity = 'warning', comment } = {}) => `${comment ? `      # ${comment}\n` : ''}      - alert: ${name}
        expr: ${expr}
        for: 10m
        labels:
          severity: ${severity}
${summary ? `        annotations:\n          summary: "${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}"\n` : ''}`;
const group = (name, alerts) => `groups:\n  - name: ${name}\n    rules:\n${alerts.join('')}`;

const CONFIG = 'min-availability: 99.9\nalerts:\n  required-annotations: [summary]\n';
const SERVICES = { checkout: '99.9', payments: '99.95' };
const monitored = async (services) => {
  const files = { '.slo-gate.yml': CONFIG, 'dashboards/slo-overview.json': dashboard(Object.keys(services)) };
  for (const [service, objective] of Object.entries(services)) {
    files[`slo/${service}.yaml`] = sloth(service, objective);
    files[`rules/${service}-slo.yaml`] = await suggestedAlerts(service, sloth(service, objective));
  }
  return files;
};

/** The pull request `head` against `base`, checked as the action checks a pull_request event. */
async function pullRequest(name, base, head, { allowLabel } = {}) {
  const repo = repository(name);
  let baseSha = repo.commit(base.files, base.message);
  if (base.baseline) {
    if ((await runCli(['baseline', repo.dir], quiet)) !== 0) throw new Error(`slo-gate baseline failed in ${repo.dir}`);
    baseSha = repo.commit({}, 'Adopt slo-gate: the baseline of the existing findings');
  }
  const headSha = repo.commit(head.files, head.message);
  const { report } = await runCheck({
    root: repo.dir,
    failOn: 'error',
    diff: { base: baseSha, newFindingsOnly: true, changedFilesOnly: false, ...(allowLabel ? { allowLabel } : {}) },
    docsBaseUrl: DOCS_BASE_URL,
  });
  return { report, context: contextFor(headSha) };
}

// (a) A clean pull request: it gives an old alert the summary it lacked.
const restarts = (summary) => group('checkout-pods', [alert('CheckoutPodRestarting', 'increase(kube_pod_container_status_restarts_total{namespace="checkout"}[15m]) > 3', { summary })]);
const clean = await pullRequest(
  'clean',
  { files: { ...(await monitored(SERVICES)), 'rules/checkout-pods.yaml': restarts(false) }, message: 'Checkout monitoring' },
  { files: { 'rules/checkout-pods.yaml': restarts(true) }, message: 'Give CheckoutPodRestarting a summary' },
);

// (b) A legacy repository: years of host alerts without summaries, an SLO below the floor with no
// alerts, one suppression with its reason, and the baseline of all of it. The pull request adds a
// latency alert whose query does not parse and an SLO without alerts, and fixes one host alert.
const HOSTS = 14;
const hosts = (fixed) => group('legacy-hosts', Array.from({ length: HOSTS }, (_, index) => alert(`HostDiskFilling${index}`, `node_filesystem_avail_bytes{instance="db-${index}:9100"} / node_filesystem_size_bytes{instance="db-${index}:9100"} < 0.1`, { summary: index === fixed })));
const batch = group('legacy-batch', [
  alert('NightlyBatchLate', 'time() - batch_last_success_timestamp_seconds{job="nightly"} > 3 * 3600', { summary: false, comment: 'slo-gate-disable-next-line alert/required: the batch team owns these alerts; their runbooks live in the batch wiki' }),
]);
const latency = (expr) => group('checkout-latency', [alert('CheckoutLatencyHigh', expr, { severity: 'critical' })]);
const legacy = await pullRequest(
  'legacy',
  {
    files: { ...(await monitored(SERVICES)), 'slo/search.yaml': sloth('search', '99.5'), 'rules/legacy/hosts.yaml': hosts(-1), 'rules/legacy/batch.yaml': batch },
    message: 'Monitoring as it grew',
    baseline: true,
  },
  {
    files: {
      'rules/legacy/hosts.yaml': hosts(3),
      'rules/checkout-latency.yaml': latency('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])) > 0.5'),
      'slo/orders.yaml': sloth('orders', '99.9'),
    },
    message: 'Orders SLO and a checkout latency alert',
  },
);

// (c) A policy change: payments lowers its objective (and its alerts follow), without the approval label.
const policy = await pullRequest(
  'policy',
  { files: await monitored(SERVICES), message: 'Checkout and payments SLOs' },
  { files: await monitored({ ...SERVICES, payments: '99.9' }), message: 'Payments: 99.9 % is what we can promise this quarter' },
  { allowLabel: 'slo-change-approved' },
);

function contextFor(headSha) {
  return {
    eventName: 'pull_request', owner: 'acme', repo: 'platform-monitoring', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com',
    runId: '4242', runAttempt: '1', job: 'slo', step: 'slo', sha: headSha, pathPrefix: '',
    pullRequest: { number: 318, headSha, fromFork: false },
  };
}

// SCREENSHOT_FINDINGS=1 lists each case's findings, to see what the fixtures produce.
if (process.env.SCREENSHOT_FINDINGS) {
  for (const [name, run] of Object.entries({ clean, legacy, policy })) {
    console.log(`${name}: ${run.report.result}`);
    for (const skipped of run.report.skipped) console.log(`  skipped ${JSON.stringify(skipped)}`);
    for (const finding of run.report.findings) console.log(`  ${finding.status ?? '-'}${finding.baselined ? ' baselined' : ''}${finding.suppressed ? ' suppressed' : ''} ${finding.severity} ${finding.check} ${finding.file}:${finding.line} ${finding.message}`);
  }
}

const cases = [
  ['screenshot-comment-clean.png', clean, 'always'],
  ['screenshot-comment-new-errors.png', legacy, 'auto'],
  ['screenshot-comment-policy-change.png', policy, 'auto'],
];
// Each comment's height at 760 px, so the picture ends where the comment does.
const HEIGHTS = { 'screenshot-comment-clean.png': 462, 'screenshot-comment-new-errors.png': 944, 'screenshot-comment-policy-change.png': 628 };
const chromium = process.env.CHROMIUM ?? 'chromium';
for (const [name, { report, context }, mode] of cases) {
  const markdown = renderComment({ report, context, mode, key: 'default', artifactUrl: 'https://github.com/acme/platform-monitoring/actions/runs/4242/artifacts/77' });
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
  const height = Number(process.env.SCREENSHOT_HEIGHT ?? HEIGHTS[name]);
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${target}`, `--window-size=760,${height}`, `file://${page}`], { stdio: 'ignore' });
  console.log(`${target}: ${Math.round(statSync(target).size / 1024)} KiB`);
}
// report.html of the legacy case: the same structure as the comment.
const page = path.join(work, 'report.html');
writeFileSync(page, renderHtml(legacy.report, { fileUrl: (file, line) => `https://github.com/acme/platform-monitoring/blob/${legacy.context.sha}/${file}#L${line}` }));
const target = path.join(out, 'screenshot-report-html.png');
execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${target}`, '--window-size=1100,1000', `file://${page}`], { stdio: 'ignore' });
console.log(`${target}: ${Math.round(statSync(target).size / 1024)} KiB`);
