// Comparing a pull request with its base: read the base commit's files with git into a temporary
// directory, run the same engine (with the head's configuration, so a config change is not a
// change in findings), run the policy-change checks over both models, and classify every head
// finding as new or existing.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DIFF_CHECKS } from '../checks/index.js';
import type { DiffCheck, DiffInput } from '../checks/check.js';
import type { Config } from '../config/config.js';
import { isHelmTemplatePath } from '../discover/find-files.js';
import { runEngine, type EngineOptions, type EngineResult } from '../engine/engine.js';
import type { HashedOutcome } from '../engine/outcome-cache.js';
import { enabledChecks, FindingsSink, type FindingStep } from '../findings/sink.js';
import { dashboardShows, linkedAlerts } from '../link/queries.js';
import type { LinkedModel } from '../link/types.js';
import type { Finding } from '../model/findings.js';
import type { Model } from '../model/types.js';
import { classify } from './classify.js';
import { extractTree, locateRepository, resolveBase } from './git.js';
import { lineMap, type LineMap } from './line-map.js';

export interface Approval {
  /** The label that approves policy changes. */
  label: string;
  /** Who put the label on, when the event says so. */
  by?: string;
}

export interface DiffRequest {
  /** Commit or ref of the base. */
  base: string;
  /** The gate counts only findings the base did not have. */
  newFindingsOnly: boolean;
  /** Report findings only for files the change touched (and the files linked to them). */
  changedFilesOnly: boolean;
  /** Present when the pull request carries the approval label: policy changes become notices. */
  approval?: Approval;
  /** The label that would approve policy changes (`allow-label`), named in the report while it is missing; absent when the approval path is off. */
  allowLabel?: string;
  fetchTimeoutMs?: number;
}

export type DiffOutcome =
  | {
      compared: true;
      baseSha: string;
      /** The base was not in the clone and was fetched from origin. */
      fetched: boolean;
      /** Base files read from git: those that differ from the head's. */
      blobsRead: number;
      /** The base's own check. */
      base: EngineResult;
      /** Head findings with their status, then the policy-change findings (always new). */
      findings: Finding[];
      resolved: Finding[];
      changedFiles: string[];
      checks: readonly DiffCheck[];
    }
  | { compared: false; reason: string };

export async function compareWithBase(root: string, config: Config, head: EngineResult, request: DiffRequest, engineOptions: EngineOptions = {}): Promise<DiffOutcome> {
  const absoluteRoot = path.resolve(root);
  if (!(await stat(absoluteRoot)).isDirectory()) return { compared: false, reason: 'comparing with the base needs a directory to check, not a file' };
  const repository = await locateRepository(absoluteRoot);
  if ('problem' in repository) return { compared: false, reason: repository.problem };
  const resolved = await resolveBase(repository.topLevel, request.base, request.fetchTimeoutMs);
  if (!resolved.ok) return { compared: false, reason: resolved.reason };

  // Base files with the bytes of the head's file at the same path are not read: the head's outcome
  // is reused — unless a Chart.yaml added or removed above the file makes the same bytes read as a
  // Helm template on one side only.
  const inRoot = (file: string) => (repository.prefix ? file.slice(repository.prefix.length + 1) : file);
  const headOutcomes = head.hashed;
  const knownOutcomes = new Map<string, HashedOutcome>();
  const reuse = (files: ReadonlyMap<string, string>): ReadonlySet<string> => {
    const picked = new Set<string>();
    if (!headOutcomes) return picked;
    const baseFiles = new Set([...files.keys()].map(inRoot));
    for (const [file, blob] of files) {
      const known = headOutcomes.get(inRoot(file));
      if (known?.hash !== blob || known.helmTemplate !== isHelmTemplatePath(inRoot(file), (other) => baseFiles.has(other))) continue;
      picked.add(file);
      knownOutcomes.set(inRoot(file), known);
    }
    return picked;
  };
  let tree;
  try {
    tree = await extractTree(repository.topLevel, resolved.sha, repository.prefix, config.maxFileBytes, reuse);
  } catch (error) {
    return { compared: false, reason: `cannot read the files of ${resolved.sha}: ${(error as Error).message}` };
  }
  try {
    const baseHashes = new Map([...tree.blobs].map(([file, blob]) => [inRoot(file), blob]));
    const unwrittenFiles = new Set([...tree.unwritten].map(inRoot));
    const outcome = await compareTrees(path.join(tree.dir, repository.prefix), absoluteRoot, config, head, request, { ...engineOptions, knownOutcomes, unwrittenFiles }, baseHashes);
    return { compared: true, baseSha: resolved.sha, fetched: resolved.fetched, blobsRead: tree.read, ...outcome };
  } finally {
    await tree.cleanup();
  }
}

