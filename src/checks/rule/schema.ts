import type { DocumentCheck } from '../check.js';
import { configOptions } from '../options.js';
import type { ParsedDocument, PathSegment } from '../../parse/document.js';
import { parseDuration } from '../../model/units.js';
import { isRecord, list, record } from '../../formats/values.js';

// The fields Prometheus 3's rulefmt accepts; anything else fails to load ("field x not found").
const GROUP_FIELDS = new Set(['name', 'interval', 'query_offset', 'limit', 'rules', 'labels']);
// Thanos Ruler reads the same files plus one group field (pkg/rules/rulespb), upper-cased against these values.
const THANOS_STRATEGY = 'partial_response_strategy';
const THANOS_STRATEGIES = new Set(['WARN', 'ABORT']);
const RULE_FIELDS = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);

export const ruleSchema: DocumentCheck = {
  meta: {
    id: 'rule/schema',
    severity: 'error',
    kind: 'document',
    description: 'Rule-file structure as Prometheus loads it: unknown fields, record/alert, expr, repeated group names, for on recording rules.',
    docs: 'docs/checks/rule/schema.md',
    options: configOptions('rule-dialect'),
    documentKinds: ['rule-file', 'prometheus-rule'],
  },
  run({ file, kind, doc }, context) {
    const report = (path: PathSegment[], message: string, atKey = false) =>
      context.report({ file, ...(atKey ? doc.keyPositionOf(path) : doc.positionOf(path)), subject: path.join('.'), message });
    let groupsPath: PathSegment[] = ['groups'];
    if (kind === 'prometheus-rule') {
      groupsPath = ['spec', 'groups'];
      for (const key of Object.keys(record(record(doc.value).spec))) {
        if (key !== 'groups') report(['spec', key], `field ${key} not found in PrometheusRule spec`, true);
      }
    } else {
      for (const key of Object.keys(record(doc.value))) {
        if (key !== 'groups') report([key], `field ${key} not found in rule file (only "groups" is allowed)`, true);
      }
    }
    const groups = groupsPath.reduce<unknown>((value, key) => record(value)[key as string], doc.value);
    if (groups !== undefined && groups !== null && !Array.isArray(groups)) return report(groupsPath, 'groups must be a list');
    const groupNames = new Map<string, number>();
    const thanos = context.config.ruleDialect !== 'prometheus';
    list(groups).forEach((group, g) => checkGroup(doc, [...groupsPath, g], group, groupNames, report, thanos));
  },
};

function checkGroup(
  doc: ParsedDocument,
  at: PathSegment[],
  group: unknown,
  groupNames: Map<string, number>,
  report: (path: PathSegment[], message: string, atKey?: boolean) => void,
  thanos: boolean,
): void {
  if (!isRecord(group)) return report(at, 'a rule group must be a map with name and rules');
  for (const key of Object.keys(group)) {
    if (GROUP_FIELDS.has(key)) continue;
    if (key === THANOS_STRATEGY && thanos) {
      const value = group[key];
      if (value !== null && value !== '' && !(typeof value === 'string' && THANOS_STRATEGIES.has(value.toUpperCase()))) {
        report([...at, key], `Thanos Ruler: partial_response_strategy must be warn or abort, not ${JSON.stringify(value)}`);
      }
      continue;
    }
    const hint = key === THANOS_STRATEGY ? ' (a Thanos Ruler field; Prometheus refuses it, and rule-dialect is prometheus)' : '';
    report([...at, key], `field ${key} not found in rule group${hint}`, true);
  }
  const name = group.name;
  if (typeof name !== 'string' || name === '') report(at, 'rule group has no name');
  else if (groupNames.has(name)) report([...at, 'name'], `groupname: "${name}" is repeated in the same file`);
  else groupNames.set(name, g(at));
  if (group.interval !== undefined && !validDuration(group.interval)) report([...at, 'interval'], `invalid interval "${String(group.interval)}"`);
  if (group.query_offset !== undefined && !validDuration(group.query_offset)) report([...at, 'query_offset'], `invalid query_offset "${String(group.query_offset)}"`);
  if (group.limit !== undefined && !(Number.isInteger(group.limit) && (group.limit as number) >= 0)) report([...at, 'limit'], 'limit must be a non-negative integer');
  if (group.rules !== undefined && group.rules !== null && !Array.isArray(group.rules)) return report([...at, 'rules'], 'rules must be a list');
  list(group.rules).forEach((rule, r) => checkRule([...at, 'rules', r], rule, typeof name === 'string' ? name : '', r, report));
}

function checkRule(at: PathSegment[], rule: unknown, groupName: string, index: number, report: (path: PathSegment[], message: string, atKey?: boolean) => void): void {
  const where = (name: string) => `group "${groupName}", rule ${index + 1}${name ? `, "${name}"` : ''}`;
  if (!isRecord(rule)) return report(at, `${where('')}: a rule must be a map`);
  const name = typeof rule.alert === 'string' ? rule.alert : typeof rule.record === 'string' ? rule.record : '';
  for (const key of Object.keys(rule)) if (!RULE_FIELDS.has(key)) report([...at, key], `${where(name)}: field ${key} not found in rule`, true);
  const hasAlert = 'alert' in rule && rule.alert !== null && rule.alert !== '';
  const hasRecord = 'record' in rule && rule.record !== null && rule.record !== '';
  if (hasAlert && hasRecord) report([...at, 'record'], `${where(name)}: only one of 'record' and 'alert' must be set`, true);
  if (!hasAlert && !hasRecord) report(at, `${where(name)}: one of 'record' or 'alert' must be set`);
  for (const key of ['alert', 'record'] as const) {
    if (key in rule && rule[key] !== null && typeof rule[key] !== 'string') report([...at, key], `${where(name)}: ${key} must be a string`);
  }
  if (rule.expr === undefined || rule.expr === null || rule.expr === '') report(at, `${where(name)}: field 'expr' must be set in rule`);
  else if (typeof rule.expr !== 'string' && typeof rule.expr !== 'number') report([...at, 'expr'], `${where(name)}: expr must be a string`);
  if (hasRecord && !hasAlert) {
    for (const field of ['for', 'keep_firing_for', 'annotations']) {
      if (field in rule) report([...at, field], `${where(name)}: invalid field '${field}' in recording rule`, true);
    }
  }
  for (const field of ['labels', 'annotations']) {
    const value = rule[field];
    if (value === undefined || value === null) continue;
    if (!isRecord(value)) {
      report([...at, field], `${where(name)}: ${field} must be a map of names to strings`);
      continue;
    }
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry === 'object' && entry !== null) report([...at, field, key], `${where(name)}: ${field} "${key}" must be a string, not a ${Array.isArray(entry) ? 'list' : 'map'}`);
    }
  }
}

function validDuration(value: unknown): boolean {
  return typeof value === 'string' && parseDuration(value) !== undefined;
}

function g(at: PathSegment[]): number {
  return at[at.length - 1] as number;
}

