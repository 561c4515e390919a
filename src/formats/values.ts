// Small readers for untyped parsed data. Adapters use them so a wrong type is skipped, never thrown.

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The model keeps what this returns: a string of its own, not a view into its file's text (see detached). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? detached(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

// The YAML parser's strings are slices of the file's text, and V8 keeps the whole text alive for
// as long as any slice of it lives: a model holding one rule name per file held every file. The
// concatenation is flattened into a new string when sliced, so the copy refers to nothing else.
function detached(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

export function number(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** String-valued entries of a map (labels, annotations); other values are left out. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record(value))) {
    const asText = text(entry);
    if (asText !== undefined) out[key] = asText;
  }
  return out;
}
