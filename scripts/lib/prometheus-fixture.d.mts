// Generated from the JSDoc of the .mjs file next to it; do not edit by hand.
/**
 * @param {number} v
 * @returns {string}
 */
export function formatValue(v: number): string;
/**
 * `name{a="b",c="d"}` (or just `name` with no labels).
 * @param {string} name
 * @param {Labels} labels
 */
export function seriesText(name: string, labels: Labels): string;
/**
 * @param {SyntheticSeries} s
 * @returns {string}
 */
export function familyName(s: SyntheticSeries): string;
/**
 * Writes an OpenMetrics text file (as accepted by
 * `promtool tsdb create-blocks-from openmetrics`): one `# TYPE <family> <type>`
 * line per family (counter families without `_total`), the family's series
 * contiguous, each series' samples in ascending time with a timestamp in
 * integer unix seconds, terminated by `# EOF`.
 * @param {string} file
 * @param {SyntheticSeries[]} series
 * @param {HistoryOptions} [opts]
 * @returns {Promise<WriteStats>}
 */
export function writeOpenMetrics(file: string, series: SyntheticSeries[], opts?: HistoryOptions): Promise<WriteStats>;
/**
 * Finds `prometheus` and `promtool` (env PROMETHEUS_BIN / PROMTOOL_BIN, then
 * /usr/bin, then PATH). If missing and we are root on a system with apt-get,
 * installs the Debian `prometheus` package (bounded by `installTimeoutMs`;
 * `apt-get update` is run and the install retried once if the first attempt
 * fails). Otherwise resolves to `{ available: false, reason }`; it never
 * rejects. Memoised per process (the options of the first call win).
 * Set SLO_GATE_SKIP_PROMETHEUS=1 to force "unavailable" (e.g. to check skips).
 * @param {EnsureOptions} [opts]
 * @returns {Promise<PrometheusEnv>}
 */
export function ensurePrometheus(opts?: EnsureOptions): Promise<PrometheusEnv>;
/**
 * Instant query against a Prometheus HTTP API.
 * @param {string} url base URL
 * @param {string} expr PromQL
 * @param {number} [time] unix seconds
 * @returns {Promise<QueryResultItem[]>}
 */
export function queryPrometheus(url: string, expr: string, time?: number): Promise<QueryResultItem[]>;
/**
 * Generates the history, backfills it with promtool into a temporary TSDB and
 * starts Prometheus on 127.0.0.1:<free port>. Resolves once `/-/ready` is 200
 * and the last hour of the first series is queryable at `now`.
 * Throws (with the Prometheus log tail) if Prometheus is unavailable or fails.
 * @param {StartOptions} opts
 * @returns {Promise<RunningPrometheus>}
 */
export function startPrometheus(opts: StartOptions): Promise<RunningPrometheus>;
/**
 * Synchronous check used by tooling: are both binaries present right now?
 * (No install attempt, no memoisation.)
 * @returns {{ prometheus: string; promtool: string } | undefined}
 */
export function findPrometheusBinaries(): {
    prometheus: string;
    promtool: string;
} | undefined;
export const MINUTE: 60;
export const HOUR: 3600;
export const DAY: 86400;
export const DEFAULT_STEP_SECONDS: 60;
/**
 * 31 days: a full 30-day window evaluated at `now` (or a bit later) is entirely
 * covered, so 30d `increase()` never extrapolates at the start of the range.
 */
export const DEFAULT_HISTORY_SECONDS: number;
/**
 * Internal: a stateful generator that can be advanced to increasing relative
 * times and render the current sample lines. Used for the backfill and for the
 * live exporter that continues the same series after `now`.
 */
export type SeriesGenerator = {
    family: string;
    type: "counter" | "gauge" | "histogram";
    seriesCount: number;
    advance: (t: number) => void;
    /**
     * `suffix` is appended to each sample line (" <ts>\n" or "\n")
     */
    lines: (suffix: string) => string;
    /**
     * relative time of the last sample (Infinity: never stops)
     */
    until: number;
    /**
     * whether a sample is written at relative time `t` (`until`, `everySeconds`)
     */
    writes: (t: number) => boolean;
};
export type Labels = Record<string, string>;
/**
 * Half-open interval [from, to) in relative seconds (negative = past) with a
 * constant per-second rate. `to` may be `Infinity` ("until further notice";
 * relevant for live continuation).
 */
export type RateSegment = {
    from: number;
    to: number;
    rate: number;
};
/**
 * Per-second increase rate of a counter over time:
 * - a constant,
 * - a function of relative time `t` (integrated with the midpoint rule, one
 *   evaluation per step),
 * - piecewise: `base` everywhere except the (non-overlapping) segments.
 * Constants and segments are integrated exactly.
 */
export type RateSpec = number | ((t: number) => number) | {
    base?: number;
    segments: RateSegment[];
};
/**
 * A counter. `name` is the family name; a trailing `_total` is accepted and
 * stripped. Samples are written as `<family>_total{labels} value ts`.
 */
export type CounterSeries = {
    type: "counter";
    name: string;
    labels?: Labels | undefined;
    rate: RateSpec;
    /**
     * counter value at the first sample (default 0)
     */
    initial?: number | undefined;
    /**
     * relative times at which the counter restarts from 0
     */
    resetsAt?: number[] | undefined;
    /**
     * relative time of the last sample written (a target that stopped reporting); default: none
     */
    until?: number | undefined;
    /**
     * write a sample only where t is a multiple of this (a slower scrape interval than the step)
     */
    everySeconds?: number | undefined;
};
/**
 * A gauge: `value` is sampled at every step.
 */
