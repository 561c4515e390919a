// The one report object every renderer and publisher reads, built once per run from the
// classified findings and the metadata of the checks that ran. What a finding means for the gate
// and for its SLO comes from its check's flags, listed in `checks`, never from its id. Versioned;
// its JSON Schema is schemas/report.schema.json (a test validates real reports against it).

import type { CheckMeta } from '../checks/check.js';
import type { BaselineOutcome } from '../findings/baseline.js';
import { compareFindings, SEVERITY_ORDER, type Finding, type Severity } from '../model/findings.js';
import { budgetMinutes, errorBudget, windowFigures, type WindowFigures } from '../model/burn-rate.js';
import { sloIdentityKey, type SloRef } from '../model/slo-identity.js';
import type { DocumentKind, IndicatorType, Model, Slo, SloFormat } from '../model/types.js';
import type { LinkedModel, LinkMethod } from '../link/types.js';
import type { Skipped } from '../recognise/recognise.js';
import type { LiveSloResult, LiveSummary } from '../live/types.js';
import { docsUrl } from './docs-url.js';

export const REPORT_VERSION = 1;

export type FailOn = Severity | 'never';

export interface SloSummary {
  name: string;
  service?: string;
  file: string;
  line: number;
  format: SloFormat;
  indicator: { type: IndicatorType; thresholdSeconds?: number; percentile?: number };
  target?: number;
  periodSeconds?: number;
  /** 1 − target. */
  errorBudget?: number;
  /** Minutes of full outage the budget allows per period. */
  budgetMinutes?: number;
  windows: WindowFigures[];
  /** What live mode measured for this SLO (prometheus-url set). */
  live?: LiveSloResult;
  /** Alerting rules and dashboard panels that implement the SLO, and how each was linked. */
  links?: { alerts: LinkedItem[]; panels: LinkedItem[] };
  /** One line: whether what implements the SLO matches it. */
  verdict?: string;
}

export interface LinkedItem {
  /** Alert name, or panel title (with its dashboard's). */
  name: string;
  file: string;
  line: number;
  method: LinkMethod;
  reason: string;
}

export interface Report {
  version: typeof REPORT_VERSION;
  tool: { name: 'slo-gate'; version: string };
  generatedAt: string;
  result: 'pass' | 'fail';
  failOn: FailOn;
  counts: Record<Severity, number>;
  files: { path: string; kinds: DocumentKind[] }[];
  slos: SloSummary[];
  findings: Finding[];
  /** YAML/JSON files not checked (or, with `documents`, checked in part), with a one-word reason. */
  skipped: Skipped[];
  /** Dashboard queries of data sources slo-gate does not read (Elasticsearch, SQL, CloudWatch…), per dashboard and data source; absent when there are none. */
  notChecked?: NotChecked[];
  checks: ReportCheck[];
  /** Present when live mode ran: the backend, when, and how it went; per-SLO results are in `slos[].live`. */
  live?: Omit<LiveSummary, 'slos'>;
  /** Present when a pull request was compared with its base. */
  diff?: DiffReport;
  /** Present when the outcome cache was used: how many of the files' outcomes came from it. */
  cache?: CacheReport;
  /** Present when findings were suppressed or a baseline was used: how the repository adopted slo-gate. */
  adoption?: AdoptionReport;
}

export interface AdoptionReport {
  /** Findings excused by suppression comments or `ignore:` entries (they are in `findings`, marked). */
  suppressed: number;
  /** The baseline the gate compared with: findings it excused, and entries fixed since. */
  baseline?: BaselineOutcome;
}

export interface CacheReport {
  /** Files checked. */
  files: number;
  /** Of those, files whose outcome came from the cache (unchanged since a run that stored it). */
  fromCache: number;
}

/** A check that ran, with the flags that say what its findings mean (see CheckMeta). */
export interface ReportCheck {
  id: string;
  severity: Severity;
  description: string;
  /** Counted by the gate even when only new findings count. */
  gates?: 'always';
  /** Its findings feed the SLO's verdict. */
  aboutSlo?: true;
  /** A policy change, listed apart in a pull request's verdict. */
  policyChange?: true;
  /** Repository path of its docs page (`docs/checks/policy/target-min.md`). */
  docs?: string;
  /** Its docs page joined to the docs base URL: what every renderer links. */
  docsUrl?: string;
}

