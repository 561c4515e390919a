// The contract every check module fulfils. A check sees either one raw document while it is
// still parsed (schema checks), or the normalised model of the whole repository, or both.
// Checks know nothing of GitHub, Markdown or the CLI.

import type { Config } from '../config/config.js';
import type { Finding, Severity } from '../model/findings.js';
import type { DocumentKind, Model } from '../model/types.js';
import type { ParsedDocument } from '../parse/document.js';

export type CheckFinding = Omit<Finding, 'check' | 'severity' | 'fingerprint'> & {
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

export interface Check {
  /** Stable id, `area/name`; docs live at docs/checks/<area>-<name>.md. */
  id: string;
  severity: Severity;
  /** One line: what the check catches. */
  description: string;
  /** Document kinds handed to checkDocument. */
  documentKinds?: readonly DocumentKind[];
  checkDocument?(input: DocumentInput, context: CheckContext): void;
  checkModel?(model: Model, context: CheckContext): void;
}
