// Walks the rules of a raw rule document (rule file or PrometheusRule) with their paths, for the
// checks that need positions inside labels and annotations, which the model does not keep.

import type { DocumentKind } from '../../model/types.js';
import type { PathSegment } from '../../parse/document.js';
import { isRecord, list, record, type Json } from '../../formats/values.js';

export interface RawRule {
  group: string;
  /** 1-based, as promtool counts. */
  number: number;
  name: string;
  kind: 'alert' | 'record';
  path: PathSegment[];
  value: Json;
}

export function rawRules(kind: DocumentKind, value: unknown): RawRule[] {
  const groupsPath: PathSegment[] = kind === 'prometheus-rule' ? ['spec', 'groups'] : ['groups'];
  const groups = kind === 'prometheus-rule' ? record(record(value).spec).groups : record(value).groups;
  const out: RawRule[] = [];
  list(groups).forEach((group, g) => {
    if (!isRecord(group)) return;
    const groupName = typeof group.name === 'string' ? group.name : '';
    list(group.rules).forEach((rule, r) => {
      if (!isRecord(rule)) return;
      const kind = 'alert' in rule ? 'alert' : 'record';
      const name = rule[kind];
      out.push({ group: groupName, number: r + 1, name: typeof name === 'string' ? name : '', kind, path: [...groupsPath, g, 'rules', r], value: rule });
    });
  });
  return out;
}

/** How findings name a rule: `alert "X"`, or by its place when it has no name. */
export function ruleLabel(rule: { kind: 'alert' | 'record'; group: string; number: number; name: string }): string {
  return rule.name ? `${rule.kind} "${rule.name}"` : `group "${rule.group}", rule ${rule.number}`;
}