/** What a run hands to the report. */
export interface ReportInput {
  linked: LinkedModel;
  /** Every finding of the run, classified (status set) when the run compared with a base. */
  findings: Finding[];
  /** YAML/JSON files (or folders) not checked, or checked in part, with a one-word reason. */
  skipped: Skipped[];
  /** The checks that ran, of every kind; a check run in two stages may appear twice (listed once). */
  checks: readonly CheckMeta[];
  /** Set when the report counts files from the outcome cache: how many outcomes came from it. */
  cache?: { hits: number };
  /** The baseline applied to the findings, when there was one. */
  baseline?: BaselineOutcome;
}


export interface NotChecked {
  file: string;
  /** The dashboard's line. */
  line: number;
  dashboard: string;
  /** The data source's plugin type, as resolved ('elasticsearch'), or how it was named. */
  datasource: string;
  queries: number;
}

/** The comparison with the pull request's base: what this change adds, keeps and resolves. */
export interface DiffReport {
  /** The base as asked for (a sha or ref). */
  baseRef: string;
  /** The base commit compared with; undefined when it could not be read, and the head was checked alone. */
  baseSha?: string;
  /** Why there was no comparison. */
  unavailable?: string;
  /** The gate counted only new findings. */
  newFindingsOnly: boolean;
  /** Findings were listed only for changed (and linked) files. */
  changedFilesOnly: boolean;
  counts: { new: number; existing: number; resolved: number };
  /** New findings by severity: what the gate counts when `newFindingsOnly`. */
  newCounts: Record<Severity, number>;
  /** Base findings the head no longer has: credited to the change. */
  resolved: Finding[];
  /** The pull request carries the approval label: policy changes were downgraded to notices. */
  approval?: { label: string; by?: string };
  /** The label that approves policy changes (`allow-label`); absent when the approval path is off. */
  allowLabel?: string;
}

/** What the comparison hands to the report; the counts are taken from the findings' `status`. */
export type ComparisonSummary = Omit<DiffReport, 'counts' | 'newCounts'>;

/**
 * When the report was made: SOURCE_DATE_EPOCH (seconds) when set, as reproducible builds define
 * it, so the same input gives byte-identical report files; otherwise now.
 */
export function reportTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export interface BuildOptions {
  failOn: FailOn;
  toolVersion: string;
  now?: Date;
  diff?: ComparisonSummary;
  live?: LiveSummary;
  /** Where the checks' docs pages are published (see report/docs-url.ts); each check's `docs` path is joined to it. */
  docsBaseUrl?: string;
}

export function buildReport(input: ReportInput, options: BuildOptions): Report {
  const { model } = input.linked;
  const checks = reportChecks(input.checks, options.docsBaseUrl);
  const findings = [...input.findings].sort(compareFindings);
  const liveByKey = new Map((options.live?.slos ?? []).map((live) => [live.key, live]));
  // Suppressed findings are listed and counted apart: they are excused, not problems.
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) if (!finding.suppressed) counts[finding.severity]++;
  const alwaysGating = checksWith(checks, 'gates');
  const diff = options.diff && diffReport(options.diff, findings, alwaysGating);
  const onlyNew = diff?.baseSha !== undefined && diff.newFindingsOnly;
  const gateCounts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) if (countsForGate(finding, onlyNew, alwaysGating)) gateCounts[finding.severity]++;
  const problemsBySlo = sloProblems(findings.filter((finding) => !finding.suppressed), checksWith(checks, 'aboutSlo'));
  return {
    version: REPORT_VERSION,
    tool: { name: 'slo-gate', version: options.toolVersion },
    generatedAt: (options.now ?? reportTime()).toISOString(),
    result: gateFails(gateCounts, options.failOn) ? 'fail' : 'pass',
    failOn: options.failOn,
    counts,
    files: model.files.map(({ path, kinds }) => ({ path, kinds })),
    slos: model.slos.map((slo) => {
      const period = slo.periodSeconds;
      return {
        name: slo.name,
        service: slo.service,
        file: slo.file,
        line: slo.position.line,
        format: slo.format,
        indicator: { type: slo.indicator.type, thresholdSeconds: slo.indicator.thresholdSeconds, percentile: slo.indicator.percentile },
        target: slo.target,
        periodSeconds: period,
        errorBudget: slo.target !== undefined ? errorBudget(slo.target) : undefined,
        budgetMinutes: slo.target !== undefined && period !== undefined ? budgetMinutes(slo.target, period) : undefined,
        windows:
          period === undefined
            ? []
            : [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds).map((window) => windowFigures(window, slo.target, period)),
        ...(liveByKey.has(slo.key) ? { live: liveByKey.get(slo.key) } : {}),
        ...linkSummary(slo, input.linked, problemsBySlo.get(sloKey(slo)) ?? []),
      };
    }),
    findings,
    skipped: input.skipped,
    ...notCheckedOf(model),
    checks,
    ...(diff ? { diff } : {}),
    ...(options.live ? { live: liveHeader(options.live) } : {}),
    ...(input.cache ? { cache: { files: model.files.length, fromCache: input.cache.hits } } : {}),
    ...adoption(findings, input.baseline),
  };
}

