// File annotations, so findings show next to the changed lines in the pull request's Files view.
// GitHub keeps at most 10 error, 10 warning and 10 notice annotations per step and drops the rest
// silently; choosing which ones appear is therefore ours: most severe, then most specific.

import * as core from '@actions/core';
import type { Finding, Severity } from '../../model/findings.js';
import { docsUrlOf, reportView, type Report } from '../../report/report.js';
import { repoPath, type RunContext } from './run-context.js';

export const ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationBudget {
  /** Annotations the step itself uses at a level (the verdict's setFailed error, publisher warnings). */
  reserved?: Partial<Record<Severity, number>>;
}

export interface AnnotationPlan {
  shown: Finding[];
  /** Findings that got no annotation because their level was full. */
  notShown: number;
}

/**
 * The findings worth an annotation: never suppressed or baselined ones, and on a pull request
 * compared with its base only those the change brings (new findings and policy changes), so the
 * Checks tab shows what the gate counts, not the repository's history.
 */
export function annotatedFindings(report: Report): Finding[] {
  const view = reportView(report);
  return report.findings.filter((finding) => view.fresh.includes(finding) || view.policy.includes(finding));
}

/** Which findings get an annotation: per level, those with a position first (line and column beat line beat none). */
export function planAnnotations(findings: Finding[], budget: AnnotationBudget = {}): AnnotationPlan {
  const shown: Finding[] = [];
  let notShown = 0;
  for (const level of ['error', 'warning', 'notice'] as const) {
    const room = Math.max(0, ANNOTATIONS_PER_LEVEL - (budget.reserved?.[level] ?? 0));
    // Array.prototype.sort is stable: the report's own order (file, line) breaks ties.
    const candidates = findings.filter((finding) => finding.severity === level).sort((a, b) => specificity(b) - specificity(a));
    shown.push(...candidates.slice(0, room));
    notShown += Math.max(0, candidates.length - room);
  }
  return { shown, notShown };
}

function specificity(finding: Finding): number {
  return (finding.line ? 2 : 0) + (finding.column ? 1 : 0);
}

export function emitAnnotations(plan: AnnotationPlan, context: RunContext, report?: Report): void {
  const emit = { error: core.error, warning: core.warning, notice: core.notice };
  for (const finding of plan.shown) {
    const docs = report && docsUrlOf(report, finding.check);
    emit[finding.severity](docs ? `${finding.message}\nDocs: ${docs}` : finding.message, {
      title: finding.check,
      // Run-level findings (a backend that cannot be reached) have no file: a plain annotation.
      file: finding.file ? repoPath(context, finding.file) : undefined,
      startLine: finding.line,
      startColumn: finding.line ? finding.column : undefined,
    });
  }
}

export function notAnnotatedNote(notShown: number): string | undefined {
  if (notShown === 0) return undefined;
  return `ℹ️ ${notShown} finding(s) have no file annotation: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations per severity and step. All findings are listed below and in the report artifact.`;
}
