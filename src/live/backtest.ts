// Would the SLO's alerts have fired when its budget burned? Each alert linked to an SLO is
// evaluated as a range query over the SLO's period at its rule group's evaluation interval, the
// way the rule manager would have evaluated it (the repository's recording rules written out in
// place, so the rules need not be deployed), and `for` is applied to the result. The burn
// episodes come from the same error-ratio series the budget uses, one value per evaluation step.
//
// Arithmetic, with step s and evaluation times t (each step covers (t − s, t]):
//   burn rate of a step      errors(t) / total(t) / budget
//   episode                  a maximal run of steps with burn rate > 1; it begins at the first step's start
//   budget spent over steps  Σ errors(t) / (budget × Σ total over the whole period)
//                            (ratio SLIs: Σ ratio(t) / (budget × number of steps))
//   firing                   an alert instance pending since its first step fires at the first
//                            evaluation at least `for` later; it fires on while the query returns it
//   first firing of episode  the first firing interval that ends after the episode began and
//                            starts no later than the episode's end plus the alert's longest window

import { errorBudget } from '../model/burn-rate.js';
import type { AlertLink } from '../link/types.js';
import type { LabelMatcherFact, QueryAnalysis } from '../lang/promql/analyse.js';
import { analyseQuery } from '../lang/promql/analyse.js';
import type { Rule, Slo } from '../model/types.js';
import { describeSpan, parseDuration } from '../model/units.js';
import { PrometheusError, type PrometheusClient, type RangeSeries } from './client.js';
import type { EventsPlan, RatioPlan } from './queries.js';
import { formatDurationInOneUnit as promDuration } from '../model/units.js';

/** Points per range query; Prometheus refuses more than 11,000. */
export const MAX_RANGE_POINTS = 10_000;
const PART = 'slo_gate_part';
const PAGE_SEVERITY = /^(page|critical|p[01]|high|urgent)$/i;

export interface BurnEpisode {
  /** Unix seconds: the start of the first step that burned faster than the budget allows. */
  start: number;
  /** The end of the last such step. */
  end: number;
  /** Share of the period's budget the episode spent (0.031 = 3.1 %). */
  budgetSpent: number;
  peakBurnRate: number;
}

export interface EpisodeResponse {
  episode: number;
  /** Start of the first firing for the episode; undefined when the alert would not have fired. */
  firedAt?: number;
  delaySeconds?: number;
  /** Budget spent from the episode's start to the firing. */
  budgetAtFiring?: number;
}

export interface AlertBacktest {
  sloKey: string;
  alert: string;
  /** Group, name and severity label: Sloth names the page and the ticket alert alike. */
  subject: string;
  file: string;
  line: number;
  column?: number;
  /** Severity label says it pages (page, critical, …). */
  page: boolean;
  /** Budget share the alert's fastest burn-rate window stands for (factor × window ÷ period); undefined for alerts that are not burn-rate alerts. */
  share?: number;
  evaluationSeconds: number;
  forSeconds: number;
  /** Firing intervals [first, last evaluation that fired]. */
  firings: { start: number; end: number }[];
  responses: EpisodeResponse[];
  /** The query as evaluated (recording rules written out). */
  query: string;
  /** Why it could not be evaluated. */
  error?: string;
}

export interface SloBacktest {
  sloKey: string;
  start: number;
  end: number;
  stepSeconds: number;
  episodes: BurnEpisode[];
  alerts: AlertBacktest[];
  error?: string;
}

export interface BacktestInput {
  slo: Slo & { target: number; periodSeconds: number };
  plan: EventsPlan | RatioPlan;
  alerts: AlertLink[];
  recorded: Map<string, Rule[]>;
  defaultEvaluationSeconds: number;
}

