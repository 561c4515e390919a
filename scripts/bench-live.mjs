#!/usr/bin/env node
// @ts-check
/**
 * Live-mode benchmark: 50 SLOs measured against a local Prometheus holding 30 days of history
 * (31 days backfilled at 1-minute steps). Target: one live run under 5 s on this machine.
 * Reports, it does not assert: a slow machine prints the figures and a note, and exits 0.
 *
 *   node scripts/bench-live.mjs [--runs 5] [--concurrency 4] [--quick] [--json]
 *
 * The SLOs cycle through every SLI shape live mode writes PromQL for (Sloth events with
 * {{.window}}, Pyrra bare selectors, Sloth raw error ratio, latency from histogram buckets,
 * OpenSLO good/total) over ten services whose histories are the test scenarios (healthy,
 * spent last week, burning now). Each SLO costs two requests: one instant query for the period
 * and every burn-rate window, one range query of ≤ 200 steps for the burn-down.
 * Needs `prometheus` and `promtool` (see scripts/lib/prometheus-fixture.mjs); without them it
 * says so and exits 0. The TypeScript sources are bundled on the fly with rolldown (vite's bundler,
 * already a dev dependency through vitest), which also reads the generated CommonJS validators.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { DAY, ensurePrometheus, startPrometheus } from './lib/prometheus-fixture.mjs';
import { budgetExhaustedService, fastBurnService, healthyService } from './lib/prometheus-scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '4' },
    slos: { type: 'string', default: '50' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const TARGET_MS = 5000;
const runs = args.quick ? 1 : Math.max(1, Number(args.runs));
const sloCount = Math.max(1, Number(args.slos));
const concurrency = Math.max(1, Number(args.concurrency));
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

const env = await ensurePrometheus();
if (!env.available) {
  log(`bench-live: skipped — real Prometheus unavailable: ${env.reason}`);
  process.exit(0);
}

const SERVICES = Array.from({ length: 10 }, (_, i) => ({ name: `svc${i}`, kind: /** @type {const} */ (['healthy', 'burning', 'exhausted'][i % 3]) }));
const series = SERVICES.flatMap(({ name, kind }) =>
  kind === 'healthy' ? healthyService({ service: name }) : kind === 'burning' ? fastBurnService({ service: name }) : budgetExhaustedService({ service: name }),
);

/** @param {string} service @param {number} i */
function indicatorFor(service, i) {
  const sel = `service="${service}"`;
  const hasHistogram = !SERVICES.find((s) => s.name === service && s.kind === 'exhausted');
  switch (hasHistogram ? i % 5 : i % 4) {
    case 0:
      return { type: 'ratio', metrics: [], errorQuery: `sum(rate(http_requests_total{${sel},code=~"5.."}[{{.window}}]))`, totalQuery: `sum(rate(http_requests_total{${sel}}[{{.window}}]))` };
    case 1:
      return { type: 'ratio', metrics: [], errorQuery: `http_requests_total{${sel},code=~"5.."}`, totalQuery: `http_requests_total{${sel}}` };
    case 2:
      return { type: 'ratio', metrics: [], errorRatioQuery: `sum(rate(http_requests_total{${sel},code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total{${sel}}[{{.window}}]))` };
    case 3:
      return { type: 'ratio', metrics: [], goodQuery: `sum(rate(http_requests_total{${sel},code!~"5.."}[{{.window}}]))`, totalQuery: `sum(rate(http_requests_total{${sel}}[{{.window}}]))` };
    default:
      return { type: 'latency', metrics: [], thresholdSeconds: 0.25, totalQuery: `http_request_duration_seconds_count{${sel}}` };
  }
}

const slos = Array.from({ length: sloCount }, (_, i) => {
  const service = SERVICES[i % SERVICES.length].name;
  const name = `${service}-slo${i}`;
  return {
    key: `bench.yml#${name}`,
    name,
    service,
    format: 'sloth',
    file: 'bench.yml',
    position: { line: i + 1 },
    target: i % 5 === 4 ? 0.99 : 0.999,
    periodSeconds: 30 * DAY,
    periodKind: 'rolling',
    indicator: indicatorFor(service, Math.floor(i / SERVICES.length)),
    burnWindows: [],
    declaredBudget: {},
    declaresBurnAlerting: true,
    dashboardRefs: [],
    baseDir: '',
    labels: {},
  };
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository, so the bundle resolves packages from its node_modules; removed at the end.
const work = mkdtempSync(path.join(root, '.bench-live-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const load = async (entry) => {
  const file = path.join(work, `${path.basename(entry, '.ts')}.mjs`);
  await build({ input: path.join(root, entry), platform: 'node', external: [/^node:/, /^[^./]/], output: { file, format: 'esm' }, logLevel: 'silent' });
  return import(pathToFileURL(file).href);
};
const { runLive } = await load('src/live/run-live.ts');
const { linkModel } = await load('src/link/link.ts');
const prom = await startPrometheus({ series, historySeconds: 31 * DAY });
try {
  const model = linkModel({ root: '/bench', files: [], slos, ruleGroups: [], dashboards: [], rules: [], unreadable: [] }, { sloLinks: {} });
  const settings = { url: prom.url, timeoutSeconds: 30, budgetSeconds: 120, failOn: 'exhausted', concurrency, time: prom.now };
  await runLive(model, settings); // warm-up: Prometheus' page cache and Vite's transform
  /** @type {number[]} */
  const times = [];
  let last;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    last = await runLive(model, settings);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const statuses = Object.entries(
    last.summary.slos.reduce((/** @type {Record<string, number>} */ acc, /** @type {{ status: string }} */ s) => ((acc[s.status] = (acc[s.status] ?? 0) + 1), acc), {}),
  )
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const result = {
    benchmark: 'live',
    slos: sloCount,
    concurrency,
    runs,
    medianMs: Math.round(median),
    minMs: Math.round(times[0]),
    maxMs: Math.round(times.at(-1) ?? 0),
    requestsPerRun: last.summary.requests,
    retries: last.summary.retries,
    statuses,
    data: `${prom.stats.samples} samples, ${prom.stats.series} series over ${prom.historySeconds / DAY} days`,
    setupMs: prom.timings.totalMs,
    targetMs: TARGET_MS,
    withinTarget: median < TARGET_MS,
  };
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    log(`live: ${sloCount} SLOs, concurrency ${concurrency}, ${result.requestsPerRun} requests per run (${statuses})`);
    log(`      median ${result.medianMs} ms (min ${result.minMs}, max ${result.maxMs}) over ${runs} run(s) — target < ${TARGET_MS} ms: ${result.withinTarget ? 'met' : 'NOT met'}`);
    log(`      data: ${result.data}; Prometheus ${prom.version} set up in ${result.setupMs} ms (not counted)`);
  }
} finally {
  await prom.stop();
}
