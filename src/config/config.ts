// .slo-gate.yml: read, validated against schemas/config.schema.json, merged over the defaults.

import path from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Severity } from '../model/findings.js';
import { DEFAULT_PERIOD_SECONDS } from '../model/burn-rate.js';
import { parseDuration, parseTarget } from '../model/units.js';
import { parseText, type ParsedDocument } from '../parse/document.js';
import { readRepositoryFile } from '../parse/read.js';
import { closestName } from './did-you-mean.js';
// The schema compiled when the bundle is built (scripts/generate-validators.mjs); the schema itself names the keys.
import { validateConfig } from './config-validator.generated.cjs';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };

export type CheckSetting = Severity | 'off';

export interface Config {
  /** Minimum availability target, as a ratio; unset means slo-gate's default floor (DEFAULT_MIN_AVAILABILITY), which only warns. */
  minAvailability?: number;
  /** Minimum target of latency SLOs (the share of requests under the threshold), as a ratio; none by default. */
  minLatencyObjective?: number;
  include: string[];
  exclude: string[];
  checks: Record<string, CheckSetting>;
  /** Label name → allowed values (empty: any value). */
  requiredLabels: Record<string, string[]>;
  requiredAnnotations: string[];
  /** Period for SLO formats that do not state one (Sloth). */
  defaultPeriodSeconds: number;
  /** Prometheus' global evaluation_interval, for groups without `interval`. */
  evaluationIntervalSeconds: number;
  scrapeIntervalSeconds: number;
  maxFileBytes: number;
  /** Explicit alert → SLO links: alert name → SLO name. */
  sloLinks: Record<string, string>;
  /**
   * Which rule loader rule files are checked against: 'prometheus' (promtool, strict), 'thanos'
   * (Thanos Ruler: groups may set partial_response_strategy), 'auto' (Thanos where a file uses the field).
   */
  ruleDialect: 'auto' | 'prometheus' | 'thanos';
  /** Findings excused by `ignore:` (JSON files have no comments for suppressions), with their reasons. */
  ignore: IgnoreEntry[];
}

/** One `ignore:` entry of `.slo-gate.yml`. */
export interface IgnoreEntry {
  /** Glob of root-relative paths. */
  path: string;
  checks: string[];
  /** An alert, SLO, panel title or id the finding is about; any when absent. */
  subject?: string;
  /** Empty when missing: the entry then excuses nothing, and says so. */
  reason: string;
  /** Where the entry is written, for findings about it. */
  position: { file: string; line: number; column?: number };
}

/** The floor an availability SLO is held to when the repository names none: reported as a warning, not an error. */
export const DEFAULT_MIN_AVAILABILITY = 0.999;

export const DEFAULT_CONFIG: Config = {
  include: [],
  exclude: [],
  checks: {},
  requiredLabels: { severity: [] },
  // None by default: repositories word their alerts differently (summary, description, message).
  requiredAnnotations: [],
  defaultPeriodSeconds: DEFAULT_PERIOD_SECONDS,
  evaluationIntervalSeconds: 60,
  scrapeIntervalSeconds: 60,
  maxFileBytes: 16 * 1024 * 1024,
  sloLinks: {},
  ruleDialect: 'auto',
  ignore: [],
};

export const DEFAULT_CONFIG_FILE = '.slo-gate.yml';

/** Where each `.slo-gate.yml` key (nested ones dotted) lands in Config: what a check's `meta.options` names. */
const CONFIG_FIELDS: Record<string, keyof Config> = {
  'min-availability': 'minAvailability',
  'min-latency-objective': 'minLatencyObjective',
  include: 'include',
  exclude: 'exclude',
  checks: 'checks',
  'alerts.required-labels': 'requiredLabels',
  'alerts.required-annotations': 'requiredAnnotations',
  'slo-period': 'defaultPeriodSeconds',
  'evaluation-interval': 'evaluationIntervalSeconds',
  'scrape-interval': 'scrapeIntervalSeconds',
  'max-file-size-mb': 'maxFileBytes',
  'slo-links': 'sloLinks',
  'rule-dialect': 'ruleDialect',
};

/** Whether `.slo-gate.yml` has the key (dotted for nested ones). */
export function isConfigKey(key: string): boolean {
  return Object.hasOwn(CONFIG_FIELDS, key);
}

