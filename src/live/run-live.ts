// Live mode, start to end: plan each SLO's queries, measure the measurable ones against the
// backend with bounded concurrency inside a total time budget, and turn what was measured into
// `live/*` findings. Live findings are not static checks: they join the report and the gate
// next to the engine's findings (src/run-check.ts), and `live-fail-on` decides how much they weigh.

import type { Config } from '../config/config.js';
import type { Finding, Severity } from '../model/findings.js';
import type { Model, Slo } from '../model/types.js';
import { describeSpan } from '../model/units.js';
import { fingerprint } from '../report/fingerprint.js';
import { PrometheusClient, PrometheusError } from './client.js';
import { evaluateSlo, identity, type Measurable } from './evaluate.js';
import { LIVE_CHECKS, liveSeverity } from './checks.js';
import { planSli, promDuration } from './queries.js';
import type { LiveFailOn, LiveSloResult, LiveSummary } from './types.js';
import { measureRules } from './measure-rules.js';
import { LIVE_RULE_CHECKS } from '../checks/live/rule-checks.js';

export interface LiveSettings {
  /** Base URL of a Prometheus HTTP API. */
  url: string;
  headers?: Record<string, string>;
  /** Per-request timeout. */
  timeoutSeconds: number;
  /** The whole live run stops starting queries after this long. */
  budgetSeconds: number;
  failOn: LiveFailOn;
  /** SLOs measured at once (default 4). */
  concurrency?: number;
  /** Evaluation instant, unix seconds (default: now). Fixed for tests and reproducible reports. */
  time?: number;
  retries?: number;
  backoffMs?: number;
  /** Debug log for every request (the action: core.debug; the CLI: stderr with --debug). Never sees a header value. */
  log?: (message: string) => void;
}

export const LIVE_DEFAULTS = { timeoutSeconds: 30, budgetSeconds: 120, failOn: 'exhausted' as LiveFailOn, concurrency: 4 };

export interface LiveRun {
  summary: LiveSummary;
  findings: Finding[];
}

export async function runLive(model: Model, settings: LiveSettings, config?: Pick<Config, 'checks'>): Promise<LiveRun> {
  const started = Date.now();
  const time = Math.floor(settings.time ?? started / 1000);
  const client = new PrometheusClient({
    url: settings.url,
    headers: settings.headers,
    timeoutMs: settings.timeoutSeconds * 1000,
    deadline: started + settings.budgetSeconds * 1000,
    retries: settings.retries,
    backoffMs: settings.backoffMs,
    log: settings.log,
  });

  const results: LiveSloResult[] = new Array(model.slos.length);
  const work: { index: number; measurable: Measurable }[] = [];
  model.slos.forEach((slo, index) => {
    const reason = notMeasurable(slo);
    const plan = reason ? undefined : planSli(slo);
    if (reason || !plan || plan.kind === 'unmeasurable') {
      results[index] = { ...identity(slo), status: 'not-measurable', reason: reason ?? (plan as { reason: string }).reason, target: slo.target, periodSeconds: slo.periodSeconds, windows: [], notes: [] };
    } else work.push({ index, measurable: { slo: slo as Measurable['slo'], plan } });
  });

  await pool(work, settings.concurrency ?? LIVE_DEFAULTS.concurrency, async ({ index, measurable }) => {
    try {
      results[index] = await evaluateSlo(measurable, client, time);
    } catch (error) {
      if (!(error instanceof PrometheusError)) {
        // A fault of ours must not cost the static report: it becomes this SLO's failure.
        const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
        results[index] = { ...identity(measurable.slo), status: 'failed', reason: `internal error in live mode: ${message} (please report this)`, windows: [], notes: [] };
        return;
      }
      const reason = error.kind === 'budget' ? `not evaluated: the live time budget of ${settings.budgetSeconds}s ran out` : `not evaluated: ${error.message}`;
      results[index] = { ...identity(measurable.slo), status: 'not-evaluated', reason, target: measurable.slo.target, periodSeconds: measurable.slo.periodSeconds, windows: [], notes: [] };
    }
  });

  // The rules' selectors, types and intervals: after the SLOs, which the gate weighs most.
  const rules = await measureRules(model, model.links, client, time, settings.concurrency ?? LIVE_DEFAULTS.concurrency, settings.budgetSeconds);
  const summary: LiveSummary = {
    url: client.displayUrl,
    evaluatedAt: new Date(time * 1000).toISOString(),
    failOn: settings.failOn,
    durationMs: Date.now() - started,
    requests: client.stats.requests,
    retries: client.stats.retries,
    unreachable: client.unreachable?.message,
    slos: results,
    ...(rules ? { rules } : {}),
  };
  return { summary, findings: liveFindings(model, summary, settings, config) };
}

