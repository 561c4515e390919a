// Link every alerting rule and dashboard panel to the SLOs it implements, once per run.
// An alert implements an SLO when (a) its labels or selectors name it (slo, slo_name, sloth_slo,
// sloth_id), (b) `.slo-gate.yml` slo-links maps it, or (c) it is inferred: its query reads the SLO's
// SLI metrics (through recording rules too) and compares against a burn-rate, target or latency
// threshold; for SLOs whose format names no metrics, the words of its names must point at one SLO.
// An SLO is its name within its service (model/slo-identity.ts): a name label or slo-links entry
// that several services' SLOs answer to links to none of them unless a service label picks one.
// Candidates of several identities make an ambiguous link, which checks report; nothing is guessed.

import type { Config } from '../config/config.js';
import { sloIdentity, sloIdentityKey, sloNaming } from '../model/slo-identity.js';
import type { Model, Slo } from '../model/types.js';
import { formatLatency } from '../model/units.js';
import { alertNames, encodeAlert, metricsRead, recordingsOf, sloGeneratorEncoding } from './encoding.js';
import { hintKey, hintScore, sloWords, words } from './hints.js';
import type { AlertEncoding, LinkedModel, ResolvedReferences, SloLinkSet, SloLinks } from './types.js';

const NAME_LABELS = ['slo', 'slo_name', 'sloth_slo'];
/** Labels that state the service (or namespace) an SLO name belongs to, when the name alone is shared. */
export const SERVICE_LABELS = ['sloth_service', 'service', 'namespace', 'service_name'];

/** A metric's family: the name without the suffixes histograms and counters add; Pyrra's `x:burnrate5m` is family x. */
export function metricFamily(metric: string): string {
  const pyrra = /^(.*):burnrate\w+$/.exec(metric);
  return (pyrra ? pyrra[1] : metric).replace(/_(total|count|bucket|sum)$/, '');
}

const normalName = (name: string) => name.toLowerCase().replace(/_/g, '-');

/**
 * The model with its links. `references` are the dashboard paths resolved against the tree
 * (resolveReferences, which reads the file system); without them every reference is unresolved.
 */
export function linkModel(model: Model, config: Pick<Config, 'sloLinks'>, references: ResolvedReferences = new Map()): LinkedModel {
  return { model, links: linkSlos(model, config), references, sloName: sloNaming(model.slos) };
}

/**
 * The labels that link an alert to this SLO and no other of the run: `slo`, and where another
 * service has an SLO of the same name, the label that names its service in its format.
 */
export function linkingLabels(linked: LinkedModel, slo: Slo): Record<string, string> {
  if (slo.service === undefined || linked.sloName(slo) === slo.name) return { slo: slo.name };
  const serviceLabel = slo.format === 'sloth' ? 'sloth_service' : slo.format === 'pyrra' ? 'namespace' : slo.format === 'slo-generator' ? 'service_name' : 'service';
  return { slo: slo.name, [serviceLabel]: slo.service };
}

