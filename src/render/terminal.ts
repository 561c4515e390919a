// Text from the files under check reaches terminals and CI logs through the CLI. There, raw
// control characters are instructions (ESC starts colour, cursor and OSC-8 link sequences; C1
// bytes do the same on some terminals), a newline lets a name start a line of its own, and a
// line starting with `::` (or `##[`) is a workflow command the GitHub runner executes
// (`::add-mask::`, `::error file=…::`, `::stop-commands::`). So every printed line goes through
// these functions: a field is kept to one line with its control characters written out, and no
// line begins with a command prefix. Inside Actions the CLI also pauses command processing
// around its output (`::stop-commands::<token>` … `::<token>::`).

import { randomBytes } from 'node:crypto';

// C0 except tab and newline, DEL, C1, the Unicode line and paragraph separators, and the bidi
// overrides and isolates that can make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const COMMAND_START = /^(\s*)(::|##(?:vso)?\[)/;

function written(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line: newlines as `\n`, every other control character as `\xNN` / `\uNNNN`. */
export function terminalLine(text: string): string {
  return text.replace(/\r\n|\n/g, '\\n').replace(CONTROL, written);
}

/**
 * Multi-line output made safe line by line: control characters written out (newlines kept, as
 * they separate the lines), and a line that would begin with a workflow command gets its first
 * character written out instead (`\x3a:error::…`), so the runner sees text, not a command.
 */
export function guardLines(output: string): string {
  return output
    .split('\n')
    .map((line) => line.replace(CONTROL, written).replace(COMMAND_START, (_, space: string, prefix: string) => `${space}${written(prefix[0])}${prefix.slice(1)}`))
    .join('\n');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 but leaves DEL, C1 and the Unicode separators
 * raw; they can only stand inside strings, where `\uNNNN` means the same character.
 */
export function guardJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A token for `::stop-commands::`, which must be unguessable: file text could otherwise end the pause. */
export function stopCommandsToken(): string {
  return randomBytes(16).toString('hex');
}
