// Turn ajv errors into findings that point at the YAML line of the offending node.

import type { ErrorObject } from 'ajv';
import type { ParsedDocument, PathSegment } from '../parse/document.js';
import type { CheckFinding } from './check.js';

export function schemaFindings(errors: ErrorObject[] | null | undefined, doc: ParsedDocument, file: string, label: string): CheckFinding[] {
  const seen = new Set<string>();
  const findings: CheckFinding[] = [];
  for (const error of errors ?? []) {
    // `if/then` and `oneOf` wrap the real error: the inner one is also in the list.
    if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    const path = instancePath(error.instancePath);
    const where = path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : label;
    let message = `${where}: ${error.message ?? 'is invalid'}`;
    let position = doc.positionOf(path);
    if (error.keyword === 'additionalProperties') {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      message = `${where}: unknown field "${property}"`;
      position = doc.keyPositionOf([...path, property]);
    } else if (error.keyword === 'enum') {
      message += `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'const') {
      message += ` ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
    }
    const key = `${position.line}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ file, ...position, subject: where, message });
  }
  return findings;
}

function instancePath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
