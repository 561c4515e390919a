import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const flat = (fast: string, slow: string) => `service: search
availability:
  target: 99.9
  windows:
    - name: fast
      lookback: 1h
      burn_rate: ${fast}
    - name: slow
      lookback: 6h
      burn_rate: ${slow}
`;

describe('policy/burn-rate', () => {
  it('reports a shorter window whose factor is not above the longer one', async () => {
    const findings = await findingsOf('policy/burn-rate', { 'p.yaml': flat('6', '14.4') });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      "p.yaml:5:7 the 1h window's burn rate 6 is not higher than the 6h window's 14.4: the shorter window must alert on a faster burn",
    ]);
  });

  it('reports a non-positive factor', async () => {
    const findings = await findingsOf('policy/burn-rate', { 'p.yaml': flat('14.4', '0') });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['p.yaml:8:7 burn-rate factor 0 for the 6h window must be positive']);
  });

  it('accepts 14.4 over 1h and 6 over 6h', async () => {
    expect(await findingsOf('policy/burn-rate', { 'p.yaml': flat('14.4', '6') })).toEqual([]);
  });
});
