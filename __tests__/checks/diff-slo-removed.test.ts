import { describe, expect, it } from 'vitest';
import { described, diffFindingsOf } from '../helpers/diff.js';

const slo = (name: string, target: string) => `  - name: ${name}
    target: ${target}
    window: 30d
    indicator:
      type: availability
`;
const policy = (...slos: string[]) => `apiVersion: slo/v1\nkind: SLOPolicy\nslos:\n${slos.join('')}`;

describe('diff/slo-removed', () => {
  it('reports an SLO deleted from a file where it used to be', async () => {
    const findings = await diffFindingsOf(
      'diff/slo-removed',
      { 'slo.yaml': policy(slo('api', '0.999'), slo('checkout', '0.9995'), slo('search', '0.99')) },
      { 'slo.yaml': policy(slo('api', '0.999'), slo('search', '0.99')) },
    );
    expect(findings.map(described)).toEqual(['slo.yaml:9 SLO "checkout" (target 99.95 %) was removed']);
    expect(findings[0].severity).toBe('error');
  });

  it('reports the SLOs of a deleted file at the file', async () => {
    const findings = await diffFindingsOf('diff/slo-removed', { 'a.yaml': policy(slo('api', '0.999')), 'b.yaml': policy(slo('web', '0.99')) }, { 'b.yaml': policy(slo('web', '0.99')) });
    expect(findings.map(described)).toEqual(['a.yaml SLO "api" (target 99.9 %) was removed']);
  });

  it('accepts SLOs reordered or moved to another file', async () => {
    const base = { 'slo.yaml': policy(slo('api', '0.999'), slo('web', '0.99')) };
    expect(await diffFindingsOf('diff/slo-removed', base, { 'slo.yaml': policy(slo('web', '0.99'), slo('api', '0.999')) })).toEqual([]);
    expect(await diffFindingsOf('diff/slo-removed', base, { 'slo.yaml': policy(slo('web', '0.99')), 'api/slo.yaml': policy(slo('api', '0.999')) })).toEqual([]);
  });
});
