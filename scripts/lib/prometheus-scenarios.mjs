// @ts-check
/**
 * Known-answer SLO scenarios for the real-Prometheus fixture. Pure functions
 * returning SyntheticSeries (time is relative: t = 0 is the fixture's `now`).
 * All scenarios use distinct `service` labels so they coexist in one server:
 *
 *   http_requests_total{service="<svc>", code="200"|"500"}      counter
 *   http_request_duration_seconds_bucket{service="<svc>", le=…} histogram
 *
 * Availability SLO used for the arithmetic: 99.9 % over 30 days, i.e. an error
 * budget of 0.001 (0.1 % of requests). Latency SLO: 99 % of requests <= 250 ms
 * (budget 0.01). Traffic is a constant `rps` (default 10 req/s) so request
 * counts cancel out of every ratio. Every change point is a multiple of the
 * 60 s step, so with queries evaluated at `time=now` the answers are exact
 * (up to float rounding, ~1e-12 relative).
 *
 *   burn rate          = error ratio over a window / 0.001
 *   budget consumed    = error ratio over 30 d / 0.001
 *   budget remaining   = 1 - budget consumed
 */
import { DAY, HOUR, MINUTE } from './prometheus-fixture.mjs';


export const AVAILABILITY_OBJECTIVE = 0.999;
/** 1 - 0.999, written as a literal (the float subtraction gives 0.0010000000000000009). */
export const ERROR_BUDGET = 0.001;
export const LATENCY_OBJECTIVE = 0.99;
export const LATENCY_THRESHOLD_SECONDS = 0.25;
export const DEFAULT_RPS = 10;

export const REQUESTS_METRIC = 'http_requests_total';
export const LATENCY_METRIC = 'http_request_duration_seconds';
/** Histogram bucket bounds (seconds); `+Inf` is implied. */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1];
/** Cumulative fraction per bucket for a fast service: 99.5 % <= 250 ms. */
export const FAST_LATENCY = [0.6, 0.85, 0.995, 0.999, 1];
/** Cumulative fraction per bucket for a degraded service: 80 % <= 250 ms. */
export const SLOW_LATENCY = [0.3, 0.5, 0.8, 0.95, 0.99];

/**
 * @typedef {object} ScenarioOptions
 * @property {string} [service] value of the `service` label
 * @property {number} [rps] total requests per second (default 10)
 */

/**
 * @typedef {{ from: number; to: number; ratio: number }} RatioSegment
 */

/**
 * Two counters (code 200 and 500) whose sum is a constant `rps` and whose
 * error share follows a piecewise-constant ratio.
 * @param {string} service
 * @param {number} rps
 * @param {number} baseRatio
 * @param {RatioSegment[]} [segments]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function requestCounters(service, rps, baseRatio, segments = []) {
  /** @type {(f: (ratio: number) => number) => import('./prometheus-fixture.mjs').RateSpec} */
  const spec = (f) => ({ base: f(baseRatio), segments: segments.map((s) => ({ from: s.from, to: s.to, rate: f(s.ratio) })) });
  return [
    { type: 'counter', name: REQUESTS_METRIC, labels: { service, code: '200' }, rate: spec((r) => rps * (1 - r)) },
    { type: 'counter', name: REQUESTS_METRIC, labels: { service, code: '500' }, rate: spec((r) => rps * r) },
  ];
}

/**
 * Healthy: error ratio 0.0002 all the time.
 *   30 d error ratio = 0.0002 -> budget consumed 0.0002 / 0.001 = 20 %, remaining 80 %.
 *   1 h / 5 m / 6 h burn rate = 0.0002 / 0.001 = 0.2.
 * Latency: 99.5 % <= 250 ms always -> bad ratio 0.005 -> burn 0.5, latency budget remaining 50 %.
 * @param {ScenarioOptions} [opts]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function healthyService(opts = {}) {
  const service = opts.service ?? 'healthy';
  const rps = opts.rps ?? DEFAULT_RPS;
  return [
    ...requestCounters(service, rps, 0.0002),
    { type: 'histogram', name: LATENCY_METRIC, labels: { service }, rate: rps, buckets: LATENCY_BUCKETS, cumulative: FAST_LATENCY },
  ];
}

/**
 * Incident of the exhausted scenario: 100 % errors for 72 minutes, 6 days ago.
 * @type {RatioSegment}
 */
export const EXHAUSTED_INCIDENT = { from: -6 * DAY, to: -6 * DAY + 72 * MINUTE, ratio: 1 };

