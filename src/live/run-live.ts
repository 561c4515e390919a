// Live mode, start to end: plan each SLO's queries, measure the measurable ones against the
// backend with bounded concurrency inside a total time budget, then run the live/* checks
// (src/checks/live/) over what was measured. Their findings join the report and the gate next
// to the engine's (src/run.ts); `live-fail-on` decides how much they weigh.

import { LIVE_CHECKS } from '../checks/index.js';
import type { LiveCheck, LiveInput } from '../checks/check.js';
import { mergeConfig, type Config } from '../config/config.js';
import { enabledChecks, FindingsSink, firstLineOf } from '../findings/sink.js';
import type { LinkedModel } from '../link/types.js';
import type { Finding } from '../model/findings.js';
import type { Slo } from '../model/types.js';
import { PrometheusClient, PrometheusError } from './client.js';
import { evaluateSlo, identity, type Measurable } from './evaluate.js';
import { measureBacktests, measureRules } from './measure-rules.js';
import { sloRuleSummary } from './rule-summary.js';
import { planSli } from './queries.js';
import type { LiveFailOn, LiveSettings, LiveSloResult, LiveSummary } from './types.js';

export type { LiveSettings };

export const LIVE_DEFAULTS = { timeoutSeconds: 30, budgetSeconds: 120, failOn: 'exhausted' as LiveFailOn, concurrency: 4, maxResponseMb: 8 };

export interface LiveRun {
  summary: LiveSummary;
  findings: Finding[];
  /** The live checks, as the report lists them. */
  checks: readonly LiveCheck[];
}

export async function runLive(linked: LinkedModel, settings: LiveSettings, config: Config = mergeConfig()): Promise<LiveRun> {
  const { model } = linked;
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
    maxResponseBytes: settings.maxResponseBytes,
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
        results[index] = { ...identity(measurable.slo), status: 'failed', reason: `internal error in live mode: ${firstLineOf(error)} (please report this)`, windows: [], notes: [] };
        return;
      }
      const reason = error.kind === 'budget' ? `not evaluated: the live time budget of ${settings.budgetSeconds}s ran out` : `not evaluated: ${error.message}`;
      results[index] = { ...identity(measurable.slo), status: 'not-evaluated', reason, target: measurable.slo.target, periodSeconds: measurable.slo.periodSeconds, windows: [], notes: [] };
    }
  });

  // The rules' selectors, types and intervals: after the SLOs, which the gate weighs most.
  const concurrency = settings.concurrency ?? LIVE_DEFAULTS.concurrency;
  const rules = await measureRules(model, linked.links, client, time, concurrency, settings.budgetSeconds);
  // Last: replaying the alerts reads the most data.
  await measureBacktests(rules, work.map((w) => w.measurable), linked.links, client, {
    time,
    concurrency,
    budgetSeconds: settings.budgetSeconds,
    evaluationSeconds: config.evaluationIntervalSeconds,
  });
  model.slos.forEach((slo, index) => {
    const summary = sloRuleSummary(linked, rules, slo);
    if (results[index].status !== 'not-measurable' || summary.selectorsChecked > 0) results[index].rules = summary;
  });
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
  return { summary, findings: liveFindings({ linked, summary, settings }, config), checks: LIVE_CHECKS };
}

/** The live checks over what was measured, through a findings sink like every other check. */
function liveFindings(input: LiveInput, config: Config): Finding[] {
  const checks = enabledChecks(LIVE_CHECKS, config);
  const sink = new FindingsSink(config, checks);
  for (const check of checks) sink.runCheck(check, input);
  return sink.finish();
}

function notMeasurable(slo: Slo): string | undefined {
  if (slo.target === undefined) return 'the SLO has no readable target';
  if (!(slo.target > 0 && slo.target < 1)) return 'the target leaves no error budget';
  if (slo.periodSeconds === undefined || slo.periodSeconds <= 0) return 'the SLO has no readable period';
  if (slo.budgetingMethod === 'timeslices' || slo.budgetingMethod === 'ratio-timeslices') return `${slo.budgetingMethod} budgeting is not measured live (only occurrences)`;
  return undefined;
}

/** Runs `task` over `items` with at most `limit` at once. A task must not throw for expected failures. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
