export const id = 95;
export const ids = [95];
export const modules = {

/***/ 4095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderHtml: () => (/* binding */ renderHtml)
/* harmony export */ });
/* harmony import */ var _report_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8543);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7789);
/* harmony import */ var _figures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2969);
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4297);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2495);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1165);
// report.html: the whole report in one file that opens offline in any browser — no scripts, no
// external styles or fonts. Every piece of text from the checked files goes through escapeHtml.






const SEVERITIES = ['error', 'warning', 'notice'];
const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --border: #d1d9e0;
  --error: #cf222e; --warning: #9a6700; --notice: #0969da; --pass: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --border: #3d444d;
  --error: #f85149; --warning: #d29922; --notice: #4493f8; --pass: #3fb950; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 2rem; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.verdict { display: inline-block; padding: .2rem .8rem; border-radius: 2rem; font-weight: 600; color: #fff; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--error); }
.meta { color: var(--muted); margin: .5rem 0 1rem; }
.counts { display: flex; gap: .75rem; flex-wrap: wrap; margin: 1rem 0; }
.count { border: 1px solid var(--border); border-radius: 6px; padding: .5rem 1rem; background: var(--panel); min-width: 7rem; }
.count b { display: block; font-size: 1.4rem; }
.count.error b { color: var(--error); } .count.warning b { color: var(--warning); } .count.notice b { color: var(--notice); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--border); padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 90%; background: var(--panel); padding: .1rem .3rem; border-radius: 4px; }
.sev { font-weight: 600; white-space: nowrap; } .sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.notice { color: var(--notice); }
ul.windows { margin: 0; padding-left: 1.1rem; }
details { margin: .25rem 0 .75rem; } summary { cursor: pointer; color: var(--muted); }
details.section { margin: 1.25rem 0; } details.section > summary { font-size: 1.1rem; font-weight: 600; color: var(--fg); }
.awaiting { border-left: 4px solid var(--warning); padding: .25rem .75rem; background: var(--panel); }
h1 .verdict { font-size: 1.1rem; vertical-align: middle; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .75rem; overflow-x: auto; font-size: 12px; }
a { color: var(--notice); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 12px; }
`;
function renderHtml(report, options = {}) {
    const view = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_0__/* .reportView */ .yl)(report);
    const verdict = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_5__/* .verdictOf */ .Vj)(report, view);
    const passed = verdict.passed;
    const title = `SLO compliance report — ${passed ? 'passed' : 'failed'}`;
    const diff = report.diff;
    const context = [
        `${report.files.length} file(s) checked, ${report.slos.length} SLO(s)`,
        ...(report.skipped.length ? [(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .skippedText */ .Oe)(report))] : []),
        `fails on <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(report.failOn)}</code>`,
        ...(diff?.baseSha ? [`compared with the base <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(diff.baseSha.slice(0, 12))}</code>`] : []),
        ...(diff && diff.baseSha === undefined ? [`not compared with the base <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(diff.baseRef)}</code>: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(diff.unavailable ?? 'unknown reason')}`] : []),
        ...(report.adoption?.baseline ? [`baseline <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(report.adoption.baseline.file)}</code>`] : []),
        ...verdict.details.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD),
        `generated ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(report.generatedAt)} by slo-gate ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(report.tool.version)}`,
    ];
    const awaiting = verdict.awaitingApproval
        ? `<p class="awaiting">⏳ <b>${verdict.awaitingApproval.count} policy change(s) await approval</b>: the label <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(verdict.awaitingApproval.label)}</code> is not on the pull request.</p>`
        : '';
    const freshTitle = view.comparing ? `New findings (${view.fresh.length})` : `Findings (${view.fresh.length})`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1><span class="verdict ${passed ? 'pass' : 'fail'}">${passed ? '✓' : '✗'}</span> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(verdict.headline)}</h1>
${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .headlines */ .Q)(report).map((finding) => `<p class="sev ${finding.severity}">${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.message)} (<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.check)}</code>)</p>`).join('\n')}
<p class="meta">${context.join(' · ')}</p>
${awaiting}
<div class="counts">${SEVERITIES.map((severity) => `<div class="count ${severity}"><b>${report.counts[severity]}</b>${severity}(s)</div>`).join('')}</div>
<h2>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(freshTitle)}</h2>
${view.fresh.length ? renderFindings(report, view.fresh, options) : `<p>${view.comparing ? 'No new findings.' : 'No findings.'}</p>`}
${renderPolicy(report, view.policy)}
${(0,_live_js__WEBPACK_IMPORTED_MODULE_3__/* .renderLiveHtml */ .gC)(report)}
${collapsed((0,_verdict_js__WEBPACK_IMPORTED_MODULE_5__/* .existingText */ .x3)(view.existing), view.existing.length ? renderFindings(report, view.existing, options, _verdict_js__WEBPACK_IMPORTED_MODULE_5__/* .existingLabel */ .kg) : '')}
${collapsed(`${view.suppressed.length} suppressed finding(s), with their reasons`, renderSuppressed(view.suppressed))}
${collapsed(`${diff?.resolved.length ?? 0} finding(s) resolved by this pull request`, renderList((diff?.resolved ?? []).map((finding) => `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .location */ .C5)(finding))}</code> <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.check)}</code> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.message)}`)))}
${collapsed(`${report.adoption?.baseline?.fixed.length ?? 0} baseline entr(ies) fixed: remove them from ${report.adoption?.baseline?.file ?? ''}`, renderList((report.adoption?.baseline?.fixed ?? []).map((entry) => `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(entry.file)}</code> <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(entry.check)}</code> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(entry.message)}`)))}
${collapsed(`${report.slos.length} SLO(s)`, renderSlos(report), true)}
${renderSkipped(report)}
${renderNotChecked(report)}
<footer>Findings are sorted by severity, then file and line. The same report is in report.json (machine-readable), report.md and report.sarif.</footer>
</main>
</body>
</html>
`;
}
/** A collapsed section; nothing when it has no body. */
function collapsed(summary, body, open = false) {
    if (!body)
        return '';
    return `<details class="section"${open ? ' open' : ''}><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(summary)}</summary>\n${body}\n</details>`;
}
function renderList(items) {
    return items.length ? `<ul>\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>` : '';
}
function renderPolicy(report, policy) {
    if (policy.length === 0)
        return '';
    const diff = report.diff;
    const note = diff?.approval
        ? `<p>✅ Approved${diff.approval.by ? ` by ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(diff.approval.by)}` : ''} with the label <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(diff.approval.label)}</code>: reported as notices.</p>`
        : diff?.allowLabel
            ? `<p class="awaiting">⏳ Waiting for approval: a maintainer who accepts these changes adds the label <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(diff.allowLabel)}</code>.</p>`
            : '';
    const items = policy.map((finding) => `<span class="sev ${finding.severity}">${finding.severity}</span> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.message)} — <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .location */ .C5)(finding))}</code> ${checkLink(report, finding.check)}`);
    return `<h2>Policy changes (${policy.length})</h2>\n${renderList(items)}\n${note}`;
}
function renderSuppressed(findings) {
    return renderList(findings.map((finding) => `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .location */ .C5)(finding))}</code> <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.check)}</code> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.message)} — <b>reason:</b> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.suppressed.reason)} (<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.suppressed.by)}</code>)`));
}
function checkLink(report, check) {
    const url = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_0__/* .docsUrlOf */ .Mo)(report, check);
    return url ? `<a href="${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(url)}"><code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(check)}</code></a>` : `<code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(check)}</code>`;
}
function renderSlos(report) {
    if (report.slos.length === 0)
        return '';
    const rows = report.slos.map((slo) => {
        const windows = slo.windows.length ? `<ul class="windows">${slo.windows.map((window) => `<li>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .windowText */ .Kn)(window))}</li>`).join('')}</ul>` : '—';
        const name = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(slo.name)}${slo.service ? `<br><small>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(slo.service)}</small>` : ''}`;
        const links = (0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .linkTexts */ .rW)(slo);
        const implementedBy = links.length ? `<ul class="windows">${links.map((text) => `<li>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(text)}</li>`).join('')}</ul>` : '—';
        return `<tr><td>${name}</td><td>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .indicatorText */ .lY)(slo))}</td><td class="num">${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .targetText */ .Z3)(slo))}</td><td>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .budgetText */ .$e)(slo))}</td><td>${windows}</td><td>${implementedBy}</td><td>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(slo.verdict ?? '—')}</td><td><code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(slo.file)}:${slo.line}</code></td></tr>`;
    });
    return `<table>
