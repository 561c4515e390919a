// The `concurrency` flag and input: how many threads read files (1: no worker threads), or 'auto'.

export function parseConcurrency(value: string, fail: (message: string) => Error, name = '--concurrency'): number | 'auto' {
  const text = value.trim().toLowerCase();
  if (text === '') return 1;
  if (text === 'auto') return 'auto';
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw fail(`${name} must be auto or a whole number from 1 to 64, not "${value}"`);
  return threads;
}
