import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parser } from '@prometheus-io/lezer-promql';
import { analyseQuery } from '../../../src/lang/promql/analyse.js';
import { substituteGrafanaVariables } from '../../../src/formats/grafana/variables.js';
import { CORPUS, corpusAvailable, corpusSuiteTitle } from '../../helpers/corpus.js';

// Real rule files and dashboards from the shared corpus (see its README). Everything read here is
// accepted by promtool, so the analyser must find no error in it. The describe bodies below run even
// when their suite is skipped, so every read there is behind `corpusAvailable`.
const corpus = CORPUS + '/';

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function yamlDocs(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
}

/** Every rule `expr` in a YAML value (plain rule files and PrometheusRule resources alike). */
function ruleExprs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) ruleExprs(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.expr === 'string' && (typeof o.alert === 'string' || typeof o.record === 'string')) out.push(o.expr);
    for (const v of Object.values(o)) ruleExprs(v, out);
  }
  return out;
}

function rulesFrom(files: string[]): { file: string; expr: string }[] {
  return files.flatMap((file) => yamlDocs(file).flatMap((doc) => ruleExprs(doc).map((expr) => ({ file: file.slice(corpus.length), expr }))));
}

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('real rule files (all accepted by promtool)'), () => {
  const awesome = corpusAvailable ? rulesFrom(filesUnder(join(corpus, 'awesome-prometheus-alerts/dist/rules'), /\.ya?ml$/)) : [];
  const kube = corpusAvailable ? rulesFrom(filesUnder(join(corpus, 'kube-prometheus/manifests'), /prometheusRule\.yaml$/)) : [];

  it('reads a few hundred expressions', () => {
    expect(awesome.length).toBeGreaterThan(800);
    expect(kube.length).toBeGreaterThan(150);
  });

  it('finds no error in awesome-prometheus-alerts or kube-prometheus rules', () => {
    const failures = [...awesome, ...kube]
      .map(({ file, expr }) => ({ file, expr, errors: analyseQuery(expr).errors }))
      .filter((r) => r.errors.length > 0)
      .map((r) => `${r.file}: ${r.expr}\n  ${r.errors.map((e) => `${e.from}-${e.to} ${e.message}`).join('\n  ')}`);
    expect(failures).toEqual([]);
  });

  it('finds facts in them: selectors, functions, comparisons', () => {
    let selectors = 0;
    let comparisons = 0;
    for (const { expr } of [...awesome, ...kube]) {
      const { facts } = analyseQuery(expr);
      selectors += facts.selectors.length;
      comparisons += facts.comparisons.length;
      for (const s of facts.selectors) {
        expect(s.from).toBeGreaterThanOrEqual(0);
        expect(s.to).toBeLessThanOrEqual(expr.length);
      }
    }
    expect(selectors).toBeGreaterThan(1500);
    expect(comparisons).toBeGreaterThan(700);
  });

  it('finds no error in sloth-generated rules (except VictoriaMetrics-only functions)', () => {
    const sloth = rulesFrom(filesUnder(join(corpus, 'sloth/examples/_gen'), /\.ya?ml$/).filter((f) => !f.includes('victoria')));
    expect(sloth.length).toBeGreaterThan(100);
    const failures = sloth.filter(({ expr }) => analyseQuery(expr).errors.length > 0).map(({ file, expr }) => `${file}: ${expr}`);
    expect(failures).toEqual([]);
  });

  it('reports the unknown VictoriaMetrics function and still reads the selectors inside it', () => {
    const vm = rulesFrom(filesUnder(join(corpus, 'sloth/examples/_gen'), /victoria/));
    const withShare = vm.find(({ expr }) => expr.includes('histogram_share('));
    expect(withShare).toBeDefined();
    const r = analyseQuery(withShare!.expr);
    expect(r.errors.map((e) => e.message)).toContain('unknown function with name "histogram_share"');
    expect(r.facts.functions).toContain('histogram_share');
    expect(r.facts.selectors.map((s) => s.metric)).toContain('requests_duration_seconds_bucket');
  });
});

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('agreement with promtool on Prometheus test data'), () => {
  // promtool-verdicts.tsv: what promtool 2.42 printed for Prometheus' own rule test files.
  const verdicts = corpusAvailable ? readFileSync(join(corpus, 'prometheus/promtool-verdicts.tsv'), 'utf8').split('\n').slice(1).filter(Boolean) : [];
  const parseFailures = verdicts
    .map((line) => line.split('\t'))
    .flatMap(([, file, output]) => {
      const m = /"([^"]+)": could not parse expression: (\d+):(\d+): parse error: (.*?)\s*(?:cmd\/|$)/.exec(output ?? '');
      return m ? [{ file: file!, rule: m[1]!, line: Number(m[2]), column: Number(m[3]), message: m[4]! }] : [];
    });

  it('has parse failures to compare', () => {
    expect(parseFailures.length).toBeGreaterThanOrEqual(3);
  });

  // Where Prometheus 3 words it differently from promtool 2.42.
  const prometheus3 = new Map([['unknown function with name "sort_by_label"', 'function "sort_by_label" is not enabled']]);

  for (const failure of parseFailures) {
    it(`${failure.file}: ${failure.message}`, () => {
      const docs = yamlDocs(join(corpus, 'prometheus', failure.file));
      const rules = docs.flatMap((d) => ((d as { groups?: { rules?: Record<string, unknown>[] }[] }).groups ?? []).flatMap((g) => g.rules ?? []));
      const rule = rules.find((r) => r.record === failure.rule || r.alert === failure.rule);
      expect(rule).toBeDefined();
      const errors = analyseQuery(String(rule!.expr)).errors;
      expect(errors[0]?.message).toBe(prometheus3.get(failure.message) ?? failure.message);
      expect(errors[0]?.from).toBe(failure.column - 1);
    });
  }

  it('accepts the rule files promtool accepted', () => {
    const accepted = verdicts
      .map((line) => line.split('\t'))
      .filter(([exit, , output]) => exit === '0' || /lint error/.test(output ?? ''))
      .map(([, file]) => join(corpus, 'prometheus', file!));
    const exprs = rulesFrom(accepted);
    expect(exprs.length).toBeGreaterThan(5);
    expect(exprs.filter(({ expr }) => analyseQuery(expr).errors.length > 0).map(({ expr }) => expr)).toEqual([]);
  });
});

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('real Grafana dashboards'), () => {
  interface Panel {
    targets?: { expr?: unknown }[];
    panels?: Panel[];
  }
  interface Dashboard {
    panels?: Panel[];
    rows?: { panels?: Panel[] }[];
    templating?: { list?: { name?: string; type?: string; current?: { value?: unknown } }[] };
  }
  const dashboards: Dashboard[] = [];
  for (const doc of corpusAvailable ? yamlDocs(join(corpus, 'kube-prometheus/manifests/grafana-dashboardDefinitions.yaml')) : []) {
    for (const item of ((doc as { items?: { data?: Record<string, string> }[] }).items ?? [])) {
      for (const [key, json] of Object.entries(item.data ?? {})) if (key.endsWith('.json')) dashboards.push(JSON.parse(json) as Dashboard);
    }
  }

  function exprsOf(d: Dashboard): { expr: string; vars: { name: string; current?: string; type?: string }[] }[] {
    const vars = (d.templating?.list ?? []).flatMap((v) => {
      if (!v.name) return [];
      const value = v.current?.value;
      const current = Array.isArray(value) ? value[0] : value;
      return [{ name: v.name, type: v.type, current: typeof current === 'string' ? current : undefined }];
    });
    const out: { expr: string; vars: typeof vars }[] = [];
    const visit = (panels: Panel[] | undefined) => {
      for (const p of panels ?? []) {
        for (const t of p.targets ?? []) if (typeof t.expr === 'string' && t.expr.trim()) out.push({ expr: t.expr, vars });
        visit(p.panels);
      }
    };
    visit(d.panels);
    for (const r of d.rows ?? []) visit(r.panels);
    return out;
  }

  it('finds no error once template variables are substituted', () => {
    const all = dashboards.flatMap(exprsOf);
    expect(dashboards.length).toBeGreaterThan(20);
    expect(all.length).toBeGreaterThan(300);
    const failures = all.flatMap(({ expr, vars }) => {
      const s = substituteGrafanaVariables(expr, vars);
      const errors = analyseQuery(s.text).errors;
      return errors.length ? [`${expr}\n  => ${s.text}\n  ${errors.map((e) => e.message).join('; ')}`] : [];
    });
    expect(failures).toEqual([]);
  });
});

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('robustness on damaged real queries'), () => {
  it('never throws, keeps offsets in range, and reports every grammar error', () => {
    const exprs = rulesFrom(filesUnder(join(corpus, 'awesome-prometheus-alerts/dist/rules'), /\.ya?ml$/)).map((r) => r.expr);
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const chars = '(){}[],:=!~"\'`+-*/^%<>@ 0123456789abxyz_.#\n';
    let withErrors = 0;
    for (let i = 0; i < 1500; i++) {
      let q = exprs[rnd(exprs.length)]!;
      const p = rnd(q.length + 1);
      const kind = rnd(3);
      if (kind === 0) q = q.slice(0, p) + q.slice(p + 1);
      else if (kind === 1) q = q.slice(0, p) + chars[rnd(chars.length)] + q.slice(p);
      else q = q.slice(0, p);
      let grammarError = false;
      parser.parse(q).iterate({
        enter(n) {
          if (n.type.isError) grammarError = true;
        },
      });
      const { errors } = analyseQuery(q);
      // (Prometheus reads `5.` as a number; the lezer grammar does not, and the analyser follows Prometheus.)
      if (grammarError && !/\d\.(?!\d)/.test(q)) expect(errors.length, q).toBeGreaterThan(0);
      if (errors.length) withErrors++;
      for (const e of errors) {
        expect(e.message, q).not.toMatch(/internal error/);
        expect(e.from, q).toBeGreaterThanOrEqual(0);
        expect(e.to, q).toBeGreaterThanOrEqual(e.from);
        expect(e.to, q).toBeLessThanOrEqual(q.length);
      }
    }
    expect(withErrors).toBeGreaterThan(300);
  });
});
