// What live mode measures about the repository's rules and SLI queries, for the live rule checks
// (src/checks/live/): whether each selector selects series, each metric's declared type, each
// selector's scrape interval, and how each SLO's alerts would have behaved over its window.
// Requests go through the run's one client, so the time budget, timeouts, retries and the
// concurrency limit bound them like the SLO measurements. A capability the backend cannot
// serve (unreachable, too slow, no metadata endpoint) is recorded once with its reason.

import type { SloLinks } from '../link/types.js';
import type { Model, Rule } from '../model/types.js';
import { PrometheusError, type PrometheusClient } from './client.js';
import { measureSelector, type SeriesVerdict } from './series.js';
import { recordedNames, selectorText, selectorUses, type SelectorUse } from './selectors.js';
import { parseDuration } from '../model/units.js';
import { backtestSlo, type SloBacktest } from './backtest.js';
import type { Measurable } from './evaluate.js';

export type LiveCapability = 'series' | 'metadata' | 'scrape-interval' | 'backtest';

export interface MetricType {
  /** As the backend declares it: counter, gauge, histogram, summary, gaugehistogram, info, stateset, unknown. */
  type: string;
  /** The family the metadata is for (`x` for `x_bucket`), when it is not the metric itself. */
  family?: string;
}

export interface ScrapeInterval {
  seconds: number;
  /** 'targets': the scrape target's configured interval; 'samples': the spacing of one series' samples. */
  source: 'targets' | 'samples';
  job?: string;
}

export interface RuleMeasurements {
  /** Unix seconds every query was evaluated at. */
  time: number;
  uses: SelectorUse[];
  /** By SelectorUse.selector; selectors of the repository's recorded names are not asked about. */
  series: Map<string, SeriesVerdict>;
  recorded: Map<string, Rule[]>;
  /** By metric name; absent when the backend does not know it (or metadata is unavailable). */
  types: Map<string, MetricType>;
  /** By SelectorUse.selector. */
  intervals: Map<string, ScrapeInterval>;
  /** Each SLO's linked alerts, replayed over its period. */
  backtests: SloBacktest[];
  /** Capabilities that could not be measured, with why. */
  unavailable: Map<LiveCapability, string>;
}

const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

export async function measureRules(model: Model, links: SloLinks | undefined, client: PrometheusClient, time: number, concurrency: number, budgetSeconds: number): Promise<RuleMeasurements> {
  const recorded = recordedNames(model);
  const uses = selectorUses(model, links);
  const measured: RuleMeasurements = { time, uses, series: new Map(), recorded, types: new Map(), intervals: new Map(), backtests: [], unavailable: new Map() };
  const asked = uses.filter((use) => use.fact.metric === undefined || !recorded.has(use.fact.metric));
  const unavailable = (capability: LiveCapability, error: unknown) => {
    if (!(error instanceof PrometheusError)) throw error;
    const why = error.kind === 'budget' ? `the live time budget of ${budgetSeconds}s ran out` : error.message;
    if (!measured.unavailable.has(capability)) measured.unavailable.set(capability, why);
  };
  if (asked.length === 0) return measured;
  // A backend that could not be used for the SLOs is not asked again: each capability says why once.
  // Types and intervals matter for the rules' own queries; SLI queries are planned by live mode itself.
  const ofRules = asked.filter((use) => use.owner.rule !== undefined);
  if (client.unreachable) {
    unavailable('series', client.unreachable);
    if (ofRules.length) for (const capability of ['metadata', 'scrape-interval'] as const) unavailable(capability, client.unreachable);
    return measured;
  }

  // 1. series
  const selectors = unique(asked.map((use) => use.selector)).map((selector) => asked.find((use) => use.selector === selector)!);
  await pool(selectors, concurrency, async (use) => {
    if (measured.unavailable.has('series')) return;
    try {
      measured.series.set(use.selector, await measureSelector(client, use, time));
    } catch (error) {
      unavailable('series', error);
    }
  });

  // A backend that went away during the series phase is not asked again: the rest says why once each.
  if (client.unreachable) {
    for (const capability of ['metadata', 'scrape-interval'] as const) if (ofRules.length) unavailable(capability, client.unreachable);
    return measured;
  }

  // 2. metadata, for metrics that have series (the others have their series-missing finding)
  const metrics = unique(ofRules.filter((use) => use.fact.metric !== undefined && measured.series.get(use.selector)?.status !== 'no-metric').map((use) => use.fact.metric!));
  await pool(metrics, concurrency, async (metric) => {
    if (measured.unavailable.has('metadata')) return;
    try {
      const type = await metricType(client, metric);
      if (type) measured.types.set(metric, type);
    } catch (error) {
      unavailable('metadata', error);
    }
  });

  // 3. scrape intervals of the selectors rates read and alerts with `for` wait on
  const timed = ofRules.filter((use) => measured.series.get(use.selector)?.status === 'present' && (use.fact.functions.some((fn) => COUNTER_FUNCTIONS.has(fn)) || (use.owner.rule?.for && use.owner.kind === 'alert')));
  const timedSelectors = unique(timed.map((use) => use.selector));
  if (timedSelectors.length) {
    let targets: { labels: Record<string, string>; scrapeInterval?: string }[] = [];
    try {
      targets = await client.targets();
    } catch (error) {
      // Without targets, sample spacing still tells the interval.
      if (!(error instanceof PrometheusError) || error.kind !== 'missing') unavailable('scrape-interval', error);
    }
    await pool(timedSelectors, concurrency, async (selector) => {
      if (measured.unavailable.has('scrape-interval')) return;
      try {
        const interval = await scrapeInterval(client, selector, targets, time);
        if (interval) measured.intervals.set(selector, interval);
      } catch (error) {
        unavailable('scrape-interval', error);
      }
    });
  }
  return measured;
}