/** The settled value of a `.slo-gate.yml` key; undefined for a key the config does not have, or one left unset. */
export function configValue(config: Config, key: string): unknown {
  const field = CONFIG_FIELDS[key];
  return field === undefined ? undefined : config[field];
}

/** `alerts.required-annotations: recommended`: what an on-call engineer needs from a page. */
export const RECOMMENDED_ANNOTATIONS = ['summary', 'description', 'runbook_url'] as const;

export interface ConfigProblem {
  line: number;
  column?: number;
  message: string;
}

/** A configuration that cannot be used: every problem found in it, each with its position. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | undefined,
    message: string,
    more: ConfigProblem[] = [],
  ) {
    super(message);
    this.problems = [{ line, ...(column !== undefined ? { column } : {}), message }, ...more];
  }

  static of(file: string, problems: ConfigProblem[]): ConfigError {
    const [first, ...rest] = problems;
    return new ConfigError(file, first.line, first.column, first.message, rest);
  }
}

/**
 * Read a config file; undefined when `required` is false and the file does not exist. It comes
 * from the repository under check, so it is read like any checked file: a symlink from inside
 * `root` to outside it is not followed, only a regular file is read (never a FIFO or a device,
 * and opening one does not block), within the size limit, as UTF-8 text.
 */
export async function loadConfig(file: string, displayName: string, required: boolean, root = path.dirname(file), knownChecks?: ReadonlySet<string>): Promise<Partial<Config> | undefined> {
  const read = await readRepositoryFile(file, root);
  if (read.ok) return parseConfig(read.text, displayName, knownChecks);
  if (read.missing && !required) return undefined;
  throw new ConfigError(displayName, read.line, read.column, `cannot read config: ${read.message}`);
}

/**
 * `knownChecks`: the ids of every check, so that a mistyped id under `checks:` is an error with the
 * nearest id instead of a setting that silently does nothing.
 */
export function parseConfig(source: string, displayName: string, knownChecks?: ReadonlySet<string>): Partial<Config> {
  const parsed = parseText(source, 'yaml');
  if (parsed.problems.length > 0) {
    const problem = parsed.problems[0];
    throw new ConfigError(displayName, problem.line, problem.column, problem.message);
  }
  const doc = parsed.documents[0];
  if (!doc) return {};
  const problems = validateConfig(doc.value) ? [] : schemaProblems(validateConfig.errors ?? [], doc);
  if (knownChecks) problems.push(...unknownChecks(doc, knownChecks));
  if (problems.length) throw ConfigError.of(displayName, problems);
  const value = doc.value as Record<string, unknown>;
  const out: Partial<Config> = {};
  if (value['min-availability'] !== undefined) {
    const pos = doc.positionOf(['min-availability']);
    out.minAvailability = parseMinAvailability(value['min-availability'], () => new ConfigError(displayName, pos.line, pos.column, 'invalid config: min-availability must be a percent (99.9) or ratio (0.999)'));
  }
  if (value['min-latency-objective'] !== undefined) {
    const pos = doc.positionOf(['min-latency-objective']);
    out.minLatencyObjective = parseMinAvailability(value['min-latency-objective'], () => new ConfigError(displayName, pos.line, pos.column, 'invalid config: min-latency-objective must be a percent (99) or ratio (0.99)'));
  }
  if (Array.isArray(value.include)) out.include = value.include as string[];
  if (Array.isArray(value.exclude)) out.exclude = value.exclude as string[];
  if (value.checks) out.checks = value.checks as Record<string, CheckSetting>;
  const alerts = (value.alerts ?? {}) as Record<string, unknown>;
  if (alerts['required-labels'] !== undefined) out.requiredLabels = normaliseRequiredLabels(alerts['required-labels']);
  if (Array.isArray(alerts['required-annotations'])) out.requiredAnnotations = alerts['required-annotations'] as string[];
  else if (alerts['required-annotations'] === 'recommended') out.requiredAnnotations = [...RECOMMENDED_ANNOTATIONS];
  for (const [key, field] of [
    ['slo-period', 'defaultPeriodSeconds'],
    ['evaluation-interval', 'evaluationIntervalSeconds'],
    ['scrape-interval', 'scrapeIntervalSeconds'],
  ] as const) {
    if (value[key] === undefined) continue;
    const seconds = parseDuration(value[key]);
    const pos = doc.positionOf([key]);
    if (seconds === undefined || seconds <= 0) throw new ConfigError(displayName, pos.line, pos.column, `invalid config: ${key} must be a duration such as 30d or 1m`);
    out[field] = seconds;
  }
  if (typeof value['max-file-size-mb'] === 'number') out.maxFileBytes = (value['max-file-size-mb'] as number) * 1024 * 1024;
  if (value['slo-links']) out.sloLinks = value['slo-links'] as Record<string, string>;
  if (typeof value['rule-dialect'] === 'string') out.ruleDialect = value['rule-dialect'] as Config['ruleDialect'];
  if (Array.isArray(value.ignore)) {
    out.ignore = (value.ignore as Record<string, unknown>[]).map((entry, index) => {
      const position = doc.positionOf(['ignore', index]);
      const checks = typeof entry.checks === 'string' ? [entry.checks] : ((entry.checks as string[] | undefined) ?? []);
      return {
        path: String(entry.path ?? '**'),
        checks,
        ...(entry.subject !== undefined ? { subject: String(entry.subject) } : {}),
        reason: typeof entry.reason === 'string' ? entry.reason.trim() : '',
        position: { file: displayName, line: position.line, column: position.column },
      };
    });
  }
  return out;
}

