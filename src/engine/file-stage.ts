// The part of the engine that needs one file at a time: read → parse → recognise → normalise, and
// the checks that read raw documents. What it returns is plain data (no closures, no parser
// trees), so a large repository's files can be processed on worker threads (see file-workers.ts)
// and merged on the main thread exactly as if they had been processed there.

import { DOCUMENT_CHECKS } from '../checks/index.js';
import type { CheckContext, DocumentCheck } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { DiscoveredFile } from '../discover/find-files.js';
import { FindingsSink, firstLineOf } from '../findings/sink.js';
import type { DocumentEmbedding, NormaliseContext, NormaliseOptions } from '../formats/adapter.js';
import type { Finding } from '../model/findings.js';
import type { Dashboard, DocumentKind, LogqlRule, Model, RuleGroup, Slo, SourceFile, SuppressionComment } from '../model/types.js';
import { parseText, type ParsedDocument } from '../parse/document.js';
import { decodeText, readTextFile } from '../parse/read.js';
import { readSuppressionComments } from '../parse/suppression-comments.js';
import { recogniseDocument } from '../recognise/recognise.js';

export interface FileStageSettings {
  config: Config;
  /** Ids of the enabled document checks, from the registry (a worker thread rebuilds the list from them). */
  checkIds: string[];
}

/** A file to process, with the path findings name it by. */
export interface FileTask {
  absolutePath: string;
  displayPath: string;
  /** The file's bytes when they were read already (to hash them for the outcome cache). */
  bytes?: Uint8Array;
}

export interface FileOutcome {
  file: SourceFile;
  unreadable: Model['unreadable'];
  slos: Slo[];
  ruleGroups: RuleGroup[];
  dashboards: Dashboard[];
  logqlRules: LogqlRule[];
  /** What adapters kept for their `finalise` step, by adapter kind. */
  kept: { kind: DocumentKind; item: unknown }[];
  /** Findings of the document checks, as their sink took them: the engine's sink fingerprints them with the rest. */
  findings: Finding[];
  /** Its `# slo-gate-disable…` comments (YAML files only). */
  suppressions: SuppressionComment[];
  /** The normalise options adapters read for this file: the outcome cache keys the outcome by their values. */
  optionsRead: (keyof NormaliseOptions)[];
}

export function fileTask(file: DiscoveredFile, displayPath: string): FileTask {
  return { absolutePath: file.absolutePath, displayPath };
}

/** A processor for one file after another, with the checks and their contexts built once. */
export function createFileStage(settings: FileStageSettings, checks: readonly DocumentCheck[] = checksById(settings.checkIds)): (task: FileTask) => FileOutcome {
  const { config } = settings;
  const sink = new FindingsSink(config, checks);
  const contexts = new Map<DocumentCheck, CheckContext>(checks.map((check) => [check, sink.contextFor(check.meta)]));
  const documentChecks = new Map<DocumentKind, DocumentCheck[]>();
  for (const check of checks) for (const kind of check.meta.documentKinds ?? []) documentChecks.set(kind, [...(documentChecks.get(kind) ?? []), check]);
  let optionsRead: FileOutcome['optionsRead'] = [];
  const options: NormaliseOptions = {
    get defaultPeriodSeconds() {
      if (!optionsRead.includes('defaultPeriodSeconds')) optionsRead.push('defaultPeriodSeconds');
      return config.defaultPeriodSeconds;
    },
  };

  return ({ absolutePath, displayPath, bytes }) => {
    optionsRead = [];
    const outcome: FileOutcome = { file: { path: displayPath, kinds: [], bytes: 0 }, unreadable: [], slos: [], ruleGroups: [], dashboards: [], logqlRules: [], kept: [], findings: [], suppressions: [], optionsRead };
    const done = () => ((outcome.findings = sink.take()), outcome);
    let read;
    try {
      read = bytes ? decodeText(bytes) : readTextFile(absolutePath, config.maxFileBytes);
    } catch (error) {
      read = { ok: false as const, bytes: 0, problem: { line: 1, message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` } };
    }
    outcome.file.bytes = read.bytes;
    if (!read.ok) {
      outcome.unreadable.push({ file: displayPath, ...read.problem });
      return done();
    }
    const format = /\.json$/i.test(displayPath) ? 'json' : 'yaml';
    const parsed = parseText(read.text, format);
    if (format === 'yaml') outcome.suppressions = readSuppressionComments(read.text, displayPath);
    for (const problem of parsed.problems) outcome.unreadable.push({ file: displayPath, ...problem });
    if (read.text.trim() === '' && parsed.problems.length === 0) return done();

    const kinds = new Set<DocumentKind>();
    // A document inside another (a ConfigMap's data) is handled like one of the file's own, once:
    // nesting deeper than that is not how any tool carries rules or dashboards.
    const handle = (doc: ParsedDocument, embedding?: DocumentEmbedding) => {
      const adapter = recogniseDocument(doc.value);
      if (!adapter) return;
      kinds.add(adapter.kind);
      const context: NormaliseContext = {
        file: displayPath,
        options,
        embedding,
        addSlo: (slo) => outcome.slos.push(slo),
        addRuleGroup: (group) => outcome.ruleGroups.push(group),
        addDashboard: (dashboard) => outcome.dashboards.push(dashboard),
        addLogqlRule: (rule) => outcome.logqlRules.push(rule),
        embedded: (inner, innerEmbedding) => {
          if (!embedding) handle(inner, innerEmbedding);
        },
        unreadable: (position, message) => outcome.unreadable.push({ file: displayPath, ...position, message }),
        keep: (item) => outcome.kept.push({ kind: adapter.kind, item }),
      };
      for (const check of documentChecks.get(adapter.kind) ?? []) {
        const checkContext = contexts.get(check)!;
        sink.run(check.meta, checkContext, displayPath, () => check.run({ file: displayPath, kind: adapter.kind, doc }, checkContext));
      }
      try {
        adapter.normalise(doc, context);
      } catch (error) {
        // An adapter's fault costs this document, not the run: it is reported like an unreadable file.
        outcome.unreadable.push({ file: displayPath, line: doc.positionOf([]).line, message: `cannot read ${adapter.kind} document: ${firstLineOf(error)}` });
      }
    };
    for (const doc of parsed.documents) handle(doc);
    outcome.file.kinds = [...kinds];
    return done();
  };
}

function checksById(ids: readonly string[]): DocumentCheck[] {
  const wanted = new Set(ids);
  return DOCUMENT_CHECKS.filter((check) => wanted.has(check.meta.id));
}