<thead><tr><th>SLO</th><th>Indicator</th><th>Target</th><th>Error budget</th><th>Burn-rate windows</th><th>Implemented by</th><th>Verdict</th><th>Defined in</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
function renderFindings(report, findings, options, label) {
    const byFile = new Map();
    for (const finding of findings)
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    const sections = [...byFile].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, list]) => {
        const rows = list.map((finding) => {
            const where = finding.line ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '—';
            const url = options.fileUrl?.(finding.file, finding.line);
            const lineCell = url ? `<a href="${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(url)}">${where}</a>` : where;
            const suggestion = finding.suggestion
                ? `<details><summary>Suggested fix</summary><pre>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.suggestion)}</pre></details>`
                : '';
            const suffix = label ? ` <small>(${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(label(finding))})</small>` : '';
            return `<tr><td class="num">${lineCell}</td><td class="sev ${finding.severity}">${finding.severity}</td><td>${checkLink(report, finding.check)}</td><td>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(finding.message)}${suffix}${suggestion}</td></tr>`;
        });
        return `<h3>${file ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(file) : 'Not about one file'}</h3>
<table>
<thead><tr><th>Line</th><th>Severity</th><th>Check</th><th>Message</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
    });
    return sections.join('\n');
}
function renderNotChecked(report) {
    if (!report.notChecked?.length)
        return '';
    const items = report.notChecked.map((item) => `<li><code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(item.file)}:${item.line}</code>: ${item.queries} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(item.datasource)} quer${item.queries === 1 ? 'y' : 'ies'} in dashboard ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(item.dashboard)}</li>`);
    return `<h2>Queries not checked</h2>\n<p>Their data sources' languages are neither PromQL nor LogQL.</p>\n<ul>\n${items.join('\n')}\n</ul>`;
}
function renderSkipped(report) {
    if (report.skipped.length === 0)
        return '';
    const items = report.skipped.map((skipped) => `<li><code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(skipped.path)}</code>: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .skippedEntryText */ .Wz)(skipped))}</li>`);
    return `<h2>Files not checked</h2>\n<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .skippedText */ .Oe)(report))}</summary>\n<ul>\n${items.join('\n')}\n</ul>\n</details>`;
}


/***/ })

};
