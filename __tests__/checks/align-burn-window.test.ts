import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';
import { alignedAlerts, burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';

describe('align/burn-window', () => {
  it('reports a long window that differs from the one the SLO uses for that factor', async () => {
    const rules = ruleFile(burnAlert({ name: 'ApiFastBurn', long: '2h', short: '5m', factor: 14.4 }), alignedAlerts[1]);
    const findings = await findingsOf('align/burn-window', { 'slo.yml': slothSpec(), 'rules.yml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yml:6:11 alert "ApiFastBurn" burns at 14.4× over 2h/5m, but SLO "availability"\'s 14.4× window is 1h/5m',
    ]);
  });

  it('reports a short window that differs, and a window that is none of the SLO\'s', async () => {
    const rules = ruleFile(burnAlert({ name: 'ApiFastBurn', long: '1h', short: '10m', factor: 14.4 }), burnAlert({ name: 'ApiOddBurn', long: '3h', short: '15m', factor: 9 }));
    const findings = await findingsOf('align/burn-window', { 'slo.yml': slothSpec(), 'rules.yml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yml:6:11 alert "ApiFastBurn" confirms its 1h window with 10m, but SLO "availability" uses 5m',
      'rules.yml:14:11 alert "ApiOddBurn" burns over 3h/15m, which is none of SLO "availability"\'s windows (1h/5m (14.4×), 6h/30m (6×))',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('accepts alerts on the SLO\'s windows', async () => {
    expect(await findingsOf('align/burn-window', { 'slo.yml': slothSpec(), 'rules.yml': ruleFile(...alignedAlerts) })).toEqual([]);
  });
});
