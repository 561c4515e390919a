// Which folders of src/ may import which. The data flows one way (docs/architecture.md); an
// import against that flow is how a layer starts to know what it should not: an adapter that
// knows a check, a check that knows GitHub, a renderer that knows a check.

import path from 'node:path';
import ts from 'typescript';

export interface SourceText {
  /** Repository-relative, `/` separators: `src/formats/sloth.ts`. */
  path: string;
  text: string;
}

interface Rule {
  /** Folders (or files) under src/ whose files the rule is about. */
  from: string[];
  /** What those files never import: folders or files under src/, or package names ending in `*`. */
  never: string[];
  why: string;
}

export const SRC_FOLDERS = ['action', 'cli', 'cache', 'checks', 'config', 'diff', 'discover', 'engine', 'findings', 'formats', 'lang', 'link', 'live', 'model', 'parse', 'recognise', 'render', 'report', 'run.ts', 'options.ts', 'startup.ts', 'secrets'];

function everythingBut(allowed: string[]): string[] {
  return SRC_FOLDERS.filter((folder) => !allowed.includes(folder));
}

/** Files a rule's `never` list would catch that the flow still allows. */
const EXCEPTIONS: Record<string, string[]> = {
  lang: ['src/model/units.ts'],
};

const INPUT_LAYERS = ['parse', 'discover', 'recognise', 'formats'];
const SHELLS = ['action', 'cli'];

export const RULES: Rule[] = [
  { from: ['lang'], never: everythingBut(['lang']), why: 'language code (PromQL, LogQL, Go templates) knows nothing of the product; durations come from model/units' },
  { from: ['model'], never: everythingBut(['model', 'lang']), why: 'the model is data; it derives nothing' },
  { from: INPUT_LAYERS, never: ['link', 'checks', 'findings', 'engine', 'diff', 'live', 'report', 'render', ...SHELLS], why: 'reading and normalising files knows nothing of what is checked or reported' },
  { from: ['link'], never: ['checks', 'findings', 'engine', 'diff', 'live', 'report', 'render', ...SHELLS], why: 'linking derives facts from the model; checks judge them' },
  { from: ['checks'], never: ['engine', 'report', 'render', ...SHELLS, '@actions/*'], why: 'checks know nothing of GitHub, renderers or how they are run' },
  { from: ['findings'], never: ['checks/index.ts', 'engine', 'diff', 'live', 'report', 'render', ...SHELLS], why: 'the sink applies configuration to findings; it runs no check itself' },
  { from: ['engine', 'diff', 'live'], never: ['report', 'render', ...SHELLS], why: 'the pipeline hands findings to the sink; the report is built once, by run.ts' },
  { from: ['report'], never: ['engine', 'render', ...SHELLS], why: 'the report is built from classified findings and check metadata' },
  { from: ['render'], never: ['checks', 'findings', 'engine', 'link', 'formats', 'diff', 'live/client.ts', ...SHELLS], why: 'renderers see only the report' },
  { from: everythingBut(['action']), never: ['action', '@actions/*'], why: 'only the action knows GitHub Actions' },
  { from: everythingBut(['cli']), never: ['cli'], why: 'nothing imports upward into a shell' },
  { from: everythingBut(['action', 'cli', 'run.ts']), never: ['options.ts', 'run.ts'], why: 'what a run is asked to do is settled by the two front doors, which call run.ts' },
  { from: everythingBut(['action', 'cli']), never: ['startup.ts'], why: 'only the two entries set up the process before the product loads' },
];


/** `src/a/b.ts` is under `a`, and under `a/b.ts`. */
function isUnder(file: string, place: string): boolean {
  const relative = file.replace(/^src\//, '');
  return relative === place || relative.startsWith(`${place}/`);
}

function matches(target: string, place: string): boolean {
  if (place.endsWith('*')) return target.startsWith(place.slice(0, -1));
  return target.startsWith('src/') && isUnder(target, place);
}

/** The specifiers a file imports (static, dynamic and re-exports), resolved to `src/…` for relative ones. */
export function importsOf(file: SourceText): string[] {
  return ts.preProcessFile(file.text, true, true).importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.')) return fileName;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), fileName));
    return resolved.replace(/\.js$/, '.ts');
  });
}

export function importViolations(files: SourceText[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const rules = RULES.filter((rule) => rule.from.some((place) => isUnder(file.path, place)));
    if (!rules.length) continue;
    for (const target of importsOf(file)) {
      for (const rule of rules) {
        if (!rule.never.some((place) => matches(target, place))) continue;
        if (rule.from.some((place) => EXCEPTIONS[place]?.includes(target))) continue;
        violations.push(`${file.path} imports ${target}: ${rule.why}`);
        break;
      }
    }
  }
  return violations;
}
