import type { ParsedDocument, PathSegment } from '../parse/document.js';
import type { QueryField } from '../model/types.js';
import { analyseQuery } from '../promql/analyse.js';

/** The PromQL string at `path`, parsed once, with positions mapped back into the file. */
export function queryAt(doc: ParsedDocument, path: readonly PathSegment[], query: string): QueryField {
  const positionAt = doc.stringMapper(path);
  return { text: query, position: positionAt(0), positionAt, analysis: analyseQuery(query) };
}
