// Just enough of Go's text/template parser to find what makes Prometheus reject an alert's
// labels and annotations at load time: unclosed actions and strings, unknown functions,
// undefined variables, unbalanced {{if}}/{{end}}, {{define}}/{{block}} bodies (templates of their
// own, where only `$` is defined) and {{template}} calls. Field names (.Labels.x) are only checked
// when the alert fires, so they are not checked here either.

export interface TemplateError {
  /** Offset of the offending text in the template. */
  offset: number;
  message: string;
}

// Prometheus' template functions (template/template.go) and Go's builtins.
const FUNCTIONS = new Set([
  'humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp',
  'query', 'first', 'label', 'value', 'strvalue', 'sortByLabel', 'args', 'reReplaceAll', 'safeHtml',
  'match', 'title', 'toUpper', 'toLower', 'graphLink', 'tableLink', 'pathPrefix', 'externalURL',
  'parseDuration', 'stripPort', 'stripDomain', 'toTime', 'now', 'toDuration',
  'and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'html', 'js', 'urlquery', 'slice', 'call',
]);

/** Variables Prometheus defines before expanding an alert template. */
export const PROMETHEUS_VARIABLES = ['$', '$labels', '$value', '$externalLabels', '$externalURL'];

const BLOCK_OPENERS = new Set(['if', 'range', 'with']);
/** Blocks whose body is a template of its own: only `$` is defined inside. */
const TEMPLATE_BODIES = new Set(['define', 'block']);
const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue', 'nil', 'true', 'false']);

interface Token {
  kind: 'ident' | 'variable' | 'field' | 'dot' | 'string' | 'number' | 'declare' | 'assign' | 'pipe' | 'lparen' | 'rparen' | 'comma';
  text: string;
  offset: number;
}

/** Variables in scope; a template body (`define`, `block`) sees nothing of the scopes around it. */
interface Scope extends Set<string> {
  isolated?: boolean;
}

/** The first error Go's template parser would report, or undefined when the template parses. */
export function firstTemplateError(text: string, predefined: readonly string[] = PROMETHEUS_VARIABLES): TemplateError | undefined {
  const scopes: Scope[] = [new Set(predefined)];
  const blocks: { keyword: string; offset: number }[] = [];
  let i = 0;
  while (true) {
    const open = text.indexOf('{{', i);
    if (open < 0) break;
    let p = open + 2;
    if (text[p] === '-' && isSpace(text[p + 1])) p += 2;
    while (isSpace(text[p])) p++;
    if (text.startsWith('/*', p)) {
      const close = text.indexOf('*/', p + 2);
      if (close < 0) return { offset: open, message: 'unclosed comment' };
      let q = close + 2;
      while (isSpace(text[q])) q++;
      if (text[q] === '-' && text[q + 1] === '}') q++;
      if (!text.startsWith('}}', q)) return { offset: open, message: 'comment ends before closing delimiter' };
      i = q + 2;
      continue;
    }
    const lexed = lexAction(text, p, open);
    if ('message' in lexed) return lexed;
    const error = parseAction(lexed.tokens, open, scopes, blocks);
    if (error) return error;
    i = lexed.end;
  }
  if (blocks.length > 0) return { offset: blocks[blocks.length - 1].offset, message: `unexpected EOF: {{${blocks[blocks.length - 1].keyword}}} has no {{end}}` };
  return undefined;
}

