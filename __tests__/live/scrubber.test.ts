import { describe, expect, it } from 'vitest';
import { basicCredential, MIN_SECRET_LENGTH, Scrubber } from '../../src/secrets/scrubber.js';

describe('the secret scrubber', () => {
  it('removes a secret and the forms a backend echoes it in', () => {
    const scrubber = new Scrubber(['Bearer tok/en+1=', basicCredential('bot', 'p@ss word')]);
    const basic = Buffer.from('bot:p@ss word').toString('base64');
    const echoed = `auth=Bearer tok/en+1= token=tok/en+1= url=tok%2Fen%2B1%3D basic=${basic} decoded=bot:p@ss word pw=p@ss word`;
    expect(scrubber.scrub(echoed)).toBe('auth=*** token=*** url=*** basic=*** decoded=*** pw=***');
  });

  it('leaves values too short to be secrets, so a report is not garbled', () => {
    const scrubber = new Scrubber(['eu1']);
    expect('eu1'.length).toBeLessThan(MIN_SECRET_LENGTH);
    expect(scrubber.empty).toBe(true);
    expect(scrubber.scrub('region eu1')).toBe('region eu1');
  });

  it('scrubs every string of a value, keys too, and returns the value itself when there is nothing to scrub', () => {
    const report = { findings: [{ message: 'echo s3cr3t!', line: 3 }], extra: { 's3cr3t!': true } };
    expect(new Scrubber(['s3cr3t!']).scrubDeep(report)).toEqual({ findings: [{ message: 'echo ***', line: 3 }], extra: { '***': true } });
    expect(new Scrubber().scrubDeep(report)).toBe(report);
    // Nothing to scrub in it: the same object back, not a copy.
    expect(new Scrubber(['elsewhere']).scrubDeep(report)).toBe(report);
    const scrubbed = new Scrubber(['s3cr3t!']).scrubDeep(report);
    expect(report.findings[0].message).toBe('echo s3cr3t!');
    expect(scrubbed.findings).not.toBe(report.findings);
  });

  it('treats regular-expression characters in a secret literally', () => {
    expect(new Scrubber(['a.b*c']).scrub('axbbc a.b*c')).toBe('axbbc ***');
  });
});