function notMeasurable(slo: Slo): string | undefined {
  if (slo.target === undefined) return 'the SLO has no readable target';
  if (!(slo.target > 0 && slo.target < 1)) return 'the target leaves no error budget';
  if (slo.periodSeconds === undefined || slo.periodSeconds <= 0) return 'the SLO has no readable period';
  if (slo.budgetingMethod === 'timeslices' || slo.budgetingMethod === 'ratio-timeslices') return `${slo.budgetingMethod} budgeting is not measured live (only occurrences)`;
  return undefined;
}

function liveFindings(model: Model, summary: LiveSummary, settings: LiveSettings, config?: Pick<Config, 'checks'>): Finding[] {
  const slos = model.slos;
  const findings: Finding[] = [];
  const add = (check: string, severity: Severity, finding: Omit<Finding, 'check' | 'severity'> & { severity?: Severity }) => {
    const setting = config?.checks?.[check];
    if (setting === 'off') return;
    const final: Finding = { ...finding, check, severity: setting ?? severity };
    // The figures in a live message change every run; the finding's identity is the check and the SLO.
    final.fingerprint = fingerprint({ ...final, message: '' });
    findings.push(final);
  };
  const failOn = settings.failOn;
  const notEvaluated = summary.slos.filter((r) => r.status === 'not-evaluated');
  if (notEvaluated.length) {
    const why = summary.unreachable ?? `the live time budget of ${settings.budgetSeconds}s ran out`;
    add('live/unreachable', liveSeverity('live/unreachable', failOn), {
      file: '',
      message: `Prometheus API at ${summary.url} could not be used: ${why}. ${notEvaluated.length} of ${summary.slos.filter((r) => r.status !== 'not-measurable').length} measurable SLO(s) not evaluated live; the static checks still ran.`,
      subject: summary.url,
    });
  }

  for (const check of LIVE_RULE_CHECKS) {
    check.run({ linked: { model, links: model.links }, summary, settings }, { report: (finding) => add(check.meta.id, finding.severity ?? check.meta.severity, finding) });
  }

  summary.slos.forEach((result, index) => {
    const slo = slos[index];
    const at = { file: slo.file, line: slo.position.line, column: slo.position.column, subject: slo.name };
    const name = `SLO "${slo.name}"`;
    const period = result.periodSeconds !== undefined ? promDuration(result.periodSeconds) : '';
    switch (result.status) {
      case 'failed':
        add('live/query-failed', liveSeverity('live/query-failed', failOn), { ...at, message: `${name}: its query failed: ${result.reason} — query: ${result.query ?? '?'}` });
        return;
      case 'no-data':
        add('live/no-data', liveSeverity('live/no-data', failOn), { ...at, message: `${name}: no data — ${result.reason}` });
        return;
      case 'not-measurable':
      case 'not-evaluated':
        return;
    }
    if (result.emptyErrorQuery) {
      add('live/no-data', 'notice', {
        ...at,
        message: `${name}: the error query returns no series over ${period}, so no errors were counted; if requests did fail, check its metric name: ${result.emptyErrorQuery}`,
      });
    }
    if (result.budgetRemaining !== undefined && result.budgetRemaining <= 0) {
      add('live/budget-exhausted', liveSeverity('live/budget-exhausted', failOn), {
        ...at,
        message: `${name}: error budget exhausted — ${percent(1 - result.budgetRemaining)} of the ${period} budget spent (error ratio ${percent(result.errorRatio!, 4)} against ${percent(1 - result.target!, 4)} allowed), ${Math.round(-result.budgetRemainingMinutes! * 10) / 10} min over`,
      });
    }
    const firing = result.windows.filter((w) => w.firing);
    if (firing.length) {
      const page = firing.some((w) => w.page);
      const described = firing.map((w) => {
        const name = w.shortSeconds ? `${promDuration(w.longSeconds)}/${promDuration(w.shortSeconds)}` : promDuration(w.longSeconds);
        const rates = w.shortSeconds ? `${times(w.burnRate!)}/${times(w.shortBurnRate!)}` : times(w.burnRate!);
        return `${name} burn rate ${rates} over ${times(w.factor!)} (${w.page ? 'page' : w.severity ?? 'ticket'})`;
      });
      const fastest = Math.max(...firing.map((w) => w.burnRate!));
      add('live/burning', liveSeverity('live/burning', failOn, page), {
        ...at,
        message: `${name} is burning its error budget: ${described.join('; ')} — at ${times(fastest)} the whole ${period} budget lasts ${describeSpan(result.periodSeconds! / fastest)}; ${percent(Math.max(0, result.budgetRemaining!))} left`,
      });
    }
  });
  return findings;
}

/** Runs `task` over `items` with at most `limit` at once. A task must not throw for expected failures. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

function percent(ratio: number, digits = 1): string {
  return `${Number((ratio * 100).toFixed(digits))} %`;
}

function times(rate: number): string {
  return `${Number(rate.toFixed(rate < 10 ? 2 : 1))}×`;
}

export { LIVE_CHECKS };
