// The one report object every renderer and publisher reads. Versioned; its JSON Schema is
// schemas/report.schema.json (a test validates real reports against it).

import type { EngineResult } from '../engine.js';
import { compareFindings, SEVERITY_ORDER, type Finding, type Severity } from '../model/findings.js';
import { budgetMinutes, errorBudget, windowFigures, type WindowFigures } from '../model/burn-rate.js';
import type { DocumentKind, IndicatorType, SloFormat } from '../model/types.js';

export const REPORT_VERSION = 1;

export type FailOn = Severity | 'never';

export interface SloSummary {
  name: string;
  service?: string;
  file: string;
  line: number;
  format: SloFormat;
  indicator: { type: IndicatorType; thresholdSeconds?: number; percentile?: number };
  target?: number;
  periodSeconds?: number;
  /** 1 − target. */
  errorBudget?: number;
  /** Minutes of full outage the budget allows per period. */
  budgetMinutes?: number;
  windows: WindowFigures[];
}

export interface Report {
  version: typeof REPORT_VERSION;
  tool: { name: 'slo-gate'; version: string };
  generatedAt: string;
  result: 'pass' | 'fail';
  failOn: FailOn;
  counts: Record<Severity, number>;
  files: { path: string; kinds: DocumentKind[] }[];
  slos: SloSummary[];
  findings: Finding[];
  skipped: { path: string; reason: string }[];
  checks: { id: string; severity: Severity; description: string }[];
}

export function buildReport(result: EngineResult, options: { failOn: FailOn; toolVersion: string; now?: Date }): Report {
  const findings = [...result.findings].sort(compareFindings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return {
    version: REPORT_VERSION,
    tool: { name: 'slo-gate', version: options.toolVersion },
    generatedAt: (options.now ?? new Date()).toISOString(),
    result: gateFails(counts, options.failOn) ? 'fail' : 'pass',
    failOn: options.failOn,
    counts,
    files: result.model.files.map(({ path, kinds }) => ({ path, kinds })),
    slos: result.model.slos.map((slo) => {
      const period = slo.periodSeconds;
      return {
        name: slo.name,
        service: slo.service,
        file: slo.file,
        line: slo.position.line,
        format: slo.format,
        indicator: { type: slo.indicator.type, thresholdSeconds: slo.indicator.thresholdSeconds, percentile: slo.indicator.percentile },
        target: slo.target,
        periodSeconds: period,
        errorBudget: slo.target !== undefined ? errorBudget(slo.target) : undefined,
        budgetMinutes: slo.target !== undefined && period !== undefined ? budgetMinutes(slo.target, period) : undefined,
        windows:
          period === undefined
            ? []
            : [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds).map((window) => windowFigures(window, slo.target, period)),
      };
    }),
    findings,
    skipped: result.skipped,
    checks: result.checks.map(({ id, severity, description }) => ({ id, severity, description })),
  };
}

export function gateFails(counts: Record<Severity, number>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return (Object.keys(counts) as Severity[]).some((severity) => counts[severity] > 0 && SEVERITY_ORDER[severity] <= SEVERITY_ORDER[failOn]);
}
