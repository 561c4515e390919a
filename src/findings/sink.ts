// The one place findings go through, whichever kind of check made them: it applies the user's
// `checks:` settings, keeps one failing check from stopping the run, fingerprints, and then hands
// each finding to the steps the caller adds (the approval label of a pull request today;
// suppressions and a baseline plug in here the same way). The engine, the base comparison and
// live mode each fill one; none of them shapes a finding itself.

import type { Check, CheckContext, CheckFinding, CheckMeta } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Finding } from '../model/findings.js';
import { fingerprint } from './fingerprint.js';

/**
 * One step a finding passes after it is fingerprinted, in the order given: it returns the finding
 * (changed or not), or undefined to drop it. `meta` is the check's, when the check is known here.
 */
export type FindingStep = (finding: Finding, meta: CheckMeta | undefined) => Finding | undefined;

/** The checks of `checks` that the config does not switch `off`. */
export function enabledChecks<T extends Check>(checks: readonly T[], config: Pick<Config, 'checks'>): T[] {
  return checks.filter((check) => config.checks[check.meta.id] !== 'off');
}

/** An error's first line: enough to name the fault, never a stack trace. */
export function firstLineOf(error: unknown): string {
  return (error as Error)?.message?.split('\n')[0] ?? String(error);
}

export class FindingsSink {
  private collected: Finding[] = [];
  private readonly metas = new Map<string, CheckMeta>();

  constructor(
    private readonly config: Config,
    /** The checks whose findings come here, also those reported on another thread (see accept). */
    checks: readonly Check[],
    private readonly steps: readonly FindingStep[] = [],
  ) {
    for (const check of checks) if (!this.metas.has(check.meta.id)) this.metas.set(check.meta.id, check.meta);
  }

  /** What a check reports through: its findings get its id and their severity from the config or the check. */
  contextFor(meta: CheckMeta): CheckContext {
    const override = this.config.checks[meta.id];
    return {
      config: this.config,
      report: (finding: CheckFinding) => {
        const severity = override && override !== 'off' ? override : (finding.severity ?? meta.severity);
        // Object.assign rather than a spread: V8 keeps a spread copy with added keys in about three
        // times the memory, and a large repository has a hundred thousand findings.
        this.collected.push(Object.assign({}, finding, { check: meta.id, severity }));
      },
    };
  }

  /**
   * Runs one check through `context` (contextFor's, built once per check by callers that run it
   * often). A check that throws becomes one finding naming it, at `file`; the run goes on.
   */
  run(meta: CheckMeta, context: CheckContext, file: string, body: () => void): void {
    try {
      body();
    } catch (error) {
      context.report({ file, message: `internal error in check ${meta.id}: ${firstLineOf(error)} (please report this)` });
    }
  }

  /** Runs a check on `input` through a context of its own (see run for a check that throws). */
  runCheck<Input>(check: { meta: CheckMeta; run(input: Input, context: CheckContext): void }, input: Input): void {
    const context = this.contextFor(check.meta);
    this.run(check.meta, context, '', () => check.run(input, context));
  }

  /** Findings another sink collected (a worker thread's, with the same config), in their order. */
  accept(findings: readonly Finding[]): void {
    for (const finding of findings) this.collected.push(finding);
  }

  /** The findings collected since the last take, as reported: for a stage that hands them on to another sink. */
  take(): Finding[] {
    const taken = this.collected;
    this.collected = [];
    return taken;
  }

  /**
   * Every finding collected, fingerprinted and passed through the steps. Each is a new object: the
   * findings accepted from a file's outcome may be shared with another run's model (a pull
   * request's base takes the head's outcomes), and steps edit what they are given.
   */
  finish(): Finding[] {
    const out: Finding[] = [];
    for (const collected of this.take()) {
      const meta = this.metas.get(collected.check);
      let finding: Finding | undefined = { ...collected, fingerprint: fingerprintOf(collected, meta) };
      for (const step of this.steps) if (finding) finding = step(finding, meta);
      if (finding) out.push(finding);
    }
    return out;
  }
}

/** Live messages carry figures that change every run: a live finding's identity is its check and subject. */
function fingerprintOf(finding: Finding, meta: CheckMeta | undefined): string {
  return meta?.kind === 'live' ? fingerprint({ ...finding, message: '' }) : fingerprint(finding);
}