function lexAction(text: string, start: number, open: number): { tokens: Token[]; end: number } | TemplateError {
  const tokens: Token[] = [];
  let p = start;
  const push = (kind: Token['kind'], from: number, to: number) => tokens.push({ kind, text: text.slice(from, to), offset: from });
  while (true) {
    if (p >= text.length) return { offset: open, message: 'unclosed action' };
    const c = text[p];
    if (c === '}' && text[p + 1] === '}') return { tokens, end: p + 2 };
    if (isSpace(c)) {
      if (text[p + 1] === '-' && text[p + 2] === '}' && text[p + 3] === '}') return { tokens, end: p + 4 };
      p++;
    } else if (c === ':' && text[p + 1] === '=') {
      push('declare', p, p + 2);
      p += 2;
    } else if (c === '=') push('assign', p, ++p);
    else if (c === '|') push('pipe', p, ++p);
    else if (c === '(') push('lparen', p, ++p);
    else if (c === ')') push('rparen', p, ++p);
    else if (c === ',') push('comma', p, ++p);
    else if (c === '"' || c === "'") {
      let q = p + 1;
      while (q < text.length && text[q] !== c) {
        if (text[q] === '\n') break;
        q += text[q] === '\\' ? 2 : 1;
      }
      if (q >= text.length || text[q] !== c) return { offset: p, message: c === '"' ? 'unterminated quoted string' : 'unterminated character constant' };
      push('string', p, q + 1);
      p = q + 1;
    } else if (c === '`') {
      const q = text.indexOf('`', p + 1);
      if (q < 0) return { offset: p, message: 'unterminated raw quoted string' };
      push('string', p, q + 1);
      p = q + 1;
    } else if (c === '$') {
      const q = wordEnd(text, p + 1);
      push('variable', p, q);
      p = fieldChainEnd(text, q);
    } else if (c === '.' && isWordChar(text[p + 1]) && !isDigit(text[p + 1])) {
      const q = fieldChainEnd(text, p);
      push('field', p, q);
      p = q;
    } else if (c === '.' && !isDigit(text[p + 1])) push('dot', p, ++p);
    else if (isDigit(c) || ((c === '-' || c === '+' || c === '.') && isDigit(text[p + 1]))) {
      let q = p + 1;
      while (q < text.length && /[0-9a-fA-FxXoObB_.eEpPi+-]/.test(text[q]) && !(text[q] === '-' && !/[eEpP]/.test(text[q - 1]))) q++;
      push('number', p, q);
      p = q;
    } else if (isWordChar(c)) {
      const q = wordEnd(text, p);
      push('ident', p, q);
      p = fieldChainEnd(text, q);
    } else {
      return { offset: p, message: `unexpected "${c}" in command` };
    }
  }
}

function parseAction(tokens: Token[], open: number, scopes: Scope[], blocks: { keyword: string; offset: number }[]): TemplateError | undefined {
  if (tokens.length === 0) return { offset: open, message: 'missing value for command' };
  const first = tokens[0];
  let body = tokens;
  if (first.kind === 'ident' && KEYWORDS.has(first.text)) {
    const keyword = first.text;
    body = tokens.slice(1);
    if (keyword === 'end') {
      if (blocks.length === 0) return { offset: first.offset, message: 'unexpected {{end}}' };
      blocks.pop();
      scopes.pop();
      return undefined;
    }
    if (keyword === 'else') {
      const top = blocks[blocks.length - 1];
      if (top && TEMPLATE_BODIES.has(top.keyword)) return { offset: first.offset, message: `unexpected {{else}} in ${top.keyword} clause` };
      if (!top || !['if', 'with', 'range'].includes(top.keyword)) return { offset: first.offset, message: 'unexpected {{else}}' };
      scopes[scopes.length - 1] = new Set();
      // `{{else if x}}` and `{{else with x}}` chain into the same {{end}}.
      if (body.length === 0) return undefined;
      if (body[0].kind === 'ident' && (body[0].text === 'if' || body[0].text === 'with')) body = body.slice(1);
      return checkPipeline(body, first, scopes);
    }
    if (BLOCK_OPENERS.has(keyword)) {
      if (body.length === 0) return { offset: first.offset, message: `missing value for ${keyword}` };
      // The pipeline is evaluated in the enclosing scope; what it declares belongs to the block.
      scopes.push(new Set());
      blocks.push({ keyword, offset: first.offset });
      return checkPipeline(body, first, scopes);
    }
    if (keyword === 'define') {
      // `{{define "name"}}…{{end}}` only at the top level, with nothing but the name.
      if (blocks.length > 0) return { offset: first.offset, message: 'unexpected <define> in command' };
      const name = body[0];
      if (!isTemplateName(name)) return { offset: name?.offset ?? first.offset, message: `unexpected ${goItem(name)} in define clause` };
      if (body.length > 1) return { offset: body[1].offset, message: `unexpected ${goItem(body[1])} in define clause` };
      openTemplateBody(keyword, first, scopes, blocks);
      return undefined;
    }
    if (keyword === 'block' || keyword === 'template') {
      // `{{template "name" [pipeline]}}`; `{{block "name" pipeline}}…{{end}}` defines and runs it.
      const name = body[0];
      if (!isTemplateName(name)) return { offset: name?.offset ?? first.offset, message: `unexpected ${goItem(name)} in ${keyword} clause` };
      if (keyword === 'template') return checkPipeline(body.slice(1), first, scopes, true);
      if (body.length === 1) return { offset: first.offset, message: 'missing value for block clause' };
      const error = checkPipeline(body.slice(1), first, scopes);
      if (!error) openTemplateBody(keyword, first, scopes, blocks);
      return error;
    }
    if (keyword === 'break' || keyword === 'continue') {
      return inRange(blocks) ? undefined : { offset: first.offset, message: `{{${keyword}}} outside {{range}}` };
    }
  }
  return checkPipeline(body, first, scopes);
}

