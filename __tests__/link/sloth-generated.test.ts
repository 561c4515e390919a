// Ground truth from the generator: Sloth's own rules for each example spec implement it exactly,
// so linking them must succeed and no align/* check may complain. Each mutation the test makes
// (objective, factor, window, a deleted alert) must produce the matching finding at the right rule.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/findings.js';
import { CORPUS, corpusAvailable, corpusSuiteTitle } from '../helpers/corpus.js';
import { at, check } from '../helpers/workspace.js';

const examples = path.join(CORPUS, 'sloth', 'examples');
const pairs = corpusAvailable ? readdirSync(path.join(examples, '_gen')).filter((name) => /\.ya?ml$/.test(name)) : [];
const read = (...parts: string[]) => readFileSync(path.join(examples, ...parts), 'utf8');
const align = (findings: Finding[]) => findings.filter((f) => f.check.startsWith('align/') && f.severity !== 'notice');
const show = (findings: Finding[]) => findings.map((f) => `${f.check} ${at(f)} ${f.message}`);

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('Sloth examples and the rules Sloth generated for them'), () => {
  it('has pairs to check', () => expect(pairs.length).toBeGreaterThanOrEqual(15));

  for (const name of pairs) {
    it(`${name}: every SLO links to its generated alerts and aligns`, async () => {
      const result = await check({ [`slo/${name}`]: read(name), [`rules/${name}`]: read('_gen', name) });
      expect(show(align(result.findings))).toEqual([]);
      const generatedAlerts = result.linked.model.rules.filter((r) => r.kind === 'alert').length;
      const linked = [...result.linked.links.bySlo.values()].flatMap((set) => set.alerts);
      // Every generated alert is linked, and by its labels, never by a guess.
      expect(new Set(linked.map((l) => l.rule)).size).toBe(generatedAlerts);
      expect(linked.every((l) => l.method === 'label')).toBe(true);
    });
  }

  const spec = corpusAvailable ? read('getting-started.yml') : '';
  const rules = corpusAvailable ? read('_gen', 'getting-started.yml') : '';
  const pageAlert = corpusAvailable ? rules.slice(rules.indexOf('  - alert: MyServiceHighErrorRate'), rules.lastIndexOf('  - alert: MyServiceHighErrorRate')) : '';
  const run = async (specText: string, rulesText: string) => (await check({ 'slo/spec.yml': specText, 'rules/gen.yml': rulesText })).findings;
  const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

  it('reports the budget when the spec\'s objective changes: the alerts still divide by the old one', async () => {
    const findings = (await run(spec.replace('objective: 99.9', 'objective: 99.95'), rules)).filter((f) => f.check === 'align/burn-threshold');
    expect(findings).toHaveLength(4);
    expect(at(findings[0])).toBe(`rules/gen.yml:${lineOf(rules, 'max(slo:sli_error:ratio_rate5m', rules.indexOf('alert: MyServiceHighErrorRate'))}:15`);
    expect(findings[0].message).toBe(
      'alert "MyServiceHighErrorRate" uses an error budget of 0.001 (a 99.9 % target), but SLO "requests-availability" targets 99.95 %: a budget of 0.0005',
    );
  });

  it('reports a factor changed in the generated page alert, at that alert', async () => {
    const mutated = rules.replace(pageAlert, pageAlert.replaceAll('(14.4 * ', '(10 * '));
    const findings = (await run(spec, mutated)).filter((f) => f.check.startsWith('align/'));
    expect(show(findings.filter((f) => f.severity !== 'notice'))).toEqual([
      `align/burn-threshold rules/gen.yml:${lineOf(mutated, 'max(slo:sli_error:ratio_rate5m', mutated.indexOf('alert: MyServiceHighErrorRate'))}:15 alert "MyServiceHighErrorRate" burns at 10× over 1h, but SLO "requests-availability" alerts at 14.4× over that window`,
    ]);
  });

  it('reports a window changed in the generated page alert', async () => {
    const mutated = rules.replace(pageAlert, pageAlert.replace('slo:sli_error:ratio_rate1h{', 'slo:sli_error:ratio_rate2h{'));
    const findings = (await run(spec, mutated)).filter((f) => f.check === 'align/burn-window');
    expect(show(findings)).toEqual([
      `align/burn-window rules/gen.yml:${lineOf(mutated, 'max(slo:sli_error:ratio_rate5m', mutated.indexOf('alert: MyServiceHighErrorRate'))}:15 alert "MyServiceHighErrorRate" burns at 14.4× over 2h/5m, but SLO "requests-availability"'s 14.4× window is 1h/5m`,
    ]);
  });

  it('reports the page windows as missing when the page alert is deleted, with a rule group to paste', async () => {
    const findings = (await run(spec, rules.replace(pageAlert, ''))).filter((f) => f.check === 'align/burn-alert-missing');
    expect(show(findings)).toEqual([
      `align/burn-alert-missing slo/spec.yml:${lineOf(spec, '- name: "requests-availability"') }:5 no alerting rule implements the 1h/5m (14.4×), 6h/30m (6×) burn-rate windows of SLO "requests-availability"`,
    ]);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].suggestion).toContain('[1h])))) > (14.4 * 0.001)\n          and\n');
    // Ready to paste: with the suggested group added, the SLO aligns again.
    const fixed = await check({ 'slo/spec.yml': spec, 'rules/gen.yml': rules.replace(pageAlert, ''), 'rules/suggested.yml': findings[0].suggestion! });
    expect(show(align(fixed.findings))).toEqual([]);
  });
});
