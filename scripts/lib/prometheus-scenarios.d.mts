// Generated from the JSDoc of the .mjs file next to it; do not edit by hand.
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
export function requestCounters(service: string, rps: number, baseRatio: number, segments?: RatioSegment[]): import("./prometheus-fixture.mjs").SyntheticSeries[];
/**
 * Healthy: error ratio 0.0002 all the time.
 *   30 d error ratio = 0.0002 -> budget consumed 0.0002 / 0.001 = 20 %, remaining 80 %.
 *   1 h / 5 m / 6 h burn rate = 0.0002 / 0.001 = 0.2.
 * Latency: 99.5 % <= 250 ms always -> bad ratio 0.005 -> burn 0.5, latency budget remaining 50 %.
 * @param {ScenarioOptions} [opts]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function healthyService(opts?: ScenarioOptions): import("./prometheus-fixture.mjs").SyntheticSeries[];
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
export function budgetExhaustedService(opts?: ScenarioOptions): import("./prometheus-fixture.mjs").SyntheticSeries[];
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
export function fastBurnService(opts?: ScenarioOptions): import("./prometheus-fixture.mjs").SyntheticSeries[];
/**
 * No data: nothing is written for this service, so any selector on
 * `service="nodata"` returns an empty vector.
 * @param {ScenarioOptions} [_opts]
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function noDataService(_opts?: ScenarioOptions): import("./prometheus-fixture.mjs").SyntheticSeries[];
/**
 * All four scenarios with their default service names.
 * @returns {import('./prometheus-fixture.mjs').SyntheticSeries[]}
 */
export function standardScenarios(): import("./prometheus-fixture.mjs").SyntheticSeries[];
/**
 * Error ratio over `window` for one service: 5xx requests / all requests.
 * @param {string} service
 * @param {string} window PromQL duration, e.g. "1h"
 */
export function errorRatioQuery(service: string, window: string): string;
/**
 * Share of requests at or under `le` seconds over `window` for one service.
 * @param {string} service
 * @param {string} window PromQL duration, e.g. "30d"
 * @param {number} [le] a bucket bound (default LATENCY_THRESHOLD_SECONDS)
 */
export function latencyGoodRatioQuery(service: string, window: string, le?: number): string;
export const AVAILABILITY_OBJECTIVE: 0.999;
/** 1 - 0.999, written as a literal (the float subtraction gives 0.0010000000000000009). */
export const ERROR_BUDGET: 0.001;
export const LATENCY_OBJECTIVE: 0.99;
export const LATENCY_THRESHOLD_SECONDS: 0.25;
export const DEFAULT_RPS: 10;
export const REQUESTS_METRIC: "http_requests_total";
export const LATENCY_METRIC: "http_request_duration_seconds";
/** Histogram bucket bounds (seconds); `+Inf` is implied. */
export const LATENCY_BUCKETS: number[];
/** Cumulative fraction per bucket for a fast service: 99.5 % <= 250 ms. */
export const FAST_LATENCY: number[];
/** Cumulative fraction per bucket for a degraded service: 80 % <= 250 ms. */
export const SLOW_LATENCY: number[];
/**
 * Incident of the exhausted scenario: 100 % errors for 72 minutes, 6 days ago.
 * @type {RatioSegment}
 */
export const EXHAUSTED_INCIDENT: RatioSegment;
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
export const EXPECTED: {
    healthy: LatencyScenarioExpectation;
    exhausted: ScenarioExpectation;
    burning: LatencyScenarioExpectation;
    nodata: {
        service: string;
    };
};
export type ScenarioOptions = {
    /**
     * value of the `service` label
     */
    service?: string | undefined;
    /**
     * total requests per second (default 10)
     */
    rps?: number | undefined;
};
export type RatioSegment = {
    from: number;
    to: number;
    ratio: number;
};
/**
 * Known answers for one scenario. Keys of the records are PromQL range
 * durations ('5m', '1h', '6h', '7d', '30d').
 */
export type ScenarioExpectation = {
    service: string;
    /**
     * errors / total requests over the window
     */
    errorRatio: Record<string, number>;
    /**
     * errorRatio / ERROR_BUDGET
     */
    burnRate: Record<string, number>;
    /**
     * 1 - errorRatio['30d'] / ERROR_BUDGET (negative = overspent)
     */
    budgetRemaining30d: number;
};
/**
 * `latencyGoodRatio`: share of requests <= LATENCY_THRESHOLD_SECONDS over the window.
 */
export type LatencyScenarioExpectation = ScenarioExpectation & {
    latencyGoodRatio: Record<string, number>;
};