function openTemplateBody(keyword: string, at: Token, scopes: Scope[], blocks: { keyword: string; offset: number }[]): void {
  const scope: Scope = new Set(['$']);
  scope.isolated = true;
  scopes.push(scope);
  blocks.push({ keyword, offset: at.offset });
}

/** Inside a {{range}} of the current template body. */
function inRange(blocks: { keyword: string }[]): boolean {
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i].keyword === 'range') return true;
    if (TEMPLATE_BODIES.has(blocks[i].keyword)) return false;
  }
  return false;
}

/** A template name: a double-quoted or raw string (a 'c' character constant is not one). */
function isTemplateName(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'string' && token.text[0] !== "'";
}

/** A token as Go's parser names it in "unexpected …": `<.>` for the dot, quoted text otherwise (cut at 10 characters). */
function goItem(token: Token | undefined): string {
  if (token === undefined) return '"}}"';
  if (token.kind === 'dot') return '<.>';
  const chars = [...token.text];
  return chars.length > 10 ? `${JSON.stringify(chars.slice(0, 10).join(''))}...` : JSON.stringify(token.text);
}

function checkPipeline(tokens: Token[], anchor: Token, scopes: Set<string>[], optional = false): TemplateError | undefined {
  let body = tokens;
  // Declarations: `$x := ...`, `$i, $e := ...` (range), `$x = ...`.
  const declare = body.findIndex((t) => t.kind === 'declare' || t.kind === 'assign');
  if (declare > 0 && body.slice(0, declare).every((t) => t.kind === 'variable' || t.kind === 'comma')) {
    const names = body.slice(0, declare).filter((t) => t.kind === 'variable');
    body = body.slice(declare + 1);
    const error = checkCommands(body, anchor, scopes, optional);
    if (error) return error;
    for (const name of names) {
      if (body !== tokens && tokens[declare].kind === 'assign' && !isDefined(name.text, scopes)) return { offset: name.offset, message: `undefined variable "${name.text}"` };
      scopes[scopes.length - 1].add(name.text);
    }
    return undefined;
  }
  return checkCommands(body, anchor, scopes, optional);
}

function checkCommands(tokens: Token[], anchor: Token, scopes: Set<string>[], optional: boolean): TemplateError | undefined {
  if (tokens.length === 0) return optional ? undefined : { offset: anchor.offset, message: 'missing value for command' };
  let depth = 0;
  let expectOperand = true;
  for (const token of tokens) {
    if (token.kind === 'ident' && !['nil', 'true', 'false'].includes(token.text)) {
      if (KEYWORDS.has(token.text)) return { offset: token.offset, message: `unexpected <${token.text}> in command` };
      if (!FUNCTIONS.has(token.text)) return { offset: token.offset, message: `function "${token.text}" not defined` };
    }
    if (token.kind === 'variable' && !isDefined(variableName(token.text), scopes)) return { offset: token.offset, message: `undefined variable "${variableName(token.text)}"` };
    if (token.kind === 'lparen') depth++;
    if (token.kind === 'rparen' && --depth < 0) return { offset: token.offset, message: 'unexpected right paren' };
    if (token.kind === 'pipe') {
      if (expectOperand) return { offset: token.offset, message: 'missing value for command' };
      expectOperand = true;
    } else if (token.kind !== 'lparen') expectOperand = false;
    if (token.kind === 'declare' || token.kind === 'assign') return { offset: token.offset, message: `unexpected "${token.text}" in operand` };
  }
  if (depth > 0) return { offset: anchor.offset, message: 'unclosed left paren' };
  if (expectOperand) return { offset: tokens[tokens.length - 1].offset, message: 'missing value for command' };
  return undefined;
}

function variableName(token: string): string {
  const dot = token.indexOf('.', 1);
  return dot < 0 ? token : token.slice(0, dot);
}

function isDefined(name: string, scopes: Scope[]): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (scopes[i].has(name)) return true;
    if (scopes[i].isolated) return false;
  }
  return false;
}

function fieldChainEnd(text: string, from: number): number {
  let p = from;
  while (text[p] === '.' && isWordChar(text[p + 1])) p = wordEnd(text, p + 1);
  return p;
}

function wordEnd(text: string, from: number): number {
  let p = from;
  while (p < text.length && isWordChar(text[p])) p++;
  return p;
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /[\p{L}\p{N}]/u.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}
