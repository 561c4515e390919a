import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobId } from '../../src/cache/content-hash.js';
import { OutcomeStore } from '../../src/cache/outcome-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-store-'));
  dirs.push(dir);
  return path.join(dir, 'sub', 'outcomes.bin');
}

const identity = { tool: '1.2.3' };
const value = { file: { path: 'a.yaml', kinds: ['rule-file'], bytes: 3, text: 'é ✓ \u0000' }, numbers: [0.5, -3, 1e21], none: null, list: [[], {}] };
const always = () => true;

describe('content hash', () => {
  it('is the blob id git gives the same bytes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-blob-'));
    dirs.push(dir);
    const bytes = Buffer.from('groups:\n  - name: x\n\u00e9\n');
    writeFileSync(path.join(dir, 'f'), bytes);
    expect(blobId(bytes)).toBe(execFileSync('git', ['hash-object', path.join(dir, 'f')], { encoding: 'utf8' }).trim());
  });
});

describe('outcome store', () => {
  it('gives back what was put, through a file, as a fresh copy each time', () => {
    const file = tempFile();
    const store = new OutcomeStore(identity);
    store.put('a.yaml', 'h1', 'meta-a', value);
    store.save(file);
    const loaded = OutcomeStore.load<typeof value>(file, identity);
    expect(loaded.notice).toBeUndefined();
    const first = loaded.store.get('a.yaml', 'h1', always)!;
    expect(first).toStrictEqual(value);
    first.file.bytes = 99;
    expect(loaded.store.get('a.yaml', 'h1', always)!.file.bytes).toBe(3);
    expect(loaded.store.stats).toEqual({ hits: 2, misses: 0 });
  });

  it('does not store a value JSON would give back changed: its file is read again next time', () => {
    const store = new OutcomeStore(identity);
    const changedByJson = [{ n: NaN }, { n: Infinity }, { n: -0 }, { list: [1, undefined] }, { map: new Map([[1, 2]]) }, { set: new Set() }, { big: 1n }, { when: new Date(0) }, { f: () => 1 }];
    changedByJson.forEach((inexact, index) => store.put(`f${index}`, 'h', '', inexact));
    // An undefined property is left out: no reader of an outcome tells it from absent.
    store.put('absent', 'h', '', { kept: 1, missing: undefined });
    expect(changedByJson.map((_, index) => store.has(`f${index}`, 'h'))).toEqual(changedByJson.map(() => false));
    expect(store.get('absent', 'h', always)).toStrictEqual({ kept: 1 });
    expect(store.size).toBe(1);
  });

  it('misses on another path, another hash, or settings the caller does not accept', () => {
    const store = new OutcomeStore(identity);
    store.put('a.yaml', 'h1', 'digest-1', value);
    expect(store.get('b.yaml', 'h1', always)).toBeUndefined();
    expect(store.get('a.yaml', 'h2', always)).toBeUndefined();
    expect(store.get('a.yaml', 'h1', (meta) => meta === 'digest-2')).toBeUndefined();
    expect(store.get('a.yaml', 'h1', (meta) => meta === 'digest-1')).toBeDefined();
    expect(store.stats).toEqual({ hits: 1, misses: 3 });
  });

  it('stores a later change to the value only when put again', () => {
    const store = new OutcomeStore<{ n: number }>(identity);
    const mutable = { n: 1 };
    store.put('a', 'h', '', mutable);
    mutable.n = 2;
    expect(store.get('a', 'h', always)).toEqual({ n: 1 });
  });

  it('writes only the entries this run used or made', () => {
    const file = tempFile();
    const first = new OutcomeStore(identity);
    first.put('kept.yaml', 'h1', '', { n: 1 });
    first.put('gone.yaml', 'h2', '', { n: 2 });
    first.save(file);
    const second = OutcomeStore.load(file, identity).store;
    expect(second.size).toBe(2);
    second.get('kept.yaml', 'h1', always);
    second.put('new.yaml', 'h3', '', { n: 3 });
    second.save(file);
    const third = OutcomeStore.load(file, identity).store;
    expect([third.has('kept.yaml', 'h1'), third.has('gone.yaml', 'h2'), third.has('new.yaml', 'h3')]).toEqual([true, false, true]);
  });

  it('does not rewrite a file that holds exactly the entries used', () => {
    const file = tempFile();
    const first = new OutcomeStore(identity);
    first.put('a.yaml', 'h1', '', { n: 1 });
    first.put('b.yaml', 'h2', '', { n: 2 });
    first.save(file);
    const marker = Buffer.concat([readFileSync(file), Buffer.from('')]);
    writeFileSync(file, marker);
    const stamp = statSync(file).mtimeMs;
    const second = OutcomeStore.load(file, identity).store;
    second.get('a.yaml', 'h1', always);
    second.get('b.yaml', 'h2', always);
    expect(second.dirty).toBe(false);
    second.save(file);
    expect(statSync(file).mtimeMs).toBe(stamp);
    // One entry not used this run: the file is rewritten without it.
    const third = OutcomeStore.load(file, identity).store;
    third.get('a.yaml', 'h1', always);
    expect(third.dirty).toBe(true);
    third.save(file);
    expect(OutcomeStore.load(file, identity).store.size).toBe(1);
    expect(readFileSync(file).equals(third.encode())).toBe(true);
  });

  it('has no entries and no notice when there is no file', () => {
    const loaded = OutcomeStore.load(tempFile(), identity);
    expect(loaded.notice).toBeUndefined();
    expect(loaded.store.size).toBe(0);
  });

  describe('a file it cannot trust is not used at all, with one notice', () => {
    const saved = () => {
      const file = tempFile();
      const store = new OutcomeStore(identity);
      for (let i = 0; i < 20; i++) store.put(`f${i}.yaml`, `h${i}`, `meta ${i}`, { i, text: 'x'.repeat(i * 10) });
      store.save(file);
      return file;
    };

    it('flipped bytes anywhere after the header', () => {
      const file = saved();
      const original = readFileSync(file);
      const headerEnd = original.indexOf(10, original.indexOf(10) + 1) + 1;
      // Every position in the entries, stepping so the test stays quick.
      for (let at = headerEnd; at < original.length; at += 7) {
        const damaged = Buffer.from(original);
        damaged[at] ^= 0x5a;
        writeFileSync(file, damaged);
        const loaded = OutcomeStore.load(file, identity);
        expect(loaded.notice, `byte ${at}`).toMatch(/^cache file .* not used: .*; checked every file afresh$/);
        expect(loaded.store.size).toBe(0);
      }
    });

    it('truncated', () => {
      const file = saved();
      const original = readFileSync(file);
      for (const length of [original.length - 1, original.length - 5, Math.floor(original.length / 2), 30]) {
        writeFileSync(file, original.subarray(0, length));
        const loaded = OutcomeStore.load(file, identity);
        expect(loaded.notice).toMatch(/truncated|damaged|checksum/);
        expect(loaded.store.size).toBe(0);
      }
    });

    it('another tool version, another format, or not a cache file', () => {
      const file = saved();
      expect(OutcomeStore.load(file, { tool: '1.2.4' }).notice).toMatch(/written by slo-gate 1\.2\.3, this is 1\.2\.4/);
      const text = readFileSync(file);
      writeFileSync(file, Buffer.from(text.toString('latin1').replace('"format":2', '"format":9'), 'latin1'));
      expect(OutcomeStore.load(file, identity).notice).toMatch(/format 9/);
      writeFileSync(file, 'groups: []\n');
      expect(OutcomeStore.load(file, identity).notice).toMatch(/not a slo-gate cache file/);
    });
  });
});
