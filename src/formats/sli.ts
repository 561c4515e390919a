// What the SLI queries of generator formats (Sloth, OpenSLO, Pyrra) read, for linking alerts and
// panels to the SLO.

import { analyseQuery } from '../lang/promql/analyse.js';

// Sloth and OpenSLO-for-Sloth queries hold Go template placeholders for the rate window.
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;

/** A query with its `{{.window}}` placeholders replaced by a real range, so it parses as PromQL. */
export function withWindow(query: string, window = '5m'): string {
  return query.replace(WINDOW_PLACEHOLDER, window);
}

/** Metric names the queries select, in first-seen order, without duplicates. */
export function queryMetrics(queries: (string | undefined)[]): string[] {
  const metrics = new Set<string>();
  for (const query of queries) {
    if (!query) continue;
    for (const selector of analyseQuery(withWindow(query)).facts.selectors) if (selector.metric) metrics.add(selector.metric);
  }
  return [...metrics];
}

/** The directory of a root-relative file, '' for the root. */
export function dirOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}
