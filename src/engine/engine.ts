// The whole check of one tree, start to end: find files → parse with positions → recognise each
// document → normalise into one model → link → run checks → findings sink. The front doors (src/action/,
// src/cli/) only choose options and hand the result to report/ and the publishers.

import os from 'node:os';
import path from 'node:path';
import { CHECKS, STATIC_CHECKS } from '../checks/index.js';
import type { DocumentCheck, ModelCheck } from '../checks/check.js';
import type { Config } from '../config/config.js';
import { findFiles } from '../discover/find-files.js';
import { createFileStage, fileTask, type FileOutcome, type FileStageSettings, type FileTask } from './file-stage.js';
import type { FileWorkers } from './file-workers.js';
import { throughCache, type CacheUse, type HashedOutcome, type OutcomeCache } from './outcome-cache.js';
import { templateFindingStep } from './template-findings.js';
import type { FinaliseContext } from '../formats/adapter.js';
import { FORMAT_ADAPTERS } from '../formats/index.js';
import { enabledChecks, FindingsSink, firstLineOf } from '../findings/sink.js';
import { linkModel } from '../link/link.js';
import { resolveReferences } from '../link/references.js';
import type { LinkedModel } from '../link/types.js';
import type { Finding } from '../model/findings.js';
import { emptyModel, type DocumentKind, type Model, type QueryField } from '../model/types.js';
import { shareAnalysis } from '../lang/promql/analyse.js';

export type StaticCheck = DocumentCheck | ModelCheck;
import type { Skipped } from '../recognise/recognise.js';

export interface EngineResult {
  linked: LinkedModel;
  /** Fingerprinted, in the order the checks reported them. */
  findings: Finding[];
  /** YAML/JSON files (or folders) not checked, or checked only in part, with a one-word reason. */
  skipped: Skipped[];
  /** The checks that ran (the config switched the others off). */
  checks: readonly StaticCheck[];
  /** How many files came from the outcome cache, when one was used. */
  cache?: CacheUse;
  /** Every file's outcome with its content hash, by path, when files were hashed (a cache, or `hashFiles`): what a pull request's base reuses. */
  hashed?: Map<string, HashedOutcome>;
}

export interface EngineOptions {
  /** The registry's document and model checks unless a test narrows them. */
  checks?: readonly StaticCheck[];
  /**
   * Threads that read files: 1 (the default) reads on this thread; a number adds worker threads
   * up to that many; 'auto' uses every core once a repository is large enough to repay a worker's
   * start-up. Workers need `workerScript`. Each one costs about 120 MiB of memory.
   */
  concurrency?: number | 'auto';
  /** The bundle a file worker runs (the shell's own entry); without it files are read on this thread. */
  workerScript?: string | URL;
  /** Outcomes of files read before (this run's head, earlier runs): a file with the same bytes is not parsed again. */
  cache?: OutcomeCache;
  /** Hash every file read and return its outcome with the hash (the head of a pull request), also without a cache. */
  hashFiles?: boolean;
  /**
   * Outcomes known without reading the file, by path: a pull request's base takes the head's for
   * files with the same blob id. Their objects are shared with the head's model, so no phase after
   * the file stage changes an outcome's objects (finalise steps and the sink make new ones).
   */
  knownOutcomes?: ReadonlyMap<string, HashedOutcome>;
  /** Files of the tree not on disk, by path: some of `knownOutcomes`' (a pull request's base does not write them). */
  unwrittenFiles?: ReadonlySet<string>;
}

// Measured on two cores: a worker loads the bundle and warms its compiler up from cold (about
// 0.6 s of CPU), so below a few thousand files one thread is as fast (×10 corpus: 1.9 s vs 2.0 s).
const AUTO_WORKERS_MIN_FILES = 2000;

