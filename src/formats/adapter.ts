// A format adapter recognises one shape of document and normalises it into the model.
// Adapters know nothing of checks: what they cannot read they leave out, and the checks
// that validate the raw document (policy/schema, rule/schema) say why.

import type { ParsedDocument } from '../parse/document.js';
import type { Dashboard, DocumentKind, LogqlRule, Model, Position, RuleGroup, Slo } from '../model/types.js';

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
  addLogqlRule(rule: LogqlRule): void;
  /**
   * A document carried inside this one (a rule file or dashboard in a ConfigMap's `data`), parsed
   * with positions in this file: it is recognised, checked and normalised as a document of its own.
   */
  embedded(doc: ParsedDocument, embedding: DocumentEmbedding): void;
  /** Set when this document is carried inside another (see `embedded`). */
  embedding?: DocumentEmbedding;
  /** A part of the document that cannot be read at all (an embedded JSON string that does not parse). */
  unreadable(position: Position, message: string): void;
  /** Keep something for this adapter's `finalise` step: a document another file may refer to. */
  keep(item: unknown): void;
}

export interface DocumentEmbedding {
  /** The data key it is carried under ("alerts.yaml"). */
  entry: string;
  /** The carrier marks its rules as Loki ruler rules (a `loki_rule` label, as Loki's Helm chart loads them). */
  lokiRules?: boolean;
}

export interface FinaliseContext {
  options: NormaliseOptions;
  /** Everything normalised so far, from every file. */
  model: Model;
  addSlo(slo: Slo): void;
}

export interface FormatAdapter {
  kind: DocumentKind;
  recognise(value: unknown): boolean;
  normalise(doc: ParsedDocument, context: NormaliseContext): void;
  /**
   * Formats whose documents refer to each other across files (an OpenSLO SLO naming an SLI, Sloth
   * AlertWindows applying to specs) finish here, once every file is read, with what `keep` kept.
   * What files' outcomes hold (the model's SLOs, the kept items) is replaced, never edited: a pull
   * request's base shares the head's outcome objects of unchanged files.
   */
  finalise?(kept: unknown[], context: FinaliseContext): void;
}