/**
 * Replays the linked alerts of each measurable SLO over its period (after the other rule
 * measurements: a backtest reads the most data). Results go into `measured.backtests`.
 */
export async function measureBacktests(
  measured: RuleMeasurements,
  work: Measurable[],
  links: SloLinks | undefined,
  client: PrometheusClient,
  options: { time: number; concurrency: number; budgetSeconds: number; evaluationSeconds: number },
): Promise<void> {
  const todo = work.map((m) => ({ m, alerts: links?.bySlo.get(m.slo.key)?.alerts.filter((a) => a.rule.expr.analysis.errors.length === 0) ?? [] })).filter((t) => t.alerts.length > 0);
  if (!todo.length) return;
  const fail = (error: unknown) => {
    if (!(error instanceof PrometheusError)) throw error;
    if (!measured.unavailable.has('backtest')) measured.unavailable.set('backtest', error.kind === 'budget' ? `the live time budget of ${options.budgetSeconds}s ran out` : error.message);
  };
  if (client.unreachable) return fail(client.unreachable);
  const results: SloBacktest[] = new Array(todo.length);
  await pool(todo.map((t, i) => ({ ...t, i })), options.concurrency, async ({ m, alerts, i }) => {
    if (measured.unavailable.has('backtest')) return;
    try {
      results[i] = await backtestSlo({ slo: m.slo, plan: m.plan, alerts, recorded: measured.recorded, defaultEvaluationSeconds: options.evaluationSeconds }, client, options.time);
    } catch (error) {
      fail(error);
    }
  });
  measured.backtests = results.filter(Boolean);
}

/** The metric's declared type: its own metadata, or its family's for `_total`, `_bucket`, `_count`, `_sum`. */
async function metricType(client: PrometheusClient, metric: string): Promise<MetricType | undefined> {
  const own = single(await client.metadata(metric));
  if (own) return { type: own };
  const suffix = /^(.+)_(total|bucket|count|sum)$/.exec(metric);
  if (!suffix) return undefined;
  // OpenMetrics names a counter's family without _total, and histograms and summaries by their base name.
  const family = single(await client.metadata(suffix[1]));
  return family ? { type: family, family: suffix[1] } : undefined;
}

/** One type when every exporter agrees; undefined when none is known or they disagree. */
function single(entries: { type: string }[]): string | undefined {
  const types = unique(entries.map((e) => e.type));
  return types.length === 1 && types[0] !== 'unknown' && types[0] !== 'untyped' ? types[0] : undefined;
}

/**
 * The interval one series of the selector is sampled at: its scrape target's configured
 * interval when its `job` label names targets that agree on one, otherwise the median spacing
 * of that series' samples over the last hour (downloaded for that one series only).
 */
async function scrapeInterval(client: PrometheusClient, selector: string, targets: { labels: Record<string, string>; scrapeInterval?: string }[], time: number): Promise<ScrapeInterval | undefined> {
  const [busiest] = await client.query(`topk(1, count_over_time(${selector}[1h]))`, time);
  if (!busiest) return undefined;
  const job = busiest.labels.job;
  if (job !== undefined) {
    const configured = unique(targets.filter((t) => t.labels.job === job && t.scrapeInterval).map((t) => t.scrapeInterval!));
    const seconds = configured.length === 1 ? parseDuration(configured[0]) : undefined;
    if (seconds) return { seconds, source: 'targets', job };
  }
  const metric = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0];
  const labels = Object.entries(busiest.labels).map(([label, value]) => ({ label, op: '=' as const, value }));
  const exact = metric ? selectorText(metric, labels) : selectorText(undefined, [{ label: '__name__', op: '=~', value: '.+' }, ...labels]);
  const [series] = await client.queryMatrix(`${exact}[1h]`, time);
  const points = series?.points ?? [];
  if (points.length < 2) return undefined;
  const gaps = points.slice(1).map(([t], i) => t - points[i][0]).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  return { seconds: Math.round(median * 1000) / 1000, source: 'samples', ...(job !== undefined ? { job } : {}) };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