export type GaugeSeries = {
    type: "gauge";
    name: string;
    labels?: Labels | undefined;
    value: number | ((t: number) => number);
    /**
     * relative time of the last sample written; default: none
     */
    until?: number | undefined;
    /**
     * write a sample only where t is a multiple of this
     */
    everySeconds?: number | undefined;
};
/**
 * A classic histogram. `rate` is the number of observations per second;
 * `cumulative[i]` is the fraction of observations `<= buckets[i]` (so it is
 * non-decreasing and within [0, 1]); the `+Inf` bucket is implied (fraction 1).
 * A function form is evaluated at the midpoint of each step. Bucket counters are
 * written as `<name>_bucket{...,le="<bound>"}` with `le` formatted by
 * `String(bound)` (0.25 -> "0.25", 1 -> "1"), plus `<name>_count` and
 * `<name>_sum`. `_sum` uses `meanSeconds` if given, otherwise an estimate from
 * the bucket midpoints.
 */
export type HistogramSeries = {
    type: "histogram";
    name: string;
    labels?: Labels | undefined;
    rate: RateSpec;
    buckets: number[];
    cumulative: number[] | ((t: number) => number[]);
    meanSeconds?: number | ((t: number) => number) | undefined;
    /**
     * relative time of the last sample written; default: none
     */
    until?: number | undefined;
    /**
     * write a sample only where t is a multiple of this
     */
    everySeconds?: number | undefined;
};
export type SyntheticSeries = CounterSeries | GaugeSeries | HistogramSeries;
export type HistoryOptions = {
    /**
     * unix seconds of the last sample; default: wall clock rounded down to the step
     */
    now?: number | undefined;
    /**
     * default 60
     */
    stepSeconds?: number | undefined;
    /**
     * default 31 days (rounded up to a multiple of the step)
     */
    historySeconds?: number | undefined;
};
export type WriteStats = {
    /**
     * unix seconds of the last sample
     */
    now: number;
    /**
     * unix seconds of the first sample
     */
    start: number;
    stepSeconds: number;
    historySeconds: number;
    /**
     * number of distinct sample series written (each bucket counts)
     */
    series: number;
    samples: number;
    bytes: number;
};
export type PrometheusEnv = {
    available: true;
    prometheus: string;
    promtool: string;
    version: string;
} | {
    available: false;
    reason: string;
};
export type EnsureOptions = {
    /**
     * try `apt-get install -y prometheus` when missing (root only); default true unless SLO_GATE_NO_APT is set
     */
    install?: boolean | undefined;
    /**
     * overall bound for apt-get (update + install); default 300000
     */
    installTimeoutMs?: number | undefined;
    /**
     * progress messages; default: stderr
     */
    log?: ((msg: string) => void) | undefined;
};
export type StartOptions = {
    series: SyntheticSeries[];
    /**
     * unix seconds of the last sample (default: wall clock rounded down to the step)
     */
    now?: number | undefined;
    /**
     * default 60
     */
    stepSeconds?: number | undefined;
    /**
     * default 31 days
     */
    historySeconds?: number | undefined;
    /**
     * keep the series going after `now`: a
     * tiny exporter on 127.0.0.1 serves the continued values and Prometheus scrapes it (job/instance
     * labels are dropped so the scraped series are the backfilled ones). Default false: no scrape targets.
     */
    live?: boolean | {
        scrapeIntervalSeconds?: number;
    } | undefined;
    /**
     * promtool `--max-block-duration`, default "240h"
     */
    maxBlockDuration?: string | undefined;
    /**
     * default 30000
     */
    readyTimeoutMs?: number | undefined;
    /**
     * default "90d"
     */
    retention?: string | undefined;
    /**
     * parent of the temporary directory (default os.tmpdir())
     */
    tmpRoot?: string | undefined;
    /**
     * listen on 127.0.0.1:<port> instead of a free port (no retry if it is taken)
     */
    port?: number | undefined;
};
export type QueryResultItem = {
    metric: Labels;
    value: number;
};
export type RunningPrometheus = {
    /**
     * e.g. http://127.0.0.1:41234 (no trailing slash)
     */
    url: string;
    port: number;
    /**
     * temporary root (config, data dir); removed by stop()
     */
    dir: string;
    /**
     * TSDB directory
     */
    dataDir: string;
    /**
     * unix seconds of the last backfilled sample; query with `time=now` for exact answers
     */
    now: number;
    stepSeconds: number;
    historySeconds: number;
    version: string;
    stats: WriteStats & {
        blocks: number;
    };
    timings: {
        writeMs: number;
        blocksMs: number;
        startupMs: number;
        totalMs: number;
    };
    /**
     * live mode only
     */
    exporterUrl: string | undefined;
    /**
     * instant query (default time: `now`); vector or scalar results
     */
    query: (expr: string, time?: number) => Promise<QueryResultItem[]>;
    /**
     * last ~64 KiB of Prometheus output
     */
    logs: () => string;
    /**
     * resolves when the Prometheus process exits (also after stop())
     */
    exited: Promise<{
        code: number | null;
        signal: string | null;
    }>;
    /**
     * kill Prometheus (SIGTERM, then SIGKILL after 5 s), stop the exporter, remove `dir`. Idempotent.
     */
    stop: () => Promise<void>;
};
