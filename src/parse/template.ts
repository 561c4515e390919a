// Template-tolerant reading of templated YAML (Helm chart templates, Jinja): the template's own
// text with every action blanked or replaced by a placeholder of the same length, so each line and
// column of the result is the line and column of the template. A finding that depends on a
// placeholder is not reported (see `templateTaint` in document.ts and the engine's filter).
//
// - An action alone on its line(s) — `{{- if }}`, `{{- end }}`, `{{- include … | nindent 4 }}`,
//   `{% for %}` — is blanked: it is control flow or emits YAML structure the reader cannot know.
//   Those that emit structure (not if/else/end/range/with/define/block/comments) are `elided`.
// - A value action inside a line (`name: {{ .Release.Name }}-rules`) becomes `__tpl___…`, an
//   identifier, valid as a YAML scalar, a PromQL name and inside a JSON string.

export type TemplateDialect = 'helm' | 'go' | 'jinja';

export interface TolerantText {
  text: string;
  /** [from, to) offsets of value placeholders in `text`. */
  placeholders: [number, number][];
  /** Offsets (first non-blank column) of blanked lines whose action emitted YAML structure. */
  elided: number[];
}

export type TolerantOutcome = ({ ok: true } & TolerantText) | { ok: false; offset: number; message: string };

/** Every placeholder starts with this; a finding quoting it quotes a placeholder. */
export const PLACEHOLDER_MARK = '__tpl';

const CONTROL = /^(?:if|else|end|range|with|define|block|break|continue|for|endfor|endif|elif|set|macro|endmacro|raw|endraw|filter|endfilter|call|endcall|do)\b/;

interface Action {
  from: number;
  to: number;
  control: boolean;
}

/**
 * Go template actions `{{ … }}` (with their strings, raw strings and comments) and Jinja tags
 * `{% … %}` and comments `{# … #}`. Fails on an action that is never closed.
 */
function findActions(text: string): Action[] | { offset: number; message: string } {
  const actions: Action[] = [];
  let i = 0;
  while (i < text.length) {
    const open = nextOpening(text, i);
    if (open < 0) break;
    const kind = text[open + 1];
    const end = kind === '{' ? closeGoAction(text, open + 2) : text.indexOf(kind === '%' ? '%}' : '#}', open + 2);
    if (end < 0) return { offset: open, message: `template action opened here is never closed` };
    const to = end + 2;
    const body = text.slice(open + 2, end).replace(/^-\s*|\s*-$/g, '').trim();
    const control = kind !== '{' || body.startsWith('/*') || CONTROL.test(body);
    actions.push({ from: open, to, control });
    i = to;
  }
  return actions;
}

function nextOpening(text: string, from: number): number {
  for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) {
    const next = text[i + 1];
    if (next === '{' || next === '%' || next === '#') return i;
  }
  return -1;
}

/** Offset of the `}}` that closes a Go action whose body starts at `from`, skipping strings. */
function closeGoAction(text: string, from: number): number {
  let i = from;
  if (text.startsWith('/*', i) || text.startsWith('- /*', i)) {
    const close = text.indexOf('*/', i);
    if (close < 0) return -1;
    i = close + 2;
  }
  while (i < text.length) {
    const c = text[i];
    if (c === '}' && text[i + 1] === '}') return i;
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) return -1;
      i = close;
    }
    i++;
  }
  return -1;
}

/** Whether text has template syntax where YAML structure would be (a line or value starting with an action). */
export function hasTemplateSyntax(text: string): boolean {
  return /^[ \t]*(?:- +)?(?:\{\{|\{%|\{#)|:[ \t]+(?:\{\{|\{%)|\{%-?\s*\w|\{#/m.test(text);
}

export function tolerantText(text: string): TolerantOutcome {
  const found = findActions(text);
  if (!Array.isArray(found)) return { ok: false, ...found };
  const out = text.split('');
  const placeholders: [number, number][] = [];
  const elided: number[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // A run of actions with only blanks between them, alone on its line(s), is blanked whole.
  let a = 0;
  while (a < found.length) {
    let b = a;
    while (b + 1 < found.length && /^[ \t]*$/.test(text.slice(found[b].to, found[b + 1].from))) b++;
    const lineStart = text.lastIndexOf('\n', found[a].from - 1) + 1;
    const lineEnd = text.slice(found[b].to).search(/\r|\n|$/) + found[b].to;
    if (/^[ \t]*$/.test(text.slice(lineStart, found[a].from)) && /^[ \t]*$/.test(text.slice(found[b].to, lineEnd))) {
      blank(found[a].from, found[b].to);
      if (found.slice(a, b + 1).some((action) => !action.control)) elided.push(found[a].from);
    } else {
      for (const action of found.slice(a, b + 1)) {
        if (action.control) {
          blank(action.from, action.to);
          continue;
        }
        const length = action.to - action.from;
        const fill = PLACEHOLDER_MARK + '_'.repeat(Math.max(0, length - PLACEHOLDER_MARK.length));
        // A multi-line action keeps its line breaks, so the lines after it stay where they were.
        for (let k = 0; k < length; k++) {
          const c = text[action.from + k];
          out[action.from + k] = c === '\n' || c === '\r' ? c : fill[k];
        }
        placeholders.push([action.from, action.to]);
      }
    }
    a = b + 1;
  }
  return { ok: true, text: out.join(''), placeholders, elided };
}

/** Which dialect a templated text is written in, for the words of its findings. */
export function templateDialect(text: string, inHelmChart: boolean): TemplateDialect {
  if (inHelmChart) return 'helm';
  return /\{%|\{#/.test(text) ? 'jinja' : 'go';
}

export function dialectName(dialect: TemplateDialect): string {
  return dialect === 'helm' ? 'Helm template' : dialect === 'jinja' ? 'Jinja template' : 'Go template';
}
