export const id = 224;
export const ids = [224];
export const modules = {

/***/ 97309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ui: () => (/* binding */ CHECKS),
  cq: () => (/* binding */ DIFF_CHECKS),
  kj: () => (/* binding */ DOCUMENT_CHECKS),
  ty: () => (/* binding */ LIVE_CHECKS),
  J6: () => (/* binding */ STATIC_CHECKS)
});

// UNUSED EXPORTS: MODEL_CHECKS

;// CONCATENATED MODULE: ./src/checks/alert/comparison.ts
// Alerts that are meant to fire when something is missing, not when a value crosses a line.
const ABSENCE_FUNCTIONS = new Set(['absent', 'absent_over_time']);
const SET_FILTER = /\b(and|unless)\b/;
const alertComparison = {
    meta: {
        id: 'alert/comparison',
        severity: 'warning',
        kind: 'model',
        description: 'An alerting expression without a comparison (or only `bool` ones), which fires whenever the series exists.',
        docs: 'docs/checks/alert/comparison.md',
    },
    run({ model }, context) {
        for (const rule of model.rules) {
            if (rule.kind !== 'alert')
                continue;
            const { errors, facts } = rule.expr.analysis;
            if (errors.length > 0)
                continue;
            if (facts.comparisons.some((c) => !c.bool))
                continue;
            if (facts.functions.some((fn) => ABSENCE_FUNCTIONS.has(fn)))
                continue;
            // No selector at all (`vector(1)`): an always-firing heartbeat such as Watchdog, on purpose.
            if (facts.selectors.length === 0)
                continue;
            // `and` / `unless` filter one side by the other: `x offset 1h unless x` fires when x vanished.
            if (SET_FILTER.test(rule.expr.text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')))
                continue;
            const onlyBool = facts.comparisons.length > 0;
            context.report({
                file: rule.file,
                ...rule.expr.position,
                subject: `${rule.group}/${rule.name}`,
                message: onlyBool
                    ? `alert "${rule.name}" compares with bool, which returns 0 or 1 for every series instead of filtering: it fires whenever the series exists`
                    : `alert "${rule.name}" has no comparison in its expression: it fires whenever the series exists`,
            });
        }
    },
};

// EXTERNAL MODULE: ./src/checks/options.ts
var options = __webpack_require__(70259);
// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(18766);
;// CONCATENATED MODULE: ./src/checks/alert/for.ts


const alertFor = {
    meta: {
        id: 'alert/for',
        severity: 'warning',
        kind: 'model',
        description: 'An invalid for/keep_firing_for duration (error: Prometheus rejects the file), or a for shorter than the group evaluation interval.',
        docs: 'docs/checks/alert/for.md',
        options: (0,options/* configOptions */.h)('evaluation-interval'),
    },
    run({ model }, context) {
        for (const rule of model.rules) {
            if (rule.kind !== 'alert')
                continue;
            const forSeconds = rule.for ? (0,units/* parseDuration */.E9)(rule.for.value) : undefined;
            if (rule.for && forSeconds === undefined)
                reportUnreadable(context, rule, 'for', rule.for);
            if (rule.keepFiringFor && (0,units/* parseDuration */.E9)(rule.keepFiringFor.value) === undefined)
                reportUnreadable(context, rule, 'keep_firing_for', rule.keepFiringFor);
            const interval = rule.groupIntervalSeconds ?? context.config.evaluationIntervalSeconds;
            if (rule.for && forSeconds !== undefined && forSeconds > 0 && forSeconds < interval) {
                const source = rule.groupIntervalSeconds !== undefined ? `the interval of group "${rule.group}" (${(0,units/* formatDuration */.a3)(interval)})` : `the evaluation interval (${(0,units/* formatDuration */.a3)(interval)}, \`evaluation-interval\` in .slo-gate.yml)`;
                context.report({
                    file: rule.file,
                    ...rule.for.position,
                    subject: `${rule.group}/${rule.name}`,
                    message: `alert "${rule.name}": for: ${rule.for.value} is shorter than ${source}: the alert waits a whole interval anyway, so it means for: ${(0,units/* formatDuration */.a3)(interval)}`,
                });
            }
        }
    },
};
/** A for or keep_firing_for Prometheus rejects: it will not load the file. */
function reportUnreadable(context, rule, key, field) {
    context.report({
        file: rule.file,
        ...field.position,
        severity: 'error',
        subject: `${rule.group}/${rule.name}`,
        message: `alert "${rule.name}": ${key}: "${field.value}" is not a duration Prometheus reads (a whole number and a unit, largest first: 90s, 1m30s, 5m)`,
    });
}

;// CONCATENATED MODULE: ./src/checks/alert/required.ts

const alertRequired = {
    meta: {
        id: 'alert/required',
        severity: 'warning',
        kind: 'model',
        description: 'An alerting rule without the labels and annotations the config requires (default: a severity label; annotations only when configured), or with a label value outside the allowed ones.',
        docs: 'docs/checks/alert/required.md',
        options: (0,options/* configOptions */.h)('alerts.required-labels', 'alerts.required-annotations'),
    },
    run({ model }, context) {
        const { requiredLabels, requiredAnnotations } = context.config;
        for (const rule of model.rules) {
            if (rule.kind !== 'alert')
                continue;
            const subject = `${rule.group}/${rule.name}`;
            const at = { file: rule.file, ...rule.namePosition, subject };
            for (const [label, allowed] of Object.entries(requiredLabels)) {
                const field = rule.labels[label];
                if (!field) {
                    context.report({ ...at, message: `alert "${rule.name}" has no ${label} label${allowed.length ? ` (one of ${allowed.join(', ')})` : ''}` });
                }
                else if (allowed.length > 0 && !allowed.includes(field.value) && !field.value.includes('{{')) {
                    context.report({ file: rule.file, ...field.position, subject, message: `alert "${rule.name}": ${label} "${field.value}" is not one of ${allowed.join(', ')}` });
                }
            }
            for (const annotation of requiredAnnotations) {
                if (!rule.annotations[annotation])
                    context.report({ ...at, message: `alert "${rule.name}" has no ${annotation} annotation` });
            }
        }
    },
};

// EXTERNAL MODULE: ./src/model/slo-identity.ts
var slo_identity = __webpack_require__(30720);
// EXTERNAL MODULE: ./src/link/link.ts + 2 modules
var link_link = __webpack_require__(30512);
// EXTERNAL MODULE: ./src/model/burn-rate.ts
var burn_rate = __webpack_require__(12203);
;// CONCATENATED MODULE: ./src/checks/align/common.ts
// What the align/* checks share: the windows an SLO expects, and how they are named and compared;
// how an ambiguous link names its candidates.


/** The windows the SLO or its policy declares, else the table its generator (or the workbook, scaled to the period) uses. */
function expectedWindows(slo) {
    if (slo.burnWindows.length)
        return [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds);
    return slo.periodSeconds ? (0,burn_rate/* defaultWindows */.hd)(slo.format, slo.periodSeconds) : [];
}
function windowName(window) {
    const name = window.shortSeconds ? `${(0,units/* formatDuration */.a3)(window.longSeconds)}/${(0,units/* formatDuration */.a3)(window.shortSeconds)}` : (0,units/* formatDuration */.a3)(window.longSeconds);
    return window.factor === undefined ? name : `${name} (${(0,units/* roundTo */.GB)(window.factor, 3)}×)`;
}
/** Burn-rate factors are written with a few decimals (0.933 for 28 d): equal to 0.1 %. */
function sameFactor(a, b) {
    return Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b));
}
/**
 * The candidate SLOs of an ambiguous link as a message names them (`"a" and "b"`, `"a", "b" or "c"`):
 * as the run names them, with their file where duplicates of one SLO would read alike.
 */
function candidateList(linked, { candidates }, conjunction) {
    const readings = candidates.map((slo) => linked.sloName(slo));
    const named = candidates.map((slo, i) => (readings.indexOf(readings[i]) !== readings.lastIndexOf(readings[i]) ? `"${readings[i]}" (${slo.file})` : `"${readings[i]}"`));
    const unique = [...new Set(named)];
    return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique[unique.length - 1]}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/formats/sli.ts
var sli = __webpack_require__(26358);
;// CONCATENATED MODULE: ./src/checks/align/suggestion.ts
// A ready-to-paste multiwindow, multi-burn-rate rule group for an SLO: one alert per window pair,
// each firing when both its long and its short window burn faster than factor × budget.




/** The SLI's error ratio over `window`, from the SLO's own queries; a recording-rule name when the SLO names none. */
function errorRatio(slo, window) {
    const i = slo.indicator;
    const rated = (query) => (/\{\{\s*\.window\s*\}\}/.test(query) ? (0,sli/* withWindow */.By)(query, window) : /\[[^\]]+\]/.test(query) ? query : `sum(rate(${query}[${window}]))`);
    if (i.errorRatioQuery)
        return { expr: (0,sli/* withWindow */.By)(i.errorRatioQuery, window).trim(), own: true };
    if (i.errorQuery && i.totalQuery)
        return { expr: `(${rated(i.errorQuery).trim()}) / (${rated(i.totalQuery).trim()})`, own: true };
    if (i.goodQuery && i.totalQuery)
        return { expr: `1 - ((${rated(i.goodQuery).trim()}) / (${rated(i.totalQuery).trim()}))`, own: true };
    return { expr: `slo:sli_error:ratio_rate${window}{slo="${slo.name}"}`, own: false };
}
/**
 * The rule group as YAML, written by the `yaml` library: SLO names are file text and may hold
 * `#`, `: `, quotes or newlines, which string concatenation would turn into different YAML.
 * `linking` are the labels that link its alerts to this SLO alone (link/link.ts linkingLabels).
 */
function burnRateRuleGroup(slo, windows, config, linking) {
    const budget = (0,burn_rate/* errorBudget */.C0)(slo.target);
    const alertName = `${slo.name.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_, __, c) => c.toUpperCase())}ErrorBudgetBurn`;
    let ownQueries = true;
    const placeholders = new Set();
    // One alert per tier, its windows joined by `or` (as Sloth writes them): two alerts of one tier
    // would carry the same name and labels, which Prometheus keeps apart only by accident.
    const tiers = new Map();
    for (const window of windows) {
        if (window.factor === undefined)
            continue;
        const short = window.shortSeconds ?? Math.round(window.longSeconds / 12);
        const factor = (0,units/* roundTo */.GB)(window.factor, 4);
        const condition = (seconds) => {
            const ratio = errorRatio(slo, (0,units/* formatDuration */.a3)(seconds));
            ownQueries &&= ratio.own;
            return `(${ratio.expr}) > (${factor} * ${budget})`;
        };
        const tier = (0,burn_rate/* alertTier */.rb)(window);
        const entry = tiers.get(tier) ?? { conditions: [], spans: [], longest: 0, severity: window.severity };
        entry.conditions.push(`${condition(window.longSeconds)}\nand\n${condition(short)}`);
        entry.spans.push(`${(0,units/* formatDuration */.a3)(window.longSeconds)}/${(0,units/* formatDuration */.a3)(short)} at ${factor}×`);
        entry.longest = Math.max(entry.longest, window.longSeconds);
        tiers.set(tier, entry);
    }
    const rules = [...tiers].map(([tier, entry]) => {
        const own = slo.alertLabels?.[tier];
        const expr = entry.conditions.length === 1 ? `${entry.conditions[0]}\n` : `${entry.conditions.map((condition) => `(\n${condition}\n)`).join('\nor\n')}\n`;
        const summary = `${slo.name} is burning its ${(0,units/* formatPercent */.l9)(slo.target)} error budget too fast (${entry.spans.join(', ')})`;
        return {
            alert: alertName,
            expr,
            for: entry.longest <= 6 * 3600 ? '2m' : '15m',
            labels: fitLabels({ severity: entry.severity ?? tier, ...own?.labels, ...linking }, slo, tier, config.requiredLabels, placeholders),
            annotations: fitAnnotations({ summary, ...own?.annotations }, config.requiredAnnotations, placeholders),
        };
    });
    const doc = new dist/* Document */.yo({ groups: [{ name: `${slo.name}-burn-rate`, rules }] });
    const notes = [
        ...(ownQueries ? [] : [` Record slo:sli_error:ratio_rate<window>{slo=${JSON.stringify(slo.name)}} as the SLI's error ratio over each window, or put the ratio in place.`]),
        ...(placeholders.size ? [` Fill in ${[...placeholders].join(', ')} (${PLACEHOLDER} below): the repository requires ${placeholders.size > 1 ? 'them' : 'it'}.`] : []),
    ];
    if (notes.length)
        doc.commentBefore = notes.join('\n');
    return doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
}
const PLACEHOLDER = 'CHANGE-ME';
/**
 * The labels the SLO's format gives this tier of alert, then whatever the repository's
 * `alerts.required-labels` demands: a required label the alert lacks takes the SLO's own label of
 * that name, else an allowed value (the first for a page, the next for a ticket), else a
 * placeholder to fill in; a value outside the allowed ones is replaced the same way.
 */
function fitLabels(labels, slo, tier, required, placeholders) {
    const out = { ...labels };
    for (const [name, allowed] of Object.entries(required)) {
        if (out[name] !== undefined && (allowed.length === 0 || allowed.includes(out[name])))
            continue;
        const own = slo.labels[name];
        if (own !== undefined && (allowed.length === 0 || allowed.includes(own)))
            out[name] = own;
        else if (allowed.length)
            out[name] = allowed[Math.min(tier === 'page' ? 0 : 1, allowed.length - 1)];
        else {
            out[name] = PLACEHOLDER;
            placeholders.add(`label ${name}`);
        }
    }
    return out;
}
function fitAnnotations(annotations, required, placeholders) {
    const out = { ...annotations };
    for (const name of required) {
        if (out[name])
            continue;
        if (name === 'description')
            out[name] = annotations.summary;
        else {
            out[name] = PLACEHOLDER;
            placeholders.add(`annotation ${name}`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/checks/align/burn-alert-missing.ts





const alignBurnAlertMissing = {
    meta: {
        id: 'align/burn-alert-missing',
        severity: 'error',
        kind: 'model',
        description: 'An SLO whose burn-rate windows no alerting rule implements (warning when the SLO does not declare burn-rate alerting); ambiguous alert links as notices.',
        docs: 'docs/checks/align/burn-alert-missing.md',
        options: (0,options/* configOptions */.h)('alerts.required-labels', 'alerts.required-annotations'),
        aboutSlo: true,
    },
    run(linked, context) {
        const { links, sloName } = linked;
        for (const { slo, alerts } of links.bySlo.values()) {
            if (slo.target === undefined || !slo.periodSeconds || slo.alertingDisabled)
                continue;
            const expected = expectedWindows(slo);
            if (expected.length === 0)
                continue;
            const implemented = alerts.flatMap((a) => a.encoding.windows);
            // A window counts as implemented when an alert uses its long window or its factor; align/burn-window reports the difference.
            const missing = expected.filter((w) => !implemented.some((i) => i.longSeconds === w.longSeconds || (w.factor !== undefined && i.factor !== undefined && sameFactor(i.factor, w.factor))));
            if (missing.length === 0)
                continue;
            const none = implemented.length === 0;
            // Pyrra's operator writes its rules into the cluster, not the repository: their absence here is normal.
            const generatedInCluster = none && slo.format === 'pyrra';
            context.report({
                file: slo.file,
                ...slo.position,
                severity: generatedInCluster ? 'notice' : slo.declaresBurnAlerting ? 'error' : 'warning',
                subject: slo.name,
                slo: (0,slo_identity/* sloRef */.wF)(slo),
                message: none
                    ? `no alerting rule implements the burn-rate windows of SLO "${sloName(slo)}" (${expected.map(windowName).join(', ')})${generatedInCluster ? '; Pyrra generates them in the cluster, where they cannot be checked' : ''}`
                    : `no alerting rule implements the ${missing.map(windowName).join(', ')} burn-rate window${missing.length > 1 ? 's' : ''} of SLO "${sloName(slo)}"`,
                suggestion: missing.some((w) => w.factor !== undefined) ? burnRateRuleGroup(slo, missing, context.config, (0,link_link/* linkingLabels */.Yh)(linked, slo)) : undefined,
            });
        }
        for (const ambiguous of links.ambiguous) {
            const { rule } = ambiguous;
            if (!rule)
                continue;
            context.report({
                file: rule.file,
                ...rule.namePosition,
                severity: 'notice',
                subject: rule.name,
                message: ambiguous.by === 'inferred'
                    ? `alert "${rule.name}" fits SLOs ${candidateList(linked, ambiguous, 'and')} equally well; name its SLO with a label slo: <name> or map it in slo-links`
                    : ambiguous.by === 'label'
                        ? `alert "${rule.name}" could be SLO ${candidateList(linked, ambiguous, 'or')}: its labels give only the name; add a service label (${link_link/* SERVICE_LABELS */.wM.join(', ')}) or map it in slo-links as service/name`
                        : `alert "${rule.name}" could be SLO ${candidateList(linked, ambiguous, 'or')}: slo-links gives only the name; map it as service/name`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/align/burn-threshold.ts




// Generators print budgets with float noise (Sloth writes 0.001 as 0.0009999999999999432).
const BUDGET_TOLERANCE = 1e-6;
const alignBurnThreshold = {
    meta: {
        id: 'align/burn-threshold',
        severity: 'error',
        kind: 'model',
        description: 'A linked alert whose budget, factor or target differs from its SLO\'s (the SLO says 99.99 %, the alert divides by 1 − 0.999).',
        docs: 'docs/checks/align/burn-threshold.md',
        aboutSlo: true,
    },
    run({ links, sloName }, context) {
        for (const { slo, alerts } of links.bySlo.values()) {
            if (slo.target === undefined)
                continue;
            const budget = (0,burn_rate/* errorBudget */.C0)(slo.target);
            const expected = expectedWindows(slo);
            for (const { rule, encoding } of alerts) {
                const report = (position, message) => context.report({ file: rule.file, ...position, subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo), message });
                if (encoding.kind === 'burn-rate') {
                    for (const window of encoding.windows) {
                        if (window.budget !== undefined && !(0,units/* nearlyEqual */.q8)(window.budget, budget, BUDGET_TOLERANCE)) {
                            report(window.position, `alert "${rule.name}" uses an error budget of ${(0,units/* roundTo */.GB)(window.budget, 10)} (a ${(0,units/* formatPercent */.l9)(1 - window.budget)} target), but SLO "${sloName(slo)}" targets ${(0,units/* formatPercent */.l9)(slo.target)}: a budget of ${budget}`);
                            continue;
                        }
                        const declared = expected.find((w) => w.longSeconds === window.longSeconds);
                        if (declared?.factor !== undefined && window.factor !== undefined && !sameFactor(declared.factor, window.factor)) {
                            report(window.position, `alert "${rule.name}" burns at ${(0,units/* roundTo */.GB)(window.factor, 3)}× over ${(0,units/* formatDuration */.a3)(window.longSeconds)}, but SLO "${sloName(slo)}" alerts at ${(0,units/* roundTo */.GB)(declared.factor, 3)}× over that window`);
                        }
                    }
                }
                else if (encoding.kind === 'target') {
                    for (const condition of encoding.conditions) {
                        if (condition.target === undefined || (0,units/* nearlyEqual */.q8)(condition.target, slo.target, 1e-9))
                            continue;
                        report(condition.position, `alert "${rule.name}" compares against a ${(0,units/* formatPercent */.l9)(condition.target)} target, but SLO "${sloName(slo)}" targets ${(0,units/* formatPercent */.l9)(slo.target)}`);
                    }
                }
                else if (encoding.kind === 'ratio-threshold') {
                    // A bare error-ratio threshold is factor × budget for some factor: it must be one of the SLO's.
                    const factors = expected.map((w) => w.factor).filter((f) => f !== undefined);
                    for (const condition of encoding.conditions) {
                        if (!condition.above || condition.threshold >= 1 || factors.length === 0)
                            continue;
                        const factor = condition.threshold / budget;
                        if (factors.some((f) => sameFactor(f, factor)))
                            continue;
                        report(condition.position, `alert "${rule.name}" fires above an error ratio of ${(0,units/* roundTo */.GB)(condition.threshold, 10)}, ${(0,units/* roundTo */.GB)(factor, 3)}× the ${budget} budget of SLO "${sloName(slo)}", whose windows burn at ${factors.map((f) => `${(0,units/* roundTo */.GB)(f, 3)}×`).join(', ')}`);
                    }
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/align/burn-window.ts



const alignBurnWindow = {
    meta: {
        id: 'align/burn-window',
        severity: 'warning',
        kind: 'model',
        description: 'A linked burn-rate alert whose long or short window differs from the windows its SLO or policy declares.',
        docs: 'docs/checks/align/burn-window.md',
        aboutSlo: true,
    },
    run({ links, sloName }, context) {
        for (const { slo, alerts } of links.bySlo.values()) {
            const expected = expectedWindows(slo);
            if (expected.length === 0)
                continue;
            for (const { rule, encoding } of alerts) {
                for (const window of encoding.windows) {
                    const report = (message) => context.report({ file: rule.file, ...window.position, subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo), message });
                    const same = expected.find((w) => w.longSeconds === window.longSeconds);
                    if (same) {
                        if (same.shortSeconds && window.shortSeconds && same.shortSeconds !== window.shortSeconds) {
                            report(`alert "${rule.name}" confirms its ${(0,units/* formatDuration */.a3)(window.longSeconds)} window with ${(0,units/* formatDuration */.a3)(window.shortSeconds)}, but SLO "${sloName(slo)}" uses ${(0,units/* formatDuration */.a3)(same.shortSeconds)}`);
                        }
                        continue;
                    }
                    const byFactor = window.factor === undefined ? undefined : expected.find((w) => w.factor !== undefined && sameFactor(w.factor, window.factor));
                    report(byFactor
                        ? `alert "${rule.name}" burns at ${(0,units/* roundTo */.GB)(window.factor, 3)}× over ${windowName({ ...window, factor: undefined })}, but SLO "${sloName(slo)}"'s ${(0,units/* roundTo */.GB)(byFactor.factor, 3)}× window is ${windowName({ ...byFactor, factor: undefined })}`
                        : `alert "${rule.name}" burns over ${windowName({ ...window, factor: undefined })}, which is none of SLO "${sloName(slo)}"'s windows (${expected.map(windowName).join(', ')})`);
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/align/dashboard-missing.ts



const alignDashboardMissing = {
    meta: {
        id: 'align/dashboard-missing',
        severity: 'notice',
        kind: 'model',
        description: 'An SLO that no dashboard panel shows; panels that fit several SLOs equally well.',
        docs: 'docs/checks/align/dashboard-missing.md',
        aboutSlo: true,
    },
    run(linked, context) {
        const { links, sloName } = linked;
        for (const { slo, panels } of links.bySlo.values()) {
            if (panels.length)
                continue;
            context.report({ file: slo.file, ...slo.position, subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo), message: `no dashboard panel shows SLO "${sloName(slo)}"` });
        }
        for (const ambiguous of links.ambiguous) {
            const { dashboard, panel } = ambiguous;
            if (!dashboard || !panel)
                continue;
            const title = panel.title ?? panel.id ?? '?';
            context.report({
                file: dashboard.file,
                ...panel.position,
                subject: panel.title,
                message: ambiguous.by === 'label'
                    ? `panel "${title}" could be SLO ${candidateList(linked, ambiguous, 'or')}: its queries give only the name; select a service label too (${link_link/* SERVICE_LABELS */.wM.join(', ')})`
                    : `panel "${title}" fits SLOs ${candidateList(linked, ambiguous, 'and')} equally well; its title or queries should name one`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/align/dashboard-threshold.ts


const alignDashboardThreshold = {
    meta: {
        id: 'align/dashboard-threshold',
        severity: 'warning',
        kind: 'model',
        description: 'A panel shown for an SLO whose title or thresholds state a different target or latency.',
        docs: 'docs/checks/align/dashboard-threshold.md',
        aboutSlo: true,
    },
    run({ links, sloName }, context) {
        for (const { slo, panels } of links.bySlo.values()) {
            for (const { dashboard, panel } of panels) {
                const title = panel.title ?? '';
                const stated = (0,units/* statedFigures */.JP)(title);
                const steps = panel.thresholds.map((s) => s.value).filter((v) => v !== null);
                const report = (message) => context.report({ file: dashboard.file, ...panel.position, subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo), message });
                if (slo.indicator.type === 'latency' && slo.indicator.thresholdSeconds !== undefined) {
                    const want = slo.indicator.thresholdSeconds;
                    // Threshold steps are in the panel's unit: milliseconds or seconds.
                    const scale = panel.unit === 'ms' ? 1e-3 : panel.unit === 's' ? 1 : undefined;
                    const stepLatencies = scale === undefined ? [] : steps.map((v) => v * scale);
                    for (const [what, values] of [['title states', stated.latencies], ['thresholds are', stepLatencies]]) {
                        if (values.length && !values.some((v) => (0,units/* nearlyEqual */.q8)(v, want, 1e-6))) {
                            report(`panel "${title}" ${what} ${values.map(units/* formatLatency */.YL).join(', ')}, but SLO "${sloName(slo)}" allows ${(0,units/* formatLatency */.YL)(want)}`);
                        }
                    }
                    continue;
                }
                if (slo.target === undefined)
                    continue;
                const target = slo.target;
                // A percent below 50 is an error rate or a usage, not a target.
                const titleTargets = stated.percents.filter((p) => p >= 50).map((p) => p / 100);
                const stepTargets = panel.unit === 'percent' ? steps.filter((v) => v >= 50 && v <= 100).map((v) => v / 100) : panel.unit === 'percentunit' ? steps.filter((v) => v >= 0.5 && v <= 1) : [];
                for (const [what, values] of [['title states', titleTargets], ['thresholds are', stepTargets]]) {
                    if (values.length && !values.some((v) => (0,units/* nearlyEqual */.q8)(v, target, 1e-9))) {
                        report(`panel "${title}" ${what} ${values.map((v) => (0,units/* formatPercent */.l9)(v)).join(', ')}, but SLO "${sloName(slo)}" targets ${(0,units/* formatPercent */.l9)(target)}`);
                    }
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/align/latency-threshold.ts


const alignLatencyThreshold = {
    meta: {
        id: 'align/latency-threshold',
        severity: 'error',
        kind: 'model',
        description: 'A latency alert linked to a latency SLO that compares against a different threshold or percentile.',
        docs: 'docs/checks/align/latency-threshold.md',
        aboutSlo: true,
    },
    run({ links, sloName }, context) {
        for (const { slo, alerts } of links.bySlo.values()) {
            const { thresholdSeconds, percentile } = slo.indicator;
            if (slo.indicator.type !== 'latency' || thresholdSeconds === undefined)
                continue;
            const sloText = `${(0,units/* formatLatency */.YL)(thresholdSeconds)}${percentile !== undefined ? ` at p${(0,units/* roundTo */.GB)(percentile, 3)}` : ''}`;
            for (const { rule, encoding } of alerts) {
                for (const condition of encoding.conditions) {
                    if (!condition.latency)
                        continue;
                    const alert = condition.latency;
                    const thresholdDiffers = !(0,units/* nearlyEqual */.q8)(alert.thresholdSeconds, thresholdSeconds, 1e-6);
                    const percentileDiffers = percentile !== undefined && alert.percentile !== undefined && !(0,units/* nearlyEqual */.q8)(alert.percentile, percentile, 1e-6);
                    if (!thresholdDiffers && !percentileDiffers)
                        continue;
                    context.report({
                        file: rule.file,
                        ...condition.position,
                        subject: slo.name,
                        slo: (0,slo_identity/* sloRef */.wF)(slo),
                        message: `alert "${rule.name}" fires above ${(0,units/* formatLatency */.YL)(alert.thresholdSeconds)}${alert.percentile !== undefined ? ` at p${(0,units/* roundTo */.GB)(alert.percentile, 3)}` : ''}, but SLO "${sloName(slo)}" allows ${sloText}`,
                    });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/align/metric.ts


/** Raw metric families only: recording rules (names with a colon) stand for the metrics they read, which are listed too. */
function familiesOf(metrics) {
    return new Set(metrics.map(link_link/* metricFamily */.Xb).filter((family) => !family.includes(':')));
}
const alignMetric = {
    meta: {
        id: 'align/metric',
        severity: 'warning',
        kind: 'model',
        description: 'Alerts and dashboard panels linked to one SLO that read different metrics for the same SLI.',
        docs: 'docs/checks/align/metric.md',
        aboutSlo: true,
    },
    run({ links, sloName }, context) {
        for (const { slo, alerts, panels } of links.bySlo.values()) {
            const readers = [
                ...alerts.map(({ rule, encoding }) => ({ what: `alert "${rule.name}"`, file: rule.file, position: rule.expr.position, isAlert: true, families: familiesOf(encoding.metrics) })),
                ...panels.map(({ dashboard, panel, metrics }) => ({
                    what: `panel "${panel.title ?? panel.id ?? '?'}"`,
                    file: dashboard.file,
                    position: panel.position,
                    isAlert: false,
                    families: familiesOf(metrics),
                })),
            ].filter((r) => r.families.size > 0);
            const sli = [...familiesOf(slo.indicator.metrics)];
            // The SLI's own metrics when the SLO names them; else what most of its readers read (alerts first, then by name).
            const reference = sli.length ? sli : majority(readers);
            if (!reference.length)
                continue;
            const source = sli.length ? `SLO "${sloName(slo)}"'s SLI` : readers.find((r) => reference.some((f) => r.families.has(f))).what;
            for (const reader of readers) {
                if (reference.some((f) => reader.families.has(f)))
                    continue;
                context.report({
                    file: reader.file,
                    ...reader.position,
                    subject: slo.name,
                    slo: (0,slo_identity/* sloRef */.wF)(slo),
                    message: `${reader.what} for SLO "${sloName(slo)}" reads ${[...reader.families].join(', ')}, but ${source} reads ${reference.join(', ')}`,
                });
            }
        }
    },
};
function majority(readers) {
    const score = new Map();
    for (const reader of readers) {
        for (const family of reader.families) {
            const [all, alerts] = score.get(family) ?? [0, 0];
            score.set(family, [all + 1, alerts + (reader.isAlert ? 1 : 0)]);
        }
    }
    const ranked = [...score].sort(([fa, [a1, a2]], [fb, [b1, b2]]) => b1 - a1 || b2 - a2 || (fa < fb ? -1 : fa > fb ? 1 : 0));
    return ranked.length ? [ranked[0][0]] : [];
}

;// CONCATENATED MODULE: ./src/checks/align/single-window.ts

const alignSingleWindow = {
    meta: {
        id: 'align/single-window',
        severity: 'warning',
        kind: 'model',
        description: 'A burn-rate alert of an SLO with one window and no short confirmation window: it keeps firing long after the burn stops.',
        docs: 'docs/checks/align/single-window.md',
        aboutSlo: true,
    },
    run({ links }, context) {
        // Only alerts linked to an SLO: a plain latency or error-ratio alert in a repository without
        // SLOs is not a burn-rate alert, whatever its threshold looks like.
        const linked = new Set([...links.bySlo.values()].flatMap(({ alerts }) => alerts.map((alert) => alert.rule)));
        for (const [rule, encoding] of links.encodings) {
            if (!linked.has(rule))
                continue;
            for (const window of encoding.windows) {
                if (window.shortSeconds !== undefined)
                    continue;
                context.report({
                    file: rule.file,
                    ...window.position,
                    subject: rule.name,
                    message: `alert "${rule.name}" burns at ${(0,units/* roundTo */.GB)(window.factor ?? 0, 3)}× over ${(0,units/* formatDuration */.a3)(window.longSeconds)} alone; ` +
                        `add a short window of about 1/12 of it (${(0,units/* formatDuration */.a3)(Math.round(window.longSeconds / 12))}) with the same threshold, so it stops soon after the burn does`,
                });
            }
        }
    },
};

// EXTERNAL MODULE: ./src/checks/promql/counters.ts
var counters = __webpack_require__(2864);
;// CONCATENATED MODULE: ./src/checks/dashboard/queries.ts
// The PromQL targets of a dashboard: the adapter reads a target as PromQL only when its data
// source is Prometheus-compatible (or unknown, and the query is not LogQL-shaped); Loki targets
// are read as LogQL (target.logql) and other data sources' queries are not read.
function promqlTargets(dashboards) {
    const out = [];
    for (const dashboard of dashboards) {
        for (const panel of dashboard.panels) {
            for (const target of panel.targets) {
                if (!target.expr)
                    continue;
                out.push({ dashboard, panel, target, expr: target.expr, where: `${panelName(panel)}${target.refId ? `, target ${target.refId}` : ''}` });
            }
        }
    }
    return out;
}
function panelName(panel) {
    const title = panel.title ? `panel "${panel.title}"` : 'panel';
    return panel.id !== undefined ? `${title} (id ${panel.id})` : title;
}
function dashboardName(dashboard) {
    return dashboard.title ?? dashboard.entry ?? dashboard.file;
}

// EXTERNAL MODULE: ./src/model/placement.ts
var placement = __webpack_require__(54302);
;// CONCATENATED MODULE: ./src/checks/dashboard/counter.ts



const dashboardCounter = {
    meta: {
        id: 'dashboard/counter',
        severity: 'warning',
        kind: 'model',
        description: 'A panel query that shows or compares a counter (_total, _count, _sum, _bucket) raw, without rate() or increase().',
        docs: 'docs/checks/dashboard/counter.md',
    },
    run({ model }, context) {
        const families = (0,counters/* histogramFamilies */.Bm)(model);
        for (const { dashboard, expr, where } of promqlTargets(model.dashboards)) {
            if (expr.analysis.errors.length > 0)
                continue; // dashboard/promql speaks first
            for (const use of (0,counters/* rawCounterUses */.Zp)(expr, families)) {
                context.report({
                    file: dashboard.file,
                    ...(0,placement/* queryPosition */.ol)(expr, use.selector.from),
                    subject: `${dashboardName(dashboard)}/${where}/${use.metric}`,
                    message: `${where}: ${(0,counters/* rawCounterMessage */.Mw)(use)}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/dashboard/datasource.ts

// Grafana's built-in pseudo datasources exist on every instance.
const PSEUDO = new Set(['-- Mixed --', '-- Dashboard --', '-- Grafana --', 'grafana', 'default']);
const VARIABLE = /^\$(\{([A-Za-z0-9_]+)(:[^}]*)?\}|([A-Za-z0-9_]+))$|^\[\[([A-Za-z0-9_]+)\]\]$/;
const dashboardDatasource = {
    meta: {
        id: 'dashboard/datasource',
        severity: 'warning',
        kind: 'model',
        description: 'A panel or target pointing at a hard-coded datasource (uid or name) instead of a datasource variable, or at a variable the dashboard does not declare.',
        docs: 'docs/checks/dashboard/datasource.md',
    },
    run({ model }, context) {
        for (const dashboard of model.dashboards) {
            for (const panel of dashboard.panels) {
                const refs = [[panel.datasource, panelName(panel)]];
                for (const target of panel.targets)
                    refs.push([target.datasource, `${panelName(panel)}, target ${target.refId ?? ''}`.trim()]);
                for (const [ref, where] of refs) {
                    const problem = ref && problemOf(ref, dashboard);
                    if (!problem)
                        continue;
                    context.report({ file: dashboard.file, ...ref.position, subject: `${dashboardName(dashboard)}/${where}`, message: `${where}: ${problem}` });
                }
            }
        }
    },
};
function problemOf(ref, dashboard) {
    const value = ref.uid ?? ref.name;
    if (value === undefined || value === '' || PSEUDO.has(value))
        return undefined;
    const variable = VARIABLE.exec(value);
    if (variable) {
        const name = variable[2] ?? variable[4] ?? variable[5];
        // Exported dashboards name their inputs ${DS_X} in __inputs, which the model does not keep.
        if (dashboard.variables.some((v) => v.name === name) || name.startsWith('DS_') || name.startsWith('__'))
            return undefined;
        return `datasource variable "${value}" is not declared in the dashboard's templating`;
    }
    return `datasource ${ref.uid !== undefined ? 'uid' : 'name'} "${value}" is hard-coded: it exists only on the Grafana instance the dashboard was exported from; use a datasource variable such as \${datasource}`;
}

;// CONCATENATED MODULE: ./src/checks/dashboard/deprecated-panel.ts

// Panel types Grafana removed (Angular plugins, gone in Grafana 12) or migrates on load, and what replaces them.
const REPLACEMENTS = {
    graph: 'timeseries',
    singlestat: 'stat',
    'grafana-singlestat-panel': 'stat',
    'table-old': 'table',
    'grafana-piechart-panel': 'piechart',
    'grafana-worldmap-panel': 'geomap',
    'natel-discrete-panel': 'state-timeline',
    'flant-statusmap-panel': 'status-history',
    'briangann-gauge-panel': 'gauge',
    'michaeldmoore-annunciator-panel': 'stat',
    'agenty-flowcharting-panel': 'canvas',
    'vonage-status-panel': 'stat',
};
const dashboardDeprecatedPanel = {
    meta: {
        id: 'dashboard/deprecated-panel',
        severity: 'warning',
        kind: 'model',
        description: 'A panel type Grafana removed or migrates on load (graph, singlestat, table-old, Angular plugins), with its replacement.',
        docs: 'docs/checks/dashboard/deprecated-panel.md',
    },
    run({ model }, context) {
        for (const dashboard of model.dashboards) {
            for (const panel of dashboard.panels) {
                const replacement = panel.type !== undefined ? REPLACEMENTS[panel.type] : undefined;
                if (!replacement)
                    continue;
                context.report({
                    file: dashboard.file,
                    ...panel.position,
                    subject: `${dashboardName(dashboard)}/${panel.id ?? panel.title ?? ''}`,
                    message: `${panelName(panel)} in dashboard "${dashboardName(dashboard)}" uses the deprecated "${panel.type}" type; use "${replacement}"`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/dashboard/logql.ts


const dashboardLogql = {
    meta: {
        id: 'dashboard/logql',
        severity: 'error',
        kind: 'model',
        description: "A Loki panel query that does not parse as LogQL (Grafana's own LogQL grammar) once Grafana variables are substituted.",
        docs: 'docs/checks/dashboard/logql.md',
    },
    run({ model }, context) {
        for (const dashboard of model.dashboards) {
            for (const panel of dashboard.panels) {
                for (const target of panel.targets) {
                    const query = target.logql;
                    if (!query)
                        continue;
                    const where = `${panelName(panel)}${target.refId ? `, target ${target.refId}` : ''}`;
                    for (const error of query.analysis.errors) {
                        context.report({
                            file: dashboard.file,
                            ...(0,placement/* queryPosition */.ol)(query, error.from),
                            subject: `${dashboardName(dashboard)}/${where}`,
                            message: `${where}: could not parse LogQL query (data source: ${target.source.via}): ${error.message}`,
                        });
                    }
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/dashboard/panel-id.ts

const dashboardPanelId = {
    meta: {
        id: 'dashboard/panel-id',
        severity: 'warning',
        kind: 'model',
        description: 'Two panels of one dashboard with the same id (rows and collapsed-row children included): links, embeds and alerts pick the wrong one.',
        docs: 'docs/checks/dashboard/panel-id.md',
    },
    run({ model }, context) {
        for (const dashboard of model.dashboards) {
            const seen = new Map();
            for (const panel of dashboard.panels) {
                if (panel.id === undefined)
                    continue;
                const earlier = seen.get(panel.id);
                if (!earlier) {
                    seen.set(panel.id, panel);
                    continue;
                }
                context.report({
                    file: dashboard.file,
                    ...panel.position,
                    subject: `${dashboardName(dashboard)}/${panel.id}`,
                    message: `${panelName(panel)} in dashboard "${dashboardName(dashboard)}" has the id of ${earlier.title ? `panel "${earlier.title}"` : 'the panel'} at line ${earlier.position.line}; Grafana renumbers one of them, so panel links (viewPanel=${panel.id}) open the wrong one`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/promql/root-causes.ts
// One finding per root cause. After a syntax error Prometheus' parser (and the grammar slo-gate
// reads queries with) recovers and reports what the recovery tripped over: a missing `)` gives
// "unexpected <by>" where it was missed and "unclosed left parenthesis" at the end of the query.
// Those follow-on errors say nothing the first one does not; independent errors (two bad regexes,
// two type errors) are all kept.
const SYNTAX = /^(unexpected|unclosed) /;
const FOLLOW_ON = /^(unclosed left (parenthesis|bracket|brace)|unexpected end of input)/;
function rootCauseErrors(errors) {
    const kept = [];
    let syntax;
    for (const error of errors) {
        if (syntax && (FOLLOW_ON.test(error.message) || (SYNTAX.test(error.message) && error.from <= syntax.to + 1)))
            continue;
        kept.push(error);
        if (!syntax && SYNTAX.test(error.message))
            syntax = error;
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/checks/dashboard/promql.ts



const dashboardPromql = {
    meta: {
        id: 'dashboard/promql',
        severity: 'error',
        kind: 'model',
        description: 'A panel query that does not parse as PromQL once Grafana variables are substituted: the panel shows "No data" or an error.',
        docs: 'docs/checks/dashboard/promql.md',
    },
    run({ model }, context) {
        for (const { dashboard, expr, where } of promqlTargets(model.dashboards)) {
            for (const error of rootCauseErrors(expr.analysis.errors)) {
                context.report({
                    file: dashboard.file,
                    // An error at the end of input points after the last character, not at a trailing newline.
                    ...(0,placement/* queryPosition */.ol)(expr, Math.min(error.from, expr.text.trimEnd().length)),
                    subject: `${dashboardName(dashboard)}/${where}`,
                    message: `${where}: could not parse expression: ${error.message}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/dashboard/schema.ts
const dashboardSchema = {
    meta: {
        id: 'dashboard/schema',
        severity: 'error',
        kind: 'model',
        description: 'A dashboard without a title or with panels without a type (a missing uid is dashboard/uid).',
        docs: 'docs/checks/dashboard/schema.md',
    },
    run({ model }, context) {
        for (const dashboard of model.dashboards) {
            const name = dashboard.title ?? dashboard.entry ?? dashboard.file;
            if (!dashboard.title)
                context.report({ file: dashboard.file, ...dashboard.position, subject: name, message: `dashboard${dashboard.entry ? ` ${dashboard.entry}` : ''} has no title` });
            for (const panel of dashboard.panels) {
                if (panel.type)
                    continue;
                context.report({
                    file: dashboard.file,
                    ...panel.position,
                    subject: `${name}/${panel.id ?? panel.title ?? ''}`,
                    message: `panel ${panel.title ? `"${panel.title}"` : panel.id !== undefined ? `id ${panel.id}` : ''} in dashboard "${name}" has no type`.replace('  ', ' '),
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/dashboard/thresholds.ts

const dashboardThresholds = {
    meta: {
        id: 'dashboard/thresholds',
        severity: 'warning',
        kind: 'model',
        description: 'Thresholds placed outside fieldConfig.defaults.thresholds (Grafana ignores them), or threshold steps not in ascending order.',
        docs: 'docs/checks/dashboard/thresholds.md',
    },
    run({ model }, context) {
        for (const dashboard of model.dashboards) {
            for (const panel of dashboard.panels) {
                const subject = `${dashboardName(dashboard)}/${panel.id ?? panel.title ?? ''}`;
                for (const position of panel.misplacedThresholds) {
                    context.report({
                        file: dashboard.file,
                        ...position,
                        subject,
                        message: `${panelName(panel)}: thresholds here are ignored by the ${panel.type ?? ''} panel; move them to fieldConfig.defaults.thresholds`.replace('  ', ' '),
                    });
                }
                const values = panel.thresholds.map((step) => step.value).filter((value) => value !== null);
                const drop = values.findIndex((value, i) => i > 0 && value < values[i - 1]);
                if (drop > 0) {
                    context.report({
                        file: dashboard.file,
                        ...panel.position,
                        subject,
                        message: `${panelName(panel)}: threshold steps are not ascending (${values[drop - 1]} before ${values[drop]}); Grafana sorts them, so the colours land on other values than written`,
                    });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/dashboard/uid.ts

// Grafana's own limits (pkg/util/shortid_generator.go): at most 40 characters from this set.
const MAX_UID_LENGTH = 40;
const UID_CHARS = /^[A-Za-z0-9_-]*$/;
const dashboardUid = {
    meta: {
        id: 'dashboard/uid',
        severity: 'error',
        kind: 'model',
        description: 'A dashboard uid Grafana rejects (over 40 characters, characters outside A-Z a-z 0-9 _ -) or that another dashboard uses; a missing uid (warning).',
        docs: 'docs/checks/dashboard/uid.md',
    },
    run({ model }, context) {
        const seen = new Map();
        for (const dashboard of model.dashboards) {
            const name = dashboardName(dashboard);
            const at = { file: dashboard.file, ...(dashboard.uidPosition ?? dashboard.position), subject: name };
            const uid = dashboard.uid;
            if (uid === undefined || uid === '') {
                context.report({ ...at, severity: 'warning', message: `dashboard "${name}" has no uid: Grafana invents one on import, so links to it break on every import` });
                continue;
            }
            if (uid.length > MAX_UID_LENGTH)
                context.report({ ...at, message: `dashboard "${name}": uid "${uid}" is ${uid.length} characters long; Grafana accepts at most ${MAX_UID_LENGTH}` });
            if (!UID_CHARS.test(uid))
                context.report({ ...at, message: `dashboard "${name}": uid "${uid}" has characters Grafana rejects; use only letters, digits, - and _` });
            const earlier = seen.get(uid);
            if (earlier) {
                const where = earlier.file === dashboard.file ? `line ${earlier.position.line}` : `${earlier.file}:${(earlier.uidPosition ?? earlier.position).line}`;
                context.report({ ...at, message: `dashboard "${name}": uid "${uid}" is also the uid of dashboard "${dashboardName(earlier)}" (${where}); the last one imported overwrites the other` });
            }
            else
                seen.set(uid, dashboard);
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/diff/pairing.ts
// Which SLO, alert or dashboard of the base is which of the head. Identity never uses line
// numbers or file order, so moving things around is not a change. What ties an SLO to its alerts
// and dashboards on each side is the one linker's (src/link/queries.ts).

/** Base SLOs paired with their head counterparts (same name and service; the same file wins a tie). */
function pairSlos(base, head) {
    const pool = new Map();
    for (const slo of head.slos)
        pool.set((0,slo_identity/* sloIdentityKey */.kL)(slo), [...(pool.get((0,slo_identity/* sloIdentityKey */.kL)(slo)) ?? []), slo]);
    const pairs = [];
    const removed = [];
    for (const slo of base.slos) {
        const candidates = pool.get((0,slo_identity/* sloIdentityKey */.kL)(slo)) ?? [];
        const index = Math.max(0, candidates.findIndex((candidate) => candidate.file === slo.file));
        const match = candidates.splice(index, 1)[0];
        if (match)
            pairs.push([slo, match]);
        else
            removed.push(slo);
    }
    return { pairs, removed };
}
/** An alert's identity across commits, among the alerts of one SLO: its name and severity. */
function alertIdentity(rule) {
    return `${rule.name}\u0000${rule.labels.severity?.value ?? ''}`;
}
/** Base alerts paired with head alerts of the same identity, in order of appearance. */
function pairAlerts(base, head, identity) {
    const pool = new Map();
    for (const rule of head)
        pool.set(identity(rule), [...(pool.get(identity(rule)) ?? []), rule]);
    const pairs = [];
    const unmatched = [];
    for (const rule of base) {
        const match = pool.get(identity(rule))?.shift();
        if (match)
            pairs.push([rule, match]);
        else
            unmatched.push(rule);
    }
    return { pairs, unmatched };
}
function dashboardIdentity(dashboard) {
    return dashboard.uid ? `uid:${dashboard.uid}` : dashboard.title ? `title:${dashboard.title}` : `file:${dashboard.file}#${dashboard.entry ?? ''}`;
}

// EXTERNAL MODULE: ./src/link/queries.ts
var queries = __webpack_require__(17920);
;// CONCATENATED MODULE: ./src/checks/diff/windows.ts
// Burn-rate windows an SLO declares, matched between base and head by what they are for
// (their severity, else their long window), never by position.


/** What a window is for: its severity (Sloth's page and ticket alerts), else its long window. */
const windowKey = (window) => window.severity ?? (0,units/* formatDuration */.a3)(window.longSeconds);
/**
 * Base and head windows of one SLO, paired by what they are for. Windows derived from a table
 * (Sloth's) count too: they exist because the SLO declares the alert, and go when it stops.
 * Several windows for one severity pair in order, shortest first.
 */
function pairWindows(base, head) {
    const byLength = (a, b) => a.longSeconds - b.longSeconds;
    const pool = new Map();
    for (const window of [...head].sort(byLength))
        pool.set(windowKey(window), [...(pool.get(windowKey(window)) ?? []), window]);
    const pairs = [];
    const unmatched = [];
    for (const window of [...base].sort(byLength)) {
        const match = pool.get(windowKey(window))?.shift();
        if (match)
            pairs.push([window, match]);
        else
            unmatched.push(window);
    }
    return { pairs, unmatched };
}
/** "page 1h/5m ×14.4" */
function windowText(window) {
    return [window.severity, spanText(window)].filter(Boolean).join(' ');
}
/** "1h/5m ×14.4" */
function spanText(window) {
    const span = `${(0,units/* formatDuration */.a3)(window.longSeconds)}${window.shortSeconds !== undefined ? `/${(0,units/* formatDuration */.a3)(window.shortSeconds)}` : ''}`;
    return window.factor !== undefined ? `${span} ×${window.factor}` : span;
}
/**
 * One finding per changed window. A policy-wide window is shared by every SLO of the policy:
 * changing it once is one finding naming them all, not one per SLO.
 */
function reportWindowChanges(changes, report) {
    const spots = new Map();
    for (const change of changes) {
        const key = [change.file, change.position.line, change.position.column, change.text].join('\u0000');
        spots.set(key, [...(spots.get(key) ?? []), change]);
    }
    for (const group of spots.values()) {
        const names = group.map((change) => `"${change.name}"`).join(', ');
        const about = group.length === 1 ? { slo: (0,slo_identity/* sloRef */.wF)(group[0].slo) } : {};
        report({ file: group[0].file, ...group[0].position, subject: group[0].subject, ...about, message: `${group.length > 1 ? 'SLOs' : 'SLO'} ${names} ${group[0].text}` });
    }
}

;// CONCATENATED MODULE: ./src/checks/diff/alert-loosened.ts






const diffAlertLoosened = {
    meta: {
        id: 'diff/alert-loosened',
        severity: 'warning',
        kind: 'diff',
        description: "A linked alert's threshold, burn-rate factor, window or `for` moved in the direction that alerts later.",
        docs: 'docs/checks/diff/alert-loosened.md',
        policyChange: true,
    },
    run({ base, head }, context) {
        const windowChanges = [];
        for (const [before, after] of pairSlos(base.model, head.model).pairs) {
            const { pairs } = pairAlerts((0,queries/* linkedAlerts */.H)(base, before), (0,queries/* linkedAlerts */.H)(head, after), alertIdentity);
            for (const [old, now] of pairs) {
                const changes = loosenings({ old: base, now: head }, old, now);
                if (changes.length === 0)
                    continue;
                context.report({
                    file: now.file,
                    ...changes[0].position,
                    subject: `${after.name}/${now.name}`,
                    slo: (0,slo_identity/* sloRef */.wF)(after),
                    message: `alert "${now.name}" for SLO "${head.sloName(after)}" fires later than before: ${changes.map((change) => change.text).join(', ')}`,
                });
            }
            for (const [old, now] of pairWindows(before.burnWindows, after.burnWindows).pairs) {
                const laterFactor = old.factor !== undefined && now.factor !== undefined && now.factor < old.factor;
                if (!laterFactor && !(now.longSeconds > old.longSeconds))
                    continue;
                windowChanges.push({
                    file: after.file,
                    position: now.position ?? after.position,
                    slo: after,
                    name: head.sloName(after),
                    subject: `${windowText(now)}`,
                    text: `burn-rate alert fires later than before: ${windowText(old)} → ${windowText(now)}`,
                });
            }
        }
        reportWindowChanges(windowChanges, context.report);
    },
};
/** What moved towards alerting later. Thresholds and windows come from src/link's reading of each alert. */
function loosenings(model, old, now) {
    const changes = [];
    const before = model.old.links.encodings.get(old)?.conditions ?? [];
    const after = model.now.links.encodings.get(now)?.conditions ?? [];
    // A changed number of conditions is a rewrite, not a moved threshold: nothing to pair.
    if (before.length === after.length) {
        before.forEach((was, index) => {
            const is = after[index];
            if (was.above !== is.above)
                return;
            const position = thresholdPosition(now, is.position);
            if (was.factor !== undefined && is.factor !== undefined) {
                // The factor, not the threshold: a budget that moved with the target is diff/target-lowered's.
                if (is.factor < was.factor && !(0,units/* nearlyEqual */.q8)(is.factor, was.factor))
                    changes.push({ text: `burn-rate factor ${(0,units/* roundTo */.GB)(was.factor, 4)} → ${(0,units/* roundTo */.GB)(is.factor, 4)}`, position });
            }
            else if (was.latency && is.latency) {
                if (is.latency.thresholdSeconds > was.latency.thresholdSeconds && !(0,units/* nearlyEqual */.q8)(is.latency.thresholdSeconds, was.latency.thresholdSeconds)) {
                    changes.push({ text: `latency threshold ${(0,units/* formatLatency */.YL)(was.latency.thresholdSeconds)} → ${(0,units/* formatLatency */.YL)(is.latency.thresholdSeconds)}`, position });
                }
            }
            else if ((is.above ? is.threshold > was.threshold : is.threshold < was.threshold) && !(0,units/* nearlyEqual */.q8)(is.threshold, was.threshold)) {
                changes.push({ text: `threshold ${(0,units/* roundTo */.GB)(was.threshold, 6)} → ${(0,units/* roundTo */.GB)(is.threshold, 6)}`, position });
            }
            const wasWindow = Math.max(0, ...was.windows);
            const isWindow = Math.max(0, ...is.windows);
            if (wasWindow > 0 && isWindow > wasWindow)
                changes.push({ text: `window ${(0,units/* formatDuration */.a3)(wasWindow)} → ${(0,units/* formatDuration */.a3)(isWindow)}`, position: is.position });
        });
    }
    const oldFor = (0,units/* parseDuration */.E9)(old.for?.value ?? '0') ?? 0;
    const newFor = (0,units/* parseDuration */.E9)(now.for?.value ?? '0') ?? 0;
    if (newFor > oldFor)
        changes.push({ text: `for ${(0,units/* formatDuration */.a3)(oldFor)} → ${(0,units/* formatDuration */.a3)(newFor)}`, position: now.for?.position ?? now.namePosition });
    return changes;
}
/**
 * Where the threshold number of a condition is written. src/link places a condition at the start
 * of its comparison, which in a multi-line query can be lines above the number that changed.
 */
function thresholdPosition(rule, conditionStart) {
    const comparison = rule.expr.analysis.facts.comparisons.find((candidate) => {
        const start = (0,placement/* queryPosition */.ol)(rule.expr, candidate.from);
        return start.line === conditionStart.line && start.column === conditionStart.column;
    });
    if (!comparison || comparison.threshold === undefined)
        return conditionStart;
    return (0,placement/* queryPosition */.ol)(rule.expr, thresholdOffset(rule.expr.text, comparison));
}
/** After the operator for `x > t` (and `bool`), at the start for `t < x`. */
function thresholdOffset(text, comparison) {
    if (comparison.thresholdSide === 'left')
        return comparison.from;
    const span = text.slice(comparison.from, comparison.to);
    const operator = span.lastIndexOf(comparison.op);
    if (operator < 0)
        return comparison.from;
    const skip = /^\s*(?:bool\s+)?/.exec(span.slice(operator + comparison.op.length))[0].length;
    return comparison.from + operator + comparison.op.length + skip;
}

;// CONCATENATED MODULE: ./src/checks/diff/alert-removed.ts




const diffAlertRemoved = {
    meta: {
        id: 'diff/alert-removed',
        severity: 'error',
        kind: 'diff',
        description: 'A burn-rate or latency alert linked to an SLO in the base is gone from the head, or no longer linked to it.',
        docs: 'docs/checks/diff/alert-removed.md',
        policyChange: true,
    },
    run({ base, head, headPosition }, context) {
        const windowChanges = [];
        // SLOs removed outright are diff/slo-removed's: their alerts going with them is one decision.
        for (const [before, after] of pairSlos(base.model, head.model).pairs) {
            const headAlerts = (0,queries/* linkedAlerts */.H)(head, after);
            const { unmatched } = pairAlerts((0,queries/* linkedAlerts */.H)(base, before), headAlerts, alertIdentity);
            for (const rule of unmatched) {
                const severity = rule.labels.severity ? ` (severity ${rule.labels.severity.value})` : '';
                const stillThere = head.model.rules.find((candidate) => candidate.kind === 'alert' && candidate.name === rule.name && candidate.labels.severity?.value === rule.labels.severity?.value);
                context.report(stillThere
                    ? {
                        file: stillThere.file,
                        ...stillThere.namePosition,
                        subject: `${after.name}/${rule.name}`,
                        slo: (0,slo_identity/* sloRef */.wF)(after),
                        message: `alert "${rule.name}"${severity} is no longer linked to SLO "${head.sloName(after)}"`,
                    }
                    : {
                        file: rule.file,
                        ...headPosition(rule.file, rule.position),
                        subject: `${after.name}/${rule.name}`,
                        slo: (0,slo_identity/* sloRef */.wF)(after),
                        message: `alert "${rule.name}"${severity} for SLO "${head.sloName(after)}" was removed`,
                    });
            }
            // Alerts an SLO declares itself (Sloth page/ticket alerts, seed burn windows) are generated from it.
            if (before.declaresBurnAlerting && !after.declaresBurnAlerting) {
                context.report({ file: after.file, ...after.position, subject: after.name, slo: (0,slo_identity/* sloRef */.wF)(after), message: `SLO "${head.sloName(after)}" no longer declares burn-rate alerting` });
                continue;
            }
            // One finding per alert: Sloth's page alert is two windows.
            const gone = new Map();
            for (const window of pairWindows(before.burnWindows, after.burnWindows).unmatched)
                gone.set(windowKey(window), [...(gone.get(windowKey(window)) ?? []), window]);
            for (const [key, windows] of gone) {
                const spans = windows.map(spanText).join(', ');
                windowChanges.push({
                    file: after.file,
                    position: headPosition(before.file, windows[0].position ?? before.position) ?? after.position,
                    slo: after,
                    name: head.sloName(after),
                    subject: key,
                    text: windows[0].severity ? `no longer declares its ${key} burn-rate alert (${spans})` : `no longer declares its ${spans} burn-rate alert`,
                });
            }
        }
        reportWindowChanges(windowChanges, context.report);
    },
};

;// CONCATENATED MODULE: ./src/checks/diff/dashboard-removed.ts


const diffDashboardRemoved = {
    meta: {
        id: 'diff/dashboard-removed',
        severity: 'warning',
        kind: 'diff',
        description: 'A dashboard that showed an SLO in the base is gone from the head.',
        docs: 'docs/checks/diff/dashboard-removed.md',
        policyChange: true,
    },
    run({ base, head, headPosition }, context) {
        const remaining = new Set(head.model.dashboards.map(dashboardIdentity));
        for (const dashboard of base.model.dashboards) {
            if (remaining.has(dashboardIdentity(dashboard)))
                continue;
            const shown = base.model.slos.filter((slo) => (0,queries/* dashboardShows */.Z)(base, dashboard, slo)).map((slo) => `"${base.sloName(slo)}"`);
            if (shown.length === 0)
                continue;
            const name = dashboard.title ?? dashboard.uid ?? dashboard.entry ?? dashboard.file;
            context.report({
                file: dashboard.file,
                ...headPosition(dashboard.file, dashboard.position),
                subject: dashboardIdentity(dashboard),
                message: `dashboard "${name}" was removed; it showed SLO ${shown.join(', ')}`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/diff/slo-removed.ts



const diffSloRemoved = {
    meta: {
        id: 'diff/slo-removed',
        severity: 'error',
        kind: 'diff',
        description: 'An SLO present in the base is gone from the head.',
        docs: 'docs/checks/diff/slo-removed.md',
        policyChange: true,
    },
    run({ base, head, headPosition }, context) {
        for (const slo of pairSlos(base.model, head.model).removed) {
            const target = slo.target !== undefined ? ` (target ${(0,units/* formatPercent */.l9)(slo.target)})` : '';
            context.report({
                file: slo.file,
                ...headPosition(slo.file, slo.position),
                subject: slo.name,
                slo: (0,slo_identity/* sloRef */.wF)(slo),
                message: `SLO "${slo.name}"${slo.service ? ` of service "${slo.service}"` : ''}${target} was removed`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/diff/target-lowered.ts




const MONTH = 30 * burn_rate/* DAY */.d_;
const diffTargetLowered = {
    meta: {
        id: 'diff/target-lowered',
        severity: 'error',
        kind: 'diff',
        description: "An SLO's target went down, its period got shorter, or its latency threshold slower, in this change.",
        docs: 'docs/checks/diff/target-lowered.md',
        policyChange: true,
    },
    run({ base, head }, context) {
        for (const [before, after] of pairSlos(base.model, head.model).pairs) {
            if (before.target !== undefined && after.target !== undefined && after.target < before.target) {
                // Minutes per 30 days, whatever the SLO's period: reviewers compare it with "a month of downtime".
                const oldMinutes = (0,units/* roundTo */.GB)((0,burn_rate/* budgetMinutes */.vX)(before.target, MONTH), 2);
                const newMinutes = (0,units/* roundTo */.GB)((0,burn_rate/* budgetMinutes */.vX)(after.target, MONTH), 2);
                context.report({
                    file: after.file,
                    ...(after.targetPosition ?? after.position),
                    subject: after.name,
                    slo: (0,slo_identity/* sloRef */.wF)(after),
                    message: `SLO "${head.sloName(after)}" target lowered from ${(0,units/* formatPercent */.l9)(before.target)} to ${(0,units/* formatPercent */.l9)(after.target)}: the monthly error budget grows from ${oldMinutes} to ${newMinutes} minutes of downtime`,
                });
            }
            // A latency SLO also weakens when what counts as fast gets slower, or fewer requests must be fast.
            const [was, is] = [before.indicator, after.indicator];
            if (was.thresholdSeconds !== undefined && is.thresholdSeconds !== undefined && is.thresholdSeconds > was.thresholdSeconds) {
                context.report({
                    file: after.file,
                    ...(is.position ?? after.position),
                    subject: after.name,
                    slo: (0,slo_identity/* sloRef */.wF)(after),
                    message: `SLO "${head.sloName(after)}" latency threshold raised from ${(0,units/* formatLatency */.YL)(was.thresholdSeconds)} to ${(0,units/* formatLatency */.YL)(is.thresholdSeconds)}`,
                });
            }
            if (was.percentile !== undefined && is.percentile !== undefined && is.percentile < was.percentile) {
                context.report({ file: after.file, ...(is.position ?? after.position), subject: after.name,
                    slo: (0,slo_identity/* sloRef */.wF)(after), message: `SLO "${head.sloName(after)}" latency percentile lowered from p${was.percentile} to p${is.percentile}` });
            }
            if (before.periodSeconds !== undefined && after.periodSeconds !== undefined && after.periodSeconds < before.periodSeconds) {
                context.report({
                    file: after.file,
                    ...(after.periodPosition ?? after.position),
                    subject: after.name,
                    slo: (0,slo_identity/* sloRef */.wF)(after),
                    message: `SLO "${head.sloName(after)}" period shortened from ${(0,units/* describeSpan */.uM)(before.periodSeconds)} to ${(0,units/* describeSpan */.uM)(after.periodSeconds)}: bad minutes are forgotten after ${(0,units/* describeSpan */.uM)(after.periodSeconds)} instead of ${(0,units/* describeSpan */.uM)(before.periodSeconds)}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/file/missing.ts
const fileMissing = {
    meta: {
        id: 'file/missing',
        severity: 'error',
        kind: 'model',
        description: 'A file that a policy refers to (a dashboard it names) does not exist.',
        docs: 'docs/checks/file/missing.md',
    },
    run({ model, references }, context) {
        // Several SLOs of one policy share its dashboard list: report each reference once.
        const reported = new Set();
        for (const slo of model.slos) {
            for (const ref of slo.dashboardRefs) {
                const key = `${slo.file}:${ref.position.line}:${ref.path}`;
                const resolution = references.get(ref);
                if (resolution?.exists !== false || reported.has(key))
                    continue;
                reported.add(key);
                context.report({
                    file: slo.file,
                    ...ref.position,
                    subject: ref.path,
                    message: resolution.resolved
                        ? `dashboard "${ref.path}" does not exist (looked for ${resolution.resolved})`
                        : `dashboard "${ref.path}" points outside the checked directory`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/file/parse.ts
const fileParse = {
    meta: {
        id: 'file/parse',
        severity: 'error',
        kind: 'model',
        description: 'A YAML or JSON file (or a dashboard embedded in one) that cannot be read or parsed.',
        docs: 'docs/checks/file/parse.md',
    },
    run({ model }, context) {
        for (const { file, line, column, message } of model.unreadable)
            context.report({ file, line, column, message });
    },
};

// EXTERNAL MODULE: ./src/parse/template.ts
var template = __webpack_require__(51441);
;// CONCATENATED MODULE: ./src/checks/file/template.ts

const fileTemplate = {
    meta: {
        id: 'file/template',
        severity: 'notice',
        kind: 'model',
        description: 'A templated file (Helm chart template, Jinja) that could not be read even template-tolerantly: one notice per file, never parse errors.',
        docs: 'docs/checks/file/template.md',
    },
    run({ model }, context) {
        for (const file of model.files) {
            const problem = file.template?.problem;
            if (!problem)
                continue;
            const what = (0,template/* dialectName */.WJ)(file.template.dialect);
            context.report({
                file: file.path,
                line: problem.line,
                ...(problem.column !== undefined ? { column: problem.column } : {}),
                message: `${what} ${file.template.partly ? 'partly ' : ''}not checked: ${problem.message} (render it first for full fidelity: see the README on templated files)`,
            });
        }
    },
};

// EXTERNAL MODULE: ./src/live/backtest.ts
var live_backtest = __webpack_require__(83243);
// EXTERNAL MODULE: ./src/checks/live/common.ts
var common = __webpack_require__(8491);
;// CONCATENATED MODULE: ./src/checks/live/alert-backtest.ts



const liveAlertBacktest = {
    meta: {
        id: 'live/alert-backtest',
        severity: 'notice',
        kind: 'live',
        description: "How each SLO's alerts would have fired over its period, against the budget's burn episodes (warning: a page-level burn-rate alert stayed silent while more than its share of the budget burned).",
        docs: 'docs/checks/live/alert-backtest.md',
        gates: 'always',
    },
    run(input, context) {
        const measured = input.summary.rules;
        if (!measured)
            return;
        const unavailable = measured.unavailable.get('backtest');
        if (unavailable) {
            context.report({ file: '', severity: 'notice', subject: 'backtest', message: `Alerts not replayed over their SLO's period: ${unavailable}.` });
        }
        const slos = new Map(input.linked.model.slos.map((slo) => [slo.key, slo]));
        for (const backtest of measured.backtests) {
            const slo = slos.get(backtest.sloKey);
            if (!slo)
                continue;
            if (backtest.error) {
                context.report({ file: slo.file, line: slo.position.line, column: slo.position.column, subject: `${slo.name}/backtest`, slo: (0,slo_identity/* sloRef */.wF)(slo), severity: 'notice', message: `SLO "${input.linked.sloName(slo)}": its burn episodes could not be read, so its alerts were not replayed: ${backtest.error}` });
                continue;
            }
            for (const alert of backtest.alerts) {
                const at = { file: alert.file, line: alert.line, column: alert.column, subject: `${slo.name}/${alert.subject}`, slo: (0,slo_identity/* sloRef */.wF)(slo) };
                if (alert.error) {
                    context.report({ ...at, severity: 'notice', message: `alert "${alert.alert}" (SLO "${input.linked.sloName(slo)}") could not be replayed: ${alert.error}` });
                    continue;
                }
                const missed = missedEpisodes(backtest, alert);
                const severity = missed.length ? (0,common/* weigh */.vi)('warning', input.settings.failOn) : 'notice';
                const tail = missed.length
                    ? ` — as a page-level burn-rate alert it stands for ${percent(alert.share)} of the budget, but ${missed.map((i) => (alert.responses[i].firedAt === undefined ? `burn ${i + 1} spent ${percent(backtest.episodes[i].budgetSpent)} without a page` : `burn ${i + 1} spent ${percent(alert.responses[i].budgetAtFiring)} before the page`)).join(' and ')}`
                    : '';
                context.report({ ...at, severity, message: `alert "${alert.alert}" (SLO "${input.linked.sloName(slo)}"): ${(0,live_backtest/* backtestLine */.Qb)(backtest, alert)}${tail}` });
            }
        }
    },
};
/** Episodes a page-level burn-rate alert let spend more than its share of the budget before it fired (or without firing). */
function missedEpisodes(backtest, alert) {
    if (!alert.page || alert.share === undefined || alert.error)
        return [];
    return backtest.episodes
        .map((episode, index) => ({ episode, index, response: alert.responses[index] }))
        .filter(({ episode, response }) => episode.budgetSpent > alert.share && (response?.firedAt === undefined || (response.budgetAtFiring ?? 0) > alert.share))
        .map(({ index }) => index);
}
function percent(ratio) {
    return `${Number((ratio * 100).toFixed(1))} %`;
}

;// CONCATENATED MODULE: ./src/checks/logql/syntax.ts

const logqlSyntax = {
    meta: {
        id: 'logql/syntax',
        severity: 'error',
        kind: 'model',
        description: "A Loki ruler rule whose expression does not parse as LogQL (Grafana's own LogQL grammar).",
        docs: 'docs/checks/logql/syntax.md',
    },
    run({ model }, context) {
        for (const rule of model.logqlRules) {
            for (const error of rule.expr.analysis.errors) {
                context.report({
                    file: rule.file,
                    ...(0,placement/* queryPosition */.ol)(rule.expr, error.from),
                    subject: `${rule.group}/${rule.name}`,
                    message: `Loki ${rule.kind} "${rule.name}": could not parse LogQL expression: ${error.message}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/live/budget-exhausted.ts


const liveBudgetExhausted = {
    meta: {
        id: 'live/budget-exhausted',
        severity: 'error',
        kind: 'live',
        description: "An SLO's error budget for its period is spent (remaining budget ≤ 0).",
        docs: 'docs/checks/live/budget-exhausted.md',
        gates: 'always',
    },
    run(input, context) {
        for (const { slo, result } of (0,common/* measuredSlos */.WG)(input)) {
            if (!(0,common/* wasMeasured */.su)(result) || result.budgetRemaining === undefined || result.budgetRemaining > 0)
                continue;
            const period = result.periodSeconds !== undefined ? (0,units/* formatDurationInOneUnit */.hI)(result.periodSeconds) : '';
            context.report({
                ...(0,common/* atSlo */.Md)(slo),
                severity: (0,common/* weigh */.vi)(liveBudgetExhausted.meta.severity, input.settings.failOn),
                message: `SLO "${input.linked.sloName(slo)}": error budget exhausted — ${(0,common/* percent */.KN)(1 - result.budgetRemaining)} of the ${period} budget spent (error ratio ${(0,common/* percent */.KN)(result.errorRatio, 4)} against ${(0,common/* percent */.KN)(1 - result.target, 4)} allowed), ${Math.round(-result.budgetRemainingMinutes * 10) / 10} min over`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/live/burning.ts



const liveBurning = {
    meta: {
        id: 'live/burning',
        severity: 'warning',
        kind: 'live',
        description: 'A burn-rate alert of the SLO would be firing now (error under live-fail-on: burning for page-level windows).',
        docs: 'docs/checks/live/burning.md',
        gates: 'always',
    },
    run(input, context) {
        const failOn = input.settings.failOn;
        for (const { slo, result } of (0,common/* measuredSlos */.WG)(input)) {
            const firing = (0,common/* wasMeasured */.su)(result) ? result.windows.filter((window) => window.firing) : [];
            if (firing.length === 0)
                continue;
            const period = result.periodSeconds !== undefined ? (0,units/* formatDurationInOneUnit */.hI)(result.periodSeconds) : '';
            const described = firing.map((w) => {
                const name = w.shortSeconds ? `${(0,units/* formatDurationInOneUnit */.hI)(w.longSeconds)}/${(0,units/* formatDurationInOneUnit */.hI)(w.shortSeconds)}` : (0,units/* formatDurationInOneUnit */.hI)(w.longSeconds);
                const rates = w.shortSeconds ? `${(0,common/* times */.Hn)(w.burnRate)}/${(0,common/* times */.Hn)(w.shortBurnRate)}` : (0,common/* times */.Hn)(w.burnRate);
                return `${name} burn rate ${rates} over ${(0,common/* times */.Hn)(w.factor)} (${w.page ? 'page' : w.severity ?? 'ticket'})`;
            });
            const fastest = Math.max(...firing.map((w) => w.burnRate));
            // `live-fail-on: burning` gates on a page-level burn: the windows that would page someone now.
            const pageLevel = firing.some((w) => w.page);
            context.report({
                ...(0,common/* atSlo */.Md)(slo),
                severity: failOn === 'burning' && pageLevel ? 'error' : (0,common/* weigh */.vi)(liveBurning.meta.severity, failOn),
                message: `SLO "${input.linked.sloName(slo)}" is burning its error budget: ${described.join('; ')} — at ${(0,common/* times */.Hn)(fastest)} the whole ${period} budget lasts ${(0,units/* describeSpan */.uM)(result.periodSeconds / fastest)}; ${(0,common/* percent */.KN)(Math.max(0, result.budgetRemaining))} left`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/live/no-data.ts


const liveNoData = {
    meta: {
        id: 'live/no-data',
        severity: 'warning',
        kind: 'live',
        description: "The SLO's SLI query returns no series: usually a wrong metric name or label.",
        docs: 'docs/checks/live/no-data.md',
        gates: 'always',
    },
    run(input, context) {
        for (const { slo, result } of (0,common/* measuredSlos */.WG)(input)) {
            const name = `SLO "${input.linked.sloName(slo)}"`;
            if (result.status === 'no-data') {
                context.report({ ...(0,common/* atSlo */.Md)(slo), severity: (0,common/* weigh */.vi)(liveNoData.meta.severity, input.settings.failOn), message: `${name}: no data — ${result.reason}` });
            }
            else if ((0,common/* wasMeasured */.su)(result) && result.emptyErrorQuery) {
                // No error series may just mean no errors: worth a look, never a failed gate.
                const period = result.periodSeconds !== undefined ? (0,units/* formatDurationInOneUnit */.hI)(result.periodSeconds) : '';
                context.report({
                    ...(0,common/* atSlo */.Md)(slo),
                    severity: 'notice',
                    message: `${name}: the error query returns no series over ${period}, so no errors were counted; if requests did fail, check its metric name: ${result.emptyErrorQuery}`,
                });
            }
        }
    },
};

// EXTERNAL MODULE: ./src/checks/live/metric-type.ts
var metric_type = __webpack_require__(63791);
;// CONCATENATED MODULE: ./src/checks/live/query-failed.ts

const liveQueryFailed = {
    meta: {
        id: 'live/query-failed',
        severity: 'error',
        kind: 'live',
        description: "The backend returned an error for the SLO's query.",
        docs: 'docs/checks/live/query-failed.md',
        gates: 'always',
    },
    run(input, context) {
        for (const { slo, result } of (0,common/* measuredSlos */.WG)(input)) {
            if (result.status !== 'failed')
                continue;
            context.report({
                ...(0,common/* atSlo */.Md)(slo),
                severity: (0,common/* weigh */.vi)(liveQueryFailed.meta.severity, input.settings.failOn),
                message: `SLO "${input.linked.sloName(slo)}": its query failed: ${result.reason} — query: ${result.query ?? '?'}`,
            });
        }
    },
};

// EXTERNAL MODULE: ./src/checks/live/scrape-interval.ts
var scrape_interval = __webpack_require__(91386);
// EXTERNAL MODULE: ./src/live/series.ts
var series = __webpack_require__(60401);
// EXTERNAL MODULE: ./src/checks/live/rule-input.ts
var rule_input = __webpack_require__(98261);
;// CONCATENATED MODULE: ./src/checks/live/series-missing.ts



const liveSeriesMissing = {
    meta: {
        id: 'live/series-missing',
        severity: 'warning',
        kind: 'live',
        description: "A rule's or SLI's selector selects no series on the backend: a renamed metric, a wrong label, a target that stopped (error when it protects an SLO).",
        docs: 'docs/checks/live/series-missing.md',
        gates: 'always',
    },
    run(input, context) {
        const measured = input.summary.rules;
        if (!measured)
            return;
        const failOn = input.settings.failOn;
        const unavailable = measured.unavailable.get('series');
        if (unavailable) {
            context.report({ file: '', severity: 'notice', subject: 'series', message: `Selectors of rules and SLI queries not checked for series: ${unavailable}.` });
        }
        const recent = (0,units/* formatDurationInOneUnit */.hI)(series/* PRESENCE_LOOKBACK_SECONDS */.JJ);
        const history = (0,units/* formatDurationInOneUnit */.hI)(series/* HISTORY_LOOKBACK_SECONDS */.u1);
        // A recording rule of the repository is present when its own selectors are: its name need not exist yet.
        const missingSource = new Map();
        const sourceOf = (metric, depth = 0) => {
            if (missingSource.has(metric))
                return missingSource.get(metric);
            missingSource.set(metric, null); // a cycle counts as present
            let found = null;
            for (const use of measured.uses) {
                if (use.owner.kind !== 'record' || use.owner.name !== metric || found || depth > 8)
                    continue;
                const through = use.fact.metric !== undefined && measured.recorded.has(use.fact.metric) ? sourceOf(use.fact.metric, depth + 1) : null;
                if (through)
                    found = through;
                const verdict = measured.series.get(use.selector);
                if (verdict && isMissing(use, verdict))
                    found = { use, verdict };
            }
            missingSource.set(metric, found);
            return found;
        };
        // An SLI whose SLO live/no-data already reports is not reported twice.
        const reportedSlos = new Set(input.summary.slos.filter((r) => r.status === 'no-data' || r.emptyErrorQuery !== undefined).map((r) => r.key));
        const seen = new Set();
        for (const use of measured.uses) {
            if (use.owner.slo && reportedSlos.has(use.owner.slo.key))
                continue;
            const at = (0,rule_input/* atSelector */.pC)(use);
            if (seen.has(at.subject))
                continue;
            seen.add(at.subject);
            const severity = (breakdownOnly) => (0,common/* weigh */.vi)(breakdownOnly ? 'notice' : use.linked ? 'error' : 'warning', failOn);
            const who = (0,rule_input/* ownerName */.Hc)(use);
            if (use.fact.metric !== undefined && measured.recorded.has(use.fact.metric)) {
                const source = sourceOf(use.fact.metric);
                if (!source)
                    continue;
                const where = `${source.use.file}:${source.use.position.line}`;
                context.report({ ...at, severity: severity(false), message: `${who}: reads ${use.fact.metric}, recorded at ${where} from ${source.use.selector}, which ${describe(source.use, source.verdict, recent, history)}` });
                continue;
            }
            const verdict = measured.series.get(use.selector);
            if (!verdict || !isProblem(verdict))
                continue;
            const breakdownOnly = verdict.status === 'dropped' && isBreakdownOnly(use, verdict);
            const tail = breakdownOnly ? ' — it counts a part of a total that has series, so it may only mean none of these events happened yet' : '';
            context.report({ ...at, severity: severity(breakdownOnly), message: `${who}: ${use.selector} ${describe(use, verdict, recent, history)}${tail}` });
        }
    },
};
function isProblem(verdict) {
    return verdict.status === 'no-metric' || verdict.status === 'stale' || verdict.status === 'dropped';
}
/** Missing in a way that keeps a recording rule from producing anything that matters. */
function isMissing(use, verdict) {
    return isProblem(verdict) && !(verdict.status === 'dropped' && isBreakdownOnly(use, verdict));
}
function isBreakdownOnly(use, verdict) {
    return verdict.dropping.length > 0 && verdict.dropping.every((d) => use.breakdown.has(d.index) && !d.labelMissing);
}
function describe(use, verdict, recent, history) {
    switch (verdict.status) {
        case 'no-metric':
            return use.fact.metric !== undefined
                ? `selects nothing: the metric ${use.fact.metric} has no series on the backend (none in the last ${history}); a renamed metric or a typo, and the rule never sees data`
                : `selects no series (none in the last ${history})`;
        case 'stale':
            return `stopped reporting: no sample in the last ${recent}, though it had series in the last ${history}`;
        case 'dropped': {
            const metric = use.fact.metric;
            if (verdict.dropping.length === 0)
                return `selects none of the ${verdict.nameSeries} series of ${metric}: each matcher alone selects some, but not all of them together`;
            const reasons = verdict.dropping.map((d) => {
                const matcher = `${d.matcher.label}${d.matcher.op}${JSON.stringify(d.matcher.value)}`;
                if (d.labelMissing)
                    return `${matcher} drops them all: no series of ${metric} has a "${d.matcher.label}" label`;
                const seen = d.values.length ? ` (${d.matcher.label} values it has include ${d.values.map((v) => JSON.stringify(v)).join(', ')})` : '';
                return `${matcher} drops them all${seen}`;
            });
            return `selects none of the ${verdict.nameSeries} series of ${metric}: ${reasons.join('; ')}`;
        }
        default:
            return '';
    }
}

;// CONCATENATED MODULE: ./src/checks/live/unreachable.ts

const liveUnreachable = {
    meta: {
        id: 'live/unreachable',
        severity: 'error',
        kind: 'live',
        description: 'The Prometheus API could not be used at all: connection refused, TLS, timeout, 401/403.',
        docs: 'docs/checks/live/unreachable.md',
        gates: 'always',
    },
    run({ summary, settings }, context) {
        const notEvaluated = summary.slos.filter((result) => result.status === 'not-evaluated');
        if (notEvaluated.length === 0)
            return;
        const why = summary.unreachable ?? `the live time budget of ${settings.budgetSeconds}s ran out`;
        const measurable = summary.slos.filter((result) => result.status !== 'not-measurable').length;
        context.report({
            file: '',
            severity: (0,common/* weigh */.vi)(liveUnreachable.meta.severity, settings.failOn),
            message: `Prometheus API at ${summary.url} could not be used: ${why}. ${notEvaluated.length} of ${measurable} measurable SLO(s) not evaluated live; the static checks still ran.`,
            subject: summary.url,
        });
    },
};

;// CONCATENATED MODULE: ./src/checks/policy/budget.ts



const policyBudget = {
    meta: {
        id: 'policy/budget',
        severity: 'error',
        kind: 'model',
        description: 'A declared error budget that disagrees with the target (budget ≠ 1 − target, downtime ≠ period × (1 − target)).',
        docs: 'docs/checks/policy/budget.md',
        aboutSlo: true,
    },
    run({ model, sloName }, context) {
        for (const slo of model.slos) {
            if (slo.target === undefined)
                continue;
            const budget = (0,burn_rate/* errorBudget */.C0)(slo.target);
            const declaredRatio = slo.declaredBudget.ratio;
            if (declaredRatio && !(0,units/* nearlyEqual */.q8)(declaredRatio.value, budget, 1e-6)) {
                context.report({
                    file: slo.file,
                    ...(declaredRatio.position ?? slo.position),
                    subject: slo.name,
                    slo: (0,slo_identity/* sloRef */.wF)(slo),
                    message: `SLO "${sloName(slo)}" declares an error budget of ${declaredRatio.value}, but a target of ${(0,units/* formatPercent */.l9)(slo.target)} leaves ${budget}`,
                });
            }
            const declaredMinutes = slo.declaredBudget.downtimeMinutes;
            if (declaredMinutes && slo.periodSeconds !== undefined) {
                const minutes = (0,burn_rate/* budgetMinutes */.vX)(slo.target, slo.periodSeconds);
                // Authors round to a few decimals: accept a 0.5 % relative difference.
                if (!(0,units/* nearlyEqual */.q8)(declaredMinutes.value, minutes, 0.005)) {
                    context.report({
                        file: slo.file,
                        ...(declaredMinutes.position ?? slo.position),
                        subject: slo.name,
                        slo: (0,slo_identity/* sloRef */.wF)(slo),
                        message: `SLO "${sloName(slo)}" declares ${declaredMinutes.value} minutes of downtime, but ${(0,units/* formatPercent */.l9)(slo.target)} over ${(0,units/* formatDuration */.a3)(slo.periodSeconds)} allows ${(0,units/* roundTo */.GB)(minutes, 2)} minutes`,
                    });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/policy/burn-rate.ts


const policyBurnRate = {
    meta: {
        id: 'policy/burn-rate',
        severity: 'error',
        kind: 'model',
        description: 'A non-positive burn-rate factor, or a shorter window whose factor is not higher than a longer one\'s.',
        docs: 'docs/checks/policy/burn-rate.md',
        aboutSlo: true,
    },
    run({ model }, context) {
        // Policy-wide windows are shared by many SLOs: report each problem once, where it is written.
        const reported = new Set();
        const report = (slo, window, message) => {
            const position = window.position ?? { line: 1 };
            const key = `${slo.file}:${position.line}:${message}`;
            if (reported.has(key))
                return;
            reported.add(key);
            const about = window.source === 'policy' ? { subject: (0,units/* formatDuration */.a3)(window.longSeconds) } : { subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo) };
            context.report({ file: slo.file, ...position, ...about, message });
        };
        for (const slo of model.slos) {
            const windows = slo.burnWindows.filter((w) => w.factor !== undefined).sort((a, b) => a.longSeconds - b.longSeconds);
            for (const window of windows) {
                if (window.factor <= 0)
                    report(slo, window, `burn-rate factor ${window.factor} for the ${(0,units/* formatDuration */.a3)(window.longSeconds)} window must be positive`);
            }
            for (let i = 0; i + 1 < windows.length; i++) {
                const shorter = windows[i];
                const longer = windows[i + 1];
                if (shorter.longSeconds === longer.longSeconds || shorter.factor > longer.factor)
                    continue;
                report(slo, shorter, `the ${(0,units/* formatDuration */.a3)(shorter.longSeconds)} window's burn rate ${shorter.factor} is not higher than the ${(0,units/* formatDuration */.a3)(longer.longSeconds)} window's ${longer.factor}: the shorter window must alert on a faster burn`);
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/policy/burn-unreachable.ts



const policyBurnUnreachable = {
    meta: {
        id: 'policy/burn-unreachable',
        severity: 'error',
        kind: 'model',
        description: 'A burn-rate factor that can never fire: factor × (1 − target) > 1 needs more than 100 % errors.',
        docs: 'docs/checks/policy/burn-unreachable.md',
        aboutSlo: true,
    },
    run({ model, sloName }, context) {
        // Policy-wide windows are shared by many SLOs: report each (window, target) once.
        const reported = new Set();
        for (const slo of model.slos) {
            if (slo.target === undefined)
                continue;
            for (const window of slo.burnWindows) {
                if (window.factor === undefined || window.factor <= 0 || (0,burn_rate/* factorReachable */.TN)(window.factor, slo.target))
                    continue;
                const position = window.position ?? slo.position;
                const key = `${slo.file}:${position.line}:${slo.target}`;
                if (reported.has(key))
                    continue;
                reported.add(key);
                context.report({
                    file: slo.file,
                    ...position,
                    // A generator's own table (Sloth's 14.4× on a 90 % SLO) is the author's to override, not their typo.
                    severity: window.source === 'default' ? 'warning' : undefined,
                    subject: slo.name,
                    slo: (0,slo_identity/* sloRef */.wF)(slo),
                    message: `SLO "${sloName(slo)}" alerts at ${(0,units/* roundTo */.GB)(window.factor, 4)}× over ${(0,units/* formatDuration */.a3)(window.longSeconds)}, which needs an error rate of ` +
                        `${(0,units/* formatPercent */.l9)(window.factor * (0,burn_rate/* errorBudget */.C0)(slo.target), 2)}: at ${(0,units/* formatPercent */.l9)(slo.target)} no factor above ${(0,units/* roundTo */.GB)((0,burn_rate/* maxReachableFactor */.Bt)(slo.target), 4)} can fire`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/policy/burn-windows.ts



const policyBurnWindows = {
    meta: {
        id: 'policy/burn-windows',
        severity: 'error',
        kind: 'model',
        description: 'An SLO with fewer than two burn-rate windows (a fast and a slow one), or a short window that is not about 1/12 of its long one.',
        docs: 'docs/checks/policy/burn-windows.md',
        aboutSlo: true,
    },
    run({ model, sloName }, context) {
        const reported = new Set();
        for (const slo of model.slos) {
            // Latency SLOs of the flat shape state a percentile, not a budget to burn.
            if (slo.target === undefined)
                continue;
            for (const window of slo.burnWindows) {
                // Only windows an author chose: a generator's own table is the generator's business.
                if (window.source === 'default' || !window.shortSeconds || (0,burn_rate/* shortWindowFits */.p)(window.longSeconds, window.shortSeconds))
                    continue;
                const position = window.position ?? slo.position;
                const key = `${slo.file}:${position.line}:${window.longSeconds}/${window.shortSeconds}`;
                if (reported.has(key))
                    continue;
                reported.add(key);
                context.report({
                    file: slo.file,
                    ...position,
                    severity: 'notice',
                    subject: slo.name,
                    slo: (0,slo_identity/* sloRef */.wF)(slo),
                    message: `the ${(0,units/* formatDuration */.a3)(window.longSeconds)} window's short window is ${(0,units/* formatDuration */.a3)(window.shortSeconds)}; about 1/12 of it (${(0,units/* formatDuration */.a3)(Math.round(window.longSeconds / 12))}) confirms a burn and resets soon after it stops`,
                });
            }
            // Generator formats (Sloth, OpenSLO, Pyrra) take windows from a table, not from each SLO.
            if (slo.format !== 'slo/v1' && slo.format !== 'flat')
                continue;
            const distinct = new Set(slo.burnWindows.map((w) => w.longSeconds));
            if (distinct.size >= 2)
                continue;
            context.report({
                file: slo.file,
                ...slo.position,
                subject: slo.name,
                slo: (0,slo_identity/* sloRef */.wF)(slo),
                message: distinct.size === 0
                    ? `SLO "${sloName(slo)}" declares no burn-rate windows; add a fast one (1h at 14.4×) and a slow one (6h at 6×)`
                    : `SLO "${sloName(slo)}" declares only one burn-rate window; add a second (a fast 1h and a slow 6h window)`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/policy/duplicate.ts

const policyDuplicate = {
    meta: {
        id: 'policy/duplicate',
        severity: 'error',
        kind: 'model',
        description: 'Two SLOs with the same name (and service) in the repository.',
        docs: 'docs/checks/policy/duplicate.md',
        aboutSlo: true,
    },
    run({ model }, context) {
        const seen = new Map();
        for (const slo of model.slos) {
            const identity = `${slo.service ?? ''}\u0000${slo.name}`;
            const first = seen.get(identity);
            if (!first) {
                seen.set(identity, slo);
                continue;
            }
            context.report({
                file: slo.file,
                ...slo.position,
                // In another file it may be another deployment of the same spec (a CLI and a CRD variant): worth a look, not a failure.
                severity: first.file === slo.file ? undefined : 'warning',
                subject: slo.name,
                slo: (0,slo_identity/* sloRef */.wF)(slo),
                message: `SLO "${slo.name}"${slo.service ? ` of service "${slo.service}"` : ''} is already defined at ${first.file}:${first.position.line}`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/schema-findings.ts
// Turn ajv errors into findings that point at the YAML line of the offending node.
function schemaFindings(errors, doc, file, label) {
    const seen = new Set();
    const findings = [];
    for (const error of errors ?? []) {
        // `if/then` and `oneOf` wrap the real error: the inner one is also in the list.
        if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf')
            continue;
        const path = instancePath(error.instancePath);
        const where = path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : label;
        let message = `${where}: ${error.message ?? 'is invalid'}`;
        let position = doc.positionOf(path);
        if (error.keyword === 'additionalProperties') {
            const property = error.params.additionalProperty;
            message = `${where}: unknown field "${property}"`;
            position = doc.keyPositionOf([...path, property]);
        }
        else if (error.keyword === 'enum') {
            message += `: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        }
        else if (error.keyword === 'const') {
            message += ` ${JSON.stringify(error.params.allowedValue)}`;
        }
        const key = `${position.line}:${message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        findings.push({ file, ...position, subject: where, message });
    }
    return findings;
}
function instancePath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .split('/')
        .slice(1)
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

// EXTERNAL MODULE: ./src/checks/policy/validators.generated.cjs
var validators_generated = __webpack_require__(95087);
;// CONCATENATED MODULE: ./src/checks/policy/schema.ts


// Compiled from schemas/formats/ when the bundle is built (scripts/generate-validators.mjs).

const validators = {
    'slo-policy': { validate: validators_generated/* validateSloPolicy */.Lo, label: 'SLOPolicy' },
    'flat-policy': { validate: validators_generated/* validateFlatPolicy */.ip, label: 'policy' },
    sloth: { validate: validators_generated/* validateSloth */.nN, label: 'Sloth spec' },
    'sloth-windows': { validate: validators_generated/* validateSlothWindows */.oe, label: 'AlertWindows' },
    openslo: { validate: validators_generated/* validateOpenslo */.ZM, label: 'OpenSLO document' },
    pyrra: { validate: validators_generated/* validatePyrra */.Pw, label: 'ServiceLevelObjective' },
    'slo-generator': { validate: validators_generated/* validateSloGenerator */._r, label: 'slo-generator document' },
};
const meta = {
    id: 'policy/schema',
    severity: 'error',
    description: 'Missing or mistyped fields in an SLO document, checked against the format\'s JSON Schema.',
    docs: 'docs/checks/policy/schema.md',
    aboutSlo: true,
};
const policySchema = {
    meta: { ...meta, kind: 'document', documentKinds: Object.keys(validators) },
    run({ file, kind, doc }, context) {
        const validator = validators[kind];
        if (!validator || validator.validate(doc.value))
            return;
        for (const finding of schemaFindings(validator.validate.errors, doc, file, validator.label))
            context.report(finding);
    },
};
/**
 * The same check's second half, run on the model: what no single document shows, a reference to
 * a document in another file that does not exist. It shares the id, so `off` and a severity
 * override in the config apply to both halves, and the report lists the check once.
 */
const policySchemaAcrossFiles = {
    meta: { ...meta, kind: 'model' },
    run({ model }, context) {
        const reported = new Set();
        for (const slo of model.slos) {
            for (const problem of slo.problems ?? []) {
                const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
                if (reported.has(key))
                    continue;
                reported.add(key);
                context.report({ ...problem, subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo) });
            }
        }
    },
};

// EXTERNAL MODULE: ./src/config/config.ts
var config = __webpack_require__(81122);
// EXTERNAL MODULE: ./src/lang/promql/analyse.ts + 10 modules
var analyse = __webpack_require__(43129);
;// CONCATENATED MODULE: ./src/checks/policy/slo-kind.ts
// What an SLO promises, told from how its indicator is written: availability (good or failed
// requests), latency (requests faster than a threshold) or something else. Generator formats
// (Sloth, OpenSLO, Pyrra, slo-generator) write every SLI as a ratio of queries, so a ratio is
// availability unless the SLI marks it as latency: a latency indicator, a histogram bucket
// selected by `le` (or VictoriaMetrics' `vmrange`) in its queries, or an OpenSLO threshold metric.


function sloKind(slo) {
    const { indicator } = slo;
    switch (indicator.type) {
        case 'availability':
        case 'error-rate':
            return 'availability';
        case 'latency':
            return 'latency';
        case 'throughput':
            return 'throughput';
        case 'ratio':
            return readsLatencyBuckets([indicator.goodQuery, indicator.errorQuery, indicator.totalQuery, indicator.errorRatioQuery]) ? 'latency' : 'availability';
        default:
            return indicator.declaredType === 'thresholdMetric' ? 'latency' : 'unknown';
    }
}
// Prometheus histograms name a bucket by `le`; VictoriaMetrics histograms by `vmrange`.
const BUCKET_LABELS = new Set(['le', 'vmrange']);
/** A query that selects histogram buckets by their bound counts requests under a latency threshold. */
function readsLatencyBuckets(queries) {
    return queries.some((query) => query !== undefined && (0,analyse/* analyseQuery */.E8)((0,sli/* withWindow */.By)(query)).facts.selectors.some((selector) => selector.matchers.some((matcher) => BUCKET_LABELS.has(matcher.label))));
}

;// CONCATENATED MODULE: ./src/checks/policy/target-min.ts





const policyTargetMin = {
    meta: {
        id: 'policy/target-min',
        severity: 'error',
        kind: 'model',
        description: 'An availability SLO whose target is below the configured minimum (default 99.9 %), or a latency SLO below min-latency-objective.',
        docs: 'docs/checks/policy/target-min.md',
        options: (0,options/* configOptions */.h)('min-availability', 'min-latency-objective'),
        aboutSlo: true,
    },
    run({ model, sloName }, context) {
        const { minAvailability, minLatencyObjective } = context.config;
        for (const slo of model.slos) {
            if (slo.target === undefined)
                continue;
            const kind = sloKind(slo);
            // A throughput SLO promises a rate, not a share of good requests: no minimum target applies.
            if (kind === 'throughput')
                continue;
            const at = { file: slo.file, ...(slo.targetPosition ?? slo.position), subject: slo.name, slo: (0,slo_identity/* sloRef */.wF)(slo) };
            if (kind === 'unknown') {
                context.report({
                    ...at,
                    severity: 'notice',
                    message: `SLO "${sloName(slo)}": cannot tell whether it measures availability or latency (${slo.indicator.declaredType ?? slo.indicator.type} indicator), so no minimum target was applied`,
                });
                continue;
            }
            // A floor the repository did not choose is slo-gate's default: worth a warning, not a red gate.
            const chosen = kind === 'availability' ? minAvailability : minLatencyObjective;
            const minimum = chosen ?? (kind === 'availability' ? config/* DEFAULT_MIN_AVAILABILITY */.Zy : undefined);
            // Compare in percent rounded to 10 decimals so 0.999 equals a 99.9 minimum.
            if (minimum === undefined || Math.round(slo.target * 1e10) >= Math.round(minimum * 1e10))
                continue;
            const message = kind === 'latency'
                ? `SLO "${sloName(slo)}" targets ${(0,units/* formatPercent */.l9)(slo.target)}, below min-latency-objective of ${(0,units/* formatPercent */.l9)(minimum)}`
                : chosen !== undefined
                    ? `SLO "${sloName(slo)}" targets ${(0,units/* formatPercent */.l9)(slo.target)}, below the minimum availability of ${(0,units/* formatPercent */.l9)(minimum)}`
                    : `SLO "${sloName(slo)}" targets ${(0,units/* formatPercent */.l9)(slo.target)}, below slo-gate's default minimum availability of ${(0,units/* formatPercent */.l9)(minimum)} (set min-availability to your floor to make this an error, or to accept it)`;
            context.report({ ...at, ...(chosen === undefined ? { severity: 'warning' } : {}), message });
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/promql/counter.ts


const promqlCounter = {
    meta: {
        id: 'promql/counter',
        severity: 'warning',
        kind: 'model',
        description: 'A counter (_total, _count, _sum, _bucket) compared or aggregated raw, without rate(), irate() or increase().',
        docs: 'docs/checks/promql/counter.md',
    },
    run({ model }, context) {
        const families = (0,counters/* histogramFamilies */.Bm)(model);
        for (const rule of model.rules) {
            if (rule.expr.analysis.errors.length > 0)
                continue; // promql/syntax speaks first
            for (const use of (0,counters/* rawCounterUses */.Zp)(rule.expr, families)) {
                context.report({
                    file: rule.file,
                    ...(0,placement/* queryPosition */.ol)(rule.expr, use.selector.from),
                    subject: `${rule.group}/${rule.name}/${use.metric}`,
                    message: `${rule.kind} "${rule.name}": ${(0,counters/* rawCounterMessage */.Mw)(use)}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/promql/histogram-quantile.ts

// Aggregations that select series and keep their labels as they are.
const LABEL_KEEPING = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);
const promqlHistogramQuantile = {
    meta: {
        id: 'promql/histogram-quantile',
        severity: 'warning',
        kind: 'model',
        description: 'histogram_quantile() over _bucket series aggregated without keeping the le label, which returns no data.',
        docs: 'docs/checks/promql/histogram-quantile.md',
    },
    run({ model }, context) {
        for (const rule of model.rules) {
            const { errors, facts } = rule.expr.analysis;
            if (errors.length > 0)
                continue;
            for (const call of facts.histogramQuantiles) {
                if (!dropsLe(facts, call))
                    continue;
                context.report({
                    file: rule.file,
                    ...(0,placement/* queryPosition */.ol)(rule.expr, call.from),
                    subject: `${rule.group}/${rule.name}`,
                    message: `${rule.kind} "${rule.name}": histogram_quantile() gets buckets aggregated without le, so it has no buckets to interpolate and returns nothing; keep le in by (...)`,
                });
            }
        }
    },
};
/**
 * True when every classic `_bucket` selector inside the call loses `le` to an aggregation on its
 * way to histogram_quantile. Only aggregations that enclose the bucket selector count: in
 * `sum by (le) (rate(x_bucket[5m])) * on (job) group_left max by (job) (info)` the `max` does not.
 * Native histograms (no `_bucket`) have no le and are never reported.
 */
function dropsLe(facts, call) {
    const buckets = facts.selectors.filter((s) => s.from >= call.from && s.to <= call.to && s.metric?.endsWith('_bucket'));
    if (buckets.length === 0)
        return false;
    return buckets.every((bucket) => facts.aggregations.some((agg) => agg.from >= call.from && agg.to <= call.to && agg.from <= bucket.from && bucket.to <= agg.to && !LABEL_KEEPING.has(agg.op) &&
        (agg.without ? agg.without.includes('le') : !(agg.by ?? []).includes('le'))));
}

// EXTERNAL MODULE: ./src/checks/promql/rate-range.ts
var rate_range = __webpack_require__(36079);
;// CONCATENATED MODULE: ./src/checks/promql/metricsql.ts
// VictoriaMetrics' vmalert reads the same rule-file format with MetricsQL, a superset of PromQL.
// A rule file written for it is recognised by what only MetricsQL has, so its queries are not
// reported as broken PromQL, only as not portable to Prometheus.
// MetricsQL functions Prometheus does not have (docs.victoriametrics.com/metricsql), and the
// `vmrange` bucket label of VictoriaMetrics histograms.
const METRICSQL_ONLY = new RegExp('\\b(' +
    [
        'histogram_share', 'histogram_over_time', 'histogram_avg_over_time', 'prometheus_buckets', 'buckets_limit',
        'rollup', 'rollup_rate', 'rollup_increase', 'rollup_delta', 'rollup_deriv', 'rollup_scrape_interval', 'rollup_candlestick',
        'range_avg', 'range_max', 'range_min', 'range_sum', 'range_first', 'range_last', 'range_median', 'range_quantile',
        'label_set', 'label_del', 'label_keep', 'label_map', 'label_copy', 'label_move', 'label_transform', 'label_value', 'label_match', 'label_mismatch', 'label_uppercase', 'label_lowercase',
        'aggr_over_time', 'median_over_time', 'mode_over_time', 'share_gt_over_time', 'share_le_over_time', 'share_eq_over_time',
        'count_eq_over_time', 'count_gt_over_time', 'count_le_over_time', 'count_ne_over_time', 'distinct_over_time', 'increases_over_time', 'decreases_over_time',
        'tfirst_over_time', 'tlast_over_time', 'tlast_change_over_time', 'tmax_over_time', 'tmin_over_time', 'duration_over_time', 'lag', 'lifetime',
        'increase_pure', 'increase_prometheus', 'rate_over_sum', 'running_sum', 'running_avg', 'running_max', 'running_min', 'remove_resets',
        'keep_last_value', 'keep_next_value', 'interpolate', 'limit_offset', 'outliersk', 'outliers_mad', 'outliers_iqr', 'any', 'distinct', 'geomean', 'zscore', 'zscore_over_time', 'ideriv', 'integrate', 'union',
    ].join('|') +
    ')\\s*\\(|\\bvmrange\\b|^\\s*WITH\\s*\\(');
function metricsqlHint(text) {
    return METRICSQL_ONLY.exec(text)?.[0].replace(/\s*\($/, '').trim();
}
/** Files whose rules use MetricsQL, with the first construct that gives it away. */
function metricsqlFiles(rules) {
    const files = new Map();
    for (const rule of rules) {
        if (files.has(rule.file) || rule.expr.analysis.errors.length === 0)
            continue;
        const hint = metricsqlHint(rule.expr.text);
        if (hint)
            files.set(rule.file, hint);
    }
    return files;
}

;// CONCATENATED MODULE: ./src/checks/promql/syntax.ts



const promqlSyntax = {
    meta: {
        id: 'promql/syntax',
        severity: 'error',
        kind: 'model',
        description: 'A rule expression that Prometheus cannot parse, or that fails its semantic checks (argument types and counts, bool, regexes, durations).',
        docs: 'docs/checks/promql/syntax.md',
    },
    run({ model }, context) {
        const metricsql = metricsqlFiles(model.rules);
        for (const rule of model.rules) {
            const errors = rule.expr.analysis.errors;
            if (errors.length === 0)
                continue;
            const subject = `${rule.group}/${rule.name}`;
            const dialect = metricsql.get(rule.file);
            if (dialect !== undefined) {
                // One finding per rule: the rest are the same dialect difference.
                context.report({
                    file: rule.file,
                    ...(0,placement/* queryPosition */.ol)(rule.expr, errors[0].from),
                    severity: 'warning',
                    subject,
                    message: `${rule.kind} "${rule.name}": not PromQL (${errors[0].message}); this file uses MetricsQL (${dialect}), which VictoriaMetrics' vmalert reads and Prometheus rejects`,
                });
                continue;
            }
            for (const error of rootCauseErrors(errors)) {
                context.report({
                    file: rule.file,
                    // An error at the end of input points after the last character, not at a trailing newline.
                    ...(0,placement/* queryPosition */.ol)(rule.expr, Math.min(error.from, rule.expr.text.trimEnd().length)),
                    subject,
                    message: `${rule.kind} "${rule.name}": could not parse expression: ${error.message}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/rule/duplicate.ts
const ruleDuplicate = {
    meta: {
        id: 'rule/duplicate',
        severity: 'warning',
        kind: 'model',
        description: 'Two alerting rules with the same name and static labels, or two recording rules with the same name and labels, anywhere in the repository.',
        docs: 'docs/checks/rule/duplicate.md',
    },
    run({ model }, context) {
        // Same name and labels means the same series (or alert identity): the two rules overwrite each
        // other's results, or Alertmanager cannot tell their notifications apart.
        const first = new Map();
        // Alert name → the file that first defines it, for the same name reused in another file.
        const alertFiles = new Map();
        for (const rule of model.rules) {
            if (rule.name === '')
                continue;
            // Label names sort by UTF-16 code units, as `<` compares them. The key lists kind, name and
            // each label's name and value in one flat array: no array per label for every rule.
            const labelNames = Object.keys(rule.labels).sort();
            const keyParts = [rule.kind, rule.name];
            for (const name of labelNames)
                keyParts.push(name, rule.labels[name].value);
            const key = JSON.stringify(keyParts);
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, rule);
                // Tiers of one alert (severity warning and critical) live side by side in one file; the
                // same name for another alert in another file makes silences and routes on alertname
                // catch both.
                const namesake = rule.kind === 'alert' ? alertFiles.get(rule.name) : undefined;
                if (namesake && namesake.file !== rule.file && namesake.expr.text.trim() !== rule.expr.text.trim()) {
                    context.report({
                        file: rule.file,
                        ...rule.namePosition,
                        severity: 'notice',
                        subject: `${rule.group}/${rule.name}`,
                        message: `alert "${rule.name}" is also the name of another alert, with other labels and expression, at ${namesake.file}:${namesake.namePosition.line}; silences, inhibitions and routes that match alertname catch both`,
                    });
                }
                else if (rule.kind === 'alert' && !namesake)
                    alertFiles.set(rule.name, rule);
                continue;
            }
            // One group recording a series from several queries (`code=~"2.."`, `code=~"5.."`) is a
            // deliberate split: each query yields different series of the one name.
            if (rule.kind === 'record' && rule.file === earlier.file && rule.group === earlier.group && rule.expr.text.trim() !== earlier.expr.text.trim())
                continue;
            const labelText = labelNames.length ? ` and labels {${labelNames.map((name) => `${name}="${rule.labels[name].value}"`).join(', ')}}` : ' and no labels';
            const where = earlier.file === rule.file ? `line ${earlier.namePosition.line}` : `${earlier.file}:${earlier.namePosition.line}`;
            context.report({
                file: rule.file,
                ...rule.namePosition,
                subject: `${rule.group}/${rule.name}`,
                message: `${rule.kind === 'alert' ? 'alerting' : 'recording'} rule "${rule.name}" with the same name${labelText} is already defined at ${where} (group "${earlier.group}")`,
            });
        }
    },
};

// EXTERNAL MODULE: ./src/formats/values.ts
var values = __webpack_require__(41400);
;// CONCATENATED MODULE: ./src/checks/rule/raw-rules.ts
// Walks the rules of a raw rule document (rule file or PrometheusRule) with their paths, for the
// checks that need positions inside labels and annotations, which the model does not keep.

function rawRules(kind, value) {
    const groupsPath = kind === 'prometheus-rule' ? ['spec', 'groups'] : ['groups'];
    const groups = kind === 'prometheus-rule' ? (0,values/* record */.g1)((0,values/* record */.g1)(value).spec).groups : (0,values/* record */.g1)(value).groups;
    const out = [];
    (0,values/* list */.p_)(groups).forEach((group, g) => {
        if (!(0,values/* isRecord */.u4)(group))
            return;
        const groupName = typeof group.name === 'string' ? group.name : '';
        (0,values/* list */.p_)(group.rules).forEach((rule, r) => {
            if (!(0,values/* isRecord */.u4)(rule))
                return;
            const kind = 'alert' in rule ? 'alert' : 'record';
            const name = rule[kind];
            out.push({ group: groupName, number: r + 1, name: typeof name === 'string' ? name : '', kind, path: [...groupsPath, g, 'rules', r], value: rule });
        });
    });
    return out;
}
/** How findings name a rule: `alert "X"`, or by its place when it has no name. */
function ruleLabel(rule) {
    return rule.name ? `${rule.kind} "${rule.name}"` : `group "${rule.group}", rule ${rule.number}`;
}

// EXTERNAL MODULE: ./src/model/types.ts
var types = __webpack_require__(40440);
;// CONCATENATED MODULE: ./src/checks/rule/label-name.ts



const ruleLabelName = {
    meta: {
        id: 'rule/label-name',
        severity: 'error',
        kind: 'document',
        description: 'Label or annotation names Prometheus rejects (empty, `__name__` as a label), and UTF-8 names only Prometheus 3 accepts (warning).',
        docs: 'docs/checks/rule/label-name.md',
        documentKinds: ['rule-file', 'prometheus-rule'],
    },
    run({ file, kind, doc }, context) {
        const checkNames = (where, mapPath, map, what) => {
            if (!(0,values/* isRecord */.u4)(map))
                return;
            for (const name of Object.keys(map)) {
                const at = () => ({ file, ...doc.keyPositionOf([...mapPath, name]), subject: `${where}/${what}/${name}` });
                if (name === '' || (what === 'label' && name === '__name__')) {
                    context.report({ ...at(), message: `${where}: invalid ${what} name: ${name === '' ? '(empty)' : name}` });
                }
                else if (!types/* LEGACY_LABEL_NAME */.r.test(name)) {
                    context.report({
                        ...at(),
                        severity: 'warning',
                        message: `${where}: ${what} name "${name}" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file`,
                    });
                }
            }
        };
        const groupsPath = kind === 'prometheus-rule' ? ['spec', 'groups'] : ['groups'];
        const groups = kind === 'prometheus-rule' ? (0,values/* record */.g1)((0,values/* record */.g1)(doc.value).spec).groups : (0,values/* record */.g1)(doc.value).groups;
        (0,values/* list */.p_)(groups).forEach((group, g) => {
            const name = (0,values/* record */.g1)(group).name;
            checkNames(`group "${typeof name === 'string' ? name : ''}"`, [...groupsPath, g, 'labels'], (0,values/* record */.g1)(group).labels, 'label');
        });
        for (const rule of rawRules(kind, doc.value)) {
            checkNames(ruleLabel(rule), [...rule.path, 'labels'], rule.value.labels, 'label');
            if (rule.kind === 'alert')
                checkNames(ruleLabel(rule), [...rule.path, 'annotations'], rule.value.annotations, 'annotation');
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/rule/record-name.ts
// Prometheus 2 (and Prometheus 3 with legacy name validation) accept only these.
const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const ruleRecordName = {
    meta: {
        id: 'rule/record-name',
        severity: 'error',
        kind: 'model',
        description: 'A recording-rule name Prometheus rejects (braces: a selector pasted as the name), or a UTF-8 name only Prometheus 3 accepts (warning).',
        docs: 'docs/checks/rule/record-name.md',
    },
    run({ model }, context) {
        for (const rule of model.rules) {
            if (rule.kind !== 'record' || rule.name === '')
                continue; // rule/schema reports a missing name
            const at = { file: rule.file, ...rule.namePosition, subject: `${rule.group}/${rule.name}` };
            if (rule.name.includes('{') || rule.name.includes('}')) {
                context.report({ ...at, message: `invalid recording rule name: ${rule.name} (braces belong in expr, not in the name)` });
            }
            else if (!LEGACY_METRIC_NAME.test(rule.name)) {
                context.report({
                    ...at,
                    severity: 'warning',
                    message: `recording rule name "${rule.name}" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/checks/rule/schema.ts



// The fields Prometheus 3's rulefmt accepts; anything else fails to load ("field x not found").
const GROUP_FIELDS = new Set(['name', 'interval', 'query_offset', 'limit', 'rules', 'labels']);
// Thanos Ruler reads the same files plus one group field (pkg/rules/rulespb), upper-cased against these values.
const THANOS_STRATEGY = 'partial_response_strategy';
const THANOS_STRATEGIES = new Set(['WARN', 'ABORT']);
const RULE_FIELDS = new Set(['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
const ruleSchema = {
    meta: {
        id: 'rule/schema',
        severity: 'error',
        kind: 'document',
        description: 'Rule-file structure as Prometheus loads it: unknown fields, record/alert, expr, repeated group names, for on recording rules.',
        docs: 'docs/checks/rule/schema.md',
        options: (0,options/* configOptions */.h)('rule-dialect'),
        documentKinds: ['rule-file', 'prometheus-rule'],
    },
    run({ file, kind, doc }, context) {
        const report = (path, message, atKey = false) => context.report({ file, ...(atKey ? doc.keyPositionOf(path) : doc.positionOf(path)), subject: path.join('.'), message });
        let groupsPath = ['groups'];
        if (kind === 'prometheus-rule') {
            groupsPath = ['spec', 'groups'];
            for (const key of Object.keys((0,values/* record */.g1)((0,values/* record */.g1)(doc.value).spec))) {
                if (key !== 'groups')
                    report(['spec', key], `field ${key} not found in PrometheusRule spec`, true);
            }
        }
        else {
            for (const key of Object.keys((0,values/* record */.g1)(doc.value))) {
                if (key !== 'groups')
                    report([key], `field ${key} not found in rule file (only "groups" is allowed)`, true);
            }
        }
        const groups = groupsPath.reduce((value, key) => (0,values/* record */.g1)(value)[key], doc.value);
        if (groups !== undefined && groups !== null && !Array.isArray(groups))
            return report(groupsPath, 'groups must be a list');
        const groupNames = new Map();
        const thanos = context.config.ruleDialect !== 'prometheus';
        (0,values/* list */.p_)(groups).forEach((group, g) => checkGroup(doc, [...groupsPath, g], group, groupNames, report, thanos));
    },
};
function checkGroup(doc, at, group, groupNames, report, thanos) {
    if (!(0,values/* isRecord */.u4)(group))
        return report(at, 'a rule group must be a map with name and rules');
    for (const key of Object.keys(group)) {
        if (GROUP_FIELDS.has(key))
            continue;
        if (key === THANOS_STRATEGY && thanos) {
            const value = group[key];
            if (value !== null && value !== '' && !(typeof value === 'string' && THANOS_STRATEGIES.has(value.toUpperCase()))) {
                report([...at, key], `Thanos Ruler: partial_response_strategy must be warn or abort, not ${JSON.stringify(value)}`);
            }
            continue;
        }
        const hint = key === THANOS_STRATEGY ? ' (a Thanos Ruler field; Prometheus refuses it, and rule-dialect is prometheus)' : '';
        report([...at, key], `field ${key} not found in rule group${hint}`, true);
    }
    const name = group.name;
    if (typeof name !== 'string' || name === '')
        report(at, 'rule group has no name');
    else if (groupNames.has(name))
        report([...at, 'name'], `groupname: "${name}" is repeated in the same file`);
    else
        groupNames.set(name, g(at));
    if (group.interval !== undefined && !validDuration(group.interval))
        report([...at, 'interval'], `invalid interval "${String(group.interval)}"`);
    if (group.query_offset !== undefined && !validDuration(group.query_offset))
        report([...at, 'query_offset'], `invalid query_offset "${String(group.query_offset)}"`);
    if (group.limit !== undefined && !(Number.isInteger(group.limit) && group.limit >= 0))
        report([...at, 'limit'], 'limit must be a non-negative integer');
    if (group.rules !== undefined && group.rules !== null && !Array.isArray(group.rules))
        return report([...at, 'rules'], 'rules must be a list');
    (0,values/* list */.p_)(group.rules).forEach((rule, r) => checkRule([...at, 'rules', r], rule, typeof name === 'string' ? name : '', r, report));
}
function checkRule(at, rule, groupName, index, report) {
    const where = (name) => `group "${groupName}", rule ${index + 1}${name ? `, "${name}"` : ''}`;
    if (!(0,values/* isRecord */.u4)(rule))
        return report(at, `${where('')}: a rule must be a map`);
    const name = typeof rule.alert === 'string' ? rule.alert : typeof rule.record === 'string' ? rule.record : '';
    for (const key of Object.keys(rule))
        if (!RULE_FIELDS.has(key))
            report([...at, key], `${where(name)}: field ${key} not found in rule`, true);
    const hasAlert = 'alert' in rule && rule.alert !== null && rule.alert !== '';
    const hasRecord = 'record' in rule && rule.record !== null && rule.record !== '';
    if (hasAlert && hasRecord)
        report([...at, 'record'], `${where(name)}: only one of 'record' and 'alert' must be set`, true);
    if (!hasAlert && !hasRecord)
        report(at, `${where(name)}: one of 'record' or 'alert' must be set`);
    for (const key of ['alert', 'record']) {
        if (key in rule && rule[key] !== null && typeof rule[key] !== 'string')
            report([...at, key], `${where(name)}: ${key} must be a string`);
    }
    if (rule.expr === undefined || rule.expr === null || rule.expr === '')
        report(at, `${where(name)}: field 'expr' must be set in rule`);
    else if (typeof rule.expr !== 'string' && typeof rule.expr !== 'number')
        report([...at, 'expr'], `${where(name)}: expr must be a string`);
    if (hasRecord && !hasAlert) {
        for (const field of ['for', 'keep_firing_for', 'annotations']) {
            if (field in rule)
                report([...at, field], `${where(name)}: invalid field '${field}' in recording rule`, true);
        }
    }
    for (const field of ['labels', 'annotations']) {
        const value = rule[field];
        if (value === undefined || value === null)
            continue;
        if (!(0,values/* isRecord */.u4)(value)) {
            report([...at, field], `${where(name)}: ${field} must be a map of names to strings`);
            continue;
        }
        for (const [key, entry] of Object.entries(value)) {
            if (typeof entry === 'object' && entry !== null)
                report([...at, field, key], `${where(name)}: ${field} "${key}" must be a string, not a ${Array.isArray(entry) ? 'list' : 'map'}`);
        }
    }
}
function validDuration(value) {
    return typeof value === 'string' && (0,units/* parseDuration */.E9)(value) !== undefined;
}
function g(at) {
    return at[at.length - 1];
}

;// CONCATENATED MODULE: ./src/lang/go-template/parse.ts
// Just enough of Go's text/template parser to find what makes Prometheus reject an alert's
// labels and annotations at load time: unclosed actions and strings, unknown functions,
// undefined variables, unbalanced {{if}}/{{end}}, {{define}}/{{block}} bodies (templates of their
// own, where only `$` is defined) and {{template}} calls. Field names (.Labels.x) are only checked
// when the alert fires, so they are not checked here either.
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
const PROMETHEUS_VARIABLES = ['$', '$labels', '$value', '$externalLabels', '$externalURL'];
const BLOCK_OPENERS = new Set(['if', 'range', 'with']);
/** Blocks whose body is a template of its own: only `$` is defined inside. */
const TEMPLATE_BODIES = new Set(['define', 'block']);
const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue', 'nil', 'true', 'false']);
/** The first error Go's template parser would report, or undefined when the template parses. */
function firstTemplateError(text, predefined = PROMETHEUS_VARIABLES) {
    const scopes = [new Set(predefined)];
    const blocks = [];
    let i = 0;
    while (true) {
        const open = text.indexOf('{{', i);
        if (open < 0)
            break;
        let p = open + 2;
        if (text[p] === '-' && isSpace(text[p + 1]))
            p += 2;
        while (isSpace(text[p]))
            p++;
        if (text.startsWith('/*', p)) {
            const close = text.indexOf('*/', p + 2);
            if (close < 0)
                return { offset: open, message: 'unclosed comment' };
            let q = close + 2;
            while (isSpace(text[q]))
                q++;
            if (text[q] === '-' && text[q + 1] === '}')
                q++;
            if (!text.startsWith('}}', q))
                return { offset: open, message: 'comment ends before closing delimiter' };
            i = q + 2;
            continue;
        }
        const lexed = lexAction(text, p, open);
        if ('message' in lexed)
            return lexed;
        const error = parseAction(lexed.tokens, open, scopes, blocks);
        if (error)
            return error;
        i = lexed.end;
    }
    if (blocks.length > 0)
        return { offset: blocks[blocks.length - 1].offset, message: `unexpected EOF: {{${blocks[blocks.length - 1].keyword}}} has no {{end}}` };
    return undefined;
}
function lexAction(text, start, open) {
    const tokens = [];
    let p = start;
    const push = (kind, from, to) => tokens.push({ kind, text: text.slice(from, to), offset: from });
    while (true) {
        if (p >= text.length)
            return { offset: open, message: 'unclosed action' };
        const c = text[p];
        if (c === '}' && text[p + 1] === '}')
            return { tokens, end: p + 2 };
        if (isSpace(c)) {
            if (text[p + 1] === '-' && text[p + 2] === '}' && text[p + 3] === '}')
                return { tokens, end: p + 4 };
            p++;
        }
        else if (c === ':' && text[p + 1] === '=') {
            push('declare', p, p + 2);
            p += 2;
        }
        else if (c === '=')
            push('assign', p, ++p);
        else if (c === '|')
            push('pipe', p, ++p);
        else if (c === '(')
            push('lparen', p, ++p);
        else if (c === ')')
            push('rparen', p, ++p);
        else if (c === ',')
            push('comma', p, ++p);
        else if (c === '"' || c === "'") {
            let q = p + 1;
            while (q < text.length && text[q] !== c) {
                if (text[q] === '\n')
                    break;
                q += text[q] === '\\' ? 2 : 1;
            }
            if (q >= text.length || text[q] !== c)
                return { offset: p, message: c === '"' ? 'unterminated quoted string' : 'unterminated character constant' };
            push('string', p, q + 1);
            p = q + 1;
        }
        else if (c === '`') {
            const q = text.indexOf('`', p + 1);
            if (q < 0)
                return { offset: p, message: 'unterminated raw quoted string' };
            push('string', p, q + 1);
            p = q + 1;
        }
        else if (c === '$') {
            const q = wordEnd(text, p + 1);
            push('variable', p, q);
            p = fieldChainEnd(text, q);
        }
        else if (c === '.' && isWordChar(text[p + 1]) && !isDigit(text[p + 1])) {
            const q = fieldChainEnd(text, p);
            push('field', p, q);
            p = q;
        }
        else if (c === '.' && !isDigit(text[p + 1]))
            push('dot', p, ++p);
        else if (isDigit(c) || ((c === '-' || c === '+' || c === '.') && isDigit(text[p + 1]))) {
            let q = p + 1;
            while (q < text.length && /[0-9a-fA-FxXoObB_.eEpPi+-]/.test(text[q]) && !(text[q] === '-' && !/[eEpP]/.test(text[q - 1])))
                q++;
            push('number', p, q);
            p = q;
        }
        else if (isWordChar(c)) {
            const q = wordEnd(text, p);
            push('ident', p, q);
            p = fieldChainEnd(text, q);
        }
        else {
            return { offset: p, message: `unexpected "${c}" in command` };
        }
    }
}
function parseAction(tokens, open, scopes, blocks) {
    if (tokens.length === 0)
        return { offset: open, message: 'missing value for command' };
    const first = tokens[0];
    let body = tokens;
    if (first.kind === 'ident' && KEYWORDS.has(first.text)) {
        const keyword = first.text;
        body = tokens.slice(1);
        if (keyword === 'end') {
            if (blocks.length === 0)
                return { offset: first.offset, message: 'unexpected {{end}}' };
            blocks.pop();
            scopes.pop();
            return undefined;
        }
        if (keyword === 'else') {
            const top = blocks[blocks.length - 1];
            if (top && TEMPLATE_BODIES.has(top.keyword))
                return { offset: first.offset, message: `unexpected {{else}} in ${top.keyword} clause` };
            if (!top || !['if', 'with', 'range'].includes(top.keyword))
                return { offset: first.offset, message: 'unexpected {{else}}' };
            scopes[scopes.length - 1] = new Set();
            // `{{else if x}}` and `{{else with x}}` chain into the same {{end}}.
            if (body.length === 0)
                return undefined;
            if (body[0].kind === 'ident' && (body[0].text === 'if' || body[0].text === 'with'))
                body = body.slice(1);
            return checkPipeline(body, first, scopes);
        }
        if (BLOCK_OPENERS.has(keyword)) {
            if (body.length === 0)
                return { offset: first.offset, message: `missing value for ${keyword}` };
            // The pipeline is evaluated in the enclosing scope; what it declares belongs to the block.
            scopes.push(new Set());
            blocks.push({ keyword, offset: first.offset });
            return checkPipeline(body, first, scopes);
        }
        if (keyword === 'define') {
            // `{{define "name"}}…{{end}}` only at the top level, with nothing but the name.
            if (blocks.length > 0)
                return { offset: first.offset, message: 'unexpected <define> in command' };
            const name = body[0];
            if (!isTemplateName(name))
                return { offset: name?.offset ?? first.offset, message: `unexpected ${goItem(name)} in define clause` };
            if (body.length > 1)
                return { offset: body[1].offset, message: `unexpected ${goItem(body[1])} in define clause` };
            openTemplateBody(keyword, first, scopes, blocks);
            return undefined;
        }
        if (keyword === 'block' || keyword === 'template') {
            // `{{template "name" [pipeline]}}`; `{{block "name" pipeline}}…{{end}}` defines and runs it.
            const name = body[0];
            if (!isTemplateName(name))
                return { offset: name?.offset ?? first.offset, message: `unexpected ${goItem(name)} in ${keyword} clause` };
            if (keyword === 'template')
                return checkPipeline(body.slice(1), first, scopes, true);
            if (body.length === 1)
                return { offset: first.offset, message: 'missing value for block clause' };
            const error = checkPipeline(body.slice(1), first, scopes);
            if (!error)
                openTemplateBody(keyword, first, scopes, blocks);
            return error;
        }
        if (keyword === 'break' || keyword === 'continue') {
            return inRange(blocks) ? undefined : { offset: first.offset, message: `{{${keyword}}} outside {{range}}` };
        }
    }
    return checkPipeline(body, first, scopes);
}
function openTemplateBody(keyword, at, scopes, blocks) {
    const scope = new Set(['$']);
    scope.isolated = true;
    scopes.push(scope);
    blocks.push({ keyword, offset: at.offset });
}
/** Inside a {{range}} of the current template body. */
function inRange(blocks) {
    for (let i = blocks.length - 1; i >= 0; i--) {
        if (blocks[i].keyword === 'range')
            return true;
        if (TEMPLATE_BODIES.has(blocks[i].keyword))
            return false;
    }
    return false;
}
/** A template name: a double-quoted or raw string (a 'c' character constant is not one). */
function isTemplateName(token) {
    return token !== undefined && token.kind === 'string' && token.text[0] !== "'";
}
/** A token as Go's parser names it in "unexpected …": `<.>` for the dot, quoted text otherwise (cut at 10 characters). */
function goItem(token) {
    if (token === undefined)
        return '"}}"';
    if (token.kind === 'dot')
        return '<.>';
    const chars = [...token.text];
    return chars.length > 10 ? `${JSON.stringify(chars.slice(0, 10).join(''))}...` : JSON.stringify(token.text);
}
function checkPipeline(tokens, anchor, scopes, optional = false) {
    let body = tokens;
    // Declarations: `$x := ...`, `$i, $e := ...` (range), `$x = ...`.
    const declare = body.findIndex((t) => t.kind === 'declare' || t.kind === 'assign');
    if (declare > 0 && body.slice(0, declare).every((t) => t.kind === 'variable' || t.kind === 'comma')) {
        const names = body.slice(0, declare).filter((t) => t.kind === 'variable');
        body = body.slice(declare + 1);
        const error = checkCommands(body, anchor, scopes, optional);
        if (error)
            return error;
        for (const name of names) {
            if (body !== tokens && tokens[declare].kind === 'assign' && !isDefined(name.text, scopes))
                return { offset: name.offset, message: `undefined variable "${name.text}"` };
            scopes[scopes.length - 1].add(name.text);
        }
        return undefined;
    }
    return checkCommands(body, anchor, scopes, optional);
}
function checkCommands(tokens, anchor, scopes, optional) {
    if (tokens.length === 0)
        return optional ? undefined : { offset: anchor.offset, message: 'missing value for command' };
    let depth = 0;
    let expectOperand = true;
    for (const token of tokens) {
        if (token.kind === 'ident' && !['nil', 'true', 'false'].includes(token.text)) {
            if (KEYWORDS.has(token.text))
                return { offset: token.offset, message: `unexpected <${token.text}> in command` };
            if (!FUNCTIONS.has(token.text))
                return { offset: token.offset, message: `function "${token.text}" not defined` };
        }
        if (token.kind === 'variable' && !isDefined(variableName(token.text), scopes))
            return { offset: token.offset, message: `undefined variable "${variableName(token.text)}"` };
        if (token.kind === 'lparen')
            depth++;
        if (token.kind === 'rparen' && --depth < 0)
            return { offset: token.offset, message: 'unexpected right paren' };
        if (token.kind === 'pipe') {
            if (expectOperand)
                return { offset: token.offset, message: 'missing value for command' };
            expectOperand = true;
        }
        else if (token.kind !== 'lparen')
            expectOperand = false;
        if (token.kind === 'declare' || token.kind === 'assign')
            return { offset: token.offset, message: `unexpected "${token.text}" in operand` };
    }
    if (depth > 0)
        return { offset: anchor.offset, message: 'unclosed left paren' };
    if (expectOperand)
        return { offset: tokens[tokens.length - 1].offset, message: 'missing value for command' };
    return undefined;
}
function variableName(token) {
    const dot = token.indexOf('.', 1);
    return dot < 0 ? token : token.slice(0, dot);
}
function isDefined(name, scopes) {
    for (let i = scopes.length - 1; i >= 0; i--) {
        if (scopes[i].has(name))
            return true;
        if (scopes[i].isolated)
            return false;
    }
    return false;
}
function fieldChainEnd(text, from) {
    let p = from;
    while (text[p] === '.' && isWordChar(text[p + 1]))
        p = wordEnd(text, p + 1);
    return p;
}
function wordEnd(text, from) {
    let p = from;
    while (p < text.length && isWordChar(text[p]))
        p++;
    return p;
}
function isWordChar(c) {
    if (c === undefined)
        return false;
    const code = c.charCodeAt(0);
    if (code < 128)
        return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    return /[\p{L}\p{N}]/u.test(c);
}
function isDigit(c) {
    return c !== undefined && c >= '0' && c <= '9';
}
function isSpace(c) {
    return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

;// CONCATENATED MODULE: ./src/checks/rule/template.ts




// Syntax of other template languages that Go's parser takes for plain text (so Prometheus loads
// the rule) and then prints verbatim into the notification.
const LEFTOVERS = [
    { pattern: /\{%-?\s*\w+[^%]*%\}/, what: 'Jinja' },
    { pattern: /\{#[^#]*#\}/, what: 'Jinja comment' },
    { pattern: /\{\{-?\s*["`]\{\{["`]\s*-?\}\}/, what: 'Helm escaping' },
    { pattern: /\{\{[^}]*\.(Values|Release|Chart|Capabilities|Files)\b/, what: 'Helm' },
    { pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-=?+][^}]*)?\}/, what: 'shell/envsubst' },
];
const ruleTemplate = {
    meta: {
        id: 'rule/template',
        severity: 'error',
        kind: 'document',
        description: 'Alert labels and annotations that Go templates cannot parse (error), or that hold Jinja, Helm or ${VAR} leftovers (warning).',
        docs: 'docs/checks/rule/template.md',
        documentKinds: ['rule-file', 'prometheus-rule'],
    },
    run({ file, kind, doc }, context) {
        for (const rule of rawRules(kind, doc.value)) {
            for (const field of ['labels', 'annotations']) {
                for (const [key, raw] of Object.entries((0,values/* record */.g1)(rule.value[field]))) {
                    const value = (0,values/* text */.Qq)(raw);
                    if (value === undefined || (!value.includes('{') && !value.includes('$')))
                        continue;
                    const where = `${ruleLabel(rule)}, ${field === 'labels' ? 'label' : 'annotation'} "${key}"`;
                    checkValue(value, [...rule.path, field, key], rule.kind === 'alert', where, { file, doc, context, subject: `${rule.group}/${rule.name}/${field}.${key}` });
                }
            }
        }
    },
};
function checkValue(value, path, templated, where, at) {
    const position = (offset) => (0,placement/* placeOffset */.RF)(at.doc.placementOf(path), offset);
    // Prometheus expands templates in alerting rules only; a recording rule's labels are literal.
    const error = templated ? firstTemplateError(value) : undefined;
    if (error)
        at.context.report({ file: at.file, ...position(error.offset), subject: at.subject, message: `${where}: template: ${error.message}` });
    if (!/\{[%#{]|\$\{/.test(value))
        return;
    for (const { pattern, what } of LEFTOVERS) {
        const match = pattern.exec(value);
        if (!match)
            continue;
        at.context.report({
            file: at.file,
            ...position(match.index),
            severity: 'warning',
            subject: at.subject,
            message: `${where}: ${what} leftover \`${truncate(match[0])}\` is not rendered by Prometheus and shows up verbatim in the notification`,
        });
    }
}
function truncate(text) {
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

;// CONCATENATED MODULE: ./src/checks/run/nothing-checked.ts
/**
 * A run that recognised no file proves nothing: a mistyped `path`, an `include` that matches
 * nothing or a workflow without actions/checkout would otherwise pass as "0 files, no findings".
 */
function nothingCheckedMessage(model) {
    if (model.files.some((file) => file.kinds.length > 0))
        return undefined;
    const read = model.files.length;
    const what = read === 0 ? 'no YAML or JSON file was found under the checked path' : `none of the ${read} YAML/JSON file(s) read is an SLO policy, rule file or dashboard (the report lists each one under "skipped", with why)`;
    return `nothing was checked: ${what}. Check \`path\`, \`include\` and \`exclude\`, and that the workflow checks the repository out (actions/checkout) before slo-gate runs.`;
}
const runNothingChecked = {
    meta: {
        id: 'run/nothing-checked',
        severity: 'warning',
        kind: 'model',
        description: 'No SLO policy, rule file or dashboard was recognised, so the run checked nothing.',
        docs: 'docs/checks/run/nothing-checked.md',
    },
    run({ model }, context) {
        const message = nothingCheckedMessage(model);
        if (message)
            context.report({ file: '', message, headline: true });
    },
};

;// CONCATENATED MODULE: ./src/checks/index.ts
// Every check the product runs, of every kind, one line each. A new check is its module, its docs
// page, its test and one line here. Within a kind, checks run in this order.























































const CHECKS = [
    runNothingChecked,
    fileParse,
    fileMissing,
    fileTemplate,
    policySchema,
    policySchemaAcrossFiles,
    policyTargetMin,
    policyBurnWindows,
    policyBurnRate,
    policyBurnUnreachable,
    policyBudget,
    policyDuplicate,
    ruleSchema,
    ruleDuplicate,
    ruleLabelName,
    ruleRecordName,
    ruleTemplate,
    promqlSyntax,
    promqlCounter,
    rate_range/* promqlRateRange */.x,
    promqlHistogramQuantile,
    logqlSyntax,
    alertComparison,
    alertFor,
    alertRequired,
    dashboardSchema,
    dashboardUid,
    dashboardPromql,
    dashboardLogql,
    dashboardPanelId,
    dashboardDeprecatedPanel,
    dashboardThresholds,
    dashboardDatasource,
    dashboardCounter,
    alignBurnAlertMissing,
    alignBurnThreshold,
    alignBurnWindow,
    alignSingleWindow,
    alignLatencyThreshold,
    alignMetric,
    alignDashboardMissing,
    alignDashboardThreshold,
    diffTargetLowered,
    diffSloRemoved,
    diffAlertRemoved,
    diffAlertLoosened,
    diffDashboardRemoved,
    liveBudgetExhausted,
    liveBurning,
    liveNoData,
    liveQueryFailed,
    liveUnreachable,
    liveSeriesMissing,
    metric_type/* liveMetricType */.t,
    scrape_interval/* liveScrapeInterval */.A,
    liveAlertBacktest,
];
// The same checks by kind, for the stage that runs each kind.
const DOCUMENT_CHECKS = CHECKS.filter((check) => check.meta.kind === 'document');
const MODEL_CHECKS = CHECKS.filter((check) => check.meta.kind === 'model');
/** Static checks: what the engine runs on one tree (document checks while files are read, then model checks). */
const STATIC_CHECKS = CHECKS.filter((check) => check.meta.kind === 'document' || check.meta.kind === 'model');
const DIFF_CHECKS = CHECKS.filter((check) => check.meta.kind === 'diff');
const LIVE_CHECKS = CHECKS.filter((check) => check.meta.kind === 'live');


/***/ }),

/***/ 8491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ times),
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   Md: () => (/* binding */ atSlo),
/* harmony export */   WG: () => (/* binding */ measuredSlos),
/* harmony export */   su: () => (/* binding */ wasMeasured),
/* harmony export */   vi: () => (/* binding */ weigh)
/* harmony export */ });
/* harmony import */ var _model_slo_identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30720);
// What the live/* checks share: how `live-fail-on` weighs their findings, where a finding about
// one SLO points, and how figures are written in their messages.

/**
 * How much a live finding weighs under `live-fail-on`: `exhausted` and `burning` keep its severity
 * (live/burning raises page-level burns itself), `never` turns every live finding into a notice,
 * which is reported but fails no gate set to `error` or `warning`.
 */
function weigh(severity, failOn) {
    return failOn === 'never' ? 'notice' : severity;
}
/** Each SLO with what live mode made of it, in model order. */
function measuredSlos({ linked, summary }) {
    return summary.slos.map((result, index) => ({ slo: linked.model.slos[index], result }));
}
/** Results with figures: the SLO was queried and answered with data. */
function wasMeasured(result) {
    return result.status === 'ok' || result.status === 'burning' || result.status === 'exhausted';
}
/** A finding about one SLO points at its definition; its identity is the SLO, not the changing figures. */
function atSlo(slo) {
    return { file: slo.file, line: slo.position.line, column: slo.position.column, subject: slo.name, slo: (0,_model_slo_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .sloRef */ .wF)(slo) };
}
function percent(ratio, digits = 1) {
    return `${Number((ratio * 100).toFixed(digits))} %`;
}
function times(rate) {
    return `${Number(rate.toFixed(rate < 10 ? 2 : 1))}×`;
}


/***/ }),

/***/ 63791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ metricTypeSupersedes),
/* harmony export */   t: () => (/* binding */ liveMetricType)
/* harmony export */ });
/* harmony import */ var _promql_counters_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2864);
/* harmony import */ var _model_placement_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54302);
/* harmony import */ var _rule_input_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8491);



// rate() reads every drop of its input as a counter reset: over a gauge it adds up noise.
const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets']);
const HISTOGRAM_TYPES = new Set(['histogram', 'gaugehistogram']);
const liveMetricType = {
    meta: {
        id: 'live/metric-type',
        severity: 'warning',
        kind: 'live',
        description: 'The backend declares a metric a type the query misreads: rate() over a gauge, a counter compared raw, histogram_quantile() over a non-histogram.',
        docs: 'docs/checks/live/metric-type.md',
        gates: 'always',
    },
    run(input, context) {
        const measured = input.summary.rules;
        if (!measured)
            return;
        const severity = (0,_rule_input_js__WEBPACK_IMPORTED_MODULE_1__/* .weigh */ .vi)(liveMetricType.meta.severity, input.settings.failOn);
        const unavailable = measured.unavailable.get('metadata');
        if (unavailable) {
            context.report({ file: '', severity: 'notice', subject: 'metadata', message: `Metric types not checked against the backend's metadata: ${unavailable}; promql/counter keeps its name-based findings.` });
        }
        const model = input.linked.model;
        const families = (0,_promql_counters_js__WEBPACK_IMPORTED_MODULE_0__/* .histogramFamilies */ .Bm)(model);
        for (const rule of model.rules) {
            if (rule.expr.analysis.errors.length > 0)
                continue;
            const at = (from, metric) => ({ file: rule.file, ...(0,_model_placement_js__WEBPACK_IMPORTED_MODULE_2__/* .queryPosition */ .ol)(rule.expr, from), subject: `${rule.group}/${rule.name}/${metric}` });
            const who = `${rule.kind} "${rule.name}"`;
            const reported = new Set();
            for (const selector of rule.expr.analysis.facts.selectors) {
                const metric = selector.metric;
                const known = metric !== undefined ? measured.types.get(metric) : undefined;
                if (!metric || !known)
                    continue;
                const fn = selector.functions[0];
                if (fn && RATE_FUNCTIONS.has(fn) && known.type === 'gauge' && !reported.has(`rate ${metric}`)) {
                    reported.add(`rate ${metric}`);
                    context.report({ ...at(selector.from, metric), severity, message: `${who}: ${fn}() over ${metric}, which the backend declares a gauge: a gauge goes down as well as up and ${fn}() reads every drop as a counter reset; use deriv() or delta() for its change` });
                }
                if (selector.functions.includes('histogram_quantile') && !isHistogramSeries(metric, known) && !reported.has(`quantile ${metric}`)) {
                    reported.add(`quantile ${metric}`);
                    const what = known.family ? `the ${known.family} family is declared a ${known.type}` : `the backend declares it a ${known.type}`;
                    context.report({ ...at(selector.from, metric), severity, message: `${who}: histogram_quantile() over ${metric}, but ${what}: there are no cumulative buckets to interpolate, so the result means nothing` });
                }
            }
            for (const use of (0,_promql_counters_js__WEBPACK_IMPORTED_MODULE_0__/* .rawCounterUses */ .Zp)(rule.expr, families, (metric) => counterLike(metric, measured.types.get(metric)) ?? false)) {
                const declared = describeType(use.metric, measured.types.get(use.metric));
                context.report({ ...at(use.selector.from, use.metric), severity, message: `${who}: ${use.metric} is ${use.how} raw, and the backend declares ${declared}: its value only grows and resets on restart, so it says nothing about now; use rate() or increase()` });
            }
        }
    },
};
/**
 * The promql/counter findings this check replaces: where the backend knows a metric's type, its
 * name no longer decides (the finding is this check's, or there is none).
 */
function metricTypeSupersedes(measured, rules) {
    if (!measured)
        return [];
    const out = [];
    for (const rule of rules) {
        for (const selector of rule.expr.analysis.facts.selectors) {
            if (selector.metric && measured.types.has(selector.metric))
                out.push({ check: 'promql/counter', file: rule.file, subject: `${rule.group}/${rule.name}/${selector.metric}` });
        }
    }
    return out;
}
/** Counter-like by declaration: a counter, or the cumulative parts of a histogram or summary. Undefined when unknown. */
function counterLike(metric, known) {
    if (!known)
        return undefined;
    if (!known.family)
        return known.type === 'counter';
    const suffix = metric.slice(known.family.length + 1);
    if (known.type === 'counter')
        return suffix === 'total';
    if (known.type === 'histogram' || known.type === 'summary')
        return suffix === 'bucket' || suffix === 'count' || suffix === 'sum';
    return false;
}
function isHistogramSeries(metric, known) {
    if (!HISTOGRAM_TYPES.has(known.type))
        return false;
    // A native histogram is the family itself; a classic one is read through its _bucket series.
    return known.family ? metric === `${known.family}_bucket` : true;
}
function describeType(metric, known) {
    return known.family ? `${known.family} a ${known.type}` : `${metric} a ${known.type}`;
}


/***/ }),

/***/ 98261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hc: () => (/* binding */ ownerName),
/* harmony export */   pC: () => (/* binding */ atSelector)
/* harmony export */ });
// What the live rule checks share: how `live-fail-on` weighs a finding, and how a selector is
// named and placed.

/** Where a selector is written, and its identity (rule or SLO, then the selector). */
function atSelector(use) {
    const owner = use.owner.group !== undefined ? `${use.owner.group}/${use.owner.name}` : use.owner.name;
    return { file: use.file, line: use.position.line, column: use.position.column, subject: `${owner}/${use.selector}` };
}
/** `alert "HighErrorRate"`, `record "job:errors:rate5m"`, `SLI of SLO "checkout"`. */
function ownerName(use) {
    return use.owner.kind === 'sli' ? `SLI of SLO "${use.owner.name}"` : `${use.owner.kind} "${use.owner.name}"`;
}


/***/ }),

/***/ 91386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ liveScrapeInterval),
/* harmony export */   T: () => (/* binding */ scrapeIntervalSupersedes)
/* harmony export */ });
/* harmony import */ var _promql_rate_range_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36079);
/* harmony import */ var _model_units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18766);
/* harmony import */ var _rule_input_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8491);
/* harmony import */ var _rule_input_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98261);



const liveScrapeInterval = {
    meta: {
        id: 'live/scrape-interval',
        severity: 'warning',
        kind: 'live',
        description: "rate()/increase() over fewer than 4 samples (irate(): 2), or an alert's `for` shorter than one sample, at the scrape interval the backend actually has.",
        docs: 'docs/checks/live/scrape-interval.md',
        gates: 'always',
    },
    run(input, context) {
        const measured = input.summary.rules;
        if (!measured)
            return;
        const severity = (0,_rule_input_js__WEBPACK_IMPORTED_MODULE_2__/* .weigh */ .vi)(liveScrapeInterval.meta.severity, input.settings.failOn);
        const unavailable = measured.unavailable.get('scrape-interval');
        if (unavailable) {
            context.report({ file: '', severity: 'notice', subject: 'scrape-interval', message: `Scrape intervals not measured: ${unavailable}; promql/rate-range keeps the configured scrape-interval.` });
        }
        const reported = new Set();
        for (const use of measured.uses) {
            const interval = measured.intervals.get(use.selector);
            const rule = use.owner.rule;
            if (!interval || !rule)
                continue;
            const fn = use.fact.functions[0];
            const range = use.fact.rangeSeconds;
            const at = (0,_rule_input_js__WEBPACK_IMPORTED_MODULE_3__/* .atSelector */ .pC)(use);
            if (fn && fn in _promql_rate_range_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SAMPLES */ .P && range !== undefined) {
                const minimum = _promql_rate_range_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SAMPLES */ .P[fn] * interval.seconds;
                const key = `${at.subject} ${fn} ${range}`;
                if (range < minimum && !reported.has(key)) {
                    reported.add(key);
                    context.report({
                        ...at,
                        severity,
                        message: `${(0,_rule_input_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerName */ .Hc)(use)}: ${fn}(${use.selector}[${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(range)}]) spans fewer than ${_promql_rate_range_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SAMPLES */ .P[fn]} samples at its ${describe(interval)}; use at least [${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(minimum)}]`,
                    });
                }
            }
            const holdFor = use.owner.kind === 'alert' && rule.for ? (0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(rule.for.value) : undefined;
            if (holdFor !== undefined && holdFor > 0 && holdFor < interval.seconds && !reported.has(`${rule.file} ${rule.group}/${rule.name} for`)) {
                reported.add(`${rule.file} ${rule.group}/${rule.name} for`);
                context.report({
                    file: rule.file,
                    line: rule.for.position.line,
                    column: rule.for.position.column,
                    subject: `${rule.group}/${rule.name}/for`,
                    severity,
                    message: `${(0,_rule_input_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerName */ .Hc)(use)}: for: ${rule.for.value} is shorter than the ${describe(interval)} of ${use.selector}: one sample decides, so the alert fires on a single bad scrape; use at least ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(interval.seconds * 2)}`,
                });
            }
        }
    },
};
/**
 * The promql/rate-range findings this check replaces: a selector whose interval was measured is
 * judged at that interval here, not at the configured default there.
 */
function scrapeIntervalSupersedes(measured) {
    if (!measured)
        return [];
    return measured.uses
        .filter((use) => use.owner.rule && measured.intervals.has(use.selector) && use.fact.metric !== undefined)
        .map((use) => ({ check: 'promql/rate-range', file: use.file, subject: `${use.owner.group}/${use.owner.name}/${use.fact.metric}` }));
}
function describe(interval) {
    const source = interval.source === 'targets' ? `the configured scrape interval of job "${interval.job}"` : 'sample spacing on the backend';
    return `${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(interval.seconds)} scrape interval (${source})`;
}


/***/ }),

/***/ 70259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ configOptions)
/* harmony export */ });
/* harmony import */ var _schemas_config_schema_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56538);
// The `.slo-gate.yml` keys a check reads, described by the config's own JSON schema: one source
// for what a key accepts, so a check's metadata never disagrees with what the config validates.

/** `keys` as written in `.slo-gate.yml`, nested ones dotted (`alerts.required-labels`), each with its schema. */
function configOptions(...keys) {
    return Object.fromEntries(keys.map((key) => [key, schemaOf(key)]));
}
function schemaOf(key) {
    let schema = _schemas_config_schema_json__WEBPACK_IMPORTED_MODULE_0__;
    for (const part of key.split('.')) {
        const next = schema.properties?.[part];
        // A typo here would describe nothing: fail when the registry loads, not in a user's run.
        if (!next)
            throw new Error(`config key ${key} is not in schemas/config.schema.json`);
        schema = next;
    }
    return schema;
}


/***/ }),

/***/ 2864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ histogramFamilies),
/* harmony export */   Mw: () => (/* binding */ rawCounterMessage),
/* harmony export */   Zp: () => (/* binding */ rawCounterUses)
/* harmony export */ });
// Which selectors read a counter's raw value. Shared by promql/counter (rules) and
// dashboard/counter (panels) so both agree on what counts as a counter and as a safe use.
//
// Without the metric metadata of a live Prometheus, a counter is recognised by its name, which
// exporters do not always get right: the rules below keep to the names that are counters with
// little doubt, and leave out what the repository itself shows to be something else.
// Functions that read a counter the way it is meant to be read: per-second rates and increases
// (which handle resets), or only whether and when samples exist.
const COUNTER_SAFE_FUNCTIONS = new Set([
    'rate', 'irate', 'increase', 'resets', 'changes',
    'absent', 'absent_over_time', 'present_over_time', 'count_over_time', 'timestamp',
    'histogram_count', 'histogram_sum', 'histogram_avg', 'histogram_fraction',
]);
// Aggregations that count series instead of adding up their values.
const COUNTING_AGGREGATIONS = new Set(['count', 'group', 'count_values']);
/**
 * Histogram and summary families the repository's queries show: `x` when `x_bucket` is read, or
 * both `x_sum` and `x_count`. A lone `pg_stat_activity_count` is a gauge that happens to end in
 * _count, and CloudWatch's `_sum` statistics are gauges too.
 */
function histogramFamilies(model) {
    const names = new Set();
    const add = (query) => {
        for (const selector of query?.analysis.facts.selectors ?? [])
            if (selector.metric)
                names.add(selector.metric);
    };
    for (const rule of model.rules)
        add(rule.expr);
    for (const dashboard of model.dashboards)
        for (const panel of dashboard.panels)
            for (const target of panel.targets)
                add(target.expr);
    const families = new Set();
    for (const name of names) {
        if (name.endsWith('_bucket'))
            families.add(name.slice(0, -'_bucket'.length));
        if (name.endsWith('_sum') && names.has(`${name.slice(0, -4)}_count`))
            families.add(name.slice(0, -4));
    }
    return families;
}
/** By convention (OpenMetrics) counters end in _total, and histograms and summaries expose cumulative _bucket, _count and _sum. */
function isCounter(metric, families, query) {
    if (metric.endsWith('_bucket'))
        return true;
    const family = /^(.*)_(count|sum)$/.exec(metric);
    if (family)
        return families.has(family[1]);
    if (!metric.endsWith('_total'))
        return false;
    // `x_free / x_total`, `x_total - x_active`: a _total read beside its own breakdown is the
    // capacity of that breakdown, a gauge (container_fs_inodes_total, ceph_pg_total).
    const prefix = metric.slice(0, -'total'.length);
    return !query.analysis.facts.selectors.some((s) => s.metric !== undefined && s.metric !== metric && s.metric.startsWith(prefix) && !s.metric.endsWith('_total'));
}
/**
 * Counter selectors in `query` read without rate()/increase() or a counting wrapper, one per metric.
 * `isCounterMetric` decides what a counter is when something better than its name knows (a
 * backend's metadata); without it, or where it returns undefined, the name decides.
 */
function rawCounterUses(query, families, isCounterMetric) {
    const facts = query.analysis.facts;
    const uses = [];
    const seen = new Set();
    for (const selector of facts.selectors) {
        const metric = selector.metric;
        if (!metric || seen.has(metric) || !(isCounterMetric?.(metric) ?? isCounter(metric, families, query)))
            continue;
        if (selector.functions.some((fn) => COUNTER_SAFE_FUNCTIONS.has(fn)))
            continue;
        if (selector.aggregations.some((agg) => COUNTING_AGGREGATIONS.has(agg)))
            continue;
        seen.add(metric);
        const compared = facts.comparisons.some((c) => !c.bool && c.from <= selector.from && selector.to <= c.to);
        const how = compared ? 'compared' : selector.aggregations.length > 0 ? `aggregated with ${selector.aggregations[0]}` : 'used';
        uses.push({ selector, metric, how });
    }
    return uses;
}
function rawCounterMessage(use) {
    const advice = 'its value only grows and resets on restart, so it says nothing about now; use rate() or increase()';
    // _bucket, _count and _sum are counters when the repository reads the family as a histogram;
    // _total is only a naming convention, which gauges (inventory totals, capacities) break.
    if (use.metric.endsWith('_total'))
        return `${use.metric} is ${use.how} raw and its _total name says it is a counter (a guess from the name alone: no metric metadata is read): ${advice}`;
    return `counter ${use.metric} is ${use.how} raw: ${advice}`;
}


/***/ }),

/***/ 36079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ MIN_SAMPLES),
/* harmony export */   x: () => (/* binding */ promqlRateRange)
/* harmony export */ });
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70259);
/* harmony import */ var _model_units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18766);
/* harmony import */ var _model_placement_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54302);



// rate() and increase() extrapolate from the samples inside the range: with fewer than four, one
// missed scrape leaves one sample or none, and the result jumps or disappears (the reasoning
// behind Grafana's $__rate_interval). irate() only needs the last two samples.
const MIN_SAMPLES = { rate: 4, increase: 4, irate: 2 };
const promqlRateRange = {
    meta: {
        id: 'promql/rate-range',
        severity: 'warning',
        kind: 'model',
        description: 'rate()/increase() over a range shorter than 4 sampling intervals (irate(): 2), so one missed scrape empties it.',
        docs: 'docs/checks/promql/rate-range.md',
        options: (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .configOptions */ .h)('evaluation-interval', 'scrape-interval'),
    },
    run({ model }, context) {
        // A recorded series is sampled at its group's evaluation interval, a scraped one at the scrape interval.
        const recordedEvery = new Map();
        for (const rule of model.rules) {
            if (rule.kind !== 'record')
                continue;
            recordedEvery.set(rule.name, rule.groupIntervalSeconds !== undefined ? { seconds: rule.groupIntervalSeconds, group: rule.group } : { seconds: context.config.evaluationIntervalSeconds });
        }
        for (const rule of model.rules) {
            if (rule.expr.analysis.errors.length > 0)
                continue;
            const reported = new Set();
            for (const selector of rule.expr.analysis.facts.selectors) {
                const fn = selector.functions[0];
                if (selector.rangeSeconds === undefined || !fn || !(fn in MIN_SAMPLES))
                    continue;
                const recorded = selector.metric !== undefined ? recordedEvery.get(selector.metric) : undefined;
                const interval = recorded?.seconds ?? context.config.scrapeIntervalSeconds;
                const minimum = MIN_SAMPLES[fn] * interval;
                if (selector.rangeSeconds >= minimum)
                    continue;
                const key = `${fn} ${selector.metric} ${selector.rangeSeconds}`;
                if (reported.has(key))
                    continue;
                reported.add(key);
                // The interval is an assumption unless the group states it: say which, and where to change it.
                const source = recorded === undefined
                    ? `a ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(interval)} scrape interval (\`scrape-interval\` in .slo-gate.yml)`
                    : recorded.group !== undefined
                        ? `the ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(interval)} interval of group "${recorded.group}", which records it`
                        : `the ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(interval)} evaluation interval of the rule that records it (\`evaluation-interval\` in .slo-gate.yml)`;
                context.report({
                    file: rule.file,
                    ...(0,_model_placement_js__WEBPACK_IMPORTED_MODULE_2__/* .queryPosition */ .ol)(rule.expr, selector.from),
                    subject: `${rule.group}/${rule.name}/${selector.metric ?? ''}`,
                    message: `${rule.kind} "${rule.name}": ${fn}(${selector.metric ?? '…'}[${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(selector.rangeSeconds)}]) spans fewer than ${MIN_SAMPLES[fn]} samples at ${source}; use at least [${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(minimum)}]`,
                });
            }
        }
    },
};


/***/ }),

/***/ 81122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   Mn: () => (/* binding */ configValue),
/* harmony export */   R2: () => (/* binding */ mergeConfig),
/* harmony export */   Z9: () => (/* binding */ loadConfig),
/* harmony export */   Zy: () => (/* binding */ DEFAULT_MIN_AVAILABILITY),
/* harmony export */   tb: () => (/* binding */ parseMinAvailability),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports DEFAULT_CONFIG, isConfigKey, RECOMMENDED_ANNOTATIONS, parseConfig */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_burn_rate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12203);
/* harmony import */ var _model_units_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18766);
/* harmony import */ var _parse_document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36526);
/* harmony import */ var _parse_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42575);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(99255);
/* harmony import */ var _config_validator_generated_cjs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17503);
/* harmony import */ var _schemas_config_schema_json__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56538);
// .slo-gate.yml: read, validated against schemas/config.schema.json, merged over the defaults.






// The schema compiled when the bundle is built (scripts/generate-validators.mjs); the schema itself names the keys.


/** The floor an availability SLO is held to when the repository names none: reported as a warning, not an error. */
const DEFAULT_MIN_AVAILABILITY = 0.999;
const DEFAULT_CONFIG = {
    include: [],
    exclude: [],
    checks: {},
    requiredLabels: { severity: [] },
    // None by default: repositories word their alerts differently (summary, description, message).
    requiredAnnotations: [],
    defaultPeriodSeconds: _model_burn_rate_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_PERIOD_SECONDS */ .is,
    evaluationIntervalSeconds: 60,
    scrapeIntervalSeconds: 60,
    maxFileBytes: 16 * 1024 * 1024,
    sloLinks: {},
    ruleDialect: 'auto',
    ignore: [],
};
const DEFAULT_CONFIG_FILE = '.slo-gate.yml';
/** Where each `.slo-gate.yml` key (nested ones dotted) lands in Config: what a check's `meta.options` names. */
const CONFIG_FIELDS = {
    'min-availability': 'minAvailability',
    'min-latency-objective': 'minLatencyObjective',
    include: 'include',
    exclude: 'exclude',
    checks: 'checks',
    'alerts.required-labels': 'requiredLabels',
    'alerts.required-annotations': 'requiredAnnotations',
    'slo-period': 'defaultPeriodSeconds',
    'evaluation-interval': 'evaluationIntervalSeconds',
    'scrape-interval': 'scrapeIntervalSeconds',
    'max-file-size-mb': 'maxFileBytes',
    'slo-links': 'sloLinks',
    'rule-dialect': 'ruleDialect',
};
/** Whether `.slo-gate.yml` has the key (dotted for nested ones). */
function isConfigKey(key) {
    return Object.hasOwn(CONFIG_FIELDS, key);
}
/** The settled value of a `.slo-gate.yml` key; undefined for a key the config does not have, or one left unset. */
function configValue(config, key) {
    const field = CONFIG_FIELDS[key];
    return field === undefined ? undefined : config[field];
}
/** `alerts.required-annotations: recommended`: what an on-call engineer needs from a page. */
const RECOMMENDED_ANNOTATIONS = ['summary', 'description', 'runbook_url'];
/** A configuration that cannot be used: every problem found in it, each with its position. */
class ConfigError extends Error {
    file;
    line;
    column;
    problems;
    constructor(file, line, column, message, more = []) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problems = [{ line, ...(column !== undefined ? { column } : {}), message }, ...more];
    }
    static of(file, problems) {
        const [first, ...rest] = problems;
        return new ConfigError(file, first.line, first.column, first.message, rest);
    }
}
/**
 * Read a config file; undefined when `required` is false and the file does not exist. It comes
 * from the repository under check, so it is read like any checked file: a symlink from inside
 * `root` to outside it is not followed, only a regular file is read (never a FIFO or a device,
 * and opening one does not block), within the size limit, as UTF-8 text.
 */
async function loadConfig(file, displayName, required, root = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), knownChecks) {
    const read = await (0,_parse_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readRepositoryFile */ .tz)(file, root);
    if (read.ok)
        return parseConfig(read.text, displayName, knownChecks);
    if (read.missing && !required)
        return undefined;
    throw new ConfigError(displayName, read.line, read.column, `cannot read config: ${read.message}`);
}
/**
 * `knownChecks`: the ids of every check, so that a mistyped id under `checks:` is an error with the
 * nearest id instead of a setting that silently does nothing.
 */
function parseConfig(source, displayName, knownChecks) {
    const parsed = (0,_parse_document_js__WEBPACK_IMPORTED_MODULE_3__/* .parseText */ .r4)(source, 'yaml');
    if (parsed.problems.length > 0) {
        const problem = parsed.problems[0];
        throw new ConfigError(displayName, problem.line, problem.column, problem.message);
    }
    const doc = parsed.documents[0];
    if (!doc)
        return {};
    const problems = (0,_config_validator_generated_cjs__WEBPACK_IMPORTED_MODULE_5__/* .validateConfig */ .$)(doc.value) ? [] : schemaProblems(_config_validator_generated_cjs__WEBPACK_IMPORTED_MODULE_5__/* .validateConfig */ .$.errors ?? [], doc);
    if (knownChecks)
        problems.push(...unknownChecks(doc, knownChecks));
    if (problems.length)
        throw ConfigError.of(displayName, problems);
    const value = doc.value;
    const out = {};
    if (value['min-availability'] !== undefined) {
        const pos = doc.positionOf(['min-availability']);
        out.minAvailability = parseMinAvailability(value['min-availability'], () => new ConfigError(displayName, pos.line, pos.column, 'invalid config: min-availability must be a percent (99.9) or ratio (0.999)'));
    }
    if (value['min-latency-objective'] !== undefined) {
        const pos = doc.positionOf(['min-latency-objective']);
        out.minLatencyObjective = parseMinAvailability(value['min-latency-objective'], () => new ConfigError(displayName, pos.line, pos.column, 'invalid config: min-latency-objective must be a percent (99) or ratio (0.99)'));
    }
    if (Array.isArray(value.include))
        out.include = value.include;
    if (Array.isArray(value.exclude))
        out.exclude = value.exclude;
    if (value.checks)
        out.checks = value.checks;
    const alerts = (value.alerts ?? {});
    if (alerts['required-labels'] !== undefined)
        out.requiredLabels = normaliseRequiredLabels(alerts['required-labels']);
    if (Array.isArray(alerts['required-annotations']))
        out.requiredAnnotations = alerts['required-annotations'];
    else if (alerts['required-annotations'] === 'recommended')
        out.requiredAnnotations = [...RECOMMENDED_ANNOTATIONS];
    for (const [key, field] of [
        ['slo-period', 'defaultPeriodSeconds'],
        ['evaluation-interval', 'evaluationIntervalSeconds'],
        ['scrape-interval', 'scrapeIntervalSeconds'],
    ]) {
        if (value[key] === undefined)
            continue;
        const seconds = (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(value[key]);
        const pos = doc.positionOf([key]);
        if (seconds === undefined || seconds <= 0)
            throw new ConfigError(displayName, pos.line, pos.column, `invalid config: ${key} must be a duration such as 30d or 1m`);
        out[field] = seconds;
    }
    if (typeof value['max-file-size-mb'] === 'number')
        out.maxFileBytes = value['max-file-size-mb'] * 1024 * 1024;
    if (value['slo-links'])
        out.sloLinks = value['slo-links'];
    if (typeof value['rule-dialect'] === 'string')
        out.ruleDialect = value['rule-dialect'];
    if (Array.isArray(value.ignore)) {
        out.ignore = value.ignore.map((entry, index) => {
            const position = doc.positionOf(['ignore', index]);
            const checks = typeof entry.checks === 'string' ? [entry.checks] : (entry.checks ?? []);
            return {
                path: String(entry.path ?? '**'),
                checks,
                ...(entry.subject !== undefined ? { subject: String(entry.subject) } : {}),
                reason: typeof entry.reason === 'string' ? entry.reason.trim() : '',
                position: { file: displayName, line: position.line, column: position.column },
            };
        });
    }
    return out;
}
/**
 * Every schema error, one per place (ajv reports each branch of a `oneOf`; the first says enough),
 * an unknown key with the nearest key the schema has there.
 */
function schemaProblems(errors, doc) {
    const seen = new Set();
    const problems = [];
    for (const error of errors) {
        const at = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
        const unknown = error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
        const place = unknown === undefined ? at : [...at, unknown];
        const key = place.join('\u0000');
        if (seen.has(key))
            continue;
        seen.add(key);
        const position = unknown === undefined ? doc.positionOf(place) : doc.keyPositionOf(place);
        const where = at.length ? `${at.join('.')} ` : '';
        if (unknown !== undefined) {
            const near = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_7__/* .closestName */ .N)(unknown, keysAt(at));
            problems.push({ ...position, message: `invalid config: ${where}has an unknown key "${unknown}"${near ? ` — did you mean "${near}"?` : ''}` });
        }
        else
            problems.push({ ...position, message: `invalid config: ${where}${error.message}` });
    }
    return problems;
}
/** The keys the config schema allows at a place. */
function keysAt(at) {
    let schema = _schemas_config_schema_json__WEBPACK_IMPORTED_MODULE_6__;
    for (const step of at) {
        const next = typeof step === 'number' ? schema.items : schema.properties?.[step];
        if (!next || typeof next !== 'object')
            return [];
        schema = next;
    }
    return Object.keys(schema.properties ?? {});
}
function unknownChecks(doc, knownChecks) {
    const checks = doc.value?.checks;
    if (!checks || typeof checks !== 'object')
        return [];
    return Object.keys(checks)
        .filter((id) => !knownChecks.has(id))
        .map((id) => {
        const near = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_7__/* .closestName */ .N)(id, knownChecks);
        return { ...doc.keyPositionOf(['checks', id]), message: `invalid config: checks has an unknown check "${id}"${near ? ` — did you mean "${near}"?` : ''}` };
    });
}
/** "99.9", "99.9%" and 0.999 all mean the same minimum. */
function parseMinAvailability(value, fail) {
    const asNumber = typeof value === 'string' && !value.trim().endsWith('%') ? Number(value) : value;
    const ratio = typeof asNumber === 'number' ? (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTarget */ .hu)(asNumber, asNumber > 1 ? 'percent' : 'ratio') : (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTarget */ .hu)(value, 'percent');
    if (ratio === undefined || !(ratio > 0 && ratio < 1))
        throw fail();
    return ratio;
}
function normaliseRequiredLabels(value) {
    if (Array.isArray(value))
        return Object.fromEntries(value.map((name) => [String(name), []]));
    const out = {};
    for (const [name, allowed] of Object.entries(value))
        out[name] = Array.isArray(allowed) ? allowed.map(String) : [];
    return out;
}
function mergeConfig(...layers) {
    const merged = { ...DEFAULT_CONFIG, checks: {}, sloLinks: {} };
    for (const layer of layers) {
        if (!layer)
            continue;
        for (const [key, value] of Object.entries(layer)) {
            if (value === undefined)
                continue;
            if (key === 'checks' || key === 'sloLinks')
                Object.assign(merged[key], value);
            else
                merged[key] = value;
        }
    }
    return merged;
}


/***/ }),

/***/ 99255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ closestName)
/* harmony export */ });
/* unused harmony export editDistance */
// "Did you mean": the closest known name to a mistyped one, when it is close enough to be a typo.
/** Optimal string alignment distance: edits, with a swap of two neighbours counted once. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
        }
    }
    return rows[a.length][b.length];
}
/** The known name nearest to `name`, within a third of its length (at least 2 edits); undefined when none is. */
function closestName(name, known) {
    const limit = Math.max(2, Math.floor(name.length / 3));
    let best;
    for (const candidate of known) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance <= limit && (!best || distance < best.distance))
            best = { name: candidate, distance };
    }
    return best?.name;
}


/***/ }),

/***/ 21224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ createFileStage),
  C: () => (/* binding */ fileTask)
});

// EXTERNAL MODULE: ./src/checks/index.ts + 63 modules
var checks = __webpack_require__(97309);
// EXTERNAL MODULE: ./src/findings/sink.ts
var findings_sink = __webpack_require__(33931);
// EXTERNAL MODULE: ./src/parse/document.ts + 1 modules
var parse_document = __webpack_require__(36526);
// EXTERNAL MODULE: ./src/parse/read.ts
var parse_read = __webpack_require__(42575);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/parse/suppression-comments.ts
// Suppression comments (`# slo-gate-disable-next-line <check>: <reason>` and its block and file
// forms) read from a YAML file's text with their positions and the lines each covers. What they
// excuse is decided later, by the findings sink (src/findings/suppressions.ts).

const DIRECTIVE = /^#\s*slo-gate-disable(-next-line|-file)?(?=[\s:]|$)(.*)$/;
// Tokens the YAML lexer emits that are markers, not text of the file.
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);
/**
 * The suppression comments of a YAML file. Comments are found with the YAML lexer, so a
 * `# slo-gate-disable` line inside a block scalar (a query's text) is not one.
 */
function readSuppressionComments(text, file) {
    if (!text.includes('slo-gate-disable'))
        return [];
    const lines = text.split(/\r\n|\r|\n/);
    const lineStarts = [0];
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n'))
            lineStarts.push(index + 1);
    }
    const comments = [];
    let offset = 0;
    let line = 0;
    for (const token of new dist/* Lexer */.JG().lex(text)) {
        if (MARKERS.has(token))
            continue;
        const start = offset;
        offset += token.length;
        if (token[0] !== '#')
            continue;
        const directive = DIRECTIVE.exec(token.trimEnd());
        if (!directive)
            continue;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start)
            line++;
        const column = start - lineStarts[line];
        const scope = directive[1] === '-next-line' ? 'next-line' : directive[1] === '-file' ? 'file' : 'block';
        const [ids, ...why] = directive[2].split(':');
        const checks = ids.split(',').map((id) => id.trim()).filter(Boolean);
        const [fromLine, toLine] = coveredLines(lines, line, column, scope);
        comments.push({ file, line: line + 1, column: column + 1, scope, checks, reason: why.join(':').trim(), fromLine, toLine });
    }
    return comments;
}
const indentOf = (text) => text.length - text.trimStart().length;
const isContent = (text) => text.trim() !== '' && !text.trimStart().startsWith('#');
const isDocumentBoundary = (text) => /^(---|\.\.\.)(\s|$)/.test(text);
/**
 * 1-based inclusive line range. `next-line`: the next line with content and what is nested under it
 * (a rule's whole item when the comment sits above `- alert:`). `block`: from the comment to the end
 * of the block it is indented in (the rest of a rule group's rules, or of the document at column 1).
 */
function coveredLines(lines, index, column, scope) {
    if (scope === 'file')
        return [1, lines.length];
    if (scope === 'block') {
        let last = index;
        for (let next = index + 1; next < lines.length; next++) {
            const text = lines[next];
            if (isDocumentBoundary(text))
                break;
            if (!isContent(text))
                continue;
            if (indentOf(text) < column)
                break;
            last = next;
        }
        return [index + 1, last + 1];
    }
    // A comment at the end of a line with content excuses that line; on a line of its own, the next one.
    if (isContent(lines[index].slice(0, column)))
        return [index + 1, index + 1];
    let target = index + 1;
    while (target < lines.length && !isContent(lines[target]))
        target++;
    if (target >= lines.length)
        return [index + 1, index + 1];
    // What is nested under a line is indented past it: `- alert: x` then `  expr: …`, or a block scalar's text.
    const childIndent = indentOf(lines[target]) + 1;
    let last = target;
    for (let next = target + 1; next < lines.length; next++) {
        const text = lines[next];
        if (isDocumentBoundary(text))
            break;
        if (!isContent(text))
            continue;
        if (indentOf(text) < childIndent)
            break;
        last = next;
    }
    return [target + 1, last + 1];
}

// EXTERNAL MODULE: ./src/parse/template.ts
var parse_template = __webpack_require__(51441);
// EXTERNAL MODULE: ./src/formats/index.ts + 13 modules
var formats = __webpack_require__(99965);
// EXTERNAL MODULE: ./src/formats/values.ts
var values = __webpack_require__(41400);
// EXTERNAL MODULE: ./src/recognise/shapes.ts
var shapes = __webpack_require__(93423);
;// CONCATENATED MODULE: ./src/recognise/recognise.ts
// Which adapter claims a document, and — for what no adapter claims — why not, in one word the
// report's `skipped` list can count. The evidence for each shape is in shapes.ts.



const SKIP_REASONS = (/* unused pure expression or super */ null && (['not-monitoring', 'template', 'unsupported-format', 'too-large', 'excluded']));
/** The adapter for a document's shape, or undefined for YAML that is none of ours (CI workflows, manifests). */
function recogniseDocument(value) {
    return formats/* FORMAT_ADAPTERS */.B.find((adapter) => adapter.recognise(value));
}
/** Why no adapter claimed a document. */
function whyNotOurs(value) {
    const format = (0,shapes/* unsupportedFormat */.dH)(value);
    if (format)
        return { reason: 'unsupported-format', detail: format };
    return { reason: 'not-monitoring', detail: describe(value) };
}
function describe(value) {
    if (!(0,values/* isRecord */.u4)(value))
        return Array.isArray(value) ? 'a list, not a monitoring document' : 'a scalar, not a monitoring document';
    if (typeof value.kind === 'string' && 'apiVersion' in value)
        return `Kubernetes ${value.kind}`;
    if ('jobs' in value && 'on' in value)
        return 'CI workflow';
    if (typeof value.apiVersion === 'string' && typeof value.name === 'string' && 'version' in value)
        return 'Helm Chart.yaml';
    if ('services' in value && !('groups' in value))
        return 'Compose file';
    if ('groups' in value)
        return 'has `groups`, but they are not Prometheus rule groups';
    return 'not an SLO policy, rule file or dashboard';
}
/**
 * One file's entry in `skipped` from what its documents were: undefined when any document was
 * claimed. A file with several kinds of unclaimed documents takes the most telling reason.
 */
function skippedFile(path, documents) {
    const unsupported = documents.find((doc) => doc.reason === 'unsupported-format');
    if (unsupported)
        return { path, reason: 'unsupported-format', detail: unsupported.detail };
    const details = [...new Set(documents.map((doc) => doc.detail))];
    return { path, reason: 'not-monitoring', detail: details.length ? details.slice(0, 3).join('; ') + (details.length > 3 ? '; …' : '') : 'empty' };
}

;// CONCATENATED MODULE: ./src/engine/file-stage.ts
// The part of the engine that needs one file at a time: read → parse → recognise → normalise, and
// the checks that read raw documents. What it returns is plain data (no closures, no parser
// trees), so a large repository's files can be processed on worker threads (see file-workers.ts)
// and merged on the main thread exactly as if they had been processed there.







function fileTask(file, displayPath) {
    return file.helmTemplate ? { absolutePath: file.absolutePath, displayPath, helmTemplate: true } : { absolutePath: file.absolutePath, displayPath };
}
/** A processor for one file after another, with the checks and their contexts built once. */
function createFileStage(settings, checks = checksById(settings.checkIds)) {
    const { config } = settings;
    const sink = new findings_sink/* FindingsSink */.OC(config, checks);
    const contexts = new Map(checks.map((check) => [check, sink.contextFor(check.meta)]));
    const documentChecks = new Map();
    for (const check of checks)
        for (const kind of check.meta.documentKinds ?? [])
            documentChecks.set(kind, [...(documentChecks.get(kind) ?? []), check]);
    let optionsRead = [];
    const options = {
        get defaultPeriodSeconds() {
            if (!optionsRead.includes('defaultPeriodSeconds'))
                optionsRead.push('defaultPeriodSeconds');
            return config.defaultPeriodSeconds;
        },
    };
    return ({ absolutePath, displayPath, bytes, helmTemplate }) => {
        optionsRead = [];
        const outcome = { file: { path: displayPath, kinds: [], bytes: 0 }, unreadable: [], slos: [], ruleGroups: [], dashboards: [], logqlRules: [], kept: [], findings: [], suppressions: [], optionsRead };
        const done = () => ((outcome.findings = sink.take()), outcome);
        let read;
        try {
            read = bytes ? (0,parse_read/* decodeText */.g7)(bytes) : (0,parse_read/* readTextFile */.Gu)(absolutePath, config.maxFileBytes);
        }
        catch (error) {
            read = { ok: false, bytes: 0, problem: { line: 1, message: `cannot read file: ${error.code ?? error.message}` } };
        }
        outcome.file.bytes = read.bytes;
        if (!read.ok) {
            outcome.unreadable.push({ file: displayPath, ...read.problem });
            outcome.skipped = { path: displayPath, reason: read.tooLarge ? 'too-large' : 'unsupported-format', detail: read.problem.message };
            return done();
        }
        const format = /\.json$/i.test(displayPath) ? 'json' : 'yaml';
        let parsed = helmTemplate ? undefined : (0,parse_document/* parseText */.r4)(read.text, format);
        // Templated YAML: a Helm chart's templates always; other files when they do not parse as they are.
        if (format === 'yaml')
            outcome.suppressions = readSuppressionComments(read.text, displayPath);
        let template;
        if (!parsed || (parsed.problems.length > 0 && (0,parse_template/* hasTemplateSyntax */.yZ)(read.text))) {
            template = readTemplate(read.text, format, (0,parse_template/* templateDialect */.J1)(read.text, helmTemplate === true));
            parsed = template.parsed;
            outcome.file.template = template.info;
        }
        if (!template)
            for (const problem of parsed.problems)
                outcome.unreadable.push({ file: displayPath, ...problem });
        if (read.text.trim() === '' && parsed.problems.length === 0) {
            outcome.skipped = { path: displayPath, reason: 'not-monitoring', detail: 'empty' };
            return done();
        }
        const kinds = new Set();
        const unclaimed = [];
        // A document inside another (a ConfigMap's data) is handled like one of the file's own, once:
        // nesting deeper than that is not how any tool carries rules or dashboards.
        const handle = (doc, embedding) => {
            const adapter = recogniseDocument(doc.value);
            if (!adapter) {
                if (!embedding)
                    unclaimed.push({ index: doc.index, ...whyNotOurs(doc.value) });
                return;
            }
            kinds.add(adapter.kind);
            const context = {
                file: displayPath,
                options,
                embedding,
                addSlo: (slo) => outcome.slos.push(slo),
                addRuleGroup: (group) => outcome.ruleGroups.push(group),
                addDashboard: (dashboard) => outcome.dashboards.push(dashboard),
                addLogqlRule: (rule) => outcome.logqlRules.push(rule),
                embedded: (inner, innerEmbedding) => {
                    if (!embedding)
                        handle(inner, innerEmbedding);
                },
                unreadable: (position, message) => outcome.unreadable.push({ file: displayPath, ...position, message }),
                keep: (item) => outcome.kept.push({ kind: adapter.kind, item }),
            };
            for (const check of documentChecks.get(adapter.kind) ?? []) {
                const checkContext = contexts.get(check);
                sink.run(check.meta, checkContext, displayPath, () => check.run({ file: displayPath, kind: adapter.kind, doc }, checkContext));
            }
            try {
                adapter.normalise(doc, context);
            }
            catch (error) {
                // An adapter's fault costs this document, not the run: it is reported like an unreadable file.
                outcome.unreadable.push({ file: displayPath, line: doc.positionOf([]).line, message: `cannot read ${adapter.kind} document: ${(0,findings_sink/* firstLineOf */.Qy)(error)}` });
            }
        };
        for (const doc of parsed.documents)
            handle(doc);
        outcome.file.kinds = [...kinds];
        if (template) {
            // What a template-tolerant reading could not read is one notice (file/template), not parse errors.
            const problem = template.info.problem ?? outcome.unreadable[0];
            outcome.unreadable = [];
            if (problem)
                template.info.problem = { line: problem.line, column: problem.column, message: problem.message };
            template.info.partly = kinds.size > 0 && problem !== undefined;
            template.info.taint = taintOf(template, parsed.documents);
            if (kinds.size === 0) {
                outcome.skipped = problem
                    ? { path: displayPath, reason: 'template', detail: `${(0,parse_template/* dialectName */.WJ)(template.info.dialect)} not read: ${problem.message}` }
                    : skippedFile(displayPath, unclaimed);
                return done();
            }
        }
        if (kinds.size === 0 && parsed.problems.length > 0) {
            const problem = parsed.problems[0];
            outcome.skipped = problem.tooLarge
                ? { path: displayPath, reason: 'too-large', detail: problem.message }
                : { path: displayPath, reason: 'unsupported-format', detail: `cannot be parsed (line ${problem.line}: ${problem.message})` };
        }
        else if (unclaimed.length > 0) {
            outcome.skipped = skippedFile(displayPath, unclaimed);
            // Partly ours (a manifest bundle with one PrometheusRule): said once, naming the documents left.
            if (kinds.size > 0)
                outcome.skipped.documents = unclaimed.map((doc) => doc.index + 1);
        }
        return done();
    };
}
function readTemplate(raw, format, dialect) {
    // Lines as parseText reads them (a lone CR ends one), so actions alone on a line are found.
    const text = raw.includes('\r') ? (0,parse_document/* normaliseLineBreaks */.VD)(raw) : raw;
    const tolerant = (0,parse_template/* tolerantText */.th)(text);
    if (!tolerant.ok) {
        const before = text.slice(0, tolerant.offset);
        const line = before.split('\n').length;
        return {
            text,
            parsed: { documents: [], problems: [] },
            info: { dialect, problem: { line, column: tolerant.offset - before.lastIndexOf('\n'), message: tolerant.message }, taint: [] },
            placeholders: [],
            elided: [],
        };
    }
    const parsed = (0,parse_document/* parseText */.r4)(tolerant.text, format);
    return { text, parsed, info: { dialect, problem: parsed.problems[0], taint: [] }, placeholders: tolerant.placeholders, elided: tolerant.elided };
}
/** Where findings would depend on what the template fills in: see ParsedDocument.dependentRanges. */
function taintOf(template, documents) {
    const taint = [];
    const lineOf = (offset) => template.text.slice(0, offset).split('\n').length;
    const add = (offset, structure) => {
        for (const doc of documents) {
            const ranges = doc.dependentRanges?.(offset, structure);
            if (!ranges)
                continue;
            for (const [from, to] of ranges)
                taint.push([from.line, from.column ?? 1, to.line, to.column ?? Number.MAX_SAFE_INTEGER]);
            return;
        }
        // Outside every document's structure (a document that did not parse): its line, at least.
        if (!structure)
            taint.push([lineOf(offset), 1, lineOf(offset), Number.MAX_SAFE_INTEGER]);
    };
    for (const [from] of template.placeholders)
        add(from, false);
    for (const offset of template.elided)
        add(offset, true);
    return taint;
}
function checksById(ids) {
    const wanted = new Set(ids);
    return checks/* DOCUMENT_CHECKS */.kj.filter((check) => wanted.has(check.meta.id));
}


/***/ }),

/***/ 97858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A finding's identity across commits. Whatever changes when unrelated lines move is left out:
 * line and column numbers, "file:line" and "line N" references inside messages, a rule's
 * position in its group ("rule 3", "rules[2]": reordering rules is not a change), and runs of
 * whitespace (a query re-indented in a block scalar is the same query). Subjects the same: schema
 * findings name their place as `groups[0].rules[2].expr`. A finding about an SLO adds the SLO's
 * service, so two services' SLOs of one name never collide.
 */
function fingerprint(finding) {
    const parts = [finding.check, finding.file, withoutPositions(finding.subject ?? ''), withoutPositions(asIfUnique(finding))];
    // Two services' SLOs of one name never share a fingerprint; an SLO without a service is known by its name.
    if (finding.slo?.service !== undefined)
        parts.push(finding.slo.service);
    return sha256Hex(parts.join('\u0000')).slice(0, 16);
}
/**
 * The message as it reads when no other SLO shares the name of the finding's SLO: messages write
 * "service/name" only then (see model/slo-identity.ts), and another service adding an SLO of the
 * same name is no change to this finding. The service is in the fingerprint on its own.
 */
function asIfUnique({ message, slo }) {
    if (slo?.service === undefined)
        return message;
    const qualified = `"${slo.service}/${slo.name}"`;
    return message.includes(qualified) ? message.replaceAll(qualified, `"${slo.name}"`) : message;
}
// crypto.hash (Node 20.12 and later) digests a string in one call, about three times faster than a
// Hash object; every finding of a run is fingerprinted, and earlier Node 20 releases lack it.
const sha256Hex = typeof node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash === 'function' ? (text) => node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash('sha256', text, 'hex') : (text) => node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash('sha256').update(text).digest('hex');
const FILE_POSITION = /:\d+(:\d+)?\b/g;
const LINE_NUMBER = /\bline \d+\b/g;
const RULE_NUMBER = /\brule \d+\b/g;
const INDEX = /\[\d+\]/g;
const WHITESPACE_RUN = /\s+/g;
// What WHITESPACE_RUN would change: whitespace other than a space, or two whitespace characters in a row.
const UNEVEN_WHITESPACE = /[^\S ]|\s\s/;
/**
 * The replacements run in this order, each on the previous one's result. Each is skipped when the
 * text lacks what it needs to match, found by a cheap scan: most messages need few of them.
 */
function withoutPositions(text) {
    if (text.includes(':'))
        text = text.replace(FILE_POSITION, '');
    if (text.includes('line '))
        text = text.replace(LINE_NUMBER, 'line');
    if (text.includes('rule '))
        text = text.replace(RULE_NUMBER, 'rule');
    if (text.includes('['))
        text = text.replace(INDEX, '[]');
    if (UNEVEN_WHITESPACE.test(text))
        text = text.replace(WHITESPACE_RUN, ' ');
    return text;
}


/***/ }),

/***/ 33931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OC: () => (/* binding */ FindingsSink),
/* harmony export */   Qy: () => (/* binding */ firstLineOf),
/* harmony export */   rM: () => (/* binding */ enabledChecks)
/* harmony export */ });
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97858);
// The one place findings go through, whichever kind of check made them: it applies the user's
// `checks:` settings, keeps one failing check from stopping the run, fingerprints, and then hands
// each finding to the steps the caller adds (the approval label of a pull request today;
// suppressions and a baseline plug in here the same way). The engine, the base comparison and
// live mode each fill one; none of them shapes a finding itself.

/** The checks of `checks` that the config does not switch `off`. */
function enabledChecks(checks, config) {
    return checks.filter((check) => config.checks[check.meta.id] !== 'off');
}
/** An error's first line: enough to name the fault, never a stack trace. */
function firstLineOf(error) {
    return error?.message?.split('\n')[0] ?? String(error);
}
class FindingsSink {
    config;
    steps;
    collected = [];
    metas = new Map();
    constructor(config, 
    /** The checks whose findings come here, also those reported on another thread (see accept). */
    checks, steps = []) {
        this.config = config;
        this.steps = steps;
        for (const check of checks)
            if (!this.metas.has(check.meta.id))
                this.metas.set(check.meta.id, check.meta);
    }
    /** What a check reports through: its findings get its id and their severity from the config or the check. */
    contextFor(meta) {
        const override = this.config.checks[meta.id];
        return {
            config: this.config,
            report: (finding) => {
                const severity = override && override !== 'off' ? override : (finding.severity ?? meta.severity);
                // Object.assign rather than a spread: V8 keeps a spread copy with added keys in about three
                // times the memory, and a large repository has a hundred thousand findings.
                this.collected.push(Object.assign({}, finding, { check: meta.id, severity }));
            },
        };
    }
    /**
     * Runs one check through `context` (contextFor's, built once per check by callers that run it
     * often). A check that throws becomes one finding naming it, at `file`; the run goes on.
     */
    run(meta, context, file, body) {
        try {
            body();
        }
        catch (error) {
            context.report({ file, message: `internal error in check ${meta.id}: ${firstLineOf(error)} (please report this)` });
        }
    }
    /** Runs a check on `input` through a context of its own (see run for a check that throws). */
    runCheck(check, input) {
        const context = this.contextFor(check.meta);
        this.run(check.meta, context, '', () => check.run(input, context));
    }
    /** Findings another sink collected (a worker thread's, with the same config), in their order. */
    accept(findings) {
        for (const finding of findings)
            this.collected.push(finding);
    }
    /** The findings collected since the last take, as reported: for a stage that hands them on to another sink. */
    take() {
        const taken = this.collected;
        this.collected = [];
        return taken;
    }
    /**
     * Every finding collected, fingerprinted and passed through the steps. Each is a new object: the
     * findings accepted from a file's outcome may be shared with another run's model (a pull
     * request's base takes the head's outcomes), and steps edit what they are given.
     */
    finish() {
        const out = [];
        for (const collected of this.take()) {
            const meta = this.metas.get(collected.check);
            let finding = { ...collected, fingerprint: fingerprintOf(collected, meta) };
            for (const step of this.steps)
                if (finding)
                    finding = step(finding, meta);
            if (finding)
                out.push(finding);
        }
        return out;
    }
}
/** Live messages carry figures that change every run: a live finding's identity is its check and subject. */
function fingerprintOf(finding, meta) {
    return meta?.kind === 'live' ? (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)({ ...finding, message: '' }) : (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)(finding);
}


/***/ }),

/***/ 99965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ FORMAT_ADAPTERS)
});

// EXTERNAL MODULE: ./src/recognise/shapes.ts
var shapes = __webpack_require__(93423);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(18766);
// EXTERNAL MODULE: ./src/formats/values.ts
var values = __webpack_require__(41400);
;// CONCATENATED MODULE: ./src/formats/flat-policy.ts
// The flat policy shape the seed's workflow expected: service, availability{target in percent,
// windows[{name, lookback, burn_rate}]}, latency{p95_ms, p99_ms}, startup_time{p95_ms}.




const flatPolicy = {
    kind: 'flat-policy',
    recognise: shapes/* isFlatPolicy */.a_,
    normalise(doc, context) {
        const policy = (0,values/* record */.g1)(doc.value);
        const service = (0,values/* text */.Qq)(policy.service) ?? external_node_path_default().posix.basename(context.file).replace(/\.[^.]+$/, '');
        const baseDir = external_node_path_default().posix.dirname(context.file) === '.' ? '' : external_node_path_default().posix.dirname(context.file);
        const common = {
            service,
            format: 'flat',
            file: context.file,
            periodSeconds: context.options.defaultPeriodSeconds,
            periodKind: 'rolling',
            declaredBudget: {},
            dashboardRefs: [],
            baseDir,
            labels: {},
        };
        if ('availability' in policy) {
            const availability = (0,values/* record */.g1)(policy.availability);
            const burnWindows = (0,values/* list */.p_)(availability.windows).flatMap((entry, i) => {
                const window = (0,values/* record */.g1)(entry);
                const longSeconds = (0,units/* parseDuration */.E9)(window.lookback);
                if (longSeconds === undefined)
                    return [];
                return [{ longSeconds, factor: (0,values/* number */.ai)(window.burn_rate), severity: (0,values/* text */.Qq)(window.name), source: 'slo', position: doc.positionOf(['availability', 'windows', i]) }];
            });
            context.addSlo({
                ...common,
                key: `${context.file}#${service}-availability`,
                name: `${service}-availability`,
                position: doc.keyPositionOf(['availability']),
                target: (0,units/* parseTarget */.hu)(availability.target, 'percent'),
                targetPosition: doc.positionOf(['availability', 'target']),
                indicator: { type: 'availability', declaredType: 'availability', metrics: [], position: doc.keyPositionOf(['availability']) },
                burnWindows,
                declaresBurnAlerting: burnWindows.length > 0,
            });
        }
        const latencyBlocks = [
            ['latency', 'latency'],
            ['startup_time', 'startup-time'],
        ];
        for (const [field, label] of latencyBlocks) {
            const block = (0,values/* record */.g1)(policy[field]);
            for (const [key, value] of Object.entries(block)) {
                const match = /^p(\d+(?:\.\d+)?)_(ms|s)$/.exec(key);
                if (!match)
                    continue;
                context.addSlo({
                    ...common,
                    key: `${context.file}#${service}-${label}-p${match[1]}`,
                    name: `${service}-${label}-p${match[1]}`,
                    position: doc.keyPositionOf([field, key]),
                    // The flat shape states the percentile, not the share of requests that must meet it.
                    target: undefined,
                    indicator: {
                        type: 'latency',
                        declaredType: field,
                        thresholdSeconds: (0,units/* parseLatency */.Cb)(value, match[2]),
                        percentile: Number(match[1]),
                        metrics: [],
                        position: doc.positionOf([field, key]),
                    },
                    burnWindows: [],
                    declaresBurnAlerting: false,
                });
            }
        }
    },
};

// EXTERNAL MODULE: ./src/parse/document.ts + 1 modules
var parse_document = __webpack_require__(36526);
// EXTERNAL MODULE: ./src/model/placement.ts
var model_placement = __webpack_require__(54302);
;// CONCATENATED MODULE: ./src/formats/configmap.ts
// Kubernetes ConfigMaps (and ConfigMapLists) that carry monitoring files as strings under `data`:
// Grafana dashboards (`*.json`, as Grafana's dashboard sidecar loads them) and Prometheus or Loki
// rule files (`alerts.yaml: "groups: ..."`, as the Prometheus Operator's rule ConfigMaps and
// Loki's ruler sidecar hold them). Each entry is parsed with positions inside the embedded text
// and handed back to the file stage as a document of its own, so it gets every check a file gets.




// Evidence that a YAML entry is a rule file: a top-level `groups:` key. Anything else in a
// ConfigMap (application settings, scripts) is none of ours and is not even parsed.
const RULE_FILE_TEXT = /^groups\s*:/m;
const YAML_KEY = /\.(ya?ml|rules)$/i;
// Loki's Helm chart loads ruler rules from ConfigMaps labelled `loki_rule` (its sidecar's default label).
const LOKI_RULE_MARK = /loki[_.-]?rules?\b|\bruler[_.-]?loki/i;
function entryOf(key, data) {
    if (typeof data !== 'string')
        return undefined;
    if (key.endsWith('.json'))
        return (0,shapes/* looksLikeDashboardText */.bg)(data) ? { kind: 'dashboard', key, text: data } : undefined;
    if ((YAML_KEY.test(key) || !key.includes('.')) && RULE_FILE_TEXT.test(data))
        return { kind: 'rules', key, text: data };
    return undefined;
}
function configMaps(value) {
    if (!(0,values/* isRecord */.u4)(value))
        return [];
    if (value.kind === 'ConfigMap')
        return [{ map: value, path: [] }];
    if (value.kind === 'ConfigMapList' || value.kind === 'List') {
        return (0,values/* list */.p_)(value.items).flatMap((item, i) => ((0,values/* isRecord */.u4)(item) && item.kind === 'ConfigMap' ? [{ map: item, path: ['items', i] }] : []));
    }
    return [];
}
/** Whether the ConfigMap's labels or annotations mark its rules for Loki's ruler. */
function marksLokiRules(metadata) {
    const meta = (0,values/* record */.g1)(metadata);
    return [(0,values/* record */.g1)(meta.labels), (0,values/* record */.g1)(meta.annotations)].some((marks) => Object.entries(marks).some(([key, value]) => LOKI_RULE_MARK.test(key) || (typeof value === 'string' && /^loki$/i.test(value) && /ruler?|rules?$/i.test(key))));
}
const monitoringConfigMap = {
    kind: 'configmap',
    recognise: (value) => configMaps(value).some(({ map }) => Object.entries((0,values/* record */.g1)(map.data)).some(([key, data]) => entryOf(key, data) !== undefined)),
    normalise(doc, context) {
        for (const { map, path } of configMaps(doc.value)) {
            const lokiRules = marksLokiRules(map.metadata);
            for (const [key, data] of Object.entries((0,values/* record */.g1)(map.data))) {
                const entry = entryOf(key, data);
                if (!entry)
                    continue;
                const inner = parseEntry(doc, [...path, 'data', key], entry, context);
                if (inner)
                    context.embedded(inner, { entry: key, lokiRules });
            }
        }
    },
};
function parseEntry(doc, dataPath, entry, context) {
    const start = (0,model_placement/* placeOffset */.RF)(doc.placementOf(dataPath), 0);
    // A `|` block maps line by line; a quoted one-line string cannot, so everything in it points at its start.
    const embedding = entry.text.includes('\n') && start.column !== undefined ? { firstLine: start.line, indent: start.column - 1 } : { firstLine: start.line, indent: 0, fixed: start };
    const parsed = (0,parse_document/* parseText */.r4)(entry.text, entry.kind === 'dashboard' ? 'json' : 'yaml', embedding);
    const what = entry.kind === 'dashboard' ? 'dashboard' : 'rule file';
    for (const problem of parsed.problems)
        context.unreadable(problem, `${what} ${entry.key}: ${problem.message}`);
    return parsed.documents[0];
}

// EXTERNAL MODULE: ./src/lang/promql/analyse.ts + 10 modules
var analyse = __webpack_require__(43129);
// EXTERNAL MODULE: ./src/lang/promql/functions.ts
var functions = __webpack_require__(22463);
// EXTERNAL MODULE: ./src/lang/promql/regex.ts
var regex = __webpack_require__(41473);
;// CONCATENATED MODULE: ./src/formats/grafana/variables.ts
// Grafana template variables in PromQL panel queries.
//
// Grafana rewrites `$var`, `${var}`, `${var:format}`, `[[var]]` and its globals (`$__interval`,
// `$__rate_interval`, `$__range`, `$__range_s`, `$__interval_ms`, `$__auto`, `$__from`…) before
// the query reaches Prometheus. To check a dashboard query we substitute values that keep it
// parseable and meaningful where it matters: a duration where a duration stands (inside `[…]`,
// after `offset`), a label name inside `by (…)` / `on (…)`, a number where a number is expected,
// the variable's current value when it has one and fits, otherwise a neutral value (the variable
// name, which is also string-safe inside quotes). The edits map offsets in the substituted text
// back to the original, so errors point at what the user wrote.
//
// References to names that are neither a dashboard variable nor a Grafana global (`$1` in a
// label_replace replacement, a typo) are left alone, as Grafana leaves them.



const GROUPING_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const PARAM_AGGREGATIONS = new Set(['topk', 'bottomk', 'quantile', 'limitk', 'limit_ratio']);
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LABEL_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_LIST_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*$/;
const IDENT_RE = /^[A-Za-z0-9_:]+$/;
const METRIC_RE = /^[A-Za-z_:][A-Za-z0-9_:]*$/;
const VAR_RE = /\$\{(\w+)(?:\.[^:}]+)?(?::([^}]+))?\}|\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]/y;
/** Grafana's globals, as they would be for a one-hour dashboard range with a one-minute step. */
const GLOBAL_DURATIONS = {
    __interval: '1m',
    __rate_interval: '5m',
    __range: '1h',
    __auto: '1m',
    __auto_interval: '1m',
};
const GLOBAL_SECONDS = { __interval: 60, __rate_interval: 300, __range: 3600, __auto: 60, __auto_interval: 60 };
const FROM_MS = 1700000000000;
const TO_MS = FROM_MS + 3600000;
function isDuration(v) {
    return (0,units/* parsePromDuration */.Ig)(v) !== undefined || /^\d+$/.test(v);
}
function neutralName(name) {
    const cleaned = name.replace(/^_+/, '').replace(/[^A-Za-z0-9_]/g, '_');
    return cleaned === '' || /^\d/.test(cleaned) ? `v${cleaned}` : cleaned;
}
/** The value of a Grafana global in a numeric form (`$__range_s`, `$__interval_ms`, `$__from`), if it has one. */
function globalNumber(name, format) {
    if (name === '__from' || name === '__to') {
        const ms = name === '__from' ? FROM_MS : TO_MS;
        return format && format.includes('seconds') ? String(ms / 1000) : String(ms);
    }
    const m = /^(__\w+?)_(ms|s)$/.exec(name);
    if (m && GLOBAL_SECONDS[m[1]] !== undefined)
        return String(GLOBAL_SECONDS[m[1]] * (m[2] === 'ms' ? 1000 : 1));
    return undefined;
}
function valueFor(name, format, variable, context) {
    const isGlobal = name.startsWith('__');
    const raw = variable?.current;
    const current = raw !== undefined && raw !== '' && raw !== '$__all' && raw !== 'All' && !raw.startsWith('$') ? raw : undefined;
    const fallback = neutralName(name);
    switch (context) {
        case 'string':
            if (current !== undefined && !/["'`\\\n\r]/.test(current))
                return current;
            return fallback;
        case 'regex':
            if (current !== undefined && !/["'`\\\n\r]/.test(current) && !(0,regex/* analyseRegex */.f)(current).error)
                return current;
            return fallback;
        case 'duration': {
            if (isGlobal) {
                if (GLOBAL_DURATIONS[name])
                    return GLOBAL_DURATIONS[name];
                const n = globalNumber(name, format);
                if (n !== undefined && !name.endsWith('_ms'))
                    return n;
                return '5m';
            }
            if (current !== undefined && isDuration(current))
                return current;
            return '5m';
        }
        case 'label':
            if (current !== undefined && LABEL_LIST_RE.test(current))
                return current;
            return LABEL_RE.test(fallback) ? fallback : 'label';
        case 'ident':
            if (current !== undefined && IDENT_RE.test(current))
                return current;
            return fallback;
        case 'number': {
            if (isGlobal)
                return globalNumber(name, format) ?? String(GLOBAL_SECONDS[name] ?? 1);
            if (current !== undefined && NUMBER_RE.test(current))
                return current;
            return '1';
        }
        case 'expr': {
            if (isGlobal) {
                const n = globalNumber(name, format);
                if (n !== undefined)
                    return n;
                if (GLOBAL_SECONDS[name] !== undefined)
                    return String(GLOBAL_SECONDS[name]);
                return fallback;
            }
            if (variable?.type === 'interval')
                return current !== undefined && isDuration(current) ? current : '5m';
            if (current !== undefined && (NUMBER_RE.test(current) || METRIC_RE.test(current)))
                return current;
            return fallback;
        }
    }
}
/**
 * Replaces Grafana template variables in a PromQL query with values that keep it parseable.
 * `variables` are the dashboard's variables (extra fields are ignored).
 */
function substituteGrafanaVariables(text, variables) {
    if (!text.includes('$') && !text.includes('[['))
        return { text, edits: [] };
    const known = new Map();
    for (const v of variables)
        if (v && typeof v.name === 'string' && !known.has(v.name))
            known.set(v.name, v);
    const replacements = [];
    const parens = [];
    let braceDepth = 0;
    let bracketDepth = 0;
    let prevWord = ''; // last word outside strings, lower case ('' when the last token was not a word)
    let prevChar = ''; // last significant non-word character outside strings
    let quote = ''; // the open string's quote, '' outside strings
    let stringStart = -1;
    const n = text.length;
    for (let i = 0; i < n;) {
        const c = text[i];
        if (c === '$' || (c === '[' && text[i + 1] === '[')) {
            VAR_RE.lastIndex = i;
            const m = VAR_RE.exec(text);
            const name = m ? (m[1] ?? m[3] ?? m[4]) : undefined;
            if (m && name !== undefined && (known.has(name) || name.startsWith('__'))) {
                const format = m[2] ?? m[5];
                const end = i + m[0].length;
                const context = contextAt(text, i, end);
                const value = valueFor(name, format, known.get(name), context);
                replacements.push({ from: i, to: end, value });
                if (!quote) {
                    prevWord = /^[A-Za-z_]/.test(value) ? 'value' : '';
                    prevChar = '';
                }
                i = end;
                continue;
            }
        }
        if (quote) {
            if (c === '\\' && quote !== '`')
                i += 2;
            else {
                if (c === quote)
                    quote = '';
                i++;
            }
            continue;
        }
        if (c === '"' || c === "'" || c === '`') {
            quote = c;
            stringStart = i;
            i++;
            continue;
        }
        if (c === '#') {
            while (i < n && text[i] !== '\n')
                i++;
            continue;
        }
        if (/[A-Za-z_]/.test(c)) {
            let j = i + 1;
            while (j < n && /[A-Za-z0-9_:]/.test(text[j]))
                j++;
            prevWord = text.slice(i, j).toLowerCase();
            prevChar = '';
            i = j;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
            i++;
            continue;
        }
        switch (c) {
            case '{':
                braceDepth++;
                break;
            case '}':
                braceDepth = Math.max(0, braceDepth - 1);
                break;
            case '[':
                bracketDepth++;
                break;
            case ']':
                bracketDepth = Math.max(0, bracketDepth - 1);
                break;
            case '(':
                parens.push({ grouping: GROUPING_WORDS.has(prevWord), fn: prevWord, arg: 0 });
                break;
            case ')':
                parens.pop();
                break;
            case ',':
                if (parens.length > 0)
                    parens[parens.length - 1].arg++;
                break;
        }
        // `offset -$shift`: the sign still belongs to the offset.
        if (!((c === '-' || c === '+') && prevWord === 'offset'))
            prevWord = '';
        prevChar = c;
        i++;
    }
    function contextAt(src, start, end) {
        if (quote) {
            // Inside a string: is it the value of a regex matcher?
            let k = stringStart - 1;
            while (k >= 0 && /\s/.test(src[k]))
                k--;
            return src[k] === '~' ? 'regex' : 'string';
        }
        if (bracketDepth > 0)
            return 'duration';
        if (prevWord === 'offset')
            return 'duration';
        if (prevChar === '@')
            return 'number';
        const top = parens[parens.length - 1];
        if (top?.grouping)
            return 'label';
        if (braceDepth > 0)
            return 'label';
        const before = src[start - 1];
        const after = src[end];
        if ((before !== undefined && /[A-Za-z0-9_:]/.test(before)) || (after !== undefined && /[A-Za-z0-9_:]/.test(after)))
            return 'ident';
        if (top && (prevChar === '(' || prevChar === ',')) {
            if (PARAM_AGGREGATIONS.has(top.fn) && top.arg === 0)
                return 'number';
            const fn = functions/* FUNCTIONS */.AW.get(top.fn);
            if (fn) {
                const t = fn.args[Math.min(top.arg, fn.args.length - 1)];
                if (t === 'scalar')
                    return 'number';
            }
        }
        return 'expr';
    }
    if (replacements.length === 0)
        return { text, edits: [] };
    let out = '';
    let at = 0;
    const edits = [];
    for (const r of replacements) {
        out += text.slice(at, r.from);
        edits.push({ start: out.length, length: r.value.length, from: r.from, to: r.to });
        out += r.value;
        at = r.to;
    }
    out += text.slice(at);
    return { text: out, edits };
}

// EXTERNAL MODULE: ./node_modules/@grafana/lezer-logql/index.es.js
var index_es = __webpack_require__(96998);
;// CONCATENATED MODULE: ./src/lang/logql/analyse.ts
// LogQL (Loki's query language) read with Grafana's own grammar, @grafana/lezer-logql: the
// grammar Grafana's Loki query editor uses. Syntax errors with where they are; no semantics.
//
// CONTRACT: analyseLogql(text) never throws. Offsets are 0-based UTF-16 offsets into `text`.

function analyseLogql(text) {
    if (typeof text !== 'string')
        text = String(text ?? '');
    if (text.trim() === '')
        return { errors: [{ from: 0, to: 0, message: 'empty query' }] };
    let first;
    try {
        index_es/* parser */.K3.parse(text).iterate({
            enter(node) {
                if (first !== undefined)
                    return false;
                if (node.type.isError)
                    first = { from: node.from, to: node.to };
                return undefined;
            },
        });
    }
    catch (error) {
        return { errors: [{ from: 0, to: text.length, message: `internal error reading the query: ${error.message}` }] };
    }
    return { errors: first ? [describe(text, first.from, first.to)] : [] };
}
// What only LogQL writes after a stream selector `{…}`: a line filter (`|= "x"`, `!~ "x"`) or a
// pipeline stage (`| json`, `| logfmt`, `| line_format`…). PromQL has neither, so a query with one
// is LogQL whatever data source it names; `{job="x"}` alone is both languages.
const LOGQL_PIPELINE = /\}\s*(\|=|\|~|!=\s*["`]|!~\s*["`]|\|>|\|\s*(json|logfmt|pattern|regexp|unpack|line_format|label_format|unwrap|decolorize|drop|keep)\b)/;
/** Whether a query is written in LogQL's own syntax (see LOGQL_PIPELINE). */
function looksLikeLogql(text) {
    return LOGQL_PIPELINE.test(text);
}
/** Loki says "syntax error: unexpected X"; the grammar only knows where it stopped, so say what is there. */
function describe(text, from, to) {
    let at = from;
    while (at < text.length && /\s/.test(text[at]))
        at++;
    if (at >= text.length)
        return { from: Math.min(from, text.trimEnd().length), to: text.length, message: 'syntax error: unexpected end of query' };
    const token = tokenAt(text, at);
    return { from: at, to: Math.max(to, at + token.length), message: `syntax error: unexpected ${JSON.stringify(token)}` };
}
function tokenAt(text, at) {
    const word = /^[A-Za-z_][A-Za-z0-9_]*|^\d+(\.\d+)?[a-zA-Z]*|^"(\\.|[^"\\])*"?|^`[^`]*`?|^(\|=|\|~|!=|!~|=~|==|>=|<=|\|>|\|)/.exec(text.slice(at));
    const token = word ? word[0] : text[at];
    return token.length > 40 ? `${token.slice(0, 40)}…` : token;
}

;// CONCATENATED MODULE: ./src/formats/grafana/datasources.ts
// Which data source a dashboard query goes to, resolved the way Grafana resolves it:
//   the target's datasource, else the panel's, else the dashboard's default (the instance's);
//   a panel on `-- Mixed --` sends each target to its own, and a target without one to the default;
//   `-- Grafana --` (random walk, live streams, files) and `-- Dashboard --` (another panel's
//   results) are built in;
//   a reference by uid alone takes its type from a datasource variable of that name
//   (`$datasource`, `${datasource}`, `[[datasource]]`: the variable's `query` is its plugin type),
//   from an exported dashboard's `__inputs` (`${DS_LOKI}` with `pluginId`), or from another
//   reference in the same dashboard that gives the same uid a type;
//   a legacy string names a data source (or a variable, or `default`): only its name can tell.
// What cannot be resolved is the instance's default data source, whose type is not in the file.

// Plugin types whose query language is PromQL: Prometheus itself (Thanos, Mimir, Cortex use it) and the managed services' plugins.
const PROMQL_TYPES = new Set(['prometheus', 'grafana-amazonprometheus-datasource', 'grafana-azureprometheus-datasource']);
const LOGQL_TYPES = new Set(['loki']);
const MIXED = new Set(['-- Mixed --', 'mixed']);
const GRAFANA = new Set(['-- Grafana --', 'grafana']);
const DASHBOARD = new Set(['-- Dashboard --', 'dashboard']);
const VARIABLE = /^\$\{(\w+)(?::[^}]*)?\}$|^\$(\w+)$|^\[\[(\w+)\]\]$/;
// Legacy string references name a data source of the instance; names say its type only by convention.
const NAMED_TYPES = [
    [/loki/i, 'loki'],
    [/prometheus|prom\b|thanos|mimir|cortex/i, 'prometheus'],
    [/elastic|opensearch|influx|graphite|tempo|jaeger|zipkin|mysql|postgres|mssql|cloudwatch|stackdriver|azure|bigquery|clickhouse|pyroscope|testdata/i, 'other'],
];
function languageOf(type) {
    if (PROMQL_TYPES.has(type))
        return 'promql';
    if (LOGQL_TYPES.has(type))
        return 'logql';
    return 'other';
}
/** A resolver for one dashboard's panels and targets. */
function datasourceResolver(dashboard) {
    const variableTypes = new Map();
    for (const entry of (0,values/* list */.p_)((0,values/* record */.g1)(dashboard.templating).list)) {
        const variable = (0,values/* record */.g1)(entry);
        const name = (0,values/* text */.Qq)(variable.name);
        const query = (0,values/* text */.Qq)(variable.query) ?? (0,values/* text */.Qq)((0,values/* record */.g1)(variable.query).query);
        if (name && variable.type === 'datasource' && query)
            variableTypes.set(name, query.trim().toLowerCase());
    }
    for (const entry of (0,values/* list */.p_)(dashboard.__inputs)) {
        const input = (0,values/* record */.g1)(entry);
        const name = (0,values/* text */.Qq)(input.name);
        const plugin = (0,values/* text */.Qq)(input.pluginId);
        if (name && input.type === 'datasource' && plugin)
            variableTypes.set(name, plugin);
    }
    // uid → type, from every reference that states both (panels, targets, annotations, variables).
    const uidTypes = new Map();
    const visit = (value, depth) => {
        if (depth > 64)
            return;
        if (Array.isArray(value))
            for (const item of value)
                visit(item, depth + 1);
        else if ((0,values/* isRecord */.u4)(value)) {
            const ds = value.datasource;
            if ((0,values/* isRecord */.u4)(ds) && typeof ds.uid === 'string' && typeof ds.type === 'string' && !uidTypes.has(ds.uid))
                uidTypes.set(ds.uid, ds.type);
            for (const child of Object.values(value))
                if (typeof child === 'object')
                    visit(child, depth + 1);
        }
    };
    visit(dashboard, 0);
    const fromVariable = (reference, where) => {
        const match = VARIABLE.exec(reference.trim());
        if (!match)
            return undefined;
        const name = match[1] ?? match[2] ?? match[3];
        const type = variableTypes.get(name);
        if (type === undefined)
            return { language: 'unknown', via: `${where} ${reference} (no datasource variable of that name)` };
        return { language: languageOf(type), type, via: `${where} ${reference} (variable of type ${type})` };
    };
    const resolveRef = (ref, where) => {
        if (ref === undefined || ref === null)
            return 'unset';
        if (typeof ref === 'string') {
            if (ref === '' || ref === 'default')
                return 'unset';
            if (MIXED.has(ref))
                return 'mixed';
            if (GRAFANA.has(ref))
                return { language: 'other', type: 'grafana', via: `${where} -- Grafana --` };
            if (DASHBOARD.has(ref))
                return { language: 'other', type: 'dashboard', via: `${where} -- Dashboard --` };
            const variable = fromVariable(ref, where);
            if (variable)
                return variable;
            const named = NAMED_TYPES.find(([pattern]) => pattern.test(ref));
            if (!named)
                return { language: 'unknown', via: `${where} named "${ref}"` };
            const type = named[1] === 'other' ? undefined : named[1];
            return { language: type ? languageOf(type) : 'other', type, via: `${where} named "${ref}"` };
        }
        if (!(0,values/* isRecord */.u4)(ref))
            return 'unset';
        const uid = (0,values/* text */.Qq)(ref.uid);
        const type = (0,values/* text */.Qq)(ref.type);
        if ((uid !== undefined && MIXED.has(uid)) || type === 'mixed' || (type === 'datasource' && uid === '-- Mixed --'))
            return 'mixed';
        if ((uid !== undefined && GRAFANA.has(uid)) || type === 'grafana' || type === 'grafana-testdata-datasource')
            return { language: 'other', type: type === 'grafana-testdata-datasource' ? type : 'grafana', via: `${where} -- Grafana --` };
        if ((uid !== undefined && DASHBOARD.has(uid)) || type === 'dashboard')
            return { language: 'other', type: 'dashboard', via: `${where} -- Dashboard --` };
        if (type && type !== 'datasource' && !VARIABLE.test(type))
            return { language: languageOf(type), type, via: `${where} of type ${type}` };
        if (type && VARIABLE.test(type)) {
            const variable = fromVariable(type, where);
            if (variable)
                return variable;
        }
        if (uid === undefined || uid === '')
            return 'unset';
        const variable = fromVariable(uid, where);
        if (variable)
            return variable;
        const known = uidTypes.get(uid);
        if (known)
            return { language: languageOf(known), type: known, via: `${where} uid ${uid} (of type ${known} elsewhere in the dashboard)` };
        return { language: 'unknown', via: `${where} uid ${uid}` };
    };
    const dashboardDefault = { language: 'unknown', via: "the instance's default data source" };
    return (panel, target) => {
        const panelRef = resolveRef(panel.datasource, 'panel datasource');
        const targetRef = resolveRef(target.datasource, 'target datasource');
        if (targetRef !== 'unset' && targetRef !== 'mixed')
            return targetRef;
        if (panelRef !== 'unset' && panelRef !== 'mixed')
            return panelRef;
        return dashboardDefault;
    };
}

;// CONCATENATED MODULE: ./src/formats/grafana.ts
// Grafana dashboards: plain dashboard JSON and the HTTP API export wrapper {dashboard, meta},
// also as carried in ConfigMaps (formats/configmap.ts hands them here).







const grafanaDashboard = {
    kind: 'dashboard',
    recognise: (value) => (0,shapes/* isDashboard */.ri)(value) || (0,shapes/* isWrappedDashboard */.cS)(value),
    normalise(doc, context) {
        const wrapped = (0,shapes/* isWrappedDashboard */.cS)(doc.value);
        const dashboard = readDashboard(doc, wrapped ? ['dashboard'] : [], context.file);
        if (context.embedding)
            dashboard.entry = context.embedding.entry;
        context.addDashboard(dashboard);
    },
};
function readDashboard(doc, base, file) {
    const value = (0,values/* record */.g1)(pathValue(doc.value, base));
    const variables = (0,values/* list */.p_)((0,values/* record */.g1)(value.templating).list).flatMap((entry) => {
        const variable = (0,values/* record */.g1)(entry);
        const name = (0,values/* text */.Qq)(variable.name);
        if (!name)
            return [];
        const current = (0,values/* record */.g1)(variable.current);
        const currentValue = Array.isArray(current.value) ? (0,values/* text */.Qq)(current.value[0]) : (0,values/* text */.Qq)(current.value);
        return [{ name, type: (0,values/* text */.Qq)(variable.type), current: currentValue }];
    });
    const dashboard = {
        file,
        position: doc.positionOf(base),
        title: (0,values/* text */.Qq)(value.title),
        uid: (0,values/* text */.Qq)(value.uid),
        uidPosition: 'uid' in value ? doc.positionOf([...base, 'uid']) : undefined,
        panels: [],
        variables,
    };
    const resolve = datasourceResolver(value);
    const readPanels = (panels, panelsPath, parentTitle) => {
        (0,values/* list */.p_)(panels).forEach((panelValue, p) => {
            if (!(0,values/* isRecord */.u4)(panelValue))
                return;
            const panelPath = [...panelsPath, p];
            dashboard.panels.push(readPanel(doc, panelValue, panelPath, variables, resolve, parentTitle));
            if (Array.isArray(panelValue.panels))
                readPanels(panelValue.panels, [...panelPath, 'panels'], (0,values/* text */.Qq)(panelValue.title));
        });
    };
    readPanels(value.panels, [...base, 'panels']);
    (0,values/* list */.p_)(value.rows).forEach((row, r) => readPanels((0,values/* record */.g1)(row).panels, [...base, 'rows', r, 'panels'], (0,values/* text */.Qq)((0,values/* record */.g1)(row).title)));
    return dashboard;
}
function readPanel(doc, panel, panelPath, variables, resolve, parentTitle) {
    const defaults = (0,values/* record */.g1)((0,values/* record */.g1)(panel.fieldConfig).defaults);
    const steps = (0,values/* list */.p_)((0,values/* record */.g1)(defaults.thresholds).steps).map((step) => ({
        value: (0,values/* record */.g1)(step).value === null ? null : (0,values/* number */.ai)((0,values/* record */.g1)(step).value) ?? null,
        color: (0,values/* text */.Qq)((0,values/* record */.g1)(step).color),
    }));
    const misplacedThresholds = [];
    if (hasSetting(panel.thresholds) && panel.type !== 'singlestat' && panel.type !== 'graph')
        misplacedThresholds.push(doc.keyPositionOf([...panelPath, 'thresholds']));
    if (hasSetting((0,values/* record */.g1)(panel.options).thresholds))
        misplacedThresholds.push(doc.keyPositionOf([...panelPath, 'options', 'thresholds']));
    return {
        id: (0,values/* number */.ai)(panel.id),
        type: (0,values/* text */.Qq)(panel.type),
        title: (0,values/* text */.Qq)(panel.title),
        position: doc.positionOf(panelPath),
        parentTitle,
        datasource: datasourceRef(doc, panel.datasource, [...panelPath, 'datasource']),
        targets: (0,values/* list */.p_)(panel.targets).map((target, t) => readTarget(doc, panel, (0,values/* record */.g1)(target), [...panelPath, 'targets', t], variables, resolve)),
        thresholds: steps,
        keys: Object.keys(panel),
        misplacedThresholds,
        unit: (0,values/* text */.Qq)(defaults.unit),
    };
}
// Query fields of other data sources' targets: Elasticsearch and others `query`, SQL `rawSql`,
// CloudWatch `expression`, Graphite `target`, InfluxQL `query`/`rawQuery`.
const OTHER_QUERY_FIELDS = ['expr', 'query', 'rawSql', 'expression', 'target', 'queryText', 'rawQuery'];
function readTarget(doc, panel, target, targetPath, variables, resolve) {
    const rawExpr = (0,values/* text */.Qq)(target.expr);
    const source = resolve(panel, target);
    const out = { refId: (0,values/* text */.Qq)(target.refId), datasource: datasourceRef(doc, target.datasource, [...targetPath, 'datasource']), source, rawExpr };
    const hasExpr = rawExpr !== undefined && rawExpr.trim() !== '';
    let language = source.language;
    // The instance's default data source (or a name that says nothing): the query's own syntax decides.
    if (language === 'unknown')
        language = hasExpr && (panel.type === 'logs' || looksLikeLogql(rawExpr)) ? 'logql' : 'promql';
    if (language === 'other') {
        out.unchecked = OTHER_QUERY_FIELDS.some((key) => typeof target[key] === 'string' && target[key].trim() !== '');
        return out;
    }
    if (!hasExpr)
        return out;
    const exprPath = [...targetPath, 'expr'];
    const placement = doc.placementOf(exprPath);
    const substituted = substituteGrafanaVariables(rawExpr, variables);
    const edits = substituted.edits.length > 0 ? substituted.edits : undefined;
    const position = (0,model_placement/* placeOffset */.RF)(placement, 0);
    if (language === 'logql') {
        const logql = { text: substituted.text, position, placement, edits, analysis: analyseLogql(substituted.text) };
        out.logql = logql;
    }
    else {
        const expr = { text: substituted.text, position, placement, edits, analysis: (0,analyse/* analyseQuery */.E8)(substituted.text) };
        out.expr = expr;
    }
    return out;
}
/** Whether a threshold-like setting holds anything: exporters write `[]`, `""` and `{}` for none, which loses nothing. */
function hasSetting(value) {
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'string')
        return value.trim() !== '';
    if (Array.isArray(value))
        return value.length > 0;
    // `{ "mode": "absolute", "steps": [] }` has a mode but no threshold.
    if ((0,values/* isRecord */.u4)(value))
        return 'steps' in value ? hasSetting(value.steps) : Object.values(value).some(hasSetting);
    return true;
}
function datasourceRef(doc, value, at) {
    if (typeof value === 'string')
        return { name: value, position: doc.positionOf(at) };
    if ((0,values/* isRecord */.u4)(value))
        return { uid: (0,values/* text */.Qq)(value.uid), type: (0,values/* text */.Qq)(value.type), position: doc.positionOf(at) };
    return undefined;
}
function pathValue(value, path) {
    let current = value;
    for (const segment of path)
        current = (0,values/* isRecord */.u4)(current) ? current[segment] : Array.isArray(current) ? current[segment] : undefined;
    return current;
}

// EXTERNAL MODULE: ./src/model/burn-rate.ts
var burn_rate = __webpack_require__(12203);
// EXTERNAL MODULE: ./src/model/types.ts
var types = __webpack_require__(40440);
// EXTERNAL MODULE: ./src/formats/sli.ts
var formats_sli = __webpack_require__(26358);
;// CONCATENATED MODULE: ./src/formats/openslo.ts
// OpenSLO. v1 documents refer to each other by name across files (an SLO's `indicatorRef` names an
// SLI, `alertPolicies[].alertPolicyRef` an AlertPolicy, whose `conditionRef`s name AlertConditions),
// so every v1 document is kept while files are read and SLOs are built in `finalise`. Documents are
// kept as snapshots (plain data) because files may be read on worker threads.
// A reference that names no document becomes a problem on the SLO (policy/schema reports it).
// Each alert policy's burn-rate condition is one window, and the labels of the policy, its
// notification targets and its condition (with the condition's severity) are the labels of that
// window's tier of alert (page or ticket), which the suggested rule group carries.
// `openslo/v1alpha` SLOs (the shape Sloth reads) refer to nothing and are built at once.






const BUDGETING = { Occurrences: 'occurrences', Timeslices: 'timeslices', RatioTimeslices: 'ratio-timeslices' };
const openslo = {
    kind: 'openslo',
    recognise: (value) => (0,values/* isRecord */.u4)(value) && (value.apiVersion === 'openslo/v1' || value.apiVersion === 'openslo/v1alpha') && typeof value.kind === 'string',
    normalise(doc, context) {
        const value = (0,values/* record */.g1)(doc.value);
        if (value.apiVersion === 'openslo/v1alpha') {
            if (value.kind === 'SLO')
                normaliseV1alpha(doc, context);
            return;
        }
        context.keep({ file: context.file, snapshot: doc.snapshot(), kind: String(value.kind), name: (0,values/* text */.Qq)((0,values/* record */.g1)(value.metadata).name) });
    },
    finalise(kept, context) {
        const documents = kept.map(({ snapshot, ...rest }) => ({ ...rest, doc: (0,parse_document/* restoreDocument */.W0)(snapshot) }));
        const byName = (kind, name) => documents.find((d) => d.kind === kind && d.name === name);
        for (const slo of documents.filter((d) => d.kind === 'SLO'))
            buildSlos(slo, byName, context);
    },
};
function buildSlos(kept, byName, context) {
    const { doc, file } = kept;
    const spec = (0,values/* record */.g1)((0,values/* record */.g1)(doc.value).spec);
    const name = kept.name ?? `SLO[${doc.index}]`;
    const problems = [];
    const unresolved = (path, kind, ref) => problems.push({ file, ...doc.positionOf(path), message: `${path.join('.')}: no ${kind} named "${ref}" in the checked files` });
    // The indicator: inline, or an SLI document named by indicatorRef — exactly one of them.
    let sliSpec = {};
    let sliAt;
    const indicatorRef = (0,values/* text */.Qq)(spec.indicatorRef);
    if ((0,values/* isRecord */.u4)(spec.indicator) && indicatorRef !== undefined) {
        problems.push({ file, ...doc.keyPositionOf(['spec', 'indicatorRef']), message: 'spec: indicator and indicatorRef are mutually exclusive' });
    }
    if ((0,values/* isRecord */.u4)(spec.indicator)) {
        sliSpec = (0,values/* record */.g1)(spec.indicator.spec);
        sliAt = { file, doc, path: ['spec', 'indicator', 'spec'] };
    }
    else if (indicatorRef !== undefined) {
        const sli = byName('SLI', indicatorRef);
        if (sli) {
            sliSpec = (0,values/* record */.g1)((0,values/* record */.g1)(sli.doc.value).spec);
            sliAt = { file: sli.file, doc: sli.doc, path: ['spec'] };
        }
        else
            unresolved(['spec', 'indicatorRef'], 'SLI', indicatorRef);
    }
    else
        problems.push({ file, ...doc.positionOf(['spec']), message: 'spec: one of indicator or indicatorRef is required' });
    if (sliAt) {
        const where = (...rest) => ({ file: sliAt.file, ...sliAt.doc.keyPositionOf([...sliAt.path, ...rest]) });
        const ratio = (0,values/* record */.g1)(sliSpec.ratioMetric);
        if ('thresholdMetric' in sliSpec && 'ratioMetric' in sliSpec)
            problems.push({ ...where('ratioMetric'), message: 'SLI spec: thresholdMetric and ratioMetric are mutually exclusive' });
        if ('good' in ratio && 'bad' in ratio)
            problems.push({ ...where('ratioMetric', 'bad'), message: 'ratioMetric: good and bad are mutually exclusive' });
        if ('ratioMetric' in sliSpec && !('good' in ratio) && !('bad' in ratio) && !('raw' in ratio))
            problems.push({ ...where('ratioMetric'), message: 'ratioMetric: one of good, bad or raw is required' });
    }
    const burnWindows = [];
    const alertLabels = {};
    (0,values/* list */.p_)(spec.alertPolicies).forEach((entry, p) => {
        const entryPath = ['spec', 'alertPolicies', p];
        let policy;
        const policyRef = (0,values/* text */.Qq)((0,values/* record */.g1)(entry).alertPolicyRef);
        if (policyRef !== undefined) {
            const found = byName('AlertPolicy', policyRef);
            if (found)
                policy = { doc: found.doc, file: found.file, path: [] };
            else
                unresolved([...entryPath, 'alertPolicyRef'], 'AlertPolicy', policyRef);
        }
        else if ((0,values/* isRecord */.u4)(entry))
            policy = { doc, file, path: entryPath };
        if (!policy)
            return;
        const policyValue = (0,values/* record */.g1)(valueAt(policy.doc.value, policy.path));
        const targets = (0,values/* list */.p_)((0,values/* record */.g1)(policyValue.spec).notificationTargets).map((target) => {
            const targetRef = (0,values/* text */.Qq)((0,values/* record */.g1)(target).targetRef);
            return targetRef === undefined ? (0,values/* record */.g1)(target) : (0,values/* record */.g1)(byName('AlertNotificationTarget', targetRef)?.doc.value);
        });
        (0,values/* list */.p_)((0,values/* record */.g1)(policyValue.spec).conditions).forEach((conditionEntry, c) => {
            const conditionRef = (0,values/* text */.Qq)((0,values/* record */.g1)(conditionEntry).conditionRef);
            let condition;
            if (conditionRef !== undefined) {
                const found = byName('AlertCondition', conditionRef);
                if (found)
                    condition = (0,values/* record */.g1)(found.doc.value);
                else
                    problems.push({ file: policy.file, ...policy.doc.positionOf([...policy.path, 'spec', 'conditions', c, 'conditionRef']), message: `${policy.path.length ? [...policy.path, 'spec', 'conditions', c, 'conditionRef'].join('.') : `spec.conditions.${c}.conditionRef`}: no AlertCondition named "${conditionRef}" in the checked files` });
            }
            else
                condition = (0,values/* record */.g1)(conditionEntry);
            if (!condition)
                return;
            const conditionSpec = (0,values/* record */.g1)(condition.spec);
            const rule = (0,values/* record */.g1)(conditionSpec.condition);
            const longSeconds = (0,units/* parseDurationShorthand */.fM)(rule.lookbackWindow);
            if (rule.kind !== 'burnrate' || longSeconds === undefined)
                return;
            const window = {
                longSeconds,
                factor: (0,values/* number */.ai)(rule.threshold),
                severity: (0,values/* text */.Qq)(conditionSpec.severity),
                source: 'slo',
                position: policy.doc === doc ? doc.positionOf([...policy.path, 'spec', 'conditions', c]) : doc.positionOf(entryPath),
            };
            burnWindows.push(window);
            addAlertLabels(alertLabels, (0,burn_rate/* alertTier */.rb)(window), {
                // The policy's labels, its notification targets' (where routing is decided), the condition's; its severity last.
                labels: { ...prometheusLabels(policyValue), ...Object.assign({}, ...targets.map(prometheusLabels)), ...prometheusLabels(condition), ...(window.severity ? { severity: window.severity } : {}) },
                annotations: (0,values/* stringMap */.Qi)({ description: (0,values/* text */.Qq)(conditionSpec.description) ?? (0,values/* text */.Qq)((0,values/* record */.g1)(policyValue.spec).description) }),
            });
        });
    });
    const windows = (0,values/* list */.p_)(spec.timeWindow);
    const window = (0,values/* record */.g1)(windows[0]);
    const objectives = (0,values/* list */.p_)(spec.objectives);
    objectives.forEach((objectiveValue, o) => {
        const objective = (0,values/* record */.g1)(objectiveValue);
        const at = (...rest) => ['spec', 'objectives', o, ...rest];
        const sloName = objectives.length > 1 ? `${name}-${o}` : name;
        const target = 'target' in objective ? (0,units/* parseTarget */.hu)(objective.target, 'ratio') : (0,units/* parseTarget */.hu)(objective.targetPercent, 'percent');
        if ('target' in objective && 'targetPercent' in objective)
            problems.push({ file, ...doc.keyPositionOf(at('targetPercent')), message: `spec.objectives[${o}]: target and targetPercent are mutually exclusive` });
        if (!('target' in objective) && !('targetPercent' in objective))
            problems.push({ file, ...doc.positionOf(at()), message: `spec.objectives[${o}]: one of target or targetPercent is required` });
        context.addSlo({
            key: `${file}#${doc.index}#${sloName}`,
            name: sloName,
            service: (0,values/* text */.Qq)(spec.service),
            format: 'openslo',
            file,
            position: objectives.length > 1 ? doc.positionOf(at()) : doc.positionOf([]),
            target,
            targetPosition: doc.positionOf(at('target' in objective ? 'target' : 'targetPercent')),
            periodSeconds: (0,units/* parseDurationShorthand */.fM)(window.duration),
            periodPosition: doc.positionOf(['spec', 'timeWindow', 0, 'duration']),
            periodKind: window.isRolling === false || 'calendar' in window ? 'calendar' : 'rolling',
            budgetingMethod: BUDGETING[(0,values/* text */.Qq)(spec.budgetingMethod) ?? ''],
            indicator: { ...readSli(sliSpec), position: doc.positionOf(['spec', (0,values/* isRecord */.u4)(spec.indicator) ? 'indicator' : 'indicatorRef']) },
            burnWindows,
            declaredBudget: {},
            declaresBurnAlerting: burnWindows.length > 0,
            dashboardRefs: [],
            baseDir: (0,formats_sli/* dirOf */.Rw)(file),
            labels: (0,values/* stringMap */.Qi)((0,values/* record */.g1)((0,values/* record */.g1)(doc.value).metadata).labels),
            ...(Object.keys(alertLabels).length ? { alertLabels } : {}),
            // One list for every objective's SLO: policy/schema reports each problem once.
            problems,
        });
    });
}
/**
 * A document's `metadata.labels` as Prometheus alert labels. OpenSLO allows a list of values per
 * key and any key up to 63 characters; an alert label holds one value under a Prometheus name, so
 * a one-item list is its item and the rest is left out.
 */
function prometheusLabels(document) {
    const out = {};
    for (const [name, value] of Object.entries((0,values/* record */.g1)((0,values/* record */.g1)(document.metadata).labels))) {
        const single = Array.isArray(value) && value.length === 1 ? (0,values/* text */.Qq)(value[0]) : (0,values/* text */.Qq)(value);
        if (single !== undefined && types/* LEGACY_LABEL_NAME */.r.test(name))
            out[name] = single;
    }
    return out;
}
/** Several alert policies of one tier: the first to give a label or annotation keeps it. */
function addAlertLabels(into, tier, own) {
    const earlier = into[tier];
    into[tier] = { labels: { ...own.labels, ...earlier?.labels }, annotations: { ...own.annotations, ...earlier?.annotations } };
}
function readSli(spec) {
    const queryOf = (metric) => promqlOf((0,values/* record */.g1)((0,values/* record */.g1)(metric).metricSource));
    if ((0,values/* isRecord */.u4)(spec.ratioMetric)) {
        const ratio = spec.ratioMetric;
        const good = queryOf(ratio.good);
        const bad = queryOf(ratio.bad);
        const total = queryOf(ratio.total);
        return { type: 'ratio', declaredType: 'ratioMetric', goodQuery: good, errorQuery: bad, totalQuery: total, metrics: (0,formats_sli/* queryMetrics */.QZ)([good, bad, total]) };
    }
    if ((0,values/* isRecord */.u4)(spec.thresholdMetric)) {
        const query = queryOf(spec.thresholdMetric);
        return { type: 'other', declaredType: 'thresholdMetric', goodQuery: query, metrics: (0,formats_sli/* queryMetrics */.QZ)([query]) };
    }
    return { type: 'other', metrics: [] };
}
/** The PromQL of a metric source, when its type is a Prometheus-compatible store; other sources' queries are not PromQL. */
function promqlOf(source) {
    if (!/prometheus|thanos|cortex|mimir|victoria/i.test((0,values/* text */.Qq)(source.type) ?? ''))
        return undefined;
    const spec = (0,values/* record */.g1)(source.spec);
    return (0,values/* text */.Qq)(spec.query) ?? (0,values/* text */.Qq)(spec.promql);
}
function valueAt(value, path) {
    let current = value;
    for (const segment of path)
        current = (0,values/* isRecord */.u4)(current) ? current[segment] : Array.isArray(current) ? current[segment] : undefined;
    return current;
}
/** v1alpha, as Sloth reads it: objectives with `ratioMetrics` and `target`, `timeWindows[{count, unit}]`; names follow Sloth (`<name>-<index>`). */
function normaliseV1alpha(doc, context) {
    const value = (0,values/* record */.g1)(doc.value);
    const spec = (0,values/* record */.g1)(value.spec);
    const name = (0,values/* text */.Qq)((0,values/* record */.g1)(value.metadata).name) ?? `SLO[${doc.index}]`;
    const window = (0,values/* record */.g1)((0,values/* list */.p_)(spec.timeWindows)[0]);
    const periodSeconds = (0,units/* parseCountUnit */.F6)(window.count, window.unit);
    (0,values/* list */.p_)(spec.objectives).forEach((objectiveValue, o) => {
        const objective = (0,values/* record */.g1)(objectiveValue);
        const ratio = (0,values/* record */.g1)(objective.ratioMetrics);
        const query = (key) => (0,values/* text */.Qq)((0,values/* record */.g1)(ratio[key]).query);
        const [good, bad, total] = [query('good'), query('bad'), query('total')];
        const sloName = `${name}-${o}`;
        context.addSlo({
            key: `${context.file}#${doc.index}#${sloName}`,
            name: sloName,
            service: (0,values/* text */.Qq)(spec.service),
            format: 'openslo',
            file: context.file,
            position: doc.positionOf(['spec', 'objectives', o]),
            target: (0,units/* parseTarget */.hu)(objective.target, 'ratio'),
            targetPosition: doc.positionOf(['spec', 'objectives', o, 'target']),
            periodSeconds,
            periodPosition: doc.positionOf(['spec', 'timeWindows', 0]),
            periodKind: window.isRolling === false ? 'calendar' : 'rolling',
            budgetingMethod: BUDGETING[(0,values/* text */.Qq)(spec.budgetingMethod) ?? ''],
            indicator: { type: 'ratio', declaredType: 'ratioMetrics', goodQuery: good, errorQuery: bad, totalQuery: total, metrics: (0,formats_sli/* queryMetrics */.QZ)([good, bad, total]) },
            burnWindows: [],
            declaredBudget: {},
            declaresBurnAlerting: false,
            // v1alpha cannot declare alerting, and Sloth, the tool that reads it, generates no alerts for it.
            alertingDisabled: true,
            dashboardRefs: [],
            baseDir: (0,formats_sli/* dirOf */.Rw)(context.file),
            labels: {},
        });
    });
}

;// CONCATENATED MODULE: ./src/formats/query-field.ts


/** The PromQL string at `path`, parsed once, with where its characters are in the file. */
function queryAt(doc, path, query) {
    const placement = doc.placementOf(path);
    return { text: query, position: (0,model_placement/* placeOffset */.RF)(placement, 0), placement, analysis: (0,analyse/* analyseQuery */.E8)(query) };
}

;// CONCATENATED MODULE: ./src/formats/prometheus-rules.ts
// Prometheus rule files (groups[].rules[]) and Kubernetes PrometheusRule resources (spec.groups).







const ruleFile = {
    kind: 'rule-file',
    recognise: shapes/* isRuleFile */.n$,
    normalise: (doc, context) => normaliseGroups(doc, ['groups'], context),
};
const prometheusRule = {
    kind: 'prometheus-rule',
    recognise: shapes/* isPrometheusRule */.jw,
    normalise: (doc, context) => normaliseGroups(doc, ['spec', 'groups'], context),
};
/** The Loki Operator's rule resources (loki.grafana.com AlertingRule and RecordingRule): LogQL rules under spec.groups. */
const lokiOperatorRule = {
    kind: 'loki-rule',
    recognise: (value) => (0,values/* isRecord */.u4)(value) && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('loki.grafana.com/') && (value.kind === 'AlertingRule' || value.kind === 'RecordingRule') && (0,values/* isRecord */.u4)(value.spec),
    normalise: (doc, context) => normaliseGroups(doc, ['spec', 'groups'], context, true),
};
/**
 * Whether a rule document is for Loki's ruler, whose expressions are LogQL: its carrier or its own
 * metadata marks it so (a `loki_rule` label), or it sits in a Loki layout (a path segment naming
 * Loki: `loki/rules/<tenant>/…`) and its expressions are written in LogQL's own syntax.
 */
function isLokiRuleDocument(doc, groupsPath, context) {
    if (context.embedding?.lokiRules || marksLokiRules((0,values/* record */.g1)(doc.value).metadata))
        return true;
    if (!context.file.split('/').some((segment) => /loki/i.test(segment)))
        return false;
    let groups = doc.value;
    for (const segment of groupsPath)
        groups = (0,values/* record */.g1)(groups)[segment];
    return (0,values/* list */.p_)(groups).some((group) => (0,values/* list */.p_)((0,values/* record */.g1)(group).rules).some((rule) => looksLikeLogql((0,values/* text */.Qq)((0,values/* record */.g1)(rule).expr) ?? '')));
}
function normaliseGroups(doc, groupsPath, context, lokiResource = false) {
    const loki = lokiResource || isLokiRuleDocument(doc, groupsPath, context);
    let groups = doc.value;
    for (const segment of groupsPath)
        groups = (0,values/* record */.g1)(groups)[segment];
    (0,values/* list */.p_)(groups).forEach((groupValue, g) => {
        if (!(0,values/* isRecord */.u4)(groupValue))
            return;
        const groupPath = [...groupsPath, g];
        const name = (0,values/* text */.Qq)(groupValue.name) ?? '';
        const intervalSeconds = (0,units/* parseDuration */.E9)(groupValue.interval);
        const group = { file: context.file, name, position: doc.positionOf(groupPath), intervalSeconds, rules: [] };
        (0,values/* list */.p_)(groupValue.rules).forEach((ruleValue, r) => {
            if (!(0,values/* isRecord */.u4)(ruleValue))
                return;
            const rulePath = [...groupPath, 'rules', r];
            const isAlert = 'alert' in ruleValue;
            const nameKey = isAlert ? 'alert' : 'record';
            const expr = (0,values/* text */.Qq)(ruleValue.expr);
            if (expr === undefined)
                return; // rule/schema reports the missing expression
            if (loki) {
                const exprPath = [...rulePath, 'expr'];
                const placement = doc.placementOf(exprPath);
                context.addLogqlRule({
                    kind: isAlert ? 'alert' : 'record',
                    name: (0,values/* text */.Qq)(ruleValue[nameKey]) ?? '',
                    file: context.file,
                    group: name,
                    position: doc.positionOf(rulePath),
                    expr: { text: expr, position: (0,model_placement/* placeOffset */.RF)(placement, 0), placement, analysis: analyseLogql(expr) },
                });
                return;
            }
            const field = (key) => {
                const value = (0,values/* text */.Qq)(ruleValue[key]);
                return value === undefined ? undefined : { value, position: doc.positionOf([...rulePath, key]) };
            };
            const fields = (key) => {
                const out = {};
                for (const [k, v] of Object.entries((0,values/* record */.g1)(ruleValue[key]))) {
                    const value = (0,values/* text */.Qq)(v);
                    if (value !== undefined)
                        out[k] = { value, position: doc.positionOf([...rulePath, key, k]) };
                }
                return out;
            };
            const rule = {
                kind: isAlert ? 'alert' : 'record',
                name: (0,values/* text */.Qq)(ruleValue[nameKey]) ?? '',
                file: context.file,
                group: name,
                groupIntervalSeconds: intervalSeconds,
                index: r,
                position: doc.positionOf(rulePath),
                namePosition: doc.positionOf([...rulePath, nameKey]),
                expr: queryAt(doc, [...rulePath, 'expr'], expr),
                for: field('for'),
                keepFiringFor: field('keep_firing_for'),
                labels: fields('labels'),
                annotations: fields('annotations'),
            };
            group.rules.push(rule);
        });
        if (!loki)
            context.addRuleGroup(group);
    });
}

;// CONCATENATED MODULE: ./src/formats/pyrra.ts
// Pyrra `pyrra.dev/v1alpha1` ServiceLevelObjective: target as a percent string, `window` as the
// period, one indicator among ratio, latency, latencyNative and bool_gauge. Pyrra generates
// multiwindow burn-rate alerts unless told not to, with fixed factors and windows scaled to the period.





const pyrra = {
    kind: 'pyrra',
    recognise: (value) => (0,values/* isRecord */.u4)(value) && typeof value.apiVersion === 'string' && value.apiVersion.startsWith('pyrra.dev/') && value.kind === 'ServiceLevelObjective',
    normalise(doc, context) {
        const resource = (0,values/* record */.g1)(doc.value);
        const metadata = (0,values/* record */.g1)(resource.metadata);
        const spec = (0,values/* record */.g1)(resource.spec);
        const name = (0,values/* text */.Qq)(metadata.name) ?? `slo[${doc.index}]`;
        const periodSeconds = (0,units/* parseDuration */.E9)(spec.window);
        const alerting = (0,values/* record */.g1)(spec.alerting);
        const alerts = alerting.disabled !== true && alerting.burnrates !== false;
        const slo = {
            key: `${context.file}#${doc.index}#${name}`,
            name,
            service: (0,values/* text */.Qq)(metadata.namespace),
            format: 'pyrra',
            file: context.file,
            position: doc.positionOf([]),
            target: (0,units/* parseTarget */.hu)(spec.target, 'percent'),
            targetPosition: doc.positionOf(['spec', 'target']),
            periodSeconds,
            periodPosition: doc.positionOf(['spec', 'window']),
            periodKind: 'rolling',
            indicator: { ...readIndicator((0,values/* record */.g1)(spec.indicator)), position: doc.positionOf(['spec', 'indicator']) },
            burnWindows: alerts && periodSeconds
                ? (0,burn_rate/* pyrraWindows */.Sd)(periodSeconds).map((w) => ({ ...w, source: 'default', position: doc.keyPositionOf(['spec', 'window']) }))
                : [],
            declaredBudget: {},
            declaresBurnAlerting: alerts,
            alertingDisabled: !alerts,
            dashboardRefs: [],
            baseDir: (0,formats_sli/* dirOf */.Rw)(context.file),
            labels: (0,values/* stringMap */.Qi)(metadata.labels),
        };
        context.addSlo(slo);
    },
};
function readIndicator(indicator) {
    const metric = (value) => (0,values/* text */.Qq)((0,values/* record */.g1)(value).metric);
    if ((0,values/* isRecord */.u4)(indicator.ratio)) {
        const errors = metric(indicator.ratio.errors);
        const total = metric(indicator.ratio.total);
        return { type: 'ratio', declaredType: 'ratio', errorQuery: errors, totalQuery: total, metrics: (0,formats_sli/* queryMetrics */.QZ)([errors, total]) };
    }
    if ((0,values/* isRecord */.u4)(indicator.latency)) {
        const success = metric(indicator.latency.success);
        const total = metric(indicator.latency.total);
        // The success selector counts the histogram bucket at the threshold: `le="0.05"` means 50 ms.
        const le = success ? (0,analyse/* analyseQuery */.E8)(success).facts.selectors.flatMap((s) => s.matchers).find((m) => m.label === 'le' && m.op === '=')?.value : undefined;
        return { type: 'latency', declaredType: 'latency', goodQuery: success, totalQuery: total, thresholdSeconds: (0,units/* parseLatency */.Cb)(le), metrics: (0,formats_sli/* queryMetrics */.QZ)([success, total]) };
    }
    if ((0,values/* isRecord */.u4)(indicator.latencyNative)) {
        const total = metric(indicator.latencyNative.total);
        return { type: 'latency', declaredType: 'latencyNative', totalQuery: total, thresholdSeconds: (0,units/* parseLatency */.Cb)((0,values/* text */.Qq)(indicator.latencyNative.latency)), metrics: (0,formats_sli/* queryMetrics */.QZ)([total]) };
    }
    if ((0,values/* isRecord */.u4)(indicator.bool_gauge)) {
        const gauge = metric(indicator.bool_gauge);
        return { type: 'ratio', declaredType: 'bool_gauge', goodQuery: gauge, metrics: (0,formats_sli/* queryMetrics */.QZ)([gauge]) };
    }
    return { type: 'other', metrics: [] };
}

;// CONCATENATED MODULE: ./src/formats/seed-policy.ts
// The seed system's policy file: apiVersion slo/v1, kind SLOPolicy. Targets are ratios (0.999).



const INDICATOR_TYPES = {
    availability: 'availability',
    error_rate: 'error-rate',
    latency: 'latency',
    throughput: 'throughput',
};
const seedPolicy = {
    kind: 'slo-policy',
    recognise: (value) => (0,values/* isRecord */.u4)(value) && value.apiVersion === 'slo/v1' && value.kind === 'SLOPolicy',
    normalise(doc, context) {
        const policy = (0,values/* record */.g1)(doc.value);
        const policyWindows = (0,values/* list */.p_)((0,values/* record */.g1)(policy.alerts).burn_rate_thresholds).flatMap((entry, i) => {
            const window = (0,values/* record */.g1)(entry);
            const longSeconds = (0,units/* parseDuration */.E9)(window.window);
            if (longSeconds === undefined)
                return [];
            return [
                {
                    longSeconds,
                    factor: (0,values/* number */.ai)(window.threshold),
                    severity: (0,values/* text */.Qq)(window.severity),
                    source: 'policy',
                    position: doc.positionOf(['alerts', 'burn_rate_thresholds', i]),
                },
            ];
        });
        const dashboardRefs = (0,values/* list */.p_)((0,values/* record */.g1)(policy.reporting).dashboards).flatMap((entry, i) => {
            const written = (0,values/* text */.Qq)((0,values/* record */.g1)(entry).path) ?? (0,values/* text */.Qq)(entry);
            return written ? [{ path: written, position: doc.positionOf(['reporting', 'dashboards', i, ...((0,values/* isRecord */.u4)(entry) ? ['path'] : [])]) }] : [];
        });
        (0,values/* list */.p_)(policy.slos).forEach((entry, i) => {
            if (!(0,values/* isRecord */.u4)(entry))
                return;
            const at = (...rest) => ['slos', i, ...rest];
            const name = (0,values/* text */.Qq)(entry.name) ?? `slos[${i}]`;
            const indicatorValue = (0,values/* record */.g1)(entry.indicator);
            const declaredType = (0,values/* text */.Qq)(indicatorValue.type);
            const type = INDICATOR_TYPES[declaredType ?? ''] ?? 'other';
            const indicator = {
                type,
                declaredType,
                metrics: [],
                position: doc.positionOf(at('indicator')),
            };
            if (type === 'latency') {
                indicator.thresholdSeconds = (0,units/* parseLatency */.Cb)(indicatorValue.threshold, 'ms');
                indicator.percentile = (0,values/* number */.ai)(indicatorValue.percentile);
            }
            if (type === 'throughput')
                indicator.minimumRate = (0,values/* number */.ai)(indicatorValue.minimum_rate);
            const budget = (0,values/* record */.g1)(entry.error_budget);
            // Windows named on the SLO take their factor from the policy-wide threshold for the same window.
            const sloWindows = (0,values/* list */.p_)(budget.burn_rate_windows).flatMap((written, k) => {
                const longSeconds = (0,units/* parseDuration */.E9)(written);
                if (longSeconds === undefined)
                    return [];
                const policyWindow = policyWindows.find((w) => w.longSeconds === longSeconds);
                return [{ longSeconds, factor: policyWindow?.factor, severity: policyWindow?.severity, source: 'slo', position: doc.positionOf(at('error_budget', 'burn_rate_windows', k)) }];
            });
            const burnWindows = sloWindows.length > 0 ? sloWindows : policyWindows;
            const slo = {
                key: `${context.file}#${name}`,
                name,
                format: 'slo/v1',
                file: context.file,
                position: doc.positionOf(at()),
                target: (0,units/* parseTarget */.hu)(entry.target, 'ratio'),
                targetPosition: doc.positionOf(at('target')),
                periodSeconds: (0,units/* parseDuration */.E9)(entry.window),
                periodPosition: doc.positionOf(at('window')),
                periodKind: 'rolling',
                indicator,
                burnWindows,
                declaredBudget: {
                    ratio: (0,values/* number */.ai)(budget.monthly_budget) !== undefined ? { value: (0,values/* number */.ai)(budget.monthly_budget), position: doc.positionOf(at('error_budget', 'monthly_budget')) } : undefined,
                    downtimeMinutes: (0,values/* number */.ai)(budget.max_downtime_minutes) !== undefined
                        ? { value: (0,values/* number */.ai)(budget.max_downtime_minutes), position: doc.positionOf(at('error_budget', 'max_downtime_minutes')) }
                        : undefined,
                },
                declaresBurnAlerting: burnWindows.length > 0,
                dashboardRefs,
                baseDir: external_node_path_default().posix.dirname(context.file) === '.' ? '' : external_node_path_default().posix.dirname(context.file),
                labels: {},
            };
            context.addSlo(slo);
        });
    },
};

;// CONCATENATED MODULE: ./src/formats/slo-generator.ts
// Google's slo-generator (github.com/google/slo-generator). Two shapes of SLO:
//   v2: `apiVersion: sre.google.com/v2`, `kind: ServiceLevelObjective`, `spec.goal`, `spec.backend`
//       naming a backend of the shared config, `spec.method` and `spec.service_level_indicator`;
//   v1: a flat map with `service_name`, `feature_name`, `slo_name`, `slo_target` and a `backend`
//       map holding `class`, `method` and `measurement`.
// Burn-rate windows come from error budget policies kept in other files: v2's shared config
// (`error_budget_policies.<name>.steps[]`, the SLO picks one with `spec.error_budget_policy`,
// `default` otherwise) and v1's policy file (a list of steps, `error_budget_policy.yaml`). Each
// step is a window in seconds and a burn-rate threshold; steps with `alert: true`
// (`urgent_notification` in v1) are the ones that page, so they are the SLO's burn-rate windows.
// slo-generator states no SLO period: the `slo-period` setting is used, as for Sloth.




const V2 = 'sre.google.com/v2';
function isV1Slo(value) {
    return 'slo_target' in value && (0,values/* isRecord */.u4)(value.backend) && ('method' in value.backend || 'class' in value.backend) && ('slo_name' in value || 'service_name' in value);
}
function isV1PolicyList(value) {
    return Array.isArray(value) && value.length > 0 && value.every((step) => (0,values/* isRecord */.u4)(step) && ('error_budget_policy_step_name' in step || ('measurement_window_seconds' in step && 'alerting_burn_rate_threshold' in step)));
}
function isSharedConfig(value) {
    const policies = value.error_budget_policies;
    return (0,values/* isRecord */.u4)(policies) && Object.values(policies).some((policy) => Array.isArray((0,values/* record */.g1)(policy).steps));
}
const sloGenerator = {
    kind: 'slo-generator',
    recognise: (value) => isV1PolicyList(value) ||
        ((0,values/* isRecord */.u4)(value) && ((value.apiVersion === V2 && value.kind === 'ServiceLevelObjective') || isV1Slo(value) || isSharedConfig(value))),
    normalise(doc, context) {
        const value = doc.value;
        if (isV1PolicyList(value)) {
            // slo-generator's migrator names a v1 policy file's policy after the file: error_budget_policy.yaml is `default`.
            const base = context.file.slice(context.file.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, '');
            const name = base === 'error_budget_policy' ? 'default' : base.replace(/^error_budget_policy_/, '');
            const steps = (0,values/* list */.p_)(value).map((step) => {
                const s = (0,values/* record */.g1)(step);
                return { name: (0,values/* text */.Qq)(s.error_budget_policy_step_name), windowSeconds: (0,values/* number */.ai)(s.measurement_window_seconds), threshold: (0,values/* number */.ai)(s.alerting_burn_rate_threshold), alert: s.urgent_notification === true };
            });
            context.keep({ type: 'policies', file: context.file, policies: { [name]: steps }, backends: [] });
            return;
        }
        const map = (0,values/* record */.g1)(value);
        if (isSharedConfig(map)) {
            const policies = {};
            for (const [name, policy] of Object.entries((0,values/* record */.g1)(map.error_budget_policies))) {
                policies[name] = (0,values/* list */.p_)((0,values/* record */.g1)(policy).steps).map((step) => {
                    const s = (0,values/* record */.g1)(step);
                    return { name: (0,values/* text */.Qq)(s.name), windowSeconds: (0,values/* number */.ai)(s.window), threshold: (0,values/* number */.ai)(s.burn_rate_threshold), alert: s.alert === true };
                });
            }
            context.keep({ type: 'policies', file: context.file, policies, backends: Object.keys((0,values/* record */.g1)(map.backends)) });
            return;
        }
        context.keep({ type: 'slo', file: context.file, snapshot: doc.snapshot() });
    },
    finalise(kept, context) {
        const policyFiles = kept.filter((item) => item.type === 'policies');
        for (const item of kept) {
            if (item.type === 'slo')
                buildSlo(item.file, (0,parse_document/* restoreDocument */.W0)(item.snapshot), policyFiles, context);
        }
    },
};
/** The policy an SLO file uses: the named one in the nearest policy file up its directory tree, else in any. */
function policyFor(file, name, policyFiles) {
    const candidates = policyFiles.filter((p) => p.policies[name] !== undefined);
    const dir = (0,formats_sli/* dirOf */.Rw)(file);
    const depth = (p) => {
        const policyDir = (0,formats_sli/* dirOf */.Rw)(p.file);
        return policyDir === '' || dir === policyDir || dir.startsWith(`${policyDir}/`) ? policyDir.length : -1;
    };
    const best = candidates.filter((p) => depth(p) >= 0).sort((a, b) => depth(b) - depth(a))[0] ?? candidates[0];
    return best?.policies[name];
}
function buildSlo(file, doc, policyFiles, context) {
    const value = (0,values/* record */.g1)(doc.value);
    const v2 = value.apiVersion === V2;
    const spec = v2 ? (0,values/* record */.g1)(value.spec) : value;
    const labels = v2 ? (0,values/* stringMap */.Qi)((0,values/* record */.g1)(value.metadata).labels) : (0,values/* stringMap */.Qi)({ service_name: value.service_name, feature_name: value.feature_name, slo_name: value.slo_name });
    const name = (v2 ? (0,values/* text */.Qq)((0,values/* record */.g1)(value.metadata).name) : undefined) ?? ([labels.service_name, labels.feature_name, labels.slo_name].filter(Boolean).join('-') || `ServiceLevelObjective[${doc.index}]`);
    const goalKey = v2 ? 'goal' : 'slo_target';
    const goalPath = v2 ? ['spec', 'goal'] : ['slo_target'];
    const target = (0,units/* parseTarget */.hu)(spec[goalKey], 'ratio');
    const backend = v2 ? (0,values/* text */.Qq)(spec.backend) ?? '' : (0,values/* text */.Qq)((0,values/* record */.g1)(value.backend).class) ?? '';
    const method = v2 ? (0,values/* text */.Qq)(spec.method) : (0,values/* text */.Qq)((0,values/* record */.g1)(value.backend).method);
    const sli = v2 ? (0,values/* record */.g1)(spec.service_level_indicator) : (0,values/* record */.g1)((0,values/* record */.g1)(value.backend).measurement);
    const indicatorPath = v2 ? ['spec', 'service_level_indicator'] : ['backend', 'measurement'];
    const indicator = { ...slo_generator_readIndicator(/^prometheus\b/i.test(backend), method, sli), position: doc.positionOf(indicatorPath) };
    const policyName = (v2 ? (0,values/* text */.Qq)(spec.error_budget_policy) : undefined) ?? 'default';
    const steps = policyFor(file, policyName, policyFiles) ?? [];
    const policyPosition = v2 && 'error_budget_policy' in spec ? doc.positionOf(['spec', 'error_budget_policy']) : undefined;
    const burnWindows = steps
        .filter((step) => step.alert && step.windowSeconds !== undefined && step.windowSeconds > 0)
        .map((step) => ({ longSeconds: step.windowSeconds, factor: step.threshold, name: step.name, source: 'policy', position: policyPosition }));
    const slo = {
        key: `${file}#${doc.index}#${name}`,
        name,
        service: labels.service_name,
        format: 'slo-generator',
        file,
        position: doc.positionOf([]),
        target,
        targetPosition: doc.positionOf(goalPath),
        periodSeconds: context.options.defaultPeriodSeconds,
        periodKind: 'rolling',
        budgetingMethod: 'occurrences',
        indicator,
        burnWindows,
        declaredBudget: {},
        declaresBurnAlerting: burnWindows.length > 0,
        dashboardRefs: [],
        baseDir: (0,formats_sli/* dirOf */.Rw)(file),
        labels,
    };
    context.addSlo(slo);
}
/**
 * The SLI of the Prometheus backend's methods: good_bad_ratio's filters are selectors that
 * slo-generator wraps in `increase(…[window])`; query_sli's expression holds `[window]`;
 * distribution_cut reads a histogram's buckets up to `threshold_bucket` (the `le` bound).
 * Other backends' filters (Cloud Monitoring, Datadog, …) are not PromQL and are not read.
 */
function slo_generator_readIndicator(prometheus, method, sli) {
    const declaredType = method;
    if (!prometheus)
        return { type: method === 'distribution_cut' ? 'latency' : 'ratio', declaredType, metrics: [] };
    const query = (key) => (0,values/* text */.Qq)(sli[key])?.replace(/\[window\]/g, '[5m]');
    if (method === 'good_bad_ratio') {
        const [good, valid, bad] = [query('filter_good'), query('filter_valid'), query('filter_bad')];
        return { type: 'ratio', declaredType, goodQuery: good, totalQuery: valid, errorQuery: bad, metrics: (0,formats_sli/* queryMetrics */.QZ)([good, valid, bad]) };
    }
    if (method === 'distribution_cut') {
        const expression = query('expression');
        const bound = (0,values/* number */.ai)(sli.threshold_bucket);
        // `le` is in the histogram's own unit: seconds when the metric says so.
        const seconds = expression !== undefined && /_seconds_bucket\b/.test(expression) ? bound : undefined;
        return { type: 'latency', declaredType, thresholdSeconds: seconds, totalQuery: expression, metrics: (0,formats_sli/* queryMetrics */.QZ)([expression]) };
    }
    const expression = query('expression');
    return { type: 'other', declaredType, goodQuery: expression, metrics: (0,formats_sli/* queryMetrics */.QZ)([expression]) };
}

;// CONCATENATED MODULE: ./src/formats/sloth.ts
// Sloth: `version: prometheus/v1` specs and the `sloth.slok.dev/v1` PrometheusServiceLevel
// resource (same fields, camelCase), plus AlertWindows files that replace the default window table.
// Sloth specs state no period: it comes from configuration (default 30d), as for the Sloth CLI.




/** The first of several spellings present (snake_case in prometheus/v1, camelCase in the resource). */
function either(value, ...keys) {
    for (const key of keys)
        if (key in value)
            return [value[key], key];
    return [undefined, keys[0]];
}
const sloth = {
    kind: 'sloth',
    recognise: (value) => (0,values/* isRecord */.u4)(value) &&
        ((value.version === 'prometheus/v1' && Array.isArray(value.slos)) || (value.apiVersion === 'sloth.slok.dev/v1' && value.kind === 'PrometheusServiceLevel')),
    normalise(doc, context) {
        const isResource = (0,values/* record */.g1)(doc.value).kind === 'PrometheusServiceLevel';
        const base = isResource ? ['spec'] : [];
        const spec = (0,values/* record */.g1)(isResource ? (0,values/* record */.g1)(doc.value).spec : doc.value);
        const service = (0,values/* text */.Qq)(spec.service);
        const commonLabels = (0,values/* stringMap */.Qi)(spec.labels);
        const periodSeconds = context.options.defaultPeriodSeconds;
        (0,values/* list */.p_)(spec.slos).forEach((entry, i) => {
            if (!(0,values/* isRecord */.u4)(entry))
                return;
            const at = (...rest) => [...base, 'slos', i, ...rest];
            const name = (0,values/* text */.Qq)(entry.name) ?? `slos[${i}]`;
            const sli = (0,values/* record */.g1)(entry.sli);
            const events = (0,values/* record */.g1)(sli.events);
            const raw = (0,values/* record */.g1)(sli.raw);
            const errorQuery = (0,values/* text */.Qq)(either(events, 'error_query', 'errorQuery')[0]);
            const totalQuery = (0,values/* text */.Qq)(either(events, 'total_query', 'totalQuery')[0]);
            const errorRatioQuery = (0,values/* text */.Qq)(either(raw, 'error_ratio_query', 'errorRatioQuery')[0]);
            const declaredType = 'events' in sli ? 'events' : 'raw' in sli ? 'raw' : 'plugin' in sli ? 'plugin' : undefined;
            const alerting = (0,values/* record */.g1)(entry.alerting);
            const [page, pageKey] = either(alerting, 'page_alert', 'pageAlert');
            const [ticket, ticketKey] = either(alerting, 'ticket_alert', 'ticketAlert');
            const enabled = { page: (0,values/* record */.g1)(page).disable !== true, ticket: (0,values/* record */.g1)(ticket).disable !== true };
            const windowsAt = (severity) => doc.keyPositionOf(at('alerting', severity === 'page' ? pageKey : ticketKey));
            const burnWindows = (0,burn_rate/* slothWindows */.aq)(periodSeconds)
                .filter((w) => enabled[w.severity])
                .map((w) => ({ ...w, source: 'default', position: 'alerting' in entry ? windowsAt(w.severity) : doc.keyPositionOf(at()) }));
            const slo = {
                key: `${context.file}#${doc.index}#${service ?? ''}-${name}`,
                name,
                service,
                format: 'sloth',
                file: context.file,
                position: doc.positionOf(at()),
                target: (0,units/* parseTarget */.hu)(entry.objective, 'percent'),
                targetPosition: doc.positionOf(at('objective')),
                periodSeconds,
                periodKind: 'rolling',
                indicator: {
                    type: 'ratio',
                    declaredType,
                    errorQuery,
                    totalQuery,
                    errorRatioQuery,
                    metrics: (0,formats_sli/* queryMetrics */.QZ)([errorQuery, totalQuery, errorRatioQuery]),
                    position: doc.positionOf(at('sli')),
                },
                burnWindows,
                declaredBudget: {},
                declaresBurnAlerting: burnWindows.length > 0,
                alertingDisabled: !enabled.page && !enabled.ticket,
                dashboardRefs: [],
                baseDir: (0,formats_sli/* dirOf */.Rw)(context.file),
                labels: { ...commonLabels, ...(0,values/* stringMap */.Qi)(entry.labels) },
                alertLabels: {
                    page: { labels: { ...(0,values/* stringMap */.Qi)(alerting.labels), ...(0,values/* stringMap */.Qi)((0,values/* record */.g1)(page).labels) }, annotations: { ...(0,values/* stringMap */.Qi)(alerting.annotations), ...(0,values/* stringMap */.Qi)((0,values/* record */.g1)(page).annotations) } },
                    ticket: { labels: { ...(0,values/* stringMap */.Qi)(alerting.labels), ...(0,values/* stringMap */.Qi)((0,values/* record */.g1)(ticket).labels) }, annotations: { ...(0,values/* stringMap */.Qi)(alerting.annotations), ...(0,values/* stringMap */.Qi)((0,values/* record */.g1)(ticket).annotations) } },
                },
            };
            context.addSlo(slo);
        });
    },
};
/**
 * Sloth AlertWindows: each tier states the share of the budget a window may spend; the factor
 * follows as share × period / long window. They apply to Sloth specs at or below their folder
 * whose period is the one the file names (Sloth picks windows by period).
 */
const slothAlertWindows = {
    kind: 'sloth-windows',
    recognise: (value) => (0,values/* isRecord */.u4)(value) && value.apiVersion === 'sloth.slok.dev/v1' && value.kind === 'AlertWindows',
    normalise(doc, context) {
        const spec = (0,values/* record */.g1)((0,values/* record */.g1)(doc.value).spec);
        const periodSeconds = (0,units/* parseDuration */.E9)(spec.sloPeriod);
        if (periodSeconds === undefined)
            return; // policy/schema says why
        const windows = [];
        for (const severity of ['page', 'ticket']) {
            for (const speed of ['quick', 'slow']) {
                const tier = (0,values/* record */.g1)((0,values/* record */.g1)(spec[severity])[speed]);
                const share = (0,values/* number */.ai)(tier.errorBudgetPercent);
                const longSeconds = (0,units/* parseDuration */.E9)(tier.longWindow);
                const shortSeconds = (0,units/* parseDuration */.E9)(tier.shortWindow);
                if (share === undefined || !longSeconds || !shortSeconds)
                    continue;
                windows.push({ longSeconds, shortSeconds, factor: ((share / 100) * periodSeconds) / longSeconds, severity });
            }
        }
        context.keep({ dir: (0,formats_sli/* dirOf */.Rw)(context.file), periodSeconds, windows });
    },
    finalise(kept, { model }) {
        const sets = [...kept].sort((a, b) => b.dir.length - a.dir.length); // nearest folder first
        model.slos.forEach((slo, index) => {
            if (slo.format !== 'sloth')
                return;
            const set = sets.find((s) => s.periodSeconds === slo.periodSeconds && (s.dir === '' || slo.file.startsWith(`${s.dir}/`)));
            if (!set)
                return;
            const enabled = new Set(slo.burnWindows.map((w) => w.severity));
            const position = slo.burnWindows[0]?.position;
            // A new SLO, not an edited one: the file's SLO may be shared with another model (a pull
            // request's base takes the head's outcome of an unchanged file, whose windows file may differ).
            model.slos[index] = { ...slo, burnWindows: set.windows.filter((w) => enabled.has(w.severity)).map((w) => ({ ...w, source: 'policy', position })) };
        });
    },
};

;// CONCATENATED MODULE: ./src/formats/index.ts
// Every format the product reads. Order matters only where shapes overlap: the first adapter that
// recognises a document normalises it.









const FORMAT_ADAPTERS = [
    seedPolicy,
    flatPolicy,
    sloth,
    slothAlertWindows,
    openslo,
    pyrra,
    sloGenerator,
    ruleFile,
    prometheusRule,
    lokiOperatorRule,
    grafanaDashboard,
    monitoringConfigMap,
];


/***/ }),

/***/ 26358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ withWindow),
/* harmony export */   QZ: () => (/* binding */ queryMetrics),
/* harmony export */   Rw: () => (/* binding */ dirOf)
/* harmony export */ });
/* harmony import */ var _lang_promql_analyse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43129);
// What the SLI queries of generator formats (Sloth, OpenSLO, Pyrra) read, for linking alerts and
// panels to the SLO.

// Sloth and OpenSLO-for-Sloth queries hold Go template placeholders for the rate window.
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;
/** A query with its `{{.window}}` placeholders replaced by a real range, so it parses as PromQL. */
function withWindow(query, window = '5m') {
    return query.replace(WINDOW_PLACEHOLDER, window);
}
/** Metric names the queries select, in first-seen order, without duplicates. */
function queryMetrics(queries) {
    const metrics = new Set();
    for (const query of queries) {
        if (!query)
            continue;
        for (const selector of (0,_lang_promql_analyse_js__WEBPACK_IMPORTED_MODULE_0__/* .analyseQuery */ .E8)(withWindow(query)).facts.selectors)
            if (selector.metric)
                metrics.add(selector.metric);
    }
    return [...metrics];
}
/** The directory of a root-relative file, '' for the root. */
function dirOf(file) {
    const slash = file.lastIndexOf('/');
    return slash < 0 ? '' : file.slice(0, slash);
}


/***/ }),

/***/ 41400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qi: () => (/* binding */ stringMap),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   g1: () => (/* binding */ record),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
// Small readers for untyped parsed data. Adapters use them so a wrong type is skipped, never thrown.
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function record(value) {
    return isRecord(value) ? value : {};
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
/** The model keeps what this returns: a string of its own, not a view into its file's text (see detached). */
function text(value) {
    return typeof value === 'string' ? detached(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
// The YAML parser's strings are slices of the file's text, and V8 keeps the whole text alive for
// as long as any slice of it lives: a model holding one rule name per file held every file. The
// concatenation is flattened into a new string when sliced, so the copy refers to nothing else.
function detached(value) {
    return value.length < 13 ? value : ` ${value}`.slice(1);
}
function number(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    return undefined;
}
/** String-valued entries of a map (labels, annotations); other values are left out. */
function stringMap(value) {
    const out = {};
    for (const [key, entry] of Object.entries(record(value))) {
        const asText = text(entry);
        if (asText !== undefined)
            out[key] = asText;
    }
    return out;
}


/***/ }),

/***/ 43129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E8: () => (/* binding */ analyseQuery),
  cs: () => (/* binding */ shareAnalysis)
});

// UNUSED EXPORTS: emptyFacts

// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 1 modules
var index_es = __webpack_require__(89266);
;// CONCATENATED MODULE: ./src/lang/promql/lexer.ts
// A small re-implementation of the behaviour of Prometheus' PromQL lexer (promql/parser/lex.go,
// Prometheus 3.14), used only when the lezer grammar reports a syntax error: the lezer tree
// says *where* parsing failed but not *why*, and promtool's wording comes from this lexer
// ("unclosed left parenthesis", "unterminated quoted string", "bad number or duration syntax")
// or from describing the unexpected token ("unexpected identifier \"bar\"").
// Also: Go-compatible unquoting of PromQL string literals, used on every query.
const OPERATOR_WORDS = new Set(['and', 'or', 'unless', 'atan2']);
const AGGREGATOR_WORDS = new Set(['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'count_values', 'quantile', 'limitk', 'limit_ratio']);
const KEYWORD_WORDS = new Set(['offset', 'smoothed', 'anchored', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'fill', 'fill_left', 'fill_right', 'bool']);
const PREPROCESSOR_WORDS = new Set(['start', 'end', 'step', 'range', 'max_of', 'min_of']);
const DURATION_KEYWORDS = new Set(['step', 'range', 'max_of', 'min_of']);
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c) => c !== undefined && (c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c) => isAlpha(c) || isDigit(c);
/** Go's %q of a single rune: '$'. */
function goQuoteRune(c) {
    if (c === undefined)
        return "'\\ufffd'";
    if (c === "'")
        return "'\\''";
    if (c === '\\')
        return "'\\\\'";
    return `'${escapeForGo(c, "'")}'`;
}
/** Go's %q of a string: "a\"b". */
function goQuote(s) {
    return `"${escapeForGo(s, '"')}"`;
}
function escapeForGo(s, quote) {
    let out = '';
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        if (ch === quote || ch === '\\')
            out += '\\' + ch;
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\t')
            out += '\\t';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\x07')
            out += '\\a';
        else if (ch === '\b')
            out += '\\b';
        else if (ch === '\f')
            out += '\\f';
        else if (ch === '\v')
            out += '\\v';
        else if (cp < 0x20 || cp === 0x7f)
            out += '\\x' + cp.toString(16).padStart(2, '0');
        else
            out += ch;
    }
    return out;
}
/** Go's %#U: U+0064 'd'. */
function goUnicode(c) {
    const cp = c.codePointAt(0);
    const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
    return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) ? `${hex} '${c}'` : hex;
}
/** The description Prometheus gives a token in "unexpected …" messages. */
function describeToken(tok, text) {
    const val = text.slice(tok.start, tok.end);
    switch (tok.kind) {
        case 'EOF':
            return 'end of input';
        case 'ERROR':
            return tok.text;
        case 'OP':
            return `<op:${val}>`;
        case 'AGGR':
            return `<aggr:${val}>`;
        case 'KEYWORD':
            return `<${val}>`;
        case 'PUNCT':
        case 'PREPROCESSOR':
            return goQuote(val);
        case 'IDENTIFIER':
            return `identifier ${goQuote(val)}`;
        case 'METRIC_IDENTIFIER':
            return `metric identifier ${goQuote(val)}`;
        default: {
            const label = tok.kind === 'STRING' ? 'string' : tok.kind === 'NUMBER' ? 'number' : tok.kind === 'DURATION' ? 'duration' : 'comment';
            const chars = [...val];
            return `${label} ${chars.length > 10 ? goQuote(chars.slice(0, 10).join('')) + '...' : goQuote(val)}`;
        }
    }
}
/** Tokenises `text` the way Prometheus does, stopping at the first lexer error. */
function lexPromQL(text) {
    const tokens = [];
    const n = text.length;
    let pos = 0;
    let state = 'statements';
    let parenDepth = 0;
    let braceOpen = false;
    let bracketOpen = false;
    let gotColon = false;
    let gotDuration = false;
    const emit = (kind, start, end) => tokens.push({ kind, start, end, text: '' });
    const fail = (start, message, end = Math.min(n, start + 1)) => {
        tokens.push({ kind: 'ERROR', start, end: n, text: message });
        return { tokens, error: { start, end, message } };
    };
    /** Scans a number (decimal, hex, float, with underscores) at `start`; returns end or -1 plus the position reached. */
    const scanNumber = (start) => {
        let p = start;
        let digits = '0123456789';
        if (text[p] === '0' && (text[p + 1] === 'x' || text[p + 1] === 'X')) {
            p += 2;
            if (text[p] === '_')
                p++;
            digits = '0123456789abcdefABCDEF';
        }
        const isIn = (set, c) => c !== undefined && set.includes(c);
        if (text[p] === '.')
            p++;
        if (isIn(digits, text[p]))
            p++;
        let dot = false;
        let exp = false;
        while (isIn(digits + '._eE', text[p])) {
            const c = text[p];
            if (c === '.') {
                if (dot)
                    return { ok: false, pos: p + 1 };
                dot = true;
                p++;
                if (isIn('_.', text[p]))
                    return { ok: false, pos: p + 1 };
                if (digits.length > 10)
                    return { ok: false, pos: p };
                continue;
            }
            if ((c === 'e' || c === 'E') && digits.length === 10) {
                if (exp)
                    return { ok: false, pos: p + 1 };
                exp = true;
                p++;
                if (text[p] === '+' || text[p] === '-')
                    p++;
                if (isIn('._eE', text[p]))
                    return { ok: false, pos: p + 1 };
                if (p >= n)
                    return { ok: false, pos: p };
                continue;
            }
            if (c === '_') {
                p++;
                if (isIn('._eE', text[p]))
                    return { ok: false, pos: p + 1 };
                if (p >= n)
                    return { ok: false, pos: p };
                continue;
            }
            while (isIn(digits, text[p]))
                p++;
        }
        if (p === start)
            return { ok: false, pos: p };
        return { ok: !isAlnum(text[p]), pos: p };
    };
    /** Continues a duration after scanNumber stopped at `p`; returns the end, or where Go's lexer stopped. */
    const scanDurationRest = (p) => {
        if (!'smhdwy'.includes(text[p] ?? '#'))
            return { ok: false, pos: p };
        p++;
        if (text[p] === 's')
            p++;
        while (isDigit(text[p])) {
            while (isDigit(text[p]))
                p++;
            if (!'smhdw'.includes(text[p] ?? '#'))
                return { ok: false, pos: p };
            p++;
            if (text[p] === 's')
                p++;
        }
        if (isAlnum(text[p]))
            return { ok: false, pos: p + 1 };
        return { ok: true, pos: p };
    };
    const numberOrDuration = (start) => {
        const num = scanNumber(start);
        if (num.ok) {
            emit('NUMBER', start, num.pos);
            pos = num.pos;
            return undefined;
        }
        const dur = scanDurationRest(num.pos);
        if (dur.ok) {
            emit('DURATION', start, dur.pos);
            pos = dur.pos;
            return undefined;
        }
        return fail(start, `bad number or duration syntax: ${goQuote(text.slice(start, dur.pos))}`, Math.max(start + 1, dur.pos));
    };
    /** A quoted string starting at `start` (the quote). */
    const quoted = (start) => {
        const q = text[start];
        let p = start + 1;
        for (;;) {
            const c = text[p];
            if (c === undefined || c === '\n')
                return fail(start, 'unterminated quoted string', p);
            if (c === q) {
                emit('STRING', start, p + 1);
                pos = p + 1;
                return undefined;
            }
            if (c === '\\') {
                const r = decodeEscape(text, p, q);
                if ('message' in r)
                    return fail(start, r.message, Math.min(n, p + 2));
                p = r.end;
                continue;
            }
            p += c.length;
        }
    };
    const raw = (start) => {
        const end = text.indexOf('`', start + 1);
        if (end < 0)
            return fail(start, 'unterminated raw string', n);
        emit('STRING', start, end + 1);
        pos = end + 1;
        return undefined;
    };
    const comment = (start) => {
        let p = start;
        while (p < n && text[p] !== '\n' && text[p] !== '\r')
            p++;
        emit('COMMENT', start, p);
        pos = p;
    };
    const durationKeyword = (start) => {
        let p = start;
        while (isAlpha(text[p]))
            p++;
        if (DURATION_KEYWORDS.has(text.slice(start, p).toLowerCase())) {
            emit('PREPROCESSOR', start, p);
            pos = p;
            return true;
        }
        return false;
    };
    for (;;) {
        const start = pos;
        const c = text[pos];
        if (state === 'braces') {
            if (c === '#') {
                comment(start);
                continue;
            }
            if (c === undefined)
                return fail(start, 'unexpected end of input inside braces', start);
            pos++;
            if (isSpace(c))
                continue;
            if (isAlpha(c)) {
                while (isAlnum(text[pos]))
                    pos++;
                emit('IDENTIFIER', start, pos);
                continue;
            }
            if (c === ',')
                emit('PUNCT', start, pos);
            else if (c === '"' || c === "'") {
                const r = quoted(start);
                if (r)
                    return r;
            }
            else if (c === '`') {
                const r = raw(start);
                if (r)
                    return r;
            }
            else if (c === '=') {
                if (text[pos] === '~')
                    pos++;
                emit(pos - start === 2 ? 'OP' : 'PUNCT', start, pos);
            }
            else if (c === '!') {
                const d = text[pos];
                if (d !== '~' && d !== '=')
                    return fail(start, `unexpected character after '!' inside braces: ${goQuoteRune(d)}`);
                pos++;
                emit('OP', start, pos);
            }
            else if (c === '{')
                return fail(start, `unexpected left brace ${goQuoteRune(c)}`);
            else if (c === '}') {
                emit('PUNCT', start, pos);
                braceOpen = false;
                state = 'statements';
            }
            else
                return fail(start, `unexpected character inside braces: ${goQuoteRune(c)}`);
            continue;
        }
        if (state === 'duration') {
            if (c === undefined)
                return fail(start, 'unexpected end of input in duration expression', start);
            pos++;
            if (c === ']') {
                emit('PUNCT', start, pos);
                bracketOpen = false;
                gotColon = false;
                state = 'statements';
            }
            else if (c === ':') {
                if (!gotDuration)
                    return fail(start, 'unexpected colon before duration in duration expression');
                if (gotColon)
                    return fail(start, 'unexpected repeated colon in duration expression');
                emit('PUNCT', start, pos);
                gotColon = true;
            }
            else if (c === '(') {
                emit('PUNCT', start, pos);
                parenDepth++;
            }
            else if (c === ')') {
                parenDepth--;
                if (parenDepth < 0)
                    return fail(start, `unexpected right parenthesis ${goQuoteRune(c)}`);
                emit('PUNCT', start, pos);
            }
            else if (isSpace(c)) {
                while (isSpace(text[pos]))
                    pos++;
            }
            else if ('+-*/%^'.includes(c))
                emit('OP', start, pos);
            else if (c === ',')
                emit('PUNCT', start, pos);
            else if ('srmSRM'.includes(c)) {
                if (!durationKeyword(start))
                    return fail(start, `unexpected character in duration expression: ${goQuoteRune(c)}`);
            }
            else if (isDigit(c) || (c === '.' && isDigit(text[pos]))) {
                gotDuration = true;
                const r = numberOrDuration(start);
                if (r)
                    return r;
                state = 'statements';
            }
            else
                return fail(start, `unexpected character in duration expression: ${goQuoteRune(c)}`);
            continue;
        }
        // statements
        if (braceOpen) {
            state = 'braces';
            continue;
        }
        if (c === '#') {
            comment(start);
            continue;
        }
        if (c === undefined) {
            if (parenDepth !== 0)
                return fail(start, 'unclosed left parenthesis', start);
            if (bracketOpen)
                return fail(start, 'unclosed left bracket', start);
            tokens.push({ kind: 'EOF', start: n, end: n, text: '' });
            return { tokens };
        }
        pos++;
        if (isSpace(c)) {
            while (isSpace(text[pos]))
                pos++;
            continue;
        }
        switch (c) {
            case ',':
                emit('PUNCT', start, pos);
                continue;
            case '*':
            case '/':
            case '%':
            case '+':
            case '-':
            case '^':
            case '@':
                emit('OP', start, pos);
                continue;
            case '=':
                if (text[pos] === '=') {
                    pos++;
                    emit('OP', start, pos);
                }
                else if (text[pos] === '~')
                    return fail(start, `unexpected character after '=': ${goQuoteRune('~')}`);
                else
                    emit('PUNCT', start, pos);
                continue;
            case '!':
                if (text[pos] !== '=')
                    return fail(start, `unexpected character after '!': ${goQuoteRune(text[pos])}`);
                pos++;
                emit('OP', start, pos);
                continue;
            case '<':
            case '>':
                if (text[pos] === '=' || text[pos] === '/')
                    pos++;
                emit('OP', start, pos);
                continue;
            case '"':
            case "'": {
                const r = quoted(start);
                if (r)
                    return r;
                continue;
            }
            case '`': {
                const r = raw(start);
                if (r)
                    return r;
                continue;
            }
            case '(':
                emit('PUNCT', start, pos);
                parenDepth++;
                continue;
            case ')':
                parenDepth--;
                if (parenDepth < 0)
                    return fail(start, `unexpected right parenthesis ${goQuoteRune(c)}`);
                emit('PUNCT', start, pos);
                continue;
            case '{':
                emit('PUNCT', start, pos);
                braceOpen = true;
                state = 'braces';
                continue;
            case '[':
                if (bracketOpen)
                    return fail(start, `unexpected left bracket ${goQuoteRune(c)}`);
                gotColon = false;
                gotDuration = false;
                emit('PUNCT', start, pos);
                while (isSpace(text[pos]))
                    pos++;
                bracketOpen = true;
                state = 'duration';
                continue;
            case ']':
                if (!bracketOpen)
                    return fail(start, `unexpected right bracket ${goQuoteRune(c)}`);
                emit('PUNCT', start, pos);
                bracketOpen = false;
                continue;
        }
        if (isDigit(c) || (c === '.' && isDigit(text[pos]))) {
            const r = numberOrDuration(start);
            if (r)
                return r;
            continue;
        }
        if (isAlpha(c) || c === ':') {
            if (!bracketOpen) {
                while (isAlnum(text[pos]) || text[pos] === ':')
                    pos++;
                const word = text.slice(start, pos);
                const lower = word.toLowerCase();
                let kind;
                if (lower === 'inf' || lower === 'nan')
                    kind = 'NUMBER';
                else if (OPERATOR_WORDS.has(lower))
                    kind = 'OP';
                else if (AGGREGATOR_WORDS.has(lower))
                    kind = 'AGGR';
                else if (KEYWORD_WORDS.has(lower)) {
                    kind = 'KEYWORD';
                    if (lower.startsWith('fill')) {
                        let p = pos;
                        while (isSpace(text[p]))
                            p++;
                        if (text[p] !== '(')
                            kind = 'IDENTIFIER';
                    }
                }
                else if (PREPROCESSOR_WORDS.has(lower))
                    kind = 'PREPROCESSOR';
                else
                    kind = word.includes(':') ? 'METRIC_IDENTIFIER' : 'IDENTIFIER';
                emit(kind, start, pos);
                continue;
            }
            if (c === ':') {
                if (gotColon)
                    return fail(start, `unexpected colon ${goQuoteRune(c)}`);
                emit('PUNCT', start, pos);
                gotColon = true;
                continue;
            }
            if ('srmSRM'.includes(c) && durationKeyword(start))
                continue;
            return fail(start, `unexpected character: ${goQuoteRune(c)}, expected ${goQuoteRune(':')}`);
        }
        return fail(start, `unexpected character: ${goQuoteRune(c)}`);
    }
}
function digitValue(c) {
    if (c === undefined)
        return 16;
    if (c >= '0' && c <= '9')
        return c.charCodeAt(0) - 48;
    if (c >= 'a' && c <= 'f')
        return c.charCodeAt(0) - 87;
    if (c >= 'A' && c <= 'F')
        return c.charCodeAt(0) - 55;
    return 16;
}
function decodeEscape(text, p, quote) {
    const c = text[p + 1];
    switch (c) {
        case 'a':
            return { cp: 7, end: p + 2 };
        case 'b':
            return { cp: 8, end: p + 2 };
        case 'f':
            return { cp: 12, end: p + 2 };
        case 'n':
            return { cp: 10, end: p + 2 };
        case 'r':
            return { cp: 13, end: p + 2 };
        case 't':
            return { cp: 9, end: p + 2 };
        case 'v':
            return { cp: 11, end: p + 2 };
        case '\\':
            return { cp: 92, end: p + 2 };
        case undefined:
            return { message: 'escape sequence not terminated' };
    }
    if (c === quote)
        return { cp: c.charCodeAt(0), end: p + 2 };
    let n;
    let base;
    let max;
    let q = p + 1;
    if (c >= '0' && c <= '7') {
        n = 3;
        base = 8;
        max = 255;
    }
    else if (c === 'x' || c === 'u' || c === 'U') {
        q++;
        n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
        base = 16;
        max = c === 'x' ? 255 : 0x10ffff;
    }
    else {
        return { message: `unknown escape sequence ${goUnicode(String.fromCodePoint(text.codePointAt(p + 1)))}` };
    }
    let x = 0;
    for (; n > 0; n--, q++) {
        const ch = text[q];
        const d = digitValue(ch);
        if (d >= base) {
            if (ch === undefined)
                return { message: 'escape sequence not terminated' };
            return { message: `illegal character ${goUnicode(String.fromCodePoint(text.codePointAt(q)))} in escape sequence` };
        }
        x = x * base + d;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000))
        return { message: 'escape sequence is an invalid Unicode code point' };
    return { cp: x, end: q };
}
/**
 * Unquotes a PromQL string literal ("…", '…' or `…`) as Prometheus does. Returns the value, or
 * an error message (unterminated string, bad escape sequence).
 */
function unquote(literal) {
    const q = literal[0];
    if (q === '`') {
        if (literal.length < 2 || literal[literal.length - 1] !== '`')
            return { value: literal.slice(1), error: 'unterminated raw string' };
        return { value: literal.slice(1, -1) };
    }
    if (literal.length < 2 || literal[literal.length - 1] !== q || (literal[literal.length - 2] === '\\' && !evenBackslashesBefore(literal, literal.length - 1))) {
        return { value: literal.slice(1), error: 'unterminated quoted string' };
    }
    const end = literal.length - 1;
    if (!literal.includes('\\'))
        return { value: literal.slice(1, end) };
    let out = '';
    let i = 1;
    while (i < end) {
        const c = literal[i];
        if (c !== '\\') {
            out += c;
            i++;
            continue;
        }
        const r = decodeEscape(literal, i, q);
        if ('message' in r)
            return { value: out, error: r.message };
        out += String.fromCodePoint(r.cp);
        i = r.end;
    }
    return { value: out };
}
function evenBackslashesBefore(s, at) {
    let k = 0;
    for (let i = at - 1; i >= 0 && s[i] === '\\'; i--)
        k++;
    return k % 2 === 0;
}

;// CONCATENATED MODULE: ./src/lang/promql/depth.ts
// Very deep PromQL. Prometheus' yacc parser has no depth limit, and valid queries 10k parentheses
// or 50k unary minus deep load there. lezer, the grammar this analyser parses with, cuts its parse
// stack at a fixed depth (and force-reduces long left-associative chains) so that trees stay
// shallow enough to recurse through, which turns such input into bogus syntax errors.
//  - Runs of redundant grouping parentheses `((((x))))` and of unary signs `- - - - x` are
//    collapsed before parsing (blanked out, so offsets stay): both mean the same with one.
//  - Long left-associative chains (`a or b or …`, 100k terms) are parsed without lezer's cut.
//  - Anything that still reaches lezer's stack limit is reported as one clear error at the
//    place it gets too deep, never as the syntax errors a cut tree would show.


/** lezer cuts a parse stack at 8400 entries (Rec.CutDepth in @lezer/lr); a query that comes this close may have been cut. */
const NEAR_CUT_DEPTH = 8000;
/** A top-level chain with more operators than this is parsed in pieces of this many operands. */
const CHAIN_PIECE = 1000;
/** Shorter runs are left as written, so everyday queries are parsed exactly as they stand. */
const MIN_RUN = 8;
const TOO_DEEP_MESSAGE = 'expression nests too deeply for slo-gate to check (Prometheus has no such limit); split it or remove redundant nesting';
/** Parses `text` (or `range` of it); `tooDeepAt` is where it nests deeper than lezer parses (the tree is then empty). */
function parseDeep(text, range) {
    // A piece is parsed with the text before it blanked out, so that offsets stay those of `text`.
    const input = range ? ' '.repeat(range.from) + text.slice(range.from, range.to) : text;
    const parse = index_es/* parser */.K3D.startParse(input);
    for (;;) {
        // lezer force-reduces a left-associative rule after 300 big reductions from one start; a
        // chain of `or`s is not deep, so the count is cleared.
        parse.bigReductionCount = 0;
        const tree = parse.advance();
        if (tree)
            return { tree };
        // Past this depth lezer is about to cut the tree: stop here rather than parse on for nothing.
        for (const stack of parse.stacks)
            if (stack.stack.length >= NEAR_CUT_DEPTH)
                return { tree: (emptyTree ??= index_es/* parser */.K3D.parse('')), tooDeepAt: stack.pos };
    }
}
// Made the first time a query is too deep, not at every start.
let emptyTree;
/** Tokens that end an operand: after one, `-` or `and` is a binary operator. */
function endsOperand(t, text) {
    if (!t)
        return false;
    if (t.kind === 'IDENTIFIER' || t.kind === 'METRIC_IDENTIFIER' || t.kind === 'NUMBER' || t.kind === 'DURATION' || t.kind === 'STRING')
        return true;
    const c = text[t.start];
    return t.kind === 'PUNCT' && (c === ')' || c === ']' || c === '}');
}
/**
 * Where to cut a long top-level operator chain: the ranges of its pieces (each from the last
 * operand of the one before) and, for each, the operator it really starts after. Undefined when
 * the chain is short enough for one tree.
 */
function chainPieces(text) {
    if (text.length < CHAIN_PIECE * 2)
        return undefined;
    const tokens = lexPromQL(text).tokens.filter((t) => t.kind !== 'COMMENT' && t.kind !== 'EOF');
    if (tokens.some((t) => t.kind === 'ERROR'))
        return undefined;
    // Top-level binary operators, and where each operand before them starts.
    const operators = [];
    const operandStarts = [0];
    let depth = 0;
    tokens.forEach((t, i) => {
        const c = text[t.start];
        if (t.kind === 'PUNCT' && (c === '(' || c === '[' || c === '{'))
            depth++;
        else if (t.kind === 'PUNCT' && (c === ')' || c === ']' || c === '}'))
            depth--;
        else if (depth === 0 && t.kind === 'OP' && endsOperand(tokens[i - 1], text)) {
            operators.push(i);
            // The next operand starts after the operator's modifiers (bool, on(…), group_left(…)).
            let j = i + 1;
            let d = 0;
            while (j < tokens.length) {
                const u = tokens[j];
                const uc = text[u.start];
                if (d === 0 && !(u.kind === 'KEYWORD' || (uc === '(' && tokens[j - 1].kind === 'KEYWORD')))
                    break;
                if (uc === '(')
                    d++;
                else if (uc === ')')
                    d--;
                j++;
            }
            operandStarts.push(tokens[j]?.start ?? text.length);
        }
    });
    if (depth !== 0 || operators.length <= CHAIN_PIECE)
        return undefined;
    const ranges = [];
    const cuts = [];
    for (let a = 0; a < operators.length; a += CHAIN_PIECE) {
        // Operands a … b; the next piece starts again at operand b.
        const b = Math.min(a + CHAIN_PIECE, operators.length);
        ranges.push({ from: operandStarts[a], to: b < operators.length ? tokens[operators[b]].start : text.length });
        cuts.push(a === 0 ? 0 : tokens[operators[a]].start);
    }
    return { ranges, cuts };
}
/** Tokens after which `(` groups and `-`/`+` is a sign: nothing (the start), `(`, `,`, an operator. */
function opensExpression(prev, text) {
    if (!prev)
        return true;
    if (prev.kind === 'OP')
        return true;
    if (prev.kind !== 'PUNCT')
        return false;
    const c = text[prev.start];
    return c === '(' || c === ',';
}
/**
 * Whether `text` has at least MIN_RUN `(` or MIN_RUN signs (`+`/`-`) as characters: a run needs
 * that many tokens of one kind, so a query with fewer of both is left as written without lexing
 * it (almost every query; lexing them all was a tenth of a cold run's query analysis).
 */
function mayHoldRun(text) {
    let parens = 0;
    let signs = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 40 /* ( */ && ++parens >= MIN_RUN)
            return true;
        if ((c === 43 /* + */ || c === 45) /* - */ && ++signs >= MIN_RUN)
            return true;
    }
    return false;
}
/**
 * `text` with long runs of redundant grouping parentheses and of unary signs blanked out (the
 * outermost pair and one sign of the run's net sign stay), offsets unchanged; `text` itself when
 * there is no such run.
 */
function collapseDeepRuns(text) {
    if (text.length < MIN_RUN * 2 || !mayHoldRun(text))
        return text;
    const tokens = lexPromQL(text).tokens.filter((t) => t.kind !== 'COMMENT' && t.kind !== 'EOF' && t.kind !== 'ERROR');
    const chars = text.split('');
    let changed = false;
    // Unary signs: a run of `-`/`+` where an operand is expected is one sign.
    for (let i = 0; i < tokens.length;) {
        const isSign = (t) => t !== undefined && t.kind === 'OP' && t.end - t.start === 1 && (text[t.start] === '-' || text[t.start] === '+');
        if (!isSign(tokens[i]) || !opensExpression(tokens[i - 1], text)) {
            i++;
            continue;
        }
        let j = i;
        let negative = false;
        while (isSign(tokens[j]))
            negative = negative !== (text[tokens[j++].start] === '-');
        if (j - i >= MIN_RUN) {
            chars[tokens[i].start] = negative ? '-' : '+';
            for (let k = i + 1; k < j; k++)
                chars[tokens[k].start] = ' ';
            changed = true;
        }
        i = j;
    }
    // Grouping parentheses directly inside grouping parentheses: `((E))` means `(E)`.
    const partner = new Map();
    const open = [];
    tokens.forEach((t, i) => {
        const c = text[t.start];
        if (t.kind !== 'PUNCT')
            return;
        if (c === '(' || c === '[' || c === '{')
            open.push(i);
        else if (c === ')' || c === ']' || c === '}') {
            const o = open.pop();
            if (o !== undefined && text[tokens[o].start] === (c === ')' ? '(' : c === ']' ? '[' : '{'))
                partner.set(o, i);
        }
    });
    const grouping = (i) => text[tokens[i].start] === '(' && partner.has(i) && opensExpression(tokens[i - 1], text);
    // A pair directly inside another: its `(` follows the outer `(` and its `)` precedes the outer `)`.
    const inner = (i) => grouping(i + 1) && partner.get(i + 1) === partner.get(i) - 1;
    for (let i = 0; i < tokens.length; i++) {
        if (!grouping(i) || (i > 0 && grouping(i - 1) && inner(i - 1)))
            continue; // not the outermost of a run
        let depth = 0;
        for (let k = i; inner(k); k++)
            depth++;
        if (depth + 1 < MIN_RUN)
            continue;
        for (let k = i + 1; k <= i + depth; k++) {
            chars[tokens[k].start] = ' ';
            chars[tokens[partner.get(k)].start] = ' ';
        }
        changed = true;
    }
    return changed ? chars.join('') : text;
}

// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(18766);
// EXTERNAL MODULE: ./src/lang/promql/functions.ts
var functions = __webpack_require__(22463);
;// CONCATENATED MODULE: ./src/lang/promql/numbers.ts
// PromQL number and duration literals, read as Go's strconv and Prometheus' duration parser read them.

/** Rounds away binary floating-point noise from folded constants: 1 - 0.999 → 0.001. */
function tidy(x) {
    return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x;
}
/** What Go's strconv.ParseInt(s, 0, 64) / ParseFloat accept among the PromQL lexer's NUMBER tokens. */
const GO_NUMBER_RE = /^(?:[iI][nN][fF]|[nN][aA][nN]|0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?)$/;
/** A PromQL number or duration literal (no sign) as a number of seconds / a float. NaN when it does not parse. */
function parseNumberLiteral(s) {
    const c = s.charCodeAt(s.length - 1);
    if ((c >= 48 && c <= 57) || s.includes('.') || /^0[xX]/.test(s)) {
        // Plain number.
        if (/^0[xX]/.test(s))
            return parseInt(s.slice(2).replace(/_/g, ''), 16);
        const t = s.replace(/_/g, '');
        if (/^0[0-7]+$/.test(t))
            return parseInt(t, 8);
        return t === '' ? NaN : Number(t);
    }
    const lower = s.toLowerCase();
    if (lower === 'inf' || lower === '+inf')
        return Infinity;
    if (lower === 'nan')
        return NaN;
    const seconds = (0,units/* parsePromDuration */.Ig)(s);
    return seconds === undefined ? Number(s) : tidy(seconds);
}
/** Go's %f, as Prometheus prints a timestamp in an error. */
function goFloat(x) {
    if (Number.isNaN(x))
        return 'NaN';
    if (x === Infinity)
        return '+Inf';
    if (x === -Infinity)
        return '-Inf';
    return x.toFixed(6);
}

;// CONCATENATED MODULE: ./src/lang/promql/errors.ts
// Error wording and order: lezer's error nodes become the messages Prometheus' yacc parser gives
// ("unexpected <token> in <context>"), and all errors come out in the order Prometheus notices them.
// Like Prometheus, type errors are reported only when there is no parse error, because they
// would mostly be echoes of it.





const MATCHER_IDS = new Set([index_es/* UnquotedLabelMatcher */.Yq$, index_es/* QuotedLabelMatcher */.d2V, index_es/* QuotedLabelName */.c6b]);
function onlySpaceBetween(text, from, to) {
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13)
            return false;
    }
    return true;
}
function tokenAt(lex, offset) {
    for (const t of lex.tokens) {
        if (t.kind === 'COMMENT')
            continue;
        if (t.end > offset || t.kind === 'EOF' || t.kind === 'ERROR')
            return t;
    }
    return { kind: 'EOF', start: offset, end: offset, text: '' };
}
function contextFor(rec, text, at) {
    switch (rec.parent) {
        case index_es/* GroupingLabels */.x$3: {
            if (text[rec.parentFrom] !== '(')
                return ' in grouping opts, expected "("';
            let i = at - 1;
            while (i >= 0 && ' \t\r\n'.includes(text[i]))
                i--;
            return text[i] === ',' || text[i] === '(' ? ' in grouping opts, expected label' : ' in grouping opts, expected "," or ")"';
        }
        case index_es/* AggregateModifier */.hIJ:
        case index_es/* MatchingModifierClause */.Ueo:
            if (rec.prev === index_es.By || rec.prev === index_es/* Without */.xBu || rec.prev === index_es.On || rec.prev === index_es/* Ignoring */.OUF)
                return ' in grouping opts, expected "("';
            break;
        case index_es/* MatchOp */.Lfz:
            return ' in label matching, expected label matching operator';
        case index_es/* LabelMatchers */.ww1:
            if (text[rec.parentFrom] !== '{')
                return '';
            return MATCHER_IDS.has(rec.prev) ? ' in label matching, expected "," or "}"' : ' in label matching, expected identifier or "}"';
        case index_es/* UnquotedLabelMatcher */.Yq$:
        case index_es/* QuotedLabelMatcher */.d2V:
            return rec.prev === index_es/* MatchOp */.Lfz ? ' in label matching, expected string' : ' in label matching, expected label matching operator';
        case index_es/* AggregateExpr */.Fn8:
            // After `by (…)` Prometheus is inside the aggregation; after a bare `by` it wants the labels.
            if (rec.prev === index_es/* AggregateModifier */.hIJ)
                return text[rec.prevTo - 1] === ')' ? ' in aggregation' : ' in grouping opts, expected "("';
            break;
        case index_es/* OffsetDurationExpr */.Htd:
            return ' in offset, expected number, duration, step(), or range()';
        case index_es/* OffsetExpr */.bXI:
            if (rec.prev === index_es/* Offset */.Mmj)
                return ' in offset, expected number, duration, step(), or range()';
            break;
        case index_es/* StepInvariantExpr */.mL$:
            if (rec.prev === index_es.At)
                return ' in @, expected timestamp';
            break;
        case index_es/* MatrixSelector */.l4:
        case index_es/* SubqueryExpr */.aeI:
            if (rec.durations === 0)
                return ' in subquery or range selector, expected number, duration, step(), or range()';
            if (rec.durations === 1 && rec.parent === index_es/* MatrixSelector */.l4)
                return ' in subquery or range, expected ":" or "]"';
            if (rec.durations === 1)
                return ' in subquery selector, expected number, duration, step(), range(), or "]"';
            return ' in subquery selector, expected "]"';
    }
    // Right after `sum`/`topk`…, Prometheus has not yet entered that aggregation: only an enclosing one counts.
    let depth = rec.aggDepth;
    if (rec.parent !== index_es/* AggregateExpr */.Fn8) {
        let i = at - 1;
        while (i >= 0 && ' \t\r\n'.includes(text[i]))
            i--;
        let j = i;
        while (j >= 0 && /[A-Za-z_]/.test(text[j]))
            j--;
        if (j < i && functions/* AGGREGATIONS */.uZ.has(text.slice(j + 1, i + 1).toLowerCase()))
            depth--;
    }
    return depth > 0 ? ' in aggregation' : '';
}
/** Turns the grammar's error nodes into Prometheus-style messages. */
function syntaxErrors(text, records) {
    records.sort((a, b) => a.from - b.from || a.to - b.to);
    // Runs of adjacent error nodes are one error (lezer marks each skipped token).
    const runs = [];
    for (const r of records) {
        const last = runs[runs.length - 1];
        // Also one error: a token lezer pretends to insert later in the node it is recovering.
        const sameNode = last !== undefined && r.from === r.to && last.first.parentFrom === r.parentFrom && last.first.parentTo === r.parentTo;
        if (last && (r.from <= last.to || sameNode || onlySpaceBetween(text, last.to, r.from))) {
            if (!sameNode)
                last.to = Math.max(last.to, r.to);
        }
        else
            runs.push({ from: r.from, to: r.to, first: r });
    }
    const lex = lexPromQL(text);
    if (!lex.tokens.some((t) => t.kind !== 'COMMENT' && t.kind !== 'EOF' && t.kind !== 'ERROR')) {
        if (!lex.error)
            return [{ from: 0, to: 0, message: 'no expression found in input', key: 0 }];
    }
    const errors = [];
    const lexErr = lex.error;
    let lexerErrorUsed = false;
    for (const run of runs) {
        if (lexErr && lexErr.start <= run.from) {
            // Prometheus' lexer stops before the token the grammar complains about.
            errors.push({ from: lexErr.start, to: lexErr.end, message: lexErr.message, key: lexErr.start });
            lexerErrorUsed = true;
            break; // what follows is the consequence
        }
        const rec = run.first;
        // An unknown function: `foo(` parses as the selector `foo` followed by junk.
        if (rec.parent === index_es/* VectorSelector */.FbG && rec.prev === index_es/* Identifier */.gwJ && text[run.from] === '(' && !functions/* AGGREGATIONS */.uZ.has(text.slice(rec.prevFrom, rec.prevTo).toLowerCase())) {
            const name = text.slice(rec.prevFrom, rec.prevTo);
            const fn = functions/* FUNCTIONS */.AW.get(name);
            const message = fn ? `function ${goQuote(name)} is not enabled` : `unknown function with name ${goQuote(name)}`;
            errors.push({ from: rec.prevFrom, to: rec.prevTo, message, key: run.to });
            continue;
        }
        // A trailing comma in call arguments.
        if (rec.parent === index_es/* FunctionCallBody */.Dh7) {
            let i = run.from - 1;
            while (i >= 0 && ' \t\r\n'.includes(text[i]))
                i--;
            if (text[i] === ',') {
                errors.push({ from: i, to: i + 1, message: 'trailing commas not allowed in function call args', key: i });
                continue;
            }
        }
        const tok = tokenAt(lex, run.from);
        if (tok.kind === 'NUMBER' && !GO_NUMBER_RE.test(text.slice(tok.start, tok.end))) {
            const n = text.slice(tok.start, tok.end);
            errors.push({ from: tok.start, to: tok.end, message: `error parsing number: strconv.ParseFloat: parsing ${goQuote(n)}: invalid syntax`, key: tok.start });
            continue;
        }
        if (tok.kind === 'DURATION') {
            const d = text.slice(tok.start, tok.end);
            if ((0,units/* parsePromDuration */.Ig)(d) === undefined) {
                errors.push({ from: tok.start, to: tok.end, message: `not a valid duration string: ${goQuote(d)}`, key: tok.start });
                continue;
            }
        }
        let from = run.from;
        let to = run.to;
        if (from === to && tok.kind !== 'EOF' && tok.kind !== 'ERROR') {
            from = tok.start;
            to = tok.end;
        }
        errors.push({ from, to, message: `unexpected ${describeToken(tok, text)}${contextFor(rec, text, run.from)}`, key: from });
    }
    if (lexErr && !lexerErrorUsed) {
        errors.push({ from: lexErr.start, to: lexErr.end, message: lexErr.message, key: lexErr.start });
    }
    return errors;
}
/** The errors of one query as Prometheus reports them: parse errors in the order it meets them, else type errors. */
function reportedErrors(text, walker) {
    let errors;
    if (walker.errorNodes.length > 0 || walker.parseErrors.length > 0) {
        // Prometheus notices a construct's error when it reads the construct's last token.
        const keyed = walker.parseErrors.map((e, i) => ({ ...e, key: Math.max(e.from, walker.parseErrorMeta[i].end - 1) }));
        if (walker.errorNodes.length > 0) {
            const syntax = syntaxErrors(text, walker.errorNodes);
            // Parse-time errors of a construct that holds a grammar error are mostly echoes of it (`sum(`).
            const nodes = walker.errorNodes;
            const semantic = keyed.filter((e, i) => {
                const { end, sticky } = walker.parseErrorMeta[i];
                if (syntax.some((x) => x.from === e.from))
                    return false; // the same problem, seen twice
                return sticky || !nodes.some((r) => r.from >= e.from && r.parentFrom >= e.from && r.parentTo <= end);
            });
            keyed.length = 0;
            keyed.push(...syntax, ...semantic);
        }
        // In the order Prometheus notices them: syntax errors where they occur, others at the end of their construct.
        keyed.sort((a, b) => a.key - b.key);
        errors = [];
        for (const { from, to, message } of keyed) {
            if (!errors.some((e) => e.from === from && e.to === to && e.message === message))
                errors.push({ from, to, message });
        }
    }
    else {
        errors = walker.typeErrors;
    }
    return errors;
}

;// CONCATENATED MODULE: ./src/lang/promql/types.ts
// The public shape of a PromQL analysis: errors with offsets, the facts later checks read, and
// the Prometheus feature flags that change what the parser accepts.
function emptyFacts() {
    return { selectors: [], comparisons: [], aggregations: [], functions: [], numbers: [], budgets: [], histogramQuantiles: [] };
}

;// CONCATENATED MODULE: ./src/lang/promql/facts.ts
// The facts checks read that need more than the tree: constants folded through operators, error
// budgets (`1 - 0.999`), scaled thresholds (`* 1000 > 50`), and whether `le` survives an
// aggregation (for histogram_quantile). They serve SLO checks, but stay with the language: they
// come from the same single walk, and a walk of their own would parse every query twice.


const PARAMLESS_KEEP_LABELS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);
/**
 * Folds `lhs op rhs` into `ex` (value, budget, scale, ratio). Budgets the operation states are
 * appended to `budgets`.
 */
function foldBinary(ex, opId, comparison, bool, lhs, rhs, budgets) {
    const a = lhs.v;
    const b = rhs.v;
    if (a !== undefined && b !== undefined) {
        let v;
        switch (opId) {
            case index_es/* Add */.OMN:
                v = a + b;
                break;
            case index_es/* Sub */.PbM:
                v = a - b;
                break;
            case index_es/* Mul */.luP:
                v = a * b;
                break;
            case index_es/* Div */.iau:
                v = a / b;
                break;
            case index_es/* Mod */.BLA:
                v = a % b;
                break;
            case index_es/* Pow */.pyJ:
                v = a ** b;
                break;
            case index_es/* Atan2 */.lxb:
                v = Math.atan2(a, b);
                break;
            default:
                if (comparison && bool) {
                    const cmp = comparison;
                    const r = cmp === '==' ? a === b : cmp === '!=' ? a !== b : cmp === '>' ? a > b : cmp === '<' ? a < b : cmp === '>=' ? a >= b : a <= b;
                    v = r ? 1 : 0;
                }
        }
        if (v !== undefined)
            ex.v = tidy(v);
        // An error budget written as 1 - objective.
        if (opId === index_es/* Sub */.PbM && a === 1 && b > 0 && b < 1 && ex.v !== undefined) {
            ex.budget = true;
            budgets.push(ex.v);
        }
    }
    else if (a === undefined && b !== undefined) {
        if (opId === index_es/* Mul */.luP)
            ex.scale = { n: b, op: '*' };
        else if (opId === index_es/* Div */.iau) {
            ex.scale = { n: b, op: '/' };
            // A literal budget dividing a ratio: errors / total / 0.001.
            if (b > 0 && b < 1 && !rhs.budget && lhs.ratio)
                budgets.push(b);
        }
    }
    else if (a !== undefined && b === undefined && opId === index_es/* Mul */.luP) {
        ex.scale = { n: a, op: '*' };
    }
    if (opId === index_es/* Div */.iau && ex.v === undefined)
        ex.ratio = true;
}
/** A comparison, with its threshold when one side is a constant. */
function comparisonFact(op, bool, lhs, rhs, at) {
    const fact = { op, bool, from: at.from, to: at.to };
    let other;
    if (rhs.v !== undefined) {
        fact.threshold = rhs.v;
        fact.thresholdSide = 'right';
        other = lhs;
    }
    else if (lhs.v !== undefined) {
        fact.threshold = lhs.v;
        fact.thresholdSide = 'left';
        other = rhs;
    }
    if (other?.scale) {
        fact.scale = other.scale.n;
        fact.scaleOp = other.scale.op;
    }
    return fact;
}
/** Whether an aggregation's result still carries `le`. */
function aggregationKeepsLe(op, by, without, innerLe) {
    if (by)
        return by.includes('le') && innerLe;
    if (without)
        return !without.includes('le') && innerLe;
    return PARAMLESS_KEEP_LABELS.has(op) && innerLe;
}

;// CONCATENATED MODULE: ./src/lang/promql/type-check.ts
// Prometheus' type check (checkAST in promql/parser/parse.go) for operators, calls and
// aggregations, in its order and with its wording. The walk supplies what it learnt about each
// operand; these functions only decide what is wrong with it.



const SET_OPS = new Set([index_es/* And */.KDp, index_es.Or, index_es/* Unless */.TAL]);
function checkBinary(b, typeError) {
    const { lhs, rhs, opFrom, opTo, op } = b;
    const lt = lhs.t;
    const rt = rhs.t;
    if (b.bool && !b.comparison)
        typeError(opFrom, opTo, 'bool modifier can only be used on comparison operators');
    if (b.comparison && !b.bool && lt === 'scalar' && rt === 'scalar')
        typeError(opFrom, opTo, 'comparisons between scalars must use BOOL modifier');
    if (b.on) {
        for (const l1 of b.matchingLabels) {
            for (const l2 of b.include)
                if (l1 === l2)
                    typeError(opFrom, opTo, `label ${goQuote(l1)} must not occur in ON and GROUP clause at once`);
        }
    }
    if (lt !== 'scalar' && lt !== 'vector')
        typeError(lhs.from, lhs.to, 'binary expression must contain only scalar and instant vector types');
    if (rt !== 'scalar' && rt !== 'vector')
        typeError(rhs.from, rhs.to, 'binary expression must contain only scalar and instant vector types');
    const setOp = SET_OPS.has(b.opId);
    if (lt !== 'vector' || rt !== 'vector') {
        if (b.matchingLabels.length > 0)
            typeError(b.from, b.to, 'vector matching only allowed between instant vectors');
        if (b.fill)
            typeError(b.from, b.to, 'filling in missing series only allowed between instant vectors');
    }
    else if (setOp) {
        if (b.grouping) {
            typeError(b.from, b.to, `no grouping allowed for ${goQuote(op)} operation`);
            typeError(b.from, b.to, 'set operations must always be many-to-many');
        }
        if (b.fill)
            typeError(b.from, b.to, 'filling in missing series not allowed for set operators');
    }
    if ((lt === 'scalar' || rt === 'scalar') && setOp)
        typeError(b.from, b.to, `set operator ${goQuote(op)} not allowed in binary scalar expression`);
}
/**
 * A call's argument count and argument types. `marks[i]` is how many type errors there were after
 * argument i was visited, `countMark` how many before the first: each error goes where
 * Prometheus, which checks a call before descending into it, would have reported it.
 */
function checkCall(fn, call, args, countMark, marks, 
/** `info(x, y)`: whether the second argument names a metric. */
secondNamesMetric) {
    const inserts = [];
    const name = fn.name;
    const nargs = fn.args.length;
    const quotedName = goQuote(name);
    const countError = (message) => inserts.push({ at: countMark, error: { from: call.from, to: call.to, message } });
    if (fn.variadic === 0) {
        if (nargs !== args.length)
            countError(`expected ${nargs} argument(s) in call to ${quotedName}, got ${args.length}`);
    }
    else {
        const min = nargs - 1;
        if (min > args.length)
            countError(`expected at least ${min} argument(s) in call to ${quotedName}, got ${args.length}`);
        else if (fn.variadic > 0 && min + fn.variadic < args.length)
            countError(`expected at most ${min + fn.variadic} argument(s) in call to ${quotedName}, got ${args.length}`);
    }
    if (name === 'info' && args.length > 1) {
        const second = args[1];
        if (second.t !== 'vector')
            countError(`expected type instant vector in call to function ${quotedName}, got ${(0,functions/* documentedType */.ZU)(second.t)}`);
        if (second.k === 'vs' && secondNamesMetric) {
            inserts.push({ at: countMark, error: { from: second.from, to: second.to, message: 'expected label selectors only, got vector selector instead' } });
        }
        else if (second.k !== 'vs') {
            inserts.push({ at: countMark, error: { from: second.from, to: second.to, message: 'expected label selectors only' } });
        }
    }
    for (let i = 0; i < args.length; i++) {
        let idx = i;
        if (i >= nargs) {
            if (fn.variadic === 0 || nargs === 0)
                break;
            idx = nargs - 1;
        }
        const want = fn.args[idx];
        const arg = args[i];
        if (arg.t !== want) {
            inserts.push({ at: marks[i], error: { from: arg.from, to: arg.to, message: `expected type ${(0,functions/* documentedType */.ZU)(want)} in call to function ${quotedName}, got ${(0,functions/* documentedType */.ZU)(arg.t)}` } });
        }
    }
    return inserts;
}
/**
 * An aggregation's argument count (a parse error in Prometheus) and, when the count is right,
 * its argument types. Returns the argument that is aggregated, when the count allows one.
 */
function checkAggregation(op, node, args, experimentalFunctions, parseError, typeError) {
    const paramType = functions/* AGGREGATION_PARAMS */._e.get(op);
    const desired = paramType ? 2 : 1;
    let countsOk = false;
    if (args.length === 0) {
        parseError(node.from, node.to, 'no arguments for aggregate expression provided');
    }
    else if (paramType && functions/* EXPERIMENTAL_AGGREGATIONS */.xR.has(op) && !experimentalFunctions) {
        parseError(node.from, node.to, `${op}() is experimental and must be enabled with --enable-feature=promql-experimental-functions`);
    }
    else if (args.length !== desired) {
        parseError(node.from, node.to, `wrong number of arguments for aggregate expression provided, expected ${desired}, got ${args.length}`);
    }
    else {
        countsOk = true;
    }
    const inner = args[desired - 1];
    if (countsOk && inner) {
        if (inner.t !== 'vector')
            typeError(inner.from, inner.to, `expected type instant vector in aggregation expression, got ${(0,functions/* documentedType */.ZU)(inner.t)}`);
        const param = paramType ? args[0] : undefined;
        if (param && paramType && param.t !== paramType) {
            typeError(param.from, param.to, `expected type ${(0,functions/* documentedType */.ZU)(paramType)} in aggregation parameter, got ${(0,functions/* documentedType */.ZU)(param.t)}`);
        }
    }
    return inner;
}
/** `-x`: only on scalars and instant vectors. */
function checkUnary(operand, at, typeError) {
    if (operand.t !== 'scalar' && operand.t !== 'vector') {
        typeError(at.from, at.to, `unary expression only allowed on expressions of type scalar or instant vector, got ${goQuote((0,functions/* documentedType */.ZU)(operand.t))}`);
    }
}

// EXTERNAL MODULE: ./src/lang/promql/regex.ts
var regex = __webpack_require__(41473);
;// CONCATENATED MODULE: ./src/lang/promql/precedence.ts
// Prometheus' operator precedence. lezer's grammar lets postfix modifiers ([5m], offset, @) bind
// looser than binary and unary operators (`a - b offset 1h` is `(a - b) offset 1h` there),
// Prometheus the other way round; the walk flattens lezer's operator chains and rebuilds them here.

/** Prometheus' binary operator precedence (generated_parser.y), higher binds tighter. */
const PRECEDENCE = {
    [index_es.Or]: 1, [index_es/* And */.KDp]: 2, [index_es/* Unless */.TAL]: 2,
    [index_es/* Eql */.Zwf]: 3, [index_es/* Neq */.l3G]: 3, [index_es/* Gtr */.AN6]: 3, [index_es/* Lss */.Hdl]: 3, [index_es/* Gte */.H37]: 3, [index_es/* Lte */._2R]: 3, [index_es/* TrimUpper */.XuR]: 3, [index_es/* TrimLower */.Cbr]: 3,
    [index_es/* Add */.OMN]: 4, [index_es/* Sub */.PbM]: 4, [index_es/* Mul */.luP]: 5, [index_es/* Div */.iau]: 5, [index_es/* Mod */.BLA]: 5, [index_es/* Atan2 */.lxb]: 5, [index_es/* Pow */.pyJ]: 6,
};
const POW_PRECEDENCE = 6;
/**
 * Rebuilds a flattened chain: postfix modifiers bind tightest, then `^` (right-associative),
 * then unary minus/plus (like `*`), then the binary operators by precedence (left-associative).
 */
class ChainParser {
    items;
    i = 0;
    constructor(items) {
        this.items = items;
    }
    /** The chain, and any leftovers a broken tree may leave (visited too, for their facts and errors). */
    parse() {
        const out = [];
        while (this.i < this.items.length) {
            const start = this.i;
            const c = this.binary(1);
            if (c)
                out.push(c);
            if (this.i === start)
                this.i++; // a stray operator
        }
        return out;
    }
    binary(minPrec) {
        let lhs = this.prefix();
        for (;;) {
            const it = this.items[this.i];
            if (!it || it.k !== 'bin')
                break;
            const prec = PRECEDENCE[it.op.type.id] ?? 1;
            if (prec < minPrec)
                break;
            this.i++;
            const rhs = this.binary(prec === POW_PRECEDENCE ? prec : prec + 1);
            if (!lhs) {
                lhs = rhs;
                continue;
            }
            const end = rhs ? rhs.to : (it.fill ?? it.matching ?? it.bool ?? it.op).to;
            lhs = { k: 'binary', lhs, item: it, rhs, from: lhs.from, to: end };
        }
        return lhs;
    }
    prefix() {
        const it = this.items[this.i];
        if (it?.k === 'pre') {
            this.i++;
            const operand = this.binary(POW_PRECEDENCE);
            return { k: 'unary', neg: it.neg, operand, from: it.from, to: operand ? operand.to : it.from + 1 };
        }
        return this.postfix();
    }
    postfix() {
        const it = this.items[this.i];
        let base;
        if (it?.k === 'atom') {
            this.i++;
            base = { k: 'atom', node: it.node, from: it.node.from, to: it.node.to };
        }
        else if (it?.k === 'num') {
            this.i++;
            base = { k: 'num', from: it.from, to: it.to };
        }
        for (;;) {
            const p = this.items[this.i];
            if (!p || p.k !== 'post')
                break;
            this.i++;
            base = { k: 'post', node: p.node, mods: p.mods, operand: base, from: base ? base.from : p.node.from, to: p.node.to };
        }
        return base;
    }
}

;// CONCATENATED MODULE: ./src/lang/promql/walker.ts
// The walk over lezer's tree: it visits every expression once, in Prometheus' precedence, records
// the grammar's error nodes for errors.ts, reports the errors Prometheus raises while it builds
// the tree (unknown or disabled functions, bad regexes and escapes, offset/@/range placement,
// non-positive ranges, experimental syntax), asks type-check.ts about each operator, call and
// aggregation, and collects the facts (facts.ts) checks read.









const COMPARISON_OPS = { [index_es/* Eql */.Zwf]: '==', [index_es/* Neq */.l3G]: '!=', [index_es/* Gtr */.AN6]: '>', [index_es/* Lss */.Hdl]: '<', [index_es/* Gte */.H37]: '>=', [index_es/* Lte */._2R]: '<=' };
const OP_TEXT = {
    [index_es/* Pow */.pyJ]: '^', [index_es/* Mul */.luP]: '*', [index_es/* Div */.iau]: '/', [index_es/* Mod */.BLA]: '%', [index_es/* Atan2 */.lxb]: 'atan2', [index_es/* Add */.OMN]: '+', [index_es/* Sub */.PbM]: '-', [index_es/* Eql */.Zwf]: '==', [index_es/* Gte */.H37]: '>=', [index_es/* Gtr */.AN6]: '>',
    [index_es/* TrimUpper */.XuR]: '</', [index_es/* TrimLower */.Cbr]: '>/', [index_es/* Lte */._2R]: '<=', [index_es/* Lss */.Hdl]: '<', [index_es/* Neq */.l3G]: '!=', [index_es/* And */.KDp]: 'and', [index_es/* Unless */.TAL]: 'unless', [index_es.Or]: 'or',
};
const MAX_DURATION_SECONDS = 9223372036.854775807; // int64 nanoseconds
const SELECTOR_KINDS = new Set(['vs', 'ms', 'sq']);
const EXPRESSION_IDS = new Set([
    index_es/* AggregateExpr */.Fn8, index_es/* BinaryExpr */.dfW, index_es/* FunctionCall */.R6l, index_es/* MatrixSelector */.l4, index_es/* NumberDurationLiteral */.j_F, index_es/* OffsetExpr */.bXI, index_es/* AnchoredExpr */.Kb8, index_es/* SmoothedExpr */.$jp,
    index_es/* ParenExpr */.ekq, index_es/* StringLiteral */.LWj, index_es/* SubqueryExpr */.aeI, index_es/* UnaryExpr */.H26, index_es/* VectorSelector */.FbG, index_es/* StepInvariantExpr */.mL$,
]);
class Walker {
    text;
    opts;
    renamed;
    facts = emptyFacts();
    /** Errors Prometheus reports while parsing. */
    parseErrors = [];
    /** Errors from Prometheus' type check (checkAST), reported only without parse errors. */
    typeErrors = [];
    errorNodes = [];
    comparisons = [];
    fns = [];
    aggs = [];
    subqueryRanges = [];
    bypassEmptyMatcherCheck = false;
    aggBodyDepth = 0;
    /** Where each parse error's construct ends, and whether a syntax error inside it may hide it. */
    parseErrorMeta = [];
    constructor(text, opts, 
    /** Unknown function names that were swapped for a known one so the grammar could parse the call, by offset. */
    renamed = new Map()) {
        this.text = text;
        this.opts = opts;
        this.renamed = renamed;
    }
    /** `foo(`: an identifier the grammar does not know as a function, followed by a call. */
    unknownFunctionCalls() {
        const out = [];
        for (const r of this.errorNodes) {
            if (r.parent !== index_es/* VectorSelector */.FbG || r.prev !== index_es/* Identifier */.gwJ || this.text[r.from] !== '(')
                continue;
            if (out.length > 0 && out[out.length - 1].from === r.prevFrom)
                continue;
            const name = this.text.slice(r.prevFrom, r.prevTo);
            if (name.length < 2 || functions/* AGGREGATIONS */.uZ.has(name.toLowerCase()))
                continue;
            out.push({ from: r.prevFrom, to: r.prevTo });
        }
        return out;
    }
    /** The query is too deep for the parser: one error where it gets too deep, and nothing walked. */
    tooDeep(at, message) {
        this.parseError(at, Math.min(at + 1, this.text.length), message);
    }
    finishFacts() {
        for (const c of this.comparisons)
            if (c)
                this.facts.comparisons.push(c);
        return this.facts;
    }
    slice(n) {
        return this.text.slice(n.from, n.to);
    }
    /**
     * A parse-time error over [from, to). `end` is the end of the construct, where Prometheus
     * notices the problem (used to order errors and to drop echoes of syntax errors).
     */
    parseError(from, to, message, end = to, sticky = false) {
        this.parseErrors.push({ from, to, message });
        this.parseErrorMeta.push({ end, sticky });
    }
    typeError(from, to, message) {
        this.typeErrors.push({ from, to, message });
    }
    /** The children that matter (no comments), recording grammar error nodes on the way. */
    kids(node) {
        const out = [];
        let prev = null;
        let durations = 0;
        for (let c = node.firstChild; c; c = c.nextSibling) {
            const id = c.type.id;
            if (c.type.isError) {
                this.errorNodes.push({
                    from: c.from,
                    to: c.to,
                    parent: node.type.id,
                    prev: prev ? prev.type.id : -1,
                    prevFrom: prev ? prev.from : node.from,
                    prevTo: prev ? prev.to : node.from,
                    durations,
                    parentFrom: node.from,
                    parentTo: node.to,
                    aggDepth: this.aggBodyDepth,
                });
                continue;
            }
            if (id === index_es/* LineComment */.uk0)
                continue;
            if (id === index_es/* DurationExpr */.kuY)
                durations++;
            out.push(c);
            prev = c;
        }
        return out;
    }
    /** Visits nodes the walk does not otherwise look into, only to find error nodes. */
    scan(node) {
        for (const c of this.kids(node))
            if (c.firstChild)
                this.scan(c);
    }
    /** For small rule nodes (operators, keywords) whose children the walk does not need. */
    leaf(node) {
        if (node?.firstChild)
            this.scan(node);
    }
    expr(node, rangeHint) {
        switch (node.type.id) {
            case index_es/* VectorSelector */.FbG:
                return this.vectorSelector(node, rangeHint);
            case index_es/* FunctionCall */.R6l:
                return this.call(node);
            case index_es/* AggregateExpr */.Fn8:
                return this.aggregate(node);
            case index_es/* ParenExpr */.ekq:
                return this.paren(node);
            case index_es/* StringLiteral */.LWj:
                return this.string(node);
            case index_es/* NumberDurationLiteral */.j_F:
            case index_es/* BinaryExpr */.dfW:
            case index_es/* UnaryExpr */.H26:
            case index_es/* MatrixSelector */.l4:
            case index_es/* SubqueryExpr */.aeI:
            case index_es/* OffsetExpr */.bXI:
            case index_es/* StepInvariantExpr */.mL$:
            case index_es/* AnchoredExpr */.Kb8:
            case index_es/* SmoothedExpr */.$jp: {
                // Operator chains: lezer's grammar lets postfix modifiers ([5m], offset, @) bind looser than
                // binary and unary operators (`a - b offset 1h` is `(a - b) offset 1h` there), Prometheus the
                // other way round. Flatten the chain and rebuild it with Prometheus' precedence.
                const items = [];
                this.flatten(node, items);
                return this.chain(items, node, rangeHint);
            }
            default:
                this.scan(node);
                return { t: 'none', k: 'other', from: node.from, to: node.to, le: true };
        }
    }
    /**
     * lezer's operator chain as a flat list. Iterative, with a stack of what is left to do in the
     * order the recursive walk would do it: a chain of 100k terms is valid PromQL.
     */
    chain(items, at, rangeHint) {
        const [chain, ...rest] = new ChainParser(items).parse();
        const ex = chain ? this.visit(chain, rangeHint) : { t: 'none', k: 'other', from: at.from, to: at.to, le: true };
        for (const r of rest)
            this.visit(r);
        return ex;
    }
    /**
     * A top-level operator chain too long for one lezer tree (trees deeper than 2500 nodes come out
     * flattened), parsed as pieces that overlap by one operand: `pieces[i]` starts with the last
     * operand of the piece before, whose items are dropped (those before `cuts[i]`, the operator after it).
     */
    chainOfPieces(pieces, cuts, at) {
        const items = [];
        pieces.forEach((nodes, i) => {
            const own = [];
            for (const node of nodes)
                this.flatten(node, own);
            for (const item of own)
                if (i === 0 || walker_anchor(item) >= cuts[i])
                    items.push(item);
        });
        return this.chain(items, at);
    }
    flatten(root, out) {
        const work = [{ node: root }];
        for (let task = work.pop(); task; task = work.pop()) {
            if ('item' in task) {
                out.push(task.item);
                continue;
            }
            if ('leaves' in task) {
                for (const m of task.leaves)
                    if (m.type.id !== index_es/* DurationExpr */.kuY && m.type.id !== index_es/* OffsetDurationExpr */.Htd)
                        this.leaf(m);
                continue;
            }
            const node = task.node;
            switch (node.type.id) {
                case index_es/* BinaryExpr */.dfW: {
                    let lhs;
                    let op;
                    let rhs;
                    let bool;
                    let matching;
                    let fill;
                    for (const c of this.kids(node)) {
                        const cid = c.type.id;
                        if (!op && lhs && OP_TEXT[cid] !== undefined)
                            op = c;
                        else if (cid === index_es/* BoolModifier */.eMD)
                            bool = c;
                        else if (cid === index_es/* MatchingModifierClause */.Ueo)
                            matching = c;
                        else if (cid === index_es/* FillModifier */.B0r)
                            fill = c;
                        else if (!lhs)
                            lhs = c;
                        else if (op && !rhs)
                            rhs = c;
                    }
                    this.leaf(op);
                    this.leaf(bool);
                    // Pushed in reverse: lhs, then the operator, then rhs.
                    if (rhs)
                        work.push({ node: rhs });
                    if (op)
                        work.push({ item: { k: 'bin', op, bool, matching, fill } });
                    if (lhs)
                        work.push({ node: lhs });
                    break;
                }
                case index_es/* UnaryExpr */.H26: {
                    const ks = this.kids(node);
                    const opNode = ks[0]?.type.id === index_es/* UnaryOp */.ZJG ? ks[0] : undefined;
                    this.leaf(opNode);
                    if (opNode)
                        out.push({ k: 'pre', neg: this.slice(opNode) === '-', from: opNode.from });
                    const operand = opNode ? ks[1] : ks[0];
                    if (operand)
                        work.push({ node: operand });
                    break;
                }
                case index_es/* NumberDurationLiteral */.j_F: {
                    const raw = this.slice(node);
                    if (raw[0] === '-' || raw[0] === '+') {
                        out.push({ k: 'pre', neg: raw[0] === '-', from: node.from });
                        let start = node.from + 1;
                        while (start < node.to && ' \t\r\n'.includes(this.text[start]))
                            start++;
                        out.push({ k: 'num', from: start, to: node.to });
                    }
                    else {
                        out.push({ k: 'num', from: node.from, to: node.to });
                    }
                    this.scan(node);
                    break;
                }
                case index_es/* MatrixSelector */.l4:
                case index_es/* SubqueryExpr */.aeI:
                case index_es/* OffsetExpr */.bXI:
                case index_es/* StepInvariantExpr */.mL$:
                case index_es/* AnchoredExpr */.Kb8:
                case index_es/* SmoothedExpr */.$jp: {
                    const ks = this.kids(node);
                    const first = ks[0];
                    const hasOperand = first !== undefined && EXPRESSION_IDS.has(first.type.id);
                    const mods = hasOperand ? ks.slice(1) : ks;
                    // The operand, then the modifiers' insides, then the modifier itself.
                    work.push({ item: { k: 'post', node, mods } });
                    work.push({ leaves: mods });
                    if (hasOperand)
                        work.push({ node: first });
                    break;
                }
                default:
                    out.push({ k: 'atom', node });
            }
        }
    }
    visit(v, rangeHint) {
        switch (v.k) {
            case 'atom':
                return this.expr(v.node, rangeHint);
            case 'num':
                return this.number(v.from, v.to);
            case 'unary':
                return this.unary(v);
            case 'binary':
                return this.binary(v);
            case 'post':
                switch (v.node.type.id) {
                    case index_es/* MatrixSelector */.l4:
                        return this.matrix(v);
                    case index_es/* SubqueryExpr */.aeI:
                        return this.subquery(v);
                    case index_es/* OffsetExpr */.bXI:
                        return this.offset(v, rangeHint);
                    case index_es/* StepInvariantExpr */.mL$:
                        return this.at(v, rangeHint);
                    default:
                        return this.anchoredOrSmoothed(v);
                }
        }
    }
    // ---- leaves -------------------------------------------------------------------------------
    number(from, to) {
        const v = parseNumberLiteral(this.text.slice(from, to));
        const numIndex = this.facts.numbers.push(v) - 1;
        return { t: 'scalar', k: 'num', from, to, v, le: true, numIndex };
    }
    string(node) {
        const r = unquote(this.slice(node));
        if (r.error)
            this.parseError(node.from, node.to, r.error);
        return { t: 'string', k: 'str', from: node.from, to: node.to, le: true };
    }
    /** The unquoted value of a StringLiteral node; records escape errors. */
    stringValue(node) {
        const r = unquote(this.slice(node));
        if (r.error)
            this.parseError(node.from, node.to, r.error);
        return r.value;
    }
    vectorSelector(node, rangeHint) {
        let name;
        let metric;
        const matchers = [];
        let nonEmpty = false;
        const nameMatchers = [];
        for (const c of this.kids(node)) {
            if (c.type.id === index_es/* Identifier */.gwJ) {
                name = this.slice(c);
                continue;
            }
            if (c.type.id !== index_es/* LabelMatchers */.ww1)
                continue;
            for (const m of this.kids(c)) {
                const id = m.type.id;
                if (id === index_es/* QuotedLabelName */.c6b) {
                    // {"metric.name"}: a metric name inside the braces.
                    const lit = m.firstChild;
                    if (!lit)
                        continue;
                    const value = this.stringValue(lit);
                    metric ??= value;
                    nameMatchers.push(value);
                    if (value !== '')
                        nonEmpty = true;
                    continue;
                }
                if (id !== index_es/* UnquotedLabelMatcher */.Yq$ && id !== index_es/* QuotedLabelMatcher */.d2V) {
                    this.scan(m);
                    continue;
                }
                const parts = this.kids(m);
                const labelNode = parts[0];
                const opNode = parts.find((p) => p.type.id === index_es/* MatchOp */.Lfz);
                const valueNode = parts[parts.length - 1];
                if (!labelNode || !opNode || !valueNode || valueNode.type.id !== index_es/* StringLiteral */.LWj || parts.length !== 3)
                    continue;
                this.leaf(opNode);
                const label = id === index_es/* QuotedLabelMatcher */.d2V ? (labelNode.firstChild ? this.stringValue(labelNode.firstChild) : '') : this.slice(labelNode);
                const op = this.slice(opNode);
                const value = this.stringValue(valueNode);
                matchers.push({ label, op, value });
                let matchesEmpty;
                if (op === '=~' || op === '!~') {
                    const info = (0,regex/* analyseRegex */.f)(value);
                    if (info.error) {
                        this.parseError(labelNode.from, valueNode.to, info.error);
                        matchesEmpty = false;
                    }
                    else {
                        matchesEmpty = op === '=~' ? info.matchesEmpty : !info.matchesEmpty;
                    }
                }
                else {
                    matchesEmpty = op === '=' ? value === '' : value !== '';
                }
                if (!matchesEmpty)
                    nonEmpty = true;
                if (label === '__name__') {
                    nameMatchers.push(value);
                    if (op === '=')
                        metric ??= value;
                }
            }
        }
        if (name !== undefined) {
            for (const other of nameMatchers)
                this.typeError(node.from, node.to, `metric name must not be set twice: ${goQuote(name)} or ${goQuote(other)}`);
        }
        else if (!nonEmpty && !this.bypassEmptyMatcherCheck) {
            this.typeError(node.from, node.to, 'vector selector must contain at least one non-empty matcher');
        }
        const metricName = name ?? metric;
        const sq = this.subqueryRanges;
        this.facts.selectors.push({
            metric: metricName,
            matchers,
            rangeSeconds: rangeHint ?? (sq.length > 0 ? sq[sq.length - 1] : undefined),
            functions: this.fns.length ? this.fns.slice().reverse() : [],
            aggregations: this.aggs.length ? this.aggs.slice().reverse() : [],
            from: node.from,
            to: node.to,
        });
        return {
            t: 'vector',
            k: 'vs',
            from: node.from,
            to: node.to,
            le: true,
            ratio: metricName !== undefined && metricName.includes('ratio'),
        };
    }
    // ---- durations ----------------------------------------------------------------------------
    /** Value of a duration expression in seconds; `literal` when it is a plain (signed) literal. */
    durationValue(node) {
        const ks = this.kids(node);
        const first = ks[0];
        if (!first)
            return { literal: true };
        const id = first.type.id;
        for (const k of ks)
            if (k.type.id !== index_es/* DurationExpr */.kuY && k.type.id !== index_es/* OffsetDurationExpr */.Htd)
                this.leaf(k);
        if (ks.length === 1) {
            if (id === index_es/* NumberDurationLiteralInDurationContext */.TGh)
                return { v: parseNumberLiteral(this.slice(first)), literal: true };
            if (id === index_es/* DurationExpr */.kuY || id === index_es/* OffsetDurationExpr */.Htd)
                return { v: this.durationValue(first).v, literal: false };
            return { literal: false }; // step(), range()
        }
        if (id === index_es/* UnaryOp */.ZJG) {
            const inner = ks[1] ? this.durationValue(ks[1]) : { literal: true };
            const neg = this.slice(first) === '-';
            return { v: inner.v === undefined ? undefined : neg ? -inner.v : inner.v, literal: inner.literal };
        }
        if (id === index_es/* DurationMinOf */.sMS || id === index_es/* DurationMaxOf */.CO_) {
            const a = ks[1] ? this.durationValue(ks[1]).v : undefined;
            const b = ks[2] ? this.durationValue(ks[2]).v : undefined;
            const v = a === undefined || b === undefined ? undefined : id === index_es/* DurationMinOf */.sMS ? Math.min(a, b) : Math.max(a, b);
            return { v, literal: false };
        }
        if (id === index_es/* DurationStep */.h9D || id === index_es/* DurationRange */.EGV)
            return { literal: false };
        // Binary duration arithmetic.
        const a = this.durationValue(first).v;
        const op = ks[1]?.type.id;
        const b = ks[2] ? this.durationValue(ks[2]).v : undefined;
        let v;
        if (a !== undefined && b !== undefined) {
            if (op === index_es/* Add */.OMN)
                v = a + b;
            else if (op === index_es/* Sub */.PbM)
                v = a - b;
            else if (op === index_es/* Mul */.luP)
                v = a * b;
            else if (op === index_es/* Div */.iau)
                v = a / b;
            else if (op === index_es/* Mod */.BLA)
                v = a % b;
            else if (op === index_es/* Pow */.pyJ)
                v = a ** b;
        }
        return { v: v === undefined ? undefined : tidy(v), literal: false };
    }
    /** Checks a range, subquery step or offset duration the way Prometheus does; returns seconds. */
    duration(node, positive) {
        const d = this.durationValue(node);
        if (!d.literal) {
            if (!this.opts.durationExpressions)
                this.parseError(node.from, node.to, 'experimental duration expression is not enabled');
            return d.v;
        }
        if (d.v === undefined)
            return undefined;
        if (Math.abs(d.v) > MAX_DURATION_SECONDS) {
            this.parseError(node.from, node.to, 'duration out of range');
            return undefined;
        }
        if (positive && d.v <= 0) {
            this.parseError(node.from, node.to, 'duration must be greater than 0');
            return undefined;
        }
        return d.v;
    }
    // ---- selectors with ranges and modifiers --------------------------------------------------
    matrix(p) {
        const durNode = p.mods.find((c) => c.type.id === index_es/* DurationExpr */.kuY);
        const range = durNode ? this.duration(durNode, true) : undefined;
        const op = p.operand;
        const inner = op ? this.visit(op, op.k === 'atom' && op.node.type.id === index_es/* VectorSelector */.FbG ? range : undefined) : undefined;
        if (inner && durNode) {
            let message;
            if (inner.k !== 'vs')
                message = 'ranges only allowed for vector selectors';
            else if (inner.off)
                message = 'no offset modifiers allowed before range';
            else if (inner.at)
                message = 'no @ modifiers allowed before range';
            if (message) {
                const open = this.text.lastIndexOf('[', durNode.from);
                this.parseError(open >= inner.to ? open : durNode.from, p.to, message);
            }
        }
        return { t: 'matrix', k: 'ms', from: p.from, to: p.to, le: true };
    }
    subquery(p) {
        const durations = p.mods.filter((c) => c.type.id === index_es/* DurationExpr */.kuY);
        const range = durations[0] ? this.duration(durations[0], true) : undefined;
        if (durations[1])
            this.duration(durations[1], true);
        this.subqueryRanges.push(range);
        const inner = p.operand ? this.visit(p.operand) : undefined;
        this.subqueryRanges.pop();
        if (inner && inner.t !== 'vector')
            this.typeError(p.from, p.to, `subquery is only allowed on instant vector, got ${inner.t} instead`);
        return { t: 'matrix', k: 'sq', from: p.from, to: p.to, le: inner?.le ?? true };
    }
    offset(p, rangeHint) {
        const durNode = p.mods.find((c) => c.type.id === index_es/* OffsetDurationExpr */.Htd);
        const inner = p.operand ? this.visit(p.operand, rangeHint) : undefined;
        if (durNode)
            this.duration(durNode, false);
        if (!inner)
            return { t: 'none', k: 'other', from: p.from, to: p.to, le: true };
        if (!SELECTOR_KINDS.has(inner.k)) {
            this.parseError(inner.from, inner.to, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery', p.to);
        }
        else if (inner.off) {
            this.parseError(inner.from, inner.to, 'offset may not be set multiple times', p.to);
        }
        return { ...inner, to: p.to, off: true };
    }
    at(p, rangeHint) {
        const inner = p.operand ? this.visit(p.operand, rangeHint) : undefined;
        const tsNode = p.mods.find((c) => c.type.id === index_es/* NumberDurationLiteral */.j_F || c.type.id === index_es/* AtModifierPreprocessors */.t$u);
        if (!inner)
            return { t: 'none', k: 'other', from: p.from, to: p.to, le: true };
        if (tsNode && tsNode.type.id === index_es/* NumberDurationLiteral */.j_F) {
            const raw = this.slice(tsNode);
            const neg = raw[0] === '-';
            const body = raw[0] === '-' || raw[0] === '+' ? raw.slice(1).trim() : raw;
            const ts = (neg ? -1 : 1) * parseNumberLiteral(body);
            if (!Number.isFinite(ts) || ts >= 9223372036854775807 || ts <= -9223372036854775808) {
                this.parseError(inner.from, inner.to, `timestamp out of bounds for @ modifier: ${goFloat(ts)}`, p.to);
            }
        }
        if (!SELECTOR_KINDS.has(inner.k)) {
            this.parseError(inner.from, inner.to, '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery', p.to);
        }
        else if (inner.at) {
            this.parseError(inner.from, inner.to, '@ <timestamp> may not be set multiple times', p.to);
        }
        return { ...inner, to: p.to, at: true };
    }
    anchoredOrSmoothed(p) {
        const inner = p.operand ? this.visit(p.operand) : undefined;
        if (!inner)
            return { t: 'none', k: 'other', from: p.from, to: p.to, le: true };
        const what = p.node.type.id === index_es/* AnchoredExpr */.Kb8 ? 'anchored' : 'smoothed';
        if (!this.opts.extendedRangeSelectors) {
            this.parseError(inner.from, inner.to, `${what} modifier is experimental and not enabled`, p.to);
        }
        else if (inner.k === 'sq') {
            this.parseError(inner.from, inner.to, `${what} modifier is not supported for subqueries`, p.to);
        }
        else if (inner.k !== 'vs' && inner.k !== 'ms') {
            this.parseError(inner.from, inner.to, `${what} modifier not implemented`, p.to);
        }
        return { ...inner, to: p.to };
    }
    // ---- operators ----------------------------------------------------------------------------
    paren(node) {
        const ks = this.kids(node);
        if (!ks[0])
            return { t: 'none', k: 'paren', from: node.from, to: node.to, le: true };
        const inner = this.expr(ks[0]);
        for (let i = 1; i < ks.length; i++)
            this.expr(ks[i]); // only in broken trees
        return {
            t: inner.t,
            k: 'paren',
            from: node.from,
            to: node.to,
            v: inner.v,
            le: inner.le,
            scale: inner.scale,
            budget: inner.budget,
            ratio: inner.ratio,
        };
    }
    unary(u) {
        const inner = u.operand ? this.visit(u.operand) : undefined;
        if (!inner)
            return { t: 'none', k: 'other', from: u.from, to: u.to, le: true };
        const v = inner.v === undefined ? undefined : u.neg ? -inner.v : inner.v;
        if (inner.k === 'num') {
            // Prometheus folds a sign into the literal itself.
            if (inner.numIndex !== undefined && v !== undefined)
                this.facts.numbers[inner.numIndex] = v;
            return { ...inner, from: u.from, v };
        }
        checkUnary(inner, u, (from, to, message) => this.typeError(from, to, message));
        return { t: inner.t, k: 'unary', from: u.from, to: u.to, v, le: inner.le };
    }
    grouping(node) {
        if (!node)
            return [];
        const labels = [];
        for (const c of this.kids(node)) {
            if (c.type.id === index_es/* LabelName */.ICh)
                labels.push(this.slice(c));
            else if (c.type.id === index_es/* QuotedLabelName */.c6b && c.firstChild) {
                const value = this.stringValue(c.firstChild);
                if (value === '')
                    this.parseError(c.from, c.to, `invalid label name for grouping: ${goQuote(value)}`);
                labels.push(value);
            }
        }
        return labels;
    }
    /**
     * `a + b + c + …`: the left spine is walked with a loop (a chain of 100k terms is valid PromQL),
     * with every step in the order of a recursive walk: each comparison's slot top-down, then the
     * leftmost operand, then each operator's right-hand side and checks bottom-up.
     */
    binary(top) {
        const spine = [];
        let leftmost = top;
        while (leftmost.k === 'binary') {
            spine.push(leftmost);
            leftmost = leftmost.lhs;
        }
        const slots = spine.map((bx) => (COMPARISON_OPS[bx.item.op.type.id] ? this.comparisons.push(undefined) - 1 : -1));
        let lhs = this.visit(leftmost);
        for (let i = spine.length - 1; i >= 0; i--)
            lhs = this.binaryStep(spine[i], slots[i], lhs);
        return lhs;
    }
    binaryStep(bx, comparisonIndex, lhs) {
        const { op: opNode, bool: boolNode, matching: matchingNode, fill: fillNode } = bx.item;
        const opId = opNode.type.id;
        const op = OP_TEXT[opId] ?? '';
        const cmp = COMPARISON_OPS[opId];
        const rhs = bx.rhs ? this.visit(bx.rhs) : undefined;
        const node = { from: bx.from, to: bx.to };
        if (fillNode) {
            this.scan(fillNode);
            if (!this.opts.binopFillModifiers)
                this.parseError(node.from, node.to, 'binop fill modifiers are experimental and not enabled');
        }
        if (!rhs)
            return { t: 'none', k: 'other', from: node.from, to: node.to, le: true };
        // Vector matching.
        let on = false;
        let matchingLabels = [];
        let grouping;
        let include = [];
        if (matchingNode) {
            const parts = this.kids(matchingNode);
            let seenGroup = false;
            for (const p of parts) {
                const id = p.type.id;
                if (id !== index_es/* GroupingLabels */.x$3)
                    this.leaf(p);
                if (id === index_es.On)
                    on = true;
                else if (id === index_es/* GroupLeft */.h4W || id === index_es/* GroupRight */.sGU) {
                    grouping = id === index_es/* GroupLeft */.h4W ? 'left' : 'right';
                    seenGroup = true;
                }
                else if (id === index_es/* GroupingLabels */.x$3) {
                    if (seenGroup)
                        include = this.grouping(p);
                    else
                        matchingLabels = this.grouping(p);
                }
            }
        }
        // Prometheus' checkAST for binary expressions, in its order.
        const isBool = boolNode !== undefined;
        const last = fillNode ?? matchingNode ?? boolNode ?? opNode;
        const typeError = (from, to, message) => this.typeError(from, to, message);
        checkBinary({
            opId, op, comparison: cmp !== undefined, bool: isBool, lhs, rhs, from: node.from, to: node.to, opFrom: opNode.from, opTo: last.to,
            on, matchingLabels, include, grouping, fill: fillNode !== undefined,
        }, typeError);
        const t = lhs.t === 'scalar' && rhs.t === 'scalar' ? 'scalar' : 'vector';
        const ex = { t, k: 'bin', from: node.from, to: node.to, le: lhs.le && rhs.le };
        foldBinary(ex, opId, cmp, isBool, lhs, rhs, this.facts.budgets);
        if (cmp)
            this.comparisons[comparisonIndex] = comparisonFact(cmp, isBool, lhs, rhs, node);
        return ex;
    }
    // ---- calls and aggregations ---------------------------------------------------------------
    call(node) {
        const ks = this.kids(node);
        const idNode = ks.find((c) => c.type.id === index_es/* FunctionIdentifier */.m3Q);
        const body = ks.find((c) => c.type.id === index_es/* FunctionCallBody */.Dh7);
        this.leaf(idNode);
        const original = idNode ? this.renamed.get(idNode.from) : undefined;
        const name = original ?? (idNode ? this.slice(idNode) : '');
        const fn = functions/* FUNCTIONS */.AW.get(name);
        if (idNode) {
            const idTo = idNode.from + name.length;
            if (!fn)
                this.parseError(idNode.from, idTo, `unknown function with name ${goQuote(name)}`, node.to, true);
            else if (fn.experimental && !this.opts.experimentalFunctions)
                this.parseError(idNode.from, idTo, `function ${goQuote(name)} is not enabled`, node.to, true);
        }
        this.facts.functions.push(name);
        const hq = name === 'histogram_quantile' ? this.facts.histogramQuantiles.push({ keepsLe: true, from: node.from, to: node.to }) - 1 : -1;
        const countMark = this.typeErrors.length;
        const argNodes = body ? this.kids(body) : [];
        const args = [];
        const marks = [];
        this.fns.push(name);
        for (let i = 0; i < argNodes.length; i++) {
            const bypass = this.bypassEmptyMatcherCheck;
            this.bypassEmptyMatcherCheck = name === 'info' && i === 1 && argNodes[i].type.id === index_es/* VectorSelector */.FbG;
            args.push(this.expr(argNodes[i]));
            this.bypassEmptyMatcherCheck = bypass;
            marks.push(this.typeErrors.length);
        }
        this.fns.pop();
        if (fn) {
            // Prometheus' checkAST for calls: argument count, then each argument's type.
            const inserts = checkCall(fn, node, args, countMark, marks, name === 'info' && argNodes[1]?.getChild(index_es/* Identifier */.gwJ) != null);
            for (let j = inserts.length - 1; j >= 0; j--)
                this.typeErrors.splice(inserts[j].at, 0, inserts[j].error);
        }
        if (hq >= 0) {
            const fact = this.facts.histogramQuantiles[hq];
            const q = args[0]?.v;
            if (q !== undefined)
                fact.quantile = q;
            fact.keepsLe = args[1] ? args[1].le : true;
        }
        let le = true;
        for (const a of args)
            le &&= a.le;
        return { t: fn ? fn.returns : 'vector', k: 'call', from: node.from, to: node.to, le };
    }
    aggregate(node) {
        const ks = this.kids(node);
        const opNode = ks.find((c) => c.type.id === index_es/* AggregateOp */.xbF);
        const modNode = ks.find((c) => c.type.id === index_es/* AggregateModifier */.hIJ);
        const body = ks.find((c) => c.type.id === index_es/* FunctionCallBody */.Dh7);
        this.leaf(opNode);
        const op = opNode ? this.slice(opNode).toLowerCase() : '';
        const fact = { op, from: node.from, to: node.to };
        let by;
        let without;
        if (modNode) {
            const parts = this.kids(modNode);
            this.leaf(parts[0]);
            const labels = this.grouping(parts.find((p) => p.type.id === index_es/* GroupingLabels */.x$3));
            if (parts[0]?.type.id === index_es.By)
                fact.by = by = labels;
            else if (parts[0]?.type.id === index_es/* Without */.xBu)
                fact.without = without = labels;
        }
        this.facts.aggregations.push(fact);
        this.aggs.push(op);
        this.aggBodyDepth++;
        const argNodes = body ? this.kids(body) : [];
        const args = [];
        for (const a of argNodes)
            args.push(this.expr(a));
        this.aggBodyDepth--;
        this.aggs.pop();
        const inner = checkAggregation(op, node, args, this.opts.experimentalFunctions === true, (from, to, message) => this.parseError(from, to, message), (from, to, message) => this.typeError(from, to, message));
        const le = aggregationKeepsLe(op, by, without, inner ? inner.le : true);
        return { t: 'vector', k: 'agg', from: node.from, to: node.to, le };
    }
}
/** Where an item stands in the text: an operand where it starts, an operator or modifier where it is written. */
function walker_anchor(item) {
    switch (item.k) {
        case 'atom':
            return item.node.from;
        case 'bin':
            return item.op.from;
        case 'post':
            return item.mods[0]?.from ?? item.node.to;
        default:
            return item.from;
    }
}

;// CONCATENATED MODULE: ./src/lang/promql/recovery.ts
// Parsing with recovery: lezer's grammar is stricter than Prometheus in two places, and one
// unknown name derails it for the rest of a call. Both are patched in the text (keeping every
// offset) and the query is parsed again, so the arguments are still checked and their selectors
// still seen.




/** Parses `text` and walks it, patching and re-parsing where lezer and Prometheus disagree. */
function walkWithRecovery(text, options) {
    let patched = collapseDeepRuns(text);
    let walker = walk(patched, options, new Map());
    // A call to a function the grammar does not know (`holt_winters(…)`, MetricsQL's
    // `histogram_share(…)`, experimental `min_of(…)`) derails lezer for the rest of the call.
    // Swap each such name for a known one padded with spaces (offsets stay the same) and parse
    // again, so the arguments are still checked and their selectors still seen.
    const renamed = new Map();
    if (walker.errorNodes.length > 0) {
        // Numbers Prometheus reads but this grammar does not (`5.`, `1.e3`, `0x_1F`): rewrite them
        // with the same value and length.
        const fixed = fixNumbers(patched);
        if (fixed !== patched) {
            patched = fixed;
            walker = walk(patched, options, renamed);
        }
    }
    for (let attempt = 0; attempt < 3; attempt++) {
        const unknown = walker.unknownFunctionCalls().filter((u) => !renamed.has(u.from));
        if (unknown.length === 0)
            break;
        for (const u of unknown) {
            const name = text.slice(u.from, u.to);
            renamed.set(u.from, name);
            patched = patched.slice(0, u.from) + (name.length >= 3 ? 'abs' : 'ln').padEnd(name.length, ' ') + patched.slice(u.to);
        }
        walker = walk(patched, options, renamed);
    }
    return walker;
}
/** Rewrites number literals the lezer grammar rejects but Prometheus accepts, keeping offsets. */
function fixNumbers(text) {
    const lex = lexPromQL(text);
    let out = text;
    for (const t of lex.tokens) {
        if (t.kind !== 'NUMBER')
            continue;
        const n = text.slice(t.start, t.end);
        if (!GO_NUMBER_RE.test(n))
            continue;
        const fixed = n.replace(/^(0[xX])_/, '$1').replace(/\.(?!\d)/, '');
        if (fixed !== n)
            out = out.slice(0, t.start) + fixed.padEnd(n.length, ' ') + out.slice(t.end);
    }
    return out;
}
function walk(text, options, renamed) {
    const walker = new Walker(text, options, renamed);
    const pieces = chainPieces(text);
    if (pieces) {
        const parsed = pieces.ranges.map((range) => parseDeep(text, range));
        const deep = parsed.find((p) => p.tooDeepAt !== undefined);
        if (deep)
            walker.tooDeep(deep.tooDeepAt, TOO_DEEP_MESSAGE);
        else
            walker.chainOfPieces(parsed.map((p) => walker.kids(p.tree.topNode)), pieces.cuts, { from: 0, to: text.length });
        return walker;
    }
    const { tree, tooDeepAt } = parseDeep(text);
    if (tooDeepAt !== undefined)
        walker.tooDeep(tooDeepAt, TOO_DEEP_MESSAGE);
    else
        for (const node of walker.kids(tree.topNode))
            walker.expr(node);
    return walker;
}

;// CONCATENATED MODULE: ./src/lang/promql/analyse.ts
// One pass over a PromQL query with Prometheus' own grammar: the syntax and semantic
// errors, and the facts every later check reads (so no check parses a query again).
// Errors and their wording follow Prometheus 3.14 (see docs/promql.md for where that differs
// from promtool 2.42).
//
// CONTRACT (used by formats/ and checks/; keep it stable):
//   analyseQuery(text) never throws. Offsets are 0-based UTF-16 offsets into `text`. The result is
//   deeply frozen and shared by every caller that asks about the same query: read it, never edit it.





const NO_OPTIONS = {};
// Rule files and dashboards repeat queries; remember recent answers. Callers share one frozen
// analysis per query: a copy per rule was most of a large repository's model, and nothing
// downstream edits an analysis (freezing makes one that tried fail loudly).
const CACHE_LIMIT = 2048;
const cache = new Map();
function optionsKey(o) {
    return `${o.experimentalFunctions ? 1 : 0}${o.durationExpressions ? 1 : 0}${o.extendedRangeSelectors ? 1 : 0}${o.binopFillModifiers ? 1 : 0}`;
}
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}
/**
 * Parses and checks one PromQL expression. Never throws. Offsets are UTF-16 offsets into `text`.
 * Errors and their wording follow Prometheus 3.14 with its default feature flags; `options`
 * turns on the experimental syntax a Prometheus started with `--enable-feature=…` accepts.
 */
function analyseQuery(text, options = NO_OPTIONS) {
    if (typeof text !== 'string')
        text = String(text ?? '');
    return remembered(cacheKey(text, options), () => analyseUncached(text, options));
}
/**
 * The shared analysis of `text` (default options) when one is cached, else `received` frozen and
 * cached: analyses made on worker threads arrive as copies, one per message, and a large
 * repository repeats its queries many times over.
 */
function shareAnalysis(text, received) {
    return remembered(cacheKey(text, NO_OPTIONS), () => received);
}
function cacheKey(text, options) {
    return text.length <= 4096 ? optionsKey(options) + text : undefined;
}
function remembered(key, make) {
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit)
        return hit;
    const result = deepFreeze(make());
    if (key !== undefined) {
        if (cache.size >= CACHE_LIMIT)
            cache.delete(cache.keys().next().value);
        cache.set(key, result);
    }
    return result;
}
function analyseUncached(text, options) {
    let walker;
    try {
        walker = walkWithRecovery(text, options);
    }
    catch (e) {
        // Nesting that the walk's recursion cannot follow (a `^` chain thousands long) is too deep, not a fault.
        if (e instanceof RangeError && /call stack/i.test(e.message))
            return { errors: [{ from: 0, to: Math.min(1, text.length), message: TOO_DEEP_MESSAGE }], facts: emptyFacts() };
        // The walk is defensive; this is a last resort so that one odd query cannot stop a run.
        return { errors: [{ from: 0, to: text.length, message: `internal error analysing query: ${e.message}` }], facts: emptyFacts() };
    }
    const facts = walker.finishFacts();
    return { errors: reportedErrors(text, walker), facts };
}


/***/ }),

/***/ 22463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ FUNCTIONS),
/* harmony export */   ZU: () => (/* binding */ documentedType),
/* harmony export */   _e: () => (/* binding */ AGGREGATION_PARAMS),
/* harmony export */   uZ: () => (/* binding */ AGGREGATIONS),
/* harmony export */   xR: () => (/* binding */ EXPERIMENTAL_AGGREGATIONS)
/* harmony export */ });
// PromQL function signatures, as Prometheus 3.x (3.14) type-checks them.
//
// `args` are the parameter types in order. `variadic` follows Prometheus' convention:
//   0   exactly args.length arguments;
//   n>0 the last parameter is optional and may repeat: between args.length-1 and args.length-1+n arguments;
//   -1  at least args.length-1 arguments, no upper bound (extra ones take the last parameter's type).
// `experimental` functions are rejected unless the analyser is asked to enable them, as Prometheus
// does without `--enable-feature=promql-experimental-functions`.
const S = 'scalar';
const V = 'vector';
const M = 'matrix';
const STR = 'string';
function sig(name, args, returns, variadic = 0, experimental = false) {
    return experimental ? { name, args, variadic, returns, experimental } : { name, args, variadic, returns };
}
const LIST = [
    // Instant-vector maths, one argument.
    ...['abs', 'absent', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor',
        'histogram_avg', 'histogram_count', 'histogram_sum', 'histogram_stddev', 'histogram_stdvar', 'ln', 'log10', 'log2',
        'rad', 'sgn', 'sin', 'sinh', 'sort', 'sort_desc', 'sqrt', 'tan', 'tanh', 'timestamp'].map((name) => sig(name, [V], V)),
    // Range-vector functions, one argument.
    ...['absent_over_time', 'avg_over_time', 'changes', 'count_over_time', 'delta', 'deriv', 'first_over_time', 'idelta',
        'increase', 'irate', 'last_over_time', 'max_over_time', 'min_over_time', 'present_over_time', 'rate', 'resets',
        'stddev_over_time', 'stdvar_over_time', 'sum_over_time'].map((name) => sig(name, [M], V)),
    // Date functions: an optional instant vector (defaults to vector(time())).
    ...['days_in_month', 'day_of_month', 'day_of_week', 'day_of_year', 'hour', 'minute', 'month', 'year'].map((name) => sig(name, [V], V, 1)),
    sig('clamp', [V, S, S], V),
    sig('clamp_max', [V, S], V),
    sig('clamp_min', [V, S], V),
    sig('histogram_fraction', [S, S, V], V),
    sig('histogram_quantile', [S, V], V),
    sig('label_replace', [V, STR, STR, STR, STR], V),
    sig('label_join', [V, STR, STR, STR], V, -1),
    sig('pi', [], S),
    sig('predict_linear', [M, S], V),
    sig('quantile_over_time', [S, M], V),
    sig('round', [V, S], V, 1),
    sig('scalar', [V], S),
    sig('time', [], S),
    sig('vector', [S], V),
    // Experimental (Prometheus 3.14 `Experimental: true`).
    sig('double_exponential_smoothing', [M, S, S], V, 0, true),
    sig('histogram_quantiles', [V, STR, S, S], V, 9, true),
    sig('info', [V, V], V, 1, true),
    sig('mad_over_time', [M], V, 0, true),
    sig('ts_of_first_over_time', [M], V, 0, true),
    sig('ts_of_last_over_time', [M], V, 0, true),
    sig('ts_of_max_over_time', [M], V, 0, true),
    sig('ts_of_min_over_time', [M], V, 0, true),
    sig('sort_by_label', [V, STR], V, -1, true),
    sig('sort_by_label_desc', [V, STR], V, -1, true),
    sig('start_timestamp', [V], V, 0, true),
    sig('start', [], S, 0, true),
    sig('end', [], S, 0, true),
    sig('range', [], S, 0, true),
    sig('step', [], S, 0, true),
    sig('min_of', [S, S], S, 0, true),
    sig('max_of', [S, S], S, 0, true),
];
/** Every PromQL function Prometheus 3.14 knows, by name (names are case-sensitive). */
const FUNCTIONS = new Map(LIST.map((f) => [f.name, f]));
/** Aggregation operators, lower case (the keywords are case-insensitive). */
const AGGREGATIONS = new Set([
    'avg', 'bottomk', 'count', 'count_values', 'group', 'max', 'min', 'quantile', 'stddev', 'stdvar', 'sum', 'topk', 'limitk', 'limit_ratio',
]);
/** Aggregations that take a first parameter, and its type. */
const AGGREGATION_PARAMS = new Map([
    ['topk', S], ['bottomk', S], ['quantile', S], ['limitk', S], ['limit_ratio', S], ['count_values', STR],
]);
/** Aggregations behind `promql-experimental-functions`. */
const EXPERIMENTAL_AGGREGATIONS = new Set(['limitk', 'limit_ratio']);
/** How Prometheus names a type in its error messages. */
function documentedType(t) {
    return t === 'vector' ? 'instant vector' : t === 'matrix' ? 'range vector' : t;
}


/***/ }),

/***/ 41473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ analyseRegex)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);
// Label-matcher regular expressions, checked the way Prometheus checks them: Go's RE2 syntax
// (regexp/syntax with Perl flags and `.` matching newlines), fully anchored.
//
// JavaScript's RegExp accepts things RE2 rejects (look-arounds, back-references, possessive
// `a*+`…) and rejects some things RE2 accepts, so patterns go through re2js, a port of RE2 that
// words its errors as Go does (`error parsing regexp: invalid or unsupported Perl syntax: \`(?=\``)
// and enforces RE2's limits on repeat counts and nesting. Results are cached by pattern in a
// bounded Map.

const CACHE_LIMIT = 4096;
const cache = new Map();
/** Checks a matcher regex (the unquoted value of `=~` / `!~`). Cached by pattern. */
function analyseRegex(pattern) {
    let info = cache.get(pattern);
    if (info === undefined) {
        info = check(pattern);
        if (cache.size >= CACHE_LIMIT)
            cache.delete(cache.keys().next().value);
        cache.set(pattern, info);
    }
    return info;
}
const PREFIX = 'error parsing regexp: ';
const NAMED_GROUP = /\(\?P?<(\w+)>/g;
/** RE2 allows 1000 levels of nesting; a pattern needs about as many characters to reach it. */
const MIN_DEEP_LENGTH = 999;
const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
function check(pattern) {
    const info = checkSyntax(pattern);
    // Prometheus then compiles the anchored `^(?s:…)$`, one level deeper: a pattern at RE2's
    // nesting limit parses alone and fails there (a shorter one cannot be deep enough to).
    if (info.error || pattern.length < MIN_DEEP_LENGTH)
        return info;
    const anchored = compile(`^(?s:${pattern})$`);
    return anchored.error ? anchored : info;
}
function checkSyntax(pattern) {
    const first = compile(pattern);
    if (!first.error?.startsWith(`${PREFIX}duplicate capture group name: `))
        return first;
    // Go's regexp/syntax allows two groups with the same name (RE2 and re2js do not): give the
    // repeats fresh names of the same length, so that offsets and the rest of the check stay.
    const unique = renameDuplicateGroups(pattern);
    const again = unique === undefined ? undefined : compile(unique);
    if (!again)
        return { matchesEmpty: false };
    return again.error ? { ...again, error: restoreQuoted(again.error, unique, pattern) } : again;
}
function compile(pattern) {
    try {
        // `matches` is a whole-input match: the anchored pattern, as Prometheus compiles it. Without
        // the DOTALL flag, which re2js applies by prefixing `(?s)` to the text its errors quote; it
        // changes neither what parses nor whether "" matches.
        return { matchesEmpty: re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(pattern).matches('') };
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        // re2js caps a program at 1.4M instructions, Go at 3.3M (128 MiB / 40-byte Inst): past re2js'
        // cap the pattern cannot be judged here, and a false error is worse than an unchecked matcher.
        if (message === `${PREFIX}expression too large`)
            return { matchesEmpty: false };
        return { error: goWording(message, pattern), matchesEmpty: false };
    }
}
/** re2js words errors as Go does, except where noted here. */
function goWording(message, pattern) {
    // Go quotes an empty argument as ``, and the whole pattern with its nesting error; re2js leaves both out.
    if (message === `${PREFIX}trailing backslash at end of expression`)
        return `${message}: \`\``;
    if (message === `${PREFIX}expression nests too deeply`)
        return `${message}: \`${pattern}\``;
    return message;
}
/** `pattern` with every repeated group name replaced by an unused one of the same length; undefined when there is none. */
function renameDuplicateGroups(pattern) {
    const names = new Set();
    for (const m of pattern.matchAll(NAMED_GROUP))
        names.add(m[1]);
    const seen = new Set();
    let counter = 0;
    let failed = false;
    const out = pattern.replace(NAMED_GROUP, (whole, name) => {
        if (!seen.has(name)) {
            seen.add(name);
            return whole;
        }
        let fresh;
        while (fresh === undefined || names.has(fresh)) {
            fresh = spell(counter++, name.length);
            if (fresh === undefined) {
                failed = true;
                return whole;
            }
        }
        names.add(fresh);
        return whole.slice(0, whole.length - name.length - 1) + fresh + '>';
    });
    return failed ? undefined : out;
}
/** The n-th name of `length` word characters, or undefined past the last one. */
function spell(n, length) {
    let out = '';
    for (let i = 0; i < length; i++) {
        out = NAME_CHARS[n % NAME_CHARS.length] + out;
        n = Math.floor(n / NAME_CHARS.length);
    }
    return n === 0 ? out : undefined;
}
/** An error about the renamed pattern, quoting the text as the user wrote it. */
function restoreQuoted(message, renamed, original) {
    const m = /^(.*?: `)([\s\S]*)`$/.exec(message);
    if (!m)
        return message;
    const at = renamed.indexOf(m[2]);
    return at < 0 ? message : `${m[1]}${original.slice(at, at + m[2].length)}\``;
}


/***/ }),

/***/ 30512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wM: () => (/* binding */ SERVICE_LABELS),
  OJ: () => (/* binding */ linkModel),
  Yh: () => (/* binding */ linkingLabels),
  Xb: () => (/* binding */ metricFamily)
});

// EXTERNAL MODULE: ./src/model/slo-identity.ts
var slo_identity = __webpack_require__(30720);
// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(18766);
// EXTERNAL MODULE: ./src/model/placement.ts
var placement = __webpack_require__(54302);
;// CONCATENATED MODULE: ./src/link/encoding.ts
// What an alerting rule encodes, read from its query facts (never by parsing PromQL again):
// the windows it looks at, the threshold it compares against, and how that threshold splits into
// burn-rate factor × error budget. Recording rules are followed to their expressions, so an alert
// on `slo:sli_error:ratio_rate1h` is known to read a 1h window of the metrics that rule reads.


const MAX_DEPTH = 5;
// Sloth names windows in its recording rules (`slo:sli_error:ratio_rate5m`), Pyrra too (`x:burnrate5m`).
const WINDOW_SUFFIX = /(?:rate|burnrate|_)(\d+(?:ms|s|m|h|d|w|y))$/;
// Below this many rules of one name, checking each is cheaper than indexing their labels.
const INDEX_FROM_RULES = 16;
function recordingsOf(rules) {
    const out = new Map();
    for (const rule of rules) {
        if (rule.kind !== 'record')
            continue;
        const recorded = out.get(rule.name);
        if (recorded)
            recorded.rules.push(rule);
        else
            out.set(rule.name, { rules: [rule] });
    }
    return out;
}
/** A rule's own label does not contradict the selector's matcher (only `=` matchers are compared). */
const agrees = (rule, m) => m.op !== '=' || rule.labels[m.label] === undefined || rule.labels[m.label].value === m.value;
/**
 * The recording rules a selector reads: those recording its metric whose own labels agree with its
 * `=` matchers. Generators reuse one name for every SLO (`slo:sli_error:ratio_rate5m`) and tell
 * them apart by labels (`sloth_id`), so the name alone is not enough.
 */
function recordingRulesFor(selector, recordings) {
    if (!selector.metric)
        return [];
    const recorded = recordings.get(selector.metric);
    if (!recorded)
        return [];
    const agreeing = (rule) => selector.matchers.every((m) => agrees(rule, m));
    if (recorded.rules.length < INDEX_FROM_RULES)
        return recorded.rules.filter(agreeing);
    // A repository with many SLOs has thousands of rules of one name: start from the rules the most
    // selective matcher admits instead of checking them all, for every selector that reads the name.
    let narrowest;
    for (const m of selector.matchers) {
        if (m.op !== '=')
            continue;
        // A matcher admits the rules with its value and those without its label.
        const index = labelIndex(recorded, m.label);
        const withValue = index.byValue.get(m.value) ?? [];
        const size = withValue.length + index.unlabelled.length;
        if (!narrowest || size < narrowest.size)
            narrowest = { withValue, unlabelled: index.unlabelled, size };
    }
    if (!narrowest)
        return [...recorded.rules];
    return mergeAscending(narrowest.withValue, narrowest.unlabelled)
        .map((position) => recorded.rules[position])
        .filter(agreeing);
}
function labelIndex(recorded, label) {
    recorded.byLabel ??= new Map();
    let index = recorded.byLabel.get(label);
    if (index)
        return index;
    index = { byValue: new Map(), unlabelled: [] };
    for (const [position, rule] of recorded.rules.entries()) {
        // Read as `agrees` reads it, so the index admits exactly the rules it would.
        const field = rule.labels[label];
        if (field === undefined)
            index.unlabelled.push(position);
        else {
            const positions = index.byValue.get(field.value);
            if (positions)
                positions.push(position);
            else
                index.byValue.set(field.value, [position]);
        }
    }
    recorded.byLabel.set(label, index);
    return index;
}
/** Two ascending lists of distinct positions as one ascending list: the rules keep their model order. */
function mergeAscending(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length)
        out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
    return out;
}
/** The range a recording rule evaluates over: its selectors' ranges, else those of the rules it reads, else its name's suffix. */
function recordedWindow(selector, recordings, depth = 0) {
    const rule = recordingRulesFor(selector, recordings)[0];
    if (rule && depth < MAX_DEPTH) {
        const selectors = rule.expr.analysis.facts.selectors;
        const ranges = selectors.map((s) => s.rangeSeconds).filter((r) => r !== undefined);
        if (ranges.length)
            return Math.max(...ranges);
        for (const inner of selectors) {
            const window = inner.metric && inner.metric !== selector.metric ? recordedWindow(inner, recordings, depth + 1) : undefined;
            if (window !== undefined)
                return window;
        }
    }
    const suffix = WINDOW_SUFFIX.exec(selector.metric ?? '');
    return suffix ? (0,units/* parseDuration */.E9)(suffix[1]) : undefined;
}
/** Every metric a query reads, following recording rules to the raw metrics below them. */
function metricsRead(facts, recordings, into = new Set(), visited = new Set()) {
    for (const selector of facts.selectors) {
        if (!selector.metric)
            continue;
        into.add(selector.metric);
        for (const rule of recordingRulesFor(selector, recordings)) {
            if (visited.has(rule))
                continue;
            visited.add(rule);
            metricsRead(rule.expr.analysis.facts, recordings, into, visited);
        }
    }
    return into;
}
function encodeAlert(rule, recordings) {
    const facts = rule.expr.analysis.facts;
    const budgets = distinct(facts.budgets);
    const conditions = [];
    for (const comparison of facts.comparisons) {
        const condition = encodeCondition(comparison, facts, budgets, recordings, () => (0,placement/* queryPosition */.ol)(rule.expr, comparison.from));
        if (condition)
            conditions.push(condition);
    }
    const kind = conditions.some((c) => c.latency)
        ? 'latency'
        : conditions.some((c) => c.factor !== undefined)
            ? 'burn-rate'
            : conditions.some((c) => c.target !== undefined)
                ? 'target'
                : conditions.some((c) => c.above && c.threshold < 1)
                    ? 'ratio-threshold'
                    : 'other';
    return { kind, conditions, windows: kind === 'burn-rate' ? windowsOf(conditions) : [], metrics: [...metricsRead(facts, recordings)] };
}
/**
 * Label values that could name an SLO: the rule's labels and its selectors' `=` matchers
 * (sloth_slo="x"). Linking reads them once; they are not kept in the encoding, which every
 * alerting rule of a large repository has.
 */
function alertNames(rule) {
    const names = {};
    const addName = (label, value) => {
        const values = names[label];
        if (values === undefined)
            names[label] = [value];
        else if (!values.includes(value))
            values.push(value);
    };
    for (const [label, field] of Object.entries(rule.labels))
        addName(label, field.value);
    for (const selector of rule.expr.analysis.facts.selectors)
        for (const m of selector.matchers)
            if (m.op === '=')
                addName(m.label, m.value);
    return names;
}
function encodeCondition(comparison, facts, budgets, recordings, positionOf) {
    if (comparison.threshold === undefined || comparison.op === '==' || comparison.op === '!=')
        return undefined;
    const inside = (items) => items.filter((item) => item.from >= comparison.from && item.to <= comparison.to);
    const selectors = inside(facts.selectors);
    const windows = distinct(selectors.map((s) => s.rangeSeconds ?? recordedWindow(s, recordings)).filter((w) => w !== undefined)).sort((a, b) => a - b);
    const above = (comparison.op === '>' || comparison.op === '>=') === (comparison.thresholdSide !== 'left');
    // `x * 1000 > 50` compares x with 0.05; `x / (1 - 0.999) > 14.4` compares x with 0.0144.
    const scale = comparison.scale || 1;
    const threshold = comparison.scaleOp === '/' ? comparison.threshold * scale : comparison.threshold / scale;
    const quantile = inside(facts.histogramQuantiles)[0];
    if (quantile) {
        const milliseconds = selectors.some((s) => /_milliseconds/.test(s.metric ?? ''));
        return { windows, threshold, above, latency: { thresholdSeconds: milliseconds ? threshold / 1000 : threshold, percentile: quantile.quantile !== undefined ? quantile.quantile * 100 : undefined }, position: positionOf() };
    }
    if (!above) {
        // `availability < 99.9` (or 0.999): the alert states a target. Percent when above 1.
        const ratio = threshold > 1 && threshold <= 100 ? threshold / 100 : threshold;
        return ratio >= 0.5 && ratio < 1 ? { windows, threshold, above, target: ratio, position: positionOf() } : { windows, threshold, above, position: positionOf() };
    }
    const budget = budgetOf(threshold, budgets, facts.numbers);
    // Each result is written out whole (no spreading in the position afterwards): one per alerting
    // rule is kept, and objects built by spreading take about twice the memory.
    return budget === undefined
        ? { windows, threshold, above, position: positionOf() }
        : { windows, threshold, above, budget, factor: threshold / budget, position: positionOf() };
}
/**
 * The error budget inside a threshold: the one budget the query writes as `(1 - 0.999)`, else the
 * smaller of two number literals whose product is the threshold (Sloth's `(14.4 * 0.000999…)`).
 */
function budgetOf(threshold, budgets, numbers) {
    if (budgets.length === 1)
        return budgets[0];
    for (let i = 0; i < numbers.length; i++) {
        for (let j = 0; j < numbers.length; j++) {
            if (i === j)
                continue;
            const [a, b] = [numbers[i], numbers[j]];
            if (b > 0 && b < 1 && a >= b && (0,units/* nearlyEqual */.q8)(a * b, threshold, 1e-9))
                return b;
        }
    }
    return undefined;
}
/** Burn-rate conditions with the same factor form one window pair: the longest window and the shortest. */
function windowsOf(conditions) {
    const groups = new Map();
    for (const condition of conditions) {
        if (condition.factor === undefined || condition.windows.length === 0)
            continue;
        const key = condition.factor.toPrecision(6);
        groups.set(key, [...(groups.get(key) ?? []), condition]);
    }
    return [...groups.values()].map((group) => {
        const all = group.flatMap((c) => c.windows);
        const longSeconds = Math.max(...all);
        const shortSeconds = Math.min(...all);
        return {
            longSeconds,
            shortSeconds: shortSeconds < longSeconds ? shortSeconds : undefined,
            factor: group[0].factor,
            budget: group[0].budget,
            position: group.reduce((first, c) => (c.position.line < first.line || (c.position.line === first.line && (c.position.column ?? 0) < (first.column ?? 0)) ? c.position : first), group[0].position),
        };
    });
}
function distinct(values) {
    const out = [];
    for (const value of values)
        if (!out.some((v) => (0,units/* nearlyEqual */.q8)(v, value, 1e-9)))
            out.push(value);
    return out;
}
// slo-generator exports the burn rate it computed per error budget policy step as a metric
// (`error_budget_burn_rate`, labelled with the step's name), so an alert on it states its window
// by that label and its factor as the threshold itself.
const SLO_GENERATOR_BURN_RATE = 'error_budget_burn_rate';
/**
 * What an alert on slo-generator's exported burn rate encodes for `slo`: each comparison of the
 * metric for one step (`error_budget_policy_step_name="1 hour"`, or a `window` label in seconds)
 * is a burn-rate window of that step's length at the compared factor, over the SLO's SLI metrics.
 * Other alerts are unchanged.
 */
function sloGeneratorEncoding(rule, encoding, slo) {
    const facts = rule.expr.analysis.facts;
    const windows = [];
    const conditions = [];
    for (const comparison of facts.comparisons) {
        if (comparison.threshold === undefined || comparison.thresholdSide === undefined)
            continue;
        const above = (comparison.op === '>' || comparison.op === '>=') === (comparison.thresholdSide !== 'left');
        if (!above)
            continue;
        const selector = facts.selectors.find((s) => s.metric === SLO_GENERATOR_BURN_RATE && s.from >= comparison.from && s.to <= comparison.to);
        if (!selector)
            continue;
        const step = selector.matchers.find((m) => m.op === '=' && m.label === 'error_budget_policy_step_name')?.value;
        const windowLabel = selector.matchers.find((m) => m.op === '=' && m.label === 'window')?.value;
        const longSeconds = step !== undefined ? slo.burnWindows.find((w) => w.name === step)?.longSeconds : windowLabel !== undefined ? Number(windowLabel) : undefined;
        if (longSeconds === undefined || !Number.isFinite(longSeconds) || longSeconds <= 0)
            continue;
        const position = (0,placement/* queryPosition */.ol)(rule.expr, comparison.from);
        conditions.push({ windows: [longSeconds], threshold: comparison.threshold, above, factor: comparison.threshold, position });
        windows.push({ longSeconds, factor: comparison.threshold, position });
    }
    if (windows.length === 0)
        return encoding;
    // The exported burn rate is computed from the SLO's own SLI: that is what the alert reads.
    const metrics = [...new Set([...encoding.metrics.filter((metric) => metric !== SLO_GENERATOR_BURN_RATE), ...slo.indicator.metrics])];
    return { ...encoding, kind: 'burn-rate', conditions, windows, metrics };
}

;// CONCATENATED MODULE: ./src/link/hints.ts
// Names as evidence: the words of an alert's name, group, labels and metrics against the words of
// an SLO's name, service and indicator. Only a tie-breaker and a last resort for SLOs whose format
// names no metrics; metrics read are stronger evidence (see link.ts).

// Words every SLO alert or panel uses, which say nothing about which SLO it is for.
const STOPWORDS = new Set('slo slos sli sla slis burn burnrate rate rates budget high low fast slow alert alerts alerting breach breached exceeded exceeds exceed too critical warning info page ticket window windows target targets total seconds bucket count sum duration time the and for of by per is in on at to rule rules recording job instance over above below remaining current'.split(' '));
/** Lower-case words of a name: camelCase, snake_case, kebab-case and "P95Latency" split; "50ms" and "p95" kept whole. */
function words(text) {
    if (!text)
        return [];
    const spaced = text
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .replace(/(\d)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase();
    return (spaced.match(/[a-z]*\d+(?:\.\d+)?[a-z]*|[a-z]+/g) ?? []).filter((w) => /[a-z]/.test(w) && w.length > 1 && !STOPWORDS.has(w));
}
/** The words that identify an SLO. */
function sloWords(slo) {
    const out = new Set([...words(slo.name), ...words(slo.service), ...words(slo.indicator.declaredType)]);
    if (slo.indicator.percentile !== undefined)
        out.add(`p${slo.indicator.percentile}`);
    if (slo.indicator.thresholdSeconds !== undefined)
        out.add((0,units/* formatLatency */.YL)(slo.indicator.thresholdSeconds).toLowerCase());
    return out;
}
// hintScore matches a word of four letters or more to its extensions, shorter words only whole.
const MIN_PREFIX = 4;
/** How many of the SLO's words the hints contain; a word also matches its plural or short extension ("start"/"startup"). */
function hintScore(hints, slo) {
    let score = 0;
    for (const word of slo) {
        for (const hint of hints) {
            const [short, long] = word.length <= hint.length ? [word, hint] : [hint, word];
            if (short === long || (short.length >= MIN_PREFIX && long.startsWith(short) && long.length - short.length <= 3)) {
                score++;
                break;
            }
        }
    }
    return score;
}
/** What two words share whenever hintScore matches them (and often when it does not): the key to look candidates up by. */
function hintKey(word) {
    return word.length < MIN_PREFIX ? word : word.slice(0, MIN_PREFIX);
}

;// CONCATENATED MODULE: ./src/link/link.ts
// Link every alerting rule and dashboard panel to the SLOs it implements, once per run.
// An alert implements an SLO when (a) its labels or selectors name it (slo, slo_name, sloth_slo,
// sloth_id), (b) `.slo-gate.yml` slo-links maps it, or (c) it is inferred: its query reads the SLO's
// SLI metrics (through recording rules too) and compares against a burn-rate, target or latency
// threshold; for SLOs whose format names no metrics, the words of its names must point at one SLO.
// An SLO is its name within its service (model/slo-identity.ts): a name label or slo-links entry
// that several services' SLOs answer to links to none of them unless a service label picks one.
// Candidates of several identities make an ambiguous link, which checks report; nothing is guessed.




const NAME_LABELS = ['slo', 'slo_name', 'sloth_slo'];
/** Labels that state the service (or namespace) an SLO name belongs to, when the name alone is shared. */
const SERVICE_LABELS = ['sloth_service', 'service', 'namespace', 'service_name'];
/** A metric's family: the name without the suffixes histograms and counters add; Pyrra's `x:burnrate5m` is family x. */
function metricFamily(metric) {
    const pyrra = /^(.*):burnrate\w+$/.exec(metric);
    return (pyrra ? pyrra[1] : metric).replace(/_(total|count|bucket|sum)$/, '');
}
const normalName = (name) => name.toLowerCase().replace(/_/g, '-');
/**
 * The model with its links. `references` are the dashboard paths resolved against the tree
 * (resolveReferences, which reads the file system); without them every reference is unresolved.
 */
function linkModel(model, config, references = new Map()) {
    return { model, links: linkSlos(model, config), references, sloName: (0,slo_identity/* sloNaming */.TW)(model.slos) };
}
/**
 * The labels that link an alert to this SLO and no other of the run: `slo`, and where another
 * service has an SLO of the same name, the label that names its service in its format.
 */
function linkingLabels(linked, slo) {
    if (slo.service === undefined || linked.sloName(slo) === slo.name)
        return { slo: slo.name };
    const serviceLabel = slo.format === 'sloth' ? 'sloth_service' : slo.format === 'pyrra' ? 'namespace' : slo.format === 'slo-generator' ? 'service_name' : 'service';
    return { slo: slo.name, [serviceLabel]: slo.service };
}
function linkSlos(model, config) {
    const recordings = recordingsOf(model.rules);
    const links = { bySlo: new Map(model.slos.map((slo) => [slo.key, { slo, alerts: [], panels: [] }])), ambiguous: [], encodings: new Map() };
    const add = (slo) => links.bySlo.get(slo.key);
    const slos = indexSlos(model.slos);
    for (const rule of model.rules) {
        if (rule.kind !== 'alert')
            continue;
        const encoding = encodeAlert(rule, recordings);
        links.encodings.set(rule, encoding);
        const names = alertNames(rule);
        const named = namedSlos(names, slos);
        if (named.length) {
            const picked = oneIdentity(named, names);
            if (!picked)
                links.ambiguous.push({ rule, by: 'label', candidates: named });
            for (const { slo, by } of picked ?? [])
                add(slo).alerts.push({ rule, method: 'label', reason: labelReason(names, slo, by), encoding: slo.format === 'slo-generator' ? sloGeneratorEncoding(rule, encoding, slo) : encoding });
            continue;
        }
        const mapped = config.sloLinks[rule.name];
        // `service/name`, or a bare name that must then belong to one service.
        const configured = mapped === undefined ? [] : (slos.byIdentity.get(mapped) ?? slos.byName.get(mapped) ?? []);
        if (configured.length) {
            if (identities(configured) > 1)
                links.ambiguous.push({ rule, by: 'config', candidates: configured });
            else
                for (const slo of configured)
                    add(slo).alerts.push({ rule, method: 'config', reason: `slo-links maps ${rule.name} to ${mapped}`, encoding });
            continue;
        }
        if (encoding.kind !== 'burn-rate' && encoding.kind !== 'target' && encoding.kind !== 'latency')
            continue;
        // Generated for an SLO that is not among the checked files (Sloth names its SLO in every rule): not ours to guess.
        if (names.sloth_id || names.sloth_slo)
            continue;
        const hints = () => new Set([...words(rule.name), ...words(rule.group), ...Object.entries(rule.labels).flatMap(([k, v]) => (k === 'severity' ? [] : words(v.value))), ...encodingWords(encoding)]);
        const chosen = choose((slo) => fitsAlert(slo, encoding), encoding.metrics, hints, slos, 1);
        if (chosen.length === 1)
            add(chosen[0].slo).alerts.push({ rule, method: 'inferred', reason: chosen[0].reason, encoding });
        else if (chosen.length > 1)
            links.ambiguous.push({ rule, by: 'inferred', candidates: chosen.map((c) => c.slo) });
    }
    // Panels come second: an SLO whose format names no metrics is known by the metrics its alerts read.
    const alertMetrics = new Map(model.slos.map((slo) => [slo, new Set(add(slo).alerts.flatMap((a) => a.encoding.metrics).map(metricFamily))]));
    for (const dashboard of model.dashboards) {
        for (const panel of dashboard.panels) {
            const metrics = [...new Set(panel.targets.flatMap((t) => (t.expr ? [...metricsRead(t.expr.analysis.facts, recordings)] : [])))];
            if (metrics.length === 0)
                continue;
            const matchers = panel.targets.flatMap((t) => t.expr?.analysis.facts.selectors.flatMap((s) => s.matchers.filter((m) => m.op === '=')) ?? []);
            const names = {};
            for (const m of matchers)
                names[m.label] = [...(names[m.label] ?? []), m.value];
            const named = namedSlos(names, slos);
            if (named.length) {
                const picked = oneIdentity(named, names);
                if (!picked)
                    links.ambiguous.push({ dashboard, panel, by: 'label', candidates: named });
                for (const { slo, by } of picked ?? [])
                    add(slo).panels.push({ dashboard, panel, method: 'label', reason: labelReason(names, slo, by), metrics });
                continue;
            }
            const quantiles = panel.targets.flatMap((t) => t.expr?.analysis.facts.histogramQuantiles ?? []);
            const hints = () => new Set([...words(panel.title), ...metrics.flatMap(words)]);
            const chosen = choose((slo) => (quantiles.length ? slo.indicator.type === 'latency' : true), metrics, hints, slos, 2, alertMetrics);
            if (chosen.length === 1)
                add(chosen[0].slo).panels.push({ dashboard, panel, method: 'inferred', reason: chosen[0].reason, metrics });
            else if (chosen.length > 1)
                links.ambiguous.push({ dashboard, panel, by: 'inferred', candidates: chosen.map((c) => c.slo) });
        }
    }
    return links;
}
function indexSlos(slos) {
    const index = { order: new Map(), words: new Map(), families: new Map(), byName: new Map(), byIdentity: new Map(), byNormalName: new Map(), bySlothId: new Map(), byFamily: new Map(), byHintKey: new Map() };
    const file = (map, key, slo) => {
        const listed = map.get(key);
        if (!listed)
            map.set(key, [slo]);
        else if (listed[listed.length - 1] !== slo)
            listed.push(slo);
    };
    for (const [position, slo] of slos.entries()) {
        const sloWordSet = sloWords(slo);
        const families = slo.indicator.metrics.map(metricFamily);
        index.order.set(slo, position);
        index.words.set(slo, sloWordSet);
        index.families.set(slo, families);
        file(index.byName, slo.name, slo);
        if (slo.service !== undefined)
            file(index.byIdentity, (0,slo_identity/* sloIdentity */.$T)(slo), slo);
        file(index.byNormalName, normalName(slo.name), slo);
        // slo-generator's exporters label every metric with the SLO's slo_name (and service and feature names).
        if (slo.format === 'slo-generator' && slo.labels.slo_name)
            file(index.byNormalName, normalName(slo.labels.slo_name), slo);
        if (slo.service)
            file(index.bySlothId, `${slo.service}-${slo.name}`, slo);
        for (const family of families)
            file(index.byFamily, family, slo);
        if (families.length === 0)
            for (const word of sloWordSet)
                file(index.byHintKey, hintKey(word), slo);
    }
    return index;
}
/** SLOs from several lookups, each once, in model order. */
function inModelOrder(lists, slos) {
    const found = new Set();
    for (const list of lists)
        for (const slo of list ?? [])
            found.add(slo);
    return [...found].sort((a, b) => slos.order.get(a) - slos.order.get(b));
}
/** The SLOs the labels or `=` matchers name (see namesSlo), looked up by the names they give. */
function namedSlos(names, slos) {
    const lookups = [];
    for (const label of NAME_LABELS)
        for (const value of names[label] ?? [])
            lookups.push(slos.byNormalName.get(normalName(value)));
    for (const value of names.sloth_id ?? [])
        lookups.push(slos.bySlothId.get(value));
    return inModelOrder(lookups, slos).filter((slo) => namesSlo(names, slo));
}
/** How many identities the SLOs have: one when they are a single SLO or its duplicates (policy/duplicate reports those). */
function identities(candidates) {
    return new Set(candidates.map(slo_identity/* sloIdentityKey */.kL)).size;
}
/**
 * The SLOs the labels name, when they are of one identity: all of them (duplicates are linked
 * alike, as before), or when several services share the name, those of the service a service
 * label states, with that label. Undefined when the labels do not say which.
 */
function oneIdentity(candidates, names) {
    if (identities(candidates) === 1)
        return candidates.map((slo) => ({ slo }));
    for (const label of SERVICE_LABELS) {
        const picked = candidates.filter((slo) => slo.service !== undefined && names[label]?.includes(slo.service));
        if (picked.length && identities(picked) === 1)
            return picked.map((slo) => ({ slo, by: `${label}=${slo.service}` }));
    }
    return undefined;
}
/** Labels or `=` matchers that name this SLO; sloth_id is `<service>-<slo>`, sloth_service must agree when present. */
function namesSlo(names, slo) {
    if (slo.format === 'slo-generator')
        return sloGeneratorLabels(names, slo) !== undefined;
    if (slo.service && names.sloth_service && !names.sloth_service.includes(slo.service))
        return false;
    if (names.sloth_id && slo.service)
        return names.sloth_id.includes(`${slo.service}-${slo.name}`);
    return NAME_LABELS.some((label) => names[label]?.some((value) => normalName(value) === normalName(slo.name)));
}
/**
 * The labels that name a slo-generator SLO (`slo_name`, with `service_name` and `feature_name`
 * agreeing wherever the alert states them), as `label=value` pairs; undefined when they do not.
 */
function sloGeneratorLabels(names, slo) {
    const sloName = names.slo_name?.find((value) => normalName(value) === normalName(slo.labels.slo_name ?? slo.name)) ?? names.slo?.find((value) => normalName(value) === normalName(slo.name));
    if (sloName === undefined)
        return undefined;
    const pairs = [`slo_name=${sloName}`];
    for (const label of ['feature_name', 'service_name']) {
        const own = slo.labels[label];
        const stated = names[label];
        if (!stated || own === undefined)
            continue;
        if (!stated.includes(own))
            return undefined;
        pairs.unshift(`${label}=${own}`);
    }
    return pairs;
}
/** The labels that made the link; `service` is the service label that picked the SLO among others of its name. */
function labelReason(names, slo, service) {
    if (slo.format === 'slo-generator')
        return sloGeneratorLabels(names, slo).join(', ');
    if (names.sloth_id && slo.service)
        return `sloth_id=${slo.service}-${slo.name}`;
    const label = NAME_LABELS.find((l) => names[l]?.some((v) => normalName(v) === normalName(slo.name)));
    const reason = `${label}=${names[label].find((v) => normalName(v) === normalName(slo.name))}`;
    return service ? `${reason}, ${service}` : reason;
}
function fitsAlert(slo, encoding) {
    if (encoding.kind === 'latency')
        return slo.indicator.type === 'latency';
    // A burn-rate or target alert needs a budget; a latency SLO qualifies only when its metrics can show the alert reads them.
    return slo.target !== undefined && (slo.indicator.type !== 'latency' || slo.indicator.metrics.length > 0);
}
function encodingWords(encoding) {
    const out = encoding.metrics.flatMap(words);
    for (const condition of encoding.conditions) {
        if (!condition.latency)
            continue;
        // The percentile is left out: p95 alone says nothing about which of several p95 SLOs is meant.
        out.push((0,units/* formatLatency */.YL)(condition.latency.thresholdSeconds).toLowerCase());
    }
    return out;
}
/**
 * The best-supported SLOs. Reading the SLO's SLI metrics outweighs any number of shared words; an
 * SLO that names metrics the item does not read is out. Without metric evidence, at least
 * `minWords` shared words are needed (or one, with the metrics the SLO's alerts read). `hintsOf`
 * makes the item's words when they are needed.
 */
function choose(fits, metrics, hintsOf, slos, minWords, alertMetrics) {
    const families = new Set(metrics.map(metricFamily));
    // The words are only split out when some SLO could use them: most alerts meet none.
    let hintSet;
    const hints = () => (hintSet ??= hintsOf());
    // Only SLOs sharing a metric family, or naming no metrics and sharing a word (minWords is at
    // least 1), can score; the others are not looked at.
    const lookups = [...families].map((family) => slos.byFamily.get(family));
    if (slos.byHintKey.size > 0)
        for (const hint of hints())
            lookups.push(slos.byHintKey.get(hintKey(hint)));
    const scored = inModelOrder(lookups, slos)
        .filter(fits)
        .flatMap((slo) => {
        const sliFamilies = slos.families.get(slo);
        const shared = sliFamilies.filter((f) => families.has(f));
        if (sliFamilies.length > 0 && shared.length === 0)
            return [];
        const sloWordSet = slos.words.get(slo);
        const wordScore = hintScore(hints(), sloWordSet);
        const viaAlerts = [...(alertMetrics?.get(slo) ?? [])].filter((f) => families.has(f));
        if (shared.length === 0 && !(wordScore >= minWords || (viaAlerts.length > 0 && wordScore >= 1)))
            return [];
        const reason = shared.length
            ? `reads the SLI metric ${shared[0]}`
            : viaAlerts.length
                ? `reads ${viaAlerts[0]} like the SLO's alerts, and its name fits`
                : `its names fit the SLO's (${[...sloWordSet].filter((w) => hintScore(hints(), new Set([w])) > 0).join(', ')})`;
        return [{ slo, reason, score: shared.length * 100 + viaAlerts.length * 10 + wordScore }];
    });
    const best = Math.max(0, ...scored.map((s) => s.score));
    return scored.filter((s) => s.score === best && best > 0);
}


/***/ }),

/***/ 17920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ linkedAlerts),
/* harmony export */   Z: () => (/* binding */ dashboardShows)
/* harmony export */ });
// Questions about one linked tree that the policy-change checks and the base comparison both ask.
/** Alerting rules that implement the SLO. */
function linkedAlerts(linked, slo) {
    return (linked.links.bySlo.get(slo.key)?.alerts ?? []).map((link) => link.rule);
}
/** Whether a dashboard shows the SLO: the SLO names it, or one of its panels is linked to the SLO. */
function dashboardShows(linked, dashboard, slo) {
    if (slo.dashboardRefs.some((ref) => linked.references.get(ref)?.resolved === dashboard.file))
        return true;
    return (linked.links.bySlo.get(slo.key)?.panels ?? []).some((link) => link.dashboard === dashboard);
}


/***/ }),

/***/ 83243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qb: () => (/* binding */ backtestLine),
/* harmony export */   SP: () => (/* binding */ backtestSlo)
/* harmony export */ });
/* unused harmony exports MAX_RANGE_POINTS, firingIntervals, chunkedRange, expandRecorded */
/* harmony import */ var _model_burn_rate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12203);
/* harmony import */ var _lang_promql_analyse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43129);
/* harmony import */ var _model_units_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18766);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41831);
// Would the SLO's alerts have fired when its budget burned? Each alert linked to an SLO is
// evaluated as a range query over the SLO's period at its rule group's evaluation interval, the
// way the rule manager would have evaluated it (the repository's recording rules written out in
// place, so the rules need not be deployed), and `for` is applied to the result. The burn
// episodes come from the same error-ratio series the budget uses, one value per evaluation step.
//
// Arithmetic, with step s and evaluation times t (each step covers (t − s, t]):
//   burn rate of a step      errors(t) / total(t) / budget
//   episode                  a maximal run of steps with burn rate > 1; it begins at the first step's start
//   budget spent over steps  Σ errors(t) / (budget × Σ total over the whole period)
//                            (ratio SLIs: Σ ratio(t) / (budget × number of steps))
//   firing                   an alert instance pending since its first step fires at the first
//                            evaluation at least `for` later; it fires on while the query returns it
//   first firing of episode  the first firing interval that ends after the episode began and
//                            starts no later than the episode's end plus the alert's longest window





/** Points per range query; Prometheus refuses more than 11,000. */
const MAX_RANGE_POINTS = 10_000;
const PART = 'slo_gate_part';
const PAGE_SEVERITY = /^(page|critical|p[01]|high|urgent)$/i;
/** Backtest one SLO's alerts at `time`. PrometheusError of kind 'unreachable' or 'budget' propagates. */
async function backtestSlo(input, client, time) {
    const { slo, plan, alerts } = input;
    const budget = (0,_model_burn_rate_js__WEBPACK_IMPORTED_MODULE_0__/* .errorBudget */ .C0)(slo.target);
    const period = slo.periodSeconds;
    // The ratio series at the finest evaluation interval of the SLO's alerts.
    const intervals = alerts.map((a) => a.rule.groupIntervalSeconds ?? input.defaultEvaluationSeconds);
    const step = Math.min(...intervals);
    const start = time - period + step;
    const result = { sloKey: slo.key, start: time - period, end: time, stepSeconds: step, episodes: [], alerts: [] };
    let ratio;
    try {
        ratio = await stepRatios(plan, client, start, time, step);
    }
    catch (error) {
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_3__/* .PrometheusError */ .HH && error.kind === 'query')
            return { ...result, error: error.message };
        throw error;
    }
    const times = Array.from({ length: Math.round((time - start) / step) + 1 }, (_, k) => start + k * step);
    const totalPeriod = plan.kind === 'ratio' ? times.length : times.reduce((sum, t) => sum + (ratio.get(t)?.total ?? 0), 0);
    const spentAt = (t) => {
        const point = ratio.get(t);
        if (!point || !(totalPeriod > 0))
            return 0;
        return point.errors / (budget * totalPeriod);
    };
    const burnAt = (t) => {
        const point = ratio.get(t);
        if (!point || !(point.total > 0))
            return 0;
        return point.errors / point.total / budget;
    };
    const episodes = [];
    let open;
    for (const t of times) {
        const burn = burnAt(t);
        if (burn > 1) {
            open ??= { start: t - step, end: t, budgetSpent: 0, peakBurnRate: 0 };
            open.end = t;
            open.budgetSpent += spentAt(t);
            open.peakBurnRate = Math.max(open.peakBurnRate, burn);
        }
        else if (open) {
            episodes.push(open);
            open = undefined;
        }
    }
    if (open)
        episodes.push(open);
    result.episodes = episodes;
    const spentBetween = (from, to) => times.filter((t) => t > from && t <= to).reduce((sum, t) => sum + spentAt(t), 0);
    for (const link of alerts) {
        const rule = link.rule;
        const evaluation = rule.groupIntervalSeconds ?? input.defaultEvaluationSeconds;
        const forSeconds = rule.for ? (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(rule.for.value) ?? 0 : 0;
        const keepFiringSeconds = rule.keepFiringFor ? (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(rule.keepFiringFor.value) ?? 0 : 0;
        const query = expandRecorded(rule.expr.text, rule.expr.analysis, input.recorded, evaluation);
        const windows = link.encoding.windows.filter((w) => w.factor !== undefined);
        const share = link.encoding.kind === 'burn-rate' && windows.length ? Math.max(...windows.map((w) => (w.factor * w.longSeconds) / period)) : undefined;
        const severity = rule.labels.severity?.value ?? rule.labels.sloth_severity?.value;
        const backtest = {
            sloKey: slo.key,
            alert: rule.name,
            subject: `${rule.group}/${rule.name}${severity !== undefined ? `{severity=${severity}}` : ''}`,
            file: rule.file,
            line: rule.position.line,
            column: rule.position.column,
            page: severity !== undefined ? PAGE_SEVERITY.test(severity) : windows.some((w) => w.factor >= 6),
            share,
            evaluationSeconds: evaluation,
            forSeconds,
            firings: [],
            responses: [],
            query,
        };
        result.alerts.push(backtest);
        const alertStart = time - period + evaluation;
        let series;
        try {
            series = await chunkedRange(client, query, alertStart, time, evaluation);
        }
        catch (error) {
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_3__/* .PrometheusError */ .HH && error.kind === 'query') {
                backtest.error = error.message;
                continue;
            }
            throw error;
        }
        backtest.firings = firingIntervals(series, evaluation, forSeconds, keepFiringSeconds).map((f) => ({ start: f.start, end: Math.min(f.end, time) }));
        const grace = Math.max(0, ...link.encoding.windows.map((w) => w.longSeconds));
        backtest.responses = episodes.map((episode, index) => {
            const firing = backtest.firings.find((f) => f.end >= episode.start && f.start <= episode.end + grace);
            if (!firing)
                return { episode: index };
            const firedAt = Math.max(firing.start, episode.start);
            return { episode: index, firedAt, delaySeconds: firedAt - episode.start, budgetAtFiring: spentBetween(episode.start, firedAt) };
        });
    }
    return result;
}
/**
 * Alert instances (one per label set) → merged firing intervals. An instance is pending from the
 * first evaluation of an unbroken run and fires once `for` has passed since then; with
 * `keep_firing_for` it goes on firing that long after its query stopped returning it.
 */
function firingIntervals(series, step, forSeconds, keepFiringSeconds = 0) {
    const intervals = [];
    for (const one of series) {
        let runStart;
        let previous;
        const close = () => {
            if (runStart !== undefined && previous !== undefined) {
                const fireFrom = runStart + Math.ceil(forSeconds / step - 1e-9) * step;
                if (fireFrom <= previous)
                    intervals.push({ start: fireFrom, end: previous + Math.ceil(keepFiringSeconds / step - 1e-9) * step });
            }
        };
        for (const [t] of one.points) {
            if (previous === undefined || Math.abs(t - previous - step) > 1e-6) {
                close();
                runStart = t;
            }
            previous = t;
        }
        close();
    }
    intervals.sort((a, b) => a.start - b.start);
    const merged = [];
    for (const interval of intervals) {
        const last = merged.at(-1);
        if (last && interval.start <= last.end + step + 1e-6)
            last.end = Math.max(last.end, interval.end);
        else
            merged.push({ ...interval });
    }
    return merged;
}
/** Errors and total (or the ratio) for each step (t − step, t], from `start` to `end`. */
async function stepRatios(plan, client, start, end, step) {
    const w = (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDurationInOneUnit */ .hI)(step);
    const query = plan.kind === 'ratio' ? plan.ratio(w) : `${tag(plan.errors(w), 'errors')} or ${tag(plan.total(w), 'total')}`;
    const series = await chunkedRange(client, query, start, end, step);
    const out = new Map();
    for (const one of series) {
        const part = plan.kind === 'ratio' ? 'ratio' : one.labels[PART];
        for (const [t, v] of one.points) {
            if (!Number.isFinite(v))
                continue;
            const point = out.get(t) ?? { errors: 0, total: plan.kind === 'ratio' ? 1 : 0 };
            if (part === 'errors' || part === 'ratio')
                point.errors += v;
            else if (part === 'total')
                point.total += v;
            out.set(t, point);
        }
    }
    // A step with a total and no error series had no errors (the counter has no 5xx series yet).
    return out;
}
/** A range query in pieces of at most MAX_RANGE_POINTS steps, joined per label set. */
async function chunkedRange(client, query, start, end, step) {
    const joined = new Map();
    for (let from = start; from <= end; from += MAX_RANGE_POINTS * step) {
        const to = Math.min(end, from + (MAX_RANGE_POINTS - 1) * step);
        for (const one of await client.queryRange(query, from, to, step)) {
            const key = JSON.stringify(Object.entries(one.labels).sort(([a], [b]) => (a < b ? -1 : 1)));
            const into = joined.get(key);
            if (into)
                into.points.push(...one.points);
            else
                joined.set(key, { labels: one.labels, points: [...one.points] });
        }
    }
    return [...joined.values()];
}
/**
 * The query with each selector of a repository recording rule replaced by that rule's expression
 * (recursively; a range over it becomes a subquery at the evaluation interval). A selector whose
 * matchers no recording rule's static labels satisfy is left as written.
 */
function expandRecorded(text, analysis, recorded, evaluation, depth = 0) {
    if (depth > 8 || analysis.errors.length > 0)
        return text;
    const replacements = [];
    for (const selector of analysis.facts.selectors) {
        const rules = selector.metric !== undefined ? recorded.get(selector.metric) : undefined;
        if (!rules)
            continue;
        const fitting = rules.filter((rule) => selector.matchers.every((m) => m.label === '__name__' || satisfies(rule.labels[m.label]?.value, m)));
        if (!fitting.length)
            continue;
        const bodies = fitting.map((rule) => `(${expandRecorded(rule.expr.text, rule.expr.analysis, recorded, evaluation, depth + 1)})`);
        const body = bodies.length === 1 ? bodies[0] : `(${bodies.join(' or ')})`;
        const range = /^\s*\[([^\]:]+)\]/.exec(text.slice(selector.to));
        if (range)
            replacements.push({ from: selector.from, to: selector.to + range[0].length, text: `${body}[${range[1].trim()}:${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDurationInOneUnit */ .hI)(evaluation)}]` });
        else
            replacements.push({ from: selector.from, to: selector.to, text: body });
    }
    let out = text;
    for (const r of replacements.sort((a, b) => b.from - a.from))
        out = out.slice(0, r.from) + r.text + out.slice(r.to);
    return depth === 0 && out !== text && (0,_lang_promql_analyse_js__WEBPACK_IMPORTED_MODULE_1__/* .analyseQuery */ .E8)(out).errors.length > 0 ? text : out;
}
/** A label the rule sets statically against a matcher; a label it does not set could have any value. */
function satisfies(value, m) {
    if (value === undefined)
        return true;
    const regex = () => {
        try {
            return new RegExp(`^(?:${m.value})$`).test(value);
        }
        catch {
            return true;
        }
    };
    switch (m.op) {
        case '=':
            return value === m.value;
        case '!=':
            return value !== m.value;
        case '=~':
            return regex();
        case '!~':
            return !regex();
    }
}
function tag(expr, part) {
    return `label_replace(${expr}, "${PART}", "${part}", "", "")`;
}
/** "would have fired 2× in 30d (3h 10m in all); burn 1: fired after 9 min, 3.1 % of the budget spent; burn 2: no firing (8.3 % spent)" */
function backtestLine(backtest, alert) {
    const period = (0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDurationInOneUnit */ .hI)(backtest.end - backtest.start);
    const firingSeconds = alert.firings.reduce((sum, f) => sum + (f.end - f.start + alert.evaluationSeconds), 0);
    const verb = alert.page ? 'paged' : 'fired';
    const head = alert.firings.length
        ? `would have ${verb} ${alert.firings.length}× in ${period} (${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .describeSpan */ .uM)(firingSeconds)} in all)`
        : `would not have ${alert.page ? 'paged' : 'fired'} in ${period}`;
    if (!backtest.episodes.length)
        return `${head}; the budget never burned faster than it allows in that time`;
    const episodes = backtest.episodes.map((episode, index) => {
        const response = alert.responses[index];
        const burn = `burn ${index + 1} (${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .describeSpan */ .uM)(episode.end - episode.start)} at up to ${Number(episode.peakBurnRate.toFixed(1))}×, ${percent(episode.budgetSpent)} of the budget)`;
        if (response?.firedAt === undefined)
            return `${burn}: no ${alert.page ? 'page' : 'firing'}`;
        return `${burn}: first ${alert.page ? 'page' : 'firing'} ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_2__/* .describeSpan */ .uM)(response.delaySeconds)} after it began, ${percent(response.budgetAtFiring)} spent`;
    });
    return `${head}; ${episodes.join('; ')}`;
}
function percent(ratio) {
    return `${Number((ratio * 100).toFixed(1))} %`;
}


/***/ }),

/***/ 41831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HH: () => (/* binding */ PrometheusError),
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   Sx: () => (/* binding */ PrometheusClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RESPONSE_BYTES, MAX_REDIRECTS, MAX_QUOTED, sampleValue */
/* harmony import */ var _secrets_scrubber_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71141);
// A small client for the Prometheus HTTP API (/api/v1/query, /api/v1/query_range). It speaks
// only what Prometheus, Thanos Query, Mimir/Cortex and VictoriaMetrics all answer, and lets the
// server do the arithmetic: we never download raw samples.
//
// Failures come back as PrometheusError with a kind the caller can act on: 'unreachable' means
// no query can succeed (connection refused, TLS, timeout, 401/403, not a Prometheus API), so the
// client stops trying after the first one; 'query' means the backend answered with an error for
// this one query; 'budget' means the run's total time budget ran out before the query ran;
// 'missing' means an optional endpoint (metadata, targets) is not offered by this backend, which
// says nothing about the others.
//
// The backend is not trusted with more than it needs:
// - Header values, URL credentials and the Basic credential built from them never appear in any
//   message: whatever the backend says (error body, reason phrase) is scrubbed of them and cut
//   to MAX_QUOTED characters before it is quoted.
// - Credentials go to prometheus-url's origin only: a redirect to another origin is refused
//   (one 'unreachable' failure naming the origin), a same-origin one is followed at most
//   MAX_REDIRECTS times.
// - An answer is read as a stream and abandoned past maxResponseBytes (one 'query' failure,
//   never retried), so a runaway query or a hostile backend cannot exhaust memory.

class PrometheusError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** Longest piece of a backend's own text (error, reason phrase) quoted in a message. */
const MAX_QUOTED = 300;
class PrometheusClient {
    options;
    baseUrl;
    /** Base URL without credentials or query string, safe to print. */
    displayUrl;
    stats = { requests: 0, retries: 0 };
    headers;
    origin;
    scrubber;
    down;
    constructor(options) {
        this.options = options;
        const parsed = parseBaseUrl(options.url);
        this.baseUrl = parsed.base;
        this.displayUrl = parsed.display;
        this.origin = new URL(parsed.base).origin;
        this.headers = { ...(parsed.authorization ? { authorization: parsed.authorization } : {}), ...options.headers };
        this.scrubber = new _secrets_scrubber_js__WEBPACK_IMPORTED_MODULE_0__/* .Scrubber */ .h6([...Object.values(this.headers), ...parsed.credentials]);
    }
    /** Instant query at `time` (unix seconds; default: the server's now). Vector or scalar results. */
    async query(expr, time) {
        const params = new URLSearchParams({ query: expr });
        if (time !== undefined)
            params.set('time', String(time));
        const data = await this.request('/api/v1/query', params);
        if (data.resultType === 'scalar')
            return [{ labels: {}, value: sampleValue(data.result) }];
        if (data.resultType !== 'vector')
            throw new PrometheusError('query', `expected an instant vector, got ${this.quote(String(data.resultType))}`);
        // A series without a sample (value null or missing) has nothing to say at this instant.
        return seriesList(data.result)
            .filter((item) => Array.isArray(item.value))
            .map((item) => ({ labels: labelsOf(item.metric), value: sampleValue(item.value) }));
    }
    /** Range query over [start, end] every `step` seconds. */
    async queryRange(expr, start, end, step) {
        const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
        const data = await this.request('/api/v1/query_range', params);
        if (data.resultType !== 'matrix')
            throw new PrometheusError('query', `expected a range vector, got ${this.quote(String(data.resultType))}`);
        return matrixOf(data.result);
    }
    /** The first 'unreachable' failure, once the client has given up on the backend. */
    get unreachable() {
        return this.down;
    }
    /** Raw samples of a range selector (`x[10m]`) at `time`: for sample spacing, on one series only. */
    async queryMatrix(expr, time) {
        const data = await this.request('/api/v1/query', new URLSearchParams({ query: expr, time: String(time) }));
        if (data.resultType !== 'matrix')
            throw new PrometheusError('query', `expected a range vector, got ${this.quote(String(data.resultType))}`);
        return matrixOf(data.result);
    }
    /** `/api/v1/metadata` for one metric name: the types its exporters declare (empty when unknown). Not every backend has it. */
    async metadata(metric) {
        const data = (await this.request('/api/v1/metadata', new URLSearchParams({ metric }), { optional: true }));
        const entries = data[metric];
        return Array.isArray(entries) ? entries.filter((e) => isRecord(e) && typeof e.type === 'string') : [];
    }
    /** `/api/v1/targets?state=active`: each scrape target's labels and configured interval. Not every backend has it. */
    async targets() {
        const data = (await this.request('/api/v1/targets', new URLSearchParams({ state: 'active' }), { optional: true }));
        const active = Array.isArray(data.activeTargets) ? data.activeTargets : [];
        return active.filter(isRecord).map((t) => ({ labels: labelsOf(t.labels), scrapeInterval: typeof t.scrapeInterval === 'string' ? t.scrapeInterval : undefined }));
    }
    async request(path, params, options = {}) {
        if (this.down)
            throw this.down;
        this.options.log?.(`prometheus ${path} ${params.toString()}`);
        const retries = this.options.retries ?? 2;
        const backoff = this.options.backoffMs ?? 250;
        for (let attempt = 0;; attempt++) {
            const outcome = await this.attempt(path, params, options.optional ?? false);
            if (outcome.ok)
                return outcome.data;
            const { error, retry } = outcome;
            const wait = backoff * 2 ** attempt;
            const deadline = this.options.deadline ?? Infinity;
            if (!retry || attempt >= retries || Date.now() + wait >= deadline) {
                if (error.kind === 'unreachable')
                    this.down ??= error;
                throw error;
            }
            this.stats.retries++;
            await new Promise((resolve) => setTimeout(resolve, wait));
        }
    }
    async attempt(path, params, optional) {
        const left = (this.options.deadline ?? Infinity) - Date.now();
        if (left <= 0)
            return { ok: false, error: new PrometheusError('budget', 'the live run used up its time budget before this query ran'), retry: false };
        const timeoutMs = Math.min(this.options.timeoutMs, left);
        const signal = AbortSignal.timeout(timeoutMs);
        this.stats.requests++;
        let exchange;
        try {
            // The metadata and targets endpoints are GET only.
            exchange = await this.exchange(`${this.baseUrl}${path}`, params, signal, optional ? 'GET' : 'POST');
        }
        catch (error) {
            const name = error?.name;
            if (name === 'TimeoutError' || name === 'AbortError') {
                const cut = timeoutMs < this.options.timeoutMs;
                const message = cut ? 'the live run used up its time budget while waiting for an answer' : `no answer within ${formatSeconds(timeoutMs)} (prometheus-timeout)`;
                // A hung backend is not retried: every retry would wait the full timeout again.
                return { ok: false, error: new PrometheusError(cut ? 'budget' : 'unreachable', message), retry: false };
            }
            return { ok: false, error: new PrometheusError('unreachable', this.quote(networkMessage(error))), retry: true };
        }
        if ('failure' in exchange)
            return { ok: false, error: exchange.failure, retry: false };
        const { status, reason, text } = exchange;
        const body = parseJson(text);
        const statusLine = `HTTP ${status}${reason ? ` ${this.quote(reason)}` : ''}`;
        if (status === 401 || status === 403) {
            return { ok: false, error: new PrometheusError('unreachable', `${statusLine}: the backend refused the credentials (check prometheus-headers)`), retry: false };
        }
        if (body?.status === 'success' && isRecord(body.data))
            return { ok: true, data: body.data };
        // An optional endpoint this backend does not serve (Thanos and some Mimir setups have no metadata or targets).
        if (optional && (status === 404 || status === 405 || status === 501))
            return { ok: false, error: new PrometheusError('missing', `${path} is not available on this backend (HTTP ${status})`), retry: false };
        const retry = status >= 500 || status === 429;
        if (body?.status === 'error') {
            const message = `${body.errorType ? `${this.quote(String(body.errorType))}: ` : ''}${this.quote(String(body.error ?? `HTTP ${status}`))}`;
            return { ok: false, error: new PrometheusError('query', message), retry };
        }
        // Not Prometheus API JSON: a proxy's error page, a login page, or the wrong base URL.
        const what = status >= 200 && status < 300 ? `HTTP ${status} but not a Prometheus API answer` : statusLine;
        const hint = status === 404 || (status >= 200 && status < 300) ? ` from ${this.displayUrl}${path} (is prometheus-url the API base URL?)` : '';
        return { ok: false, error: new PrometheusError('unreachable', `${what}${hint}`), retry };
    }
    /**
     * One request and its answer, following same-origin redirects. Credentials are never sent to
     * another origin: such a redirect ends the exchange with a failure instead.
     */
    async exchange(url, params, signal, firstMethod) {
        let target = new URL(url);
        let method = firstMethod;
        for (let redirects = 0;; redirects++) {
            // POST keeps long queries out of URL length limits; every Prometheus-compatible API accepts it for queries.
            const response = await fetch(method === 'GET' ? withParams(target, params) : target, {
                method,
                headers: { ...this.headers, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), accept: 'application/json' },
                body: method === 'POST' ? params.toString() : undefined,
                signal,
                redirect: 'manual',
            });
            const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
            if (location === null) {
                const read = await readCapped(response, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
                if (read.over) {
                    const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
                    return { failure: new PrometheusError('query', `the answer is larger than the ${formatMiB(limit)} limit for one query (live-max-response-mb); it was not read further`) };
                }
                return { status: response.status, reason: response.statusText, text: read.text };
            }
            await response.body?.cancel().catch(() => undefined);
            let next;
            try {
                next = new URL(location, target);
            }
            catch {
                return { failure: new PrometheusError('unreachable', `HTTP ${response.status} redirect to an address that is not a URL`) };
            }
            if (next.origin !== this.origin) {
                return {
                    failure: new PrometheusError('unreachable', `HTTP ${response.status} redirect to another origin (${this.quote(next.origin)}) refused: credentials are sent to the origin of prometheus-url only; set prometheus-url to the address the backend answers on`),
                };
            }
            if (redirects >= MAX_REDIRECTS)
                return { failure: new PrometheusError('unreachable', `more than ${MAX_REDIRECTS} redirects from ${this.displayUrl}`) };
            // 303 asks for a GET; the others repeat the request as it was.
            if (response.status === 303)
                method = 'GET';
            target = next;
        }
    }
    /** Text from the backend, fit to quote: without any secret, on one line, cut short. */
    quote(text) {
        return oneLine(this.scrubber.scrub(text));
    }
}
/** The body as text, or `over` as soon as it passes `limit` bytes (the rest is never read). */
async function readCapped(response, limit) {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limit) {
        await response.body?.cancel().catch(() => undefined);
        return { over: true };
    }
    if (!response.body)
        return { over: false, text: '' };
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > limit) {
            await reader.cancel().catch(() => undefined);
            return { over: true };
        }
        chunks.push(value);
    }
    return { over: false, text: Buffer.concat(chunks).toString('utf8') };
}
function withParams(url, params) {
    const out = new URL(url);
    for (const [key, value] of params)
        out.searchParams.append(key, value);
    return out;
}
/** `values: null` (some backends, for a series without samples in the range) is an empty series. */
function matrixOf(result) {
    return seriesList(result).map((item) => ({
        labels: labelsOf(item.metric),
        points: (Array.isArray(item.values) ? item.values : []).filter(Array.isArray).map((point) => [Number(point[0]), sampleValue(point)]),
    }));
}
function seriesList(result) {
    if (result === null || result === undefined)
        return [];
    if (!Array.isArray(result))
        throw new PrometheusError('query', 'the backend answered with a malformed result (not a list of series)');
    return result.filter(isRecord);
}
function labelsOf(metric) {
    return isRecord(metric) ? Object.fromEntries(Object.entries(metric).map(([key, value]) => [key, String(value)])) : {};
}
/**
 * A sample's value as Prometheus writes it: a string, including "NaN", "+Inf" and "-Inf"
 * (which Number() would read as NaN). Anything unreadable is NaN.
 */
function sampleValue(point) {
    const text = Array.isArray(point) ? point[1] : undefined;
    if (typeof text === 'number')
        return text;
    if (typeof text !== 'string')
        return Number.NaN;
    const trimmed = text.trim();
    if (/^\+?inf(inity)?$/i.test(trimmed))
        return Number.POSITIVE_INFINITY;
    if (/^-inf(inity)?$/i.test(trimmed))
        return Number.NEGATIVE_INFINITY;
    return trimmed === '' ? Number.NaN : Number(trimmed);
}
/** `Name: value` lines (blank lines and `#` comments ignored). Errors name the line, never its value. */
function parseHeaders(text) {
    const headers = {};
    (text ?? '').split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
            throw new Error(`prometheus-headers line ${index + 1} is not "Name: value"`);
        headers[name] = line.slice(colon + 1).trim();
    });
    return headers;
}
function parseBaseUrl(url) {
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw new Error('prometheus-url is not a URL (expected e.g. http://prometheus:9090)');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new Error(`prometheus-url must be http or https, not ${parsed.protocol.replace(':', '')}`);
    // fetch refuses URLs with credentials; send them as Basic auth instead, and never print them.
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    const authorization = user || password ? (0,_secrets_scrubber_js__WEBPACK_IMPORTED_MODULE_0__/* .basicCredential */ .gp)(user, password) : undefined;
    const credentials = authorization ? [authorization, password, parsed.password] : [];
    parsed.username = '';
    parsed.password = '';
    const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}`;
    return { base, display: base, authorization, credentials };
}
function networkMessage(error) {
    const cause = error?.cause;
    const code = cause?.code ?? error?.code;
    const known = {
        ECONNREFUSED: 'connection refused',
        ENOTFOUND: 'host not found',
        EAI_AGAIN: 'host name lookup failed',
        ECONNRESET: 'connection reset',
        ETIMEDOUT: 'connection timed out',
        EHOSTUNREACH: 'host unreachable',
        UND_ERR_SOCKET: 'connection closed by the server',
    };
    if (code && known[code])
        return `${known[code]} (${code})`;
    if (code && /CERT|SSL|TLS/i.test(code))
        return `TLS error: ${oneLine(cause?.message ?? code)}`;
    return oneLine(cause?.message ?? error?.message ?? String(error));
}
function parseJson(text) {
    try {
        const value = JSON.parse(text);
        return isRecord(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function oneLine(text) {
    // Control characters (ESC, C1, NUL) would reach terminals and reports raw; whitespace folds to one space.
    const line = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd').trim();
    return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED)}…` : line;
}
function formatMiB(bytes) {
    return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
}
function formatSeconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}


/***/ }),

/***/ 70852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g1: () => (/* binding */ selectorUses),
/* harmony export */   nM: () => (/* binding */ selectorText),
/* harmony export */   ne: () => (/* binding */ recordedNames)
/* harmony export */ });
/* unused harmony export linkedRules */
/* harmony import */ var _lang_promql_analyse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43129);
/* harmony import */ var _model_placement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54302);
// The vector selectors live rule checks ask the backend about: every selector of every alerting
// and recording rule, and of every SLI query, with where it is written, what reads it, and
// whether it protects an SLO. Pure: no requests here.


// Series the rule manager writes itself, and selectors that exist to match nothing.
const SYNTHETIC_METRICS = new Set(['ALERTS', 'ALERTS_FOR_STATE']);
const EXPECTS_ABSENCE = new Set(['absent', 'absent_over_time']);
/** Names recorded by the repository's own recording rules, each with its rules. */
function recordedNames(model) {
    const names = new Map();
    for (const rule of model.rules)
        if (rule.kind === 'record')
            names.set(rule.name, [...(names.get(rule.name) ?? []), rule]);
    return names;
}
/** Rules that protect an SLO: linked alerts, and the recording rules they read (transitively). */
function linkedRules(model, links) {
    const linked = new Set();
    const recorded = recordedNames(model);
    const visit = (metric, depth) => {
        for (const rule of recorded.get(metric) ?? []) {
            if (linked.has(rule) || depth > 8)
                continue;
            linked.add(rule);
            for (const s of rule.expr.analysis.facts.selectors)
                if (s.metric)
                    visit(s.metric, depth + 1);
        }
    };
    for (const set of links?.bySlo.values() ?? []) {
        for (const alert of set.alerts) {
            linked.add(alert.rule);
            for (const s of alert.rule.expr.analysis.facts.selectors)
                if (s.metric)
                    visit(s.metric, 0);
        }
    }
    return linked;
}
function selectorText(metric, matchers) {
    const inner = matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ');
    if (metric === undefined)
        return `{${inner}}`;
    return inner ? `${metric}{${inner}}` : metric;
}
/** Every selector worth asking about. Selectors under absent(), and ALERTS, are left out: they are meant to match nothing at times. */
function selectorUses(model, links) {
    const uses = [];
    const linked = linkedRules(model, links);
    for (const rule of model.rules) {
        if (rule.expr.analysis.errors.length > 0)
            continue; // promql/syntax reports it
        const facts = rule.expr.analysis.facts.selectors;
        facts.forEach((fact, index) => {
            const use = makeUse(fact, index, facts, { file: rule.file, position: (0,_model_placement_js__WEBPACK_IMPORTED_MODULE_1__/* .queryPosition */ .ol)(rule.expr, fact.from), owner: { kind: rule.kind, name: rule.name, group: rule.group, rule }, linked: linked.has(rule) });
            if (use)
                uses.push(use);
        });
    }
    for (const slo of model.slos) {
        // Error and total queries are read together: the error query's selectors are parts of the total's.
        const queries = [slo.indicator.errorQuery, slo.indicator.goodQuery, slo.indicator.totalQuery, slo.indicator.errorRatioQuery].filter((q) => Boolean(q?.trim()));
        if (!queries.length)
            continue;
        const text = queries.map((q) => `(${q.replace(/\{\{\s*\.window\s*\}\}/g, '5m')})`).join(' + ');
        const analysis = (0,_lang_promql_analyse_js__WEBPACK_IMPORTED_MODULE_0__/* .analyseQuery */ .E8)(text);
        if (analysis.errors.length > 0)
            continue;
        const facts = analysis.facts.selectors;
        const position = slo.indicator.position ?? slo.position;
        facts.forEach((fact, index) => {
            const use = makeUse(fact, index, facts, { file: slo.file, position, owner: { kind: 'sli', name: slo.name, slo }, linked: true });
            if (use)
                uses.push(use);
        });
    }
    return uses;
}
function makeUse(fact, index, all, base) {
    if (fact.functions.some((fn) => EXPECTS_ABSENCE.has(fn)))
        return undefined;
    if (fact.metric !== undefined && SYNTHETIC_METRICS.has(fact.metric))
        return undefined;
    const matchers = ownMatchers(fact);
    if (fact.metric === undefined && matchers.length === 0)
        return undefined;
    const breakdown = new Set();
    all.forEach((other, k) => {
        if (k === index || other.metric === undefined || other.metric !== fact.metric)
            return;
        const theirs = ownMatchers(other).map(key);
        const extra = matchers.map((m, i) => (theirs.includes(key(m)) ? -1 : i)).filter((i) => i >= 0);
        // The other selector is this one without some matchers: this one counts a part of it.
        if (extra.length > 0 && theirs.every((t) => matchers.some((m) => key(m) === t)))
            for (const i of extra)
                breakdown.add(i);
    });
    return { ...base, fact, matchers, selector: selectorText(fact.metric, matchers), breakdown };
}
function ownMatchers(fact) {
    return fact.matchers.filter((m) => !(m.label === '__name__' && m.op === '=' && m.value === fact.metric));
}
function key(m) {
    return `${m.label}${m.op}${m.value}`;
}


/***/ }),

/***/ 60401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ PRESENCE_LOOKBACK_SECONDS),
/* harmony export */   qt: () => (/* binding */ measureSelector),
/* harmony export */   u1: () => (/* binding */ HISTORY_LOOKBACK_SECONDS)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41831);
/* harmony import */ var _model_units_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18766);
/* harmony import */ var _selectors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70852);
// Does each selector select anything? One instant query per distinct selector when it does
// (`count(last_over_time(sel[1h]))`); when it does not, one more that tells why, in parts tagged
// with a label so the backend answers all of them at once: does the metric name have series now,
// did the selector have series in the last 7 days (it stopped reporting), which matcher alone
// selects none, does the metric have the matcher's label at all, and a few values it does have.
// Counts only: no label set or sample is downloaded beyond those few values.



/** A selector with no sample this recent is not reporting. */
const PRESENCE_LOOKBACK_SECONDS = 3600;
/** How far back a selector that is not reporting is looked for, to tell "stopped" from "never". */
const HISTORY_LOOKBACK_SECONDS = 7 * 86_400;
/** Label values shown for a matcher that selects none. */
const SHOWN_VALUES = 3;
const PART = 'slo_gate_part';
/** The verdict for one selector at `time`. PrometheusError of kind 'unreachable' or 'budget' propagates. */
async function measureSelector(client, use, time) {
    const recent = (0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDurationInOneUnit */ .hI)(PRESENCE_LOOKBACK_SECONDS);
    const history = (0,_model_units_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDurationInOneUnit */ .hI)(HISTORY_LOOKBACK_SECONDS);
    const count = (selector, window) => `count(last_over_time(${selector}[${window}]))`;
    let samples;
    try {
        samples = await client.query(count(use.selector, recent), time);
    }
    catch (error) {
        return failure(error);
    }
    const present = samples[0]?.value ?? 0;
    if (present > 0)
        return { status: 'present', series: present };
    const metric = use.fact.metric;
    const parts = [tag(count(use.selector, history), 'history')];
    if (metric !== undefined) {
        parts.push(tag(count(metric, recent), 'name'), tag(count(metric, history), 'name-history'));
        use.matchers.forEach((m, i) => {
            parts.push(tag(count((0,_selectors_js__WEBPACK_IMPORTED_MODULE_2__/* .selectorText */ .nM)(metric, [m]), recent), `matcher-${i}`));
            if (selectsValues(m)) {
                parts.push(tag(count((0,_selectors_js__WEBPACK_IMPORTED_MODULE_2__/* .selectorText */ .nM)(metric, [{ label: m.label, op: '!=', value: '' }]), recent), `label-${i}`));
                parts.push(tag(`topk(${SHOWN_VALUES}, count by (${m.label}) (last_over_time(${metric}[${recent}])))`, `values-${i}`));
            }
        });
    }
    try {
        samples = await client.query(parts.join(' or '), time);
    }
    catch (error) {
        return failure(error);
    }
    const part = (name) => samples.filter((s) => s.labels[PART] === name);
    const value = (name) => part(name)[0]?.value ?? 0;
    if (metric === undefined)
        return value('history') > 0 ? { status: 'stale' } : { status: 'no-metric' };
    const nameSeries = value('name');
    if (value('history') > 0)
        return { status: 'stale' };
    if (nameSeries === 0)
        return value('name-history') > 0 ? { status: 'stale' } : { status: 'no-metric' };
    const dropping = [];
    use.matchers.forEach((matcher, index) => {
        if (value(`matcher-${index}`) > 0)
            return;
        const labelMissing = selectsValues(matcher) && value(`label-${index}`) === 0;
        const values = part(`values-${index}`)
            .map((s) => s.labels[matcher.label])
            .filter((v) => v !== undefined && v !== '')
            .sort();
        dropping.push({ index, matcher, labelMissing, values });
    });
    return { status: 'dropped', dropping, nameSeries };
}
/** A matcher that needs the label to have a value (`job="api"`, `code=~"5.."`). */
function selectsValues(m) {
    return (m.op === '=' || m.op === '=~') && m.value !== '' && !safeRegexMatchesEmpty(m);
}
function safeRegexMatchesEmpty(m) {
    if (m.op !== '=~')
        return false;
    try {
        // Prometheus anchors label regexes; RE2 and JS agree on the simple ones that can match "".
        return new RegExp(`^(?:${m.value})$`).test('');
    }
    catch {
        return true; // unreadable here: do not claim anything about the label
    }
}
function tag(expr, part) {
    return `label_replace(${expr}, "${PART}", "${part}", "", "")`;
}
function failure(error) {
    if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .HH && error.kind === 'query')
        return { status: 'failed', reason: error.message };
    throw error;
}


/***/ }),

/***/ 12203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ maxReachableFactor),
/* harmony export */   C0: () => (/* binding */ errorBudget),
/* harmony export */   Sd: () => (/* binding */ pyrraWindows),
/* harmony export */   TN: () => (/* binding */ factorReachable),
/* harmony export */   aq: () => (/* binding */ slothWindows),
/* harmony export */   d_: () => (/* binding */ DAY),
/* harmony export */   hd: () => (/* binding */ defaultWindows),
/* harmony export */   ih: () => (/* binding */ windowFigures),
/* harmony export */   is: () => (/* binding */ DEFAULT_PERIOD_SECONDS),
/* harmony export */   p: () => (/* binding */ shortWindowFits),
/* harmony export */   rb: () => (/* binding */ alertTier),
/* harmony export */   vX: () => (/* binding */ budgetMinutes)
/* harmony export */ });
/* unused harmony exports budgetConsumed, timeToExhaustion, timeToDetectOutage, SRE_WORKBOOK_WINDOWS, burnThreshold */
// Error-budget and burn-rate arithmetic, in one place. Derivations: docs/burn-rate.md.
// All durations are in seconds; targets and budgets are ratios.
const DAY = 86_400;
const DEFAULT_PERIOD_SECONDS = 30 * DAY;
/** The share of events allowed to fail: 1 − target. */
function errorBudget(target) {
    // Subtracting in decimal space keeps 1 − 0.9999 at 0.0001 instead of 0.00009999999999998899.
    const decimals = Math.min(15, decimalPlaces(target));
    return Number((1 - target).toFixed(decimals));
}
/** Minutes of full outage the budget allows over the period. */
function budgetMinutes(target, periodSeconds) {
    return (errorBudget(target) * periodSeconds) / 60;
}
/** Share of the whole budget spent before an alert over `windowSeconds` at `factor` fires. */
function budgetConsumed(factor, windowSeconds, periodSeconds) {
    return (factor * windowSeconds) / periodSeconds;
}
/** How long a steady burn at `factor` takes to spend the whole budget. */
function timeToExhaustion(factor, periodSeconds) {
    return factor > 0 ? periodSeconds / factor : Infinity;
}
/** How long a full outage (100 % errors) takes to push the window's error ratio over the alert threshold. */
function timeToDetectOutage(factor, windowSeconds, target) {
    return windowSeconds * factor * errorBudget(target);
}
/** The largest burn-rate factor that can ever be reached: an error ratio of 100 %. */
function maxReachableFactor(target) {
    const budget = errorBudget(target);
    return budget > 0 ? 1 / budget : Infinity;
}
function windowFigures(window, target, periodSeconds) {
    const figures = { longSeconds: window.longSeconds, shortSeconds: window.shortSeconds, factor: window.factor };
    if (window.factor === undefined)
        return figures;
    figures.budgetConsumed = budgetConsumed(window.factor, window.longSeconds, periodSeconds);
    figures.timeToExhaustionSeconds = timeToExhaustion(window.factor, periodSeconds);
    if (target !== undefined) {
        figures.timeToDetectSeconds = timeToDetectOutage(window.factor, window.longSeconds, target);
        figures.reachable = window.factor * errorBudget(target) <= 1 + 1e-12;
    }
    return figures;
}
/** The SRE workbook's table for a 30-day period (chapter 5, "Alerting on SLOs"). */
const SRE_WORKBOOK_WINDOWS = [
    { longSeconds: 3600, shortSeconds: 300, factor: 14.4, severity: 'page' },
    { longSeconds: 6 * 3600, shortSeconds: 1800, factor: 6, severity: 'page' },
    { longSeconds: DAY, shortSeconds: 7200, factor: 3, severity: 'ticket' },
    { longSeconds: 3 * DAY, shortSeconds: 6 * 3600, factor: 1, severity: 'ticket' },
];
/**
 * Sloth keeps the budget share each window consumes (2 %, 5 %, 10 %, 10 %) and rescales the
 * factor to the period: factor = share × period / window. For 28 days: 13.44, 5.6, 2.8, 0.933.
 */
function slothWindows(periodSeconds) {
    const shares = [0.02, 0.05, 0.1, 0.1];
    return SRE_WORKBOOK_WINDOWS.map((row, i) => ({ ...row, factor: (shares[i] * periodSeconds) / row.longSeconds }));
}
/**
 * Pyrra keeps the factors (14, 7, 2, 1) and scales the windows with the period:
 * a 28-day SLO gets 1h/5m, 6h/30m, 1d/2h, 4d/6h; other periods scale proportionally.
 */
function pyrraWindows(periodSeconds) {
    const base = 28 * DAY;
    const scale = (seconds) => Math.round((seconds * periodSeconds) / base);
    return [
        { longSeconds: scale(3600), shortSeconds: scale(300), factor: 14, severity: 'page' },
        { longSeconds: scale(6 * 3600), shortSeconds: scale(1800), factor: 7, severity: 'page' },
        { longSeconds: scale(DAY), shortSeconds: scale(7200), factor: 2, severity: 'ticket' },
        { longSeconds: scale(4 * DAY), shortSeconds: scale(6 * 3600), factor: 1, severity: 'ticket' },
    ];
}
/**
 * The alert tier of a burn-rate window: the one its severity names ("page", "ticket"), else by
 * speed — a factor of 6 or more pages (the workbook's page threshold for 30 days), slower ones
 * file a ticket. The suggested rule group and the formats that declare per-tier alert labels
 * (OpenSLO alert policies) sort windows into tiers by this one rule.
 */
function alertTier(window) {
    if (window.severity === 'page' || window.severity === 'ticket')
        return window.severity;
    return window.factor !== undefined && window.factor >= 6 ? 'page' : 'ticket';
}
/** The error ratio a burn-rate alert compares against: factor × budget (14.4 × 0.001 = 0.0144). */
function burnThreshold(factor, target) {
    return factor * errorBudget(target);
}
/** False when factor × (1 − target) > 1: the alert would need more than 100 % errors and can never fire. */
function factorReachable(factor, target) {
    return factor * errorBudget(target) <= 1 + 1e-12;
}
/**
 * The workbook pairs each long window with a short one of 1/12 its length (1h/5m, 6h/30m, 1d/2h,
 * 3d/6h): short enough to reset soon after an incident ends. "About" is 1/9.6 to 1/15.
 */
function shortWindowFits(longSeconds, shortSeconds) {
    const ratio = longSeconds / shortSeconds;
    return ratio >= 12 * 0.8 && ratio <= 12 * 1.25;
}
/** The windows an SLO's generator would alert on when the SLO names none: Pyrra's for Pyrra, else the workbook's scaled to the period as Sloth does. */
function defaultWindows(format, periodSeconds) {
    return format === 'pyrra' ? pyrraWindows(periodSeconds) : slothWindows(periodSeconds);
}
function decimalPlaces(value) {
    const text = String(value);
    const exponent = /e-(\d+)$/.exec(text);
    if (exponent)
        return Number(exponent[1]) + (text.split('e')[0].split('.')[1]?.length ?? 0);
    return text.split('.')[1]?.length ?? 0;
}


/***/ }),

/***/ 54302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RF: () => (/* binding */ placeOffset),
/* harmony export */   ol: () => (/* binding */ queryPosition)
/* harmony export */ });
/* unused harmony exports placementAt, originalOffset */
// Where the characters of a string value were written in its file. The model holds this as plain
// numbers, not as closures over the parser's state, so that files normalised on worker threads
// can be sent to the main thread (structured clone copies data, never functions).
function placementAt(position) {
    return { anchors: [0, position.line, position.column ?? 1] };
}
/** The file position of the character at `offset` of the value. */
function placeOffset(placement, offset) {
    const { anchors } = placement;
    let k = 0;
    if (!placement.fixed)
        while (k + 3 < anchors.length && anchors[k + 3] <= offset)
            k += 3;
    const column = placement.fixed ? anchors[2] : anchors[k + 2] + Math.max(0, offset - anchors[k]);
    return { line: anchors[k + 1], column };
}
/** The offset in the original text of `offset` in the edited one; inside a replacement, as far in as fits. */
function originalOffset(edits, offset) {
    let lo = 0;
    let hi = edits.length - 1;
    let k = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (edits[mid].start <= offset) {
            k = mid;
            lo = mid + 1;
        }
        else
            hi = mid - 1;
    }
    if (k < 0)
        return offset;
    const edit = edits[k];
    const end = edit.start + edit.length;
    if (offset >= end)
        return edit.to + (offset - end);
    return edit.from + Math.min(offset - edit.start, edit.to - edit.from - 1);
}
/** The file position of the character at `offset` of a query's text (after any rewrite). */
function queryPosition(query, offset) {
    return placeOffset(query.placement, query.edits ? originalOffset(query.edits, offset) : offset);
}


/***/ }),

/***/ 30720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $T: () => (/* binding */ sloIdentity),
/* harmony export */   TW: () => (/* binding */ sloNaming),
/* harmony export */   kL: () => (/* binding */ sloIdentityKey),
/* harmony export */   wF: () => (/* binding */ sloRef)
/* harmony export */ });
// What makes an SLO the SLO it is, in every format: its name within the scope the format names
// it in. Sloth, OpenSLO (spec.service), slo-generator (service_name) and the flat policy give a
// service, Pyrra the Kubernetes namespace; the seed's SLOPolicy gives none, and its names are
// compared as they are (two of them with one name are duplicates, as policy/duplicate says).
// Sloth's own example name `requests-availability` in two services is two SLOs, not one.
function sloRef(slo) {
    return slo.service === undefined ? { name: slo.name, file: slo.file } : { name: slo.name, service: slo.service, file: slo.file };
}
/** The identity as a map key: SLOs with the same one are duplicates of each other. */
function sloIdentityKey(slo) {
    return `${slo.service ?? ''}\u0000${slo.name}`;
}
/** The identity as people write it: `service/name`, or the name of an SLO without a service (as `slo-links` accepts it). */
function sloIdentity(slo) {
    return slo.service === undefined ? slo.name : `${slo.service}/${slo.name}`;
}
/**
 * How findings name SLOs in one run: by name, and as `service/name` where SLOs of different
 * identities share the name. Duplicates of one identity do not count as sharing it.
 */
function sloNaming(slos) {
    const identities = new Map();
    for (const slo of slos) {
        const keys = identities.get(slo.name);
        if (keys)
            keys.add(sloIdentityKey(slo));
        else
            identities.set(slo.name, new Set([sloIdentityKey(slo)]));
    }
    return (slo) => ((identities.get(slo.name)?.size ?? 0) > 1 ? sloIdentity(slo) : slo.name);
}


/***/ }),

/***/ 40440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ emptyModel),
/* harmony export */   r: () => (/* binding */ LEGACY_LABEL_NAME)
/* harmony export */ });
// The one model every format is normalised into, and every check reads.
// Positions are 1-based; `file` is relative to the checked root with `/` separators.
// ---- Prometheus rules ----------------------------------------------------
/** Label and annotation names Prometheus 2 accepts (and Prometheus 3 with `metric_name_validation_scheme: legacy`). */
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function emptyModel(root) {
    return { root, files: [], slos: [], ruleGroups: [], dashboards: [], rules: [], logqlRules: [], unreadable: [], suppressions: [] };
}


/***/ }),

/***/ 18766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cb: () => (/* binding */ parseLatency),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   F6: () => (/* binding */ parseCountUnit),
/* harmony export */   GB: () => (/* binding */ roundTo),
/* harmony export */   Ig: () => (/* binding */ parsePromDuration),
/* harmony export */   JP: () => (/* binding */ statedFigures),
/* harmony export */   YL: () => (/* binding */ formatLatency),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   fM: () => (/* binding */ parseDurationShorthand),
/* harmony export */   hI: () => (/* binding */ formatDurationInOneUnit),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   q8: () => (/* binding */ nearlyEqual),
/* harmony export */   uM: () => (/* binding */ describeSpan)
/* harmony export */ });
/* unused harmony export parseDurationOrSeconds */
// Every unit the product reads is parsed here and nowhere else: durations,
// latencies, and SLO targets written as a ratio or as a percent.
const DURATION_UNITS = {
    ms: 0.001,
    s: 1,
    m: 60,
    h: 3600,
    d: 86_400,
    w: 604_800,
    y: 31_536_000,
};
// Prometheus duration syntax: one or more <number><unit> parts, largest unit first ("1h30m").
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const PROM_DURATION_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
/**
 * Seconds in a duration exactly as Prometheus' parser reads one ("5m", "1h30m", "30d"): no
 * surrounding space, no bare number. Undefined when it is not one.
 */
function parsePromDuration(text) {
    const match = PROM_DURATION.exec(text);
    if (!match)
        return undefined;
    let seconds = 0;
    let any = false;
    PROM_DURATION_ORDER.forEach((unit, index) => {
        const part = match[index + 1];
        if (part !== undefined) {
            any = true;
            seconds += Number(part) * DURATION_UNITS[unit];
        }
    });
    return any ? seconds : undefined;
}
/** Seconds in a Prometheus-style duration ("5m", "1h30m", "30d", "1w") as configuration writes one (spaces and "0" allowed), or undefined. */
function parseDuration(text) {
    if (typeof text !== 'string')
        return undefined;
    const trimmed = text.trim();
    if (trimmed === '0')
        return 0;
    return parsePromDuration(trimmed);
}
/** A duration written as "1h", "90s" or a plain number of seconds (some formats allow both). */
function parseDurationOrSeconds(value) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
        return value;
    return parseDuration(value);
}
/** The shortest Prometheus duration that names exactly these seconds ("1h30m", "50ms"). */
function formatDuration(seconds) {
    if (!Number.isFinite(seconds))
        return String(seconds);
    if (seconds === 0)
        return '0s';
    let rest = Math.round(seconds * 1000);
    let out = '';
    // Weeks only when the span is whole weeks: periods read as "30d", not "4w2d".
    const units = rest % (DURATION_UNITS.w * 1000) === 0 ? ['w'] : ['d', 'h', 'm', 's', 'ms'];
    for (const unit of units) {
        const size = Math.round(DURATION_UNITS[unit] * 1000);
        const count = Math.floor(rest / size);
        if (count > 0) {
            out += `${count}${unit}`;
            rest -= count * size;
        }
    }
    return out;
}
/** A span in its largest whole unit ("30d", "6h", "90m", else seconds): the form every Prometheus-compatible backend accepts. */
function formatDurationInOneUnit(seconds) {
    for (const unit of ['d', 'h', 'm'])
        if (seconds % DURATION_UNITS[unit] === 0)
            return `${seconds / DURATION_UNITS[unit]}${unit}`;
    return `${Math.max(1, Math.round(seconds))}s`;
}
/** A human reading of a long span: "50h", "2.1d", "26s". Rounded, for reports only. */
function describeSpan(seconds) {
    if (!Number.isFinite(seconds))
        return '∞';
    const abs = Math.abs(seconds);
    const round = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 1 : 0));
    if (abs < 1)
        return `${round(seconds * 1000)}ms`;
    if (abs < 120)
        return `${round(seconds)}s`;
    if (abs < 7200)
        return `${round(seconds / 60)}m`;
    if (abs < 3 * 86_400)
        return `${round(Math.round((seconds / 3600) * 10) / 10)}h`;
    return `${round(Math.round((seconds / 86_400) * 10) / 10)}d`;
}
const LATENCY = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ns|us|µs|ms|s|m)?\s*$/;
const LATENCY_UNITS = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60 };
/**
 * Seconds in a latency such as "50ms", "0.5s" or a bare number.
 * A bare number is read in `bareUnit` (the field name says it: `p95_ms` is milliseconds).
 */
function parseLatency(value, bareUnit = 's') {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? value * LATENCY_UNITS[bareUnit] : undefined;
    if (typeof value !== 'string')
        return undefined;
    const match = LATENCY.exec(value);
    if (!match)
        return undefined;
    return Number(match[1]) * LATENCY_UNITS[match[2] ?? bareUnit];
}
/** "50ms", "1.5s": how a latency in seconds reads best. */
function formatLatency(seconds) {
    if (seconds < 1)
        return `${roundTo(seconds * 1000, 6)}ms`;
    return `${roundTo(seconds, 6)}s`;
}
/**
 * An SLO target as a ratio in (0, 1). `notation` says how the format writes it: Sloth, Pyrra, the
 * flat seed shape and OpenSLO's targetPercent use percent (99.9), the seed policy and OpenSLO's
 * target use a ratio (0.999). A percent string ("99.9%" or "99.9") is accepted for either.
 */
function parseTarget(value, notation) {
    let number;
    let percent = notation === 'percent';
    if (typeof value === 'number')
        number = value;
    else if (typeof value === 'string') {
        const trimmed = value.trim();
        if (trimmed.endsWith('%'))
            percent = true;
        number = Number(trimmed.replace(/%$/, ''));
        if (trimmed === '' || Number.isNaN(number))
            return undefined;
    }
    else
        return undefined;
    if (!Number.isFinite(number))
        return undefined;
    // 99.99 / 100 is 0.9998999999999999 in binary floats; 12 significant digits is more than any target needs.
    return percent ? Number((number / 100).toPrecision(12)) : number;
}
/** "99.9 %" for 0.999, without float noise. */
function formatPercent(ratio, digits = 4) {
    return `${roundTo(ratio * 100, digits)} %`;
}
/** Round away binary float noise (0.1 + 0.2) for display and comparison. */
function roundTo(value, digits) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
/** Equal within a relative tolerance: generators print 0.001 as 0.0009999999999999432. */
function nearlyEqual(a, b, relative = 1e-6) {
    if (a === b)
        return true;
    return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
}
const SHORTHAND = /^\s*(\d+)\s*(m|h|d|w|M|Q|Y)\s*$/;
// Calendar units are read at their usual accounting length; calendar-aligned windows vary by a day or two.
const SHORTHAND_UNITS = { m: 60, h: 3600, d: 86_400, w: 604_800, M: 30 * 86_400, Q: 90 * 86_400, Y: 365 * 86_400 };
/** Seconds in an OpenSLO duration shorthand ("28d", "2w", "1M" = 30 days, "1Q", "1Y"); lower-case `m` is minutes. */
function parseDurationShorthand(text) {
    if (typeof text !== 'string')
        return undefined;
    const match = SHORTHAND.exec(text);
    return match ? Number(match[1]) * SHORTHAND_UNITS[match[2]] : undefined;
}
const UNIT_NAMES = { minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 30 * 86_400, quarter: 90 * 86_400, year: 365 * 86_400 };
/** Seconds in a count of named units, as OpenSLO v1alpha writes periods: `{count: 30, unit: Day}`. */
function parseCountUnit(count, unit) {
    if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0 || typeof unit !== 'string')
        return undefined;
    const size = UNIT_NAMES[unit.toLowerCase().replace(/s$/, '')];
    return size === undefined ? undefined : count * size;
}
/** Targets and latencies a free text states, such as a panel title "P95 Latency (50ms Target)" or "Availability (99.9% Target)". */
function statedFigures(text) {
    const percents = [...(text ?? '').matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((m) => Number(m[1]));
    const latencies = [...(text ?? '').matchAll(/(\d+(?:\.\d+)?)\s*(ms|s)\b/g)].map((m) => parseLatency(`${m[1]}${m[2]}`)).filter((v) => v !== undefined);
    return { percents, latencies };
}


/***/ }),

/***/ 36526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VD: () => (/* binding */ normaliseLineBreaks),
  r4: () => (/* binding */ parseText),
  W0: () => (/* binding */ restoreDocument)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(99547);
;// CONCATENATED MODULE: ./src/parse/bounds.ts
// Bounds checked on the text before any parser sees it: how deeply it nests and how many values it
// holds. The YAML parser recurses once per level, so the depth bound is what keeps it from running
// out of stack (on Node's default stack it fails somewhere past 600 levels of flow nesting); the
// value bound keeps a generated 15 MB dashboard from taking gigabytes (the parser keeps about 1 KB
// per value). Both are counted conservatively: a text under them always parses.
/** Levels of nesting of any kind — indentation, `- - -` on one line, `[` and `{` — a text may have. */
const MAX_NESTING = 500;
/** Values (keys, items, scalars) one text may hold: ten times the largest real dashboard seen. */
const MAX_VALUES = 250_000;
/** Where the text first passes a bound, or undefined. One pass, no allocation per character. */
function firstBoundPassed(text, maxNesting = MAX_NESTING, maxValues = MAX_VALUES) {
    // Block nesting: the indentation of each open level; flow nesting on top of it.
    const indents = [];
    let flow = 0;
    let values = 0;
    let i = 0;
    const n = text.length;
    // Block scalar (`|`, `>`) content is text, not structure: its lines are skipped while indented deeper.
    let scalarIndent = -1;
    while (i < n) {
        // One line: its indentation first.
        let indent = 0;
        while (i < n && text.charCodeAt(i) === 32) {
            indent++;
            i++;
        }
        const first = i < n ? text.charCodeAt(i) : 10;
        const blank = first === 10 || first === 13 || (first === 35 && flow === 0); // empty, or a comment
        if (scalarIndent >= 0) {
            if (blank || indent > scalarIndent) {
                i = lineEnd(text, i);
                continue;
            }
            scalarIndent = -1;
        }
        if (blank) {
            i = lineEnd(text, i);
            continue;
        }
        let column = indent;
        if (flow === 0) {
            while (indents.length > 0 && indents[indents.length - 1] > indent)
                indents.pop();
            if (indents.length === 0 || indents[indents.length - 1] < indent)
                indents.push(indent);
            // Compact nesting on one line: `- - - x`, `? - x`: each indicator opens a level.
            while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
                i += 2;
                column += 2;
                while (i < n && text.charCodeAt(i) === 32) {
                    i++;
                    column++;
                }
                indents.push(column);
                if (++values > maxValues)
                    return { kind: 'values', offset: i };
            }
        }
        if (indents.length + flow > maxNesting)
            return { kind: 'depth', offset: i };
        if (++values > maxValues)
            return { kind: 'values', offset: i };
        // The rest of the line: flow indicators outside double-quoted strings, and a block scalar header.
        // Outside flow, `[` and `{` open a collection only where a value starts (`key: [`, `- {`):
        // elsewhere they are text of a plain scalar (`expr: rate(x[5m])`).
        let inString = false;
        let valueStart = true;
        let lastSignificant = -1;
        // `a: b: c: …` on one line: each `: ` after the first opens one more (compact) mapping, which
        // the parser recurses into as deeply as into any other level.
        let compact = -1;
        for (; i < n; i++) {
            const code = text.charCodeAt(i);
            if (code === 10 || code === 13)
                break;
            if (inString) {
                if (code === 92)
                    i++; // backslash escape
                else if (code === 34)
                    inString = false;
                continue;
            }
            const opens = (code === 91 || code === 123) && (flow > 0 || valueStart);
            if (flow === 0 && code === 58 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9) && indents.length + ++compact > maxNesting)
                return { kind: 'depth', offset: i };
            if (code !== 32 && code !== 9)
                valueStart = flow === 0 && code === 58 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9);
            if (code === 34 && flow > 0)
                inString = true;
            else if (code === 35 && flow === 0 && i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
                i = lineEnd(text, i) - 1;
                break;
            }
            else if (opens) {
                if (++values > maxValues)
                    return { kind: 'values', offset: i };
                if (indents.length + ++flow > maxNesting)
                    return { kind: 'depth', offset: i };
            }
            else if ((code === 93 || code === 125) && flow > 0)
                flow--;
            else if (code === 44 && flow > 0 && ++values > maxValues)
                return { kind: 'values', offset: i };
            if (code !== 32 && code !== 9)
                lastSignificant = i;
        }
        if (flow === 0 && lastSignificant >= 0 && isBlockScalarHeader(text, lastSignificant))
            scalarIndent = indent;
        i = lineEnd(text, i);
    }
    return undefined;
}
/** Offset just past the line break at or after `from`. */
function lineEnd(text, from) {
    let i = from;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13)
        i++;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)
        return i + 2;
    return i + 1;
}
/** `key: |`, `- >-`, `key: |2+`: the line ends in a block scalar indicator. */
function isBlockScalarHeader(text, last) {
    let i = last;
    while (i > 0 && /[0-9+-]/.test(text[i]))
        i--;
    if (text[i] !== '|' && text[i] !== '>')
        return false;
    const before = text[i - 1];
    return before === ' ' || before === '\t' || before === undefined || before === '\n' || before === '\r';
}

;// CONCATENATED MODULE: ./src/parse/document.ts
// Parse YAML and JSON text into documents that remember where every value was written.
// JSON goes through the same YAML parser (JSON is YAML 1.2 flow syntax), so one position API
// serves both; strict JSON syntax is checked first so a .json file gets JSON's own errors.




/** Every lone CR as LF (a CR LF stays): line breaks as Go's yaml.v3 reads them. */
function normaliseLineBreaks(text) {
    return text.replace(/\r(?!\n)/g, '\n');
}
// Alias expansion is bounded so a "billion laughs" file cannot exhaust memory.
const MAX_ALIAS_COUNT = 1000;
function parseText(text, format, embedding) {
    const lineCounter = new dist/* LineCounter */.HN();
    const toFile = fileMapper(lineCounter, embedding);
    // Go's yaml.v3 (Prometheus, promtool) ends a line at a lone CR as at LF; the same length keeps offsets.
    if (text.includes('\r'))
        text = normaliseLineBreaks(text);
    // The parser recurses once per level and keeps about 1 KB per value: refuse what passes either
    // bound before it starts, at the place it is passed (src/parse/bounds.ts).
    const bound = firstBoundPassed(text);
    if (bound) {
        const before = text.slice(0, bound.offset);
        const position = mapPosition({ line: before.split('\n').length, col: bound.offset - before.lastIndexOf('\n') }, embedding);
        const problem = bound.kind === 'depth'
            ? { ...position, message: `nested more than ${MAX_NESTING} levels deep; not parsed` }
            : { ...position, tooLarge: true, message: `holds more than ${MAX_VALUES} values; not read` };
        return { documents: [], problems: [problem] };
    }
    if (format === 'json') {
        const jsonProblem = strictJsonProblem(text, embedding);
        if (jsonProblem)
            return { documents: [], problems: [jsonProblem] };
    }
    const problems = [];
    const documents = [];
    // Merge keys (<<: *anchor) are YAML 1.1, but Prometheus' Go YAML reader honours them, and rule files use them.
    // logLevel 'error': the library's own warnings ("Keys with collection values will be stringified") never reach stderr.
    const composer = new dist/* Composer */.Dk({ uniqueKeys: false, keepSourceTokens: false, prettyErrors: false, merge: true, logLevel: 'error' });
    const docs = withPlainEnv(() => [...composer.compose(new dist/* Parser */.iX(lineCounter.addNewLine).parse(text), true, text.length)]);
    for (const doc of docs) {
        const errors = doc.errors;
        if (errors.length > 0) {
            // The parser recovers from an error and trips over what follows on the same line ("Unexpected
            // scalar at node end", then the `:` and the value after it): one finding per line.
            const lines = new Set();
            for (const error of errors) {
                const pos = toFile(error.pos[0]);
                if (lines.has(pos.line))
                    continue;
                lines.add(pos.line);
                problems.push({ ...pos, message: firstLine(error.message) });
                if (lines.size === 3)
                    break;
            }
            continue;
        }
        if (doc.contents === null)
            continue; // an empty document between `---` markers
        let value;
        try {
            value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        }
        catch (error) {
            const pos = toFile(doc.range[0]);
            problems.push({ ...pos, message: error instanceof RangeError ? stackSafe(error.message) : `cannot expand document: ${firstLine(error.message)}` });
            continue;
        }
        documents.push(positionedDocument(documents.length, value, doc, text, toFile, embedding));
    }
    return { documents, problems };
}
// The yaml parser reads process.env.LOG_TOKENS (a debug switch; LOG_STREAM is the only other) once
// per token, and every read of Node's process.env is a getenv(3) call: a third of the parse time.
// A plain object answers the same for the duration of the parse.
function withPlainEnv(run) {
    const env = process.env;
    process.env = { LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM };
    try {
        return run();
    }
    finally {
        process.env = env;
    }
}
function fileMapper(lineCounter, embedding) {
    return (offset) => mapPosition(lineCounter.linePos(offset), embedding);
}
function positionedDocument(index, value, doc, text, toFile, embedding) {
    const find = (path) => {
        let node = doc.contents;
        let key = null;
        for (const segment of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((item) => (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment));
                if (!pair)
                    break;
                key = pair.key;
                node = pair.value ?? key;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
                const item = node.items[segment];
                if (!item)
                    break;
                node = item;
                key = item;
            }
            else
                break;
        }
        return { node, key };
    };
    const startOf = (node) => (node?.range ? toFile(node.range[0]) : toFile(doc.range[0]));
    return {
        index,
        value,
        positionOf: (path) => startOf(find(path).node),
        keyPositionOf: (path) => {
            const found = find(path);
            return startOf(found.key ?? found.node);
        },
        placementOf: (path) => {
            const { node } = find(path);
            if (!(0,dist/* isScalar */.jn)(node) || !node.range)
                return fixedPlacement(startOf(node));
            return scalarPlacement(node, text, toFile, embedding);
        },
        dependentRanges: (offset, structure) => dependentRanges(doc, offset, structure, toFile),
        snapshot: () => {
            const positions = {};
            const visit = (node, key, path) => {
                const at = startOf(node ?? key);
                const keyAt = key ? startOf(key) : at;
                positions[path.join('\u0000')] = [at.line, at.column, keyAt.line, keyAt.column];
                if ((0,dist/* isMap */.jh)(node)) {
                    for (const item of node.items)
                        if ((0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key))
                            visit(item.value, item.key, [...path, String(item.key.value)]);
                }
                else if ((0,dist/* isSeq */.oP)(node))
                    node.items.forEach((item, i) => visit(item, item, [...path, i]));
            };
            visit(doc.contents, null, []);
            return { index, value, positions };
        },
    };
}
function dependentRanges(doc, offset, structure, toFile) {
    if (offset < doc.range[0] || offset > doc.range[2])
        return undefined;
    const span = (node, to = node.range[1]) => [toFile(node.range[0]), toFile(Math.max(node.range[0], to - 1))];
    let node = doc.contents;
    let item;
    let container;
    let mapsBelowItem = 0;
    // Descend to the innermost node written at or before the offset (a blanked line belongs to the
    // entry above it), noting the last sequence item that is a map, and the innermost map.
    while (node) {
        if ((0,dist/* isMap */.jh)(node)) {
            mapsBelowItem++;
            container = node;
            let chosen;
            for (const pair of node.items) {
                const key = pair.key;
                if (key?.range && key.range[0] <= offset)
                    chosen = { key, value: pair.value };
            }
            if (!chosen)
                break;
            if (chosen.key.range[1] > offset)
                return scalarRanges(chosen.key);
            if (!chosen.value?.range || chosen.value.range[0] > offset)
                break;
            node = chosen.value;
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            let chosen;
            for (const entry of node.items)
                if (entry?.range && entry.range[0] <= offset)
                    chosen = entry;
            if (!chosen)
                break;
            if ((0,dist/* isMap */.jh)(chosen)) {
                item = chosen;
                mapsBelowItem = 0;
            }
            node = chosen;
        }
        else {
            if (node.range && offset < node.range[1])
                return scalarRanges(node);
            break;
        }
    }
    if (!item)
        return undefined;
    if (structure && container && container !== item) {
        const firstLine = toFile(item.range[0]).line;
        return [span(container, Math.max(container.range[1], offset + 1)), [{ line: firstLine, column: 1 }, { line: firstLine, column: Number.MAX_SAFE_INTEGER }]];
    }
    return [span(item)];
    function scalarRanges(scalar) {
        const isBlock = (0,dist/* isScalar */.jn)(scalar) && (scalar.type === dist/* Scalar */.X5.BLOCK_LITERAL || scalar.type === dist/* Scalar */.X5.BLOCK_FOLDED);
        const line = toFile(offset).line;
        const ownLine = [{ line, column: 1 }, { line, column: Number.MAX_SAFE_INTEGER }];
        // Deeper in an item, or in no item: an annotation's text, or embedded text (a dashboard's JSON)
        // whose structure is not known here, so only its own line counts.
        if (!item || mapsBelowItem > 1)
            return [isBlock ? ownLine : span(scalar)];
        // A field of the item itself (a rule's expr, for, name): the field, and the item's first line,
        // where findings about the whole item point.
        const firstLine = toFile(item.range[0]).line;
        return [span(scalar), [{ line: firstLine, column: 1 }, { line: firstLine, column: Number.MAX_SAFE_INTEGER }]];
    }
}
/** A kept document back from its snapshot: positions of what exists, the nearest ancestor's otherwise. */
function restoreDocument(snapshot) {
    const lookup = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const found = snapshot.positions[path.slice(0, n).join('\u0000')];
            if (found)
                return found;
        }
        return [1, undefined, 1, undefined];
    };
    const positionOf = (path) => {
        const [line, column] = lookup(path);
        return { line, column };
    };
    return {
        index: snapshot.index,
        value: snapshot.value,
        positionOf,
        keyPositionOf: (path) => {
            const [, , line, column] = lookup(path);
            return { line, column };
        },
        placementOf: (path) => fixedPlacement(positionOf(path)),
        snapshot: () => snapshot,
    };
}
function fixedPlacement(position) {
    return { anchors: [0, position.line, position.column ?? 1], fixed: true };
}
/** Where each character of a scalar's value is written: exact for block literals and escaped double-quoted strings. */
function scalarPlacement(node, text, toFile, embedding) {
    const [start, , end] = node.range;
    if (embedding?.fixed)
        return fixedPlacement(embedding.fixed);
    const anchors = [];
    const anchor = (offset, position) => anchors.push(offset, position.line, position.column ?? 1);
    if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED) {
        const headerEnd = text.indexOf('\n', start);
        if (headerEnd < 0)
            return fixedPlacement(toFile(start));
        const body = text.slice(headerEnd + 1, end);
        const firstContent = /^( *)\S/m.exec(body);
        const column = (embedding?.indent ?? 0) + (firstContent ? firstContent[1].length : 0) + 1;
        const firstLine = toFile(headerEnd + 1).line;
        const value = String(node.value);
        anchor(0, { line: firstLine, column });
        let line = firstLine;
        for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1))
            anchor(i + 1, { line: ++line, column });
        return { anchors };
    }
    const quoted = node.type === dist/* Scalar */.X5.QUOTE_DOUBLE || node.type === dist/* Scalar */.X5.QUOTE_SINGLE;
    const double = node.type === dist/* Scalar */.X5.QUOTE_DOUBLE;
    const escaped = double ? text.slice(start, end).includes('\\') : node.type === dist/* Scalar */.X5.QUOTE_SINGLE && text.slice(start + 1, end).includes("''");
    if (escaped) {
        // Escapes take several source characters: an anchor wherever the value and its source part ways.
        const offsets = quotedOffsets(text, start, end, double);
        for (let i = 0; i < offsets.length; i++) {
            if (i === 0 || offsets[i] !== offsets[i - 1] + 1 || text[offsets[i - 1]] === '\n')
                anchor(i, toFile(offsets[i]));
        }
        return { anchors };
    }
    // Plain and escape-free quoted scalars: the value's characters stand where they are written.
    const first = quoted ? start + 1 : start;
    anchor(0, toFile(first));
    for (let i = text.indexOf('\n', first); i >= 0 && i < end; i = text.indexOf('\n', i + 1))
        anchor(i + 1 - first, toFile(i + 1));
    return { anchors };
}
/** For each character of a quoted string's value, its offset in the source (escapes take several source characters). */
function quotedOffsets(text, start, end, double) {
    const offsets = [];
    let i = start + 1;
    const last = end - 1;
    while (i < last) {
        offsets.push(i);
        if (double && text[i] === '\\') {
            const next = text[i + 1];
            i += next === 'u' ? 6 : next === 'x' ? 4 : next === 'U' ? 10 : 2;
        }
        else if (!double && text[i] === "'" && text[i + 1] === "'")
            i += 2;
        else
            i += 1;
    }
    offsets.push(last);
    return offsets;
}
function mapPosition(pos, embedding) {
    if (!embedding)
        return { line: pos.line, column: pos.col };
    if (embedding.fixed)
        return embedding.fixed;
    return { line: embedding.firstLine + pos.line - 1, column: pos.col + embedding.indent };
}
function strictJsonProblem(text, embedding) {
    try {
        JSON.parse(text);
        return undefined;
    }
    catch (error) {
        // V8 does not say where most JSON errors are; jsonc-parser does, so it locates them.
        const errors = [];
        (0,main.parse)(text, errors, { allowTrailingComma: false, disallowComments: true });
        const first = errors[0];
        const offset = first?.offset ?? 0;
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const column = offset - before.lastIndexOf('\n');
        const found = offset < text.length ? `, found ${JSON.stringify(text[offset])}` : ', found the end of the file';
        const cause = first ? `${(0,main.printParseErrorCode)(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}${found}` : firstLine(error.message);
        return { ...mapPosition({ line, col: column }, embedding), message: `invalid JSON: ${cause}` };
    }
}
/** The bound should keep the parser off the stack's end; should it not, say so in our words, not V8's. */
function stackSafe(message) {
    return /call stack/i.test(message) ? `nested too deeply to parse (over ${MAX_NESTING} levels); not parsed` : message;
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}


/***/ }),

/***/ 42575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gu: () => (/* binding */ readTextFile),
/* harmony export */   MY: () => (/* binding */ readFileBytes),
/* harmony export */   g7: () => (/* binding */ decodeText),
/* harmony export */   tz: () => (/* binding */ readRepositoryFile)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_FILE_BYTES, formatBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Read a file as text, refusing what is not text before any parser sees it.



const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// Synchronous on purpose: rule files and dashboards are small, and four thread-pool round trips
// per file (open, stat, read, close) made reading a large repository wait more than it parsed.
// Throws what the file system throws (ENOENT, EACCES); the caller turns that into a finding.
function readTextFile(absolutePath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
    const read = readFileBytes(absolutePath, maxBytes);
    return 'buffer' in read ? decodeText(read.buffer) : read;
}
/**
 * A file's bytes, or the problem when it is over `maxBytes` or not a regular file (then not read).
 * Opened without blocking and read only when regular: a FIFO or a device where a file is expected
 * (/dev/zero, a named pipe) is refused instead of read forever or waited on. Throws what the file
 * system throws.
 */
function readFileBytes(absolutePath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(absolutePath, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile())
            return { ok: false, bytes: 0, problem: { line: 1, message: `${kindOf(stats)}, not a regular file; not read` } };
        const { size } = stats;
        if (size > maxBytes) {
            return {
                ok: false,
                bytes: size,
                tooLarge: true,
                problem: { line: 1, message: `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; not read` },
            };
        }
        return { buffer: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd) };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function kindOf(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    if (stats.isSocket())
        return 'a socket';
    return 'not a file';
}
function decodeText(buffer) {
    const bytes = buffer.byteLength;
    const nul = buffer.indexOf(0);
    if (nul >= 0) {
        return { ok: false, bytes, problem: { ...positionOfByte(buffer, nul), message: 'binary data (NUL byte); not a text file' } };
    }
    try {
        return { ok: true, text: decoder.decode(buffer), bytes };
    }
    catch {
        const bad = firstInvalidUtf8(buffer);
        return { ok: false, bytes, problem: { ...positionOfByte(buffer, bad), message: 'invalid UTF-8 byte sequence' } };
    }
}
function positionOfByte(buffer, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (buffer[i] === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
function firstInvalidUtf8(buffer) {
    let i = 0;
    while (i < buffer.length) {
        const byte = buffer[i];
        const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
        if (length === 0)
            return i;
        for (let k = 1; k < length; k++) {
            if (i + k >= buffer.length || buffer[i + k] >> 6 !== 0b10)
                return i;
        }
        try {
            decoder.decode(buffer.subarray(i, i + length));
        }
        catch {
            return i;
        }
        i += length;
    }
    return Math.max(0, buffer.length - 1);
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
    if (bytes >= 1024)
        return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
    return `${bytes} B`;
}
/**
 * A file the checked repository supplies for slo-gate itself (its config, its baseline), read like
 * any checked file: a symlink from inside `root` to outside it is not followed, only a regular file
 * is read (a FIFO or a device is refused without blocking), within the size limit, as UTF-8 text.
 * A path the user named outside the root is theirs to name.
 */
async function readRepositoryFile(file, root, maxBytes = DEFAULT_MAX_FILE_BYTES) {
    const failed = (message, line = 1, column, missing = false) => ({ ok: false, missing, message, line, ...(column ? { column } : {}) });
    let real;
    let rootReal;
    try {
        [real, rootReal] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(file), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root)]);
    }
    catch (error) {
        const code = error.code;
        return failed(code ?? error.message, 1, undefined, code === 'ENOENT');
    }
    const inside = (candidate, dir) => {
        const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(dir, candidate);
        return !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative);
    };
    if (inside(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(file), node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root)) && !inside(real, rootReal))
        return failed('it is a symlink to a file outside the checked directory; not followed');
    let read;
    try {
        read = readTextFile(real, maxBytes);
    }
    catch (error) {
        return failed(error.code ?? error.message);
    }
    return read.ok ? { ok: true, text: read.text } : failed(read.problem.message, read.problem.line, read.problem.column);
}


/***/ }),

/***/ 51441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J1: () => (/* binding */ templateDialect),
/* harmony export */   M8: () => (/* binding */ PLACEHOLDER_MARK),
/* harmony export */   WJ: () => (/* binding */ dialectName),
/* harmony export */   th: () => (/* binding */ tolerantText),
/* harmony export */   yZ: () => (/* binding */ hasTemplateSyntax)
/* harmony export */ });
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
/** Every placeholder starts with this; a finding quoting it quotes a placeholder. */
const PLACEHOLDER_MARK = '__tpl';
const CONTROL = /^(?:if|else|end|range|with|define|block|break|continue|for|endfor|endif|elif|set|macro|endmacro|raw|endraw|filter|endfilter|call|endcall|do)\b/;
/**
 * Go template actions `{{ … }}` (with their strings, raw strings and comments) and Jinja tags
 * `{% … %}` and comments `{# … #}`. Fails on an action that is never closed.
 */
function findActions(text) {
    const actions = [];
    let i = 0;
    while (i < text.length) {
        const open = nextOpening(text, i);
        if (open < 0)
            break;
        const kind = text[open + 1];
        const end = kind === '{' ? closeGoAction(text, open + 2) : text.indexOf(kind === '%' ? '%}' : '#}', open + 2);
        if (end < 0)
            return { offset: open, message: `template action opened here is never closed` };
        const to = end + 2;
        const body = text.slice(open + 2, end).replace(/^-\s*|\s*-$/g, '').trim();
        const control = kind !== '{' || body.startsWith('/*') || CONTROL.test(body);
        actions.push({ from: open, to, control });
        i = to;
    }
    return actions;
}
function nextOpening(text, from) {
    for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) {
        const next = text[i + 1];
        if (next === '{' || next === '%' || next === '#')
            return i;
    }
    return -1;
}
/** Offset of the `}}` that closes a Go action whose body starts at `from`, skipping strings. */
function closeGoAction(text, from) {
    let i = from;
    if (text.startsWith('/*', i) || text.startsWith('- /*', i)) {
        const close = text.indexOf('*/', i);
        if (close < 0)
            return -1;
        i = close + 2;
    }
    while (i < text.length) {
        const c = text[i];
        if (c === '}' && text[i + 1] === '}')
            return i;
        if (c === '"' || c === "'") {
            i++;
            while (i < text.length && text[i] !== c && text[i] !== '\n')
                i += text[i] === '\\' ? 2 : 1;
        }
        else if (c === '`') {
            const close = text.indexOf('`', i + 1);
            if (close < 0)
                return -1;
            i = close;
        }
        i++;
    }
    return -1;
}
/** Whether text has template syntax where YAML structure would be (a line or value starting with an action). */
function hasTemplateSyntax(text) {
    return /^[ \t]*(?:- +)?(?:\{\{|\{%|\{#)|:[ \t]+(?:\{\{|\{%)|\{%-?\s*\w|\{#/m.test(text);
}
function tolerantText(text) {
    const found = findActions(text);
    if (!Array.isArray(found))
        return { ok: false, ...found };
    const out = text.split('');
    const placeholders = [];
    const elided = [];
    const blank = (from, to) => {
        for (let k = from; k < to; k++)
            if (out[k] !== '\n' && out[k] !== '\r')
                out[k] = ' ';
    };
    // A run of actions with only blanks between them, alone on its line(s), is blanked whole.
    let a = 0;
    while (a < found.length) {
        let b = a;
        while (b + 1 < found.length && /^[ \t]*$/.test(text.slice(found[b].to, found[b + 1].from)))
            b++;
        const lineStart = text.lastIndexOf('\n', found[a].from - 1) + 1;
        const lineEnd = text.slice(found[b].to).search(/\r|\n|$/) + found[b].to;
        if (/^[ \t]*$/.test(text.slice(lineStart, found[a].from)) && /^[ \t]*$/.test(text.slice(found[b].to, lineEnd))) {
            blank(found[a].from, found[b].to);
            if (found.slice(a, b + 1).some((action) => !action.control))
                elided.push(found[a].from);
        }
        else {
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
function templateDialect(text, inHelmChart) {
    if (inHelmChart)
        return 'helm';
    return /\{%|\{#/.test(text) ? 'jinja' : 'go';
}
function dialectName(dialect) {
    return dialect === 'helm' ? 'Helm template' : dialect === 'jinja' ? 'Jinja template' : 'Go template';
}


/***/ }),

/***/ 93423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a_: () => (/* binding */ isFlatPolicy),
/* harmony export */   bg: () => (/* binding */ looksLikeDashboardText),
/* harmony export */   cS: () => (/* binding */ isWrappedDashboard),
/* harmony export */   dH: () => (/* binding */ unsupportedFormat),
/* harmony export */   jw: () => (/* binding */ isPrometheusRule),
/* harmony export */   n$: () => (/* binding */ isRuleFile),
/* harmony export */   ri: () => (/* binding */ isDashboard)
/* harmony export */ });
/* unused harmony export holdsRuleGroups */
/* harmony import */ var _formats_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41400);
// Positive evidence of each shape the product reads. A document is ours only when its structure
// says so — a rule file's groups hold maps whose `rules` hold maps with `expr` — never because one
// key is present: renovate.json has `groups` too (of strings), compose files have `services`.
// Format adapters use these predicates; recognise.ts uses them to say why a document is not ours.

const RULE_KEYS = ['expr', 'alert', 'record'];
// Every key Prometheus, Thanos and Cortex/Mimir read in a rule group.
const RULE_GROUP_KEYS = new Set(['name', 'interval', 'rules', 'limit', 'query_offset', 'labels', 'partial_response_strategy', 'source_tenants', 'evaluation_delay']);
/**
 * Prometheus rule groups: some rule is a map with `expr`, `alert` or `record` (a rule missing its
 * `expr` is still a rule, and rule/schema says what is wrong with it). Groups without rules count
 * too when every group is a named map holding only rule-group keys: promtool reads such a file.
 */
function holdsRuleGroups(groups) {
    if (!Array.isArray(groups) || groups.length === 0)
        return false;
    let allRuleGroupShaped = true;
    for (const group of groups) {
        if (!(0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(group)) {
            allRuleGroupShaped = false;
            continue;
        }
        const rules = group.rules;
        if (Array.isArray(rules) && rules.some((rule) => (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(rule) && RULE_KEYS.some((key) => key in rule)))
            return true;
        const shaped = typeof group.name === 'string' && Object.keys(group).every((key) => RULE_GROUP_KEYS.has(key)) && (rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0));
        if (!shaped)
            allRuleGroupShaped = false;
    }
    return allRuleGroupShaped;
}
/** A plain Prometheus rule file: top-level `groups` of rule groups, no Kubernetes envelope. */
function isRuleFile(value) {
    return (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value) && !('apiVersion' in value) && !('kind' in value) && holdsRuleGroups(value.groups);
}
/** A Kubernetes PrometheusRule: the kind names it; `spec` is where its groups are. */
function isPrometheusRule(value) {
    return (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value) && value.kind === 'PrometheusRule' && (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value.spec);
}
const DASHBOARD_HINTS = ['title', 'uid', 'schemaVersion', 'templating', 'time', 'annotations'];
/** A Grafana dashboard: `panels` or `rows` lists and one of the keys every dashboard has. */
function isDashboard(value) {
    return (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value) && (Array.isArray(value.panels) || Array.isArray(value.rows)) && DASHBOARD_HINTS.some((key) => key in value);
}
/** A dashboard as Grafana's API exports it: `{ dashboard: {...}, meta: {...} }`. */
function isWrappedDashboard(value) {
    return (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value) && isDashboard(value.dashboard);
}
// Checked on the text, before parsing it: every dashboard names its panels (or, in old ones, rows).
const DASHBOARD_TEXT = /"(?:panels|rows)"\s*:/;
/** A ConfigMap's `*.json` entry that looks like a dashboard (not an application's settings). */
function looksLikeDashboardText(text) {
    return DASHBOARD_TEXT.test(text);
}
/** The seed's flat policy: a `service` and at least one objective written as a map. */
function isFlatPolicy(value) {
    return (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value) && !('apiVersion' in value) && typeof value.service === 'string' && ['availability', 'latency', 'startup_time'].some((key) => (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value[key]));
}
/**
 * Monitoring documents in formats this version does not read, by what they declare of themselves:
 * their name for the report's `skipped` list, or undefined.
 */
function unsupportedFormat(value) {
    if (!(0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value))
        return undefined;
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    if (apiVersion?.startsWith('monitoring.coreos.com/'))
        return `Prometheus Operator ${kind ?? 'resource'}`;
    if (apiVersion?.startsWith('sre.google.com/') || (kind === 'ServiceLevelObjective' && apiVersion?.startsWith('sre.')))
        return `slo-generator ${kind ?? 'document'}`;
    if (apiVersion?.startsWith('n9/'))
        return `Nobl9 ${kind ?? 'document'}`;
    if (apiVersion?.startsWith('openslo/'))
        return `OpenSLO ${apiVersion}`;
    if (apiVersion?.startsWith('grafana.integreatly.org/') || apiVersion?.startsWith('integreatly.org/'))
        return `Grafana Operator ${kind ?? 'resource'}`;
    if (apiVersion?.startsWith('monitoring.grafana.com/') || apiVersion?.startsWith('loki.grafana.com/'))
        return `${kind ?? 'Grafana'} resource`;
    if (value.apiVersion === 1 && ['datasources', 'providers', 'groups', 'contactPoints', 'policies', 'templates', 'muteTimes', 'deleteDatasources'].some((key) => key in value)) {
        return 'Grafana provisioning file';
    }
    if (Array.isArray(value.tests) && value.tests.some((test) => (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(test) && ('input_series' in test || 'alert_rule_test' in test || 'promql_expr_test' in test)))
        return 'promtool rule test file';
    if ('scrape_configs' in value || ('global' in value && ('rule_files' in value || 'alerting' in value)))
        return 'Prometheus configuration';
    if ('route' in value && 'receivers' in value)
        return 'Alertmanager configuration';
    if (Array.isArray(value.groups) && !holdsRuleGroups(value.groups) && value.groups.some((group) => (0,_formats_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(group) && Array.isArray(group.rules))) {
        return 'rule groups whose rules have no expr, alert or record';
    }
    return undefined;
}


/***/ }),

/***/ 71141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   gp: () => (/* binding */ basicCredential),
/* harmony export */   h6: () => (/* binding */ Scrubber),
/* harmony export */   rW: () => (/* binding */ processSecrets)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, REDACTED */
// Secrets slo-gate holds (backend header values, URL credentials, the Basic credential built from
// them, the GitHub token) must not reach anything it writes. The runner masks registered secrets
// in its logs only; the report files, the job summary and the PR comment are written by slo-gate,
// so it scrubs them itself: every text that could carry a secret passes through a Scrubber.
//
// A secret is also removed in the forms a backend or a proxy echoes it in: percent-encoded, the
// credential after an auth scheme (`Bearer <token>`), and for Basic both the base64 and the
// decoded `user:password` and password. Values shorter than MIN_SECRET_LENGTH are not scrubbed:
// replacing every "1" or "eu" in a report would garble it, and so short a value protects nothing.
const MIN_SECRET_LENGTH = 4;
const REDACTED = '***';
class Scrubber {
    secrets = new Set();
    pattern;
    constructor(secrets = []) {
        for (const secret of secrets)
            this.add(secret);
    }
    /** Registers a secret and the forms it is echoed in. */
    add(secret) {
        for (const form of formsOf(secret)) {
            if (form.length >= MIN_SECRET_LENGTH && !this.secrets.has(form)) {
                this.secrets.add(form);
                this.pattern = undefined;
            }
        }
    }
    get empty() {
        return this.secrets.size === 0;
    }
    scrub(text) {
        if (this.secrets.size === 0 || text.length < MIN_SECRET_LENGTH)
            return text;
        // Longest first, so a secret that contains another is removed whole.
        this.pattern ??= new RegExp([...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
        return text.replace(this.pattern, REDACTED);
    }
    /**
     * `value` with every string in it scrubbed (object keys too). Copies only what changed: a report
     * without any secret in it comes back as the same object, so a large one is not duplicated.
     */
    scrubDeep(value) {
        if (this.secrets.size === 0)
            return value;
        const walk = (item) => {
            if (typeof item === 'string')
                return this.scrub(item);
            if (Array.isArray(item)) {
                let copy;
                item.forEach((inner, index) => {
                    const scrubbed = walk(inner);
                    if (scrubbed !== inner)
                        (copy ??= [...item])[index] = scrubbed;
                });
                return copy ?? item;
            }
            if (item !== null && typeof item === 'object') {
                let changed = false;
                const entries = Object.entries(item).map(([key, inner]) => {
                    const pair = [this.scrub(key), walk(inner)];
                    changed ||= pair[0] !== key || pair[1] !== inner;
                    return pair;
                });
                return changed ? Object.fromEntries(entries) : item;
            }
            return item;
        };
        return walk(value);
    }
}
/**
 * The secrets of this process, registered by the front doors as they read their inputs. The
 * report is scrubbed with them before any renderer sees it.
 */
const processSecrets = new Scrubber();
function registerSecret(secret) {
    if (secret)
        processSecrets.add(secret);
}
/** The Authorization value fetch sends for credentials in a URL (`https://user:pass@host`). */
function basicCredential(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
function formsOf(secret) {
    const value = secret.trim();
    const forms = [value];
    // `Bearer abc`, `Basic dXNlcjpwYXNz`, `Token abc`: the credential alone is echoed too.
    const scheme = /^([A-Za-z][\w-]*)\s+(\S+)$/.exec(value);
    if (scheme) {
        forms.push(scheme[2]);
        if (scheme[1].toLowerCase() === 'basic') {
            const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
            if (decoded.includes(':'))
                forms.push(decoded, decoded.slice(decoded.indexOf(':') + 1));
        }
    }
    return [...forms, ...forms.map(encodeURIComponent)];
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 95087:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

// Generated by scripts/generate-validators.mjs from schemas/formats/slo-v1.schema.json, schemas/formats/flat-policy.schema.json, schemas/formats/sloth.schema.json, schemas/formats/sloth-windows.schema.json, schemas/formats/openslo.schema.json, schemas/formats/pyrra.schema.json, schemas/formats/slo-generator.schema.json: do not edit.

exports.Lo = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/slo-v1.schema.json","title":"SLOPolicy (apiVersion slo/v1)","type":"object","required":["apiVersion","kind","slos"],"properties":{"apiVersion":{"const":"slo/v1"},"kind":{"const":"SLOPolicy"},"metadata":{"type":"object","properties":{"name":{"type":"string"},"version":{"type":["string","number"]}}},"slos":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/slo"}},"alerts":{"type":"object","properties":{"burn_rate_thresholds":{"type":"array","items":{"type":"object","required":["window","threshold"],"properties":{"window":{"$ref":"#/definitions/duration"},"threshold":{"type":"number"},"severity":{"type":"string"}}}},"budget_remaining_thresholds":{"type":"array","items":{"type":"object","required":["remaining"],"properties":{"remaining":{"type":"number","minimum":0,"maximum":1},"severity":{"type":"string"}}}}}},"reporting":{"type":"object","properties":{"dashboards":{"type":"array","items":{"type":"object","required":["path"],"properties":{"path":{"type":"string","minLength":1}}}},"weekly_review":{"type":"boolean"},"monthly_review":{"type":"boolean"}}}},"definitions":{"duration":{"type":"string","pattern":"^([0-9]+(ms|s|m|h|d|w|y))+$"},"slo":{"type":"object","required":["name","target","window","indicator"],"properties":{"name":{"type":"string","minLength":1},"description":{"type":"string"},"target":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},"window":{"$ref":"#/definitions/duration"},"indicator":{"type":"object","required":["type"],"properties":{"type":{"enum":["availability","latency","error_rate","throughput"]},"threshold":{"type":["string","number"]},"percentile":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":100},"success_rate":{"type":"boolean"},"minimum_rate":{"type":"number","exclusiveMinimum":0}},"allOf":[{"if":{"properties":{"type":{"const":"latency"}}},"then":{"required":["threshold","percentile"],"properties":{"threshold":{"type":"string","pattern":"^[0-9.]+(ms|s)$"}}}},{"if":{"properties":{"type":{"const":"throughput"}}},"then":{"required":["minimum_rate"]}}]},"error_budget":{"type":"object","properties":{"monthly_budget":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},"burn_rate_windows":{"type":"array","items":{"$ref":"#/definitions/duration"}},"max_downtime_minutes":{"type":"number","minimum":0}}}}}}};
const schema13 = {"type":"string","pattern":"^([0-9]+(ms|s|m|h|d|w|y))+$"};
const schema12 = {"type":"object","required":["name","target","window","indicator"],"properties":{"name":{"type":"string","minLength":1},"description":{"type":"string"},"target":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},"window":{"$ref":"#/definitions/duration"},"indicator":{"type":"object","required":["type"],"properties":{"type":{"enum":["availability","latency","error_rate","throughput"]},"threshold":{"type":["string","number"]},"percentile":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":100},"success_rate":{"type":"boolean"},"minimum_rate":{"type":"number","exclusiveMinimum":0}},"allOf":[{"if":{"properties":{"type":{"const":"latency"}}},"then":{"required":["threshold","percentile"],"properties":{"threshold":{"type":"string","pattern":"^[0-9.]+(ms|s)$"}}}},{"if":{"properties":{"type":{"const":"throughput"}}},"then":{"required":["minimum_rate"]}}]},"error_budget":{"type":"object","properties":{"monthly_budget":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},"burn_rate_windows":{"type":"array","items":{"$ref":"#/definitions/duration"}},"max_downtime_minutes":{"type":"number","minimum":0}}}}};
const func2 = (__webpack_require__(36214)/* ["default"] */ .A);
const pattern0 = new RegExp("^([0-9]+(ms|s|m|h|d|w|y))+$", "u");
const pattern1 = new RegExp("^[0-9.]+(ms|s)$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.target === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.window === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "window"},message:"must have required property '"+"window"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.indicator === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "indicator"},message:"must have required property '"+"indicator"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.target !== undefined){
let data2 = data.target;
if(typeof data2 == "number"){
if(data2 >= 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2 <= 0 || isNaN(data2)){
const err8 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/target",schemaPath:"#/properties/target/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.window !== undefined){
let data3 = data.window;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err10 = {instancePath:instancePath+"/window",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/window",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.indicator !== undefined){
let data4 = data.indicator;
const _errs13 = errors;
let valid3 = true;
const _errs14 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.type !== undefined){
if("latency" !== data4.type){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
var _valid0 = _errs14 === errors;
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs16 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.threshold === undefined){
const err13 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/allOf/0/then/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data4.percentile === undefined){
const err14 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/allOf/0/then/required",keyword:"required",params:{missingProperty: "percentile"},message:"must have required property '"+"percentile"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data4.threshold !== undefined){
let data6 = data4.threshold;
if(typeof data6 === "string"){
if(!pattern1.test(data6)){
const err15 = {instancePath:instancePath+"/indicator/threshold",schemaPath:"#/properties/indicator/allOf/0/then/properties/threshold/pattern",keyword:"pattern",params:{pattern: "^[0-9.]+(ms|s)$"},message:"must match pattern \""+"^[0-9.]+(ms|s)$"+"\""};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/indicator/threshold",schemaPath:"#/properties/indicator/allOf/0/then/properties/threshold/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
var _valid0 = _errs16 === errors;
valid3 = _valid0;
}
if(!valid3){
const err17 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const _errs20 = errors;
let valid6 = true;
const _errs21 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.type !== undefined){
if("throughput" !== data4.type){
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var _valid1 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs23 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.minimum_rate === undefined){
const err19 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/allOf/1/then/required",keyword:"required",params:{missingProperty: "minimum_rate"},message:"must have required property '"+"minimum_rate"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var _valid1 = _errs23 === errors;
valid6 = _valid1;
}
if(!valid6){
const err20 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.type === undefined){
const err21 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data4.type !== undefined){
let data8 = data4.type;
if(!((((data8 === "availability") || (data8 === "latency")) || (data8 === "error_rate")) || (data8 === "throughput"))){
const err22 = {instancePath:instancePath+"/indicator/type",schemaPath:"#/properties/indicator/properties/type/enum",keyword:"enum",params:{allowedValues: schema12.properties.indicator.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data4.threshold !== undefined){
let data9 = data4.threshold;
if((typeof data9 !== "string") && (!(typeof data9 == "number"))){
const err23 = {instancePath:instancePath+"/indicator/threshold",schemaPath:"#/properties/indicator/properties/threshold/type",keyword:"type",params:{type: schema12.properties.indicator.properties.threshold.type},message:"must be string,number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data4.percentile !== undefined){
let data10 = data4.percentile;
if(typeof data10 == "number"){
if(data10 >= 100 || isNaN(data10)){
const err24 = {instancePath:instancePath+"/indicator/percentile",schemaPath:"#/properties/indicator/properties/percentile/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 100},message:"must be < 100"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data10 <= 0 || isNaN(data10)){
const err25 = {instancePath:instancePath+"/indicator/percentile",schemaPath:"#/properties/indicator/properties/percentile/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/indicator/percentile",schemaPath:"#/properties/indicator/properties/percentile/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data4.success_rate !== undefined){
if(typeof data4.success_rate !== "boolean"){
const err27 = {instancePath:instancePath+"/indicator/success_rate",schemaPath:"#/properties/indicator/properties/success_rate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data4.minimum_rate !== undefined){
let data12 = data4.minimum_rate;
if(typeof data12 == "number"){
if(data12 <= 0 || isNaN(data12)){
const err28 = {instancePath:instancePath+"/indicator/minimum_rate",schemaPath:"#/properties/indicator/properties/minimum_rate/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/indicator/minimum_rate",schemaPath:"#/properties/indicator/properties/minimum_rate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.error_budget !== undefined){
let data13 = data.error_budget;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.monthly_budget !== undefined){
let data14 = data13.monthly_budget;
if(typeof data14 == "number"){
if(data14 >= 1 || isNaN(data14)){
const err31 = {instancePath:instancePath+"/error_budget/monthly_budget",schemaPath:"#/properties/error_budget/properties/monthly_budget/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data14 <= 0 || isNaN(data14)){
const err32 = {instancePath:instancePath+"/error_budget/monthly_budget",schemaPath:"#/properties/error_budget/properties/monthly_budget/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/error_budget/monthly_budget",schemaPath:"#/properties/error_budget/properties/monthly_budget/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data13.burn_rate_windows !== undefined){
let data15 = data13.burn_rate_windows;
if(Array.isArray(data15)){
const len0 = data15.length;
for(let i0=0; i0<len0; i0++){
let data16 = data15[i0];
if(typeof data16 === "string"){
if(!pattern0.test(data16)){
const err34 = {instancePath:instancePath+"/error_budget/burn_rate_windows/" + i0,schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/error_budget/burn_rate_windows/" + i0,schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/error_budget/burn_rate_windows",schemaPath:"#/properties/error_budget/properties/burn_rate_windows/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data13.max_downtime_minutes !== undefined){
let data17 = data13.max_downtime_minutes;
if(typeof data17 == "number"){
if(data17 < 0 || isNaN(data17)){
const err37 = {instancePath:instancePath+"/error_budget/max_downtime_minutes",schemaPath:"#/properties/error_budget/properties/max_downtime_minutes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/error_budget/max_downtime_minutes",schemaPath:"#/properties/error_budget/properties/max_downtime_minutes/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/error_budget",schemaPath:"#/properties/error_budget/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/slo-v1.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.slos === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "slos"},message:"must have required property '"+"slos"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.apiVersion !== undefined){
if("slo/v1" !== data.apiVersion){
const err3 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "slo/v1"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.kind !== undefined){
if("SLOPolicy" !== data.kind){
const err4 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "SLOPolicy"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name !== undefined){
if(typeof data2.name !== "string"){
const err5 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.version !== undefined){
let data4 = data2.version;
if((typeof data4 !== "string") && (!(typeof data4 == "number"))){
const err6 = {instancePath:instancePath+"/metadata/version",schemaPath:"#/properties/metadata/properties/version/type",keyword:"type",params:{type: schema11.properties.metadata.properties.version.type},message:"must be string,number"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.slos !== undefined){
let data5 = data.slos;
if(Array.isArray(data5)){
if(data5.length < 1){
const err8 = {instancePath:instancePath+"/slos",schemaPath:"#/properties/slos/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data5[i0], {instancePath:instancePath+"/slos/" + i0,parentData:data5,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath:instancePath+"/slos",schemaPath:"#/properties/slos/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.alerts !== undefined){
let data7 = data.alerts;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.burn_rate_thresholds !== undefined){
let data8 = data7.burn_rate_thresholds;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.window === undefined){
const err10 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1,schemaPath:"#/properties/alerts/properties/burn_rate_thresholds/items/required",keyword:"required",params:{missingProperty: "window"},message:"must have required property '"+"window"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data9.threshold === undefined){
const err11 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1,schemaPath:"#/properties/alerts/properties/burn_rate_thresholds/items/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data9.window !== undefined){
let data10 = data9.window;
if(typeof data10 === "string"){
if(!pattern0.test(data10)){
const err12 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1+"/window",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1+"/window",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data9.threshold !== undefined){
if(!(typeof data9.threshold == "number")){
const err14 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1+"/threshold",schemaPath:"#/properties/alerts/properties/burn_rate_thresholds/items/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data9.severity !== undefined){
if(typeof data9.severity !== "string"){
const err15 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1+"/severity",schemaPath:"#/properties/alerts/properties/burn_rate_thresholds/items/properties/severity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/alerts/burn_rate_thresholds/" + i1,schemaPath:"#/properties/alerts/properties/burn_rate_thresholds/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/alerts/burn_rate_thresholds",schemaPath:"#/properties/alerts/properties/burn_rate_thresholds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.budget_remaining_thresholds !== undefined){
let data13 = data7.budget_remaining_thresholds;
if(Array.isArray(data13)){
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
let data14 = data13[i2];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.remaining === undefined){
const err18 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds/" + i2,schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/items/required",keyword:"required",params:{missingProperty: "remaining"},message:"must have required property '"+"remaining"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data14.remaining !== undefined){
let data15 = data14.remaining;
if(typeof data15 == "number"){
if(data15 > 1 || isNaN(data15)){
const err19 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds/" + i2+"/remaining",schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/items/properties/remaining/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data15 < 0 || isNaN(data15)){
const err20 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds/" + i2+"/remaining",schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/items/properties/remaining/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds/" + i2+"/remaining",schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/items/properties/remaining/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data14.severity !== undefined){
if(typeof data14.severity !== "string"){
const err22 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds/" + i2+"/severity",schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/items/properties/severity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds/" + i2,schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/alerts/budget_remaining_thresholds",schemaPath:"#/properties/alerts/properties/budget_remaining_thresholds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.reporting !== undefined){
let data17 = data.reporting;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.dashboards !== undefined){
let data18 = data17.dashboards;
if(Array.isArray(data18)){
const len3 = data18.length;
for(let i3=0; i3<len3; i3++){
let data19 = data18[i3];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.path === undefined){
const err26 = {instancePath:instancePath+"/reporting/dashboards/" + i3,schemaPath:"#/properties/reporting/properties/dashboards/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data19.path !== undefined){
let data20 = data19.path;
if(typeof data20 === "string"){
if(func2(data20) < 1){
const err27 = {instancePath:instancePath+"/reporting/dashboards/" + i3+"/path",schemaPath:"#/properties/reporting/properties/dashboards/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/reporting/dashboards/" + i3+"/path",schemaPath:"#/properties/reporting/properties/dashboards/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/reporting/dashboards/" + i3,schemaPath:"#/properties/reporting/properties/dashboards/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/reporting/dashboards",schemaPath:"#/properties/reporting/properties/dashboards/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data17.weekly_review !== undefined){
if(typeof data17.weekly_review !== "boolean"){
const err31 = {instancePath:instancePath+"/reporting/weekly_review",schemaPath:"#/properties/reporting/properties/weekly_review/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data17.monthly_review !== undefined){
if(typeof data17.monthly_review !== "boolean"){
const err32 = {instancePath:instancePath+"/reporting/monthly_review",schemaPath:"#/properties/reporting/properties/monthly_review/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/reporting",schemaPath:"#/properties/reporting/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

exports.ip = validate13;
const schema16 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/flat-policy.schema.json","title":"Flat SLO policy (service, availability, latency, startup_time)","type":"object","required":["service","availability"],"properties":{"service":{"type":"string","minLength":1},"availability":{"type":"object","required":["target","windows"],"properties":{"target":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":100,"description":"Percent, e.g. 99.9"},"windows":{"type":"array","items":{"type":"object","required":["name","lookback","burn_rate"],"properties":{"name":{"type":"string"},"lookback":{"type":"string","pattern":"^([0-9]+(ms|s|m|h|d|w|y))+$"},"burn_rate":{"type":"number"}}}}}},"latency":{"$ref":"#/definitions/percentiles"},"startup_time":{"$ref":"#/definitions/percentiles"}},"definitions":{"percentiles":{"type":"object","minProperties":1,"propertyNames":{"pattern":"^p[0-9]+(\\.[0-9]+)?_(ms|s)$"},"additionalProperties":{"type":"number","exclusiveMinimum":0}}}};
const schema17 = {"type":"object","minProperties":1,"propertyNames":{"pattern":"^p[0-9]+(\\.[0-9]+)?_(ms|s)$"},"additionalProperties":{"type":"number","exclusiveMinimum":0}};
const pattern5 = new RegExp("^p[0-9]+(\\.[0-9]+)?_(ms|s)$", "u");

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/flat-policy.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.service === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.availability === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "availability"},message:"must have required property '"+"availability"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.service !== undefined){
let data0 = data.service;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err2 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.availability !== undefined){
let data1 = data.availability;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.target === undefined){
const err4 = {instancePath:instancePath+"/availability",schemaPath:"#/properties/availability/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.windows === undefined){
const err5 = {instancePath:instancePath+"/availability",schemaPath:"#/properties/availability/required",keyword:"required",params:{missingProperty: "windows"},message:"must have required property '"+"windows"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1.target !== undefined){
let data2 = data1.target;
if(typeof data2 == "number"){
if(data2 >= 100 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/availability/target",schemaPath:"#/properties/availability/properties/target/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 100},message:"must be < 100"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2 <= 0 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/availability/target",schemaPath:"#/properties/availability/properties/target/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/availability/target",schemaPath:"#/properties/availability/properties/target/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.windows !== undefined){
let data3 = data1.windows;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.name === undefined){
const err9 = {instancePath:instancePath+"/availability/windows/" + i0,schemaPath:"#/properties/availability/properties/windows/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data4.lookback === undefined){
const err10 = {instancePath:instancePath+"/availability/windows/" + i0,schemaPath:"#/properties/availability/properties/windows/items/required",keyword:"required",params:{missingProperty: "lookback"},message:"must have required property '"+"lookback"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data4.burn_rate === undefined){
const err11 = {instancePath:instancePath+"/availability/windows/" + i0,schemaPath:"#/properties/availability/properties/windows/items/required",keyword:"required",params:{missingProperty: "burn_rate"},message:"must have required property '"+"burn_rate"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4.name !== undefined){
if(typeof data4.name !== "string"){
const err12 = {instancePath:instancePath+"/availability/windows/" + i0+"/name",schemaPath:"#/properties/availability/properties/windows/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data4.lookback !== undefined){
let data6 = data4.lookback;
if(typeof data6 === "string"){
if(!pattern0.test(data6)){
const err13 = {instancePath:instancePath+"/availability/windows/" + i0+"/lookback",schemaPath:"#/properties/availability/properties/windows/items/properties/lookback/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/availability/windows/" + i0+"/lookback",schemaPath:"#/properties/availability/properties/windows/items/properties/lookback/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data4.burn_rate !== undefined){
if(!(typeof data4.burn_rate == "number")){
const err15 = {instancePath:instancePath+"/availability/windows/" + i0+"/burn_rate",schemaPath:"#/properties/availability/properties/windows/items/properties/burn_rate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/availability/windows/" + i0,schemaPath:"#/properties/availability/properties/windows/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/availability/windows",schemaPath:"#/properties/availability/properties/windows/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/availability",schemaPath:"#/properties/availability/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.latency !== undefined){
let data8 = data.latency;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(Object.keys(data8).length < 1){
const err19 = {instancePath:instancePath+"/latency",schemaPath:"#/definitions/percentiles/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
for(const key0 in data8){
const _errs20 = errors;
if(typeof key0 === "string"){
if(!pattern5.test(key0)){
const err20 = {instancePath:instancePath+"/latency",schemaPath:"#/definitions/percentiles/propertyNames/pattern",keyword:"pattern",params:{pattern: "^p[0-9]+(\\.[0-9]+)?_(ms|s)$"},message:"must match pattern \""+"^p[0-9]+(\\.[0-9]+)?_(ms|s)$"+"\"",propertyName:key0};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var valid6 = _errs20 === errors;
if(!valid6){
const err21 = {instancePath:instancePath+"/latency",schemaPath:"#/definitions/percentiles/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
for(const key1 in data8){
let data9 = data8[key1];
if(typeof data9 == "number"){
if(data9 <= 0 || isNaN(data9)){
const err22 = {instancePath:instancePath+"/latency/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/percentiles/additionalProperties/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/latency/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/percentiles/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/latency",schemaPath:"#/definitions/percentiles/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.startup_time !== undefined){
let data10 = data.startup_time;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(Object.keys(data10).length < 1){
const err25 = {instancePath:instancePath+"/startup_time",schemaPath:"#/definitions/percentiles/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key2 in data10){
const _errs27 = errors;
if(typeof key2 === "string"){
if(!pattern5.test(key2)){
const err26 = {instancePath:instancePath+"/startup_time",schemaPath:"#/definitions/percentiles/propertyNames/pattern",keyword:"pattern",params:{pattern: "^p[0-9]+(\\.[0-9]+)?_(ms|s)$"},message:"must match pattern \""+"^p[0-9]+(\\.[0-9]+)?_(ms|s)$"+"\"",propertyName:key2};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
var valid9 = _errs27 === errors;
if(!valid9){
const err27 = {instancePath:instancePath+"/startup_time",schemaPath:"#/definitions/percentiles/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
for(const key3 in data10){
let data11 = data10[key3];
if(typeof data11 == "number"){
if(data11 <= 0 || isNaN(data11)){
const err28 = {instancePath:instancePath+"/startup_time/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/percentiles/additionalProperties/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/startup_time/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/percentiles/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/startup_time",schemaPath:"#/definitions/percentiles/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

exports.nN = validate14;
const schema19 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/sloth.schema.json","title":"Sloth SLO spec (version prometheus/v1) or PrometheusServiceLevel resource (sloth.slok.dev/v1)","type":"object","if":{"required":["version"]},"then":{"$ref":"#/definitions/spec"},"else":{"type":"object","required":["apiVersion","kind","spec"],"properties":{"apiVersion":{"const":"sloth.slok.dev/v1"},"kind":{"const":"PrometheusServiceLevel"},"metadata":{"type":"object"},"spec":{"$ref":"#/definitions/spec"}}},"definitions":{"query":{"type":"string","minLength":1},"spec":{"type":"object","required":["service","slos"],"properties":{"version":{"const":"prometheus/v1"},"service":{"type":"string","minLength":1},"labels":{"type":"object"},"slos":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/slo"}}}},"slo":{"type":"object","required":["name","objective","sli"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$"},"objective":{"type":"number","exclusiveMinimum":0,"maximum":100,"description":"Percent, e.g. 99.9"},"description":{"type":"string"},"labels":{"type":"object"},"sli":{"type":"object","minProperties":1,"properties":{"events":{"type":"object","properties":{"error_query":{"$ref":"#/definitions/query"},"total_query":{"$ref":"#/definitions/query"},"errorQuery":{"$ref":"#/definitions/query"},"totalQuery":{"$ref":"#/definitions/query"}},"anyOf":[{"required":["error_query","total_query"]},{"required":["errorQuery","totalQuery"]}]},"raw":{"type":"object","properties":{"error_ratio_query":{"$ref":"#/definitions/query"},"errorRatioQuery":{"$ref":"#/definitions/query"}},"anyOf":[{"required":["error_ratio_query"]},{"required":["errorRatioQuery"]}]},"plugin":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}},"alerting":{"type":"object","properties":{"name":{"type":"string"},"labels":{"type":"object"},"annotations":{"type":"object"},"page_alert":{"$ref":"#/definitions/alert"},"ticket_alert":{"$ref":"#/definitions/alert"},"pageAlert":{"$ref":"#/definitions/alert"},"ticketAlert":{"$ref":"#/definitions/alert"}}}}},"alert":{"type":"object","properties":{"disable":{"type":"boolean"},"labels":{"type":"object"},"annotations":{"type":"object"}}}}};
const schema20 = {"type":"object","required":["service","slos"],"properties":{"version":{"const":"prometheus/v1"},"service":{"type":"string","minLength":1},"labels":{"type":"object"},"slos":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/slo"}}}};
const schema21 = {"type":"object","required":["name","objective","sli"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$"},"objective":{"type":"number","exclusiveMinimum":0,"maximum":100,"description":"Percent, e.g. 99.9"},"description":{"type":"string"},"labels":{"type":"object"},"sli":{"type":"object","minProperties":1,"properties":{"events":{"type":"object","properties":{"error_query":{"$ref":"#/definitions/query"},"total_query":{"$ref":"#/definitions/query"},"errorQuery":{"$ref":"#/definitions/query"},"totalQuery":{"$ref":"#/definitions/query"}},"anyOf":[{"required":["error_query","total_query"]},{"required":["errorQuery","totalQuery"]}]},"raw":{"type":"object","properties":{"error_ratio_query":{"$ref":"#/definitions/query"},"errorRatioQuery":{"$ref":"#/definitions/query"}},"anyOf":[{"required":["error_ratio_query"]},{"required":["errorRatioQuery"]}]},"plugin":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}},"alerting":{"type":"object","properties":{"name":{"type":"string"},"labels":{"type":"object"},"annotations":{"type":"object"},"page_alert":{"$ref":"#/definitions/alert"},"ticket_alert":{"$ref":"#/definitions/alert"},"pageAlert":{"$ref":"#/definitions/alert"},"ticketAlert":{"$ref":"#/definitions/alert"}}}}};
const schema22 = {"type":"string","minLength":1};
const schema28 = {"type":"object","properties":{"disable":{"type":"boolean"},"labels":{"type":"object"},"annotations":{"type":"object"}}};
const pattern7 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]*$", "u");

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.objective === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "objective"},message:"must have required property '"+"objective"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.sli === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sli"},message:"must have required property '"+"sli"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]*$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.objective !== undefined){
let data1 = data.objective;
if(typeof data1 == "number"){
if(data1 > 100 || isNaN(data1)){
const err5 = {instancePath:instancePath+"/objective",schemaPath:"#/properties/objective/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1 <= 0 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/objective",schemaPath:"#/properties/objective/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/objective",schemaPath:"#/properties/objective/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err8 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.labels !== undefined){
let data3 = data.labels;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err9 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.sli !== undefined){
let data4 = data.sli;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(Object.keys(data4).length < 1){
const err10 = {instancePath:instancePath+"/sli",schemaPath:"#/properties/sli/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data4.events !== undefined){
let data5 = data4.events;
const _errs13 = errors;
let valid2 = false;
const _errs14 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.error_query === undefined){
const err11 = {instancePath:instancePath+"/sli/events",schemaPath:"#/properties/sli/properties/events/anyOf/0/required",keyword:"required",params:{missingProperty: "error_query"},message:"must have required property '"+"error_query"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5.total_query === undefined){
const err12 = {instancePath:instancePath+"/sli/events",schemaPath:"#/properties/sli/properties/events/anyOf/0/required",keyword:"required",params:{missingProperty: "total_query"},message:"must have required property '"+"total_query"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var _valid0 = _errs14 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs15 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.errorQuery === undefined){
const err13 = {instancePath:instancePath+"/sli/events",schemaPath:"#/properties/sli/properties/events/anyOf/1/required",keyword:"required",params:{missingProperty: "errorQuery"},message:"must have required property '"+"errorQuery"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data5.totalQuery === undefined){
const err14 = {instancePath:instancePath+"/sli/events",schemaPath:"#/properties/sli/properties/events/anyOf/1/required",keyword:"required",params:{missingProperty: "totalQuery"},message:"must have required property '"+"totalQuery"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var _valid0 = _errs15 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err15 = {instancePath:instancePath+"/sli/events",schemaPath:"#/properties/sli/properties/events/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.error_query !== undefined){
let data6 = data5.error_query;
if(typeof data6 === "string"){
if(func2(data6) < 1){
const err16 = {instancePath:instancePath+"/sli/events/error_query",schemaPath:"#/definitions/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/sli/events/error_query",schemaPath:"#/definitions/query/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.total_query !== undefined){
let data7 = data5.total_query;
if(typeof data7 === "string"){
if(func2(data7) < 1){
const err18 = {instancePath:instancePath+"/sli/events/total_query",schemaPath:"#/definitions/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/sli/events/total_query",schemaPath:"#/definitions/query/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data5.errorQuery !== undefined){
let data8 = data5.errorQuery;
if(typeof data8 === "string"){
if(func2(data8) < 1){
const err20 = {instancePath:instancePath+"/sli/events/errorQuery",schemaPath:"#/definitions/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/sli/events/errorQuery",schemaPath:"#/definitions/query/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data5.totalQuery !== undefined){
let data9 = data5.totalQuery;
if(typeof data9 === "string"){
if(func2(data9) < 1){
const err22 = {instancePath:instancePath+"/sli/events/totalQuery",schemaPath:"#/definitions/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/sli/events/totalQuery",schemaPath:"#/definitions/query/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/sli/events",schemaPath:"#/properties/sli/properties/events/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data4.raw !== undefined){
let data10 = data4.raw;
const _errs30 = errors;
let valid8 = false;
const _errs31 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.error_ratio_query === undefined){
const err25 = {instancePath:instancePath+"/sli/raw",schemaPath:"#/properties/sli/properties/raw/anyOf/0/required",keyword:"required",params:{missingProperty: "error_ratio_query"},message:"must have required property '"+"error_ratio_query"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var _valid1 = _errs31 === errors;
valid8 = valid8 || _valid1;
if(!valid8){
const _errs32 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.errorRatioQuery === undefined){
const err26 = {instancePath:instancePath+"/sli/raw",schemaPath:"#/properties/sli/properties/raw/anyOf/1/required",keyword:"required",params:{missingProperty: "errorRatioQuery"},message:"must have required property '"+"errorRatioQuery"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
var _valid1 = _errs32 === errors;
valid8 = valid8 || _valid1;
}
if(!valid8){
const err27 = {instancePath:instancePath+"/sli/raw",schemaPath:"#/properties/sli/properties/raw/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.error_ratio_query !== undefined){
let data11 = data10.error_ratio_query;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err28 = {instancePath:instancePath+"/sli/raw/error_ratio_query",schemaPath:"#/definitions/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/sli/raw/error_ratio_query",schemaPath:"#/definitions/query/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data10.errorRatioQuery !== undefined){
let data12 = data10.errorRatioQuery;
if(typeof data12 === "string"){
if(func2(data12) < 1){
const err30 = {instancePath:instancePath+"/sli/raw/errorRatioQuery",schemaPath:"#/definitions/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/sli/raw/errorRatioQuery",schemaPath:"#/definitions/query/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/sli/raw",schemaPath:"#/properties/sli/properties/raw/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data4.plugin !== undefined){
let data13 = data4.plugin;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.id === undefined){
const err33 = {instancePath:instancePath+"/sli/plugin",schemaPath:"#/properties/sli/properties/plugin/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data13.id !== undefined){
if(typeof data13.id !== "string"){
const err34 = {instancePath:instancePath+"/sli/plugin/id",schemaPath:"#/properties/sli/properties/plugin/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/sli/plugin",schemaPath:"#/properties/sli/properties/plugin/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/sli",schemaPath:"#/properties/sli/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.alerting !== undefined){
let data15 = data.alerting;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.name !== undefined){
if(typeof data15.name !== "string"){
const err37 = {instancePath:instancePath+"/alerting/name",schemaPath:"#/properties/alerting/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data15.labels !== undefined){
let data17 = data15.labels;
if(!(data17 && typeof data17 == "object" && !Array.isArray(data17))){
const err38 = {instancePath:instancePath+"/alerting/labels",schemaPath:"#/properties/alerting/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data15.annotations !== undefined){
let data18 = data15.annotations;
if(!(data18 && typeof data18 == "object" && !Array.isArray(data18))){
const err39 = {instancePath:instancePath+"/alerting/annotations",schemaPath:"#/properties/alerting/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data15.page_alert !== undefined){
let data19 = data15.page_alert;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.disable !== undefined){
if(typeof data19.disable !== "boolean"){
const err40 = {instancePath:instancePath+"/alerting/page_alert/disable",schemaPath:"#/definitions/alert/properties/disable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data19.labels !== undefined){
let data21 = data19.labels;
if(!(data21 && typeof data21 == "object" && !Array.isArray(data21))){
const err41 = {instancePath:instancePath+"/alerting/page_alert/labels",schemaPath:"#/definitions/alert/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data19.annotations !== undefined){
let data22 = data19.annotations;
if(!(data22 && typeof data22 == "object" && !Array.isArray(data22))){
const err42 = {instancePath:instancePath+"/alerting/page_alert/annotations",schemaPath:"#/definitions/alert/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/alerting/page_alert",schemaPath:"#/definitions/alert/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data15.ticket_alert !== undefined){
let data23 = data15.ticket_alert;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.disable !== undefined){
if(typeof data23.disable !== "boolean"){
const err44 = {instancePath:instancePath+"/alerting/ticket_alert/disable",schemaPath:"#/definitions/alert/properties/disable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data23.labels !== undefined){
let data25 = data23.labels;
if(!(data25 && typeof data25 == "object" && !Array.isArray(data25))){
const err45 = {instancePath:instancePath+"/alerting/ticket_alert/labels",schemaPath:"#/definitions/alert/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data23.annotations !== undefined){
let data26 = data23.annotations;
if(!(data26 && typeof data26 == "object" && !Array.isArray(data26))){
const err46 = {instancePath:instancePath+"/alerting/ticket_alert/annotations",schemaPath:"#/definitions/alert/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/alerting/ticket_alert",schemaPath:"#/definitions/alert/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data15.pageAlert !== undefined){
let data27 = data15.pageAlert;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.disable !== undefined){
if(typeof data27.disable !== "boolean"){
const err48 = {instancePath:instancePath+"/alerting/pageAlert/disable",schemaPath:"#/definitions/alert/properties/disable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data27.labels !== undefined){
let data29 = data27.labels;
if(!(data29 && typeof data29 == "object" && !Array.isArray(data29))){
const err49 = {instancePath:instancePath+"/alerting/pageAlert/labels",schemaPath:"#/definitions/alert/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data27.annotations !== undefined){
let data30 = data27.annotations;
if(!(data30 && typeof data30 == "object" && !Array.isArray(data30))){
const err50 = {instancePath:instancePath+"/alerting/pageAlert/annotations",schemaPath:"#/definitions/alert/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/alerting/pageAlert",schemaPath:"#/definitions/alert/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data15.ticketAlert !== undefined){
let data31 = data15.ticketAlert;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
if(data31.disable !== undefined){
if(typeof data31.disable !== "boolean"){
const err52 = {instancePath:instancePath+"/alerting/ticketAlert/disable",schemaPath:"#/definitions/alert/properties/disable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data31.labels !== undefined){
let data33 = data31.labels;
if(!(data33 && typeof data33 == "object" && !Array.isArray(data33))){
const err53 = {instancePath:instancePath+"/alerting/ticketAlert/labels",schemaPath:"#/definitions/alert/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data31.annotations !== undefined){
let data34 = data31.annotations;
if(!(data34 && typeof data34 == "object" && !Array.isArray(data34))){
const err54 = {instancePath:instancePath+"/alerting/ticketAlert/annotations",schemaPath:"#/definitions/alert/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/alerting/ticketAlert",schemaPath:"#/definitions/alert/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/alerting",schemaPath:"#/properties/alerting/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}


function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.service === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.slos === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "slos"},message:"must have required property '"+"slos"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.version !== undefined){
if("prometheus/v1" !== data.version){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: "prometheus/v1"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.service !== undefined){
let data1 = data.service;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err3 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.labels !== undefined){
let data2 = data.labels;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err5 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.slos !== undefined){
let data3 = data.slos;
if(Array.isArray(data3)){
if(data3.length < 1){
const err6 = {instancePath:instancePath+"/slos",schemaPath:"#/properties/slos/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate16(data3[i0], {instancePath:instancePath+"/slos/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath:instancePath+"/slos",schemaPath:"#/properties/slos/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}


function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/sloth.schema.json" */;
let vErrors = null;
let errors = 0;
if(!(data && typeof data == "object" && !Array.isArray(data))){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.version === undefined) && (missing0 = "version")){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(!(validate15(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err2 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.kind === undefined){
const err3 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.spec === undefined){
const err4 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.apiVersion !== undefined){
if("sloth.slok.dev/v1" !== data.apiVersion){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/else/properties/apiVersion/const",keyword:"const",params:{allowedValue: "sloth.slok.dev/v1"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
if("PrometheusServiceLevel" !== data.kind){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/else/properties/kind/const",keyword:"const",params:{allowedValue: "PrometheusServiceLevel"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/else/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.spec !== undefined){
if(!(validate15(data.spec, {instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/else/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err9 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

exports.oe = validate20;
const schema32 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/sloth-windows.schema.json","title":"Sloth AlertWindows (sloth.slok.dev/v1)","type":"object","required":["apiVersion","kind","spec"],"properties":{"spec":{"type":"object","required":["sloPeriod","page","ticket"],"properties":{"sloPeriod":{"$ref":"#/definitions/duration"},"page":{"$ref":"#/definitions/severity"},"ticket":{"$ref":"#/definitions/severity"}}}},"definitions":{"duration":{"type":"string","pattern":"^([0-9]+(ms|s|m|h|d|w|y))+$"},"severity":{"type":"object","required":["quick","slow"],"properties":{"quick":{"$ref":"#/definitions/window"},"slow":{"$ref":"#/definitions/window"}}},"window":{"type":"object","required":["errorBudgetPercent","shortWindow","longWindow"],"properties":{"errorBudgetPercent":{"type":"number","exclusiveMinimum":0,"maximum":100},"shortWindow":{"$ref":"#/definitions/duration"},"longWindow":{"$ref":"#/definitions/duration"}}}}};
const schema33 = {"type":"string","pattern":"^([0-9]+(ms|s|m|h|d|w|y))+$"};
const schema34 = {"type":"object","required":["quick","slow"],"properties":{"quick":{"$ref":"#/definitions/window"},"slow":{"$ref":"#/definitions/window"}}};
const schema35 = {"type":"object","required":["errorBudgetPercent","shortWindow","longWindow"],"properties":{"errorBudgetPercent":{"type":"number","exclusiveMinimum":0,"maximum":100},"shortWindow":{"$ref":"#/definitions/duration"},"longWindow":{"$ref":"#/definitions/duration"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.errorBudgetPercent === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "errorBudgetPercent"},message:"must have required property '"+"errorBudgetPercent"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.shortWindow === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "shortWindow"},message:"must have required property '"+"shortWindow"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.longWindow === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "longWindow"},message:"must have required property '"+"longWindow"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.errorBudgetPercent !== undefined){
let data0 = data.errorBudgetPercent;
if(typeof data0 == "number"){
if(data0 > 100 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/errorBudgetPercent",schemaPath:"#/properties/errorBudgetPercent/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0 <= 0 || isNaN(data0)){
const err4 = {instancePath:instancePath+"/errorBudgetPercent",schemaPath:"#/properties/errorBudgetPercent/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/errorBudgetPercent",schemaPath:"#/properties/errorBudgetPercent/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.shortWindow !== undefined){
let data1 = data.shortWindow;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err6 = {instancePath:instancePath+"/shortWindow",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/shortWindow",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.longWindow !== undefined){
let data2 = data.longWindow;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err8 = {instancePath:instancePath+"/longWindow",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/longWindow",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.quick === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "quick"},message:"must have required property '"+"quick"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.slow === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "slow"},message:"must have required property '"+"slow"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.quick !== undefined){
if(!(validate22(data.quick, {instancePath:instancePath+"/quick",parentData:data,parentDataProperty:"quick",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data.slow !== undefined){
if(!(validate22(data.slow, {instancePath:instancePath+"/slow",parentData:data,parentDataProperty:"slow",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/sloth-windows.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.spec === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec !== undefined){
let data0 = data.spec;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.sloPeriod === undefined){
const err3 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "sloPeriod"},message:"must have required property '"+"sloPeriod"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0.page === undefined){
const err4 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "page"},message:"must have required property '"+"page"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data0.ticket === undefined){
const err5 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "ticket"},message:"must have required property '"+"ticket"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data0.sloPeriod !== undefined){
let data1 = data0.sloPeriod;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err6 = {instancePath:instancePath+"/spec/sloPeriod",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/spec/sloPeriod",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data0.page !== undefined){
if(!(validate21(data0.page, {instancePath:instancePath+"/spec/page",parentData:data0,parentDataProperty:"page",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data0.ticket !== undefined){
if(!(validate21(data0.ticket, {instancePath:instancePath+"/spec/ticket",parentData:data0,parentDataProperty:"ticket",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

exports.ZM = validate27;
const schema38 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/openslo.schema.json","title":"OpenSLO v1 documents (SLO, SLI, AlertPolicy, AlertCondition); v1alpha SLOs as Sloth reads them","description":"Mutual exclusions (target/targetPercent, indicator/indicatorRef, good/bad) and references across files are checked in code, with clearer messages.","type":"object","required":["apiVersion","kind","metadata","spec"],"properties":{"metadata":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1}}}},"allOf":[{"if":{"properties":{"apiVersion":{"const":"openslo/v1"},"kind":{"const":"SLO"}},"required":["apiVersion","kind"]},"then":{"properties":{"spec":{"$ref":"#/definitions/slo"}}}},{"if":{"properties":{"apiVersion":{"const":"openslo/v1"},"kind":{"const":"SLI"}},"required":["apiVersion","kind"]},"then":{"properties":{"spec":{"$ref":"#/definitions/sli"}}}},{"if":{"properties":{"apiVersion":{"const":"openslo/v1"},"kind":{"const":"AlertPolicy"}},"required":["apiVersion","kind"]},"then":{"properties":{"spec":{"$ref":"#/definitions/alertPolicy"}}}},{"if":{"properties":{"apiVersion":{"const":"openslo/v1"},"kind":{"const":"AlertCondition"}},"required":["apiVersion","kind"]},"then":{"properties":{"spec":{"$ref":"#/definitions/alertCondition"}}}}],"definitions":{"duration":{"type":"string","pattern":"^[0-9]+(m|h|d|w|M|Q|Y)$"},"slo":{"type":"object","required":["service","timeWindow","budgetingMethod","objectives"],"properties":{"service":{"type":"string","minLength":1},"indicatorRef":{"type":"string","minLength":1},"indicator":{"type":"object","required":["spec"],"properties":{"spec":{"$ref":"#/definitions/sli"}}},"timeWindow":{"type":"array","minItems":1,"maxItems":1,"items":{"type":"object","required":["duration"],"properties":{"duration":{"$ref":"#/definitions/duration"},"isRolling":{"type":"boolean"},"calendar":{"type":"object","required":["startTime","timeZone"]}}}},"budgetingMethod":{"enum":["Occurrences","Timeslices","RatioTimeslices"]},"objectives":{"type":"array","minItems":1,"items":{"type":"object","properties":{"op":{"enum":["lte","gte","lt","gt"]},"value":{"type":"number"},"target":{"type":"number","minimum":0,"exclusiveMaximum":1},"targetPercent":{"type":"number","minimum":0,"exclusiveMaximum":100},"timeSliceTarget":{"type":"number","exclusiveMinimum":0,"maximum":1},"timeSliceWindow":{"oneOf":[{"$ref":"#/definitions/duration"},{"type":"number"}]}}}},"alertPolicies":{"type":["array","null"],"items":{"type":"object"}}},"allOf":[{"if":{"properties":{"budgetingMethod":{"const":"Timeslices"}},"required":["budgetingMethod"]},"then":{"properties":{"objectives":{"items":{"required":["timeSliceTarget","timeSliceWindow"]}}}}},{"if":{"properties":{"budgetingMethod":{"const":"RatioTimeslices"}},"required":["budgetingMethod"]},"then":{"properties":{"objectives":{"items":{"required":["timeSliceWindow"]}}}}}]},"sli":{"type":"object","properties":{"thresholdMetric":{"$ref":"#/definitions/metric"},"ratioMetric":{"type":"object","required":["total"],"properties":{"counter":{"type":"boolean"},"good":{"$ref":"#/definitions/metric"},"bad":{"$ref":"#/definitions/metric"},"total":{"$ref":"#/definitions/metric"}}}}},"metric":{"type":"object","required":["metricSource"],"properties":{"metricSource":{"type":"object","required":["spec"]}}},"alertPolicy":{"type":"object","required":["conditions"],"properties":{"alertWhenNoData":{"type":"boolean"},"alertWhenBreaching":{"type":"boolean"},"alertWhenResolved":{"type":"boolean"},"conditions":{"type":"array","minItems":1,"items":{"type":"object"}}}},"alertCondition":{"type":"object","required":["condition"],"properties":{"severity":{"type":"string"},"condition":{"type":"object","required":["kind","op","threshold","lookbackWindow","alertAfter"],"properties":{"kind":{"const":"burnrate"},"op":{"enum":["lte","gte","lt","gt"]},"threshold":{"type":"number"},"lookbackWindow":{"$ref":"#/definitions/duration"},"alertAfter":{"$ref":"#/definitions/duration"}}}}}}};
const schema47 = {"type":"object","required":["conditions"],"properties":{"alertWhenNoData":{"type":"boolean"},"alertWhenBreaching":{"type":"boolean"},"alertWhenResolved":{"type":"boolean"},"conditions":{"type":"array","minItems":1,"items":{"type":"object"}}}};
const schema39 = {"type":"object","required":["service","timeWindow","budgetingMethod","objectives"],"properties":{"service":{"type":"string","minLength":1},"indicatorRef":{"type":"string","minLength":1},"indicator":{"type":"object","required":["spec"],"properties":{"spec":{"$ref":"#/definitions/sli"}}},"timeWindow":{"type":"array","minItems":1,"maxItems":1,"items":{"type":"object","required":["duration"],"properties":{"duration":{"$ref":"#/definitions/duration"},"isRolling":{"type":"boolean"},"calendar":{"type":"object","required":["startTime","timeZone"]}}}},"budgetingMethod":{"enum":["Occurrences","Timeslices","RatioTimeslices"]},"objectives":{"type":"array","minItems":1,"items":{"type":"object","properties":{"op":{"enum":["lte","gte","lt","gt"]},"value":{"type":"number"},"target":{"type":"number","minimum":0,"exclusiveMaximum":1},"targetPercent":{"type":"number","minimum":0,"exclusiveMaximum":100},"timeSliceTarget":{"type":"number","exclusiveMinimum":0,"maximum":1},"timeSliceWindow":{"oneOf":[{"$ref":"#/definitions/duration"},{"type":"number"}]}}}},"alertPolicies":{"type":["array","null"],"items":{"type":"object"}}},"allOf":[{"if":{"properties":{"budgetingMethod":{"const":"Timeslices"}},"required":["budgetingMethod"]},"then":{"properties":{"objectives":{"items":{"required":["timeSliceTarget","timeSliceWindow"]}}}}},{"if":{"properties":{"budgetingMethod":{"const":"RatioTimeslices"}},"required":["budgetingMethod"]},"then":{"properties":{"objectives":{"items":{"required":["timeSliceWindow"]}}}}}]};
const schema45 = {"type":"string","pattern":"^[0-9]+(m|h|d|w|M|Q|Y)$"};
const schema40 = {"type":"object","properties":{"thresholdMetric":{"$ref":"#/definitions/metric"},"ratioMetric":{"type":"object","required":["total"],"properties":{"counter":{"type":"boolean"},"good":{"$ref":"#/definitions/metric"},"bad":{"$ref":"#/definitions/metric"},"total":{"$ref":"#/definitions/metric"}}}}};
const schema41 = {"type":"object","required":["metricSource"],"properties":{"metricSource":{"type":"object","required":["spec"]}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.thresholdMetric !== undefined){
let data0 = data.thresholdMetric;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.metricSource === undefined){
const err0 = {instancePath:instancePath+"/thresholdMetric",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metricSource"},message:"must have required property '"+"metricSource"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data0.metricSource !== undefined){
let data1 = data0.metricSource;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.spec === undefined){
const err1 = {instancePath:instancePath+"/thresholdMetric/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/thresholdMetric/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/thresholdMetric",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.ratioMetric !== undefined){
let data2 = data.ratioMetric;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.total === undefined){
const err4 = {instancePath:instancePath+"/ratioMetric",schemaPath:"#/properties/ratioMetric/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.counter !== undefined){
if(typeof data2.counter !== "boolean"){
const err5 = {instancePath:instancePath+"/ratioMetric/counter",schemaPath:"#/properties/ratioMetric/properties/counter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.good !== undefined){
let data4 = data2.good;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.metricSource === undefined){
const err6 = {instancePath:instancePath+"/ratioMetric/good",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metricSource"},message:"must have required property '"+"metricSource"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data4.metricSource !== undefined){
let data5 = data4.metricSource;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.spec === undefined){
const err7 = {instancePath:instancePath+"/ratioMetric/good/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/ratioMetric/good/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/ratioMetric/good",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.bad !== undefined){
let data6 = data2.bad;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.metricSource === undefined){
const err10 = {instancePath:instancePath+"/ratioMetric/bad",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metricSource"},message:"must have required property '"+"metricSource"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data6.metricSource !== undefined){
let data7 = data6.metricSource;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.spec === undefined){
const err11 = {instancePath:instancePath+"/ratioMetric/bad/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/ratioMetric/bad/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/ratioMetric/bad",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.total !== undefined){
let data8 = data2.total;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.metricSource === undefined){
const err14 = {instancePath:instancePath+"/ratioMetric/total",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metricSource"},message:"must have required property '"+"metricSource"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data8.metricSource !== undefined){
let data9 = data8.metricSource;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.spec === undefined){
const err15 = {instancePath:instancePath+"/ratioMetric/total/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/ratioMetric/total/metricSource",schemaPath:"#/definitions/metric/properties/metricSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/ratioMetric/total",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/ratioMetric",schemaPath:"#/properties/ratioMetric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}

const pattern11 = new RegExp("^[0-9]+(m|h|d|w|M|Q|Y)$", "u");

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.budgetingMethod === undefined) && (missing0 = "budgetingMethod")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.budgetingMethod !== undefined){
if("Timeslices" !== data.budgetingMethod){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.objectives !== undefined){
let data1 = data.objectives;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.timeSliceTarget === undefined){
const err2 = {instancePath:instancePath+"/objectives/" + i0,schemaPath:"#/allOf/0/then/properties/objectives/items/required",keyword:"required",params:{missingProperty: "timeSliceTarget"},message:"must have required property '"+"timeSliceTarget"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data2.timeSliceWindow === undefined){
const err3 = {instancePath:instancePath+"/objectives/" + i0,schemaPath:"#/allOf/0/then/properties/objectives/items/required",keyword:"required",params:{missingProperty: "timeSliceWindow"},message:"must have required property '"+"timeSliceWindow"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
const err4 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const _errs9 = errors;
let valid6 = true;
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.budgetingMethod === undefined) && (missing1 = "budgetingMethod")){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data.budgetingMethod !== undefined){
if("RatioTimeslices" !== data.budgetingMethod){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
var _valid1 = _errs10 === errors;
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.objectives !== undefined){
let data4 = data.objectives;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.timeSliceWindow === undefined){
const err7 = {instancePath:instancePath+"/objectives/" + i1,schemaPath:"#/allOf/1/then/properties/objectives/items/required",keyword:"required",params:{missingProperty: "timeSliceWindow"},message:"must have required property '"+"timeSliceWindow"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
}
}
var _valid1 = _errs12 === errors;
valid6 = _valid1;
}
if(!valid6){
const err8 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.service === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.timeWindow === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timeWindow"},message:"must have required property '"+"timeWindow"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.budgetingMethod === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "budgetingMethod"},message:"must have required property '"+"budgetingMethod"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.objectives === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "objectives"},message:"must have required property '"+"objectives"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.service !== undefined){
let data6 = data.service;
if(typeof data6 === "string"){
if(func2(data6) < 1){
const err13 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/service",schemaPath:"#/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.indicatorRef !== undefined){
let data7 = data.indicatorRef;
if(typeof data7 === "string"){
if(func2(data7) < 1){
const err15 = {instancePath:instancePath+"/indicatorRef",schemaPath:"#/properties/indicatorRef/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/indicatorRef",schemaPath:"#/properties/indicatorRef/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.indicator !== undefined){
let data8 = data.indicator;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.spec === undefined){
const err17 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data8.spec !== undefined){
if(!(validate29(data8.spec, {instancePath:instancePath+"/indicator/spec",parentData:data8,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/indicator",schemaPath:"#/properties/indicator/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.timeWindow !== undefined){
let data10 = data.timeWindow;
if(Array.isArray(data10)){
if(data10.length > 1){
const err19 = {instancePath:instancePath+"/timeWindow",schemaPath:"#/properties/timeWindow/maxItems",keyword:"maxItems",params:{limit: 1},message:"must NOT have more than 1 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data10.length < 1){
const err20 = {instancePath:instancePath+"/timeWindow",schemaPath:"#/properties/timeWindow/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const len2 = data10.length;
for(let i2=0; i2<len2; i2++){
let data11 = data10[i2];
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.duration === undefined){
const err21 = {instancePath:instancePath+"/timeWindow/" + i2,schemaPath:"#/properties/timeWindow/items/required",keyword:"required",params:{missingProperty: "duration"},message:"must have required property '"+"duration"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data11.duration !== undefined){
let data12 = data11.duration;
if(typeof data12 === "string"){
if(!pattern11.test(data12)){
const err22 = {instancePath:instancePath+"/timeWindow/" + i2+"/duration",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(m|h|d|w|M|Q|Y)$"},message:"must match pattern \""+"^[0-9]+(m|h|d|w|M|Q|Y)$"+"\""};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/timeWindow/" + i2+"/duration",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data11.isRolling !== undefined){
if(typeof data11.isRolling !== "boolean"){
const err24 = {instancePath:instancePath+"/timeWindow/" + i2+"/isRolling",schemaPath:"#/properties/timeWindow/items/properties/isRolling/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data11.calendar !== undefined){
let data14 = data11.calendar;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.startTime === undefined){
const err25 = {instancePath:instancePath+"/timeWindow/" + i2+"/calendar",schemaPath:"#/properties/timeWindow/items/properties/calendar/required",keyword:"required",params:{missingProperty: "startTime"},message:"must have required property '"+"startTime"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data14.timeZone === undefined){
const err26 = {instancePath:instancePath+"/timeWindow/" + i2+"/calendar",schemaPath:"#/properties/timeWindow/items/properties/calendar/required",keyword:"required",params:{missingProperty: "timeZone"},message:"must have required property '"+"timeZone"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/timeWindow/" + i2+"/calendar",schemaPath:"#/properties/timeWindow/items/properties/calendar/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/timeWindow/" + i2,schemaPath:"#/properties/timeWindow/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/timeWindow",schemaPath:"#/properties/timeWindow/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.budgetingMethod !== undefined){
let data15 = data.budgetingMethod;
if(!(((data15 === "Occurrences") || (data15 === "Timeslices")) || (data15 === "RatioTimeslices"))){
const err30 = {instancePath:instancePath+"/budgetingMethod",schemaPath:"#/properties/budgetingMethod/enum",keyword:"enum",params:{allowedValues: schema39.properties.budgetingMethod.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.objectives !== undefined){
let data16 = data.objectives;
if(Array.isArray(data16)){
if(data16.length < 1){
const err31 = {instancePath:instancePath+"/objectives",schemaPath:"#/properties/objectives/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const len3 = data16.length;
for(let i3=0; i3<len3; i3++){
let data17 = data16[i3];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.op !== undefined){
let data18 = data17.op;
if(!((((data18 === "lte") || (data18 === "gte")) || (data18 === "lt")) || (data18 === "gt"))){
const err32 = {instancePath:instancePath+"/objectives/" + i3+"/op",schemaPath:"#/properties/objectives/items/properties/op/enum",keyword:"enum",params:{allowedValues: schema39.properties.objectives.items.properties.op.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data17.value !== undefined){
if(!(typeof data17.value == "number")){
const err33 = {instancePath:instancePath+"/objectives/" + i3+"/value",schemaPath:"#/properties/objectives/items/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data17.target !== undefined){
let data20 = data17.target;
if(typeof data20 == "number"){
if(data20 < 0 || isNaN(data20)){
const err34 = {instancePath:instancePath+"/objectives/" + i3+"/target",schemaPath:"#/properties/objectives/items/properties/target/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data20 >= 1 || isNaN(data20)){
const err35 = {instancePath:instancePath+"/objectives/" + i3+"/target",schemaPath:"#/properties/objectives/items/properties/target/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/objectives/" + i3+"/target",schemaPath:"#/properties/objectives/items/properties/target/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data17.targetPercent !== undefined){
let data21 = data17.targetPercent;
if(typeof data21 == "number"){
if(data21 < 0 || isNaN(data21)){
const err37 = {instancePath:instancePath+"/objectives/" + i3+"/targetPercent",schemaPath:"#/properties/objectives/items/properties/targetPercent/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data21 >= 100 || isNaN(data21)){
const err38 = {instancePath:instancePath+"/objectives/" + i3+"/targetPercent",schemaPath:"#/properties/objectives/items/properties/targetPercent/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 100},message:"must be < 100"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/objectives/" + i3+"/targetPercent",schemaPath:"#/properties/objectives/items/properties/targetPercent/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data17.timeSliceTarget !== undefined){
let data22 = data17.timeSliceTarget;
if(typeof data22 == "number"){
if(data22 > 1 || isNaN(data22)){
const err40 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceTarget",schemaPath:"#/properties/objectives/items/properties/timeSliceTarget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data22 <= 0 || isNaN(data22)){
const err41 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceTarget",schemaPath:"#/properties/objectives/items/properties/timeSliceTarget/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceTarget",schemaPath:"#/properties/objectives/items/properties/timeSliceTarget/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data17.timeSliceWindow !== undefined){
let data23 = data17.timeSliceWindow;
const _errs48 = errors;
let valid20 = false;
let passing0 = null;
const _errs49 = errors;
if(typeof data23 === "string"){
if(!pattern11.test(data23)){
const err43 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceWindow",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(m|h|d|w|M|Q|Y)$"},message:"must match pattern \""+"^[0-9]+(m|h|d|w|M|Q|Y)$"+"\""};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceWindow",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var _valid2 = _errs49 === errors;
if(_valid2){
valid20 = true;
passing0 = 0;
}
const _errs52 = errors;
if(!(typeof data23 == "number")){
const err45 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceWindow",schemaPath:"#/properties/objectives/items/properties/timeSliceWindow/oneOf/1/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid2 = _errs52 === errors;
if(_valid2 && valid20){
valid20 = false;
passing0 = [passing0, 1];
}
else {
if(_valid2){
valid20 = true;
passing0 = 1;
}
}
if(!valid20){
const err46 = {instancePath:instancePath+"/objectives/" + i3+"/timeSliceWindow",schemaPath:"#/properties/objectives/items/properties/timeSliceWindow/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
else {
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err47 = {instancePath:instancePath+"/objectives/" + i3,schemaPath:"#/properties/objectives/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/objectives",schemaPath:"#/properties/objectives/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.alertPolicies !== undefined){
let data24 = data.alertPolicies;
if((!(Array.isArray(data24))) && (data24 !== null)){
const err49 = {instancePath:instancePath+"/alertPolicies",schemaPath:"#/properties/alertPolicies/type",keyword:"type",params:{type: schema39.properties.alertPolicies.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(Array.isArray(data24)){
const len4 = data24.length;
for(let i4=0; i4<len4; i4++){
let data25 = data24[i4];
if(!(data25 && typeof data25 == "object" && !Array.isArray(data25))){
const err50 = {instancePath:instancePath+"/alertPolicies/" + i4,schemaPath:"#/properties/alertPolicies/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}

const schema48 = {"type":"object","required":["condition"],"properties":{"severity":{"type":"string"},"condition":{"type":"object","required":["kind","op","threshold","lookbackWindow","alertAfter"],"properties":{"kind":{"const":"burnrate"},"op":{"enum":["lte","gte","lt","gt"]},"threshold":{"type":"number"},"lookbackWindow":{"$ref":"#/definitions/duration"},"alertAfter":{"$ref":"#/definitions/duration"}}}}};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.condition === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "condition"},message:"must have required property '"+"condition"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.severity !== undefined){
if(typeof data.severity !== "string"){
const err1 = {instancePath:instancePath+"/severity",schemaPath:"#/properties/severity/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.condition !== undefined){
let data1 = data.condition;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.kind === undefined){
const err2 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data1.op === undefined){
const err3 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/required",keyword:"required",params:{missingProperty: "op"},message:"must have required property '"+"op"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1.threshold === undefined){
const err4 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.lookbackWindow === undefined){
const err5 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/required",keyword:"required",params:{missingProperty: "lookbackWindow"},message:"must have required property '"+"lookbackWindow"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1.alertAfter === undefined){
const err6 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/required",keyword:"required",params:{missingProperty: "alertAfter"},message:"must have required property '"+"alertAfter"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1.kind !== undefined){
if("burnrate" !== data1.kind){
const err7 = {instancePath:instancePath+"/condition/kind",schemaPath:"#/properties/condition/properties/kind/const",keyword:"const",params:{allowedValue: "burnrate"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.op !== undefined){
let data3 = data1.op;
if(!((((data3 === "lte") || (data3 === "gte")) || (data3 === "lt")) || (data3 === "gt"))){
const err8 = {instancePath:instancePath+"/condition/op",schemaPath:"#/properties/condition/properties/op/enum",keyword:"enum",params:{allowedValues: schema48.properties.condition.properties.op.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.threshold !== undefined){
if(!(typeof data1.threshold == "number")){
const err9 = {instancePath:instancePath+"/condition/threshold",schemaPath:"#/properties/condition/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.lookbackWindow !== undefined){
let data5 = data1.lookbackWindow;
if(typeof data5 === "string"){
if(!pattern11.test(data5)){
const err10 = {instancePath:instancePath+"/condition/lookbackWindow",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(m|h|d|w|M|Q|Y)$"},message:"must match pattern \""+"^[0-9]+(m|h|d|w|M|Q|Y)$"+"\""};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/condition/lookbackWindow",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.alertAfter !== undefined){
let data6 = data1.alertAfter;
if(typeof data6 === "string"){
if(!pattern11.test(data6)){
const err12 = {instancePath:instancePath+"/condition/alertAfter",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(m|h|d|w|M|Q|Y)$"},message:"must match pattern \""+"^[0-9]+(m|h|d|w|M|Q|Y)$"+"\""};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/condition/alertAfter",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}


function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/openslo.schema.json" */;
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.apiVersion === undefined) && (missing0 = "apiVersion")) || ((data.kind === undefined) && (missing0 = "kind"))){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.apiVersion !== undefined){
const _errs4 = errors;
if("openslo/v1" !== data.apiVersion){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.kind !== undefined){
const _errs5 = errors;
if("SLO" !== data.kind){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec !== undefined){
if(!(validate28(data.spec, {instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
}
var _valid0 = _errs6 === errors;
valid1 = _valid0;
}
if(!valid1){
const err3 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const _errs9 = errors;
let valid4 = true;
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.apiVersion === undefined) && (missing1 = "apiVersion")) || ((data.kind === undefined) && (missing1 = "kind"))){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data.apiVersion !== undefined){
const _errs11 = errors;
if("openslo/v1" !== data.apiVersion){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid5 = _errs11 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data.kind !== undefined){
const _errs12 = errors;
if("SLI" !== data.kind){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var valid5 = _errs12 === errors;
}
else {
var valid5 = true;
}
}
}
}
var _valid1 = _errs10 === errors;
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec !== undefined){
if(!(validate29(data.spec, {instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
var _valid1 = _errs13 === errors;
valid4 = _valid1;
}
if(!valid4){
const err7 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const _errs16 = errors;
let valid7 = true;
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((data.apiVersion === undefined) && (missing2 = "apiVersion")) || ((data.kind === undefined) && (missing2 = "kind"))){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data.apiVersion !== undefined){
const _errs18 = errors;
if("openslo/v1" !== data.apiVersion){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid8 = _errs18 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data.kind !== undefined){
const _errs19 = errors;
if("AlertPolicy" !== data.kind){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid8 = _errs19 === errors;
}
else {
var valid8 = true;
}
}
}
}
var _valid2 = _errs17 === errors;
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs20 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec !== undefined){
let data8 = data.spec;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.conditions === undefined){
const err11 = {instancePath:instancePath+"/spec",schemaPath:"#/definitions/alertPolicy/required",keyword:"required",params:{missingProperty: "conditions"},message:"must have required property '"+"conditions"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data8.alertWhenNoData !== undefined){
if(typeof data8.alertWhenNoData !== "boolean"){
const err12 = {instancePath:instancePath+"/spec/alertWhenNoData",schemaPath:"#/definitions/alertPolicy/properties/alertWhenNoData/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data8.alertWhenBreaching !== undefined){
if(typeof data8.alertWhenBreaching !== "boolean"){
const err13 = {instancePath:instancePath+"/spec/alertWhenBreaching",schemaPath:"#/definitions/alertPolicy/properties/alertWhenBreaching/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data8.alertWhenResolved !== undefined){
if(typeof data8.alertWhenResolved !== "boolean"){
const err14 = {instancePath:instancePath+"/spec/alertWhenResolved",schemaPath:"#/definitions/alertPolicy/properties/alertWhenResolved/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data8.conditions !== undefined){
let data12 = data8.conditions;
if(Array.isArray(data12)){
if(data12.length < 1){
const err15 = {instancePath:instancePath+"/spec/conditions",schemaPath:"#/definitions/alertPolicy/properties/conditions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
let data13 = data12[i0];
if(!(data13 && typeof data13 == "object" && !Array.isArray(data13))){
const err16 = {instancePath:instancePath+"/spec/conditions/" + i0,schemaPath:"#/definitions/alertPolicy/properties/conditions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/spec/conditions",schemaPath:"#/definitions/alertPolicy/properties/conditions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/spec",schemaPath:"#/definitions/alertPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var _valid2 = _errs20 === errors;
valid7 = _valid2;
}
if(!valid7){
const err19 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const _errs35 = errors;
let valid14 = true;
const _errs36 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if(((data.apiVersion === undefined) && (missing3 = "apiVersion")) || ((data.kind === undefined) && (missing3 = "kind"))){
const err20 = {};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
if(data.apiVersion !== undefined){
const _errs37 = errors;
if("openslo/v1" !== data.apiVersion){
const err21 = {};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var valid15 = _errs37 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data.kind !== undefined){
const _errs38 = errors;
if("AlertCondition" !== data.kind){
const err22 = {};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var valid15 = _errs38 === errors;
}
else {
var valid15 = true;
}
}
}
}
var _valid3 = _errs36 === errors;
errors = _errs35;
if(vErrors !== null){
if(_errs35){
vErrors.length = _errs35;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs39 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec !== undefined){
if(!(validate33(data.spec, {instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
}
var _valid3 = _errs39 === errors;
valid14 = _valid3;
}
if(!valid14){
const err23 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err24 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data.kind === undefined){
const err25 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data.metadata === undefined){
const err26 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data.spec === undefined){
const err27 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data.metadata !== undefined){
let data17 = data.metadata;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.name === undefined){
const err28 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data17.name !== undefined){
let data18 = data17.name;
if(typeof data18 === "string"){
if(func2(data18) < 1){
const err29 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}

exports.Pw = validate35;
const schema51 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/pyrra.schema.json","title":"Pyrra ServiceLevelObjective (pyrra.dev/v1alpha1)","type":"object","required":["apiVersion","kind","metadata","spec"],"properties":{"metadata":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1}}},"spec":{"type":"object","required":["indicator","target","window"],"properties":{"target":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?$","description":"Percent as a string, e.g. \"99.9\""},"window":{"type":"string","pattern":"^([0-9]+(ms|s|m|h|d|w|y))+$"},"description":{"type":"string"},"indicator":{"type":"object","minProperties":1,"maxProperties":1,"properties":{"ratio":{"type":"object","required":["errors","total"],"properties":{"errors":{"$ref":"#/definitions/metric"},"total":{"$ref":"#/definitions/metric"},"grouping":{"$ref":"#/definitions/grouping"}}},"latency":{"type":"object","required":["success","total"],"properties":{"success":{"$ref":"#/definitions/metric"},"total":{"$ref":"#/definitions/metric"},"grouping":{"$ref":"#/definitions/grouping"}}},"latencyNative":{"type":"object","required":["latency","total"],"properties":{"latency":{"type":"string"},"total":{"$ref":"#/definitions/metric"},"grouping":{"$ref":"#/definitions/grouping"}}},"bool_gauge":{"type":"object","required":["metric"],"properties":{"metric":{"type":"string","minLength":1},"grouping":{"$ref":"#/definitions/grouping"}}}},"additionalProperties":false},"alerting":{"type":"object","properties":{"disabled":{"type":"boolean"},"burnrates":{"type":"boolean"},"absent":{"type":"boolean"},"name":{"type":"string"}}}}}},"definitions":{"metric":{"type":"object","required":["metric"],"properties":{"metric":{"type":"string","minLength":1}}},"grouping":{"type":"array","items":{"type":"string"}}}};
const schema52 = {"type":"object","required":["metric"],"properties":{"metric":{"type":"string","minLength":1}}};
const schema54 = {"type":"array","items":{"type":"string"}};
const pattern15 = new RegExp("^[0-9]+(\\.[0-9]+)?$", "u");

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/pyrra.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.metadata !== undefined){
let data0 = data.metadata;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.name === undefined){
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data0.name !== undefined){
let data1 = data0.name;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err5 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.spec !== undefined){
let data2 = data.spec;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.indicator === undefined){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "indicator"},message:"must have required property '"+"indicator"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.target === undefined){
const err9 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data2.window === undefined){
const err10 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "window"},message:"must have required property '"+"window"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data2.target !== undefined){
let data3 = data2.target;
if(typeof data3 === "string"){
if(!pattern15.test(data3)){
const err11 = {instancePath:instancePath+"/spec/target",schemaPath:"#/properties/spec/properties/target/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/spec/target",schemaPath:"#/properties/spec/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data2.window !== undefined){
let data4 = data2.window;
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
const err13 = {instancePath:instancePath+"/spec/window",schemaPath:"#/properties/spec/properties/window/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(ms|s|m|h|d|w|y))+$"},message:"must match pattern \""+"^([0-9]+(ms|s|m|h|d|w|y))+$"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/spec/window",schemaPath:"#/properties/spec/properties/window/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.description !== undefined){
if(typeof data2.description !== "string"){
const err15 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.indicator !== undefined){
let data6 = data2.indicator;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length > 1){
const err16 = {instancePath:instancePath+"/spec/indicator",schemaPath:"#/properties/spec/properties/indicator/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(Object.keys(data6).length < 1){
const err17 = {instancePath:instancePath+"/spec/indicator",schemaPath:"#/properties/spec/properties/indicator/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key0 in data6){
if(!((((key0 === "ratio") || (key0 === "latency")) || (key0 === "latencyNative")) || (key0 === "bool_gauge"))){
const err18 = {instancePath:instancePath+"/spec/indicator",schemaPath:"#/properties/spec/properties/indicator/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.ratio !== undefined){
let data7 = data6.ratio;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.errors === undefined){
const err19 = {instancePath:instancePath+"/spec/indicator/ratio",schemaPath:"#/properties/spec/properties/indicator/properties/ratio/required",keyword:"required",params:{missingProperty: "errors"},message:"must have required property '"+"errors"+"'"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data7.total === undefined){
const err20 = {instancePath:instancePath+"/spec/indicator/ratio",schemaPath:"#/properties/spec/properties/indicator/properties/ratio/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7.errors !== undefined){
let data8 = data7.errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.metric === undefined){
const err21 = {instancePath:instancePath+"/spec/indicator/ratio/errors",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data8.metric !== undefined){
let data9 = data8.metric;
if(typeof data9 === "string"){
if(func2(data9) < 1){
const err22 = {instancePath:instancePath+"/spec/indicator/ratio/errors/metric",schemaPath:"#/definitions/metric/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/spec/indicator/ratio/errors/metric",schemaPath:"#/definitions/metric/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/spec/indicator/ratio/errors",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.total !== undefined){
let data10 = data7.total;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.metric === undefined){
const err25 = {instancePath:instancePath+"/spec/indicator/ratio/total",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data10.metric !== undefined){
let data11 = data10.metric;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err26 = {instancePath:instancePath+"/spec/indicator/ratio/total/metric",schemaPath:"#/definitions/metric/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/spec/indicator/ratio/total/metric",schemaPath:"#/definitions/metric/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/spec/indicator/ratio/total",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.grouping !== undefined){
let data12 = data7.grouping;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
if(typeof data12[i0] !== "string"){
const err29 = {instancePath:instancePath+"/spec/indicator/ratio/grouping/" + i0,schemaPath:"#/definitions/grouping/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/spec/indicator/ratio/grouping",schemaPath:"#/definitions/grouping/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/spec/indicator/ratio",schemaPath:"#/properties/spec/properties/indicator/properties/ratio/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data6.latency !== undefined){
let data14 = data6.latency;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.success === undefined){
const err32 = {instancePath:instancePath+"/spec/indicator/latency",schemaPath:"#/properties/spec/properties/indicator/properties/latency/required",keyword:"required",params:{missingProperty: "success"},message:"must have required property '"+"success"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data14.total === undefined){
const err33 = {instancePath:instancePath+"/spec/indicator/latency",schemaPath:"#/properties/spec/properties/indicator/properties/latency/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data14.success !== undefined){
let data15 = data14.success;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.metric === undefined){
const err34 = {instancePath:instancePath+"/spec/indicator/latency/success",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data15.metric !== undefined){
let data16 = data15.metric;
if(typeof data16 === "string"){
if(func2(data16) < 1){
const err35 = {instancePath:instancePath+"/spec/indicator/latency/success/metric",schemaPath:"#/definitions/metric/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/spec/indicator/latency/success/metric",schemaPath:"#/definitions/metric/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/spec/indicator/latency/success",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data14.total !== undefined){
let data17 = data14.total;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.metric === undefined){
const err38 = {instancePath:instancePath+"/spec/indicator/latency/total",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data17.metric !== undefined){
let data18 = data17.metric;
if(typeof data18 === "string"){
if(func2(data18) < 1){
const err39 = {instancePath:instancePath+"/spec/indicator/latency/total/metric",schemaPath:"#/definitions/metric/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/spec/indicator/latency/total/metric",schemaPath:"#/definitions/metric/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/spec/indicator/latency/total",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data14.grouping !== undefined){
let data19 = data14.grouping;
if(Array.isArray(data19)){
const len1 = data19.length;
for(let i1=0; i1<len1; i1++){
if(typeof data19[i1] !== "string"){
const err42 = {instancePath:instancePath+"/spec/indicator/latency/grouping/" + i1,schemaPath:"#/definitions/grouping/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/spec/indicator/latency/grouping",schemaPath:"#/definitions/grouping/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/spec/indicator/latency",schemaPath:"#/properties/spec/properties/indicator/properties/latency/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data6.latencyNative !== undefined){
let data21 = data6.latencyNative;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.latency === undefined){
const err45 = {instancePath:instancePath+"/spec/indicator/latencyNative",schemaPath:"#/properties/spec/properties/indicator/properties/latencyNative/required",keyword:"required",params:{missingProperty: "latency"},message:"must have required property '"+"latency"+"'"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if(data21.total === undefined){
const err46 = {instancePath:instancePath+"/spec/indicator/latencyNative",schemaPath:"#/properties/spec/properties/indicator/properties/latencyNative/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data21.latency !== undefined){
if(typeof data21.latency !== "string"){
const err47 = {instancePath:instancePath+"/spec/indicator/latencyNative/latency",schemaPath:"#/properties/spec/properties/indicator/properties/latencyNative/properties/latency/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data21.total !== undefined){
let data23 = data21.total;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.metric === undefined){
const err48 = {instancePath:instancePath+"/spec/indicator/latencyNative/total",schemaPath:"#/definitions/metric/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(data23.metric !== undefined){
let data24 = data23.metric;
if(typeof data24 === "string"){
if(func2(data24) < 1){
const err49 = {instancePath:instancePath+"/spec/indicator/latencyNative/total/metric",schemaPath:"#/definitions/metric/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/spec/indicator/latencyNative/total/metric",schemaPath:"#/definitions/metric/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/spec/indicator/latencyNative/total",schemaPath:"#/definitions/metric/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data21.grouping !== undefined){
let data25 = data21.grouping;
if(Array.isArray(data25)){
const len2 = data25.length;
for(let i2=0; i2<len2; i2++){
if(typeof data25[i2] !== "string"){
const err52 = {instancePath:instancePath+"/spec/indicator/latencyNative/grouping/" + i2,schemaPath:"#/definitions/grouping/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/spec/indicator/latencyNative/grouping",schemaPath:"#/definitions/grouping/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/spec/indicator/latencyNative",schemaPath:"#/properties/spec/properties/indicator/properties/latencyNative/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data6.bool_gauge !== undefined){
let data27 = data6.bool_gauge;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.metric === undefined){
const err55 = {instancePath:instancePath+"/spec/indicator/bool_gauge",schemaPath:"#/properties/spec/properties/indicator/properties/bool_gauge/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data27.metric !== undefined){
let data28 = data27.metric;
if(typeof data28 === "string"){
if(func2(data28) < 1){
const err56 = {instancePath:instancePath+"/spec/indicator/bool_gauge/metric",schemaPath:"#/properties/spec/properties/indicator/properties/bool_gauge/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/spec/indicator/bool_gauge/metric",schemaPath:"#/properties/spec/properties/indicator/properties/bool_gauge/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data27.grouping !== undefined){
let data29 = data27.grouping;
if(Array.isArray(data29)){
const len3 = data29.length;
for(let i3=0; i3<len3; i3++){
if(typeof data29[i3] !== "string"){
const err58 = {instancePath:instancePath+"/spec/indicator/bool_gauge/grouping/" + i3,schemaPath:"#/definitions/grouping/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/spec/indicator/bool_gauge/grouping",schemaPath:"#/definitions/grouping/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/spec/indicator/bool_gauge",schemaPath:"#/properties/spec/properties/indicator/properties/bool_gauge/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/spec/indicator",schemaPath:"#/properties/spec/properties/indicator/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data2.alerting !== undefined){
let data31 = data2.alerting;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
if(data31.disabled !== undefined){
if(typeof data31.disabled !== "boolean"){
const err62 = {instancePath:instancePath+"/spec/alerting/disabled",schemaPath:"#/properties/spec/properties/alerting/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data31.burnrates !== undefined){
if(typeof data31.burnrates !== "boolean"){
const err63 = {instancePath:instancePath+"/spec/alerting/burnrates",schemaPath:"#/properties/spec/properties/alerting/properties/burnrates/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data31.absent !== undefined){
if(typeof data31.absent !== "boolean"){
const err64 = {instancePath:instancePath+"/spec/alerting/absent",schemaPath:"#/properties/spec/properties/alerting/properties/absent/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data31.name !== undefined){
if(typeof data31.name !== "string"){
const err65 = {instancePath:instancePath+"/spec/alerting/name",schemaPath:"#/properties/spec/properties/alerting/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/spec/alerting",schemaPath:"#/properties/spec/properties/alerting/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
validate35.errors = vErrors;
return errors === 0;
}

exports._r = validate36;
const schema61 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/formats/slo-generator.schema.json","title":"Google slo-generator: v2 ServiceLevelObjective (sre.google.com/v2), v1 SLO config, shared config with error_budget_policies, v1 error budget policy","if":{"type":"array"},"then":{"type":"array","items":{"$ref":"#/definitions/v1PolicyStep"}},"else":{"if":{"type":"object","required":["apiVersion"]},"then":{"$ref":"#/definitions/v2Slo"},"else":{"if":{"type":"object","required":["error_budget_policies"]},"then":{"$ref":"#/definitions/sharedConfig"},"else":{"$ref":"#/definitions/v1Slo"}}},"definitions":{"goal":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1,"description":"A ratio, e.g. 0.999"},"v2Slo":{"type":"object","required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"sre.google.com/v2"},"kind":{"const":"ServiceLevelObjective"},"metadata":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1},"labels":{"type":"object","additionalProperties":{"type":["string","number","boolean"]}}}},"spec":{"type":"object","required":["goal","backend","method","service_level_indicator"],"properties":{"description":{"type":"string"},"goal":{"$ref":"#/definitions/goal"},"backend":{"type":"string","minLength":1},"method":{"type":"string","minLength":1},"exporters":{"type":"array","items":{"type":"string"}},"error_budget_policy":{"type":"string","minLength":1},"service_level_indicator":{"type":"object"}}}}},"v1Slo":{"type":"object","required":["service_name","feature_name","slo_name","slo_target","backend"],"properties":{"service_name":{"type":"string","minLength":1},"feature_name":{"type":"string","minLength":1},"slo_name":{"type":"string","minLength":1},"slo_description":{"type":"string"},"slo_target":{"$ref":"#/definitions/goal"},"backend":{"type":"object","required":["class","method"],"properties":{"class":{"type":"string"},"method":{"type":"string"},"measurement":{"type":"object"}}},"exporters":{"type":["array","object"]}}},"sharedConfig":{"type":"object","properties":{"backends":{"type":"object"},"exporters":{"type":"object"},"default_exporters":{"type":"array","items":{"type":"string"}},"error_budget_policies":{"type":"object","additionalProperties":{"type":"object","required":["steps"],"properties":{"steps":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/v2PolicyStep"}}}}}}},"v2PolicyStep":{"type":"object","required":["name","window","burn_rate_threshold"],"properties":{"name":{"type":"string","minLength":1},"window":{"type":"integer","exclusiveMinimum":0,"description":"Seconds"},"burn_rate_threshold":{"type":"number","exclusiveMinimum":0},"alert":{"type":"boolean"},"message_alert":{"type":"string"},"message_ok":{"type":"string"}}},"v1PolicyStep":{"type":"object","required":["error_budget_policy_step_name","measurement_window_seconds","alerting_burn_rate_threshold"],"properties":{"error_budget_policy_step_name":{"type":"string","minLength":1},"measurement_window_seconds":{"type":"integer","exclusiveMinimum":0},"alerting_burn_rate_threshold":{"type":"number","exclusiveMinimum":0},"urgent_notification":{"type":"boolean"},"overburned_consequence_message":{"type":"string"},"achieved_consequence_message":{"type":"string"}}}}};
const schema62 = {"type":"object","required":["error_budget_policy_step_name","measurement_window_seconds","alerting_burn_rate_threshold"],"properties":{"error_budget_policy_step_name":{"type":"string","minLength":1},"measurement_window_seconds":{"type":"integer","exclusiveMinimum":0},"alerting_burn_rate_threshold":{"type":"number","exclusiveMinimum":0},"urgent_notification":{"type":"boolean"},"overburned_consequence_message":{"type":"string"},"achieved_consequence_message":{"type":"string"}}};
const schema63 = {"type":"object","required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"sre.google.com/v2"},"kind":{"const":"ServiceLevelObjective"},"metadata":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1},"labels":{"type":"object","additionalProperties":{"type":["string","number","boolean"]}}}},"spec":{"type":"object","required":["goal","backend","method","service_level_indicator"],"properties":{"description":{"type":"string"},"goal":{"$ref":"#/definitions/goal"},"backend":{"type":"string","minLength":1},"method":{"type":"string","minLength":1},"exporters":{"type":"array","items":{"type":"string"}},"error_budget_policy":{"type":"string","minLength":1},"service_level_indicator":{"type":"object"}}}}};
const schema64 = {"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1,"description":"A ratio, e.g. 0.999"};

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.apiVersion !== undefined){
if("sre.google.com/v2" !== data.apiVersion){
const err4 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "sre.google.com/v2"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
if("ServiceLevelObjective" !== data.kind){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "ServiceLevelObjective"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err7 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.labels !== undefined){
let data4 = data2.labels;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key0 in data4){
let data5 = data4[key0];
if(((typeof data5 !== "string") && (!(typeof data5 == "number"))) && (typeof data5 !== "boolean")){
const err9 = {instancePath:instancePath+"/metadata/labels/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/additionalProperties/type",keyword:"type",params:{type: schema63.properties.metadata.properties.labels.additionalProperties.type},message:"must be string,number,boolean"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.spec !== undefined){
let data6 = data.spec;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.goal === undefined){
const err12 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "goal"},message:"must have required property '"+"goal"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data6.backend === undefined){
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data6.method === undefined){
const err14 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6.service_level_indicator === undefined){
const err15 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "service_level_indicator"},message:"must have required property '"+"service_level_indicator"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data6.description !== undefined){
if(typeof data6.description !== "string"){
const err16 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.goal !== undefined){
let data8 = data6.goal;
if(typeof data8 == "number"){
if(data8 >= 1 || isNaN(data8)){
const err17 = {instancePath:instancePath+"/spec/goal",schemaPath:"#/definitions/goal/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data8 <= 0 || isNaN(data8)){
const err18 = {instancePath:instancePath+"/spec/goal",schemaPath:"#/definitions/goal/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/spec/goal",schemaPath:"#/definitions/goal/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data6.backend !== undefined){
let data9 = data6.backend;
if(typeof data9 === "string"){
if(func2(data9) < 1){
const err20 = {instancePath:instancePath+"/spec/backend",schemaPath:"#/properties/spec/properties/backend/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/spec/backend",schemaPath:"#/properties/spec/properties/backend/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data6.method !== undefined){
let data10 = data6.method;
if(typeof data10 === "string"){
if(func2(data10) < 1){
const err22 = {instancePath:instancePath+"/spec/method",schemaPath:"#/properties/spec/properties/method/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/spec/method",schemaPath:"#/properties/spec/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data6.exporters !== undefined){
let data11 = data6.exporters;
if(Array.isArray(data11)){
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
if(typeof data11[i0] !== "string"){
const err24 = {instancePath:instancePath+"/spec/exporters/" + i0,schemaPath:"#/properties/spec/properties/exporters/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/spec/exporters",schemaPath:"#/properties/spec/properties/exporters/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data6.error_budget_policy !== undefined){
let data13 = data6.error_budget_policy;
if(typeof data13 === "string"){
if(func2(data13) < 1){
const err26 = {instancePath:instancePath+"/spec/error_budget_policy",schemaPath:"#/properties/spec/properties/error_budget_policy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/spec/error_budget_policy",schemaPath:"#/properties/spec/properties/error_budget_policy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data6.service_level_indicator !== undefined){
let data14 = data6.service_level_indicator;
if(!(data14 && typeof data14 == "object" && !Array.isArray(data14))){
const err28 = {instancePath:instancePath+"/spec/service_level_indicator",schemaPath:"#/properties/spec/properties/service_level_indicator/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
validate37.errors = vErrors;
return errors === 0;
}

const schema65 = {"type":"object","properties":{"backends":{"type":"object"},"exporters":{"type":"object"},"default_exporters":{"type":"array","items":{"type":"string"}},"error_budget_policies":{"type":"object","additionalProperties":{"type":"object","required":["steps"],"properties":{"steps":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/v2PolicyStep"}}}}}}};
const schema66 = {"type":"object","required":["name","window","burn_rate_threshold"],"properties":{"name":{"type":"string","minLength":1},"window":{"type":"integer","exclusiveMinimum":0,"description":"Seconds"},"burn_rate_threshold":{"type":"number","exclusiveMinimum":0},"alert":{"type":"boolean"},"message_alert":{"type":"string"},"message_ok":{"type":"string"}}};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.backends !== undefined){
let data0 = data.backends;
if(!(data0 && typeof data0 == "object" && !Array.isArray(data0))){
const err0 = {instancePath:instancePath+"/backends",schemaPath:"#/properties/backends/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.exporters !== undefined){
let data1 = data.exporters;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err1 = {instancePath:instancePath+"/exporters",schemaPath:"#/properties/exporters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.default_exporters !== undefined){
let data2 = data.default_exporters;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(typeof data2[i0] !== "string"){
const err2 = {instancePath:instancePath+"/default_exporters/" + i0,schemaPath:"#/properties/default_exporters/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/default_exporters",schemaPath:"#/properties/default_exporters/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.error_budget_policies !== undefined){
let data4 = data.error_budget_policies;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key0 in data4){
let data5 = data4[key0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.steps === undefined){
const err4 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/error_budget_policies/additionalProperties/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data5.steps !== undefined){
let data6 = data5.steps;
if(Array.isArray(data6)){
if(data6.length < 1){
const err5 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps",schemaPath:"#/properties/error_budget_policies/additionalProperties/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.name === undefined){
const err6 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1,schemaPath:"#/definitions/v2PolicyStep/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data7.window === undefined){
const err7 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1,schemaPath:"#/definitions/v2PolicyStep/required",keyword:"required",params:{missingProperty: "window"},message:"must have required property '"+"window"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data7.burn_rate_threshold === undefined){
const err8 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1,schemaPath:"#/definitions/v2PolicyStep/required",keyword:"required",params:{missingProperty: "burn_rate_threshold"},message:"must have required property '"+"burn_rate_threshold"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data7.name !== undefined){
let data8 = data7.name;
if(typeof data8 === "string"){
if(func2(data8) < 1){
const err9 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/name",schemaPath:"#/definitions/v2PolicyStep/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/name",schemaPath:"#/definitions/v2PolicyStep/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data7.window !== undefined){
let data9 = data7.window;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
const err11 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/window",schemaPath:"#/definitions/v2PolicyStep/properties/window/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(typeof data9 == "number"){
if(data9 <= 0 || isNaN(data9)){
const err12 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/window",schemaPath:"#/definitions/v2PolicyStep/properties/window/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data7.burn_rate_threshold !== undefined){
let data10 = data7.burn_rate_threshold;
if(typeof data10 == "number"){
if(data10 <= 0 || isNaN(data10)){
const err13 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/burn_rate_threshold",schemaPath:"#/definitions/v2PolicyStep/properties/burn_rate_threshold/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/burn_rate_threshold",schemaPath:"#/definitions/v2PolicyStep/properties/burn_rate_threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data7.alert !== undefined){
if(typeof data7.alert !== "boolean"){
const err15 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/alert",schemaPath:"#/definitions/v2PolicyStep/properties/alert/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data7.message_alert !== undefined){
if(typeof data7.message_alert !== "string"){
const err16 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/message_alert",schemaPath:"#/definitions/v2PolicyStep/properties/message_alert/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data7.message_ok !== undefined){
if(typeof data7.message_ok !== "string"){
const err17 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1+"/message_ok",schemaPath:"#/definitions/v2PolicyStep/properties/message_ok/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps/" + i1,schemaPath:"#/definitions/v2PolicyStep/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/steps",schemaPath:"#/properties/error_budget_policies/additionalProperties/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/error_budget_policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/error_budget_policies/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/error_budget_policies",schemaPath:"#/properties/error_budget_policies/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}

const schema67 = {"type":"object","required":["service_name","feature_name","slo_name","slo_target","backend"],"properties":{"service_name":{"type":"string","minLength":1},"feature_name":{"type":"string","minLength":1},"slo_name":{"type":"string","minLength":1},"slo_description":{"type":"string"},"slo_target":{"$ref":"#/definitions/goal"},"backend":{"type":"object","required":["class","method"],"properties":{"class":{"type":"string"},"method":{"type":"string"},"measurement":{"type":"object"}}},"exporters":{"type":["array","object"]}}};

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.service_name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "service_name"},message:"must have required property '"+"service_name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.feature_name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "feature_name"},message:"must have required property '"+"feature_name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.slo_name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "slo_name"},message:"must have required property '"+"slo_name"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.slo_target === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "slo_target"},message:"must have required property '"+"slo_target"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.backend === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.service_name !== undefined){
let data0 = data.service_name;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err5 = {instancePath:instancePath+"/service_name",schemaPath:"#/properties/service_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/service_name",schemaPath:"#/properties/service_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.feature_name !== undefined){
let data1 = data.feature_name;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err7 = {instancePath:instancePath+"/feature_name",schemaPath:"#/properties/feature_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/feature_name",schemaPath:"#/properties/feature_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.slo_name !== undefined){
let data2 = data.slo_name;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err9 = {instancePath:instancePath+"/slo_name",schemaPath:"#/properties/slo_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/slo_name",schemaPath:"#/properties/slo_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.slo_description !== undefined){
if(typeof data.slo_description !== "string"){
const err11 = {instancePath:instancePath+"/slo_description",schemaPath:"#/properties/slo_description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.slo_target !== undefined){
let data4 = data.slo_target;
if(typeof data4 == "number"){
if(data4 >= 1 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/slo_target",schemaPath:"#/definitions/goal/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 <= 0 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/slo_target",schemaPath:"#/definitions/goal/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/slo_target",schemaPath:"#/definitions/goal/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.backend !== undefined){
let data5 = data.backend;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.class === undefined){
const err15 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/required",keyword:"required",params:{missingProperty: "class"},message:"must have required property '"+"class"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5.method === undefined){
const err16 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data5.class !== undefined){
if(typeof data5.class !== "string"){
const err17 = {instancePath:instancePath+"/backend/class",schemaPath:"#/properties/backend/properties/class/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.method !== undefined){
if(typeof data5.method !== "string"){
const err18 = {instancePath:instancePath+"/backend/method",schemaPath:"#/properties/backend/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data5.measurement !== undefined){
let data8 = data5.measurement;
if(!(data8 && typeof data8 == "object" && !Array.isArray(data8))){
const err19 = {instancePath:instancePath+"/backend/measurement",schemaPath:"#/properties/backend/properties/measurement/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.exporters !== undefined){
let data9 = data.exporters;
if(!data9 || typeof data9 != "object"){
const err21 = {instancePath:instancePath+"/exporters",schemaPath:"#/properties/exporters/type",keyword:"type",params:{type: schema67.properties.exporters.type},message:"must be array,object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate41.errors = vErrors;
return errors === 0;
}


function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/formats/slo-generator.schema.json" */;
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = true;
const _errs1 = errors;
if(!(Array.isArray(data))){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.error_budget_policy_step_name === undefined){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/v1PolicyStep/required",keyword:"required",params:{missingProperty: "error_budget_policy_step_name"},message:"must have required property '"+"error_budget_policy_step_name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data0.measurement_window_seconds === undefined){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/v1PolicyStep/required",keyword:"required",params:{missingProperty: "measurement_window_seconds"},message:"must have required property '"+"measurement_window_seconds"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0.alerting_burn_rate_threshold === undefined){
const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/v1PolicyStep/required",keyword:"required",params:{missingProperty: "alerting_burn_rate_threshold"},message:"must have required property '"+"alerting_burn_rate_threshold"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0.error_budget_policy_step_name !== undefined){
let data1 = data0.error_budget_policy_step_name;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err4 = {instancePath:instancePath+"/" + i0+"/error_budget_policy_step_name",schemaPath:"#/definitions/v1PolicyStep/properties/error_budget_policy_step_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/" + i0+"/error_budget_policy_step_name",schemaPath:"#/definitions/v1PolicyStep/properties/error_budget_policy_step_name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data0.measurement_window_seconds !== undefined){
let data2 = data0.measurement_window_seconds;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err6 = {instancePath:instancePath+"/" + i0+"/measurement_window_seconds",schemaPath:"#/definitions/v1PolicyStep/properties/measurement_window_seconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(typeof data2 == "number"){
if(data2 <= 0 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/" + i0+"/measurement_window_seconds",schemaPath:"#/definitions/v1PolicyStep/properties/measurement_window_seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data0.alerting_burn_rate_threshold !== undefined){
let data3 = data0.alerting_burn_rate_threshold;
if(typeof data3 == "number"){
if(data3 <= 0 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/" + i0+"/alerting_burn_rate_threshold",schemaPath:"#/definitions/v1PolicyStep/properties/alerting_burn_rate_threshold/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/" + i0+"/alerting_burn_rate_threshold",schemaPath:"#/definitions/v1PolicyStep/properties/alerting_burn_rate_threshold/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data0.urgent_notification !== undefined){
if(typeof data0.urgent_notification !== "boolean"){
const err10 = {instancePath:instancePath+"/" + i0+"/urgent_notification",schemaPath:"#/definitions/v1PolicyStep/properties/urgent_notification/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data0.overburned_consequence_message !== undefined){
if(typeof data0.overburned_consequence_message !== "string"){
const err11 = {instancePath:instancePath+"/" + i0+"/overburned_consequence_message",schemaPath:"#/definitions/v1PolicyStep/properties/overburned_consequence_message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data0.achieved_consequence_message !== undefined){
if(typeof data0.achieved_consequence_message !== "string"){
const err12 = {instancePath:instancePath+"/" + i0+"/achieved_consequence_message",schemaPath:"#/definitions/v1PolicyStep/properties/achieved_consequence_message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/v1PolicyStep/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/then/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs20 = errors;
const _errs21 = errors;
let valid5 = true;
const _errs22 = errors;
if(errors === _errs22){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.apiVersion === undefined) && (missing0 = "apiVersion")){
const err15 = {};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid1 = _errs22 === errors;
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
let ifClause1;
if(_valid1){
const _errs24 = errors;
if(!(validate37(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
var _valid1 = _errs24 === errors;
valid5 = _valid1;
ifClause1 = "then";
}
else {
const _errs25 = errors;
const _errs26 = errors;
let valid6 = true;
const _errs27 = errors;
if(errors === _errs27){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.error_budget_policies === undefined) && (missing1 = "error_budget_policies")){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid2 = _errs27 === errors;
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
let ifClause2;
if(_valid2){
const _errs29 = errors;
if(!(validate39(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
var _valid2 = _errs29 === errors;
valid6 = _valid2;
ifClause2 = "then";
}
else {
const _errs30 = errors;
if(!(validate41(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
var _valid2 = _errs30 === errors;
valid6 = _valid2;
ifClause2 = "else";
}
if(!valid6){
const err19 = {instancePath,schemaPath:"#/else/else/if",keyword:"if",params:{failingKeyword: ifClause2},message:"must match \""+ifClause2+"\" schema"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid1 = _errs25 === errors;
valid5 = _valid1;
ifClause1 = "else";
}
if(!valid5){
const err20 = {instancePath,schemaPath:"#/else/if",keyword:"if",params:{failingKeyword: ifClause1},message:"must match \""+ifClause1+"\" schema"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid0 = _errs20 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err21 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}



/***/ }),

/***/ 17503:
/***/ ((__unused_webpack_module, exports) => {

// Generated by scripts/generate-validators.mjs from schemas/config.schema.json: do not edit.

exports.$ = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/config.schema.json","title":"slo-gate configuration (.slo-gate.yml)","type":"object","additionalProperties":false,"properties":{"min-availability":{"description":"Lowest availability target allowed: a percent (99.9, \"99.9%\") or a ratio (0.999).","type":["number","string"]},"min-latency-objective":{"description":"Lowest target allowed for latency SLOs (the share of requests faster than the threshold): a percent (99) or a ratio (0.99). None by default.","type":["number","string"]},"include":{"description":"Globs (root-relative) of files to check; default: every YAML and JSON file.","type":"array","items":{"type":"string"}},"exclude":{"description":"Globs (root-relative) of files to skip.","type":"array","items":{"type":"string"}},"checks":{"description":"Per-check override: off, or the severity to report it at.","type":"object","propertyNames":{"pattern":"^[a-z]+/[a-z0-9-]+$"},"additionalProperties":{"enum":["off","error","warning","notice"]}},"alerts":{"type":"object","additionalProperties":false,"properties":{"required-labels":{"description":"Labels every alerting rule must carry: a list of names, or a map of name to allowed values.","oneOf":[{"type":"array","items":{"type":"string"}},{"type":"object","additionalProperties":{"oneOf":[{"type":"array","items":{"type":"string"}},{"type":"null"}]}}]},"required-annotations":{"description":"Annotations every alerting rule must carry: a list of names, or \"recommended\" for summary, description and runbook_url. Default: none.","oneOf":[{"type":"array","items":{"type":"string"}},{"enum":["recommended"]}]}}},"slo-period":{"description":"Period of SLOs whose format does not state one (Sloth). Default 30d.","type":"string"},"evaluation-interval":{"description":"Prometheus' global evaluation_interval, for groups without their own (alert/for, promql/rate-range on recorded series). Default 1m.","type":"string"},"scrape-interval":{"description":"Scrape interval of the metrics the rules read (promql/rate-range). Default 1m.","type":"string"},"rule-dialect":{"description":"Rule loader the rule files are checked against: prometheus (promtool, strict), thanos (Thanos Ruler: groups may set partial_response_strategy), auto (Thanos for files that use the field). Default auto.","enum":["auto","prometheus","thanos"]},"max-file-size-mb":{"description":"Files larger than this are refused unread. Default 16.","type":"number","exclusiveMinimum":0},"slo-links":{"description":"Alert name to SLO, for alerts whose labels do not name their SLO: service/name, or a bare name that only one service's SLO has.","type":"object","additionalProperties":{"type":"string"}},"ignore":{"description":"Findings to suppress, each with its reason: for JSON files (no comments) or whole folders. A suppressed finding stays in the report, marked, and fails no gate.","type":"array","items":{"type":"object","additionalProperties":false,"required":["checks"],"properties":{"path":{"description":"Glob of root-relative paths (default: every file).","type":"string"},"checks":{"description":"Check ids it suppresses.","oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}]},"subject":{"description":"Only findings about this alert, SLO or panel.","type":["string","number"]},"reason":{"description":"Why the finding is acceptable. Required: an entry without one suppresses nothing.","type":"string"}}}}}};
const func2 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^[a-z]+/[a-z0-9-]+$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://slo-gate.dev/schemas/config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data["min-availability"] !== undefined){
let data0 = data["min-availability"];
if((!(typeof data0 == "number")) && (typeof data0 !== "string")){
const err1 = {instancePath:instancePath+"/min-availability",schemaPath:"#/properties/min-availability/type",keyword:"type",params:{type: schema11.properties["min-availability"].type},message:"must be number,string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data["min-latency-objective"] !== undefined){
let data1 = data["min-latency-objective"];
if((!(typeof data1 == "number")) && (typeof data1 !== "string")){
const err2 = {instancePath:instancePath+"/min-latency-objective",schemaPath:"#/properties/min-latency-objective/type",keyword:"type",params:{type: schema11.properties["min-latency-objective"].type},message:"must be number,string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.include !== undefined){
let data2 = data.include;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(typeof data2[i0] !== "string"){
const err3 = {instancePath:instancePath+"/include/" + i0,schemaPath:"#/properties/include/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.exclude !== undefined){
let data4 = data.exclude;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
if(typeof data4[i1] !== "string"){
const err5 = {instancePath:instancePath+"/exclude/" + i1,schemaPath:"#/properties/exclude/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/exclude",schemaPath:"#/properties/exclude/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.checks !== undefined){
let data6 = data.checks;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
const _errs16 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err7 = {instancePath:instancePath+"/checks",schemaPath:"#/properties/checks/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z]+/[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z]+/[a-z0-9-]+$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid5 = _errs16 === errors;
if(!valid5){
const err8 = {instancePath:instancePath+"/checks",schemaPath:"#/properties/checks/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
for(const key2 in data6){
let data7 = data6[key2];
if(!((((data7 === "off") || (data7 === "error")) || (data7 === "warning")) || (data7 === "notice"))){
const err9 = {instancePath:instancePath+"/checks/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/checks/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema11.properties.checks.additionalProperties.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/checks",schemaPath:"#/properties/checks/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.alerts !== undefined){
let data8 = data.alerts;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key3 in data8){
if(!((key3 === "required-labels") || (key3 === "required-annotations"))){
const err11 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data8["required-labels"] !== undefined){
let data9 = data8["required-labels"];
const _errs23 = errors;
let valid8 = false;
let passing0 = null;
const _errs24 = errors;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
if(typeof data9[i2] !== "string"){
const err12 = {instancePath:instancePath+"/alerts/required-labels/" + i2,schemaPath:"#/properties/alerts/properties/required-labels/oneOf/0/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/alerts/required-labels",schemaPath:"#/properties/alerts/properties/required-labels/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid0 = _errs24 === errors;
if(_valid0){
valid8 = true;
passing0 = 0;
}
const _errs28 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
let data11 = data9[key4];
const _errs32 = errors;
let valid12 = false;
let passing1 = null;
const _errs33 = errors;
if(Array.isArray(data11)){
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
if(typeof data11[i3] !== "string"){
const err14 = {instancePath:instancePath+"/alerts/required-labels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i3,schemaPath:"#/properties/alerts/properties/required-labels/oneOf/1/additionalProperties/oneOf/0/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/alerts/required-labels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/alerts/properties/required-labels/oneOf/1/additionalProperties/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid1 = _errs33 === errors;
if(_valid1){
valid12 = true;
passing1 = 0;
}
const _errs37 = errors;
if(data11 !== null){
const err16 = {instancePath:instancePath+"/alerts/required-labels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/alerts/properties/required-labels/oneOf/1/additionalProperties/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid1 = _errs37 === errors;
if(_valid1 && valid12){
valid12 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid12 = true;
passing1 = 1;
}
}
if(!valid12){
const err17 = {instancePath:instancePath+"/alerts/required-labels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/alerts/properties/required-labels/oneOf/1/additionalProperties/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/alerts/required-labels",schemaPath:"#/properties/alerts/properties/required-labels/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid0 = _errs28 === errors;
if(_valid0 && valid8){
valid8 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid8 = true;
passing0 = 1;
}
}
if(!valid8){
const err19 = {instancePath:instancePath+"/alerts/required-labels",schemaPath:"#/properties/alerts/properties/required-labels/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
}
if(data8["required-annotations"] !== undefined){
let data13 = data8["required-annotations"];
const _errs40 = errors;
let valid15 = false;
let passing2 = null;
const _errs41 = errors;
if(Array.isArray(data13)){
const len4 = data13.length;
for(let i4=0; i4<len4; i4++){
if(typeof data13[i4] !== "string"){
const err20 = {instancePath:instancePath+"/alerts/required-annotations/" + i4,schemaPath:"#/properties/alerts/properties/required-annotations/oneOf/0/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/alerts/required-annotations",schemaPath:"#/properties/alerts/properties/required-annotations/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid2 = _errs41 === errors;
if(_valid2){
valid15 = true;
passing2 = 0;
}
const _errs45 = errors;
if(!(data13 === "recommended")){
const err22 = {instancePath:instancePath+"/alerts/required-annotations",schemaPath:"#/properties/alerts/properties/required-annotations/oneOf/1/enum",keyword:"enum",params:{allowedValues: schema11.properties.alerts.properties["required-annotations"].oneOf[1].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid2 = _errs45 === errors;
if(_valid2 && valid15){
valid15 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid15 = true;
passing2 = 1;
}
}
if(!valid15){
const err23 = {instancePath:instancePath+"/alerts/required-annotations",schemaPath:"#/properties/alerts/properties/required-annotations/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err24 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data["slo-period"] !== undefined){
if(typeof data["slo-period"] !== "string"){
const err25 = {instancePath:instancePath+"/slo-period",schemaPath:"#/properties/slo-period/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data["evaluation-interval"] !== undefined){
if(typeof data["evaluation-interval"] !== "string"){
const err26 = {instancePath:instancePath+"/evaluation-interval",schemaPath:"#/properties/evaluation-interval/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data["scrape-interval"] !== undefined){
if(typeof data["scrape-interval"] !== "string"){
const err27 = {instancePath:instancePath+"/scrape-interval",schemaPath:"#/properties/scrape-interval/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data["rule-dialect"] !== undefined){
let data18 = data["rule-dialect"];
if(!(((data18 === "auto") || (data18 === "prometheus")) || (data18 === "thanos"))){
const err28 = {instancePath:instancePath+"/rule-dialect",schemaPath:"#/properties/rule-dialect/enum",keyword:"enum",params:{allowedValues: schema11.properties["rule-dialect"].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data["max-file-size-mb"] !== undefined){
let data19 = data["max-file-size-mb"];
if(typeof data19 == "number"){
if(data19 <= 0 || isNaN(data19)){
const err29 = {instancePath:instancePath+"/max-file-size-mb",schemaPath:"#/properties/max-file-size-mb/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/max-file-size-mb",schemaPath:"#/properties/max-file-size-mb/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data["slo-links"] !== undefined){
let data20 = data["slo-links"];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key5 in data20){
if(typeof data20[key5] !== "string"){
const err31 = {instancePath:instancePath+"/slo-links/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/slo-links/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/slo-links",schemaPath:"#/properties/slo-links/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.ignore !== undefined){
let data22 = data.ignore;
if(Array.isArray(data22)){
const len5 = data22.length;
for(let i5=0; i5<len5; i5++){
let data23 = data22[i5];
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.checks === undefined){
const err33 = {instancePath:instancePath+"/ignore/" + i5,schemaPath:"#/properties/ignore/items/required",keyword:"required",params:{missingProperty: "checks"},message:"must have required property '"+"checks"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key6 in data23){
if(!((((key6 === "path") || (key6 === "checks")) || (key6 === "subject")) || (key6 === "reason"))){
const err34 = {instancePath:instancePath+"/ignore/" + i5,schemaPath:"#/properties/ignore/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data23.path !== undefined){
if(typeof data23.path !== "string"){
const err35 = {instancePath:instancePath+"/ignore/" + i5+"/path",schemaPath:"#/properties/ignore/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data23.checks !== undefined){
let data25 = data23.checks;
const _errs68 = errors;
let valid22 = false;
let passing3 = null;
const _errs69 = errors;
if(typeof data25 !== "string"){
const err36 = {instancePath:instancePath+"/ignore/" + i5+"/checks",schemaPath:"#/properties/ignore/items/properties/checks/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid3 = _errs69 === errors;
if(_valid3){
valid22 = true;
passing3 = 0;
}
const _errs71 = errors;
if(Array.isArray(data25)){
if(data25.length < 1){
const err37 = {instancePath:instancePath+"/ignore/" + i5+"/checks",schemaPath:"#/properties/ignore/items/properties/checks/oneOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len6 = data25.length;
for(let i6=0; i6<len6; i6++){
if(typeof data25[i6] !== "string"){
const err38 = {instancePath:instancePath+"/ignore/" + i5+"/checks/" + i6,schemaPath:"#/properties/ignore/items/properties/checks/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/ignore/" + i5+"/checks",schemaPath:"#/properties/ignore/items/properties/checks/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid3 = _errs71 === errors;
if(_valid3 && valid22){
valid22 = false;
passing3 = [passing3, 1];
}
else {
if(_valid3){
valid22 = true;
passing3 = 1;
}
}
if(!valid22){
const err40 = {instancePath:instancePath+"/ignore/" + i5+"/checks",schemaPath:"#/properties/ignore/items/properties/checks/oneOf",keyword:"oneOf",params:{passingSchemas: passing3},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs68;
if(vErrors !== null){
if(_errs68){
vErrors.length = _errs68;
}
else {
vErrors = null;
}
}
}
}
if(data23.subject !== undefined){
let data27 = data23.subject;
if((typeof data27 !== "string") && (!(typeof data27 == "number"))){
const err41 = {instancePath:instancePath+"/ignore/" + i5+"/subject",schemaPath:"#/properties/ignore/items/properties/subject/type",keyword:"type",params:{type: schema11.properties.ignore.items.properties.subject.type},message:"must be string,number"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data23.reason !== undefined){
if(typeof data23.reason !== "string"){
const err42 = {instancePath:instancePath+"/ignore/" + i5+"/reason",schemaPath:"#/properties/ignore/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/ignore/" + i5,schemaPath:"#/properties/ignore/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/ignore",schemaPath:"#/properties/ignore/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}



/***/ }),

/***/ 56538:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://slo-gate.dev/schemas/config.schema.json","title":"slo-gate configuration (.slo-gate.yml)","type":"object","additionalProperties":false,"properties":{"min-availability":{"description":"Lowest availability target allowed: a percent (99.9, \\"99.9%\\") or a ratio (0.999).","type":["number","string"]},"min-latency-objective":{"description":"Lowest target allowed for latency SLOs (the share of requests faster than the threshold): a percent (99) or a ratio (0.99). None by default.","type":["number","string"]},"include":{"description":"Globs (root-relative) of files to check; default: every YAML and JSON file.","type":"array","items":{"type":"string"}},"exclude":{"description":"Globs (root-relative) of files to skip.","type":"array","items":{"type":"string"}},"checks":{"description":"Per-check override: off, or the severity to report it at.","type":"object","propertyNames":{"pattern":"^[a-z]+/[a-z0-9-]+$"},"additionalProperties":{"enum":["off","error","warning","notice"]}},"alerts":{"type":"object","additionalProperties":false,"properties":{"required-labels":{"description":"Labels every alerting rule must carry: a list of names, or a map of name to allowed values.","oneOf":[{"type":"array","items":{"type":"string"}},{"type":"object","additionalProperties":{"oneOf":[{"type":"array","items":{"type":"string"}},{"type":"null"}]}}]},"required-annotations":{"description":"Annotations every alerting rule must carry: a list of names, or \\"recommended\\" for summary, description and runbook_url. Default: none.","oneOf":[{"type":"array","items":{"type":"string"}},{"enum":["recommended"]}]}}},"slo-period":{"description":"Period of SLOs whose format does not state one (Sloth). Default 30d.","type":"string"},"evaluation-interval":{"description":"Prometheus\' global evaluation_interval, for groups without their own (alert/for, promql/rate-range on recorded series). Default 1m.","type":"string"},"scrape-interval":{"description":"Scrape interval of the metrics the rules read (promql/rate-range). Default 1m.","type":"string"},"rule-dialect":{"description":"Rule loader the rule files are checked against: prometheus (promtool, strict), thanos (Thanos Ruler: groups may set partial_response_strategy), auto (Thanos for files that use the field). Default auto.","enum":["auto","prometheus","thanos"]},"max-file-size-mb":{"description":"Files larger than this are refused unread. Default 16.","type":"number","exclusiveMinimum":0},"slo-links":{"description":"Alert name to SLO, for alerts whose labels do not name their SLO: service/name, or a bare name that only one service\'s SLO has.","type":"object","additionalProperties":{"type":"string"}},"ignore":{"description":"Findings to suppress, each with its reason: for JSON files (no comments) or whole folders. A suppressed finding stays in the report, marked, and fails no gate.","type":"array","items":{"type":"object","additionalProperties":false,"required":["checks"],"properties":{"path":{"description":"Glob of root-relative paths (default: every file).","type":"string"},"checks":{"description":"Check ids it suppresses.","oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"},"minItems":1}]},"subject":{"description":"Only findings about this alert, SLO or panel.","type":["string","number"]},"reason":{"description":"Why the finding is acceptable. Required: an entry without one suppresses nothing.","type":"string"}}}}}}');

/***/ })

};
