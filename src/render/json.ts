import type { Report } from '../report/report.js';

export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * renderJson's text in pieces of about `size` characters. A large repository's report is tens of
 * megabytes of JSON; written piece by piece it never has to be one string in memory.
 */
export function* renderJsonChunks(report: Report, size = 1 << 20): Generator<string> {
  let buffer = '';
  for (const piece of jsonPieces(report)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

/** `JSON.stringify(report, null, 2)` plus a newline, one top-level entry or array item at a time. */
function* jsonPieces(report: Report): Generator<string> {
  // Nested text is indented by prefixing its lines: JSON strings never hold a raw line break.
  const nested = (value: unknown, indent: string) => (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
  // JSON.stringify leaves out what JSON cannot hold.
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [i, [key, value]] of entries.entries()) {
    yield `${i ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [j, item] of value.entries()) yield `${j ? ',' : ''}\n    ${nested(item, '    ')}`;
      yield '\n  ]';
    } else yield nested(value, '  ');
  }
  yield '\n}\n';
}