/**
 * Spent its budget last week: no errors except an outage with 100 % errors
 * for 72 minutes starting 6 days ago (t = -6 d … -6 d + 72 min).
 *   30 d error ratio = 72 min / (30 × 1440 min) = 72 / 43200 = 1/600 ≈ 0.0016667
 *   budget consumed  = (1/600) / 0.001 = 166.67 %, remaining = -66.67 % (exhausted)
 *   7 d error ratio  = 72 / (7 × 1440) = 1/140 ≈ 0.0071429 -> 7 d burn ≈ 7.14
 *   1 h / 6 h / 5 m burn rate = 0 (it is not burning now)
 * (For reference: 100 % of a 30-day 0.1 % budget is 43.2 minutes of full outage.)
 * @param {ScenarioOptions} [opts]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function budgetExhaustedService(opts = {}) {
  return requestCounters(opts.service ?? 'exhausted', opts.rps ?? DEFAULT_RPS, 0, [EXHAUSTED_INCIDENT]);
}

/**
 * Burning at 20× right now: error ratio 0.0002 until one hour ago, 0.02 from
 * t = -1 h on (and onwards, if the fixture runs in live mode).
 *   1 h and 5 m error ratio = 0.02 -> burn rate 0.02 / 0.001 = 20
 *   6 h error ratio = (5 × 0.0002 + 1 × 0.02) / 6 = 0.021 / 6 = 0.0035 -> burn 3.5
 *   30 d error ratio = (719 × 0.0002 + 1 × 0.02) / 720 = 0.1638 / 720 = 0.0002275
 *     -> budget consumed 22.75 %, remaining 77.25 %
 * Latency: 99.5 % <= 250 ms until an hour ago, then 80 %:
 *   1 h bad ratio = 0.2 -> latency burn 0.2 / 0.01 = 20
 *   30 d good ratio = (719 × 0.995 + 0.8) / 720 = 716.205 / 720 = 0.99472917 -> latency budget remaining 47.29 %
 * @param {ScenarioOptions} [opts]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function fastBurnService(opts = {}) {
  const service = opts.service ?? 'burning';
  const rps = opts.rps ?? DEFAULT_RPS;
  return [
    ...requestCounters(service, rps, 0.0002, [{ from: -HOUR, to: Infinity, ratio: 0.02 }]),
    {
      type: 'histogram',
      name: LATENCY_METRIC,
      labels: { service },
      rate: rps,
      buckets: LATENCY_BUCKETS,
      // Evaluated at the midpoint of each 60 s step: steps ending after t = -1 h are slow.
      cumulative: (t) => (t >= -HOUR ? SLOW_LATENCY : FAST_LATENCY),
    },
  ];
}

/**
 * No data: nothing is written for this service, so any selector on
 * `service="nodata"` returns an empty vector.
 * @param {ScenarioOptions} [_opts]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function noDataService(_opts = {}) {
  return [];
}

/**
 * All four scenarios with their default service names.
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function standardScenarios() {
  return [...healthyService(), ...budgetExhaustedService(), ...fastBurnService(), ...noDataService()];
}

/**
 * Known answers for one scenario. Keys of the records are PromQL range
 * durations ('5m', '1h', '6h', '7d', '30d').
 * @typedef {object} ScenarioExpectation
 * @property {string} service
 * @property {Record<string, number>} errorRatio errors / total requests over the window
 * @property {Record<string, number>} burnRate errorRatio / ERROR_BUDGET
 * @property {number} budgetRemaining30d 1 - errorRatio['30d'] / ERROR_BUDGET (negative = overspent)
 */

/**
 * @typedef {ScenarioExpectation & { latencyGoodRatio: Record<string, number> }} LatencyScenarioExpectation
 * `latencyGoodRatio`: share of requests <= LATENCY_THRESHOLD_SECONDS over the window.
 */

/**
 * Expected answers for `standardScenarios()` (queries evaluated at `time=now`).
 * @type {{ healthy: LatencyScenarioExpectation; exhausted: ScenarioExpectation; burning: LatencyScenarioExpectation; nodata: { service: string } }}
 */
export const EXPECTED = {
  healthy: {
    service: 'healthy',
    errorRatio: { '5m': 0.0002, '1h': 0.0002, '6h': 0.0002, '30d': 0.0002 },
    burnRate: { '5m': 0.2, '1h': 0.2, '6h': 0.2 },
    budgetRemaining30d: 0.8,
    latencyGoodRatio: { '1h': 0.995, '30d': 0.995 },
  },
  exhausted: {
    service: 'exhausted',
    errorRatio: { '5m': 0, '1h': 0, '6h': 0, '7d': 1 / 140, '30d': 1 / 600 },
    burnRate: { '5m': 0, '1h': 0, '6h': 0, '7d': 1 / 140 / 0.001 },
    budgetRemaining30d: 1 - 1 / 600 / 0.001,
  },
  burning: {
    service: 'burning',
    errorRatio: { '5m': 0.02, '1h': 0.02, '6h': 0.0035, '30d': 0.0002275 },
    burnRate: { '5m': 20, '1h': 20, '6h': 3.5 },
    budgetRemaining30d: 0.7725,
    latencyGoodRatio: { '1h': 0.8, '30d': 716.205 / 720 },
  },
  nodata: { service: 'nodata' },
};

/**
 * Error ratio over `window` for one service: 5xx requests / all requests.
 * @param {string} service
 * @param {string} window PromQL duration, e.g. "1h"
 */
export function errorRatioQuery(service, window) {
  return (
    `sum(increase(${REQUESTS_METRIC}{service="${service}",code=~"5.."}[${window}]))` +
    ` / sum(increase(${REQUESTS_METRIC}{service="${service}"}[${window}]))`
  );
}

/**
 * Share of requests at or under `le` seconds over `window` for one service.
 * @param {string} service
 * @param {string} window PromQL duration, e.g. "30d"
 * @param {number} [le] a bucket bound (default LATENCY_THRESHOLD_SECONDS)
 */
export function latencyGoodRatioQuery(service, window, le = LATENCY_THRESHOLD_SECONDS) {
  return (
    `sum(increase(${LATENCY_METRIC}_bucket{service="${service}",le="${le}"}[${window}]))` +
    ` / sum(increase(${LATENCY_METRIC}_count{service="${service}"}[${window}]))`
  );
}
