// The baseline: the findings a repository had when it adopted slo-gate, written once and committed,
// so the gate fails only on findings that are not in it — on every trigger, not only on pull
// requests. Entries are fingerprints (check, file, subject, message without positions) with a
// count, so moving lines changes nothing, a second copy of a baselined defect is new, and an entry
// that matches fewer findings than it counts is reported as fixed and can be removed.

import type { Finding } from '../model/findings.js';

export const BASELINE_FORMAT = 1;
export const DEFAULT_BASELINE_FILE = '.slo-gate-baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  check: string;
  file: string;
  subject?: string;
  /** The first occurrence's message, for people reading the file. */
  message: string;
  count: number;
}

export interface BaselineFile {
  version: typeof BASELINE_FORMAT;
  tool: string;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** The baseline of a run's findings: suppressed ones need no entry, they are excused already. */
export function baselineOf(findings: readonly Finding[], tool: string): BaselineFile {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (finding.suppressed || !finding.fingerprint) continue;
    const entry = entries.get(finding.fingerprint);
    if (entry) entry.count++;
    else entries.set(finding.fingerprint, { fingerprint: finding.fingerprint, check: finding.check, file: finding.file, ...(finding.subject !== undefined ? { subject: finding.subject } : {}), message: finding.message, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.check < b.check ? -1 : a.check > b.check ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
  return { version: BASELINE_FORMAT, tool, findings: sorted };
}

export function renderBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads a baseline file's text; anything that is not one is an error naming the file. */
export function parseBaseline(text: string): BaselineFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not a slo-gate baseline: ${(error as Error).message.split('\n')[0]}`);
  }
  const candidate = value as Partial<BaselineFile>;
  if (!candidate || typeof candidate !== 'object' || candidate.version !== BASELINE_FORMAT || !Array.isArray(candidate.findings)) {
    throw new BaselineError(`not a slo-gate baseline of format ${BASELINE_FORMAT} (write one with \`slo-gate baseline\`)`);
  }
  for (const [index, entry] of candidate.findings.entries()) {
    if (typeof entry?.fingerprint !== 'string' || typeof entry.check !== 'string' || typeof entry.file !== 'string' || !Number.isInteger(entry.count) || entry.count < 1) {
      throw new BaselineError(`findings[${index}] needs fingerprint, check, file and a count of at least 1`);
    }
  }
  return candidate as BaselineFile;
}

export interface BaselineOutcome {
  file: string;
  /** Findings the baseline excused. */
  matched: number;
  /** Baseline entries (or part of their count) no finding matched any more: fixed since it was written. */
  fixed: BaselineEntry[];
}

/** Marks up to `count` findings per entry as `baselined`, in report order; the rest are not in the baseline. */
export function applyBaseline(findings: Finding[], baseline: BaselineFile, file: string): { findings: Finding[]; outcome: BaselineOutcome } {
  const left = new Map(baseline.findings.map((entry) => [entry.fingerprint, entry.count]));
  let matched = 0;
  const out = findings.map((finding) => {
    const remaining = finding.fingerprint && !finding.suppressed ? left.get(finding.fingerprint) : undefined;
    if (!remaining) return finding;
    left.set(finding.fingerprint!, remaining - 1);
    matched++;
    return { ...finding, baselined: true as const };
  });
  const fixed = baseline.findings.filter((entry) => left.get(entry.fingerprint)! > 0).map((entry) => ({ ...entry, count: left.get(entry.fingerprint)! }));
  return { findings: out, outcome: { file, matched, fixed } };
}
