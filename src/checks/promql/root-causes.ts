// One finding per root cause. After a syntax error Prometheus' parser (and the grammar slo-gate
// reads queries with) recovers and reports what the recovery tripped over: a missing `)` gives
// "unexpected <by>" where it was missed and "unclosed left parenthesis" at the end of the query.
// Those follow-on errors say nothing the first one does not; independent errors (two bad regexes,
// two type errors) are all kept.

import type { QueryError } from '../../lang/promql/analyse.js';

const SYNTAX = /^(unexpected|unclosed) /;
const FOLLOW_ON = /^(unclosed left (parenthesis|bracket|brace)|unexpected end of input)/;

export function rootCauseErrors(errors: readonly QueryError[]): QueryError[] {
  const kept: QueryError[] = [];
  let syntax: QueryError | undefined;
  for (const error of errors) {
    if (syntax && (FOLLOW_ON.test(error.message) || (SYNTAX.test(error.message) && error.from <= syntax.to + 1))) continue;
    kept.push(error);
    if (!syntax && SYNTAX.test(error.message)) syntax = error;
  }
  return kept;
}
