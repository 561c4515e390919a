// Does each selector select anything? One instant query per distinct selector when it does
// (`count(last_over_time(sel[1h]))`); when it does not, one more that tells why, in parts tagged
// with a label so the backend answers all of them at once: does the metric name have series now,
// did the selector have series in the last 7 days (it stopped reporting), which matcher alone
// selects none, does the metric have the matcher's label at all, and a few values it does have.
// Counts only: no label set or sample is downloaded beyond those few values.

import { PrometheusError, type PrometheusClient, type Sample } from './client.js';
import { formatDurationInOneUnit as promDuration } from '../model/units.js';
import { selectorText, type SelectorUse } from './selectors.js';
import type { LabelMatcherFact } from '../lang/promql/analyse.js';

/** A selector with no sample this recent is not reporting. */
export const PRESENCE_LOOKBACK_SECONDS = 3600;
/** How far back a selector that is not reporting is looked for, to tell "stopped" from "never". */
export const HISTORY_LOOKBACK_SECONDS = 7 * 86_400;
/** Label values shown for a matcher that selects none. */
const SHOWN_VALUES = 3;
const PART = 'slo_gate_part';

export interface DroppingMatcher {
  index: number;
  matcher: LabelMatcherFact;
  /** No series of the metric has the label at all. */
  labelMissing: boolean;
  /** Values the metric does have for the label (a few). */
  values: string[];
}

export type SeriesVerdict =
  | { status: 'present'; series: number }
  | { status: 'no-metric' }
  | { status: 'stale' }
  | { status: 'dropped'; dropping: DroppingMatcher[]; nameSeries: number }
  | { status: 'failed'; reason: string };

/** The verdict for one selector at `time`. PrometheusError of kind 'unreachable' or 'budget' propagates. */
export async function measureSelector(client: PrometheusClient, use: Pick<SelectorUse, 'fact' | 'matchers' | 'selector'>, time: number): Promise<SeriesVerdict> {
  const recent = promDuration(PRESENCE_LOOKBACK_SECONDS);
  const history = promDuration(HISTORY_LOOKBACK_SECONDS);
  const count = (selector: string, window: string) => `count(last_over_time(${selector}[${window}]))`;
  let samples: Sample[];
  try {
    samples = await client.query(count(use.selector, recent), time);
  } catch (error) {
    return failure(error);
  }
  const present = samples[0]?.value ?? 0;
  if (present > 0) return { status: 'present', series: present };

  const metric = use.fact.metric;
  const parts: string[] = [tag(count(use.selector, history), 'history')];
  if (metric !== undefined) {
    parts.push(tag(count(metric, recent), 'name'), tag(count(metric, history), 'name-history'));
    use.matchers.forEach((m, i) => {
      parts.push(tag(count(selectorText(metric, [m]), recent), `matcher-${i}`));
      if (selectsValues(m)) {
        parts.push(tag(count(selectorText(metric, [{ label: m.label, op: '!=', value: '' }]), recent), `label-${i}`));
        parts.push(tag(`topk(${SHOWN_VALUES}, count by (${m.label}) (last_over_time(${metric}[${recent}])))`, `values-${i}`));
      }
    });
  }
  try {
    samples = await client.query(parts.join(' or '), time);
  } catch (error) {
    return failure(error);
  }
  const part = (name: string) => samples.filter((s) => s.labels[PART] === name);
  const value = (name: string) => part(name)[0]?.value ?? 0;
  if (metric === undefined) return value('history') > 0 ? { status: 'stale' } : { status: 'no-metric' };
  const nameSeries = value('name');
  if (value('history') > 0) return { status: 'stale' };
  if (nameSeries === 0) return value('name-history') > 0 ? { status: 'stale' } : { status: 'no-metric' };
  const dropping: DroppingMatcher[] = [];
  use.matchers.forEach((matcher, index) => {
    if (value(`matcher-${index}`) > 0) return;
    const labelMissing = selectsValues(matcher) && value(`label-${index}`) === 0;
    const values = part(`values-${index}`)
      .map((s) => s.labels[matcher.label])
      .filter((v): v is string => v !== undefined && v !== '')
      .sort();
    dropping.push({ index, matcher, labelMissing, values });
  });
  return { status: 'dropped', dropping, nameSeries };
}

/** A matcher that needs the label to have a value (`job="api"`, `code=~"5.."`). */
function selectsValues(m: LabelMatcherFact): boolean {
  return (m.op === '=' || m.op === '=~') && m.value !== '' && !safeRegexMatchesEmpty(m);
}

function safeRegexMatchesEmpty(m: LabelMatcherFact): boolean {
  if (m.op !== '=~') return false;
  try {
    // Prometheus anchors label regexes; RE2 and JS agree on the simple ones that can match "".
    return new RegExp(`^(?:${m.value})$`).test('');
  } catch {
    return true; // unreadable here: do not claim anything about the label
  }
}

function tag(expr: string, part: string): string {
  return `label_replace(${expr}, "${PART}", "${part}", "", "")`;
}

function failure(error: unknown): SeriesVerdict {
  if (error instanceof PrometheusError && error.kind === 'query') return { status: 'failed', reason: error.message };
  throw error;
}
