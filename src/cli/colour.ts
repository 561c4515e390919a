// Colour for a person at a terminal, and only there: the severity of each finding and the verdict.
// Off when stdout is not a TTY (piped, redirected, --output), with NO_COLOR set (https://no-color.org)
// or TERM=dumb. It is added after the output was made safe, so file text never gets to colour.

const SGR = { error: '31', warning: '33', notice: '36', fail: '1;31', pass: '1;32' } as const;

export function wantsColour(stdoutIsTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return stdoutIsTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const paint = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;

// A finding line of the text report: `file:line:col  severity check/id  message`.
const FINDING = /^( *\S.*?  )(error|warning|notice)( +[a-z0-9-]+\/[a-z0-9-]+  )/gm;
const VERDICT = /^slo-gate (PASSED|FAILED)/gm;

/** The text report with severities and the verdict coloured; everything else as it was. */
export function colourText(text: string): string {
  return text
    .replace(FINDING, (_, before: string, severity: keyof typeof SGR, after: string) => `${before}${paint(SGR[severity], severity)}${after}`)
    .replace(VERDICT, (_, verdict: string) => `slo-gate ${paint(verdict === 'PASSED' ? SGR.pass : SGR.fail, verdict)}`);
}