/** Backtest one SLO's alerts at `time`. PrometheusError of kind 'unreachable' or 'budget' propagates. */
export async function backtestSlo(input: BacktestInput, client: PrometheusClient, time: number): Promise<SloBacktest> {
  const { slo, plan, alerts } = input;
  const budget = errorBudget(slo.target);
  const period = slo.periodSeconds;
  // The ratio series at the finest evaluation interval of the SLO's alerts.
  const intervals = alerts.map((a) => a.rule.groupIntervalSeconds ?? input.defaultEvaluationSeconds);
  const step = Math.min(...intervals);
  const start = time - period + step;
  const result: SloBacktest = { sloKey: slo.key, start: time - period, end: time, stepSeconds: step, episodes: [], alerts: [] };
  let ratio: Map<number, { errors: number; total: number }>;
  try {
    ratio = await stepRatios(plan, client, start, time, step);
  } catch (error) {
    if (error instanceof PrometheusError && error.kind === 'query') return { ...result, error: error.message };
    throw error;
  }
  const times = Array.from({ length: Math.round((time - start) / step) + 1 }, (_, k) => start + k * step);
  const totalPeriod = plan.kind === 'ratio' ? times.length : times.reduce((sum, t) => sum + (ratio.get(t)?.total ?? 0), 0);
  const spentAt = (t: number) => {
    const point = ratio.get(t);
    if (!point || !(totalPeriod > 0)) return 0;
    return point.errors / (budget * totalPeriod);
  };
  const burnAt = (t: number) => {
    const point = ratio.get(t);
    if (!point || !(point.total > 0)) return 0;
    return point.errors / point.total / budget;
  };
  const episodes: BurnEpisode[] = [];
  let open: BurnEpisode | undefined;
  for (const t of times) {
    const burn = burnAt(t);
    if (burn > 1) {
      open ??= { start: t - step, end: t, budgetSpent: 0, peakBurnRate: 0 };
      open.end = t;
      open.budgetSpent += spentAt(t);
      open.peakBurnRate = Math.max(open.peakBurnRate, burn);
    } else if (open) {
      episodes.push(open);
      open = undefined;
    }
  }
  if (open) episodes.push(open);
  result.episodes = episodes;
  const spentBetween = (from: number, to: number) => times.filter((t) => t > from && t <= to).reduce((sum, t) => sum + spentAt(t), 0);

  for (const link of alerts) {
    const rule = link.rule;
    const evaluation = rule.groupIntervalSeconds ?? input.defaultEvaluationSeconds;
    const forSeconds = rule.for ? parseDuration(rule.for.value) ?? 0 : 0;
    const keepFiringSeconds = rule.keepFiringFor ? parseDuration(rule.keepFiringFor.value) ?? 0 : 0;
    const query = expandRecorded(rule.expr.text, rule.expr.analysis, input.recorded, evaluation);
    const windows = link.encoding.windows.filter((w) => w.factor !== undefined);
    const share = link.encoding.kind === 'burn-rate' && windows.length ? Math.max(...windows.map((w) => (w.factor! * w.longSeconds) / period)) : undefined;
    const severity = rule.labels.severity?.value ?? rule.labels.sloth_severity?.value;
    const backtest: AlertBacktest = {
      sloKey: slo.key,
      alert: rule.name,
      subject: `${rule.group}/${rule.name}${severity !== undefined ? `{severity=${severity}}` : ''}`,
      file: rule.file,
      line: rule.position.line,
      column: rule.position.column,
      page: severity !== undefined ? PAGE_SEVERITY.test(severity) : windows.some((w) => w.factor! >= 6),
      share,
      evaluationSeconds: evaluation,
      forSeconds,
      firings: [],
      responses: [],
      query,
    };
    result.alerts.push(backtest);
    const alertStart = time - period + evaluation;
    let series: RangeSeries[];
    try {
      series = await chunkedRange(client, query, alertStart, time, evaluation);
    } catch (error) {
      if (error instanceof PrometheusError && error.kind === 'query') {
        backtest.error = error.message;
        continue;
      }
      throw error;
    }
    backtest.firings = firingIntervals(series, evaluation, forSeconds, keepFiringSeconds).map((f) => ({ start: f.start, end: Math.min(f.end, time) }));
    const grace = Math.max(0, ...link.encoding.windows.map((w) => w.longSeconds));
    backtest.responses = episodes.map((episode, index) => {
      const firing = backtest.firings.find((f) => f.end >= episode.start && f.start <= episode.end + grace);
      if (!firing) return { episode: index };
      const firedAt = Math.max(firing.start, episode.start);
      return { episode: index, firedAt, delaySeconds: firedAt - episode.start, budgetAtFiring: spentBetween(episode.start, firedAt) };
    });
  }
  return result;
}

/**
 * Alert instances (one per label set) → merged firing intervals. An instance is pending from the
 * first evaluation of an unbroken run and fires once `for` has passed since then; with
 * `keep_firing_for` it goes on firing that long after its query stopped returning it.
 */
export function firingIntervals(series: RangeSeries[], step: number, forSeconds: number, keepFiringSeconds = 0): { start: number; end: number }[] {
  const intervals: { start: number; end: number }[] = [];
  for (const one of series) {
    let runStart: number | undefined;
    let previous: number | undefined;
    const close = () => {
      if (runStart !== undefined && previous !== undefined) {
        const fireFrom = runStart + Math.ceil(forSeconds / step - 1e-9) * step;
        if (fireFrom <= previous) intervals.push({ start: fireFrom, end: previous + Math.ceil(keepFiringSeconds / step - 1e-9) * step });
      }
    };
    for (const [t] of one.points) {
      if (previous === undefined || Math.abs(t - previous - step) > 1e-6) {
        close();
        runStart = t;
      }
      previous = t;
    }
    close();
  }
  intervals.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end + step + 1e-6) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Errors and total (or the ratio) for each step (t − step, t], from `start` to `end`. */
