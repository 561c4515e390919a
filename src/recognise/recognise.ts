import { FORMAT_ADAPTERS } from '../formats/index.js';
import type { FormatAdapter } from '../formats/adapter.js';

/** The adapter for a document's shape, or undefined for YAML that is none of ours (CI workflows, manifests). */
export function recogniseDocument(value: unknown): FormatAdapter | undefined {
  return FORMAT_ADAPTERS.find((adapter) => adapter.recognise(value));
}
