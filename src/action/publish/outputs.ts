// Step outputs, for later steps of the job (`steps.<id>.outputs.*`).

import * as core from '@actions/core';
import type { Report } from '../../report/report.js';

export interface PublishedLocations {
  reportJson: string;
  reportMarkdown: string;
  reportSarif: string;
  reportHtml: string;
  commentUrl?: string;
  artifactId?: number;
  artifactUrl?: string;
}

export function setOutputs(report: Report, where: PublishedLocations): void {
  core.setOutput('result', report.result);
  core.setOutput('errors', report.counts.error);
  core.setOutput('warnings', report.counts.warning);
  core.setOutput('notices', report.counts.notice);
  core.setOutput('report-json', where.reportJson);
  core.setOutput('report-markdown', where.reportMarkdown);
  // For github/codeql-action/upload-sarif (`sarif_file: ${{ steps.slo.outputs.report-sarif }}`).
  core.setOutput('report-sarif', where.reportSarif);
  core.setOutput('report-html', where.reportHtml);
  // Absent rather than empty: `if: steps.slo.outputs.comment-url` then reads naturally.
  if (where.commentUrl) core.setOutput('comment-url', where.commentUrl);
  if (where.artifactId !== undefined) core.setOutput('artifact-id', where.artifactId);
  if (where.artifactUrl) core.setOutput('artifact-url', where.artifactUrl);
}
