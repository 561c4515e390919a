// Two services with an SLO of the same name (Sloth's own example name, requests-availability) are
// two SLOs: each verdict counts its own problems, an alert that names only the SLO name is linked
// to neither and said so, a service label or `service/name` in slo-links picks one, and their
// findings never share a fingerprint.

import { describe, expect, it } from 'vitest';
import { at, check } from '../helpers/workspace.js';
import { burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';
import { buildReport } from '../../src/report/report.js';
import type { Config } from '../../src/config/config.js';

const slothCheckout = (objective = '99') => slothSpec(objective, { service: 'checkout', name: 'requests-availability' });

const pyrraSearch = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: requests-availability
  namespace: search
spec:
  target: "99.9"
  window: 28d
  indicator:
    ratio:
      errors:
        metric: search_requests_total{code=~"5.."}
      total:
        metric: search_requests_total
`;

// Checkout's page windows at its 1 % budget, linked by the SLO name and the Sloth service.
const checkoutAlerts = (labels: Record<string, string>) => [
  burnAlert({ name: 'CheckoutFastBurn', long: '1h', short: '5m', factor: 14.4, budget: '0.01', labels }),
  burnAlert({ name: 'CheckoutSlowBurn', long: '6h', short: '30m', factor: 6, budget: '0.01', labels }),
];
const nameOnly = burnAlert({ name: 'RequestsFastBurn', long: '1h', short: '5m', factor: 14.4, budget: '0.01', labels: { slo: 'requests-availability' } });

async function run(files: Record<string, string>, config: Partial<Config> = {}) {
  const result = await check(files, config);
  const report = buildReport({ ...result, checks: result.checks.map((c) => c.meta) }, { failOn: 'error', toolVersion: 'test' });
  const links = [...result.linked.links.bySlo.values()].map(({ slo, alerts }) => `${slo.service}/${slo.name}: ${alerts.map((a) => `${a.rule.name} (${a.reason})`).join(', ')}`);
  return { result, report, links };
}

describe('SLO identity: service and name', () => {
  it('counts each service’s problems in its own verdict, and links an alert naming only the SLO to neither, with a notice naming both', async () => {
    const files = { 'slos/checkout.yml': slothCheckout(), 'slos/search.yml': pyrraSearch, 'rules/burn.yml': ruleFile(...checkoutAlerts({ slo: 'requests-availability', sloth_service: 'checkout' }), nameOnly) };
    const { result, report, links } = await run(files);
    expect(links).toEqual([
      // sloth_service rules out the other service's SLO before any choice is needed.
      'checkout/requests-availability: CheckoutFastBurn (slo=requests-availability), CheckoutSlowBurn (slo=requests-availability)',
      'search/requests-availability: ',
    ]);
    const about = result.findings.filter((f) => f.check === 'policy/target-min' || f.check === 'align/burn-alert-missing');
    expect(about.map((f) => `${at(f)} ${f.check} ${f.severity} ${f.message}`)).toEqual([
      'slos/checkout.yml:5:16 policy/target-min warning SLO "checkout/requests-availability" targets 99 %, below slo-gate\'s default minimum availability of 99.9 % (set min-availability to your floor to make this an error, or to accept it)',
      'slos/search.yml:1:1 align/burn-alert-missing notice no alerting rule implements the burn-rate windows of SLO "search/requests-availability" (1h/5m (14×), 6h/30m (7×), 1d/2h (2×), 4d/6h (1×)); Pyrra generates them in the cluster, where they cannot be checked',
      'rules/burn.yml:22:16 align/burn-alert-missing notice alert "RequestsFastBurn" could be SLO "checkout/requests-availability" or "search/requests-availability": its labels give only the name; add a service label (sloth_service, service, namespace, service_name) or map it in slo-links as service/name',
    ]);
    expect(result.findings.find((f) => f.check === 'policy/target-min')!.slo).toEqual({ name: 'requests-availability', service: 'checkout', file: 'slos/checkout.yml' });
    expect(report.slos.map((slo) => `${slo.service}/${slo.name}: ${slo.verdict}`)).toEqual([
      'checkout/requests-availability: 1 problem(s): SLO "checkout/requests-availability" targets 99 %, below slo-gate\'s default minimum availability of 99.9 % (set min-availability to your floor to make this an error, or to accept it)',
      'search/requests-availability: no alerting rule implements it',
    ]);
  });

  it('links an alert carrying sloth_id, or the name and a namespace label, to exactly one', async () => {
    const bySlothId = burnAlert({ name: 'ById', long: '1h', short: '5m', factor: 14.4, budget: '0.01', labels: { sloth_id: 'checkout-requests-availability' } });
    const byNamespace = burnAlert({ name: 'ByNamespace', long: '1h', short: '5m', factor: 14.4, labels: { slo: 'requests-availability', namespace: 'search' } }).replaceAll('http_requests_total', 'search_requests_total');
    const { links, result } = await run({ 'slos/checkout.yml': slothCheckout(), 'slos/search.yml': pyrraSearch, 'rules/burn.yml': ruleFile(bySlothId, byNamespace) });
    expect(links).toEqual(['checkout/requests-availability: ById (sloth_id=checkout-requests-availability)', 'search/requests-availability: ByNamespace (slo=requests-availability, namespace=search)']);
    expect(result.linked.links.ambiguous).toEqual([]);
  });

  it('maps an alert with slo-links service/name to that SLO, and reports a bare name several services have', async () => {
    const pager = burnAlert({ name: 'PagerBurn', long: '1h', short: '5m', factor: 14.4, budget: '0.01', labels: { team: 'sre' } }).replaceAll('http_requests_total', 'edge_requests_total');
    const files = { 'slos/checkout.yml': slothCheckout(), 'slos/search.yml': pyrraSearch, 'rules/burn.yml': ruleFile(pager) };
    expect((await run(files, { sloLinks: { PagerBurn: 'search/requests-availability' } })).links).toEqual([
      'checkout/requests-availability: ',
      'search/requests-availability: PagerBurn (slo-links maps PagerBurn to search/requests-availability)',
    ]);
    const bare = await run(files, { sloLinks: { PagerBurn: 'requests-availability' } });
    expect(bare.links).toEqual(['checkout/requests-availability: ', 'search/requests-availability: ']);
    expect(bare.result.findings.filter((f) => f.file === 'rules/burn.yml' && f.check === 'align/burn-alert-missing').map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules/burn.yml:4:16 alert "PagerBurn" could be SLO "checkout/requests-availability" or "search/requests-availability": slo-links gives only the name; map it as service/name',
    ]);
  });

  it('suggests a rule group whose labels link to this service’s SLO alone', async () => {
    const files = { 'slos/checkout.yml': slothCheckout('99.9'), 'slos/search.yml': pyrraSearch };
    const missing = (await check(files)).findings.find((f) => f.check === 'align/burn-alert-missing' && f.file === 'slos/checkout.yml')!;
    expect(missing.suggestion).toContain('slo: requests-availability\n');
    expect(missing.suggestion).toContain('sloth_service: checkout\n');
    const pasted = await run({ ...files, 'rules/suggested.yml': missing.suggestion! });
    expect(pasted.links).toEqual(['checkout/requests-availability: RequestsAvailabilityErrorBudgetBurn (slo=requests-availability)', 'search/requests-availability: ']);
    expect(pasted.result.findings.filter((f) => f.file === 'rules/suggested.yml')).toEqual([]);
  });

  it('gives two services’ findings of one shape in one file different fingerprints, and keeps each when the other comes or goes', async () => {
    const two = `${slothCheckout()}---\n${slothCheckout().replace('service: checkout', 'service: payments')}`;
    const targetMin = async (text: string) => (await check({ 'slos.yml': text })).findings.filter((f) => f.check === 'policy/target-min');
    const both = await targetMin(two);
    expect(both.map((f) => `${at(f)} ${f.message.slice(0, 49)}`)).toEqual(['slos.yml:5:16 SLO "checkout/requests-availability" targets 99 %', 'slos.yml:19:16 SLO "payments/requests-availability" targets 99 %']);
    expect(new Set(both.map((f) => f.fingerprint)).size).toBe(2);
    const alone = await targetMin(slothCheckout());
    expect(alone.map((f) => f.message.slice(0, 40))).toEqual(['SLO "requests-availability" targets 99 %']);
    expect(alone[0].fingerprint).toBe(both[0].fingerprint);
  });
});
