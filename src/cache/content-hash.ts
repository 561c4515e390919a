// A file's content hash is git's blob id of its bytes, so that a base commit's files, whose blob
// ids `git ls-tree` lists, can be matched with the head's files without reading them.

import { createHash } from 'node:crypto';

export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
