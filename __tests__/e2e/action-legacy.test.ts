// End to end: adopting slo-gate on a legacy repository, through the bundled action (dist/index.js)
// and the bundled CLI (dist/cli.js), under this machine's Node and under Node 24. The repository
// is a real git repository: its base commit has many findings, a baseline the CLI wrote, and a
// suppression with its reason; the pull request adds exactly one new defect and fixes one
// baselined finding. What the reader sees must be about the change alone: the verdict names the
// one new error, only it is annotated, and the SARIF tells new from unchanged, absent and
// suppressed. On push, the same baseline and no new defect pass.
// SLO_GATE_E2E_NODES=current (or 24) narrows the Node versions, as in action.test.ts.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, pullRequestEventFromApi, pushEvent, resolveNode24, runAction, type ActionRunResult, type RunActionOptions } from '../support/action-runner.js';
import { useArtifactService } from '../support/artifact-service.js';
import { useGitHubApi } from '../support/github-api.js';
import { Repo } from '../diff/git-repo.js';

const NODES = (process.env.SLO_GATE_E2E_NODES ?? 'current,24').split(',').map((node) => node.trim()) as ('current' | '24')[];
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** The service policy format of action.test.ts: a 99.9 % floor makes a lower target an error. */
const policy = (service: string, target: string) => `service: ${service}
availability:
  target: ${target}
  windows:
    - { name: fast, lookback: 1h, burn_rate: 14.4 }
    - { name: slow, lookback: 6h, burn_rate: 6 }
`;
const CONFIG = 'min-availability: 99.9\nalerts:\n  required-annotations: [summary]\n';
const LEGACY_ALERTS = 12;
/** Years of host alerts written before anyone required a summary: one alert/required warning each. */
const legacyRule = (index: number, summary: boolean) => `      - alert: LegacyHostLoad${index}
        expr: node_load1{instance="host-${index}"} > 10
        labels:
          severity: warning
${summary ? `        annotations:\n          summary: "host-${index} is overloaded"\n` : ''}`;
/** `fixedIndex`: the one legacy alert the pull request gives a summary. */
const legacyRules = (fixedIndex?: number) => `groups:
  - name: legacy-hosts
    rules:
${Array.from({ length: LEGACY_ALERTS }, (_, index) => legacyRule(index, index === fixedIndex)).join('')}      # slo-gate-disable-next-line alert/comparison: a heartbeat, it fires while the exporter is up by design
      - alert: NodeExporterHeartbeat
        expr: up{job="node"}
        labels:
          severity: none
        annotations:
          summary: "node exporter heartbeat"
`;
/** The pull request's one new defect: an unclosed parenthesis (promql/syntax) at rules/payments.yaml:5. */
const PAYMENTS = `groups:
  - name: payments
    rules:
      - alert: PaymentsErrors
        expr: sum(rate(payment_errors_total[5m]) > 1
        labels:
          severity: page
        annotations:
          summary: "payments fail"
`;

const LEGACY = {
  '.slo-gate.yml': CONFIG,
  'slo/checkout.yaml': policy('checkout', '99.9'),
  // A target below the floor (policy/target-min, an error) and no alerts for it: on every trigger the gate failed.
  'slo/search.yaml': policy('search', '99.5'),
  'rules/legacy.yaml': legacyRules(),
};

const gh = useGitHubApi();
/** The action's docs pages: its repository (GITHUB_ACTION_REPOSITORY) at its ref, as the runner names them. */
const docs = () => `${gh().serverUrl}/acme/slo-gate/blob/v1/docs/checks`;
const artifacts = useArtifactService();
/** Runner temp directories kept for the report files the outputs name; removed after each test. */
const keptTemp: string[] = [];

beforeAll(async () => {
  // Fetched once here, not inside a test's time (npx -y -p node@24).
  if (NODES.includes('24')) await resolveNode24();
}, 200_000);
afterEach(() => {
  while (keptTemp.length) rmSync(keptTemp.pop()!, { recursive: true, force: true });
});

