// The vector selectors live rule checks ask the backend about: every selector of every alerting
// and recording rule, and of every SLI query, with where it is written, what reads it, and
// whether it protects an SLO. Pure: no requests here.

import type { LabelMatcherFact, SelectorFact } from '../lang/promql/analyse.js';
import { analyseQuery } from '../lang/promql/analyse.js';
import type { SloLinks } from '../link/types.js';
import { queryPosition } from '../model/placement.js';
import type { Model, Position, Rule, Slo } from '../model/types.js';

export interface SelectorUse {
  file: string;
  position: Position;
  /** What holds the selector: a rule or an SLO's SLI. */
  owner: { kind: 'alert' | 'record' | 'sli'; name: string; group?: string; rule?: Rule; slo?: Slo };
  fact: SelectorFact;
  /** The selector as PromQL (name and matchers, no range): what is sent. */
  selector: string;
  /** Matchers without the `__name__` one that names the metric. */
  matchers: LabelMatcherFact[];
  /** The rule protects an SLO (a linked alert, a recording rule one reads) or the selector is an SLI's. */
  linked: boolean;
  /**
   * Matchers this selector adds to another selector of the same metric in the same query
   * (`x{code=~"5.."} / x`): it counts a part of a total, and a part can be empty while all is well.
   */
  breakdown: Set<number>;
}

// Series the rule manager writes itself, and selectors that exist to match nothing.
const SYNTHETIC_METRICS = new Set(['ALERTS', 'ALERTS_FOR_STATE']);
const EXPECTS_ABSENCE = new Set(['absent', 'absent_over_time']);

/** Names recorded by the repository's own recording rules, each with its rules. */
export function recordedNames(model: Model): Map<string, Rule[]> {
  const names = new Map<string, Rule[]>();
  for (const rule of model.rules) if (rule.kind === 'record') names.set(rule.name, [...(names.get(rule.name) ?? []), rule]);
  return names;
}

/** Rules that protect an SLO: linked alerts, and the recording rules they read (transitively). */
export function linkedRules(model: Model, links: SloLinks | undefined): Set<Rule> {
  const linked = new Set<Rule>();
  const recorded = recordedNames(model);
  const visit = (metric: string, depth: number) => {
    for (const rule of recorded.get(metric) ?? []) {
      if (linked.has(rule) || depth > 8) continue;
      linked.add(rule);
      for (const s of rule.expr.analysis.facts.selectors) if (s.metric) visit(s.metric, depth + 1);
    }
  };
  for (const set of links?.bySlo.values() ?? []) {
    for (const alert of set.alerts) {
      linked.add(alert.rule);
      for (const s of alert.rule.expr.analysis.facts.selectors) if (s.metric) visit(s.metric, 0);
    }
  }
  return linked;
}

export function selectorText(metric: string | undefined, matchers: readonly LabelMatcherFact[]): string {
  const inner = matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ');
  if (metric === undefined) return `{${inner}}`;
  return inner ? `${metric}{${inner}}` : metric;
}

/** Every selector worth asking about. Selectors under absent(), and ALERTS, are left out: they are meant to match nothing at times. */
export function selectorUses(model: Model, links: SloLinks | undefined): SelectorUse[] {
  const uses: SelectorUse[] = [];
  const linked = linkedRules(model, links);
  for (const rule of model.rules) {
    if (rule.expr.analysis.errors.length > 0) continue; // promql/syntax reports it
    const facts = rule.expr.analysis.facts.selectors;
    facts.forEach((fact, index) => {
      const use = makeUse(fact, index, facts, { file: rule.file, position: queryPosition(rule.expr, fact.from), owner: { kind: rule.kind, name: rule.name, group: rule.group, rule }, linked: linked.has(rule) });
      if (use) uses.push(use);
    });
  }
  for (const slo of model.slos) {
    // Error and total queries are read together: the error query's selectors are parts of the total's.
    const queries = [slo.indicator.errorQuery, slo.indicator.goodQuery, slo.indicator.totalQuery, slo.indicator.errorRatioQuery].filter((q): q is string => Boolean(q?.trim()));
    if (!queries.length) continue;
    const text = queries.map((q) => `(${q.replace(/\{\{\s*\.window\s*\}\}/g, '5m')})`).join(' + ');
    const analysis = analyseQuery(text);
    if (analysis.errors.length > 0) continue;
    const facts = analysis.facts.selectors;
    const position = slo.indicator.position ?? slo.position;
    facts.forEach((fact, index) => {
      const use = makeUse(fact, index, facts, { file: slo.file, position, owner: { kind: 'sli', name: slo.name, slo }, linked: true });
      if (use) uses.push(use);
    });
  }
  return uses;
}

function makeUse(fact: SelectorFact, index: number, all: readonly SelectorFact[], base: Pick<SelectorUse, 'file' | 'position' | 'owner' | 'linked'>): SelectorUse | undefined {
  if (fact.functions.some((fn) => EXPECTS_ABSENCE.has(fn))) return undefined;
  if (fact.metric !== undefined && SYNTHETIC_METRICS.has(fact.metric)) return undefined;
  const matchers = ownMatchers(fact);
  if (fact.metric === undefined && matchers.length === 0) return undefined;
  const breakdown = new Set<number>();
  all.forEach((other, k) => {
    if (k === index || other.metric === undefined || other.metric !== fact.metric) return;
    const theirs = ownMatchers(other).map(key);
    const extra = matchers.map((m, i) => (theirs.includes(key(m)) ? -1 : i)).filter((i) => i >= 0);
    // The other selector is this one without some matchers: this one counts a part of it.
    if (extra.length > 0 && theirs.every((t) => matchers.some((m) => key(m) === t))) for (const i of extra) breakdown.add(i);
  });
  return { ...base, fact, matchers, selector: selectorText(fact.metric, matchers), breakdown };
}

function ownMatchers(fact: SelectorFact): LabelMatcherFact[] {
  return fact.matchers.filter((m) => !(m.label === '__name__' && m.op === '=' && m.value === fact.metric));
}

function key(m: LabelMatcherFact): string {
  return `${m.label}${m.op}${m.value}`;
}