async function stepRatios(plan: EventsPlan | RatioPlan, client: PrometheusClient, start: number, end: number, step: number): Promise<Map<number, { errors: number; total: number }>> {
  const w = promDuration(step);
  const query = plan.kind === 'ratio' ? plan.ratio(w) : `${tag(plan.errors(w), 'errors')} or ${tag(plan.total(w), 'total')}`;
  const series = await chunkedRange(client, query, start, end, step);
  const out = new Map<number, { errors: number; total: number }>();
  for (const one of series) {
    const part = plan.kind === 'ratio' ? 'ratio' : one.labels[PART];
    for (const [t, v] of one.points) {
      if (!Number.isFinite(v)) continue;
      const point = out.get(t) ?? { errors: 0, total: plan.kind === 'ratio' ? 1 : 0 };
      if (part === 'errors' || part === 'ratio') point.errors += v;
      else if (part === 'total') point.total += v;
      out.set(t, point);
    }
  }
  // A step with a total and no error series had no errors (the counter has no 5xx series yet).
  return out;
}

/** A range query in pieces of at most MAX_RANGE_POINTS steps, joined per label set. */
export async function chunkedRange(client: PrometheusClient, query: string, start: number, end: number, step: number): Promise<RangeSeries[]> {
  const joined = new Map<string, RangeSeries>();
  for (let from = start; from <= end; from += MAX_RANGE_POINTS * step) {
    const to = Math.min(end, from + (MAX_RANGE_POINTS - 1) * step);
    for (const one of await client.queryRange(query, from, to, step)) {
      const key = JSON.stringify(Object.entries(one.labels).sort(([a], [b]) => (a < b ? -1 : 1)));
      const into = joined.get(key);
      if (into) into.points.push(...one.points);
      else joined.set(key, { labels: one.labels, points: [...one.points] });
    }
  }
  return [...joined.values()];
}

/**
 * The query with each selector of a repository recording rule replaced by that rule's expression
 * (recursively; a range over it becomes a subquery at the evaluation interval). A selector whose
 * matchers no recording rule's static labels satisfy is left as written.
 */
export function expandRecorded(text: string, analysis: QueryAnalysis, recorded: Map<string, Rule[]>, evaluation: number, depth = 0): string {
  if (depth > 8 || analysis.errors.length > 0) return text;
  const replacements: { from: number; to: number; text: string }[] = [];
  for (const selector of analysis.facts.selectors) {
    const rules = selector.metric !== undefined ? recorded.get(selector.metric) : undefined;
    if (!rules) continue;
    const fitting = rules.filter((rule) => selector.matchers.every((m) => m.label === '__name__' || satisfies(rule.labels[m.label]?.value, m)));
    if (!fitting.length) continue;
    const bodies = fitting.map((rule) => `(${expandRecorded(rule.expr.text, rule.expr.analysis, recorded, evaluation, depth + 1)})`);
    const body = bodies.length === 1 ? bodies[0] : `(${bodies.join(' or ')})`;
    const range = /^\s*\[([^\]:]+)\]/.exec(text.slice(selector.to));
    if (range) replacements.push({ from: selector.from, to: selector.to + range[0].length, text: `${body}[${range[1].trim()}:${promDuration(evaluation)}]` });
    else replacements.push({ from: selector.from, to: selector.to, text: body });
  }
  let out = text;
  for (const r of replacements.sort((a, b) => b.from - a.from)) out = out.slice(0, r.from) + r.text + out.slice(r.to);
  return depth === 0 && out !== text && analyseQuery(out).errors.length > 0 ? text : out;
}

/** A label the rule sets statically against a matcher; a label it does not set could have any value. */
function satisfies(value: string | undefined, m: LabelMatcherFact): boolean {
  if (value === undefined) return true;
  const regex = () => {
    try {
      return new RegExp(`^(?:${m.value})$`).test(value);
    } catch {
      return true;
    }
  };
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return regex();
    case '!~':
      return !regex();
  }
}

function tag(expr: string, part: string): string {
  return `label_replace(${expr}, "${PART}", "${part}", "", "")`;
}

/** "would have fired 2× in 30d (3h 10m in all); burn 1: fired after 9 min, 3.1 % of the budget spent; burn 2: no firing (8.3 % spent)" */
export function backtestLine(backtest: SloBacktest, alert: AlertBacktest): string {
  const period = promDuration(backtest.end - backtest.start);
  const firingSeconds = alert.firings.reduce((sum, f) => sum + (f.end - f.start + alert.evaluationSeconds), 0);
  const verb = alert.page ? 'paged' : 'fired';
  const head = alert.firings.length
    ? `would have ${verb} ${alert.firings.length}× in ${period} (${describeSpan(firingSeconds)} in all)`
    : `would not have ${alert.page ? 'paged' : 'fired'} in ${period}`;
  if (!backtest.episodes.length) return `${head}; the budget never burned faster than it allows in that time`;
  const episodes = backtest.episodes.map((episode, index) => {
    const response = alert.responses[index];
    const burn = `burn ${index + 1} (${describeSpan(episode.end - episode.start)} at up to ${Number(episode.peakBurnRate.toFixed(1))}×, ${percent(episode.budgetSpent)} of the budget)`;
    if (response?.firedAt === undefined) return `${burn}: no ${alert.page ? 'page' : 'firing'}`;
    return `${burn}: first ${alert.page ? 'page' : 'firing'} ${describeSpan(response.delaySeconds!)} after it began, ${percent(response.budgetAtFiring!)} spent`;
  });
  return `${head}; ${episodes.join('; ')}`;
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))} %`;
}