export async function runEngine(root: string, config: Config, options: EngineOptions = {}): Promise<EngineResult> {
  const absoluteRoot = path.resolve(root);
  const enabled = enabledChecks(options.checks ?? STATIC_CHECKS, config);
  const documentChecks = enabled.filter((check): check is DocumentCheck => check.meta.kind === 'document');
  const model = emptyModel(absoluteRoot);
  const sink = new FindingsSink(config, enabled, [templateFindingStep(() => model.files)]);

  const discovery = await findFiles(absoluteRoot, { include: config.include, exclude: config.exclude, unwritten: options.unwrittenFiles });
  const rootIsFile = discovery.files.length === 1 && discovery.files[0].absolutePath === absoluteRoot;
  const tasks = discovery.files.map((file) => fileTask(file, rootIsFile ? path.basename(absoluteRoot) : file.path));

  const settings: FileStageSettings = { config, checkIds: documentChecks.map((check) => check.meta.id) };
  const workers = fileWorkers(tasks.length, documentChecks, options);
  // Worker threads are loaded only when a run uses them (most runs are small).
  const compute = async (some: FileTask[]) =>
    workers ? (await import('./file-workers.js')).processInWorkers(some, settings, workers) : some.map(createFileStage(settings, documentChecks));
  const hashing = options.cache !== undefined || options.hashFiles === true || options.knownOutcomes !== undefined;
  const cached = hashing ? await throughCache(tasks, options.cache, config, documentChecks, compute, options.knownOutcomes) : undefined;
  const outcomes = cached ? cached.outcomes : await compute(tasks);

  // What adapters keep for their finalise step: documents that refer to documents in other files.
  const kept = new Map<DocumentKind, unknown[]>();
  // Outcomes that were copied (from worker threads, from the cache) carry their own copy of each
  // query's analysis; those known from the head share the head's.
  const known = (index: number) => options.knownOutcomes?.has(tasks[index].displayPath) === true;
  outcomes.forEach((outcome, index) => addOutcome(outcome, model, sink, kept, (cached?.copied[index] ?? false) || (workers !== undefined && !known(index))));
  const skipped: Skipped[] = [...discovery.skipped];
  for (const outcome of outcomes) if (outcome.skipped) skipped.push(outcome.skipped);
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  for (const [kind, items] of kept) {
    const adapter = FORMAT_ADAPTERS.find((candidate) => candidate.kind === kind)!;
    const finaliseContext: FinaliseContext = { options: { defaultPeriodSeconds: config.defaultPeriodSeconds }, model, addSlo: (slo) => model.slos.push(slo) };
    try {
      adapter.finalise?.(items, finaliseContext);
    } catch (error) {
      model.unreadable.push({ file: '', line: 1, message: `cannot resolve ${adapter.kind} documents: ${firstLineOf(error)}` });
    }
  }

  // Links between SLOs, alerts and panels, and where policies' paths lead, are derived once here.
  const references = await resolveReferences(model, rootIsFile ? path.dirname(absoluteRoot) : absoluteRoot, options.unwrittenFiles);
  const linked = linkModel(model, config, references);

  for (const check of enabled.filter((candidate): candidate is ModelCheck => candidate.meta.kind === 'model')) sink.runCheck(check, linked);
  return { linked, findings: sink.finish(), skipped, checks: enabled, ...(cached ? { cache: cached.use, hashed: cached.hashed } : {}) };
}

function fileWorkers(files: number, enabled: readonly DocumentCheck[], options: EngineOptions): FileWorkers | undefined {
  const { workerScript, concurrency = 1 } = options;
  if (!workerScript) return undefined;
  // A worker rebuilds its checks from the registry by id: a narrowed list of other checks stays here.
  if (!enabled.every((check) => CHECKS.includes(check))) return undefined;
  const threads = concurrency === 'auto' ? (files >= AUTO_WORKERS_MIN_FILES ? os.availableParallelism() : 1) : concurrency;
  return threads > 1 ? { script: workerScript, threads: Math.min(threads, files) } : undefined;
}

function addOutcome(outcome: FileOutcome, model: Model, sink: FindingsSink, kept: Map<DocumentKind, unknown[]>, fromWorkers: boolean): void {
  model.files.push(outcome.file);
  for (const entry of outcome.unreadable) model.unreadable.push(entry);
  for (const slo of outcome.slos) model.slos.push(slo);
  for (const group of outcome.ruleGroups) {
    model.ruleGroups.push(group);
    for (const rule of group.rules) {
      if (fromWorkers) shareQueryAnalysis(rule.expr);
      model.rules.push(rule);
    }
  }
  // Outcomes cached by an older build have no LogQL rules.
  for (const rule of outcome.logqlRules ?? []) model.logqlRules.push(rule);
  for (const dashboard of outcome.dashboards) {
    model.dashboards.push(dashboard);
    if (fromWorkers) for (const panel of dashboard.panels) for (const target of panel.targets) if (target.expr) shareQueryAnalysis(target.expr);
  }
  for (const { kind, item } of outcome.kept) {
    if (!kept.has(kind)) kept.set(kind, []);
    kept.get(kind)!.push(item);
  }
  // Outcomes stored by an older cache format have none.
  for (const comment of outcome.suppressions ?? []) model.suppressions.push(comment);
  sink.accept(outcome.findings);
}

/** Outcomes from worker threads carry their own copy of each analysis; the model keeps one per query. */
function shareQueryAnalysis(query: QueryField): void {
  query.analysis = shareAnalysis(query.text, query.analysis);
}
