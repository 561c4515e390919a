// The corpus suite: real monitoring files from public projects and from the seed system.
// Nothing here names a corpus file to treat it differently; exceptions are Prometheus 2 vs 3 rules.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import type { Finding } from '../../src/model/findings.js';
import { stringify } from 'yaml';
import { CORPUS, corpusAvailable, corpusSuiteTitle } from '../helpers/corpus.js';
import { ensurePrometheus } from '../support/prometheus.js';

/** promtool (when installed) must refuse each query too, or slo-gate's error is a false positive. */
async function expectPromtoolRefuses(queries: string[]): Promise<void> {
  const env = await ensurePrometheus();
  if (!env.available) return;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-corpus-'));
  try {
    for (const query of queries) {
      const file = path.join(dir, 'q.yml');
      await writeFile(file, stringify({ groups: [{ name: 'q', rules: [{ record: 'q', expr: query }] }] }));
      const run = spawnSync(env.promtool, ['check', 'rules', file], { encoding: 'utf8' });
      expect(run.status, `promtool accepts ${query}`).toBe(1);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const errorsIn = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.check} ${f.message}`);

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('corpus suite'), () => {
  for (const project of ['awesome-prometheus-alerts', 'kube-prometheus', 'sloth', 'openslo', 'pyrra']) {
    it(`reports no errors on ${project}, whose files their own tools accept`, async () => {
      const result = await runEngine(path.join(CORPUS, project), mergeConfig());
      expect(result.linked.model.files.length).toBeGreaterThan(0);
      // A dashboard query error is a real defect when Prometheus itself refuses the query.
      const errors = result.findings.filter((f) => f.severity === 'error' && f.check !== 'dashboard/promql');
      expect(errorsIn(errors)).toEqual([]);
      const refused = result.linked.model.dashboards.flatMap((d) => d.panels.flatMap((p) => p.targets.flatMap((t) => (t.expr?.analysis.errors.length ? [t.expr.text] : []))));
      expect(result.findings.filter((f) => f.check === 'dashboard/promql' && f.severity === 'error')).toHaveLength(refused.length);
      if (refused.length > 0) await expectPromtoolRefuses(refused);
    });
  }

  it('reads every awesome-prometheus-alerts rule (954 alerting rules in 112 files)', async () => {
    const result = await runEngine(path.join(CORPUS, 'awesome-prometheus-alerts'), mergeConfig());
    expect(result.linked.model.files.filter((f) => f.kinds.includes('rule-file'))).toHaveLength(112);
    expect(result.linked.model.rules.filter((r) => r.kind === 'alert').length).toBeGreaterThanOrEqual(950);
  });

  it('reads the dashboards kube-prometheus embeds in a ConfigMapList', async () => {
    const result = await runEngine(path.join(CORPUS, 'kube-prometheus'), mergeConfig());
    expect(result.linked.model.dashboards.length).toBeGreaterThan(10);
    expect(result.linked.model.dashboards.every((d) => d.entry?.endsWith('.json'))).toBe(true);
    expect(result.linked.model.ruleGroups.length).toBeGreaterThan(10);
  });

  describe('agrees with promtool on Prometheus\' own rule-file test data', () => {
    const verdicts = corpusAvailable
      ? readFileSync(path.join(CORPUS, 'prometheus', 'promtool-verdicts.tsv'), 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split('\t'))
          .map(([exit, file, output]) => ({ exit: Number(exit), file, output }))
      : [];
    // Prometheus 3 accepts UTF-8 label and annotation names; promtool 2.42 does not. We follow 3.
    const prometheus3Accepts = (output: string) => /invalid (label|annotation) name: (?!__name__)/.test(output);

    for (const { exit, file, output } of verdicts) {
      it(`${file}: promtool exit ${exit}`, async () => {
        const result = await runEngine(path.join(CORPUS, 'prometheus', file), mergeConfig());
        const kinds = result.linked.model.files[0]?.kinds ?? [];
        const errors = errorsIn(result.findings);
        if (!kinds.includes('rule-file')) {
          // promtool was handed a unit-test file as a rule file; slo-gate recognises it is not one.
          expect(output).toMatch(/field (tests|rule_files|evaluation_interval) not found/);
          expect(errors).toEqual([]);
          return;
        }
        if (exit === 0 || prometheus3Accepts(output)) expect(errors).toEqual([]);
        else expect(errors.length).toBeGreaterThan(0);
      });
    }
  });

  it('finds the seed system\'s real defects', async () => {
    const result = await runEngine(path.join(CORPUS, 'agentaskit'), mergeConfig());
    const found = result.findings.map((f) => `${f.check} ${f.file}:${f.line}`);
    // The policy names two dashboards that do not exist.
    expect(found).toContain('file/missing agentaskit-production/slo/policies.yaml:114');
    expect(found).toContain('file/missing agentaskit-production/slo/policies.yaml:115');
    // Its dashboards have no uid.
    expect(result.findings.filter((f) => f.check === 'dashboard/uid' && /no uid/.test(f.message)).length).toBeGreaterThanOrEqual(3);
    // The old workflow is not mistaken for a monitoring file.
    expect(result.linked.model.files.find((f) => f.path.endsWith('slo-check.yml'))?.kinds).toEqual([]);
  });
});
