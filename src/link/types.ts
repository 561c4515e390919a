// What linking derives from the model, once per run: which alerting rules and dashboard panels
// implement each SLO, how each link was made, what each alert encodes (windows, factor, budget,
// latency threshold), and where the paths policies mention lead. The model itself carries none
// of it; model, diff and live checks and the report read it from the LinkedModel.

import type { DashboardRef, Dashboard, Model, Panel, Position, Rule, Slo } from '../model/types.js';

/** The model of one tree with everything derived from it. */
export interface LinkedModel {
  model: Model;
  links: SloLinks;
  /** Every dashboard reference of every SLO, resolved against the checked tree (src/link/references.ts). */
  references: ResolvedReferences;
  /** How messages name an SLO of this model: its name, or `service/name` where another service's SLO has the name too. */
  sloName: (slo: Pick<Slo, 'name' | 'service'>) => string;
}

export interface ResolvedReference {
  /** Root-relative path it resolves to; undefined when it leaves the root. */
  resolved?: string;
  exists: boolean;
}

export type ResolvedReferences = Map<DashboardRef, ResolvedReference>;

/** 'label': the alert's labels or selectors name the SLO; 'config': `.slo-gate.yml` slo-links maps it; 'inferred': metrics and names point at it. */
export type LinkMethod = 'label' | 'config' | 'inferred';

/** One comparison of an alert query, read as what it alerts on. */
export interface EncodedCondition {
  /** Ranges (seconds) of what the compared expression reads, through recording rules too. */
  windows: number[];
  /** The threshold on the compared expression's own scale (`* 1000 > 50` → 0.05). */
  threshold: number;
  /** True when the alert fires above the threshold. */
  above: boolean;
  /** Error-budget share the threshold divides by or multiplies (0.001), when the query writes one. */
  budget?: number;
  /** Burn-rate factor: threshold ÷ budget. */
  factor?: number;
  /** A target the alert compares against directly (`availability < 99.9 %`). */
  target?: number;
  /** A latency threshold in seconds and the percentile it applies to. */
  latency?: { thresholdSeconds: number; percentile?: number };
  position: Position;
}

/** A burn-rate window pair as an alert implements it: conditions with the same factor, longest and shortest window. */
export interface EncodedWindow {
  longSeconds: number;
  shortSeconds?: number;
  factor?: number;
  budget?: number;
  position: Position;
}

export interface AlertEncoding {
  /** 'burn-rate': factor × budget thresholds; 'target': compares the SLI with a target; 'latency': a percentile threshold. */
  kind: 'burn-rate' | 'target' | 'latency' | 'ratio-threshold' | 'other';
  conditions: EncodedCondition[];
  windows: EncodedWindow[];
  /** Metric names read, directly or through recording rules (raw metrics, recording-rule names included). */
  metrics: string[];
}

export interface AlertLink {
  rule: Rule;
  method: LinkMethod;
  /** How the link was made, for the report ("label slo=checkout", "reads http_requests_total"). */
  reason: string;
  encoding: AlertEncoding;
}

export interface PanelLink {
  dashboard: Dashboard;
  panel: Panel;
  method: LinkMethod;
  reason: string;
  metrics: string[];
}

export interface SloLinkSet {
  slo: Slo;
  alerts: AlertLink[];
  panels: PanelLink[];
}

/**
 * An alert or panel that could belong to SLOs of several identities: linked to none of them and
 * reported as a notice, never guessed. 'inferred': it fits them equally well; 'label': its labels
 * name an SLO name several services have; 'config': slo-links maps it to such a name.
 */
export interface AmbiguousLink {
  rule?: Rule;
  dashboard?: Dashboard;
  panel?: Panel;
  by: LinkMethod;
  candidates: Slo[];
}

export interface SloLinks {
  /** By Slo.key. */
  bySlo: Map<string, SloLinkSet>;
  ambiguous: AmbiguousLink[];
  /** What every alerting rule encodes, linked or not. */
  encodings: Map<Rule, AlertEncoding>;
}
