import * as crypto from 'node:crypto';
import type { Finding } from '../model/findings.js';

/**
 * A finding's identity across commits. Whatever changes when unrelated lines move is left out:
 * line and column numbers, "file:line" and "line N" references inside messages, a rule's
 * position in its group ("rule 3", "rules[2]": reordering rules is not a change), and runs of
 * whitespace (a query re-indented in a block scalar is the same query). Subjects the same: schema
 * findings name their place as `groups[0].rules[2].expr`. A finding about an SLO adds the SLO's
 * service, so two services' SLOs of one name never collide.
 */
export function fingerprint(finding: Finding): string {
  const parts = [finding.check, finding.file, withoutPositions(finding.subject ?? ''), withoutPositions(asIfUnique(finding))];
  // Two services' SLOs of one name never share a fingerprint; an SLO without a service is known by its name.
  if (finding.slo?.service !== undefined) parts.push(finding.slo.service);
  return sha256Hex(parts.join('\u0000')).slice(0, 16);
}

/**
 * The message as it reads when no other SLO shares the name of the finding's SLO: messages write
 * "service/name" only then (see model/slo-identity.ts), and another service adding an SLO of the
 * same name is no change to this finding. The service is in the fingerprint on its own.
 */
function asIfUnique({ message, slo }: Finding): string {
  if (slo?.service === undefined) return message;
  const qualified = `"${slo.service}/${slo.name}"`;
  return message.includes(qualified) ? message.replaceAll(qualified, `"${slo.name}"`) : message;
}

// crypto.hash (Node 20.12 and later) digests a string in one call, about three times faster than a
// Hash object; every finding of a run is fingerprinted, and earlier Node 20 releases lack it.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

const FILE_POSITION = /:\d+(:\d+)?\b/g;
const LINE_NUMBER = /\bline \d+\b/g;
const RULE_NUMBER = /\brule \d+\b/g;
const INDEX = /\[\d+\]/g;
const WHITESPACE_RUN = /\s+/g;
// What WHITESPACE_RUN would change: whitespace other than a space, or two whitespace characters in a row.
const UNEVEN_WHITESPACE = /[^\S ]|\s\s/;

/**
 * The replacements run in this order, each on the previous one's result. Each is skipped when the
 * text lacks what it needs to match, found by a cheap scan: most messages need few of them.
 */
function withoutPositions(text: string): string {
  if (text.includes(':')) text = text.replace(FILE_POSITION, '');
  if (text.includes('line ')) text = text.replace(LINE_NUMBER, 'line');
  if (text.includes('rule ')) text = text.replace(RULE_NUMBER, 'rule');
  if (text.includes('[')) text = text.replace(INDEX, '[]');
  if (UNEVEN_WHITESPACE.test(text)) text = text.replace(WHITESPACE_RUN, ' ');
  return text;
}
