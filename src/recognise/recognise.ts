// Which adapter claims a document, and — for what no adapter claims — why not, in one word the
// report's `skipped` list can count. The evidence for each shape is in shapes.ts.

import { FORMAT_ADAPTERS } from '../formats/index.js';
import type { FormatAdapter } from '../formats/adapter.js';
import { isRecord } from '../formats/values.js';
import { unsupportedFormat } from './shapes.js';

/**
 * Why a YAML/JSON file was not checked:
 * - `not-monitoring`: none of its documents is monitoring (a workflow, a Deployment, renovate.json);
 * - `template`: a template slo-gate could not read even template-tolerantly;
 * - `unsupported-format`: monitoring in a format this version does not read, or not parseable;
 * - `too-large`: over the size or node-count bound;
 * - `excluded`: left out by `include`/`exclude` (or a symlink out of the root).
 */
export type SkipReason = 'not-monitoring' | 'template' | 'unsupported-format' | 'too-large' | 'excluded';

export const SKIP_REASONS: readonly SkipReason[] = ['not-monitoring', 'template', 'unsupported-format', 'too-large', 'excluded'];

export interface Skipped {
  path: string;
  reason: SkipReason;
  /** A few words on what the file is or why it was left (`Kubernetes Deployment`, `matches exclude`). */
  detail?: string;
  /**
   * Set when the file is partly ours: the 1-based numbers of its documents that were not checked
   * (the others were). Absent when the whole file was skipped.
   */
  documents?: number[];
}

/** The adapter for a document's shape, or undefined for YAML that is none of ours (CI workflows, manifests). */
export function recogniseDocument(value: unknown): FormatAdapter | undefined {
  return FORMAT_ADAPTERS.find((adapter) => adapter.recognise(value));
}

/** Why no adapter claimed a document. */
export function whyNotOurs(value: unknown): { reason: 'not-monitoring' | 'unsupported-format'; detail: string } {
  const format = unsupportedFormat(value);
  if (format) return { reason: 'unsupported-format', detail: format };
  return { reason: 'not-monitoring', detail: describe(value) };
}

function describe(value: unknown): string {
  if (!isRecord(value)) return Array.isArray(value) ? 'a list, not a monitoring document' : 'a scalar, not a monitoring document';
  if (typeof value.kind === 'string' && 'apiVersion' in value) return `Kubernetes ${value.kind}`;
  if ('jobs' in value && 'on' in value) return 'CI workflow';
  if (typeof value.apiVersion === 'string' && typeof value.name === 'string' && 'version' in value) return 'Helm Chart.yaml';
  if ('services' in value && !('groups' in value)) return 'Compose file';
  if ('groups' in value) return 'has `groups`, but they are not Prometheus rule groups';
  return 'not an SLO policy, rule file or dashboard';
}

/**
 * One file's entry in `skipped` from what its documents were: undefined when any document was
 * claimed. A file with several kinds of unclaimed documents takes the most telling reason.
 */
export function skippedFile(path: string, documents: readonly { reason: SkipReason; detail: string }[]): Skipped {
  const unsupported = documents.find((doc) => doc.reason === 'unsupported-format');
  if (unsupported) return { path, reason: 'unsupported-format', detail: unsupported.detail };
  const details = [...new Set(documents.map((doc) => doc.detail))];
  return { path, reason: 'not-monitoring', detail: details.length ? details.slice(0, 3).join('; ') + (details.length > 3 ? '; …' : '') : 'empty' };
}
