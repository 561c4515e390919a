// The whole check, start to end: find files → parse with positions → recognise each document →
// normalise into one model → run checks. Shells (the action, the CLI) only choose options and
// hand the result to report/ and publish/.

import path from 'node:path';
import { CHECKS } from './checks/index.js';
import type { Check, CheckContext, CheckFinding } from './checks/check.js';
import type { Config } from './config/config.js';
import { findFiles } from './discover/find-files.js';
import { resolveReferences } from './discover/resolve-references.js';
import type { FinaliseContext, FormatAdapter, NormaliseContext } from './formats/adapter.js';
import { linkModel } from './link/link.js';
import type { Finding } from './model/findings.js';
import { emptyModel, type DocumentKind, type Model } from './model/types.js';
import { parseText } from './parse/document.js';
import { readTextFile } from './parse/read.js';
import { recogniseDocument } from './recognise/recognise.js';
import { fingerprint } from './report/fingerprint.js';

export interface EngineResult {
  model: Model;
  findings: Finding[];
  /** Files or folders passed over, with why (a symlink out of the root). */
  skipped: { path: string; reason: string }[];
  checks: readonly Check[];
}

export async function runEngine(root: string, config: Config, checks: readonly Check[] = CHECKS): Promise<EngineResult> {
  const absoluteRoot = path.resolve(root);
  const enabled = checks.filter((check) => config.checks[check.id] !== 'off');
  const findings: Finding[] = [];
  const contexts = new Map(enabled.map((check) => [check, contextFor(check, config, findings)]));
  const documentChecks = new Map<DocumentKind, Check[]>();
  for (const check of enabled) for (const kind of check.documentKinds ?? []) documentChecks.set(kind, [...(documentChecks.get(kind) ?? []), check]);

  const discovery = await findFiles(absoluteRoot, { include: config.include, exclude: config.exclude });
  const model = emptyModel(absoluteRoot);
  const rootIsFile = discovery.files.length === 1 && discovery.files[0].absolutePath === absoluteRoot;

  // What adapters keep for their finalise step: documents that refer to documents in other files.
  const kept = new Map<FormatAdapter, unknown[]>();

  for (const file of discovery.files) {
    const displayPath = rootIsFile ? path.basename(absoluteRoot) : file.path;
    const kinds = new Set<DocumentKind>();
    const read = await readTextFile(file.absolutePath, config.maxFileBytes).catch((error: NodeJS.ErrnoException) => ({
      ok: false as const,
      bytes: 0,
      problem: { line: 1, message: `cannot read file: ${error.code ?? error.message}` },
    }));
    model.files.push({ path: displayPath, kinds: [], bytes: read.bytes });
    if (!read.ok) {
      model.unreadable.push({ file: displayPath, ...read.problem });
      continue;
    }
    const format = /\.json$/i.test(file.path) ? 'json' : 'yaml';
    const parsed = parseText(read.text, format);
    for (const problem of parsed.problems) model.unreadable.push({ file: displayPath, ...problem });
    if (read.text.trim() === '' && parsed.problems.length === 0) continue;

    const fileContext: Omit<NormaliseContext, 'keep'> = {
      file: displayPath,
      options: { defaultPeriodSeconds: config.defaultPeriodSeconds },
      addSlo: (slo) => model.slos.push(slo),
      addRuleGroup: (group) => {
        model.ruleGroups.push(group);
        for (const rule of group.rules) model.rules.push(rule);
      },
      addDashboard: (dashboard) => model.dashboards.push(dashboard),
      unreadable: (position, message) => model.unreadable.push({ file: displayPath, ...position, message }),
    };
    for (const doc of parsed.documents) {
      const adapter = recogniseDocument(doc.value);
      if (!adapter) continue;
      const keep = (item: unknown) => {
        if (!kept.has(adapter)) kept.set(adapter, []);
        kept.get(adapter)!.push(item);
      };
      const normaliseContext: NormaliseContext = { ...fileContext, keep };
      kinds.add(adapter.kind);
      for (const check of documentChecks.get(adapter.kind) ?? []) {
        guard(check, contexts.get(check)!, displayPath, () => check.checkDocument!({ file: displayPath, kind: adapter.kind, doc }, contexts.get(check)!));
      }
      guard(undefined, undefined, displayPath, () => adapter.normalise(doc, normaliseContext), (message) =>
        model.unreadable.push({ file: displayPath, line: doc.positionOf([]).line, message: `cannot read ${adapter.kind} document: ${message}` }),
      );
    }
    model.files[model.files.length - 1].kinds = [...kinds];
  }

  for (const [adapter, items] of kept) {
    const finaliseContext: FinaliseContext = { options: { defaultPeriodSeconds: config.defaultPeriodSeconds }, model, addSlo: (slo) => model.slos.push(slo) };
    guard(undefined, undefined, '', () => adapter.finalise?.(items, finaliseContext), (message) =>
      model.unreadable.push({ file: '', line: 1, message: `cannot resolve ${adapter.kind} documents: ${message}` }),
    );
  }

  await resolveReferences(model, rootIsFile ? path.dirname(absoluteRoot) : absoluteRoot);
  // Links between SLOs, alerts and panels are derived once here; every align/* check reads them.
  model.links = linkModel(model, config);

  for (const check of enabled) {
    if (check.checkModel) guard(check, contexts.get(check)!, '', () => check.checkModel!(model, contexts.get(check)!));
  }
  for (const finding of findings) finding.fingerprint = fingerprint(finding);
  return { model, findings, skipped: discovery.skipped, checks: enabled };
}

function contextFor(check: Check, config: Config, sink: Finding[]): CheckContext {
  const override = config.checks[check.id];
  return {
    config,
    report(finding: CheckFinding) {
      const severity = override && override !== 'off' ? override : (finding.severity ?? check.severity);
      // Object.assign rather than a spread: V8 keeps a spread copy with added keys in about three
      // times the memory, and a large repository has a hundred thousand findings.
      sink.push(Object.assign({}, finding, { check: check.id, severity }));
    },
  };
}

/** One check failing on one odd document must not stop the others: it becomes a finding of its own. */
function guard(check: Check | undefined, context: CheckContext | undefined, file: string, run: () => void, onError?: (message: string) => void): void {
  try {
    run();
  } catch (error) {
    const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
    if (onError) return onError(message);
    context?.report({ file, message: `internal error in check ${check?.id}: ${message} (please report this)` });
  }
}
