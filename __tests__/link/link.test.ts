import { describe, expect, it } from 'vitest';
import { check } from '../helpers/workspace.js';
import { burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildReport } from '../../src/report/report.js';

const fast = (labels: Record<string, string>, name = 'ApiFastBurn') => burnAlert({ name, long: '1h', short: '5m', factor: 14.4, labels });
const linksOf = async (files: Record<string, string>, config = {}) => {
  const result = await check(files, config);
  const set = [...result.linked.links.bySlo.values()][0];
  return set.alerts.map((a) => `${a.rule.name} ${a.method}: ${a.reason}`);
};

describe('linking alerts to SLOs', () => {
  it('links by a label that names the SLO', async () => {
    expect(await linksOf({ 'slo.yml': slothSpec(), 'rules.yml': ruleFile(fast({ slo: 'availability' })) })).toEqual(['ApiFastBurn label: slo=availability']);
  });

  it('links by Sloth\'s sloth_id in the selectors, and not to another service\'s SLO of the same name', async () => {
    const alert = fast({}).replaceAll('job="api"', 'job="api",sloth_id="api-availability"');
    expect(await linksOf({ 'slo.yml': slothSpec(), 'rules.yml': ruleFile(alert) })).toEqual(['ApiFastBurn label: sloth_id=api-availability']);
    const other = fast({}).replaceAll('job="api"', 'sloth_service="web",sloth_slo="availability"');
    expect(await linksOf({ 'slo.yml': slothSpec(), 'rules.yml': ruleFile(other).replace('api-slo', 'burn') })).toEqual([]);
  });

  it('links by the slo-links map of .slo-gate.yml', async () => {
    const alert = fast({ team: 'sre' }, 'PagerBurn').replaceAll('http_requests_total', 'edge_requests_total');
    expect(await linksOf({ 'slo.yml': slothSpec(), 'rules.yml': ruleFile(alert).replace('api-slo', 'burn') }, { sloLinks: { PagerBurn: 'availability' } })).toEqual([
      'PagerBurn config: slo-links maps PagerBurn to availability',
    ]);
  });

  it('infers a link from the SLI metrics an unlabelled burn-rate alert reads', async () => {
    expect(await linksOf({ 'slo.yml': slothSpec(), 'rules.yml': ruleFile(fast({ team: 'sre' })) })).toEqual(['ApiFastBurn inferred: reads the SLI metric http_requests']);
  });

  it('does not infer a link for an alert that reads other metrics', async () => {
    const alert = fast({ team: 'sre' }).replaceAll('http_requests_total', 'queue_errors_total');
    expect(await linksOf({ 'slo.yml': slothSpec(), 'rules.yml': ruleFile(alert) })).toEqual([]);
  });

  it('shows each SLO\'s links and verdict in the text and Markdown reports, escaped', async () => {
    const result = await check({ 'slo.yml': slothSpec('99.99'), 'rules.yml': ruleFile(fast({ slo: 'availability' }, 'Api|FastBurn')) });
    const report = buildReport({ ...result, checks: result.checks.map((check) => check.meta) }, { failOn: 'error', toolVersion: 'test' });
    expect(report.slos[0].links!.alerts).toEqual([{ name: 'Api|FastBurn', file: 'rules.yml', line: 4, method: 'label', reason: 'slo=availability' }]);
    expect(report.slos[0].verdict).toMatch(/^\d+ problem\(s\): /);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| SLO | Service | Target | Error budget | Verdict |');
    expect(markdown).toContain('- alert Api\\|FastBurn (label: slo=availability)');
    expect(renderText(report)).toContain('      alert Api|FastBurn (label: slo=availability)\n');
  });

  it('links and aligns Pyrra\'s generated burn-rate alerts, by label or through its recording-rule names', async () => {
    const slo = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: api-errors
spec:
  target: "99"
  window: 4w
  indicator:
    ratio:
      errors: { metric: 'http_requests_total{job="api",code=~"5.."}' }
      total: { metric: 'http_requests_total{job="api"}' }
`;
    const windows = [
      ['5m', '1h', 14],
      ['30m', '6h', 7],
      ['2h', '1d', 2],
      ['6h', '4d', 1],
    ] as const;
    const rules = (labelled: boolean) => `groups:
  - name: pyrra
    rules:
${windows
  .map(
    ([short, long, factor]) => `      - alert: ErrorBudgetBurn
        expr: http_requests:burnrate${short}${labelled ? '{slo="api-errors"}' : ''} > (${factor} * (1-0.99)) and http_requests:burnrate${long}${labelled ? '{slo="api-errors"}' : ''} > (${factor} * (1-0.99))
        labels: { severity: critical${labelled ? ', slo: api-errors' : ''} }
`,
  )
  .join('')}`;
    for (const labelled of [true, false]) {
      const result = await check({ 'slo.yaml': slo, 'rules.yaml': rules(labelled) });
      const set = [...result.linked.links.bySlo.values()][0];
      expect(set.alerts.map((a) => a.method)).toEqual(Array(4).fill(labelled ? 'label' : 'inferred'));
      expect(result.findings.filter((f) => f.check.startsWith('align/') && f.severity !== 'notice')).toEqual([]);
    }
  });
});
