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
  // Array items are stringified in batches of about 64 KiB: batches the size of a whole chunk raised
  // a large report's peak memory by 50 MiB for no gain in speed.
  for (const piece of jsonPieces(report, Math.min(size, 1 << 16))) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

/** `JSON.stringify(report, null, 2)` plus a newline, one top-level entry or about `size` characters of array items at a time. */
function* jsonPieces(report: Report, size: number): Generator<string> {
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
      // Items are stringified several at a time, as many as make about `size` characters judging by
      // those so far: one call per item cost three times as long as the text it made.
      let written = 0;
      let writtenLength = 0;
      while (written < value.length) {
        const count = written === 0 ? 1 : Math.max(1, Math.round((size * written) / writtenLength));
        // Wrapped one array deeper, the items come out indented as they sit in the report, with no
        // need to indent their text again: `[\n  [` + `\n    item,\n    item` + `\n  ]\n]`.
        const wrapped = JSON.stringify([value.slice(written, written + count)], null, 2);
        const items = wrapped.slice('[\n  ['.length, -'\n  ]\n]'.length);
        yield written ? `,${items}` : items;
        written += count;
        writtenLength += items.length;
      }
      yield '\n  ]';
    } else {
      // `[\n  value\n]`: the value indented as a top-level entry.
      yield JSON.stringify([value], null, 2).slice('[\n  '.length, -'\n]'.length);
    }
  }
  yield '\n}\n';
}