type ParsedConfigDocument = Pick<ParsedDocument, 'positionOf' | 'keyPositionOf' | 'value'>;

/**
 * Every schema error, one per place (ajv reports each branch of a `oneOf`; the first says enough),
 * an unknown key with the nearest key the schema has there.
 */
function schemaProblems(errors: ErrorObject[], doc: ParsedConfigDocument): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const error of errors) {
    const at = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const unknown = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
    const place = unknown === undefined ? at : [...at, unknown];
    const key = place.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const position = unknown === undefined ? doc.positionOf(place) : doc.keyPositionOf(place);
    const where = at.length ? `${at.join('.')} ` : '';
    if (unknown !== undefined) {
      const near = closestName(unknown, keysAt(at));
      problems.push({ ...position, message: `invalid config: ${where}has an unknown key "${unknown}"${near ? ` — did you mean "${near}"?` : ''}` });
    } else problems.push({ ...position, message: `invalid config: ${where}${error.message}` });
  }
  return problems;
}

/** The keys the config schema allows at a place. */
function keysAt(at: (string | number)[]): string[] {
  let schema = configSchema as { properties?: Record<string, unknown>; items?: unknown };
  for (const step of at) {
    const next = typeof step === 'number' ? schema.items : schema.properties?.[step];
    if (!next || typeof next !== 'object') return [];
    schema = next as typeof schema;
  }
  return Object.keys(schema.properties ?? {});
}

function unknownChecks(doc: ParsedConfigDocument, knownChecks: ReadonlySet<string>): ConfigProblem[] {
  const checks = (doc.value as { checks?: unknown })?.checks;
  if (!checks || typeof checks !== 'object') return [];
  return Object.keys(checks)
    .filter((id) => !knownChecks.has(id))
    .map((id) => {
      const near = closestName(id, knownChecks);
      return { ...doc.keyPositionOf(['checks', id]), message: `invalid config: checks has an unknown check "${id}"${near ? ` — did you mean "${near}"?` : ''}` };
    });
}

/** "99.9", "99.9%" and 0.999 all mean the same minimum. */
export function parseMinAvailability(value: unknown, fail: () => Error): number {
  const asNumber = typeof value === 'string' && !value.trim().endsWith('%') ? Number(value) : value;
  const ratio = typeof asNumber === 'number' ? parseTarget(asNumber, asNumber > 1 ? 'percent' : 'ratio') : parseTarget(value, 'percent');
  if (ratio === undefined || !(ratio > 0 && ratio < 1)) throw fail();
  return ratio;
}

function normaliseRequiredLabels(value: unknown): Record<string, string[]> {
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), []]));
  const out: Record<string, string[]> = {};
  for (const [name, allowed] of Object.entries(value as Record<string, unknown>)) out[name] = Array.isArray(allowed) ? allowed.map(String) : [];
  return out;
}

export function mergeConfig(...layers: (Partial<Config> | undefined)[]): Config {
  const merged: Config = { ...DEFAULT_CONFIG, checks: {}, sloLinks: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'checks' || key === 'sloLinks') Object.assign(merged[key], value);
      else (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
