// What live mode learned about each SLO, as it goes into the report. Ratios, seconds, unix times.

import type { RuleMeasurements } from './measure-rules.js';

export type LiveFailOn = 'exhausted' | 'burning' | 'never';

/** How to reach the backend and how long to try; both shells build it (src/live/settings.ts). */
export interface LiveSettings {
  /** Base URL of a Prometheus HTTP API. */
  url: string;
  headers?: Record<string, string>;
  /** Per-request timeout. */
  timeoutSeconds: number;
  /** The whole live run stops starting queries after this long. */
  budgetSeconds: number;
  failOn: LiveFailOn;
  /** SLOs measured at once (default 4). */
  concurrency?: number;
  /** Evaluation instant, unix seconds (default: now). Fixed for tests and reproducible reports. */
  time?: number;
  retries?: number;
  backoffMs?: number;
  /** Debug log for every request (the action: core.debug; the CLI: stderr with --debug). Never sees a header value. */
  log?: (message: string) => void;
  /** Largest answer read per query (default: the client's, 8 MiB). */
  maxResponseBytes?: number;
}

export type LiveStatus =
  | 'ok'
  | 'burning' // a burn-rate alert would be firing now
  | 'exhausted' // remaining budget ≤ 0
  | 'no-data' // the SLI returns no series
  | 'failed' // the backend returned an error for its query
  | 'not-measurable' // no queryable SLI (reason says why)
  | 'not-evaluated'; // backend unreachable or time budget used up

export interface LiveWindow {
  longSeconds: number;
  shortSeconds?: number;
  /** Burn-rate threshold; undefined when the SLO names only the window. */
  factor?: number;
  severity?: string;
  /** Page-level windows are the ones `live-fail-on: burning` gates on. */
  page: boolean;
  /** Where the window came from: the SLO, its policy, or the default table for its period. */
  source: 'slo' | 'policy' | 'default';
  /** Error ratio over the window ÷ error budget; undefined when the window saw no events. */
  burnRate?: number;
  shortBurnRate?: number;
  /** Both windows over the factor: the multiwindow alert would be firing now. */
  firing: boolean;
}

export interface LiveTrend {
  stepSeconds: number;
  /** Remaining budget (1 = untouched, ≤ 0 = spent) at each time, from the start of the period to now. */
  points: { time: number; remaining: number }[];
}

export interface LiveSloResult {
  /** Slo.key: joins the result to its SLO. */
  key: string;
  name: string;
  file: string;
  line: number;
  status: LiveStatus;
  /** Why not measurable / not evaluated / failed / no data. */
  reason?: string;
  target?: number;
  periodSeconds?: number;
  /** Error ratio over the whole period. */
  errorRatio?: number;
  /** 1 − errorRatio ÷ budget: 1 untouched, 0 spent, negative overspent. */
  budgetRemaining?: number;
  /** The same in minutes of full outage. */
  budgetRemainingMinutes?: number;
  windows: LiveWindow[];
  trend?: LiveTrend;
  /** The PromQL for the error ratio over the period, as sent. */
  query?: string;
  /** Set when the error query has no series over the period (counted as 0 errors): a misspelt metric looks the same. */
  emptyErrorQuery?: string;
  /** Approximations and assumptions made for this SLO. */
  notes: string[];
  /** What the live rule checks measured about this SLO's SLI and alerts. */
  rules?: LiveSloRules;
}

/** The live rule checks, for one SLO: its SLI's and alerts' selectors, and its alerts replayed. Unix seconds, ratios. */
export interface LiveSloRules {
  /** Distinct selectors of the SLI and of the linked alerts (and the recording rules they read) asked about. */
  selectorsChecked: number;
  selectorsFound: number;
  missing: { selector: string; file: string; line: number; column?: number; problem: 'no-metric' | 'stale' | 'dropped' }[];
  backtest?: {
    start: number;
    end: number;
    stepSeconds: number;
    episodes: { start: number; end: number; budgetSpent: number; peakBurnRate: number }[];
    alerts: { alert: string; file: string; line: number; page: boolean; firings: { start: number; end: number }[]; summary: string; error?: string }[];
    error?: string;
  };
  /** What could not be measured, and why. */
  unmeasured: string[];
}

/** The live part of the report. */
export interface LiveSummary {
  /** The backend, without credentials. */
  url: string;
  /** The instant every SLO was evaluated at (ISO 8601). */
  evaluatedAt: string;
  failOn: LiveFailOn;
  durationMs: number;
  requests: number;
  retries: number;
  /** Set when the backend could not be used at all. */
  unreachable?: string;
  slos: LiveSloResult[];
  /** What was measured about the repository's rules, for the live rule checks (not part of the report as such). */
  rules?: RuleMeasurements;
}
