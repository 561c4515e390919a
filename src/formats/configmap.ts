// Kubernetes ConfigMaps (and ConfigMapLists) that carry monitoring files as strings under `data`:
// Grafana dashboards (`*.json`, as Grafana's dashboard sidecar loads them) and Prometheus or Loki
// rule files (`alerts.yaml: "groups: ..."`, as the Prometheus Operator's rule ConfigMaps and
// Loki's ruler sidecar hold them). Each entry is parsed with positions inside the embedded text
// and handed back to the file stage as a document of its own, so it gets every check a file gets.

import { parseText, type Embedding, type ParsedDocument } from '../parse/document.js';
import { placeOffset } from '../model/placement.js';
import type { FormatAdapter, NormaliseContext } from './adapter.js';
import { isRecord, list, record, type Json } from './values.js';
import { looksLikeDashboardText } from '../recognise/shapes.js';

// Evidence that a YAML entry is a rule file: a top-level `groups:` key. Anything else in a
// ConfigMap (application settings, scripts) is none of ours and is not even parsed.
const RULE_FILE_TEXT = /^groups\s*:/m;
const YAML_KEY = /\.(ya?ml|rules)$/i;
// Loki's Helm chart loads ruler rules from ConfigMaps labelled `loki_rule` (its sidecar's default label).
const LOKI_RULE_MARK = /loki[_.-]?rules?\b|\bruler[_.-]?loki/i;

type Entry = { kind: 'dashboard' | 'rules'; key: string; text: string };

function entryOf(key: string, data: unknown): Entry | undefined {
  if (typeof data !== 'string') return undefined;
  if (key.endsWith('.json')) return looksLikeDashboardText(data) ? { kind: 'dashboard', key, text: data } : undefined;
  if ((YAML_KEY.test(key) || !key.includes('.')) && RULE_FILE_TEXT.test(data)) return { kind: 'rules', key, text: data };
  return undefined;
}

function configMaps(value: unknown): { map: Json; path: (string | number)[] }[] {
  if (!isRecord(value)) return [];
  if (value.kind === 'ConfigMap') return [{ map: value, path: [] }];
  if (value.kind === 'ConfigMapList' || value.kind === 'List') {
    return list(value.items).flatMap((item, i) => (isRecord(item) && item.kind === 'ConfigMap' ? [{ map: item, path: ['items', i] }] : []));
  }
  return [];
}

/** Whether the ConfigMap's labels or annotations mark its rules for Loki's ruler. */
export function marksLokiRules(metadata: unknown): boolean {
  const meta = record(metadata);
  return [record(meta.labels), record(meta.annotations)].some((marks) =>
    Object.entries(marks).some(([key, value]) => LOKI_RULE_MARK.test(key) || (typeof value === 'string' && /^loki$/i.test(value) && /ruler?|rules?$/i.test(key))),
  );
}

export const monitoringConfigMap: FormatAdapter = {
  kind: 'configmap',
  recognise: (value) => configMaps(value).some(({ map }) => Object.entries(record(map.data)).some(([key, data]) => entryOf(key, data) !== undefined)),
  normalise(doc, context) {
    for (const { map, path } of configMaps(doc.value)) {
      const lokiRules = marksLokiRules(map.metadata);
      for (const [key, data] of Object.entries(record(map.data))) {
        const entry = entryOf(key, data);
        if (!entry) continue;
        const inner = parseEntry(doc, [...path, 'data', key], entry, context);
        if (inner) context.embedded(inner, { entry: key, lokiRules });
      }
    }
  },
};

function parseEntry(doc: ParsedDocument, dataPath: (string | number)[], entry: Entry, context: NormaliseContext): ParsedDocument | undefined {
  const start = placeOffset(doc.placementOf(dataPath), 0);
  // A `|` block maps line by line; a quoted one-line string cannot, so everything in it points at its start.
  const embedding: Embedding = entry.text.includes('\n') && start.column !== undefined ? { firstLine: start.line, indent: start.column - 1 } : { firstLine: start.line, indent: 0, fixed: start };
  const parsed = parseText(entry.text, entry.kind === 'dashboard' ? 'json' : 'yaml', embedding);
  const what = entry.kind === 'dashboard' ? 'dashboard' : 'rule file';
  for (const problem of parsed.problems) context.unreadable(problem, `${what} ${entry.key}: ${problem.message}`);
  return parsed.documents[0];
}
