// The report artifact: report.json, report.md, report.html and report.sarif, kept for auditors for
// retention-days. Upload problems are warnings: the gate's verdict must not depend on storage.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderHtml } from '../../render/html.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderSarif } from '../../render/sarif.js';
import type { Report } from '../../report/report.js';
import { fileUrl, jobFingerprint, repoPath, type RunContext } from './run-context.js';

export const DEFAULT_ARTIFACT_NAME = 'slo-compliance-report';

export interface ReportFiles {
  dir: string;
  json: string;
  markdown: string;
  html: string;
  sarif: string;
}

export async function writeReportFiles(report: Report, context: RunContext, dir: string): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const link = (file: string, line?: number) => fileUrl(context, file, line);
  const files: ReportFiles = {
    dir,
    json: path.join(dir, 'report.json'),
    markdown: path.join(dir, 'report.md'),
    html: path.join(dir, 'report.html'),
    sarif: path.join(dir, 'report.sarif'),
  };
  await writeFile(files.json, renderJson(report));
  await writeFile(files.markdown, renderMarkdown(report, { fileUrl: link }));
  await writeFile(files.html, renderHtml(report, { fileUrl: link }));
  await writeFile(files.sarif, `${JSON.stringify(renderSarif(report, { uri: (file) => repoPath(context, file) }), null, 2)}\n`);
  return files;
}

export interface ArtifactInput {
  files: ReportFiles;
  context: RunContext;
  /** Empty: the default name, made unique for this job when another job already took it. */
  name: string;
  retentionDays: number;
}

export interface ArtifactOutcome {
  id?: number;
  url?: string;
  name?: string;
  warning?: string;
}

export async function uploadReportArtifact({ files, context, name, retentionDays }: ArtifactInput): Promise<ArtifactOutcome> {
  const days = context.maxRetentionDays !== undefined ? Math.min(retentionDays, context.maxRetentionDays) : retentionDays;
  if (days < retentionDays) core.info(`retention-days ${retentionDays} is above this repository's limit: keeping the report ${days} day(s)`);
  // Loaded on demand: the artifact client and its Azure storage dependencies are large.
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const paths = [files.json, files.markdown, files.html, files.sarif];
  const upload = (artifactName: string) => client.uploadArtifact(artifactName, paths, files.dir, { retentionDays: days });

  // A matrix runs this step once per leg under the same default name: the first leg keeps the
  // plain name, later ones add a suffix naming their job run. An explicit name is the user's call.
  const names = name ? [name] : [DEFAULT_ARTIFACT_NAME, `${DEFAULT_ARTIFACT_NAME}-${context.job || 'job'}-${jobFingerprint(context)}`];
  for (const [index, candidate] of names.entries()) {
    try {
      const { id } = await upload(candidate);
      if (id === undefined) return { warning: `slo-gate uploaded the report artifact "${candidate}" but got no artifact id back` };
      const url = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}/artifacts/${id}`;
      return { id, url, name: candidate };
    } catch (error) {
      const message = String((error as Error)?.message ?? error).split('\n')[0];
      const clash = /\(409\)|already exists/i.test(message);
      if (clash && index + 1 < names.length) {
        core.info(`An artifact named "${candidate}" already exists in this run (another job or matrix leg): trying "${names[index + 1]}"`);
        continue;
      }
      const hint = clash ? ' Give each job its own `artifact-name`.' : '';
      return { warning: `slo-gate could not upload the report artifact "${candidate}": ${message}.${hint} The verdict is not affected.` };
    }
  }
  return {};
}
