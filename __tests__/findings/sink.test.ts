import { describe, expect, it } from 'vitest';
import type { CheckMeta, ModelCheck } from '../../src/checks/check.js';
import { mergeConfig } from '../../src/config/config.js';
import { fingerprint } from '../../src/findings/fingerprint.js';
import { enabledChecks, FindingsSink, type FindingStep } from '../../src/findings/sink.js';
import { check as runChecks } from '../helpers/workspace.js';

// Checks made for these tests: the sink treats every kind alike, so one model check and one live
// check stand for all of them.
const meta = (id: string, kind: CheckMeta['kind'] = 'model'): CheckMeta => ({ id, severity: 'warning', kind, description: 'test', docs: `docs/checks/${id}.md` });
const reportsTwo: ModelCheck = {
  meta: { ...meta('test/two'), kind: 'model' },
  run(_linked, context) {
    context.report({ file: 'a.yml', line: 3, message: 'first at line 3' });
    context.report({ file: 'a.yml', line: 9, severity: 'notice', message: 'second' });
  },
};

function collect(config = mergeConfig(), steps: FindingStep[] = [], metas: CheckMeta[] = [reportsTwo.meta]) {
  return new FindingsSink(config, metas.map((m) => ({ meta: m }) as ModelCheck), steps);
}

describe('the findings sink', () => {
  it('names the check, keeps a finding’s own severity, and fingerprints every finding', () => {
    const sink = collect();
    reportsTwo.run(undefined as never, sink.contextFor(reportsTwo.meta));
    const findings = sink.finish();
    expect(findings.map((f) => `${f.check} ${f.severity} ${f.message}`)).toEqual(['test/two warning first at line 3', 'test/two notice second']);
    expect(findings[0].fingerprint).toBe(fingerprint({ ...findings[0], fingerprint: undefined }));
  });

  it('applies the config: a severity override wins over the check’s and the finding’s, off keeps the check from running', () => {
    const config = mergeConfig({ checks: { 'test/two': 'error', 'test/off': 'off' } });
    const sink = collect(config);
    reportsTwo.run(undefined as never, sink.contextFor(reportsTwo.meta));
    expect(sink.finish().map((f) => f.severity)).toEqual(['error', 'error']);
    expect(enabledChecks([reportsTwo, { ...reportsTwo, meta: { ...reportsTwo.meta, id: 'test/off' } }], config).map((c) => c.meta.id)).toEqual(['test/two']);
  });

  it('turns a throwing check into one finding naming it, keeps what it reported before, and goes on', () => {
    const sink = collect();
    const context = sink.contextFor(reportsTwo.meta);
    sink.run(reportsTwo.meta, context, 'rules.yml', () => {
      context.report({ file: 'rules.yml', message: 'before the fault' });
      throw new Error('cannot read properties of undefined\n    at somewhere (stack)');
    });
    sink.run(reportsTwo.meta, context, '', () => context.report({ file: 'b.yml', message: 'the next check still runs' }));
    expect(sink.finish().map((f) => `${f.file} ${f.message}`)).toEqual([
      'rules.yml before the fault',
      'rules.yml internal error in check test/two: cannot read properties of undefined (please report this)',
      'b.yml the next check still runs',
    ]);
  });

  it('gives a live finding an identity without its message: its figures change every run', () => {
    const live = meta('live/test', 'live');
    const findings = ['burning at 14.4×', 'burning at 20×'].map((message) => {
      const sink = collect(mergeConfig(), [], [live]);
      sink.contextFor(live).report({ file: 'slo.yml', subject: 'checkout', message });
      return sink.finish()[0];
    });
    expect(findings[0].fingerprint).toBe(findings[1].fingerprint);
    const staticSink = collect();
    staticSink.contextFor(reportsTwo.meta).report({ file: 'slo.yml', subject: 'checkout', message: 'burning at 14.4×' });
    expect(staticSink.finish()[0].fingerprint).not.toBe(findings[0].fingerprint);
  });

  it('passes each finding through the steps in order, with its check’s metadata; a step may drop it', () => {
    const seen: string[] = [];
    const steps: FindingStep[] = [
      (finding, m) => (seen.push(`${m?.id} ${finding.message}`), finding.line === 9 ? undefined : finding),
      (finding) => ({ ...finding, status: 'new' }),
    ];
    const sink = collect(mergeConfig(), steps);
    reportsTwo.run(undefined as never, sink.contextFor(reportsTwo.meta));
    expect(sink.finish().map((f) => `${f.message} ${f.status}`)).toEqual(['first at line 3 new']);
    expect(seen).toEqual(['test/two first at line 3', 'test/two second']);
  });

  it('hands findings on from another stage unchanged until they are finished (the file stage on worker threads)', () => {
    const fileStage = collect();
    fileStage.contextFor(reportsTwo.meta).report({ file: 'a.yml', message: 'from a worker' });
    const taken = fileStage.take();
    expect(taken[0].fingerprint).toBeUndefined();
    const engine = collect();
    engine.accept(taken);
    expect(engine.finish().map((f) => [f.check, f.message, typeof f.fingerprint])).toEqual([['test/two', 'from a worker', 'string']]);
  });

  it('is what the engine runs every check through: a real run gets fingerprints and the override', async () => {
    const result = await runChecks({ 'bad.yml': 'groups: [\n' }, { checks: { 'file/parse': 'warning' } });
    const parse = result.findings.filter((f) => f.check === 'file/parse');
    expect(parse.length).toBeGreaterThan(0);
    for (const finding of parse) {
      expect(finding.severity).toBe('warning');
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});