function linkSlos(model: Model, config: Pick<Config, 'sloLinks'>): SloLinks {
  const recordings = recordingsOf(model.rules);
  const links: SloLinks = { bySlo: new Map(model.slos.map((slo) => [slo.key, { slo, alerts: [], panels: [] } as SloLinkSet])), ambiguous: [], encodings: new Map() };
  const add = (slo: Slo) => links.bySlo.get(slo.key)!;
  const slos = indexSlos(model.slos);

  for (const rule of model.rules) {
    if (rule.kind !== 'alert') continue;
    const encoding = encodeAlert(rule, recordings);
    links.encodings.set(rule, encoding);

    const names = alertNames(rule);
    const named = namedSlos(names, slos);
    if (named.length) {
      const picked = oneIdentity(named, names);
      if (!picked) links.ambiguous.push({ rule, by: 'label', candidates: named });
      for (const { slo, by } of picked ?? []) add(slo).alerts.push({ rule, method: 'label', reason: labelReason(names, slo, by), encoding: slo.format === 'slo-generator' ? sloGeneratorEncoding(rule, encoding, slo) : encoding });
      continue;
    }
    const mapped = config.sloLinks[rule.name];
    // `service/name`, or a bare name that must then belong to one service.
    const configured = mapped === undefined ? [] : (slos.byIdentity.get(mapped) ?? slos.byName.get(mapped) ?? []);
    if (configured.length) {
      if (identities(configured) > 1) links.ambiguous.push({ rule, by: 'config', candidates: configured });
      else for (const slo of configured) add(slo).alerts.push({ rule, method: 'config', reason: `slo-links maps ${rule.name} to ${mapped}`, encoding });
      continue;
    }
    if (encoding.kind !== 'burn-rate' && encoding.kind !== 'target' && encoding.kind !== 'latency') continue;
    // Generated for an SLO that is not among the checked files (Sloth names its SLO in every rule): not ours to guess.
    if (names.sloth_id || names.sloth_slo) continue;
    const hints = () => new Set([...words(rule.name), ...words(rule.group), ...Object.entries(rule.labels).flatMap(([k, v]) => (k === 'severity' ? [] : words(v.value))), ...encodingWords(encoding)]);
    const chosen = choose((slo) => fitsAlert(slo, encoding), encoding.metrics, hints, slos, 1);
    if (chosen.length === 1) add(chosen[0].slo).alerts.push({ rule, method: 'inferred', reason: chosen[0].reason, encoding });
    else if (chosen.length > 1) links.ambiguous.push({ rule, by: 'inferred', candidates: chosen.map((c) => c.slo) });
  }

  // Panels come second: an SLO whose format names no metrics is known by the metrics its alerts read.
  const alertMetrics = new Map(model.slos.map((slo) => [slo, new Set(add(slo).alerts.flatMap((a) => a.encoding.metrics).map(metricFamily))]));
  for (const dashboard of model.dashboards) {
    for (const panel of dashboard.panels) {
      const metrics = [...new Set(panel.targets.flatMap((t) => (t.expr ? [...metricsRead(t.expr.analysis.facts, recordings)] : [])))];
      if (metrics.length === 0) continue;
      const matchers = panel.targets.flatMap((t) => t.expr?.analysis.facts.selectors.flatMap((s) => s.matchers.filter((m) => m.op === '=')) ?? []);
      const names: Record<string, string[]> = {};
      for (const m of matchers) names[m.label] = [...(names[m.label] ?? []), m.value];
      const named = namedSlos(names, slos);
      if (named.length) {
        const picked = oneIdentity(named, names);
        if (!picked) links.ambiguous.push({ dashboard, panel, by: 'label', candidates: named });
        for (const { slo, by } of picked ?? []) add(slo).panels.push({ dashboard, panel, method: 'label', reason: labelReason(names, slo, by), metrics });
        continue;
      }
      const quantiles = panel.targets.flatMap((t) => t.expr?.analysis.facts.histogramQuantiles ?? []);
      const hints = () => new Set([...words(panel.title), ...metrics.flatMap(words)]);
      const chosen = choose((slo) => (quantiles.length ? slo.indicator.type === 'latency' : true), metrics, hints, slos, 2, alertMetrics);
      if (chosen.length === 1) add(chosen[0].slo).panels.push({ dashboard, panel, method: 'inferred', reason: chosen[0].reason, metrics });
      else if (chosen.length > 1) links.ambiguous.push({ dashboard, panel, by: 'inferred', candidates: chosen.map((c) => c.slo) });
    }
  }
  return links;
}

/**
 * What linking looks SLOs up by, built once: scanning every SLO for every alert and panel made
 * linking a repository with many SLOs quadratic.
 */
interface SloIndex {
  /** Each SLO's place in the model: SLOs found under several keys are listed in model order. */
  order: Map<Slo, number>;
  words: Map<Slo, Set<string>>;
  /** The families of the SLI metrics the SLO's format names. */
  families: Map<Slo, string[]>;
  byName: Map<string, Slo[]>;
  /** SLOs with a service, by `service/name` (as slo-links may name them). */
  byIdentity: Map<string, Slo[]>;
  /** By normalName(name), as the slo, slo_name and sloth_slo labels name them. */
  byNormalName: Map<string, Slo[]>;
  /** SLOs with a service, by their sloth_id `<service>-<slo>`. */
  bySlothId: Map<string, Slo[]>;
  /** SLOs that name metrics, by each family of them. */
  byFamily: Map<string, Slo[]>;
  /** SLOs that name no metrics, by the hintKey of each of their words. */
  byHintKey: Map<string, Slo[]>;
}

