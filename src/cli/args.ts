// The CLI's arguments, parsed and validated into the same RunOptions the action builds from its
// inputs, plus what only a terminal needs (report format, output file). A bad flag is a UsageError.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { closestName } from '../config/did-you-mean.js';
import { liveSecrets } from '../live/settings.js';
import { checkRoot, parseSharedSettings, UsageError, type RunOptions } from '../options.js';
import { registerSecret } from '../secrets/scrubber.js';
import { CANONICAL_DOCS_BASE_URL, parseDocsBaseUrl } from '../report/docs-url.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions extends RunOptions {
  format: Format;
  /** Where the report goes; undefined or `-`: stdout. */
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
  version: { type: 'boolean', short: 'V' },
} as const;

const COMMANDS = ['check', 'baseline', 'help', 'version'];

export const DEFAULT_CACHE_DIR = '.slo-gate-cache';

export async function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv, workerScript?: URL): Promise<CliCommand> {
  // `--cache` takes its directory only as `--cache=DIR`: `--cache DIR` would be ambiguous with the checked DIR.
  const args = argv.map((arg) => (arg === '--cache' ? `--cache=${DEFAULT_CACHE_DIR}` : arg));
  checkFlags(args);
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: FLAGS });
  } catch (error) {
    // checkFlags words every problem the parser knows; this is only a net under it.
    throw new UsageError((error as Error).message.split(/\.\s|\n/)[0]);
  }
  const { values, positionals } = parsed;
  const [command, dir = '.', ...extra] = positionals;
  if (values.help || command === 'help') return { command: 'help' };
  if (values.version || command === 'version') return { command: 'version' };

  if (command !== 'check' && command !== 'baseline') throw new UsageError(command ? `unknown command "${command}"${suggestion(command, COMMANDS, '')}` : 'missing command (slo-gate check [DIR])');
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

/**
 * Every flag is known and has a value exactly when it takes one — checked here, before Node's
 * parser, so a mistake is told in one line of ours ("did you mean"), never in the parser's words.
 */
function checkFlags(args: string[]): void {
  const shorts = new Map<string, string>(Object.entries(FLAGS).flatMap(([name, flag]) => ('short' in flag ? [[flag.short, name]] : [])));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    if (!arg.startsWith('--')) {
      for (const letter of arg.slice(1)) if (!shorts.has(letter)) throw new UsageError(`unknown option -${letter}`);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const flag = (FLAGS as Record<string, { type: string }>)[name];
    if (!flag) throw new UsageError(`unknown option --${name}${suggestion(name, Object.keys(FLAGS), '--')}`);
    if (flag.type === 'boolean' && equals >= 0) throw new UsageError(`--${name} takes no value`);
    if (flag.type === 'string' && equals < 0) {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`--${name} needs a value`);
      if (next.startsWith('-') && next !== '-') throw new UsageError(`--${name} needs a value (for one that starts with "-", write --${name}=${next})`);
      i++;
    }
  }
}

function suggestion(name: string, known: Iterable<string>, prefix: string): string {
  const near = closestName(name, known);
  return near ? ` — did you mean ${prefix}${near}?` : '';
}
