import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const slo = (name: string) => `  - name: ${name}
    target: 0.999
    window: 30d
    indicator: { type: availability }
`;
const policy = (...names: string[]) => `apiVersion: slo/v1\nkind: SLOPolicy\nslos:\n${names.map(slo).join('')}`;

describe('policy/duplicate', () => {
  it('reports the second SLO with a name, across files too', async () => {
    const findings = await findingsOf('policy/duplicate', { 'a.yaml': policy('api', 'web'), 'b.yaml': policy('api') });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['b.yaml:4:5 SLO "api" is already defined at a.yaml:4']);
  });

  it('accepts distinct names', async () => {
    expect(await findingsOf('policy/duplicate', { 'a.yaml': policy('api', 'web') })).toEqual([]);
  });
});
