// A content-addressed store of per-file outcomes: what reading, normalising and checking one file
// produced, keyed by the file's path and the hash of its bytes. The engine asks it before
// reading a file; a hit skips the file's parse and checks, never the model-wide phases.
//
// File format (one file, rewritten whole after each run):
//   line 1: MAGIC
//   line 2: JSON header { format, tool } — a file from another format or tool version is not used
//   then entries: u32 body length, body, u32 CRC-32 of the body; body = u16 key length, key
//   (UTF-8 `path \0 hash`), u32 meta length, meta (UTF-8, the caller's), the value (UTF-8 JSON).
// Values are JSON, not v8.serialize: outcomes are plain data, and JSON.parse reads them in half
// the time v8.deserialize takes (a warm run reads every stored outcome); properties whose value
// is undefined are left out, which no reader of an outcome tells from absent.
// A damaged file (truncated, bytes flipped, another file altogether) is not used at all: the run
// is then as cold as without a cache, and the caller says so in one notice. Never a wrong report.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

export const STORE_FORMAT = 2;
const MAGIC = 'slo-gate outcome cache';

export interface StoreIdentity {
  /** The tool's version: outcomes of another version's code are not reused. */
  tool: string;
}

interface Entry {
  meta: string;
  /** The outcome as UTF-8 JSON. */
  value: Buffer;
  used: boolean;
}

export interface StoreStats {
  /** Outcomes taken from the store. */
  hits: number;
  /** Outcomes computed afresh (not stored, or stored under other settings). */
  misses: number;
}

export interface LoadedStore<T> {
  store: OutcomeStore<T>;
  /** Why the file on disk was not used (damaged, another version); undefined when it was, or there was none. */
  notice?: string;
}

export class OutcomeStore<T> {
  readonly stats: StoreStats = { hits: 0, misses: 0 };
  private readonly entries = new Map<string, Entry>();
  /** An entry was added since the file was read (or there was no file): saving writes something new. */
  private changed = false;

  constructor(readonly identity: StoreIdentity) {}

  /** The store in `file`; an empty one when there is no file, or the file cannot be used (with why). */
  static load<T>(file: string, identity: StoreIdentity): LoadedStore<T> {
    const store = new OutcomeStore<T>(identity);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' ? { store } : { store, notice: `cannot read the cache file ${file} (${code ?? (error as Error).message}); checked every file afresh` };
    }
    const problem = store.decode(bytes);
    if (problem) {
      store.entries.clear();
      return { store, notice: `cache file ${file} not used: ${problem}; checked every file afresh` };
    }
    return { store };
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The stored outcome of `file` with content `hash`, when `accept` agrees the settings it was
   * made under are the current ones (given the meta stored with it). Every call takes a fresh
   * copy: callers may change what they get.
   */
  get(file: string, hash: string, accept: (meta: string) => boolean): T | undefined {
    const entry = this.entries.get(keyOf(file, hash));
    if (!entry || !accept(entry.meta)) {
      this.stats.misses++;
      return undefined;
    }
    let value: T;
    try {
      value = JSON.parse(entry.value.toString('utf8')) as T;
    } catch {
      // Unreachable with a checksummed entry written by this tool version.
      this.entries.delete(keyOf(file, hash));
      this.stats.misses++;
      return undefined;
    }
    entry.used = true;
    this.stats.hits++;
    return value;
  }

  /**
   * Store the outcome of `file` with content `hash`. It is encoded now: later changes to `value`
   * are not stored. A value JSON cannot carry exactly (NaN, Infinity, -0, a Map, a class
   * instance) is not stored at all, so its file is read again next time rather than come back changed.
   */
  put(file: string, hash: string, meta: string, value: T): void {
    const json = exactJson(value);
    if (json === undefined) return;
    this.entries.set(keyOf(file, hash), { meta, value: Buffer.from(json), used: true });
    this.changed = true;
  }

  /** Whether saving would write anything but the file that was read: new entries, or entries no longer used. */
  get dirty(): boolean {
    if (this.changed) return true;
    for (const entry of this.entries.values()) if (!entry.used) return true;
    return false;
  }

  /** Whether an entry is stored, whatever its settings (for tests and the base tree). */
  has(file: string, hash: string): boolean {
    return this.entries.has(keyOf(file, hash));
  }

  /** The file's bytes: the entries this run used or made. Entries of files that changed or went away are dropped. */
  encode(): Buffer {
    const parts: Uint8Array[] = [];
    this.write((part) => parts.push(part));
    return Buffer.concat(parts);
  }

