// A format adapter recognises one shape of document and normalises it into the model.
// Adapters know nothing of checks: what they cannot read they leave out, and the checks
// that validate the raw document (policy/schema, rule/schema) say why.

import type { ParsedDocument } from '../parse/document.js';
import type { Dashboard, DocumentKind, Position, RuleGroup, Slo } from '../model/types.js';

export interface NormaliseOptions {
  /** Period for SLOs whose format does not state one (Sloth): seconds. */
  defaultPeriodSeconds: number;
}

export interface NormaliseContext {
  /** Root-relative path of the file, `/` separators. */
  file: string;
  options: NormaliseOptions;
  addSlo(slo: Slo): void;
  addRuleGroup(group: RuleGroup): void;
  addDashboard(dashboard: Dashboard): void;
  /** A part of the document that cannot be read at all (an embedded JSON string that does not parse). */
  unreadable(position: Position, message: string): void;
}

export interface FormatAdapter {
  kind: DocumentKind;
  recognise(value: unknown): boolean;
  normalise(doc: ParsedDocument, context: NormaliseContext): void;
}