/** The comparison proper, between two folders on disk: the base's files, and the head already checked. */
export async function compareTrees(
  baseRoot: string,
  headRoot: string,
  config: Config,
  head: EngineResult,
  request: Pick<DiffRequest, 'changedFilesOnly' | 'approval'>,
  engineOptions: EngineOptions = {},
  /** Content hashes of the base's files, by path, when git gave them: files with the head's hash are not read to compare them. */
  baseHashes?: ReadonlyMap<string, string>,
): Promise<{ findings: Finding[]; resolved: Finding[]; changedFiles: string[]; checks: readonly DiffCheck[]; base: EngineResult }> {
  const base = await runEngine(baseRoot, config, engineOptions);
  const files = await compareFiles(baseRoot, headRoot, base.linked.model, head.linked.model, config.maxFileBytes, (file) => {
    const before = baseHashes?.get(file);
    return before !== undefined && before === head.hashed?.get(file)?.hash;
  });

  const checks = enabledChecks(DIFF_CHECKS, config);
  // Policy changes are this change's by definition: always new. Approved, they become notices.
  const steps: FindingStep[] = [...(request.approval ? [approved] : []), (finding) => ({ ...finding, status: 'new' })];
  const sink = new FindingsSink(config, checks, steps);
  const input: DiffInput = {
    base: base.linked,
    head: head.linked,
    headPosition(file, position) {
      const map = files.map(file);
      return map ? { line: map(position.line) } : undefined;
    },
  };
  for (const check of checks) sink.runCheck(check, input);

  const classified = classify(head.findings, base.findings);
  let findings = classified.findings;
  if (request.changedFilesOnly) {
    const wanted = withLinkedFiles(files.changed, head.linked);
    findings = findings.filter((finding) => wanted.has(finding.file));
  }
  return {
    findings: [...findings, ...sink.finish()],
    resolved: classified.resolved,
    changedFiles: [...files.changed].sort(),
    checks,
    base,
  };
}

interface FileComparison {
  changed: Set<string>;
  /** Line maps of files present on both sides, built when a check asks. */
  map(file: string): LineMap | undefined;
}

/** Which of the files the engine read differ between base and head (added and deleted ones too). */
async function compareFiles(baseRoot: string, headRoot: string, base: Model, head: Model, maxFileBytes: number, sameHash: (file: string) => boolean): Promise<FileComparison> {
  const changed = new Set<string>();
  const texts = new Map<string, [string, string]>();
  const sizes = new Map([...base.files, ...head.files].map((file) => [file.path, 0]));
  for (const file of base.files) sizes.set(file.path, Math.max(sizes.get(file.path)!, file.bytes));
  for (const file of head.files) sizes.set(file.path, Math.max(sizes.get(file.path)!, file.bytes));
  const read = (root: string, file: string) => readFile(path.join(root, file)).catch(() => undefined);
  for (const [file, size] of sizes) {
    if (sameHash(file)) continue;
    // Files over the limit were not read by the engine either: their sizes tell whether they changed.
    if (size > maxFileBytes) {
      const [before, after] = [base.files.find((f) => f.path === file), head.files.find((f) => f.path === file)];
      if (before?.bytes !== after?.bytes) changed.add(file);
      continue;
    }
    const [before, after] = await Promise.all([read(baseRoot, file), read(headRoot, file)]);
    if (before && after && before.equals(after)) continue;
    changed.add(file);
    if (before && after) texts.set(file, [before.toString('utf8'), after.toString('utf8')]);
  }
  const maps = new Map<string, LineMap>();
  return {
    changed,
    map(file) {
      const pair = texts.get(file);
      if (!pair) return head.files.some((f) => f.path === file) ? (line) => line : undefined;
      if (!maps.has(file)) maps.set(file, lineMap(pair[0], pair[1]));
      return maps.get(file);
    },
  };
}

/** The approval label makes a policy change a notice: reported, reviewed, not failing the gate. */
const approved: FindingStep = (finding, meta) => (meta?.policyChange ? Object.assign(finding, { severity: 'notice' as const }) : finding);

/** Changed files plus what they are linked to: the alerts and dashboards of a changed SLO, the SLO of a changed alert. */
function withLinkedFiles(changed: Set<string>, head: LinkedModel): Set<string> {
  const out = new Set(changed);
  for (const slo of head.model.slos) {
    const alertFiles = linkedAlerts(head, slo).map((rule) => rule.file);
    const dashboardFiles = head.model.dashboards.filter((dashboard) => dashboardShows(head, dashboard, slo)).map((dashboard) => dashboard.file);
    const group = [slo.file, ...alertFiles, ...dashboardFiles];
    if (group.some((file) => changed.has(file))) for (const file of group) out.add(file);
  }
  return out;
}
