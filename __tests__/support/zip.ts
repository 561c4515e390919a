/**
 * A small, strict reader for zip archives (what @actions/artifact uploads):
 * parses the End Of Central Directory record (with ZIP64 support), walks the
 * central directory, and inflates each entry (stored or deflate). CRC-32 is
 * verified, so a truncated or corrupted upload fails loudly.
 */
import * as zlib from 'node:zlib';

const inflateRawSync = zlib.inflateRawSync;
const zlibCrc32 = (zlib as { crc32?: (d: Buffer) => number }).crc32;

export interface ZipEntry {
  /** Path inside the archive, `/`-separated; directories end with `/`. */
  name: string;
  isDirectory: boolean;
  /** Uncompressed content (empty for directories). */
  data: Buffer;
  compressedSize: number;
  size: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc32: number;
  /** Unix mode bits if the archive recorded them (external attrs >> 16). */
  unixMode?: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export function readZip(buf: Buffer): ZipEntry[] {
  // EOCD is within the last 22 + 65535 bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`not a zip archive (no end-of-central-directory record; ${buf.length} bytes)`);
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new Error('ZIP64 locator missing');
    const e64 = Number(buf.readBigUInt64LE(loc + 8));
    if (buf.readUInt32LE(e64) !== EOCD64) throw new Error('ZIP64 end-of-central-directory missing');
    count = Number(buf.readBigUInt64LE(e64 + 32));
    cdSize = Number(buf.readBigUInt64LE(e64 + 40));
    cdOffset = Number(buf.readBigUInt64LE(e64 + 48));
  }
  if (cdOffset + cdSize > buf.length) throw new Error('central directory out of bounds (truncated archive?)');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CEN) throw new Error(`bad central directory entry #${n} at ${p}`);
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let csize = buf.readUInt32LE(p + 20);
    let usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const extAttr = buf.readUInt32LE(p + 38);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    // ZIP64 extra field (0x0001): only the fields that are 0xffffffff are present, in order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (usize === 0xffffffff) (usize = Number(buf.readBigUInt64LE(q))), (q += 8);
        if (csize === 0xffffffff) (csize = Number(buf.readBigUInt64LE(q))), (q += 8);
        if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    p = xEnd + commentLen;

    if (buf.readUInt32LE(localOffset) !== LOC) throw new Error(`bad local header for ${name}`);
    const lNameLen = buf.readUInt16LE(localOffset + 26);
    const lExtraLen = buf.readUInt16LE(localOffset + 28);
    const dataStart = localOffset + 30 + lNameLen + lExtraLen;
    const raw = buf.subarray(dataStart, dataStart + csize);
    const isDirectory = name.endsWith('/');
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = csize === 0 ? Buffer.alloc(0) : inflateRawSync(raw);
    else throw new Error(`unsupported compression method ${method} for ${name}`);
    if (data.length !== usize) throw new Error(`size mismatch for ${name}: ${data.length} != ${usize}`);
    const actualCrc = crc32(data);
    if (actualCrc !== crc) throw new Error(`CRC mismatch for ${name}`);
    const unixMode = madeBy >> 8 === 3 ? extAttr >>> 16 : undefined;
    entries.push({ name, isDirectory, data, compressedSize: csize, size: usize, method, crc32: crc, unixMode });
  }
  return entries;
}

/** Map of file path -> utf8 content (directories omitted). */
export function zipToText(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readZip(buf)) if (!e.isDirectory) out[e.name] = e.data.toString('utf8');
  return out;
}

let table: Uint32Array | undefined;
/** CRC-32 (IEEE). Uses zlib.crc32 when available (Node >= 20.15 / 22.2). */
export function crc32(data: Buffer): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
