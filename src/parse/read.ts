// Read a file as text, refusing what is not text before any parser sees it.

import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ParseProblem } from './document.js';

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadOutcome = { ok: true; text: string; bytes: number } | { ok: false; bytes: number; problem: ParseProblem; tooLarge?: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// Synchronous on purpose: rule files and dashboards are small, and four thread-pool round trips
// per file (open, stat, read, close) made reading a large repository wait more than it parsed.
// Throws what the file system throws (ENOENT, EACCES); the caller turns that into a finding.
export function readTextFile(absolutePath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  const read = readFileBytes(absolutePath, maxBytes);
  return 'buffer' in read ? decodeText(read.buffer) : read;
}

/**
 * A file's bytes, or the problem when it is over `maxBytes` or not a regular file (then not read).
 * Opened without blocking and read only when regular: a FIFO or a device where a file is expected
 * (/dev/zero, a named pipe) is refused instead of read forever or waited on. Throws what the file
 * system throws.
 */
export function readFileBytes(absolutePath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): { buffer: Buffer } | (ReadOutcome & { ok: false }) {
  const fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, bytes: 0, problem: { line: 1, message: `${kindOf(stats)}, not a regular file; not read` } };
    const { size } = stats;
    if (size > maxBytes) {
      return {
        ok: false,
        bytes: size,
        tooLarge: true,
        problem: { line: 1, message: `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; not read` },
      };
    }
    return { buffer: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

export function decodeText(buffer: Uint8Array): ReadOutcome {
  const bytes = buffer.byteLength;
  const nul = buffer.indexOf(0);
  if (nul >= 0) {
    return { ok: false, bytes, problem: { ...positionOfByte(buffer, nul), message: 'binary data (NUL byte); not a text file' } };
  }
  try {
    return { ok: true, text: decoder.decode(buffer), bytes };
  } catch {
    const bad = firstInvalidUtf8(buffer);
    return { ok: false, bytes, problem: { ...positionOfByte(buffer, bad), message: 'invalid UTF-8 byte sequence' } };
  }
}

function positionOfByte(buffer: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buffer[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(buffer: Uint8Array): number {
  let i = 0;
  while (i < buffer.length) {
    const byte = buffer[i];
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= buffer.length || buffer[i + k] >> 6 !== 0b10) return i;
    }
    try {
      decoder.decode(buffer.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return Math.max(0, buffer.length - 1);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}

export type RepositoryRead = { ok: true; text: string } | { ok: false; missing: boolean; message: string; line: number; column?: number };

/**
 * A file the checked repository supplies for slo-gate itself (its config, its baseline), read like
 * any checked file: a symlink from inside `root` to outside it is not followed, only a regular file
 * is read (a FIFO or a device is refused without blocking), within the size limit, as UTF-8 text.
 * A path the user named outside the root is theirs to name.
 */
export async function readRepositoryFile(file: string, root: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<RepositoryRead> {
  const failed = (message: string, line = 1, column?: number, missing = false): RepositoryRead => ({ ok: false, missing, message, line, ...(column ? { column } : {}) });
  let real: string;
  let rootReal: string;
  try {
    [real, rootReal] = await Promise.all([realpath(file), realpath(root)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failed(code ?? (error as Error).message, 1, undefined, code === 'ENOENT');
  }
  const inside = (candidate: string, dir: string) => {
    const relative = path.relative(dir, candidate);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  if (inside(path.resolve(file), path.resolve(root)) && !inside(real, rootReal)) return failed('it is a symlink to a file outside the checked directory; not followed');
  let read;
  try {
    read = readTextFile(real, maxBytes);
  } catch (error) {
    return failed((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  return read.ok ? { ok: true, text: read.text } : failed(read.problem.message, read.problem.line, read.problem.column);
}
