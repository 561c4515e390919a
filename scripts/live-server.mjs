#!/usr/bin/env node
// @ts-check
/**
 * Local live-mode demo: a real Prometheus on 127.0.0.1 loaded with 31 days of
 * synthetic SLO history (the same scenarios as the test harness) that keeps
 * going in real time (a tiny local exporter continues the series and
 * Prometheus scrapes it), so burn-rate windows stay populated for as long as the
 * demo runs. Stops and cleans up on Ctrl-C.
 *
 *   node scripts/live-server.mjs [--port 9090] [--history-days 31] [--scrape-interval 15] [--frozen]
 *
 *   --port N             listen on 127.0.0.1:N (default: a free port)
 *   --history-days N     days of backfilled history (default 31)
 *   --scrape-interval S  seconds between scrapes of the live exporter (default 15)
 *   --frozen             no live continuation: data ends at start-up time, like the tests
 *                        (instant queries at the wall clock go stale after 5 minutes)
 *
 * The first stdout line is `PROMETHEUS_URL=http://127.0.0.1:<port>`.
 * Requires `prometheus` and `promtool` (installed with apt-get when running as root).
 */
import { parseArgs } from 'node:util';
import { DAY, ensurePrometheus, startPrometheus } from './lib/prometheus-fixture.mjs';
import { EXPECTED, errorRatioQuery, latencyGoodRatioQuery, standardScenarios } from './lib/prometheus-scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'history-days': { type: 'string', default: '31' },
    'scrape-interval': { type: 'string', default: '15' },
    frozen: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log('usage: node scripts/live-server.mjs [--port N] [--history-days N] [--scrape-interval S] [--frozen]');
  process.exit(0);
}

/** @param {string | undefined} v @param {string} name */
function positiveNumber(v, name) {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number, got ${JSON.stringify(v)}`);
    process.exit(2);
  }
  return n;
}

const env = await ensurePrometheus();
if (!env.available) {
  console.error(`cannot start the demo: ${env.reason}`);
  process.exit(1);
}

const prom = await startPrometheus({
  series: standardScenarios(),
  historySeconds: Math.round(positiveNumber(args['history-days'], 'history-days') * DAY),
  port: args.port === undefined ? undefined : positiveNumber(args.port, 'port'),
  live: args.frozen ? false : { scrapeIntervalSeconds: positiveNumber(args['scrape-interval'], 'scrape-interval') },
}).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(2)} %`;
console.log(`PROMETHEUS_URL=${prom.url}`);
console.log(
  `Prometheus ${prom.version} on ${prom.url} (data ${prom.dataDir})\n` +
    `  ${prom.stats.samples} samples, ${prom.stats.series} series, ${prom.stats.blocks} blocks; ` +
    `history ${new Date((prom.now - prom.historySeconds) * 1000).toISOString()} .. ${new Date(prom.now * 1000).toISOString()}\n` +
    `  generated in ${prom.timings.writeMs} ms, promtool ${prom.timings.blocksMs} ms, ready in ${prom.timings.startupMs} ms` +
    (prom.exporterUrl ? `\n  live: ${prom.exporterUrl}/metrics continues the series (scraped every ${args['scrape-interval']} s)` : '\n  frozen: no data after start-up'),
);
console.log(`
Scenarios (availability SLO 99.9 % / 30 d, latency SLO 99 % <= 250 ms), known answers:
  service="${EXPECTED.healthy.service}"    error ratio 0.0002 -> budget remaining ${pct(EXPECTED.healthy.budgetRemaining30d)}, burn 1h ${EXPECTED.healthy.burnRate['1h']}
  service="${EXPECTED.exhausted.service}"  72 min outage 6 days ago -> budget remaining ${pct(EXPECTED.exhausted.budgetRemaining30d)}, burn 1h 0
  service="${EXPECTED.burning.service}"    error ratio 0.02 for the last hour (and on) -> burn 1h/5m ${EXPECTED.burning.burnRate['1h']}, 6h ${EXPECTED.burning.burnRate['6h']}, budget remaining ${pct(EXPECTED.burning.budgetRemaining30d)}
  service="${EXPECTED.nodata.service}"     no series at all
(Exact at the start-up time ${prom.now}; in live mode the windows slide, so later values drift
 slightly: e.g. 6h burn of "burning" rises towards 20 as the hour of fast burn grows.)

Try:
  curl -s ${prom.url}/api/v1/query --data-urlencode 'query=${errorRatioQuery('burning', '1h')}'
  curl -s ${prom.url}/api/v1/query --data-urlencode 'query=${latencyGoodRatioQuery('healthy', '30d')}'

Ctrl-C to stop.`);

let stopping = false;
/** @param {string} why */
async function shutdown(why) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${why}: stopping Prometheus and removing ${prom.dir} …`);
  await prom.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

const exit = await prom.exited;
if (!stopping) {
  console.error(`Prometheus exited unexpectedly (code ${exit.code}, signal ${exit.signal}):\n${prom.logs().slice(-3000)}`);
  await prom.stop();
  process.exit(1);
}
