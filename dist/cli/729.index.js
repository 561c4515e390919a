export const id = 729;
export const ids = [729];
export const modules = {

/***/ 3729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSarif: () => (/* binding */ renderSarif)
/* harmony export */ });
/* unused harmony export SARIF_SCHEMA */
/* harmony import */ var _report_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8543);
// SARIF 2.1.0, the format code scanning reads (`github/codeql-action/upload-sarif`).

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function renderSarif(report, options = {}) {
    const uri = options.uri ?? ((file) => file);
    const rules = report.checks.map((check) => ({
        id: check.id,
        name: check.id,
        shortDescription: { text: check.description },
        fullDescription: { text: `${check.description}${check.docsUrl ? ` The docs page shows a bad and a good example: ${check.docsUrl}` : ''}` },
        ...(check.docsUrl ? { helpUri: check.docsUrl, help: { text: `See ${check.docsUrl}`, markdown: `See [the docs page of \`${check.id}\`](${check.docsUrl}).` } } : {}),
        defaultConfiguration: { level: LEVEL[check.severity] },
    }));
    // A finding may come from a check the report does not list (an engine-level failure): add it so ruleIndex stays valid.
    // A baselined finding a pull request fixes is both resolved since the base and fixed since the
    // baseline: one finding, so one absent result (the resolved one, which keeps its severity and position).
    const resolved = report.diff?.resolved ?? [];
    const resolvedFingerprints = new Set(resolved.map((finding) => finding.fingerprint));
    const absentBaseline = (report.adoption?.baseline?.fixed ?? [])
        .filter((entry) => !resolvedFingerprints.has(entry.fingerprint))
        .map((entry) => ({ check: entry.check, severity: 'warning', file: entry.file, message: entry.message, fingerprint: entry.fingerprint }));
    const absent = [...resolved, ...absentBaseline];
    for (const finding of [...report.findings, ...absent]) {
        if (!rules.some((rule) => rule.id === finding.check))
            rules.push({ id: finding.check, name: finding.check, defaultConfiguration: { level: LEVEL[finding.severity] } });
    }
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    // Code scanning tells new from unchanged results; it is known whenever a base or a baseline was compared with.
    const comparing = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_0__/* .reportView */ .yl)(report).comparing;
    const toResult = (finding, baselineState) => {
        const result = {
            ruleId: finding.check,
            ruleIndex: ruleIndex.get(finding.check),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            // Run-level findings (a backend that cannot be reached) have no file and so no location.
            locations: finding.file
                ? [
                    {
                        physicalLocation: {
                            artifactLocation: { uri: encodeUri(uri(finding.file)), uriBaseId: '%SRCROOT%' },
                            ...(finding.line ? { region: { startLine: finding.line, ...(finding.column ? { startColumn: finding.column } : {}) } } : {}),
                        },
                    },
                ]
                : [],
        };
        if (baselineState)
            result.baselineState = baselineState;
        if (finding.suppressed)
            result.suppressions = [{ kind: finding.suppressed.kind, status: 'accepted', justification: finding.suppressed.reason, location: { physicalLocation: { artifactLocation: { uri: encodeUri(uri(suppressionFile(finding.suppressed.by))), uriBaseId: '%SRCROOT%' }, ...suppressionRegion(finding.suppressed.by) } } }];
        if (finding.fingerprint)
            result.partialFingerprints = { 'sloGate/v1': finding.fingerprint };
        if (finding.suggestion)
            result.properties = { suggestion: finding.suggestion };
        return result;
    };
    const results = [
        ...report.findings.map((finding) => toResult(finding, comparing ? (finding.baselined || finding.status === 'existing' ? 'unchanged' : 'new') : undefined)),
        // Resolved since the base, or fixed since the baseline was written: "absent", so code scanning can close them.
        ...absent.map((finding) => toResult(finding, 'absent')),
    ];
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'slo-gate', version: report.tool.version, semanticVersion: report.tool.version, rules } },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
                results,
                invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
            },
        ],
    };
}
// SARIF URIs are URI references: spaces and other reserved characters in paths must be percent-encoded.
function encodeUri(file) {
    return file.split('/').map(encodeURIComponent).join('/');
}
/** A suppression's `by` is `file:line` of its comment or `ignore:` entry. */
function suppressionFile(by) {
    return by.replace(/:\d+$/, '');
}
function suppressionRegion(by) {
    const line = /:(\d+)$/.exec(by)?.[1];
    return line ? { region: { startLine: Number(line) } } : {};
}


/***/ })

};