function indexSlos(slos: readonly Slo[]): SloIndex {
  const index: SloIndex = { order: new Map(), words: new Map(), families: new Map(), byName: new Map(), byIdentity: new Map(), byNormalName: new Map(), bySlothId: new Map(), byFamily: new Map(), byHintKey: new Map() };
  const file = (map: Map<string, Slo[]>, key: string, slo: Slo) => {
    const listed = map.get(key);
    if (!listed) map.set(key, [slo]);
    else if (listed[listed.length - 1] !== slo) listed.push(slo);
  };
  for (const [position, slo] of slos.entries()) {
    const sloWordSet = sloWords(slo);
    const families = slo.indicator.metrics.map(metricFamily);
    index.order.set(slo, position);
    index.words.set(slo, sloWordSet);
    index.families.set(slo, families);
    file(index.byName, slo.name, slo);
    if (slo.service !== undefined) file(index.byIdentity, sloIdentity(slo), slo);
    file(index.byNormalName, normalName(slo.name), slo);
    // slo-generator's exporters label every metric with the SLO's slo_name (and service and feature names).
    if (slo.format === 'slo-generator' && slo.labels.slo_name) file(index.byNormalName, normalName(slo.labels.slo_name), slo);
    if (slo.service) file(index.bySlothId, `${slo.service}-${slo.name}`, slo);
    for (const family of families) file(index.byFamily, family, slo);
    if (families.length === 0) for (const word of sloWordSet) file(index.byHintKey, hintKey(word), slo);
  }
  return index;
}

/** SLOs from several lookups, each once, in model order. */
function inModelOrder(lists: Iterable<Slo[] | undefined>, slos: SloIndex): Slo[] {
  const found = new Set<Slo>();
  for (const list of lists) for (const slo of list ?? []) found.add(slo);
  return [...found].sort((a, b) => slos.order.get(a)! - slos.order.get(b)!);
}

/** The SLOs the labels or `=` matchers name (see namesSlo), looked up by the names they give. */
function namedSlos(names: Record<string, string[]>, slos: SloIndex): Slo[] {
  const lookups: (Slo[] | undefined)[] = [];
  for (const label of NAME_LABELS) for (const value of names[label] ?? []) lookups.push(slos.byNormalName.get(normalName(value)));
  for (const value of names.sloth_id ?? []) lookups.push(slos.bySlothId.get(value));
  return inModelOrder(lookups, slos).filter((slo) => namesSlo(names, slo));
}

/** How many identities the SLOs have: one when they are a single SLO or its duplicates (policy/duplicate reports those). */
function identities(candidates: readonly Slo[]): number {
  return new Set(candidates.map(sloIdentityKey)).size;
}

/**
 * The SLOs the labels name, when they are of one identity: all of them (duplicates are linked
 * alike, as before), or when several services share the name, those of the service a service
 * label states, with that label. Undefined when the labels do not say which.
 */
function oneIdentity(candidates: Slo[], names: Record<string, string[]>): { slo: Slo; by?: string }[] | undefined {
  if (identities(candidates) === 1) return candidates.map((slo) => ({ slo }));
  for (const label of SERVICE_LABELS) {
    const picked = candidates.filter((slo) => slo.service !== undefined && names[label]?.includes(slo.service));
    if (picked.length && identities(picked) === 1) return picked.map((slo) => ({ slo, by: `${label}=${slo.service}` }));
  }
  return undefined;
}

/** Labels or `=` matchers that name this SLO; sloth_id is `<service>-<slo>`, sloth_service must agree when present. */
function namesSlo(names: Record<string, string[]>, slo: Slo): boolean {
  if (slo.format === 'slo-generator') return sloGeneratorLabels(names, slo) !== undefined;
  if (slo.service && names.sloth_service && !names.sloth_service.includes(slo.service)) return false;
  if (names.sloth_id && slo.service) return names.sloth_id.includes(`${slo.service}-${slo.name}`);
  return NAME_LABELS.some((label) => names[label]?.some((value) => normalName(value) === normalName(slo.name)));
}

/**
 * The labels that name a slo-generator SLO (`slo_name`, with `service_name` and `feature_name`
 * agreeing wherever the alert states them), as `label=value` pairs; undefined when they do not.
 */
