// Prometheus rule files (groups[].rules[]) and Kubernetes PrometheusRule resources (spec.groups).

import { isPrometheusRule, isRuleFile } from '../recognise/shapes.js';
import type { ParsedDocument, PathSegment } from '../parse/document.js';
import type { Rule, RuleGroup, StringField } from '../model/types.js';
import { parseDuration } from '../model/units.js';
import type { FormatAdapter, NormaliseContext } from './adapter.js';
import { isRecord, list, record, text } from './values.js';
import { queryAt } from './query-field.js';
import { marksLokiRules } from './configmap.js';
import { analyseLogql, looksLikeLogql } from '../lang/logql/analyse.js';
import { placeOffset } from '../model/placement.js';

export const ruleFile: FormatAdapter = {
  kind: 'rule-file',
  recognise: isRuleFile,
  normalise: (doc, context) => normaliseGroups(doc, ['groups'], context),
};

export const prometheusRule: FormatAdapter = {
  kind: 'prometheus-rule',
  recognise: isPrometheusRule,
  normalise: (doc, context) => normaliseGroups(doc, ['spec', 'groups'], context),
};

/** The Loki Operator's rule resources (loki.grafana.com AlertingRule and RecordingRule): LogQL rules under spec.groups. */
export const lokiOperatorRule: FormatAdapter = {
  kind: 'loki-rule',
  recognise: (value) =>
    isRecord(value) && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('loki.grafana.com/') && (value.kind === 'AlertingRule' || value.kind === 'RecordingRule') && isRecord(value.spec),
  normalise: (doc, context) => normaliseGroups(doc, ['spec', 'groups'], context, true),
};

/**
 * Whether a rule document is for Loki's ruler, whose expressions are LogQL: its carrier or its own
 * metadata marks it so (a `loki_rule` label), or it sits in a Loki layout (a path segment naming
 * Loki: `loki/rules/<tenant>/…`) and its expressions are written in LogQL's own syntax.
 */
function isLokiRuleDocument(doc: ParsedDocument, groupsPath: PathSegment[], context: NormaliseContext): boolean {
  if (context.embedding?.lokiRules || marksLokiRules(record(doc.value).metadata)) return true;
  if (!context.file.split('/').some((segment) => /loki/i.test(segment))) return false;
  let groups: unknown = doc.value;
  for (const segment of groupsPath) groups = record(groups)[segment as string];
  return list(groups).some((group) => list(record(group).rules).some((rule) => looksLikeLogql(text(record(rule).expr) ?? '')));
}

function normaliseGroups(doc: ParsedDocument, groupsPath: PathSegment[], context: NormaliseContext, lokiResource = false): void {
  const loki = lokiResource || isLokiRuleDocument(doc, groupsPath, context);
  let groups: unknown = doc.value;
  for (const segment of groupsPath) groups = record(groups)[segment as string];
  list(groups).forEach((groupValue, g) => {
    if (!isRecord(groupValue)) return;
    const groupPath = [...groupsPath, g];
    const name = text(groupValue.name) ?? '';
    const intervalSeconds = parseDuration(groupValue.interval);
    const group: RuleGroup = { file: context.file, name, position: doc.positionOf(groupPath), intervalSeconds, rules: [] };
    list(groupValue.rules).forEach((ruleValue, r) => {
      if (!isRecord(ruleValue)) return;
      const rulePath = [...groupPath, 'rules', r];
      const isAlert = 'alert' in ruleValue;
      const nameKey = isAlert ? 'alert' : 'record';
      const expr = text(ruleValue.expr);
      if (expr === undefined) return; // rule/schema reports the missing expression
      if (loki) {
        const exprPath = [...rulePath, 'expr'];
        const placement = doc.placementOf(exprPath);
        context.addLogqlRule({
          kind: isAlert ? 'alert' : 'record',
          name: text(ruleValue[nameKey]) ?? '',
          file: context.file,
          group: name,
          position: doc.positionOf(rulePath),
          expr: { text: expr, position: placeOffset(placement, 0), placement, analysis: analyseLogql(expr) },
        });
        return;
      }
      const field = (key: string): StringField | undefined => {
        const value = text(ruleValue[key]);
        return value === undefined ? undefined : { value, position: doc.positionOf([...rulePath, key]) };
      };
      const fields = (key: string): Record<string, StringField> => {
        const out: Record<string, StringField> = {};
        for (const [k, v] of Object.entries(record(ruleValue[key]))) {
          const value = text(v);
          if (value !== undefined) out[k] = { value, position: doc.positionOf([...rulePath, key, k]) };
        }
        return out;
      };
      const rule: Rule = {
        kind: isAlert ? 'alert' : 'record',
        name: text(ruleValue[nameKey]) ?? '',
        file: context.file,
        group: name,
        groupIntervalSeconds: intervalSeconds,
        index: r,
        position: doc.positionOf(rulePath),
        namePosition: doc.positionOf([...rulePath, nameKey]),
        expr: queryAt(doc, [...rulePath, 'expr'], expr),
        for: field('for'),
        keepFiringFor: field('keep_firing_for'),
        labels: fields('labels'),
        annotations: fields('annotations'),
      };
      group.rules.push(rule);
    });
    if (!loki) context.addRuleGroup(group);
  });
}
