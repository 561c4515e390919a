import { parser } from '@prometheus-io/lezer-promql';
import { emptyFacts, type QueryAnalysis, type QueryError } from './analyse.js';

export function analyseQuery(text: string): QueryAnalysis {
  const errors: QueryError[] = [];
  const tree = parser.parse(text);
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push({ from: node.from, to: node.to, message: 'parse error: unexpected input' });
      }
    },
  });
  return { errors, facts: emptyFacts() };
}
