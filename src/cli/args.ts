// The CLI's arguments, parsed and validated into the same RunOptions the action builds from its
// inputs, plus what only a terminal needs (report format, output file). A bad flag is a UsageError.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { liveSecrets } from '../live/settings.js';
import { checkRoot, parseSharedSettings, UsageError, type RunOptions } from '../options.js';
import { registerSecret } from '../secrets/scrubber.js';
import { CANONICAL_DOCS_BASE_URL, parseDocsBaseUrl } from '../report/docs-url.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions extends RunOptions {
  format: Format;
  /** Where the report goes; undefined: stdout. */
  output?: string;
  /** Print every live request to stderr. */
  debug: boolean;
}

export type CliCommand = { command: 'help' } | { command: 'version' } | { command: 'check'; options: CliOptions } | { command: 'baseline'; options: CliOptions };

const FLAGS = {
  format: { type: 'string', default: 'text' },
  output: { type: 'string' },
  config: { type: 'string' },
  'fail-on': { type: 'string' },
  'min-availability': { type: 'string' },
  base: { type: 'string' },
  'all-findings': { type: 'boolean' },
  'changed-files-only': { type: 'boolean' },
  'prometheus-url': { type: 'string' },
  'prometheus-headers': { type: 'string', multiple: true },
  'prometheus-timeout': { type: 'string' },
  'live-fail-on': { type: 'string' },
  'live-time-budget': { type: 'string' },
  'live-concurrency': { type: 'string' },
  'live-max-response-mb': { type: 'string' },
  debug: { type: 'boolean' },
  concurrency: { type: 'string' },
  cache: { type: 'string' },
  'docs-base-url': { type: 'string' },
  baseline: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export const DEFAULT_CACHE_DIR = '.slo-gate-cache';

export async function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv, workerScript?: URL): Promise<CliCommand> {
  let parsed;
  try {
    // `--cache` takes its directory only as `--cache=DIR`: `--cache DIR` would be ambiguous with the checked DIR.
    const args = argv.map((arg) => (arg === '--cache' ? `--cache=${DEFAULT_CACHE_DIR}` : arg));
    parsed = parseArgs({ args, allowPositionals: true, options: FLAGS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const [command, dir = '.', ...extra] = positionals;
  if (command !== 'check' && command !== 'baseline') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  if (command === 'baseline' && (values.base !== undefined || values.baseline !== undefined || values['prometheus-url'] !== undefined)) {
    throw new UsageError('baseline writes the findings of the files as they are: --base, --baseline and --prometheus-url do not apply');
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  if (values.base === '' || ((values['all-findings'] || values['changed-files-only']) && values.base === undefined)) {
    throw new UsageError('--all-findings and --changed-files-only need --base REF');
  }
  if (values.cache === '') throw new UsageError('--cache= needs a directory (or use --cache alone)');
  const shared = parseSharedSettings(
    {
      'fail-on': values['fail-on'],
      'min-availability': values['min-availability'],
      concurrency: values.concurrency,
      'prometheus-url': values['prometheus-url'],
      'prometheus-headers': [...(values['prometheus-headers'] ?? []), env.SLO_GATE_PROMETHEUS_HEADERS ?? ''].join('\n'),
      'prometheus-timeout': values['prometheus-timeout'],
      'live-fail-on': values['live-fail-on'],
      'live-time-budget': values['live-time-budget'],
      'live-concurrency': values['live-concurrency'],
      'live-max-response-mb': values['live-max-response-mb'],
    },
    '--',
  );
  // Registered before anything runs: the report is scrubbed of them, whatever the backend echoes.
  for (const secret of shared.live ? liveSecrets(shared.live) : []) registerSecret(secret);
  const root = await checkRoot(path.resolve(dir), { label: dir, allowFile: true });
  return {
    command,
    options: {
      root,
      configFile: values.config,
      overrides: shared.overrides,
      failOn: shared.failOn,
      diff: values.base === undefined ? undefined : { base: values.base, newFindingsOnly: !values['all-findings'], changedFilesOnly: values['changed-files-only'] ?? false },
      live: shared.live,
      engine: { concurrency: shared.concurrency, workerScript },
      cacheDir: values.cache,
      docsBaseUrl: values['docs-base-url'] === undefined ? CANONICAL_DOCS_BASE_URL : parseDocsBaseUrl(values['docs-base-url'], (message) => new UsageError(`--${message}`)),
      // Writing a baseline must not read the one it replaces.
      baseline: command === 'baseline' ? false : values.baseline,
      format,
      output: values.output,
      debug: values.debug ?? false,
    },
  };
}
