import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';
import { alignedAlerts, burnAlert, ruleFile } from '../helpers/slo-fixtures.js';

describe('align/single-window', () => {
  it('reports a burn-rate alert without a short window, linked to an SLO or not', async () => {
    const rules = ruleFile(burnAlert({ name: 'ApiFastBurn', long: '1h', factor: 14.4, labels: {} }));
    const findings = await findingsOf('align/single-window', { 'rules.yml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yml:6:11 warning alert "ApiFastBurn" burns at 14.4× over 1h alone; add a short window of about 1/12 of it (5m) with the same threshold, so it stops soon after the burn does',
    ]);
  });

  it('accepts multiwindow alerts', async () => {
    expect(await findingsOf('align/single-window', { 'rules.yml': ruleFile(...alignedAlerts) })).toEqual([]);
  });
});
