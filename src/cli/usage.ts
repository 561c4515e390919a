// The CLI's help text (`slo-gate --help`).

/** What a usage error prints under its one line. */
export const USAGE_POINTER = "Run 'slo-gate --help' for the commands and options.";

export const USAGE = `Usage: slo-gate check [DIR] [options]
       slo-gate baseline [DIR] [--output FILE]
       slo-gate help | version

Validates SLO policies, Prometheus rules and Grafana dashboards under DIR (default: .; a single
file is checked too).
\`baseline\` writes the current findings to DIR/.slo-gate-baseline.json (or FILE, - for stdout):
committed, it makes the gate fail only on findings that are not in it.

Options:
  --format text|json|markdown|sarif|html
                                report format (default: text)
  --output FILE                 write the report to FILE (- or none: stdout)
  --docs-base-url URL           where the checks' docs pages are linked from
                                (default: https://github.com/slo-gate/slo-gate/blob/main)
  --config FILE                 configuration file (default: DIR/.slo-gate.yml when present)
  --fail-on error|warning|notice|never
                                which findings fail the check (default: error; notice: any finding)
  --min-availability PERCENT    lowest availability target allowed (default: 99.9)
  --base REF                    compare with commit REF: fail only on new findings, report policy changes
  --all-findings                with --base: fail on every finding, not only new ones
  --changed-files-only          with --base: list findings only for changed files and the files linked to them
  --prometheus-url URL          live mode: measure each SLO's error budget and burn rate on this Prometheus API
  --prometheus-headers 'N: V'   request header (repeatable; or env SLO_GATE_PROMETHEUS_HEADERS, one per line)
  --prometheus-timeout DURATION timeout per query (default: 30s)
  --live-fail-on exhausted|burning|never
                                when live results fail the check (default: exhausted)
  --live-time-budget DURATION   longest the whole live run may take (default: 2m)
  --live-concurrency N          SLOs measured at once (default: 4)
  --live-max-response-mb N      largest answer read for one live query (default: 8)
  --debug                       print every live query to stderr (never a header value)
  --concurrency N|auto          threads reading files (default: 1; auto: every core from 2,000 files on)
  --baseline FILE               fail only on findings not in this baseline (default: DIR/.slo-gate-baseline.json
                                when present; relative to DIR)
  --cache[=DIR]                 keep each file's outcome in DIR (default: .slo-gate-cache) and reuse it
                                while the file is unchanged (default: off)
  -h, --help                    show this help
  -V, --version                 print the version

Colour: on a terminal only; never when piped or with NO_COLOR set.
Exit status: 0 passed, 1 failed, 2 usage error or internal fault.`;
