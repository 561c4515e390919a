// Where a line of the base file is in the head file, so a finding about something deleted can
// point at the place it was deleted from. A longest-common-subsequence alignment of the lines,
// after the unchanged start and end are taken off (a pull request usually touches a few lines).

/** Larger middles than this (lines × lines) are mapped proportionally instead of aligned. */
const MAX_CELLS = 4_000_000;

export type LineMap = (baseLine: number) => number;

export function lineMap(baseText: string, headText: string): LineMap {
  const base = baseText.split(/\r?\n/);
  const head = headText.split(/\r?\n/);
  let prefix = 0;
  while (prefix < base.length && prefix < head.length && base[prefix] === head[prefix]) prefix++;
  let suffix = 0;
  while (suffix < base.length - prefix && suffix < head.length - prefix && base[base.length - 1 - suffix] === head[head.length - 1 - suffix]) suffix++;

  // matched[i] = head index (0-based) of base line i when it survived, -1 when it was deleted.
  const matched = new Int32Array(base.length).fill(-1);
  for (let i = 0; i < prefix; i++) matched[i] = i;
  for (let i = 0; i < suffix; i++) matched[base.length - 1 - i] = head.length - 1 - i;
  const a = base.slice(prefix, base.length - suffix);
  const b = head.slice(prefix, head.length - suffix);
  if (a.length > 0 && b.length > 0 && (a.length + 1) * (b.length + 1) <= MAX_CELLS) {
    const width = b.length + 1;
    const lcs = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
      }
    }
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] === b[j]) matched[prefix + i++] = prefix + j++;
      else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) i++;
      else j++;
    }
  } else if (a.length > 0 && b.length > 0) {
    for (let i = 0; i < a.length; i++) matched[prefix + i] = prefix + Math.floor((i * b.length) / a.length);
  }

  return (baseLine) => {
    const index = Math.min(Math.max(baseLine - 1, 0), base.length - 1);
    if (matched[index] >= 0) return matched[index] + 1;
    // Deleted: the head line just after the last surviving line above it.
    let above = index - 1;
    while (above >= 0 && matched[above] < 0) above--;
    const line = (above >= 0 ? matched[above] + 1 : 0) + 1;
    return Math.min(Math.max(line, 1), head.length);
  };
}
