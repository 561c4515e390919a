// Names as evidence: the words of an alert's name, group, labels and metrics against the words of
// an SLO's name, service and indicator. Only a tie-breaker and a last resort for SLOs whose format
// names no metrics; metrics read are stronger evidence (see link.ts).

import type { Slo } from '../model/types.js';
import { formatLatency } from '../model/units.js';

// Words every SLO alert or panel uses, which say nothing about which SLO it is for.
const STOPWORDS = new Set(
  'slo slos sli sla slis burn burnrate rate rates budget high low fast slow alert alerts alerting breach breached exceeded exceeds exceed too critical warning info page ticket window windows target targets total seconds bucket count sum duration time the and for of by per is in on at to rule rules recording job instance over above below remaining current'.split(
    ' ',
  ),
);

/** Lower-case words of a name: camelCase, snake_case, kebab-case and "P95Latency" split; "50ms" and "p95" kept whole. */
export function words(text: string | undefined): string[] {
  if (!text) return [];
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/(\d)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return (spaced.match(/[a-z]*\d+(?:\.\d+)?[a-z]*|[a-z]+/g) ?? []).filter((w) => /[a-z]/.test(w) && w.length > 1 && !STOPWORDS.has(w));
}

/** The words that identify an SLO. */
export function sloWords(slo: Slo): Set<string> {
  const out = new Set([...words(slo.name), ...words(slo.service), ...words(slo.indicator.declaredType)]);
  if (slo.indicator.percentile !== undefined) out.add(`p${slo.indicator.percentile}`);
  if (slo.indicator.thresholdSeconds !== undefined) out.add(formatLatency(slo.indicator.thresholdSeconds).toLowerCase());
  return out;
}

// hintScore matches a word of four letters or more to its extensions, shorter words only whole.
const MIN_PREFIX = 4;

/** How many of the SLO's words the hints contain; a word also matches its plural or short extension ("start"/"startup"). */
export function hintScore(hints: Set<string>, slo: Set<string>): number {
  let score = 0;
  for (const word of slo) {
    for (const hint of hints) {
      const [short, long] = word.length <= hint.length ? [word, hint] : [hint, word];
      if (short === long || (short.length >= MIN_PREFIX && long.startsWith(short) && long.length - short.length <= 3)) {
        score++;
        break;
      }
    }
  }
  return score;
}

/** What two words share whenever hintScore matches them (and often when it does not): the key to look candidates up by. */
export function hintKey(word: string): string {
  return word.length < MIN_PREFIX ? word : word.slice(0, MIN_PREFIX);
}