function notCheckedOf(model: Model): { notChecked?: NotChecked[] } {
  const byKey = new Map<string, NotChecked>();
  for (const dashboard of model.dashboards) {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        if (!target.unchecked) continue;
        const datasource = target.source.type ?? target.source.via;
        const name = dashboard.title ?? dashboard.entry ?? dashboard.file;
        const key = `${dashboard.file}\u0000${dashboard.position.line}\u0000${datasource}`;
        const entry = byKey.get(key);
        if (entry) entry.queries++;
        else byKey.set(key, { file: dashboard.file, line: dashboard.position.line, dashboard: name, datasource, queries: 1 });
      }
    }
  }
  return byKey.size > 0 ? { notChecked: [...byKey.values()] } : {};
}

/** Each check once, in the order they ran, with the flags its findings are read by. */
function reportChecks(metas: readonly CheckMeta[], docsBaseUrl: string | undefined): ReportCheck[] {
  const byId = new Map<string, ReportCheck>();
  for (const { id, severity, description, gates, aboutSlo, policyChange, docs } of metas) {
    if (byId.has(id)) continue;
    byId.set(id, {
      id,
      severity,
      description,
      ...(gates ? { gates } : {}),
      ...(aboutSlo ? { aboutSlo } : {}),
      ...(policyChange ? { policyChange } : {}),
      ...(docs ? { docs, ...(docsBaseUrl ? { docsUrl: docsUrl(docsBaseUrl, docs) } : {}) } : {}),
    });
  }
  return [...byId.values()];
}

/** The ids of the checks with a flag. */
export function checksWith(checks: readonly ReportCheck[], flag: 'gates' | 'aboutSlo' | 'policyChange'): Set<string> {
  return new Set(checks.filter((check) => check[flag] !== undefined).map((check) => check.id));
}

/**
 * Whether the gate counts a finding: never a suppressed or baselined one; with only new findings
 * counting, a new one or one about now rather than the change (live ones, the budget).
 */
export function countsForGate(finding: Finding, onlyNew: boolean, alwaysGating: Set<string>): boolean {
  if (finding.suppressed || finding.baselined) return false;
  return !onlyNew || finding.status === 'new' || alwaysGating.has(finding.check);
}

function diffReport(input: ComparisonSummary, findings: Finding[], alwaysGating: Set<string>): DiffReport {
  const newCounts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) if (countsForGate(finding, true, alwaysGating)) newCounts[finding.severity]++;
  const count = (status: Finding['status']) => findings.filter((finding) => finding.status === status).length;
  return {
    ...input,
    counts: { new: count('new'), existing: count('existing'), resolved: input.resolved.length },
    newCounts,
    resolved: [...input.resolved].sort(compareFindings),
  };
}

/**
 * The findings above notice level of the checks about SLOs (`aboutSlo`), by the SLO they are
 * about (sloKey), in report order: another service's SLO of the same name is another SLO. Grouped
 * once: looking them up per SLO kept every SLO scanning every finding.
 */
function sloProblems(findings: Finding[], aboutSlo: Set<string>): Map<string, Finding[]> {
  const bySlo = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.slo === undefined || finding.severity === 'notice' || !aboutSlo.has(finding.check)) continue;
    const key = sloKey(finding.slo);
    const problems = bySlo.get(key);
    if (problems) problems.push(finding);
    else bySlo.set(key, [finding]);
  }
  return bySlo;
}