function sloGeneratorLabels(names: Record<string, string[]>, slo: Slo): string[] | undefined {
  const sloName = names.slo_name?.find((value) => normalName(value) === normalName(slo.labels.slo_name ?? slo.name)) ?? names.slo?.find((value) => normalName(value) === normalName(slo.name));
  if (sloName === undefined) return undefined;
  const pairs = [`slo_name=${sloName}`];
  for (const label of ['feature_name', 'service_name']) {
    const own = slo.labels[label];
    const stated = names[label];
    if (!stated || own === undefined) continue;
    if (!stated.includes(own)) return undefined;
    pairs.unshift(`${label}=${own}`);
  }
  return pairs;
}

/** The labels that made the link; `service` is the service label that picked the SLO among others of its name. */
function labelReason(names: Record<string, string[]>, slo: Slo, service?: string): string {
  if (slo.format === 'slo-generator') return sloGeneratorLabels(names, slo)!.join(', ');
  if (names.sloth_id && slo.service) return `sloth_id=${slo.service}-${slo.name}`;
  const label = NAME_LABELS.find((l) => names[l]?.some((v) => normalName(v) === normalName(slo.name)))!;
  const reason = `${label}=${names[label].find((v) => normalName(v) === normalName(slo.name))}`;
  return service ? `${reason}, ${service}` : reason;
}

function fitsAlert(slo: Slo, encoding: AlertEncoding): boolean {
  if (encoding.kind === 'latency') return slo.indicator.type === 'latency';
  // A burn-rate or target alert needs a budget; a latency SLO qualifies only when its metrics can show the alert reads them.
  return slo.target !== undefined && (slo.indicator.type !== 'latency' || slo.indicator.metrics.length > 0);
}

function encodingWords(encoding: AlertEncoding): string[] {
  const out = encoding.metrics.flatMap(words);
  for (const condition of encoding.conditions) {
    if (!condition.latency) continue;
    // The percentile is left out: p95 alone says nothing about which of several p95 SLOs is meant.
    out.push(formatLatency(condition.latency.thresholdSeconds).toLowerCase());
  }
  return out;
}

/**
 * The best-supported SLOs. Reading the SLO's SLI metrics outweighs any number of shared words; an
 * SLO that names metrics the item does not read is out. Without metric evidence, at least
 * `minWords` shared words are needed (or one, with the metrics the SLO's alerts read). `hintsOf`
 * makes the item's words when they are needed.
 */
function choose(
  fits: (slo: Slo) => boolean,
  metrics: string[],
  hintsOf: () => Set<string>,
  slos: SloIndex,
  minWords: number,
  alertMetrics?: Map<Slo, Set<string>>,
): { slo: Slo; reason: string }[] {
  const families = new Set(metrics.map(metricFamily));
  // The words are only split out when some SLO could use them: most alerts meet none.
  let hintSet: Set<string> | undefined;
  const hints = () => (hintSet ??= hintsOf());
  // Only SLOs sharing a metric family, or naming no metrics and sharing a word (minWords is at
  // least 1), can score; the others are not looked at.
  const lookups = [...families].map((family) => slos.byFamily.get(family));
  if (slos.byHintKey.size > 0) for (const hint of hints()) lookups.push(slos.byHintKey.get(hintKey(hint)));
  const scored = inModelOrder(lookups, slos)
    .filter(fits)
    .flatMap((slo) => {
      const sliFamilies = slos.families.get(slo)!;
      const shared = sliFamilies.filter((f) => families.has(f));
      if (sliFamilies.length > 0 && shared.length === 0) return [];
      const sloWordSet = slos.words.get(slo)!;
      const wordScore = hintScore(hints(), sloWordSet);
      const viaAlerts = [...(alertMetrics?.get(slo) ?? [])].filter((f) => families.has(f));
      if (shared.length === 0 && !(wordScore >= minWords || (viaAlerts.length > 0 && wordScore >= 1))) return [];
      const reason = shared.length
        ? `reads the SLI metric ${shared[0]}`
        : viaAlerts.length
          ? `reads ${viaAlerts[0]} like the SLO's alerts, and its name fits`
          : `its names fit the SLO's (${[...sloWordSet].filter((w) => hintScore(hints(), new Set([w])) > 0).join(', ')})`;
      return [{ slo, reason, score: shared.length * 100 + viaAlerts.length * 10 + wordScore }];
    });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored.filter((s) => s.score === best && best > 0);
}
