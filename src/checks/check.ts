// The one contract every check fulfils, whatever it reads: one raw document while it is still
// parsed (schema checks), the linked model of the whole repository, the base and head of a pull
// request, or what live mode measured. A check is its metadata plus one function; it reports
// through its context and never decides what happens to a finding afterwards (severity overrides,
// `off`, fingerprints, and later suppressions are the findings sink's: src/findings/).
// Checks know nothing of GitHub, Markdown or the CLI.

import type { Config } from '../config/config.js';
import type { LinkedModel } from '../link/types.js';
import type { LiveSettings, LiveSummary } from '../live/types.js';
import type { Finding, Severity } from '../model/findings.js';
import type { DocumentKind, Position } from '../model/types.js';
import type { ParsedDocument } from '../parse/document.js';

export type CheckKind = 'document' | 'model' | 'diff' | 'live';

export interface CheckMeta {
  /** Stable id, `area/name`. */
  id: string;
  /** Default severity; `.slo-gate.yml` `checks:` may override it. */
  severity: Severity;
  kind: CheckKind;
  /** One line: what the check catches. */
  description: string;
  /** Repository path of its docs page, with a bad and a good example. */
  docs: string;
  /** The `.slo-gate.yml` keys it reads (dotted for nested ones), each with its JSON schema. */
  options?: Record<string, object>;
  /** The document kinds a `document` check is handed. */
  documentKinds?: readonly DocumentKind[];
  /** Counted by the gate even when only new findings count: live findings are about now, not the change. */
  gates?: 'always';
  /** Its findings feed the SLO's verdict in the report. */
  aboutSlo?: boolean;
  /** A policy change: the approval label turns its findings into notices. */
  policyChange?: boolean;
}

export type CheckFinding = Omit<Finding, 'check' | 'severity' | 'fingerprint' | 'status' | 'suppressed' | 'baselined'> & {
  /** Only when one finding of a check is less (or more) severe than the check's default. */
  severity?: Severity;
};

export interface CheckContext {
  config: Config;
  report(finding: CheckFinding): void;
}

export interface DocumentInput {
  file: string;
  kind: DocumentKind;
  doc: ParsedDocument;
}

/** A pull request's two sides, each linked; findings point at the head. */
export interface DiffInput {
  base: LinkedModel;
  head: LinkedModel;
  /**
   * Where a base position is in the head file: its own line when that line survived, else the
   * line where it was deleted. Undefined when the file is gone from the head.
   */
  headPosition(file: string, base: Position): Position | undefined;
}

/** What live mode measured, next to the model it measured. */
export interface LiveInput {
  linked: LinkedModel;
  /** Per-SLO results in the order of `linked.model.slos`. */
  summary: LiveSummary;
  settings: LiveSettings;
}

export interface DocumentCheck {
  meta: CheckMeta & { kind: 'document' };
  run(input: DocumentInput, context: CheckContext): void;
}

export interface ModelCheck {
  meta: CheckMeta & { kind: 'model' };
  run(linked: LinkedModel, context: CheckContext): void;
}

export interface DiffCheck {
  meta: CheckMeta & { kind: 'diff' };
  run(input: DiffInput, context: CheckContext): void;
}

export interface LiveCheck {
  meta: CheckMeta & { kind: 'live' };
  run(input: LiveInput, context: CheckContext): void;
}

export type Check = DocumentCheck | ModelCheck | DiffCheck | LiveCheck;

/** The docs page of a check id: docs/checks/<area>/<name>.md. */
export function docsPath(id: string): string {
  return `docs/checks/${id}.md`;
}