  /**
   * Write the store to `file` (its directory made when missing), replacing it in one rename;
   * nothing when the file already holds exactly these entries (an unchanged tree). Written piece
   * by piece: a large tree's store is a hundred megabytes, and one buffer of it doubled the peak memory.
   */
  save(file: string): void {
    if (!this.dirty && existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      const fd = openSync(temporary, 'w');
      try {
        this.write((part) => writeSync(fd, part));
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  private write(out: (part: Uint8Array) => void): void {
    out(Buffer.from(`${MAGIC}\n${JSON.stringify({ format: STORE_FORMAT, tool: this.identity.tool })}\n`));
    for (const [key, entry] of this.entries) {
      if (!entry.used) continue;
      const keyBytes = Buffer.from(key);
      const metaBytes = Buffer.from(entry.meta);
      const head = Buffer.allocUnsafe(4 + 2 + keyBytes.length + 4 + metaBytes.length);
      let at = head.writeUInt32LE(2 + keyBytes.length + 4 + metaBytes.length + entry.value.length, 0);
      at = head.writeUInt16LE(keyBytes.length, at);
      at += keyBytes.copy(head, at);
      at = head.writeUInt32LE(metaBytes.length, at);
      metaBytes.copy(head, at);
      const check = Buffer.allocUnsafe(4);
      check.writeUInt32LE(crc32(entry.value, crc32(head.subarray(4))), 0);
      out(head);
      out(entry.value);
      out(check);
    }
  }

  /** Fill the store from a file's bytes; the problem when they are not a whole store of this identity. */
  private decode(bytes: Buffer): string | undefined {
    const magicEnd = bytes.indexOf(10);
    if (magicEnd < 0 || bytes.toString('utf8', 0, magicEnd) !== MAGIC) return 'not a slo-gate cache file';
    const headerEnd = bytes.indexOf(10, magicEnd + 1);
    if (headerEnd < 0) return 'the file is truncated';
    let header: { format?: unknown; tool?: unknown };
    try {
      header = JSON.parse(bytes.toString('utf8', magicEnd + 1, headerEnd));
    } catch {
      return 'its header is damaged';
    }
    if (header.format !== STORE_FORMAT) return `it has format ${String(header.format)}, this version reads format ${STORE_FORMAT}`;
    if (header.tool !== this.identity.tool) return `it was written by slo-gate ${String(header.tool)}, this is ${this.identity.tool}`;
    let at = headerEnd + 1;
    while (at < bytes.length) {
      if (at + 4 > bytes.length) return 'the file is truncated';
      const length = bytes.readUInt32LE(at);
      const bodyStart = at + 4;
      const bodyEnd = bodyStart + length;
      if (bodyEnd + 4 > bytes.length) return 'the file is truncated';
      const body = bytes.subarray(bodyStart, bodyEnd);
      if (crc32(body) !== bytes.readUInt32LE(bodyEnd)) return `an entry's checksum does not match (at byte ${at})`;
      if (length < 6) return `an entry is damaged (at byte ${at})`;
      const keyLength = body.readUInt16LE(0);
      if (2 + keyLength + 4 > length) return `an entry is damaged (at byte ${at})`;
      const key = body.toString('utf8', 2, 2 + keyLength);
      const metaLength = body.readUInt32LE(2 + keyLength);
      const valueStart = 2 + keyLength + 4 + metaLength;
      if (valueStart > length) return `an entry is damaged (at byte ${at})`;
      const meta = body.toString('utf8', 2 + keyLength + 4, valueStart);
      this.entries.set(key, { meta, value: body.subarray(valueStart), used: false });
      at = bodyEnd + 4;
    }
    return undefined;
  }
}

/** `value` as JSON, when JSON.parse gives back an equal value; undefined otherwise. */
function exactJson(value: unknown): string | undefined {
  let exact = true;
  let json: string;
  try {
    json = JSON.stringify(value, function check(this: Record<string, unknown>, key, item: unknown) {
      // The holder's own value: `item` is what its toJSON gave (a Date's string).
      if (this[key] !== item) exact = false;
      switch (typeof item) {
        case 'number':
          if (!Number.isFinite(item) || Object.is(item, -0)) exact = false;
          break;
        case 'object':
          if (item !== null && !Array.isArray(item) && Object.getPrototypeOf(item) !== Object.prototype && Object.getPrototypeOf(item) !== null) exact = false;
          break;
        case 'undefined':
          // An undefined property is left out, which readers do not tell from absent; in an array it would become null.
          if (Array.isArray(this)) exact = false;
          break;
        case 'function':
        case 'symbol':
          exact = false;
      }
      return item;
    });
  } catch {
    // A bigint, or a cycle.
    return undefined;
  }
  return exact ? json : undefined;
}

function keyOf(file: string, hash: string): string {
  return `${file}\0${hash}`;
}
