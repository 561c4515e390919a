// The job summary: the report as operators read it on the run page, written on every trigger.

import * as core from '@actions/core';
import { renderMarkdown } from '../../render/markdown.js';
import type { Report } from '../../report/report.js';
import { fileUrl, runUrl, type RunContext } from './run-context.js';

/** GitHub refuses step summaries over 1 MiB; the margin leaves room for the runner's own framing. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 8 * 1024;

export interface SummaryInput {
  report: Report;
  context: RunContext;
  /** Where the complete report lives: the artifact when uploaded, else the run. */
  fullReportUrl?: string;
  notes: string[];
}

export function renderSummary({ report, context, fullReportUrl, notes }: SummaryInput): string {
  return renderMarkdown(report, {
    fileUrl: (file, line) => fileUrl(context, file, line),
    maxLength: SUMMARY_LIMIT_BYTES,
    measure: (text) => Buffer.byteLength(text, 'utf8'),
    fullReportUrl: fullReportUrl ?? runUrl(context),
    notes,
  });
}

export async function writeSummary(input: SummaryInput): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No GITHUB_STEP_SUMMARY: job summary not written');
    return;
  }
  await core.summary.addRaw(renderSummary(input)).write();
}
