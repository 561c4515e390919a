import type { ParsedDocument, PathSegment } from '../parse/document.js';
import type { QueryField } from '../model/types.js';
import { placeOffset } from '../model/placement.js';
import { analyseQuery } from '../lang/promql/analyse.js';

/** The PromQL string at `path`, parsed once, with where its characters are in the file. */
export function queryAt(doc: ParsedDocument, path: readonly PathSegment[], query: string): QueryField {
  const placement = doc.placementOf(path);
  return { text: query, position: placeOffset(placement, 0), placement, analysis: analyseQuery(query) };
}
