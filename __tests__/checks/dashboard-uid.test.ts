import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const dashboard = (uid: string | undefined, title: string) =>
  `{\n  "title": "${title}",\n${uid === undefined ? '' : `  "uid": "${uid}",\n`}  "panels": []\n}\n`;

describe('dashboard/uid', () => {
  it('reports a missing uid (warning), a too long or invalid one, and a uid used twice', async () => {
    const findings = await findingsOf('dashboard/uid', {
      'a.json': dashboard('api-overview', 'API'),
      'b.json': dashboard('api-overview', 'API copy'),
      'c.json': dashboard(undefined, 'No uid'),
      'd.json': dashboard('api overview/production-cluster-eu-west-1', 'Bad'),
    });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'b.json:3:10 error dashboard "API copy": uid "api-overview" is also the uid of dashboard "API" (a.json:3); the last one imported overwrites the other',
      'c.json:1:1 warning dashboard "No uid" has no uid: Grafana invents one on import, so links to it break on every import',
      'd.json:3:10 error dashboard "Bad": uid "api overview/production-cluster-eu-west-1" is 41 characters long; Grafana accepts at most 40',
      'd.json:3:10 error dashboard "Bad": uid "api overview/production-cluster-eu-west-1" has characters Grafana rejects; use only letters, digits, - and _',
    ]);
  });

  it('accepts unique, valid uids', async () => {
    expect(await findingsOf('dashboard/uid', { 'a.json': dashboard('api-overview', 'A'), 'b.json': dashboard('api_latency-2', 'B') })).toEqual([]);
  });
});