/** One SLO of the run: its identity, and its file for duplicates of one identity. */
function sloKey(slo: SloRef): string {
  return `${slo.file}\u0000${sloIdentityKey(slo)}`;
}

/** The SLO's links and a verdict drawn from the findings of the checks about SLOs (`problems`). */
function linkSummary(slo: Slo, linked: LinkedModel, problems: Finding[]): Pick<SloSummary, 'links' | 'verdict'> {
  const set = linked.links.bySlo.get(slo.key);
  if (!set) return {};
  const links = {
    alerts: set.alerts.map(({ rule, method, reason }) => ({ name: rule.name, file: rule.file, line: rule.position.line, method, reason })),
    panels: set.panels.map(({ dashboard, panel, method, reason }) => ({
      name: `${panel.title ?? `panel ${panel.id ?? '?'}`}${dashboard.title ? ` (${dashboard.title})` : ''}`,
      file: dashboard.file,
      line: panel.position.line,
      method,
      reason,
    })),
  };
  const verdict = problems.length
    ? `${problems.length} problem(s): ${problems[0].message}`
    : links.alerts.length
      ? `aligned with ${links.alerts.length} alert(s) and ${links.panels.length} panel(s)`
      : slo.alertingDisabled
        ? 'burn-rate alerting turned off'
        : 'no alerting rule implements it';
  return { links, verdict };
}

function adoption(findings: Finding[], baseline: BaselineOutcome | undefined): { adoption?: AdoptionReport } {
  const suppressed = findings.filter((finding) => finding.suppressed).length;
  if (!suppressed && !baseline) return {};
  return { adoption: { suppressed, ...(baseline ? { baseline } : {}) } };
}

export function gateFails(counts: Record<Severity, number>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return (Object.keys(counts) as Severity[]).some((severity) => counts[severity] > 0 && SEVERITY_ORDER[severity] <= SEVERITY_ORDER[failOn]);
}

function liveHeader({ slos: _slos, rules: _rules, ...header }: LiveSummary): Omit<LiveSummary, 'slos'> {
  return header;
}

/**
 * The report as its reader takes it in, in the order every renderer shows it: what the gate
 * counted, then the findings that are new, the policy changes, and those already known (on the
 * base or in the baseline) and excused (suppressed). Each finding is in exactly one of
 * `fresh`, `policy`, `existing` and `suppressed`.
 */
export interface ReportView {
  /** Compared with a pull request's base, or a baseline was used: "new" means something. */
  comparing: boolean;
  /** A pull request (the verdict reads "merge blocked" rather than "check failed"). */
  pullRequest: boolean;
  /** The findings the gate counted, of any severity. */
  counted: Finding[];
  /** Of those, the ones at or above fail-on: what fails the gate. */
  failing: Finding[];
  fresh: Finding[];
  policy: Finding[];
  existing: Finding[];
  suppressed: Finding[];
}

export function reportView(report: Report): ReportView {
  const alwaysGating = checksWith(report.checks, 'gates');
  const policyChanges = checksWith(report.checks, 'policyChange');
  const onlyNew = report.diff?.baseSha !== undefined && report.diff.newFindingsOnly;
  const counted = report.findings.filter((finding) => countsForGate(finding, onlyNew, alwaysGating));
  const failing = report.failOn === 'never' ? [] : counted.filter((finding) => SEVERITY_ORDER[finding.severity] <= SEVERITY_ORDER[report.failOn as Severity]);
  const view: ReportView = {
    comparing: report.diff?.baseSha !== undefined || report.adoption?.baseline !== undefined,
    pullRequest: report.diff !== undefined,
    counted,
    failing,
    fresh: [],
    policy: [],
    existing: [],
    suppressed: [],
  };
  for (const finding of report.findings) {
    if (finding.suppressed) view.suppressed.push(finding);
    else if (finding.baselined || finding.status === 'existing') view.existing.push(finding);
    else if (policyChanges.has(finding.check)) view.policy.push(finding);
    else view.fresh.push(finding);
  }
  return view;
}

/** The docs URL of a finding's check, when the report knows one. */
export function docsUrlOf(report: Report, check: string): string | undefined {
  return report.checks.find((entry) => entry.id === check)?.docsUrl;
}
