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
import type { Dashboard, DocumentKind, LogqlRule, Model, RuleGroup, Slo, SourceFile, SuppressionComment, TemplateInfo } from '../model/types.js';
import { normaliseLineBreaks, parseText, type ParsedDocument, type ParseOutcome } from '../parse/document.js';
import { decodeText, readTextFile } from '../parse/read.js';
import { readSuppressionComments } from '../parse/suppression-comments.js';
import { dialectName, hasTemplateSyntax, templateDialect, tolerantText, type TemplateDialect } from '../parse/template.js';
import { recogniseDocument, skippedFile, whyNotOurs, type Skipped } from '../recognise/recognise.js';

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
  /** A Helm chart template: read template-tolerantly whatever its text (the outcome cache keys on it too). */
  helmTemplate?: boolean;
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
  /** Why the file, or some of its documents, were not checked; undefined when every document was. */
  skipped?: Skipped;
}

export function fileTask(file: DiscoveredFile, displayPath: string): FileTask {
  return file.helmTemplate ? { absolutePath: file.absolutePath, displayPath, helmTemplate: true } : { absolutePath: file.absolutePath, displayPath };
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

  return ({ absolutePath, displayPath, bytes, helmTemplate }) => {
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
      outcome.skipped = { path: displayPath, reason: read.tooLarge ? 'too-large' : 'unsupported-format', detail: read.problem.message };
      return done();
    }
    const format = /\.json$/i.test(displayPath) ? 'json' : 'yaml';
    let parsed = helmTemplate ? undefined : parseText(read.text, format);
    // Templated YAML: a Helm chart's templates always; other files when they do not parse as they are.
    if (format === 'yaml') outcome.suppressions = readSuppressionComments(read.text, displayPath);
    let template: TemplateReading | undefined;
    if (!parsed || (parsed.problems.length > 0 && hasTemplateSyntax(read.text))) {
      template = readTemplate(read.text, format, templateDialect(read.text, helmTemplate === true));
      parsed = template.parsed;
      outcome.file.template = template.info;
    }
    if (!template) for (const problem of parsed.problems) outcome.unreadable.push({ file: displayPath, ...problem });
    if (read.text.trim() === '' && parsed.problems.length === 0) {
      outcome.skipped = { path: displayPath, reason: 'not-monitoring', detail: 'empty' };
      return done();
    }

    const kinds = new Set<DocumentKind>();
    const unclaimed: { index: number; reason: Skipped['reason']; detail: string }[] = [];
    // A document inside another (a ConfigMap's data) is handled like one of the file's own, once:
    // nesting deeper than that is not how any tool carries rules or dashboards.
    const handle = (doc: ParsedDocument, embedding?: DocumentEmbedding) => {
      const adapter = recogniseDocument(doc.value);
      if (!adapter) {
        if (!embedding) unclaimed.push({ index: doc.index, ...whyNotOurs(doc.value) });
        return;
      }
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
    if (template) {
      // What a template-tolerant reading could not read is one notice (file/template), not parse errors.
      const problem = template.info.problem ?? outcome.unreadable[0];
      outcome.unreadable = [];
      if (problem) template.info.problem = { line: problem.line, column: problem.column, message: problem.message };
      template.info.partly = kinds.size > 0 && problem !== undefined;
      template.info.taint = taintOf(template, parsed.documents);
      if (kinds.size === 0) {
        outcome.skipped = problem
          ? { path: displayPath, reason: 'template', detail: `${dialectName(template.info.dialect)} not read: ${problem.message}` }
          : skippedFile(displayPath, unclaimed);
        return done();
      }
    }
    if (kinds.size === 0 && parsed.problems.length > 0) {
      const problem = parsed.problems[0];
      outcome.skipped = problem.tooLarge
        ? { path: displayPath, reason: 'too-large', detail: problem.message }
        : { path: displayPath, reason: 'unsupported-format', detail: `cannot be parsed (line ${problem.line}: ${problem.message})` };
    } else if (unclaimed.length > 0) {
      outcome.skipped = skippedFile(displayPath, unclaimed);
      // Partly ours (a manifest bundle with one PrometheusRule): said once, naming the documents left.
      if (kinds.size > 0) outcome.skipped.documents = unclaimed.map((doc) => doc.index + 1);
    }
    return done();
  };
}

interface TemplateReading {
  text: string;
  parsed: ParseOutcome;
  info: TemplateInfo;
  placeholders: [number, number][];
  elided: number[];
}

function readTemplate(raw: string, format: 'yaml' | 'json', dialect: TemplateDialect): TemplateReading {
  // Lines as parseText reads them (a lone CR ends one), so actions alone on a line are found.
  const text = raw.includes('\r') ? normaliseLineBreaks(raw) : raw;
  const tolerant = tolerantText(text);
  if (!tolerant.ok) {
    const before = text.slice(0, tolerant.offset);
    const line = before.split('\n').length;
    return {
      text,
      parsed: { documents: [], problems: [] },
      info: { dialect, problem: { line, column: tolerant.offset - before.lastIndexOf('\n'), message: tolerant.message }, taint: [] },
      placeholders: [],
      elided: [],
    };
  }
  const parsed = parseText(tolerant.text, format);
  return { text, parsed, info: { dialect, problem: parsed.problems[0], taint: [] }, placeholders: tolerant.placeholders, elided: tolerant.elided };
}

/** Where findings would depend on what the template fills in: see ParsedDocument.dependentRanges. */
function taintOf(template: TemplateReading, documents: readonly ParsedDocument[]): TemplateInfo['taint'] {
  const taint: TemplateInfo['taint'] = [];
  const lineOf = (offset: number) => template.text.slice(0, offset).split('\n').length;
  const add = (offset: number, structure: boolean) => {
    for (const doc of documents) {
      const ranges = doc.dependentRanges?.(offset, structure);
      if (!ranges) continue;
      for (const [from, to] of ranges) taint.push([from.line, from.column ?? 1, to.line, to.column ?? Number.MAX_SAFE_INTEGER]);
      return;
    }
    // Outside every document's structure (a document that did not parse): its line, at least.
    if (!structure) taint.push([lineOf(offset), 1, lineOf(offset), Number.MAX_SAFE_INTEGER]);
  };
  for (const [from] of template.placeholders) add(from, false);
  for (const offset of template.elided) add(offset, true);
  return taint;
}

function checksById(ids: readonly string[]): DocumentCheck[] {
  const wanted = new Set(ids);
  return DOCUMENT_CHECKS.filter((check) => wanted.has(check.meta.id));
}