/** The legacy repository committed with the baseline the bundled CLI writes for it. */
function legacyRepository(node: string): { repo: Repo; baseSha: string; baseline: { findings: { check: string; count: number }[] } } {
  const repo = Repo.init();
  repo.commit(LEGACY, 'legacy monitoring');
  execFileSync(node, [CLI, 'baseline', repo.dir], { cwd: repo.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const baseline = JSON.parse(readFileSync(path.join(repo.dir, '.slo-gate-baseline.json'), 'utf8'));
  const baseSha = repo.commit({}, 'adopt slo-gate: the baseline');
  return { repo, baseSha, baseline };
}

function expectNoCrash(run: ActionRunResult): void {
  expect(run.timedOut).toBe(false);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(run.stdout).not.toMatch(/internal error/);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  baselineState?: string;
  suppressions?: { kind: string; status: string; justification: string; location?: unknown }[];
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
}

describe.each(NODES)('adopting slo-gate on a legacy repository, bundled action under Node %s', (node) => {
  const run = (options: RunActionOptions) => runAction({ node, github: gh(), artifacts: artifacts(), entry: process.env.SLO_GATE_E2E_ENTRY, keepTemp: true, ...options });
  const nodeBinary = async () => (node === '24' ? resolveNode24() : process.execPath);

  it('a pull request adding one defect: the verdict, the annotation and the SARIF are about it alone', async () => {
    const { repo, baseSha, baseline } = legacyRepository(await nodeBinary());
    // The baseline holds every legacy finding, the target-min error included; the suppressed one needs no entry.
    expect(baseline.findings.map((entry) => entry.check).sort()).toEqual(expect.arrayContaining(['alert/required', 'policy/target-min']));
    expect(baseline.findings.filter((entry) => entry.check === 'alert/required').reduce((sum, entry) => sum + entry.count, 0)).toBe(LEGACY_ALERTS);
    expect(baseline.findings.map((entry) => entry.check)).not.toContain('alert/comparison');

    const headSha = repo.commit({ 'rules/legacy.yaml': legacyRules(0), 'rules/payments.yaml': PAYMENTS }, 'payments alert; host-0 gets a summary');
    const pr = gh().seedPullRequest({ baseSha, headSha });
    const result = await run({ event: pullRequestEventFromApi(gh(), pr.number), workspace: repo.dir });
    keptTemp.push(result.tempDir);
    expectNoCrash(result);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.result).toBe('fail');

    // The comment: under the hidden markers, the verdict naming the one new error.
    const [comment] = gh().comments(pr.number);
    const lines = comment!.body.split('\n');
    expect(lines.slice(0, 2)).toEqual(['<!-- slo-gate:default -->', '<!-- slo-gate-result:fail -->']);
    expect(lines[2]).toBe('## ❌ 1 new error — merge blocked');
    expect(comment!.body).toContain('rules/payments.yaml');
    expect(comment!.body).toContain(`${docs()}/promql/syntax.md`);

    // Annotations: the new finding only, none of the 12 baselined warnings, the baselined error or the suppressed one.
    const findingAnnotations = result.annotations.filter((annotation) => annotation.title);
    expect(findingAnnotations).toEqual([expect.objectContaining({ level: 'error', title: 'promql/syntax', file: 'rules/payments.yaml', line: 5 })]);
    expect(findingAnnotations[0]!.message).toContain(`Docs: ${docs()}/promql/syntax.md`);

    // The job summary leads with the same verdict.
    expect(result.summary.split('\n')[0]).toBe('## ❌ 1 new error — merge blocked');

    // The outputs name report files that exist.
    for (const output of ['report-sarif', 'report-html', 'report-json', 'report-markdown']) {
      expect(result.outputs[output], output).toBeTruthy();
      expect(existsSync(result.outputs[output]!), output).toBe(true);
    }
    expect(result.outputs['report-sarif']).toMatch(/\.sarif$/);
    expect(result.outputs['report-html']).toMatch(/\.html$/);

    // The SARIF in the artifact is the file the output names.
    const files = await artifacts().files('slo-compliance-report');
    expect(files['report.sarif']).toBe(readFileSync(result.outputs['report-sarif']!, 'utf8'));
    const sarif = JSON.parse(files['report.sarif']!);
    const [sarifRun] = sarif.runs;
    const rules: { id: string; helpUri?: string; shortDescription?: { text: string }; fullDescription?: { text: string } }[] = sarifRun.tool.driver.rules;
    for (const id of ['promql/syntax', 'alert/required', 'alert/comparison', 'policy/target-min']) {
      const rule = rules.find((candidate) => candidate.id === id)!;
      expect(rule, id).toBeDefined();
      expect(rule.helpUri).toBe(`${docs()}/${id}.md`);
      expect(rule.shortDescription?.text).toMatch(/\w/);
      expect(rule.fullDescription?.text).toContain(rule.helpUri);
    }
    const results: SarifResult[] = sarifRun.results;
    for (const entry of results) expect(rules[entry.ruleIndex]!.id).toBe(entry.ruleId);
    const state = (entry: SarifResult) => entry.baselineState;
    const at = (entry: SarifResult) => `${entry.locations[0]?.physicalLocation.artifactLocation.uri}:${entry.locations[0]?.physicalLocation.region?.startLine ?? ''}`;

    const fresh = results.filter((entry) => state(entry) === 'new');
    expect(fresh.map((entry) => `${entry.ruleId} ${at(entry)}`)).toEqual(['promql/syntax rules/payments.yaml:5']);
    const unchanged = results.filter((entry) => state(entry) === 'unchanged' && !entry.suppressions);
    expect(unchanged.filter((entry) => entry.ruleId === 'alert/required')).toHaveLength(LEGACY_ALERTS - 1);
    expect(unchanged.filter((entry) => entry.ruleId === 'policy/target-min').map(at)).toEqual(['slo/search.yaml:3']);
    // host-0 got its summary: fixed, reported once as absent so code scanning can close it.
    const absent = results.filter((entry) => state(entry) === 'absent');
    expect(absent.map((entry) => `${entry.ruleId} ${entry.message.text}`)).toEqual(['alert/required alert "LegacyHostLoad0" has no summary annotation']);

    const suppressed = results.filter((entry) => entry.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ ruleId: 'alert/comparison' });
    expect(suppressed[0]!.suppressions).toEqual([
      expect.objectContaining({ kind: 'inSource', status: 'accepted', justification: 'a heartbeat, it fires while the exporter is up by design' }),
    ]);

    // Every result is one of these kinds: nothing else slipped in.
    expect(fresh.length + unchanged.length + absent.length + suppressed.length).toBe(results.length);
  }, 180_000);

  it('on push with the baseline and no new defect: pass, nothing annotated', async () => {
    const { repo, baseSha } = legacyRepository(await nodeBinary());
    const result = await run({ event: pushEvent({ after: baseSha }), workspace: repo.dir });
    keptTemp.push(result.tempDir);
    expectNoCrash(result);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.result).toBe('pass');
    expect(result.summary.split('\n')[0]).toMatch(/^## ✅ No new findings, \d+ existing \(baseline\), 1 suppressed$/);
    expect(result.annotations.filter((annotation) => annotation.title)).toEqual([]);

    const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    // The baseline is what passes it: the baselined error would fail the gate without it.
    expect(report.findings.filter((finding: { check: string; baselined?: boolean }) => finding.check === 'policy/target-min' && finding.baselined)).toHaveLength(1);
    expect(report.adoption).toMatchObject({ suppressed: 1, baseline: { file: '.slo-gate-baseline.json', fixed: [] } });
    expect(report.adoption.baseline.matched).toBe(report.findings.filter((finding: { baselined?: boolean }) => finding.baselined).length);
  }, 180_000);
});
