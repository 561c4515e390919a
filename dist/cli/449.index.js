export const id = 449;
export const ids = [449];
export const modules = {

/***/ 2778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ STORE_FORMAT),
/* harmony export */   a: () => (/* binding */ OutcomeStore)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
// A content-addressed store of per-file outcomes: what reading, normalising and checking one file
// produced, keyed by the file's path and the hash of its bytes. The engine asks it before
// reading a file; a hit skips the file's parse and checks, never the model-wide phases.
//
// File format (one file, rewritten whole after each run):
//   line 1: MAGIC
//   line 2: JSON header { format, tool } — a file from another format or tool version is not used
//   then entries: u32 body length, body, u32 CRC-32 of the body; body = u16 key length, key
//   (UTF-8 `path \0 hash`), u32 meta length, meta (UTF-8, the caller's), the value (UTF-8 JSON).
// Values are JSON, not v8.serialize: outcomes are plain data, and JSON.parse reads them in half
// the time v8.deserialize takes (a warm run reads every stored outcome); properties whose value
// is undefined are left out, which no reader of an outcome tells from absent.
// A damaged file (truncated, bytes flipped, another file altogether) is not used at all: the run
// is then as cold as without a cache, and the caller says so in one notice. Never a wrong report.



const STORE_FORMAT = 2;
const MAGIC = 'slo-gate outcome cache';
class OutcomeStore {
    identity;
    stats = { hits: 0, misses: 0 };
    entries = new Map();
    /** An entry was added since the file was read (or there was no file): saving writes something new. */
    changed = false;
    constructor(identity) {
        this.identity = identity;
    }
    /** The store in `file`; an empty one when there is no file, or the file cannot be used (with why). */
    static load(file, identity) {
        const store = new OutcomeStore(identity);
        let bytes;
        try {
            bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
        }
        catch (error) {
            const code = error.code;
            return code === 'ENOENT' ? { store } : { store, notice: `cannot read the cache file ${file} (${code ?? error.message}); checked every file afresh` };
        }
        const problem = store.decode(bytes);
        if (problem) {
            store.entries.clear();
            return { store, notice: `cache file ${file} not used: ${problem}; checked every file afresh` };
        }
        return { store };
    }
    get size() {
        return this.entries.size;
    }
    /**
     * The stored outcome of `file` with content `hash`, when `accept` agrees the settings it was
     * made under are the current ones (given the meta stored with it). Every call takes a fresh
     * copy: callers may change what they get.
     */
    get(file, hash, accept) {
        const entry = this.entries.get(keyOf(file, hash));
        if (!entry || !accept(entry.meta)) {
            this.stats.misses++;
            return undefined;
        }
        let value;
        try {
            value = JSON.parse(entry.value.toString('utf8'));
        }
        catch {
            // Unreachable with a checksummed entry written by this tool version.
            this.entries.delete(keyOf(file, hash));
            this.stats.misses++;
            return undefined;
        }
        entry.used = true;
        this.stats.hits++;
        return value;
    }
    /**
     * Store the outcome of `file` with content `hash`. It is encoded now: later changes to `value`
     * are not stored. A value JSON cannot carry exactly (NaN, Infinity, -0, a Map, a class
     * instance) is not stored at all, so its file is read again next time rather than come back changed.
     */
    put(file, hash, meta, value) {
        const json = exactJson(value);
        if (json === undefined)
            return;
        this.entries.set(keyOf(file, hash), { meta, value: Buffer.from(json), used: true });
        this.changed = true;
    }
    /** Whether saving would write anything but the file that was read: new entries, or entries no longer used. */
    get dirty() {
        if (this.changed)
            return true;
        for (const entry of this.entries.values())
            if (!entry.used)
                return true;
        return false;
    }
    /** Whether an entry is stored, whatever its settings (for tests and the base tree). */
    has(file, hash) {
        return this.entries.has(keyOf(file, hash));
    }
    /** The file's bytes: the entries this run used or made. Entries of files that changed or went away are dropped. */
    encode() {
        const parts = [];
        this.write((part) => parts.push(part));
        return Buffer.concat(parts);
    }
    /**
     * Write the store to `file` (its directory made when missing), replacing it in one rename;
     * nothing when the file already holds exactly these entries (an unchanged tree). Written piece
     * by piece: a large tree's store is a hundred megabytes, and one buffer of it doubled the peak memory.
     */
    save(file) {
        if (!this.dirty && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(temporary, 'w');
            try {
                this.write((part) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, part));
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temporary, file);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temporary, { force: true });
        }
    }
    write(out) {
        out(Buffer.from(`${MAGIC}\n${JSON.stringify({ format: STORE_FORMAT, tool: this.identity.tool })}\n`));
        for (const [key, entry] of this.entries) {
            if (!entry.used)
                continue;
            const keyBytes = Buffer.from(key);
            const metaBytes = Buffer.from(entry.meta);
            const head = Buffer.allocUnsafe(4 + 2 + keyBytes.length + 4 + metaBytes.length);
            let at = head.writeUInt32LE(2 + keyBytes.length + 4 + metaBytes.length + entry.value.length, 0);
            at = head.writeUInt16LE(keyBytes.length, at);
            at += keyBytes.copy(head, at);
            at = head.writeUInt32LE(metaBytes.length, at);
            metaBytes.copy(head, at);
            const check = Buffer.allocUnsafe(4);
            check.writeUInt32LE((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.crc32)(entry.value, (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.crc32)(head.subarray(4))), 0);
            out(head);
            out(entry.value);
            out(check);
        }
    }
    /** Fill the store from a file's bytes; the problem when they are not a whole store of this identity. */
    decode(bytes) {
        const magicEnd = bytes.indexOf(10);
        if (magicEnd < 0 || bytes.toString('utf8', 0, magicEnd) !== MAGIC)
            return 'not a slo-gate cache file';
        const headerEnd = bytes.indexOf(10, magicEnd + 1);
        if (headerEnd < 0)
            return 'the file is truncated';
        let header;
        try {
            header = JSON.parse(bytes.toString('utf8', magicEnd + 1, headerEnd));
        }
        catch {
            return 'its header is damaged';
        }
        if (header.format !== STORE_FORMAT)
            return `it has format ${String(header.format)}, this version reads format ${STORE_FORMAT}`;
        if (header.tool !== this.identity.tool)
            return `it was written by slo-gate ${String(header.tool)}, this is ${this.identity.tool}`;
        let at = headerEnd + 1;
        while (at < bytes.length) {
            if (at + 4 > bytes.length)
                return 'the file is truncated';
            const length = bytes.readUInt32LE(at);
            const bodyStart = at + 4;
            const bodyEnd = bodyStart + length;
            if (bodyEnd + 4 > bytes.length)
                return 'the file is truncated';
            const body = bytes.subarray(bodyStart, bodyEnd);
            if ((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.crc32)(body) !== bytes.readUInt32LE(bodyEnd))
                return `an entry's checksum does not match (at byte ${at})`;
            if (length < 6)
                return `an entry is damaged (at byte ${at})`;
            const keyLength = body.readUInt16LE(0);
            if (2 + keyLength + 4 > length)
                return `an entry is damaged (at byte ${at})`;
            const key = body.toString('utf8', 2, 2 + keyLength);
            const metaLength = body.readUInt32LE(2 + keyLength);
            const valueStart = 2 + keyLength + 4 + metaLength;
            if (valueStart > length)
                return `an entry is damaged (at byte ${at})`;
            const meta = body.toString('utf8', 2 + keyLength + 4, valueStart);
            this.entries.set(key, { meta, value: body.subarray(valueStart), used: false });
            at = bodyEnd + 4;
        }
        return undefined;
    }
}
/** `value` as JSON, when JSON.parse gives back an equal value; undefined otherwise. */
function exactJson(value) {
    let exact = true;
    let json;
    try {
        json = JSON.stringify(value, function check(key, item) {
            // The holder's own value: `item` is what its toJSON gave (a Date's string).
            if (this[key] !== item)
                exact = false;
            switch (typeof item) {
                case 'number':
                    if (!Number.isFinite(item) || Object.is(item, -0))
                        exact = false;
                    break;
                case 'object':
                    if (item !== null && !Array.isArray(item) && Object.getPrototypeOf(item) !== Object.prototype && Object.getPrototypeOf(item) !== null)
                        exact = false;
                    break;
                case 'undefined':
                    // An undefined property is left out, which readers do not tell from absent; in an array it would become null.
                    if (Array.isArray(this))
                        exact = false;
                    break;
                case 'function':
                case 'symbol':
                    exact = false;
            }
            return item;
        });
    }
    catch {
        // A bigint, or a cycle.
        return undefined;
    }
    return exact ? json : undefined;
}
function keyOf(file, hash) {
    return `${file}\0${hash}`;
}


/***/ }),

/***/ 4449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli),
  startCli: () => (/* binding */ startCli)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/render/json.ts
function renderJson(report) {
    return [...renderJsonChunks(report)].join('');
}
/**
 * renderJson's text in pieces of about `size` characters. A large repository's report is tens of
 * megabytes of JSON; written piece by piece it never has to be one string in memory.
 */
function* renderJsonChunks(report, size = 1 << 20) {
    let buffer = '';
    // Array items are stringified in batches of about 64 KiB: batches the size of a whole chunk raised
    // a large report's peak memory by 50 MiB for no gain in speed.
    for (const piece of jsonPieces(report, Math.min(size, 1 << 16))) {
        buffer += piece;
        if (buffer.length >= size) {
            yield buffer;
            buffer = '';
        }
    }
    yield buffer;
}
/** `JSON.stringify(report, null, 2)` plus a newline, one top-level entry or about `size` characters of array items at a time. */
function* jsonPieces(report, size) {
    // JSON.stringify leaves out what JSON cannot hold.
    const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol');
    if (entries.length === 0) {
        yield '{}\n';
        return;
    }
    yield '{';
    for (const [i, [key, value]] of entries.entries()) {
        yield `${i ? ',' : ''}\n  ${JSON.stringify(key)}: `;
        if (Array.isArray(value) && value.length > 0) {
            yield '[';
            // Items are stringified several at a time, as many as make about `size` characters judging by
            // those so far: one call per item cost three times as long as the text it made.
            let written = 0;
            let writtenLength = 0;
            while (written < value.length) {
                const count = written === 0 ? 1 : Math.max(1, Math.round((size * written) / writtenLength));
                // Wrapped one array deeper, the items come out indented as they sit in the report, with no
                // need to indent their text again: `[\n  [` + `\n    item,\n    item` + `\n  ]\n]`.
                const wrapped = JSON.stringify([value.slice(written, written + count)], null, 2);
                const items = wrapped.slice('[\n  ['.length, -'\n  ]\n]'.length);
                yield written ? `,${items}` : items;
                written += count;
                writtenLength += items.length;
            }
            yield '\n  ]';
        }
        else {
            // `[\n  value\n]`: the value indented as a top-level entry.
            yield JSON.stringify([value], null, 2).slice('[\n  '.length, -'\n]'.length);
        }
    }
    yield '\n}\n';
}

// EXTERNAL MODULE: ./src/render/terminal.ts
var terminal = __webpack_require__(1518);
// EXTERNAL MODULE: ./src/report/report.ts + 1 modules
var report_report = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/render/figures.ts
var figures = __webpack_require__(2969);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/render/live.ts + 2 modules
var live = __webpack_require__(4297);
// EXTERNAL MODULE: ./src/render/verdict.ts
var render_verdict = __webpack_require__(1165);
;// CONCATENATED MODULE: ./src/render/text.ts






const SEVERITIES = ['error', 'warning', 'notice'];
/**
 * The terminal report: new findings first, grouped by severity, as `file:line:col  severity
 * check  message`; then policy changes, existing and suppressed ones; the SLOs; one docs link
 * per check that has findings; the verdict last, where the terminal leaves the reader.
 */
function renderText(report, options = {}) {
    const view = (0,report_report/* reportView */.yl)(report);
    const shown = options.path ?? ((file) => file);
    const where = (finding) => `${finding.file ? shown(finding.file) : '(not about one file)'}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`;
    const line = (finding, suffix = '') => `${where(finding)}  ${finding.severity.padEnd(7)} ${finding.check}  ${finding.message}${suffix}`;
    const lines = [];
    const word = view.comparing ? 'new ' : '';
    for (const finding of (0,markdown/* headlines */.Q)(report))
        lines.push(`${finding.severity}: ${finding.message} (${finding.check})`, '');
    for (const severity of SEVERITIES) {
        const group = view.fresh.filter((finding) => finding.severity === severity);
        if (!group.length)
            continue;
        lines.push(`${word}${severity}s (${group.length}):`);
        for (const finding of group) {
            lines.push(`  ${line(finding)}`);
            if (finding.suggestion)
                lines.push(...finding.suggestion.replace(/\n$/, '').split(/\r?\n/).map((text) => `      ${text}`));
        }
        lines.push('');
    }
    if (view.policy.length) {
        const diff = report.diff;
        const approval = diff?.approval ? ` (approved with the label "${diff.approval.label}")` : diff?.allowLabel ? ` (awaiting approval: the label "${diff.allowLabel}")` : '';
        lines.push(`policy changes (${view.policy.length})${approval}:`, ...view.policy.map((finding) => `  ${line(finding)}`), '');
    }
    if (view.existing.length)
        lines.push(`existing (${view.existing.length}, not failing):`, ...view.existing.map((finding) => `  ${line(finding, `  (${(0,render_verdict/* existingLabel */.kg)(finding)})`)}`), '');
    if (view.suppressed.length) {
        lines.push(`suppressed (${view.suppressed.length}):`, ...view.suppressed.map((finding) => `  ${line(finding, `  — suppressed at ${finding.suppressed.by}: ${finding.suppressed.reason}`)}`), '');
    }
    const resolved = report.diff?.resolved ?? [];
    if (resolved.length)
        lines.push(`resolved since the base (${resolved.length}):`, ...resolved.map((finding) => `  ${line(finding)}`), '');
    const fixed = report.adoption?.baseline?.fixed ?? [];
    if (fixed.length) {
        lines.push(`fixed since the baseline (${fixed.length}; remove from ${report.adoption.baseline.file}):`, ...fixed.map((entry) => `  ${entry.file ? shown(entry.file) : '(not about one file)'}  ${entry.check}  ${entry.message}`), '');
    }
    if (report.slos.length) {
        lines.push('SLOs:');
        for (const slo of report.slos) {
            lines.push(`  ${slo.name}${slo.service ? ` [${slo.service}]` : ''} (${shown(slo.file)}:${slo.line}) — ${(0,figures/* indicatorText */.lY)(slo)}, target ${(0,figures/* targetText */.Z3)(slo)}, budget ${(0,figures/* budgetText */.$e)(slo)}`);
            for (const window of slo.windows)
                lines.push(`      ${(0,figures/* windowText */.Kn)(window)}`);
            for (const link of (0,figures/* linkTexts */.rW)(slo))
                lines.push(`      ${link}`);
            if (slo.verdict)
                lines.push(`      verdict: ${slo.verdict}`);
            if (slo.live)
                lines.push(`      live: ${(0,live/* liveTextLine */.W5)(slo.live)}`, ...(0,live/* liveRuleLines */.Af)(slo.live).map((text) => `      live ${text}`));
        }
        lines.push('');
    }
    // The not-monitoring and excluded files are most of a repository: counted here, listed in the JSON report.
    for (const skipped of report.skipped) {
        if (skipped.reason !== 'not-monitoring' && skipped.reason !== 'excluded')
            lines.push(`skipped ${shown(skipped.path)}: ${(0,figures/* skippedEntryText */.Wz)(skipped)}`);
    }
    const skippedLine = (0,figures/* skippedText */.Oe)(report);
    if (skippedLine)
        lines.push(`${skippedLine}; every one is listed under "skipped" in --format json`);
    for (const item of report.notChecked ?? [])
        lines.push(`not checked ${shown(item.file)}:${item.line}: ${item.queries} ${item.datasource} quer${item.queries === 1 ? 'y' : 'ies'} in dashboard "${item.dashboard}" (not PromQL or LogQL)`);
    // One docs link per check with findings, rather than a URL after every line.
    const withFindings = new Set([...view.fresh, ...view.policy, ...view.existing].map((finding) => finding.check));
    const docs = report.checks.filter((check) => check.docsUrl && withFindings.has(check.id));
    if (docs.length) {
        const width = Math.max(...docs.map((check) => check.id.length));
        lines.push('docs:', ...docs.map((check) => `  ${check.id.padEnd(width)}  ${check.docsUrl}`), '');
    }
    const diff = report.diff;
    if (diff?.baseSha) {
        lines.push(`compared with ${diff.baseSha.slice(0, 12)}: ${diff.counts.new} new (${diff.newCounts.error} error(s), ${diff.newCounts.warning} warning(s)), ` +
            `${diff.counts.existing} already on the base, ${diff.counts.resolved} resolved${diff.newFindingsOnly ? '; only new findings fail' : ''}`);
    }
    if (report.cache)
        lines.push((0,figures/* cacheLine */.n8)(report.cache));
    const kinds = report.files.filter((file) => file.kinds.length > 0).length;
    const verdict = (0,render_verdict/* verdictOf */.Vj)(report, view);
    lines.push(`slo-gate ${report.result === 'pass' ? 'PASSED' : 'FAILED'}: ${verdict.headline}` +
        `${verdict.details.length ? ` (${verdict.details.join(', ')})` : ''}; ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) ` +
        `in ${report.files.length} file(s) (${kinds} recognised, ${report.slos.length} SLO(s)); fails on: ${report.failOn}`);
    // Names, messages and suggestions come from the checked files: each line stays one line.
    return `${lines.map(terminal/* terminalLine */.tL).join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/config.ts
var config_config = __webpack_require__(1122);
// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(8766);
// EXTERNAL MODULE: ./src/secrets/scrubber.ts
var scrubber = __webpack_require__(1141);
// EXTERNAL MODULE: ./src/live/client.ts
var client = __webpack_require__(1831);
// EXTERNAL MODULE: ./src/live/run-live.ts + 4 modules
var run_live = __webpack_require__(12);
;// CONCATENATED MODULE: ./src/live/settings.ts
// Live-mode settings as both front doors receive them (action inputs, CLI flags): strings in, checked
// LiveSettings out. Messages name the setting, never a header value.




/** Undefined when no URL is given: live mode is off. `fail` turns a message into the door's error type. */
function parseLiveSettings(inputs, fail, prefix = '') {
    const url = inputs.url?.trim();
    if (!url)
        return undefined;
    const failOn = (inputs.failOn?.trim() || run_live.LIVE_DEFAULTS.failOn);
    if (!['exhausted', 'burning', 'never'].includes(failOn))
        throw fail(`${prefix}live-fail-on must be exhausted, burning or never, not "${failOn}"`);
    let headers;
    try {
        headers = (0,client/* parseHeaders */.QG)(inputs.headers);
    }
    catch (error) {
        throw fail(`${prefix}${error.message}`);
    }
    const seconds = (name, text, fallback) => {
        if (!text?.trim())
            return fallback;
        const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : (0,units/* parseDuration */.E9)(text);
        if (value === undefined || !(value > 0))
            throw fail(`${prefix}${name} must be a duration such as 30s or 2m, not "${text}"`);
        return value;
    };
    const concurrency = inputs.concurrency?.trim() ? Number(inputs.concurrency) : run_live.LIVE_DEFAULTS.concurrency;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw fail(`${prefix}live-concurrency must be a whole number from 1 to 64`);
    const maxResponseMb = inputs.maxResponseMb?.trim() ? Number(inputs.maxResponseMb) : run_live.LIVE_DEFAULTS.maxResponseMb;
    if (!(maxResponseMb > 0 && maxResponseMb <= 1024))
        throw fail(`${prefix}live-max-response-mb must be a number of MiB over 0 and at most 1024, such as 8`);
    try {
        new URL(url);
    }
    catch {
        throw fail(`${prefix}prometheus-url is not a URL (expected e.g. http://prometheus:9090)`);
    }
    if (!/^https?:$/.test(new URL(url).protocol))
        throw fail(`${prefix}prometheus-url must be an http or https URL`);
    return {
        url,
        headers,
        timeoutSeconds: seconds('prometheus-timeout', inputs.timeout, run_live.LIVE_DEFAULTS.timeoutSeconds),
        budgetSeconds: seconds('live-time-budget', inputs.budget, run_live.LIVE_DEFAULTS.budgetSeconds),
        failOn,
        concurrency,
        maxResponseBytes: Math.round(maxResponseMb * 1024 * 1024),
    };
}
/**
 * Everything in the settings a log or report must never show: header values, URL credentials and
 * the Basic credential the client builds from them (a backend that echoes headers echoes that one).
 */
function liveSecrets(settings) {
    const url = new URL(settings.url);
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    const basic = user || password ? [(0,scrubber/* basicCredential */.gp)(user, password), Buffer.from(`${user}:${password}`).toString('base64')] : [];
    return [...Object.values(settings.headers ?? {}), password, url.password, ...basic].filter((value) => value.length > 0);
}

;// CONCATENATED MODULE: ./src/options.ts
// What one run is asked to do, as both front doors settle it: the action from its inputs
// (src/action/inputs.ts), the CLI from its flags (src/cli/args.ts). Settings both doors share are
// validated here, once, from their raw text; each message names the setting as its door spells
// it (`fail-on` in the action, `--fail-on` on the command line).



/** A bad flag, input or path: the door prints one line naming it and exits 2. */
class UsageError extends Error {
}
/** `notice` fails on any finding at all. */
const FAIL_ON_VALUES = ['error', 'warning', 'notice', 'never'];
const FAIL_ON_HELP = 'error, warning, notice (any finding) or never';
/** `prefix` is how the door spells a setting's name before it: '' for action inputs, '--' for flags. */
function parseSharedSettings(text, prefix) {
    const fail = (message) => new UsageError(message);
    const overrides = {};
    const minAvailability = text['min-availability']?.trim();
    if (minAvailability) {
        overrides.minAvailability = (0,config_config/* parseMinAvailability */.tb)(minAvailability, () => fail(`${prefix}min-availability must be a percent such as 99.9, not "${minAvailability}"`));
    }
    const live = parseLiveSettings({
        url: text['prometheus-url'],
        headers: text['prometheus-headers'],
        timeout: text['prometheus-timeout'],
        failOn: text['live-fail-on'],
        budget: text['live-time-budget'],
        concurrency: text['live-concurrency'],
        maxResponseMb: text['live-max-response-mb'],
    }, fail, prefix);
    return { failOn: parseFailOn(text['fail-on'], prefix), overrides, live, concurrency: parseConcurrency(text.concurrency, prefix) };
}
function parseFailOn(text, prefix = '') {
    const value = text?.trim() || 'error';
    if (!FAIL_ON_VALUES.includes(value))
        throw new UsageError(`${prefix}fail-on must be ${FAIL_ON_HELP}, not "${value}"`);
    return value;
}
/** How many threads read files (1: no worker threads), or 'auto'. */
function parseConcurrency(text, prefix = '') {
    const value = text?.trim().toLowerCase() ?? '';
    if (value === '')
        return 1;
    if (value === 'auto')
        return 'auto';
    const threads = Number(value);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64)
        throw new UsageError(`${prefix}concurrency must be auto or a whole number from 1 to 64, not "${text}"`);
    return threads;
}
/**
 * The path to check, made absolute, when it is a directory — or a regular file where the door
 * allows one (the CLI checks a single file; the action's `path` is a directory). Anything else
 * (missing, a device such as /dev/zero, a FIFO, a socket) is a usage error naming the path as given.
 */
async function checkRoot(absolute, where) {
    const stats = await (0,promises_.stat)(absolute).catch((error) => error);
    const what = where.label;
    if (stats instanceof Error) {
        if (stats.code === 'ENOENT' || stats.code === 'ENOTDIR')
            throw new UsageError(`${what} does not exist`);
        throw new UsageError(`${what} cannot be read (${stats.code ?? stats.message})`);
    }
    if (stats.isDirectory() || (where.allowFile && stats.isFile()))
        return absolute;
    throw new UsageError(`${what} is not a directory${where.allowFile ? ' or a regular file' : ''}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/engine/engine.ts + 2 modules
var engine_engine = __webpack_require__(3321);
// EXTERNAL MODULE: ./src/checks/live/metric-type.ts
var metric_type = __webpack_require__(3791);
// EXTERNAL MODULE: ./src/checks/live/scrape-interval.ts
var scrape_interval = __webpack_require__(1386);
;// CONCATENATED MODULE: ./src/checks/live/rule-checks.ts


/** Static findings the live rule checks replace (promql/counter where the type is known, promql/rate-range where the interval is). */
function withoutSuperseded(findings, model, measured) {
    const keys = new Set([...(0,metric_type/* metricTypeSupersedes */.I)(measured, model.rules), ...(0,scrape_interval/* scrapeIntervalSupersedes */.T)(measured)].map((s) => `${s.check}\u0000${s.file}\u0000${s.subject}`));
    if (keys.size === 0)
        return findings;
    return findings.filter((f) => !keys.has(`${f.check}\u0000${f.file}\u0000${f.subject ?? ''}`));
}

// EXTERNAL MODULE: ./src/cache/outcome-store.ts
var outcome_store = __webpack_require__(2778);
// EXTERNAL MODULE: ./src/engine/outcome-cache.ts + 1 modules
var outcome_cache = __webpack_require__(5113);
// EXTERNAL MODULE: ./src/checks/index.ts + 63 modules
var src_checks = __webpack_require__(7309);
;// CONCATENATED MODULE: ./src/findings/baseline.ts
// The baseline: the findings a repository had when it adopted slo-gate, written once and committed,
// so the gate fails only on findings that are not in it — on every trigger, not only on pull
// requests. Entries are fingerprints (check, file, subject, message without positions) with a
// count, so moving lines changes nothing, a second copy of a baselined defect is new, and an entry
// that matches fewer findings than it counts is reported as fixed and can be removed.
const BASELINE_FORMAT = 1;
const DEFAULT_BASELINE_FILE = '.slo-gate-baseline.json';
class BaselineError extends Error {
}
/** The baseline of a run's findings: suppressed ones need no entry, they are excused already. */
function baselineOf(findings, tool) {
    const entries = new Map();
    for (const finding of findings) {
        if (finding.suppressed || !finding.fingerprint)
            continue;
        const entry = entries.get(finding.fingerprint);
        if (entry)
            entry.count++;
        else
            entries.set(finding.fingerprint, { fingerprint: finding.fingerprint, check: finding.check, file: finding.file, ...(finding.subject !== undefined ? { subject: finding.subject } : {}), message: finding.message, count: 1 });
    }
    const sorted = [...entries.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.check < b.check ? -1 : a.check > b.check ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
    return { version: BASELINE_FORMAT, tool, findings: sorted };
}
function renderBaseline(baseline) {
    return `${JSON.stringify(baseline, null, 2)}\n`;
}
/** Reads a baseline file's text; anything that is not one is an error naming the file. */
function parseBaseline(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new BaselineError(`not a slo-gate baseline: ${error.message.split('\n')[0]}`);
    }
    const candidate = value;
    if (!candidate || typeof candidate !== 'object' || candidate.version !== BASELINE_FORMAT || !Array.isArray(candidate.findings)) {
        throw new BaselineError(`not a slo-gate baseline of format ${BASELINE_FORMAT} (write one with \`slo-gate baseline\`)`);
    }
    for (const [index, entry] of candidate.findings.entries()) {
        if (typeof entry?.fingerprint !== 'string' || typeof entry.check !== 'string' || typeof entry.file !== 'string' || !Number.isInteger(entry.count) || entry.count < 1) {
            throw new BaselineError(`findings[${index}] needs fingerprint, check, file and a count of at least 1`);
        }
    }
    return candidate;
}
/** Marks up to `count` findings per entry as `baselined`, in report order; the rest are not in the baseline. */
function applyBaseline(findings, baseline, file) {
    const left = new Map(baseline.findings.map((entry) => [entry.fingerprint, entry.count]));
    let matched = 0;
    const out = findings.map((finding) => {
        const remaining = finding.fingerprint && !finding.suppressed ? left.get(finding.fingerprint) : undefined;
        if (!remaining)
            return finding;
        left.set(finding.fingerprint, remaining - 1);
        matched++;
        return { ...finding, baselined: true };
    });
    const fixed = baseline.findings.filter((entry) => left.get(entry.fingerprint) > 0).map((entry) => ({ ...entry, count: left.get(entry.fingerprint) }));
    return { findings: out, outcome: { file, matched, fixed } };
}

// EXTERNAL MODULE: ./src/findings/fingerprint.ts
var fingerprint = __webpack_require__(7858);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/model/slo-identity.ts
var slo_identity = __webpack_require__(720);
// EXTERNAL MODULE: ./src/config/did-you-mean.ts
var did_you_mean = __webpack_require__(9255);
;// CONCATENATED MODULE: ./src/findings/suppressions.ts
// Suppressions: the findings a repository has decided to live with, each with its reason. In YAML
// they are comments next to what they excuse; for JSON, which has no comments, `.slo-gate.yml`
// `ignore:` names them. A suppressed finding is kept, marked and counted — never dropped — and a
// suppression that is unreadable, names no check or excuses nothing is a `config/suppression`
// finding of its own, so stale ones do not pile up.



const SUPPRESSION_CHECK = {
    id: 'config/suppression',
    severity: 'warning',
    kind: 'model',
    description: 'A suppression comment or `ignore:` entry without a reason, naming an unknown check, or suppressing nothing.',
    docs: 'docs/checks/config/suppression.md',
};
/**
 * Marks the findings a suppression excuses (`suppressed`), and returns them with one
 * `config/suppression` finding per unusable or unused suppression, not yet fingerprinted.
 */
function applySuppressions(findings, input) {
    const problems = [];
    const problem = (at, message) => problems.push({ check: SUPPRESSION_CHECK.id, severity: SUPPRESSION_CHECK.severity, file: at.file, line: at.line, ...(at.column ? { column: at.column } : {}), message, subject: message });
    const usable = [];
    const consider = (candidate, what) => {
        if (!candidate.checks.length)
            return void problem(candidate.at, `${what} names no check: write the check id, then a colon and the reason`);
        if (!candidate.reason)
            return void problem(candidate.at, `${what} has no reason: write why after a colon ("${candidate.checks[0]}: <reason>"); it suppresses nothing until it has one`);
        const known = candidate.checks.filter((id) => input.knownChecks.has(id));
        for (const id of candidate.checks.filter((id) => !input.knownChecks.has(id))) {
            const near = (0,did_you_mean/* closestName */.N)(id, input.knownChecks);
            problem(candidate.at, `${what} names an unknown check "${id}"${near ? ` — did you mean "${near}"?` : ''}`);
        }
        if (known.length)
            usable.push({ ...candidate, checks: known, used: false });
    };
    for (const comment of input.comments) {
        const covers = (finding) => finding.file === comment.file && (comment.scope === 'file' || (finding.line !== undefined && finding.line >= comment.fromLine && finding.line <= comment.toLine));
        consider({ checks: comment.checks, reason: comment.reason, by: `${comment.file}:${comment.line}`, kind: 'inSource', matches: covers, at: { file: comment.file, line: comment.line, column: comment.column } }, `# slo-gate-disable${comment.scope === 'block' ? '' : `-${comment.scope}`} comment`);
    }
    for (const rule of input.ignore) {
        const pathMatches = picomatch_default()(rule.path, { dot: true });
        // An SLO by its name (every service's of that name) or as service/name (that one).
        const about = (finding) => finding.subject === rule.subject || (finding.slo !== undefined && (0,slo_identity/* sloIdentity */.$T)(finding.slo) === rule.subject) || finding.message.includes(`"${rule.subject}"`);
        const matches = (finding) => pathMatches(finding.file) && (rule.subject === undefined || about(finding));
        consider({ checks: rule.checks, reason: rule.reason, by: `${rule.position.file}:${rule.position.line}`, kind: 'external', matches, at: rule.position }, 'ignore entry');
    }
    const out = findings.map((finding) => {
        const suppression = usable.find((candidate) => candidate.checks.includes(finding.check) && candidate.matches(finding));
        if (!suppression)
            return finding;
        suppression.used = true;
        return { ...finding, suppressed: { reason: suppression.reason, by: suppression.by, kind: suppression.kind } };
    });
    for (const suppression of usable) {
        if (suppression.used || !suppression.checks.some((id) => input.ranChecks.has(id)))
            continue;
        problem(suppression.at, `suppression of ${suppression.checks.join(', ')} at ${suppression.by} excuses no finding: remove it`);
    }
    return { findings: out, problems };
}

;// CONCATENATED MODULE: ./src/findings/adopt.ts
// The last step findings take before the report: suppressions mark what the repository excuses,
// and the baseline marks what it had when it adopted slo-gate. Both apply to every finding of the
// run — static, policy-change and live — after the sinks that made them have fingerprinted them.



function adoptFindings(findings, input) {
    const suppressed = applySuppressions(findings, { comments: input.comments, ignore: input.config.ignore, knownChecks: input.knownChecks, ranChecks: input.ranChecks });
    const all = [...suppressed.findings, ...suppressed.problems.map((problem) => ({ ...problem, fingerprint: (0,fingerprint/* fingerprint */.R)(problem) }))];
    if (!input.baseline)
        return { findings: all };
    const baselined = applyBaseline(all, input.baseline.file, input.baseline.name);
    return { findings: baselined.findings, baseline: baselined.outcome };
}

// EXTERNAL MODULE: ./src/parse/read.ts
var parse_read = __webpack_require__(2575);
// EXTERNAL MODULE: ./src/report/docs-url.ts
var docs_url = __webpack_require__(4607);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/run.ts
// What both front doors (src/action/, src/cli/) call: settle the configuration, run the engine,
// build the report.

















const TOOL_VERSION = package_0.version;
/** The outcome cache's file in a cache directory. */
const CACHE_FILE = `outcomes-v${outcome_store/* STORE_FORMAT */.W}.bin`;
async function runCheck(options) {
    const root = external_node_path_default().resolve(options.root);
    // Checking a single file: its directory holds the configuration.
    const configDir = (await (0,promises_.stat)(root).catch(() => undefined))?.isFile() ? external_node_path_default().dirname(root) : root;
    const named = options.configFile !== undefined && options.configFile !== '';
    const configPath = external_node_path_default().resolve(configDir, named ? options.configFile : config_config/* DEFAULT_CONFIG_FILE */.Cu);
    // Errors name the file as the user would open it (from the current directory); findings about its
    // ignore: entries name it from the root, like every finding.
    const display = pathForPeople(configPath);
    const fromFile = await (0,config_config/* loadConfig */.Z9)(configPath, display, named, configDir, new Set(src_checks/* CHECKS */.ui.map((check) => check.meta.id)));
    const rootRelative = external_node_path_default().relative(configDir, configPath).split((external_node_path_default()).sep).join('/');
    for (const entry of fromFile?.ignore ?? [])
        entry.position.file = rootRelative;
    const config = (0,config_config/* mergeConfig */.R2)(fromFile, options.overrides);
    const cacheNotices = [];
    const cacheFile = options.cacheDir === undefined ? undefined : external_node_path_default().resolve(options.cacheDir, CACHE_FILE);
    let cache;
    const configHash = (0,external_node_crypto_.createHash)('sha1').update(JSON.stringify(config)).digest('hex').slice(0, 16);
    if (cacheFile && options.cacheTransfer)
        await options.cacheTransfer.restore(configHash);
    if (cacheFile) {
        const loaded = outcome_store/* OutcomeStore */.a.load(cacheFile, { tool: (0,outcome_cache/* codeIdentity */.yJ)(TOOL_VERSION) });
        if (loaded.notice)
            cacheNotices.push(loaded.notice);
        cache = loaded.store;
    }
    // A pull request's base takes the head's outcome of every file with the same bytes, also without a cache.
    const engineOptions = { ...options.engine, cache, ...(options.diff ? { hashFiles: true } : {}) };
    const run = await checkWith(root, config, options, engineOptions);
    if (cacheFile && cache) {
        try {
            cache.save(cacheFile);
        }
        catch (error) {
            cacheNotices.push(`cannot write the cache file ${cacheFile} (${error.code ?? error.message}); the next run starts cold`);
        }
        if (options.cacheTransfer)
            await options.cacheTransfer.save(configHash, treeHash(run.engine));
    }
    return { ...run, cacheNotices };
}
/** A hash of the checked files' paths and contents (sizes for files too large to read). */
function treeHash(engine) {
    const hash = (0,external_node_crypto_.createHash)('sha1');
    for (const file of engine.linked.model.files)
        hash.update(`${file.path}\0${engine.hashed?.get(file.path)?.hash ?? `${file.bytes} bytes`}\n`);
    return hash.digest('hex').slice(0, 16);
}
async function checkWith(root, config, options, engineOptions) {
    const engine = await (0,engine_engine/* runEngine */.c)(root, config, engineOptions);
    // Live mode and the base comparison are loaded only by the runs that ask for them.
    const live = options.live ? await (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 12))).runLive(engine.linked, options.live, config) : undefined;
    const diff = options.diff ? await (await __webpack_require__.e(/* import() */ 47).then(__webpack_require__.bind(__webpack_require__, 8047))).compareWithBase(root, config, engine, options.diff, engineOptions) : undefined;
    // One report from every finding of the run: the head's (classified when compared with the base),
    // the policy changes, then live findings — those are about the budget now, not the change.
    const compared = diff?.compared ? diff : undefined;
    const staticFindings = compared ? compared.findings : engine.findings;
    // Where the backend knows better than a name or a default, its live finding replaces the static one.
    const findings = live ? [...withoutSuperseded(staticFindings, engine.linked.model, live.summary.rules), ...live.findings] : staticFindings;
    const ran = [...engine.checks, ...(compared?.checks ?? []), ...(live?.checks ?? [])].map((check) => check.meta);
    const baseline = await loadBaseline(root, options.baseline);
    const adopted = adoptFindings(findings, {
        comments: engine.linked.model.suppressions,
        config,
        baseline,
        knownChecks: new Set([...src_checks/* CHECKS */.ui.map((check) => check.meta.id), SUPPRESSION_CHECK.id]),
        ranChecks: new Set(ran.map((meta) => meta.id)),
    });
    const checks = adopted.findings.some((finding) => finding.check === SUPPRESSION_CHECK.id) ? [...ran, SUPPRESSION_CHECK] : ran;
    // The report counts files from the cache only when a cache was asked for (a pull request's base uses one anyway).
    const cacheUse = options.cacheDir === undefined ? undefined : engine.cache;
    // Every renderer and publisher writes from the report: scrubbed here, no secret reaches any of them.
    const report = scrubber/* processSecrets */.rW.scrubDeep((0,report_report/* buildReport */.FK)({ linked: engine.linked, findings: adopted.findings, skipped: engine.skipped, checks, cache: cacheUse, baseline: adopted.baseline }, {
        failOn: options.failOn,
        toolVersion: TOOL_VERSION,
        diff: diff && comparisonSummary(options.diff, diff),
        live: live?.summary,
        docsBaseUrl: options.docsBaseUrl ?? docs_url/* CANONICAL_DOCS_BASE_URL */.lC,
    }));
    return { config, engine, report, diff, live };
}
/** A path as a terminal or editor opens it: relative to the current directory when inside it, else absolute. */
function pathForPeople(absolute) {
    const relative = external_node_path_default().relative(process.cwd(), absolute);
    return relative && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative) ? relative.split((external_node_path_default()).sep).join('/') : absolute;
}
/** The baseline named, or the default one at the root when it exists; a named one must exist and parse. */
async function loadBaseline(checked, option) {
    if (option === false)
        return undefined;
    // Checking a single file: its directory holds the baseline, as it holds the configuration.
    const root = (await (0,promises_.stat)(checked).catch(() => undefined))?.isFile() ? external_node_path_default().dirname(checked) : checked;
    const named = option !== undefined && option !== '';
    const file = external_node_path_default().resolve(root, named ? option : DEFAULT_BASELINE_FILE);
    const name = external_node_path_default().relative(root, file).split((external_node_path_default()).sep).join('/');
    const read = await (0,parse_read/* readRepositoryFile */.tz)(file, root);
    if (!read.ok && read.missing && !named)
        return undefined;
    // Reported like a bad configuration: the file, and what is wrong with it.
    if (!read.ok)
        throw new config_config/* ConfigError */.xL(pathForPeople(file), read.line, read.column, `cannot read the baseline: ${read.message}`);
    try {
        return { name, file: parseBaseline(read.text) };
    }
    catch (error) {
        if (error instanceof BaselineError)
            throw new config_config/* ConfigError */.xL(pathForPeople(file), 1, undefined, error.message);
        throw error;
    }
}
function comparisonSummary(request, diff) {
    const settings = {
        baseRef: request.base,
        newFindingsOnly: request.newFindingsOnly,
        changedFilesOnly: request.changedFilesOnly,
        approval: request.approval,
        ...(request.allowLabel ? { allowLabel: request.allowLabel } : {}),
    };
    return diff.compared ? { ...settings, baseSha: diff.baseSha, resolved: diff.resolved } : { ...settings, unavailable: diff.reason, resolved: [] };
}


// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/cli/args.ts
// The CLI's arguments, parsed and validated into the same RunOptions the action builds from its
// inputs, plus what only a terminal needs (report format, output file). A bad flag is a UsageError.







const FORMATS = ['text', 'json', 'markdown', 'sarif', 'html'];
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
};
const COMMANDS = ['check', 'baseline', 'help', 'version'];
const DEFAULT_CACHE_DIR = '.slo-gate-cache';
async function parseCliArgs(argv, env, workerScript) {
    // `--cache` takes its directory only as `--cache=DIR`: `--cache DIR` would be ambiguous with the checked DIR.
    const args = argv.map((arg) => (arg === '--cache' ? `--cache=${DEFAULT_CACHE_DIR}` : arg));
    checkFlags(args);
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args, allowPositionals: true, options: FLAGS });
    }
    catch (error) {
        // checkFlags words every problem the parser knows; this is only a net under it.
        throw new UsageError(error.message.split(/\.\s|\n/)[0]);
    }
    const { values, positionals } = parsed;
    const [command, dir = '.', ...extra] = positionals;
    if (values.help || command === 'help')
        return { command: 'help' };
    if (values.version || command === 'version')
        return { command: 'version' };
    if (command !== 'check' && command !== 'baseline')
        throw new UsageError(command ? `unknown command "${command}"${suggestion(command, COMMANDS, '')}` : 'missing command (slo-gate check [DIR])');
    if (command === 'baseline' && (values.base !== undefined || values.baseline !== undefined || values['prometheus-url'] !== undefined)) {
        throw new UsageError('baseline writes the findings of the files as they are: --base, --baseline and --prometheus-url do not apply');
    }
    if (extra.length)
        throw new UsageError(`unexpected argument "${extra[0]}"`);
    const format = values.format;
    if (!FORMATS.includes(format))
        throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
    if (values.base === '' || ((values['all-findings'] || values['changed-files-only']) && values.base === undefined)) {
        throw new UsageError('--all-findings and --changed-files-only need --base REF');
    }
    if (values.cache === '')
        throw new UsageError('--cache= needs a directory (or use --cache alone)');
    const shared = parseSharedSettings({
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
    }, '--');
    // Registered before anything runs: the report is scrubbed of them, whatever the backend echoes.
    for (const secret of shared.live ? liveSecrets(shared.live) : [])
        (0,scrubber/* registerSecret */.cl)(secret);
    const root = await checkRoot(external_node_path_default().resolve(dir), { label: dir, allowFile: true });
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
            docsBaseUrl: values['docs-base-url'] === undefined ? docs_url/* CANONICAL_DOCS_BASE_URL */.lC : (0,docs_url/* parseDocsBaseUrl */.vS)(values['docs-base-url'], (message) => new UsageError(`--${message}`)),
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
function checkFlags(args) {
    const shorts = new Map(Object.entries(FLAGS).flatMap(([name, flag]) => ('short' in flag ? [[flag.short, name]] : [])));
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--')
            return;
        if (!arg.startsWith('-') || arg === '-')
            continue;
        if (!arg.startsWith('--')) {
            for (const letter of arg.slice(1))
                if (!shorts.has(letter))
                    throw new UsageError(`unknown option -${letter}`);
            continue;
        }
        const equals = arg.indexOf('=');
        const name = arg.slice(2, equals < 0 ? undefined : equals);
        const flag = FLAGS[name];
        if (!flag)
            throw new UsageError(`unknown option --${name}${suggestion(name, Object.keys(FLAGS), '--')}`);
        if (flag.type === 'boolean' && equals >= 0)
            throw new UsageError(`--${name} takes no value`);
        if (flag.type === 'string' && equals < 0) {
            const next = args[i + 1];
            if (next === undefined)
                throw new UsageError(`--${name} needs a value`);
            if (next.startsWith('-') && next !== '-')
                throw new UsageError(`--${name} needs a value (for one that starts with "-", write --${name}=${next})`);
            i++;
        }
    }
}
function suggestion(name, known, prefix) {
    const near = (0,did_you_mean/* closestName */.N)(name, known);
    return near ? ` — did you mean ${prefix}${near}?` : '';
}

;// CONCATENATED MODULE: ./src/cli/baseline.ts
// `slo-gate baseline [DIR] [--output FILE]`: the first step of adopting slo-gate on a repository
// that has findings already. It writes their fingerprints to `.slo-gate-baseline.json` (or FILE);
// committed, the file makes the gate fail only on findings that are not in it.





async function writeBaseline(options, io) {
    const { report } = await runCheck({ ...options, failOn: 'never', baseline: false });
    const baseline = baselineOf(report.findings, `slo-gate ${TOOL_VERSION}`);
    // Checking one file: its directory holds the baseline, as it holds the config.
    const home = (0,external_node_fs_.statSync)(options.root).isFile() ? external_node_path_default().dirname(options.root) : options.root;
    const file = options.output ?? external_node_path_default().join(home, DEFAULT_BASELINE_FILE);
    const text = renderBaseline(baseline);
    if (file === '-')
        io.stdout(text);
    else
        await (0,promises_.writeFile)(file, text);
    const findings = baseline.findings.reduce((sum, entry) => sum + entry.count, 0);
    const suppressed = report.adoption?.suppressed ?? 0;
    io.stderr(`slo-gate: baseline of ${findings} finding(s) in ${baseline.findings.length} entr${baseline.findings.length === 1 ? 'y' : 'ies'}${suppressed ? ` (${suppressed} suppressed finding(s) need none)` : ''}${file === '-' ? '' : ` written to ${pathForPeople(external_node_path_default().resolve(file))}`}; commit it, and the gate fails only on new findings\n`);
    return 0;
}

;// CONCATENATED MODULE: ./src/cli/colour.ts
// Colour for a person at a terminal, and only there: the severity of each finding and the verdict.
// Off when stdout is not a TTY (piped, redirected, --output), with NO_COLOR set (https://no-color.org)
// or TERM=dumb. It is added after the output was made safe, so file text never gets to colour.
const SGR = { error: '31', warning: '33', notice: '36', fail: '1;31', pass: '1;32' };
function wantsColour(stdoutIsTTY, env) {
    return stdoutIsTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
const paint = (code, text) => `\u001b[${code}m${text}\u001b[0m`;
// A finding line of the text report: `file:line:col  severity check/id  message`.
const FINDING = /^( *\S.*?  )(error|warning|notice)( +[a-z0-9-]+\/[a-z0-9-]+  )/gm;
const VERDICT = /^slo-gate (PASSED|FAILED)/gm;
/** The text report with severities and the verdict coloured; everything else as it was. */
function colourText(text) {
    return text
        .replace(FINDING, (_, before, severity, after) => `${before}${paint(SGR[severity], severity)}${after}`)
        .replace(VERDICT, (_, verdict) => `slo-gate ${paint(verdict === 'PASSED' ? SGR.pass : SGR.fail, verdict)}`);
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
// The CLI's help text (`slo-gate --help`).
/** What a usage error prints under its one line. */
const USAGE_POINTER = "Run 'slo-gate --help' for the commands and options.";
const USAGE = `Usage: slo-gate check [DIR] [options]
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

;// CONCATENATED MODULE: ./src/cli/cli.ts
// The CLI's front door: parse the arguments, run the check, print the report, choose the exit code.













/** The bundled CLI's start: this process's arguments and streams; `self` is the bundle, which file workers run too. */
async function startCli(self) {
    process.exitCode = await runCli(process.argv.slice(2), {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        workerScript: self,
        stdoutIsFile: isRegularFile(1),
        stdoutIsTTY: process.stdout.isTTY === true,
    });
}
function isRegularFile(fd) {
    try {
        return (0,external_node_fs_.fstatSync)(fd).isFile();
    }
    catch {
        return false;
    }
}
async function runCli(argv, io) {
    // Everything printed may carry text from the checked files: no raw control character, no line
    // that starts a workflow command, no secret.
    const raw = io;
    io = { ...raw, stdout: (text) => raw.stdout((0,terminal/* guardLines */.F)(text)), stderr: (text) => raw.stderr((0,terminal/* guardLines */.F)(scrubber/* processSecrets */.rW.scrub(text))) };
    const env = raw.env ?? process.env;
    try {
        const parsed = await parseCliArgs(argv, env, io.workerScript);
        if (parsed.command === 'help') {
            io.stdout(`${USAGE}\n`);
            return 0;
        }
        if (parsed.command === 'version') {
            io.stdout(`${TOOL_VERSION}\n`);
            return 0;
        }
        const options = parsed.options;
        if (parsed.command === 'baseline')
            return await writeBaseline(options, io);
        // Quiet unless asked: --debug shows each request live mode sends.
        if (options.live && options.debug)
            options.live = { ...options.live, log: (message) => io.stderr(`slo-gate: debug: ${(0,terminal/* terminalLine */.tL)(message)}\n`) };
        const { report, cacheNotices } = await runCheck(options);
        for (const notice of cacheNotices)
            io.stderr(`slo-gate: notice: ${(0,terminal/* terminalLine */.tL)(notice)}\n`);
        if (report.diff?.unavailable)
            io.stderr(`slo-gate: notice: not compared with ${(0,terminal/* terminalLine */.tL)(report.diff.baseRef)}: ${(0,terminal/* terminalLine */.tL)(report.diff.unavailable)}; checked the head alone\n`);
        const format = options.format;
        const render = await renderFormat(report, format, options.root);
        if (options.output && options.output !== '-') {
            await (0,promises_.writeFile)(options.output, format === 'json' ? renderJsonChunks(report) : render());
            io.stderr(`slo-gate: ${report.result === 'pass' ? 'passed' : 'failed'}; report written to ${options.output}\n`);
        }
        else {
            // Inside Actions, the runner reads stdout for workflow commands: it is told to stop while the
            // report is printed, with a token no file can know. JSON is left as it is, for pipes.
            const json = format === 'json' || format === 'sarif';
            const token = env.GITHUB_ACTIONS === 'true' && !json && !raw.stdoutIsFile ? (0,terminal/* stopCommandsToken */.Qr)() : undefined;
            const guarded = json ? (0,terminal/* guardJson */.YP)(render()) : (0,terminal/* guardLines */.F)(render());
            const text = format === 'text' && wantsColour(raw.stdoutIsTTY, env) ? colourText(guarded) : guarded;
            raw.stdout(token ? `::stop-commands::${token}\n${text}::${token}::\n` : text);
        }
        return report.result === 'pass' ? 0 : 1;
    }
    catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`slo-gate: ${error.message}\n${USAGE_POINTER}\n`);
            return 2;
        }
        if (error instanceof config_config/* ConfigError */.xL) {
            for (const problem of error.problems)
                io.stderr(`${(0,terminal/* terminalLine */.tL)(error.file)}:${problem.line}${problem.column ? `:${problem.column}` : ''}: ${(0,terminal/* terminalLine */.tL)(problem.message)}\n`);
            return 2;
        }
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            io.stderr(`slo-gate: no such file or directory: ${error.path ?? ''}\n`);
            return 2;
        }
        io.stderr(`slo-gate: internal error: ${(0,terminal/* terminalLine */.tL)(error?.message?.split('\n')[0] ?? String(error))}\n`);
        return 2;
    }
}
/** The report as `format` says; the formats other than text and JSON are loaded when asked for. */
async function renderFormat(report, format, root) {
    switch (format) {
        case 'json':
            return () => renderJson(report);
        case 'markdown': {
            const { renderMarkdown } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2495));
            return () => renderMarkdown(report);
        }
        case 'sarif': {
            const { renderSarif } = await __webpack_require__.e(/* import() */ 729).then(__webpack_require__.bind(__webpack_require__, 3729));
            return () => `${JSON.stringify(renderSarif(report), null, 2)}\n`;
        }
        case 'html': {
            const { renderHtml } = await __webpack_require__.e(/* import() */ 95).then(__webpack_require__.bind(__webpack_require__, 4095));
            return () => renderHtml(report);
        }
        default:
            return () => renderText(report, { path: fromCurrentDirectory(root) });
    }
}
/**
 * Report paths are relative to the checked directory (the file's directory when one file is
 * checked); a terminal opens `file:line:col` relative to where the command ran.
 */
function fromCurrentDirectory(root) {
    let base = root;
    try {
        if ((0,external_node_fs_.statSync)(root).isFile())
            base = external_node_path_default().dirname(root);
    }
    catch {
        // The root was checked before the run; if it is gone now, its own path is the best guess.
    }
    return (file) => {
        const relative = external_node_path_default().relative(process.cwd(), external_node_path_default().resolve(base, file)).split((external_node_path_default()).sep).join('/');
        return relative === '' ? '.' : relative;
    };
}


/***/ }),

/***/ 4530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IP: () => (/* binding */ isHelmTemplatePath),
/* harmony export */   Pk: () => (/* binding */ resolveInsideRoot),
/* harmony export */   lY: () => (/* binding */ findFiles)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_FILES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(298);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(ignore__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
// Find the candidate files under the root: YAML and JSON, minus what git ignores,
// narrowed by include/exclude globs. Symlinks are not followed: out of the root never, inside it
// there is no need, since their targets are walked where they are.





const CANDIDATE = /\.(ya?ml|json)$/i;
const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const DEFAULT_MAX_FILES = 200_000;
async function findFiles(root, options = {}) {
    const rootReal = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);
    const rootStat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(rootReal);
    const result = { files: [], skipped: [] };
    const rootInTemplates = insideHelmTemplates(rootStat.isFile() ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(rootReal) : rootReal);
    if (rootStat.isFile()) {
        result.files.push(rootInTemplates ? { path: node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(rootReal), absolutePath: rootReal, helmTemplate: true } : { path: node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(rootReal), absolutePath: rootReal });
        return result;
    }
    const include = options.include?.length ? picomatch__WEBPACK_IMPORTED_MODULE_4___default()(options.include, { dot: true }) : undefined;
    const exclude = options.exclude?.length ? picomatch__WEBPACK_IMPORTED_MODULE_4___default()(options.exclude, { dot: true }) : undefined;
    const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    const unwritten = unwrittenEntries(options.unwritten);
    const isIgnored = (rules, relative, isDir) => rules.some(({ base, matcher }) => {
        const inner = base === '' ? relative : relative.slice(base.length + 1);
        return inner !== '' && matcher.ignores(isDir ? `${inner}/` : inner);
    });
    // Synchronous on purpose: a walk awaits nothing else, and two thread-pool round trips per
    // directory made a large tree's discovery wait longer than it worked.
    const walk = (dirReal, relativeDir, inherited, inHelmTemplates) => {
        if (result.files.length >= maxFiles)
            return;
        let entries;
        const unwrittenHere = unwritten.get(relativeDir);
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dirReal, { withFileTypes: true });
        }
        catch (error) {
            if (!unwrittenHere) {
                result.skipped.push({ path: relativeDir || '.', reason: 'excluded', detail: `cannot read directory: ${error.code ?? 'error'}` });
                return;
            }
            entries = [];
        }
        if (unwrittenHere) {
            const onDisk = new Set(entries.map((entry) => entry.name));
            for (const entry of unwrittenHere.values())
                if (!onDisk.has(entry.name))
                    entries.push(entry);
        }
        let rules = inherited;
        if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
            const gitignore = readTextOrUndefined(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dirReal, '.gitignore'));
            if (gitignore !== undefined)
                rules = [...inherited, { base: relativeDir, matcher: ignore__WEBPACK_IMPORTED_MODULE_3___default()().add(gitignore) }];
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const isChart = entries.some((entry) => entry.name === 'Chart.yaml' && entry.isFile());
        for (const entry of entries) {
            if (result.files.length >= maxFiles) {
                result.skipped.push({ path: relativeDir || '.', reason: 'excluded', detail: `stopped after ${maxFiles} files` });
                return;
            }
            const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
            const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dirReal, entry.name);
            if (entry.isSymbolicLink()) {
                // A link inside the root adds nothing (its target is walked in its own place) and could loop;
                // a link out of the root is never followed.
                const resolved = realpathOrUndefined(absolute);
                if (resolved && resolved !== rootReal && !resolved.startsWith(rootReal + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep))) {
                    result.skipped.push({ path: relative, reason: 'excluded', detail: 'symlink points outside the root; not followed' });
                }
                continue;
            }
            const isDir = entry.isDirectory();
            const isFile = entry.isFile();
            if (isDir) {
                if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(rules, relative, true))
                    continue;
                walk(absolute, relative, rules, inHelmTemplates || (isChart && entry.name === 'templates'));
            }
            else if (isFile && CANDIDATE.test(entry.name)) {
                if (isIgnored(rules, relative, false))
                    continue;
                if (include && !include(relative)) {
                    result.skipped.push({ path: relative, reason: 'excluded', detail: 'not matched by include' });
                    continue;
                }
                if (exclude && exclude(relative)) {
                    result.skipped.push({ path: relative, reason: 'excluded', detail: 'matches exclude' });
                    continue;
                }
                result.files.push(inHelmTemplates ? { path: relative, absolutePath: absolute, helmTemplate: true } : { path: relative, absolutePath: absolute });
            }
        }
    };
    walk(rootReal, '', [], rootInTemplates);
    return result;
}
/** The unwritten files as directory entries, by the root-relative folder they are in (their folders too). */
function unwrittenEntries(files) {
    const byDir = new Map();
    const add = (dir, name, isDirectory) => {
        let entries = byDir.get(dir);
        if (!entries)
            byDir.set(dir, (entries = new Map()));
        if (entries.has(name))
            return false;
        entries.set(name, { name, isFile: () => !isDirectory, isDirectory: () => isDirectory, isSymbolicLink: () => false });
        return true;
    };
    for (const file of files ?? []) {
        let child = file;
        let isDirectory = false;
        for (;;) {
            const slash = child.lastIndexOf('/');
            const dir = slash < 0 ? '' : child.slice(0, slash);
            // A folder already listed has its own folders listed too.
            if (!add(dir, child.slice(slash + 1), isDirectory) || slash < 0)
                break;
            child = dir;
            isDirectory = true;
        }
    }
    return byDir;
}
/**
 * Whether discovery reads `file` (root-relative, `/` separators) as a Helm chart template, told
 * which files the tree has: the same rule as the walk's (a `templates/` folder beside a Chart.yaml,
 * at any depth), for a tree that is known without being walked — a pull request's base, listed by git.
 */
function isHelmTemplatePath(file, treeHasFile) {
    const folders = file.split('/').slice(0, -1);
    return folders.some((folder, depth) => folder === 'templates' && treeHasFile([...folders.slice(0, depth), 'Chart.yaml'].join('/')));
}
/** A `path` that points into a chart's templates (charts/api/templates): the chart is above it. */
function insideHelmTemplates(dir) {
    for (let current = dir;; current = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(current)) {
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(current) === 'templates' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(current), 'Chart.yaml')))
            return true;
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(current) === current)
            return false;
    }
}
function readTextOrUndefined(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
function realpathOrUndefined(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return undefined;
    }
}
/** Resolve a path an author wrote (relative to `baseDir` inside the root) to a root-relative path, or undefined if it leaves the root. */
function resolveInsideRoot(baseDir, written) {
    const joined = node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(baseDir, written.replace(/\\/g, '/')));
    if (joined.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.isAbsolute(joined))
        return undefined;
    return joined;
}


/***/ }),

/***/ 3321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ runEngine)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/index.ts + 63 modules
var checks = __webpack_require__(7309);
// EXTERNAL MODULE: ./src/discover/find-files.ts
var find_files = __webpack_require__(4530);
// EXTERNAL MODULE: ./src/engine/file-stage.ts + 2 modules
var file_stage = __webpack_require__(1224);
// EXTERNAL MODULE: ./src/engine/outcome-cache.ts + 1 modules
var outcome_cache = __webpack_require__(5113);
// EXTERNAL MODULE: ./src/parse/template.ts
var parse_template = __webpack_require__(1441);
;// CONCATENATED MODULE: ./src/engine/template-findings.ts
// Findings in templates read template-tolerantly (src/parse/template.ts): those that depend on what
// the template fills in are not reported — the placeholder is not the value — and the others say
// where they are, at the template's own line and column. A step of the engine's findings sink.

/** The step, reading the model's files when the first finding passes (after every file was read). */
function templateFindingStep(files) {
    let templates;
    return (finding) => {
        templates ??= new Map(files().filter((file) => file.template).map((file) => [file.path, file.template]));
        const template = templates.get(finding.file);
        if (!template || finding.check === 'file/template')
            return finding;
        if ([finding.message, finding.suggestion].some((text) => text?.includes(parse_template/* PLACEHOLDER_MARK */.M8)))
            return undefined;
        if (finding.line !== undefined && template.taint.some((range) => within(finding.line, finding.column, range)))
            return undefined;
        finding.message = `${finding.message} (in a ${(0,parse_template/* dialectName */.WJ)(template.dialect)})`;
        return finding;
    };
}
function within(line, column, [fromLine, fromColumn, toLine, toColumn]) {
    if (line < fromLine || line > toLine)
        return false;
    if (column === undefined)
        return true;
    return (line > fromLine || column >= fromColumn) && (line < toLine || column <= toColumn);
}

// EXTERNAL MODULE: ./src/formats/index.ts + 13 modules
var formats = __webpack_require__(9965);
// EXTERNAL MODULE: ./src/findings/sink.ts
var findings_sink = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/link/link.ts + 2 modules
var link_link = __webpack_require__(512);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/link/references.ts
// Resolve the file paths that documents mention (a policy's dashboards) against the file system,
// the way their authors evidently meant them. The answers go next to the links, not into the
// model: the model stays what the files say, and what it points at is derived once per run.



/** `unwritten`: files of the tree that are not on disk (a pull request's base), by root-relative path. */
async function resolveReferences(model, root, unwritten) {
    const resolutions = new Map();
    const unwrittenFolders = new Set([...(unwritten ?? [])].flatMap((file) => ancestors(external_node_path_default().posix.dirname(file) === '.' ? '' : external_node_path_default().posix.dirname(file))));
    const exists = memoised(async (relative) => unwritten?.has(relative) === true || unwrittenFolders.has(relative) || (await (0,promises_.stat)(external_node_path_default().join(root, relative)).catch(() => undefined)) !== undefined);
    for (const slo of model.slos) {
        for (const ref of slo.dashboardRefs) {
            const candidates = ancestors(slo.baseDir)
                .map((dir) => (0,find_files/* resolveInsideRoot */.Pk)(dir, ref.path))
                .filter((candidate) => candidate !== undefined);
            if (candidates.length === 0) {
                resolutions.set(ref, { exists: false });
                continue;
            }
            // A policy in `project/slo/` naming `dashboards/x.json` means `project/dashboards/x.json`:
            // take the nearest directory where the path exists, else the nearest where its first folder does.
            let chosen;
            for (const candidate of candidates)
                if (!chosen && (await exists(candidate)))
                    chosen = candidate;
            if (chosen) {
                resolutions.set(ref, { resolved: chosen, exists: true });
                continue;
            }
            const firstSegment = ref.path.replace(/\\/g, '/').replace(/^\.\//, '').split('/')[0];
            for (const dir of ancestors(slo.baseDir)) {
                const folder = (0,find_files/* resolveInsideRoot */.Pk)(dir, firstSegment);
                if (!chosen && folder && ref.path.includes('/') && (await exists(folder)))
                    chosen = (0,find_files/* resolveInsideRoot */.Pk)(dir, ref.path);
            }
            const resolution = { resolved: chosen ?? candidates[0], exists: false };
            resolutions.set(ref, resolution);
        }
    }
    return resolutions;
}
/** The directory and each of its parents up to the root ('' ). */
function ancestors(dir) {
    const out = [dir];
    let current = dir;
    while (current !== '' && current !== '.') {
        current = external_node_path_default().posix.dirname(current);
        if (current === '.')
            current = '';
        out.push(current);
    }
    return out;
}
function memoised(fn) {
    const cache = new Map();
    return (key) => {
        let value = cache.get(key);
        if (!value)
            cache.set(key, (value = fn(key)));
        return value;
    };
}

// EXTERNAL MODULE: ./src/model/types.ts
var types = __webpack_require__(440);
// EXTERNAL MODULE: ./src/lang/promql/analyse.ts + 10 modules
var analyse = __webpack_require__(3129);
;// CONCATENATED MODULE: ./src/engine/engine.ts
// The whole check of one tree, start to end: find files → parse with positions → recognise each
// document → normalise into one model → link → run checks → findings sink. The front doors (src/action/,
// src/cli/) only choose options and hand the result to report/ and the publishers.













// Measured on two cores: a worker loads the bundle and warms its compiler up from cold (about
// 0.6 s of CPU), so below a few thousand files one thread is as fast (×10 corpus: 1.9 s vs 2.0 s).
const AUTO_WORKERS_MIN_FILES = 2000;
async function runEngine(root, config, options = {}) {
    const absoluteRoot = external_node_path_default().resolve(root);
    const enabled = (0,findings_sink/* enabledChecks */.rM)(options.checks ?? checks/* STATIC_CHECKS */.J6, config);
    const documentChecks = enabled.filter((check) => check.meta.kind === 'document');
    const model = (0,types/* emptyModel */.$)(absoluteRoot);
    const sink = new findings_sink/* FindingsSink */.OC(config, enabled, [templateFindingStep(() => model.files)]);
    const discovery = await (0,find_files/* findFiles */.lY)(absoluteRoot, { include: config.include, exclude: config.exclude, unwritten: options.unwrittenFiles });
    const rootIsFile = discovery.files.length === 1 && discovery.files[0].absolutePath === absoluteRoot;
    const tasks = discovery.files.map((file) => (0,file_stage/* fileTask */.C)(file, rootIsFile ? external_node_path_default().basename(absoluteRoot) : file.path));
    const settings = { config, checkIds: documentChecks.map((check) => check.meta.id) };
    const workers = fileWorkers(tasks.length, documentChecks, options);
    // Worker threads are loaded only when a run uses them (most runs are small).
    const compute = async (some) => workers ? (await __webpack_require__.e(/* import() */ 991).then(__webpack_require__.bind(__webpack_require__, 7372))).processInWorkers(some, settings, workers) : some.map((0,file_stage/* createFileStage */.b)(settings, documentChecks));
    const hashing = options.cache !== undefined || options.hashFiles === true || options.knownOutcomes !== undefined;
    const cached = hashing ? await (0,outcome_cache/* throughCache */.AT)(tasks, options.cache, config, documentChecks, compute, options.knownOutcomes) : undefined;
    const outcomes = cached ? cached.outcomes : await compute(tasks);
    // What adapters keep for their finalise step: documents that refer to documents in other files.
    const kept = new Map();
    // Outcomes that were copied (from worker threads, from the cache) carry their own copy of each
    // query's analysis; those known from the head share the head's.
    const known = (index) => options.knownOutcomes?.has(tasks[index].displayPath) === true;
    outcomes.forEach((outcome, index) => addOutcome(outcome, model, sink, kept, (cached?.copied[index] ?? false) || (workers !== undefined && !known(index))));
    const skipped = [...discovery.skipped];
    for (const outcome of outcomes)
        if (outcome.skipped)
            skipped.push(outcome.skipped);
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const [kind, items] of kept) {
        const adapter = formats/* FORMAT_ADAPTERS */.B.find((candidate) => candidate.kind === kind);
        const finaliseContext = { options: { defaultPeriodSeconds: config.defaultPeriodSeconds }, model, addSlo: (slo) => model.slos.push(slo) };
        try {
            adapter.finalise?.(items, finaliseContext);
        }
        catch (error) {
            model.unreadable.push({ file: '', line: 1, message: `cannot resolve ${adapter.kind} documents: ${(0,findings_sink/* firstLineOf */.Qy)(error)}` });
        }
    }
    // Links between SLOs, alerts and panels, and where policies' paths lead, are derived once here.
    const references = await resolveReferences(model, rootIsFile ? external_node_path_default().dirname(absoluteRoot) : absoluteRoot, options.unwrittenFiles);
    const linked = (0,link_link/* linkModel */.OJ)(model, config, references);
    for (const check of enabled.filter((candidate) => candidate.meta.kind === 'model'))
        sink.runCheck(check, linked);
    return { linked, findings: sink.finish(), skipped, checks: enabled, ...(cached ? { cache: cached.use, hashed: cached.hashed } : {}) };
}
function fileWorkers(files, enabled, options) {
    const { workerScript, concurrency = 1 } = options;
    if (!workerScript)
        return undefined;
    // A worker rebuilds its checks from the registry by id: a narrowed list of other checks stays here.
    if (!enabled.every((check) => checks/* CHECKS */.ui.includes(check)))
        return undefined;
    const threads = concurrency === 'auto' ? (files >= AUTO_WORKERS_MIN_FILES ? external_node_os_default().availableParallelism() : 1) : concurrency;
    return threads > 1 ? { script: workerScript, threads: Math.min(threads, files) } : undefined;
}
function addOutcome(outcome, model, sink, kept, fromWorkers) {
    model.files.push(outcome.file);
    for (const entry of outcome.unreadable)
        model.unreadable.push(entry);
    for (const slo of outcome.slos)
        model.slos.push(slo);
    for (const group of outcome.ruleGroups) {
        model.ruleGroups.push(group);
        for (const rule of group.rules) {
            if (fromWorkers)
                shareQueryAnalysis(rule.expr);
            model.rules.push(rule);
        }
    }
    // Outcomes cached by an older build have no LogQL rules.
    for (const rule of outcome.logqlRules ?? [])
        model.logqlRules.push(rule);
    for (const dashboard of outcome.dashboards) {
        model.dashboards.push(dashboard);
        if (fromWorkers)
            for (const panel of dashboard.panels)
                for (const target of panel.targets)
                    if (target.expr)
                        shareQueryAnalysis(target.expr);
    }
    for (const { kind, item } of outcome.kept) {
        if (!kept.has(kind))
            kept.set(kind, []);
        kept.get(kind).push(item);
    }
    // Outcomes stored by an older cache format have none.
    for (const comment of outcome.suppressions ?? [])
        model.suppressions.push(comment);
    sink.accept(outcome.findings);
}
/** Outcomes from worker threads carry their own copy of each analysis; the model keeps one per query. */
function shareQueryAnalysis(query) {
    query.analysis = (0,analyse/* shareAnalysis */.cs)(query.text, query.analysis);
}


/***/ }),

/***/ 5113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yJ: () => (/* binding */ codeIdentity),
  AT: () => (/* binding */ throughCache)
});

// UNUSED EXPORTS: settingsDigest

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/config/config.ts
var config_config = __webpack_require__(1122);
;// CONCATENATED MODULE: ./src/cache/content-hash.ts
// A file's content hash is git's blob id of its bytes, so that a base commit's files, whose blob
// ids `git ls-tree` lists, can be matched with the head's files without reading them.

function blobId(bytes) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

// EXTERNAL MODULE: ./src/cache/outcome-store.ts
var outcome_store = __webpack_require__(2778);
// EXTERNAL MODULE: ./src/parse/read.ts
var parse_read = __webpack_require__(2575);
;// CONCATENATED MODULE: ./src/engine/outcome-cache.ts
// The engine's side of the outcome cache: before a file is parsed, its bytes are hashed and the
// store asked for the outcome it had under the same settings. What a stored outcome depends on
// besides the file's bytes and path (the tool's code is the store's identity) is written next to
// it: the document kinds it held and the normalise options adapters read. The settings digest is
// made from those alone, so a configuration change invalidates exactly the outcomes it affects:
// turning a rule check off re-reads rule files, not dashboards.








/**
 * The identity of outcomes this code makes: the tool version, and the hash of the bundle's code
 * that `npm run bundle` writes beside it (`build-id`), so a rebuilt tool of the same version does
 * not reuse old outcomes. Run from the sources (tests), the running script is hashed instead.
 */
function codeIdentity(toolVersion) {
    let code = 'unknown';
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    try {
        code = (0,external_node_fs_.readFileSync)(external_node_path_default().join(external_node_path_default().dirname(here), 'build-id'), 'utf8').trim();
    }
    catch {
        try {
            code = (0,external_node_crypto_.createHash)('sha1').update((0,external_node_fs_.readFileSync)(process.argv[1] ?? here)).digest('hex').slice(0, 16);
        }
        catch {
            // Outcomes of an unknown build are still keyed by the tool version and every file's bytes.
        }
    }
    return `${toolVersion}+${code}`;
}
/**
 * The outcome of each task, in order: from `known` when it holds one for the file (a pull
 * request's base, sharing the head's outcome objects), from the cache when it holds one for the
 * file's bytes and these settings, else from `compute`. Without a cache, files are only hashed.
 */
async function throughCache(tasks, cache, config, checks, compute, 
/** Outcomes known without reading the file (the head's, for a base file with the same blob id), by display path. */
known) {
    const digests = new Map();
    const digestOf = (kinds, optionsRead) => {
        const id = `${kinds.join(',')}|${optionsRead.join(',')}`;
        let digest = digests.get(id);
        if (digest === undefined)
            digests.set(id, (digest = settingsDigest(kinds, optionsRead, config, checks)));
        return digest;
    };
    const acceptFor = (task) => (meta) => {
        try {
            const parsed = JSON.parse(meta);
            return parsed.digest === digestOf(parsed.kinds, parsed.optionsRead) && (parsed.helmTemplate ?? false) === (task.helmTemplate ?? false);
        }
        catch {
            return false;
        }
    };
    const outcomes = new Array(tasks.length);
    const copied = new Array(tasks.length).fill(false);
    const hashed = new Map();
    const missing = [];
    const use = { hits: 0, reads: 0 };
    tasks.forEach((task, index) => {
        const shared = known?.get(task.displayPath);
        if (shared !== undefined) {
            // The caller matched the blob ids; a Chart.yaml added or removed above the file changes how they read.
            if (shared.helmTemplate !== (task.helmTemplate ?? false))
                throw new Error(`the outcome of ${task.displayPath} is known as ${shared.helmTemplate ? '' : 'not '}a Helm template`);
            outcomes[index] = shared.outcome;
            hashed.set(task.displayPath, shared);
            use.hits++;
            return;
        }
        let read;
        try {
            read = (0,parse_read/* readFileBytes */.MY)(task.absolutePath, config.maxFileBytes);
        }
        catch {
            // The file stage reads it again and says why it cannot.
            missing.push({ index, task });
            return;
        }
        if (!('buffer' in read)) {
            missing.push({ index, task });
            return;
        }
        use.reads++;
        const hash = blobId(read.buffer);
        const hit = cache?.get(task.displayPath, hash, acceptFor(task));
        if (hit) {
            outcomes[index] = hit;
            copied[index] = true;
            hashed.set(task.displayPath, { hash, outcome: hit, helmTemplate: task.helmTemplate ?? false });
            use.hits++;
        }
        else
            missing.push({ index, hash, task: { ...task, bytes: read.buffer } });
    });
    const computed = missing.length ? await compute(missing.map((entry) => entry.task)) : [];
    missing.forEach(({ index, hash, task }, k) => {
        const outcome = computed[k];
        outcomes[index] = outcome;
        if (hash === undefined)
            return;
        hashed.set(outcome.file.path, { hash, outcome, helmTemplate: task.helmTemplate ?? false });
        if (!cache)
            return;
        const meta = {
            kinds: outcome.file.kinds,
            optionsRead: outcome.optionsRead,
            digest: digestOf(outcome.file.kinds, outcome.optionsRead),
            ...(task.helmTemplate ? { helmTemplate: true } : {}),
        };
        cache.put(outcome.file.path, hash, JSON.stringify(meta), outcome);
    });
    return { outcomes, copied, hashed, use };
}
/** The settings an outcome with these document kinds and read options depends on, hashed. */
function settingsDigest(kinds, optionsRead, config, checks) {
    const documentChecks = checks
        .filter((check) => check.meta.documentKinds?.some((kind) => kinds.includes(kind)))
        .map((check) => [check.meta.id, config.checks[check.meta.id] ?? null, checkOptions(check, config)]);
    const options = [...optionsRead].sort().map((name) => [name, config[name]]);
    return (0,external_node_crypto_.createHash)('sha1').update(JSON.stringify({ documentChecks, options })).digest('hex');
}
/** The configuration a check declares it reads (`meta.options`: `.slo-gate.yml` keys); none when it declares nothing. */
function checkOptions(check, config) {
    const declared = check.meta.options;
    return declared ? Object.keys(declared).sort().map((key) => [key, (0,config_config/* configValue */.Mn)(config, key) ?? null]) : [];
}


/***/ }),

/***/ 12:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LIVE_DEFAULTS: () => (/* binding */ LIVE_DEFAULTS),
  runLive: () => (/* binding */ runLive)
});

// EXTERNAL MODULE: ./src/checks/index.ts + 63 modules
var src_checks = __webpack_require__(7309);
// EXTERNAL MODULE: ./src/config/config.ts
var config_config = __webpack_require__(1122);
// EXTERNAL MODULE: ./src/findings/sink.ts
var findings_sink = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/live/client.ts
var live_client = __webpack_require__(1831);
// EXTERNAL MODULE: ./src/model/burn-rate.ts
var burn_rate = __webpack_require__(2203);
// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(8766);
;// CONCATENATED MODULE: ./src/live/queries.ts
// SLI → PromQL. Each SLO's indicator becomes a plan that can write its error ratio over any
// window, so the server computes every figure (we never pull raw samples):
//
//   events  error/total (Sloth events, Pyrra ratio): errors(w) / total(w)
//           good/total (OpenSLO good, Pyrra latency):  (total(w) - good(w)) / total(w)
//           latency from a histogram:                  good = _bucket{le="<threshold>"}, total = _count
//   ratio   a query that is the error ratio itself (Sloth raw error_ratio_query)
//
// A query is put over a window in one of three ways: Sloth's `{{.window}}` placeholder is
// substituted; a bare selector (Pyrra's `http_requests_total{code=~"5.."}`) is wrapped in
// sum(increase(…[w])); any other expression (OpenSLO's `sum(rate(x[5m]))`) is averaged over the
// window with a subquery, which is an approximation and is said so.

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/;
// A metric name with optional matchers, or matchers alone: nothing to aggregate or window yet.
const BARE_SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{((?:[^{}"]|"(?:[^"\\]|\\.)*")*)\})?\s*$/;
function planSli(slo) {
    const { errorQuery, goodQuery, totalQuery, errorRatioQuery, type, thresholdSeconds, metrics } = slo.indicator;
    const notes = [];
    const over = (query) => (window) => windowed(query, window, notes);
    if (errorRatioQuery) {
        // A ratio averages per unit of time, not per request: a quiet hour weighs as much as a busy one.
        notes.push('error-ratio SLI: the budget is averaged per unit of time, not per request');
        return { kind: 'ratio', ratio: over(errorRatioQuery), ratioQuery: errorRatioQuery, notes };
    }
    if (slo.indicator.declaredType === 'latencyNative' && totalQuery && thresholdSeconds !== undefined)
        return nativeLatencyPlan(totalQuery, thresholdSeconds);
    if (slo.indicator.declaredType === 'bool_gauge' && goodQuery) {
        // A 0/1 gauge of "good right now": the error ratio is the share of time it was 0.
        return { kind: 'ratio', ratio: (w) => `1 - avg(avg_over_time(${goodQuery.trim()}[${w}]))`, ratioQuery: goodQuery, notes: ['boolean gauge SLI: the budget is averaged per unit of time'] };
    }
    if (errorQuery && totalQuery) {
        return { kind: 'events', errors: over(errorQuery), total: over(totalQuery), missingErrorsAreZero: true, errorsQuery: errorQuery, totalQuery, notes };
    }
    if (goodQuery && totalQuery) {
        const good = over(goodQuery);
        const total = over(totalQuery);
        return { kind: 'events', errors: (w) => `(${total(w)} - ${good(w)})`, total, missingErrorsAreZero: false, errorsQuery: goodQuery, totalQuery, notes };
    }
    if (type === 'latency' && thresholdSeconds !== undefined) {
        const histogram = histogramSelector(totalQuery, metrics);
        if (histogram)
            return latencyPlan(histogram.name, histogram.matchers, thresholdSeconds);
        return { kind: 'unmeasurable', reason: 'latency SLI names no histogram metric (a `_bucket` series) to read the threshold from' };
    }
    if (errorQuery)
        return { kind: 'unmeasurable', reason: 'the SLI has an error query but no total query' };
    if (slo.indicator.declaredType === 'thresholdMetric')
        return { kind: 'unmeasurable', reason: 'threshold-metric SLIs are not measured live (only ratio SLIs)' };
    if (goodQuery)
        return { kind: 'unmeasurable', reason: 'the SLI has a good-events query but no total query' };
    if (type === 'latency')
        return { kind: 'unmeasurable', reason: 'latency SLI without a threshold' };
    return { kind: 'unmeasurable', reason: `the SLO declares no SLI query (indicator "${slo.indicator.declaredType ?? type}" has no error/total, good/total or error-ratio query)` };
}
/** Share of requests slower than the threshold, from a classic histogram's cumulative buckets. */
function latencyPlan(metric, matchers, thresholdSeconds) {
    const base = metric.replace(/_(bucket|count|sum)$/, '');
    const braces = (...parts) => {
        const inner = [matchers.trim(), ...parts].filter(Boolean).join(', ');
        return inner ? `{${inner}}` : '';
    };
    const good = `${base}_bucket${braces(leMatcher(thresholdSeconds))}`;
    const total = `${base}_count${braces()}`;
    const sumIncrease = (selector) => (window) => `sum(increase(${selector}[${window}]))`;
    const goodOver = sumIncrease(good);
    const totalOver = sumIncrease(total);
    return {
        kind: 'events',
        errors: (w) => `(${totalOver(w)} - ${goodOver(w)})`,
        total: totalOver,
        missingErrorsAreZero: false,
        errorsQuery: good,
        totalQuery: total,
        notes: [],
    };
}
/** Native histograms (Pyrra latencyNative): the share under the threshold is histogram_fraction. */
function nativeLatencyPlan(selector, thresholdSeconds) {
    const sum = (w) => `sum(increase(${selector.trim()}[${w}]))`;
    return {
        kind: 'events',
        errors: (w) => `(histogram_count(${sum(w)}) * (1 - histogram_fraction(0, ${thresholdSeconds}, ${sum(w)})))`,
        total: (w) => `histogram_count(${sum(w)})`,
        missingErrorsAreZero: false,
        errorsQuery: selector,
        totalQuery: selector,
        notes: [],
    };
}
/**
 * Bucket bounds are label strings, and client libraries print whole numbers differently
 * (Go "1", Python "1.0"), so a whole-second threshold matches both spellings.
 */
function leMatcher(thresholdSeconds) {
    const text = String(thresholdSeconds);
    if (Number.isInteger(thresholdSeconds))
        return `le=~"${text}|${text}\\\\.0"`;
    return `le="${text}"`;
}
/** `query` evaluated over `window`; pushes a note when only an approximation is possible. */
function windowed(query, window, notes = []) {
    const trimmed = query.trim();
    if (WINDOW_PLACEHOLDER.test(trimmed))
        return trimmed.replace(new RegExp(WINDOW_PLACEHOLDER, 'g'), window);
    if (isBareSelector(trimmed))
        return `sum(increase(${trimmed}[${window}]))`;
    const note = 'query has no {{.window}} placeholder: averaged over each window with a subquery (approximate)';
    if (!notes.includes(note))
        notes.push(note);
    return `avg_over_time((${trimmed})[${window}:${subqueryResolution(window)}])`;
}
function isBareSelector(query) {
    const match = BARE_SELECTOR.exec(query);
    return match !== null && (match[1] !== undefined || match[2] !== undefined);
}
/** About 500 evaluations per window, and never finer than a minute: enough for an average. */
function subqueryResolution(window) {
    const seconds = (0,units/* parseDuration */.E9)(window) ?? 0;
    return (0,units/* formatDurationInOneUnit */.hI)(Math.max(60, Math.ceil(seconds / 500 / 60) * 60));
}
function histogramSelector(totalQuery, metrics) {
    if (totalQuery) {
        const match = BARE_SELECTOR.exec(totalQuery.trim());
        if (match?.[1])
            return { name: match[1], matchers: match[2] ?? '' };
        return undefined;
    }
    const bucket = metrics.find((name) => name.endsWith('_bucket'));
    return bucket ? { name: bucket, matchers: '' } : undefined;
}

;// CONCATENATED MODULE: ./src/live/evaluate.ts
// One SLO, measured: error ratio over its period, remaining budget, burn rate over each window,
// which burn-rate alerts would fire now, and the budget trend. Two requests per SLO:
//
//   1. a range query over the period in ≤ 200 steps, errors and total per step (tagged with a
//      label). Summed, the steps are the period's figures; accumulated, they are the burn-down.
//      Reading the period once serves both: it is the expensive part (30 days of samples).
//   2. an instant query carrying every burn-rate window, each tagged with a label.
//
// Arithmetic: src/model/burn-rate.ts.




/** Most points a trend may have: enough for a chart, few enough for any backend's limits. */
const MAX_TREND_POINTS = 200;
const WINDOW_LABEL = 'slo_gate_window';
const PART_LABEL = 'slo_gate_part';
const HINT = 'a wrong metric name or label is the usual cause';
const INFINITE = 'errors divided by a total of 0 (the total query misses requests the error query counts)';
/** Measure one SLO at `time`. PrometheusError of kind 'unreachable' or 'budget' propagates. */
async function evaluateSlo({ slo, plan }, client, time) {
    const budget = (0,burn_rate/* errorBudget */.C0)(slo.target);
    const period = slo.periodSeconds;
    const result = {
        ...identity(slo),
        status: 'ok',
        target: slo.target,
        periodSeconds: period,
        windows: [],
        notes: [...plan.notes],
    };
    if (slo.periodKind === 'calendar')
        result.notes.push('calendar period evaluated as a rolling window of the same length');
    if (slo.burnWindows.length === 0)
        result.notes.push(`no burn-rate windows declared: the default table for ${(0,units/* formatDurationInOneUnit */.hI)(period)} is used`);
    const steps = trendSteps(period);
    const step = (0,units/* formatDurationInOneUnit */.hI)(steps.seconds);
    result.query = plan.kind === 'ratio' ? plan.ratio(step) : `${tag(plan.errors(step), PART_LABEL, 'errors')} or ${tag(plan.total(step), PART_LABEL, 'total')}`;
    const start = time - (steps.count - 1) * steps.seconds;
    let series;
    try {
        series = await client.queryRange(result.query, start, time, steps.seconds);
    }
    catch (error) {
        return failed(result, error);
    }
    const times = Array.from({ length: steps.count }, (_, k) => start + k * steps.seconds);
    const measured = plan.kind === 'ratio' ? ratioTrend(plan, series, times, budget) : eventsTrend(plan, series, times, budget);
    if ('problem' in measured) {
        result.status = measured.problem.status;
        result.reason = measured.problem.reason;
        return result;
    }
    if (measured.emptyErrorQuery)
        result.emptyErrorQuery = measured.emptyErrorQuery;
    result.errorRatio = measured.errorRatio;
    result.budgetRemaining = 1 - measured.errorRatio / budget;
    result.budgetRemainingMinutes = result.budgetRemaining * (0,burn_rate/* budgetMinutes */.vX)(slo.target, period);
    result.trend = { stepSeconds: steps.seconds, points: [{ time: time - steps.count * steps.seconds, remaining: 1 }, ...measured.points] };
    const windows = declaredWindows(slo);
    const seconds = [...new Set(windows.flatMap((w) => (w.shortSeconds ? [w.longSeconds, w.shortSeconds] : [w.longSeconds])))];
    let samples = [];
    if (seconds.length) {
        try {
            samples = await client.query(seconds.map((s) => tag(windowRatio(plan, (0,units/* formatDurationInOneUnit */.hI)(s)), WINDOW_LABEL, String(s))).join(' or '), time);
        }
        catch (error) {
            return failed(result, error);
        }
    }
    // NaN over a window is 0/0: no events in it, so no burn rate. ±Inf is errors over a total of 0.
    const infinite = samples.find((sample) => sample.value === Infinity || sample.value === -Infinity);
    if (infinite) {
        result.status = 'failed';
        result.reason = `the error ratio over the ${(0,units/* formatDurationInOneUnit */.hI)(Number(infinite.labels[WINDOW_LABEL]))} window is ${infinite.value > 0 ? '+Inf' : '-Inf'}: ${INFINITE}`;
        return result;
    }
    const ratioOver = (s) => {
        const value = samples.find((sample) => Number(sample.labels[WINDOW_LABEL]) === s)?.value;
        return value === undefined || Number.isNaN(value) ? undefined : value;
    };
    result.windows = windows.map((w) => {
        const burn = (s) => {
            const ratio = s === undefined ? undefined : ratioOver(s);
            return ratio === undefined ? undefined : ratio / budget;
        };
        const burnRate = burn(w.longSeconds);
        const shortBurnRate = burn(w.shortSeconds);
        const over = (rate) => rate !== undefined && w.factor !== undefined && rate > w.factor;
        return {
            longSeconds: w.longSeconds,
            shortSeconds: w.shortSeconds,
            factor: w.factor,
            severity: w.severity,
            page: isPage(w),
            source: w.source,
            burnRate,
            shortBurnRate,
            firing: over(burnRate) && (w.shortSeconds === undefined || over(shortBurnRate)),
        };
    });
    if (result.budgetRemaining <= 0)
        result.status = 'exhausted';
    else if (result.windows.some((w) => w.firing))
        result.status = 'burning';
    return result;
}
function identity(slo) {
    return { key: slo.key, name: slo.name, file: slo.file, line: slo.position.line };
}
/** The SLO's own windows; without any, the multiwindow table for its period (SRE workbook at 30 d). */
function declaredWindows(slo) {
    if (slo.burnWindows.length)
        return [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds);
    return (0,burn_rate/* slothWindows */.aq)(slo.periodSeconds).map((w) => ({ ...w, source: 'default' }));
}
/**
 * Page-level windows are the ones that wake someone. Severity names vary (Sloth "page",
 * Prometheus rules "critical"); an unnamed window pages when it is a fast one (factor ≥ 6, the
 * workbook's page threshold for 30 days).
 */
function isPage(window) {
    if (window.severity)
        return /^(page|critical|p[01]|high|urgent)$/i.test(window.severity);
    return window.factor !== undefined && window.factor >= 6;
}
/**
 * Steps that tile the period exactly, at most MAX_TREND_POINTS of them, each a whole number of
 * minutes where the period allows (30 d: 200 × 216 min; 28 d: 192 × 210 min).
 */
function trendSteps(period) {
    const unit = period % 60 === 0 ? 60 : 1;
    const units = period / unit;
    for (let count = Math.min(MAX_TREND_POINTS, units); count >= 1; count--)
        if (units % count === 0)
            return { count, seconds: (units / count) * unit };
    return { count: 1, seconds: period };
}
/** Event-weighted: errors so far ÷ (budget × all events of the period). */
function eventsTrend(plan, series, times, budget) {
    const part = (name) => series.filter((s) => s.labels[PART_LABEL] === name);
    const errors = part('errors');
    const total = part('total');
    const window = `the ${describeSteps(times)}`;
    if (errors.length > 1 || total.length > 1)
        return tooMany(Math.max(errors.length, total.length), errors.length > 1 ? plan.errorsQuery : plan.totalQuery);
    if (total.length === 0)
        return { problem: { status: 'no-data', reason: `the total query returns no series over ${window} (${HINT}): ${plan.totalQuery}` } };
    if (errors.length === 0 && !plan.missingErrorsAreZero)
        return { problem: { status: 'no-data', reason: `the good-events query returns no series over ${window} (${HINT}): ${plan.errorsQuery}` } };
    // Event counts are never NaN or infinite; when one is, the query divides somewhere, and no figure built on it means anything.
    for (const [what, s, query] of [
        ['total', total[0], plan.totalQuery],
        ['good-events', errors[0], plan.errorsQuery],
    ]) {
        const odd = notFinite(s);
        if (odd)
            return { problem: { status: 'failed', reason: `the ${what} query returns ${odd} where a count of events is needed: ${query}` } };
    }
    const byTime = (s) => new Map((s?.points ?? []).map(([t, v]) => [Math.round(t), v]));
    const bad = byTime(errors[0]);
    const all = byTime(total[0]);
    const events = [...all.values()].reduce((sum, v) => sum + v, 0);
    if (!(events > 0))
        return { problem: { status: 'no-data', reason: `no events over ${window}: the total query counts 0 (${plan.totalQuery})` } };
    let spent = 0;
    const points = times.map((t) => {
        spent += bad.get(Math.round(t)) ?? 0;
        return { time: t, remaining: 1 - spent / (budget * events) };
    });
    return { errorRatio: spent / events, points, ...(errors.length === 0 ? { emptyErrorQuery: plan.errorsQuery } : {}) };
}
/** Time-weighted: each step's error ratio counts for its share of the period (as Sloth's own period figure does). */
function ratioTrend(plan, series, times, budget) {
    if (series.length > 1)
        return tooMany(series.length, plan.ratioQuery);
    const steps = series[0]?.points ?? [];
    const infinite = steps.filter(([, v]) => v === Infinity || v === -Infinity).length;
    if (infinite)
        return { problem: { status: 'failed', reason: `the error-ratio query returns ±Inf at ${infinite} of ${steps.length} step(s): ${INFINITE}: ${plan.ratioQuery}` } };
    // A NaN step is 0/0: no requests in it. It does not count, as a step without a value does not.
    const values = new Map(steps.filter(([, v]) => !Number.isNaN(v)).map(([t, v]) => [Math.round(t), v]));
    if (values.size === 0 && steps.length > 0) {
        return { problem: { status: 'no-data', reason: `the error-ratio query returns NaN (0/0: no requests counted) at every step over the ${describeSteps(times)}: ${plan.ratioQuery}` } };
    }
    if (values.size === 0)
        return { problem: { status: 'no-data', reason: `the error-ratio query returns no series over the ${describeSteps(times)} (${HINT}): ${plan.ratioQuery}` } };
    // Steps without a value (no traffic) do not count: the ratio is averaged over the steps that have one.
    const share = 1 / values.size;
    let spent = 0;
    const points = times.map((t) => {
        spent += (values.get(Math.round(t)) ?? 0) * share;
        return { time: t, remaining: 1 - spent / budget };
    });
    return { errorRatio: spent, points };
}
/** "NaN at 3 of 200 steps" (and ±Inf), or undefined when every value is a number. */
function notFinite(series) {
    const points = series?.points ?? [];
    const count = (test) => points.filter(([, v]) => test(v)).length;
    const parts = [
        [count(Number.isNaN), 'NaN'],
        [count((v) => v === Infinity), '+Inf'],
        [count((v) => v === -Infinity), '-Inf'],
    ];
    const found = parts.filter(([n]) => n > 0).map(([n, name]) => `${name} at ${n} of ${points.length} step(s)`);
    return found.length ? found.join(' and ') : undefined;
}
function tooMany(count, query) {
    return { problem: { status: 'failed', reason: `the SLI returns ${count} series where one is needed (aggregate it, e.g. with sum()): ${query}` } };
}
function describeSteps(times) {
    const span = times.length > 1 ? (times[1] - times[0]) * times.length : 0;
    return `${(0,units/* formatDurationInOneUnit */.hI)(span)} period`;
}
/** The error ratio over a burn-rate window. A missing error series there only means no errors yet. */
function windowRatio(plan, window) {
    if (plan.kind === 'ratio')
        return plan.ratio(window);
    const errors = `(${plan.errors(window)})`;
    const tolerant = plan.missingErrorsAreZero ? `(${errors} or (${plan.total(window)}) * 0)` : errors;
    return `(${tolerant}) / (${plan.total(window)})`;
}
function tag(query, label, value) {
    return `label_replace(${query}, "${label}", "${value}", "", "")`;
}
function failed(result, error) {
    if (error instanceof live_client/* PrometheusError */.HH && error.kind === 'query') {
        result.status = 'failed';
        result.reason = error.message;
        return result;
    }
    throw error;
}

// EXTERNAL MODULE: ./src/live/series.ts
var series = __webpack_require__(401);
// EXTERNAL MODULE: ./src/live/selectors.ts
var live_selectors = __webpack_require__(852);
// EXTERNAL MODULE: ./src/live/backtest.ts
var live_backtest = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/live/measure-rules.ts
// What live mode measures about the repository's rules and SLI queries, for the live rule checks
// (src/checks/live/): whether each selector selects series, each metric's declared type, each
// selector's scrape interval, and how each SLO's alerts would have behaved over its window.
// Requests go through the run's one client, so the time budget, timeouts, retries and the
// concurrency limit bound them like the SLO measurements. A capability the backend cannot
// serve (unreachable, too slow, no metadata endpoint) is recorded once with its reason.





const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase']);
async function measureRules(model, links, client, time, concurrency, budgetSeconds) {
    const recorded = (0,live_selectors/* recordedNames */.ne)(model);
    const uses = (0,live_selectors/* selectorUses */.g1)(model, links);
    const measured = { time, uses, series: new Map(), recorded, types: new Map(), intervals: new Map(), backtests: [], unavailable: new Map() };
    const asked = uses.filter((use) => use.fact.metric === undefined || !recorded.has(use.fact.metric));
    const unavailable = (capability, error) => {
        if (!(error instanceof live_client/* PrometheusError */.HH))
            throw error;
        const why = error.kind === 'budget' ? `the live time budget of ${budgetSeconds}s ran out` : error.message;
        if (!measured.unavailable.has(capability))
            measured.unavailable.set(capability, why);
    };
    if (asked.length === 0)
        return measured;
    // A backend that could not be used for the SLOs is not asked again: each capability says why once.
    // Types and intervals matter for the rules' own queries; SLI queries are planned by live mode itself.
    const ofRules = asked.filter((use) => use.owner.rule !== undefined);
    if (client.unreachable) {
        unavailable('series', client.unreachable);
        if (ofRules.length)
            for (const capability of ['metadata', 'scrape-interval'])
                unavailable(capability, client.unreachable);
        return measured;
    }
    // 1. series
    const selectors = unique(asked.map((use) => use.selector)).map((selector) => asked.find((use) => use.selector === selector));
    await pool(selectors, concurrency, async (use) => {
        if (measured.unavailable.has('series'))
            return;
        try {
            measured.series.set(use.selector, await (0,series/* measureSelector */.qt)(client, use, time));
        }
        catch (error) {
            unavailable('series', error);
        }
    });
    // A backend that went away during the series phase is not asked again: the rest says why once each.
    if (client.unreachable) {
        for (const capability of ['metadata', 'scrape-interval'])
            if (ofRules.length)
                unavailable(capability, client.unreachable);
        return measured;
    }
    // 2. metadata, for metrics that have series (the others have their series-missing finding)
    const metrics = unique(ofRules.filter((use) => use.fact.metric !== undefined && measured.series.get(use.selector)?.status !== 'no-metric').map((use) => use.fact.metric));
    await pool(metrics, concurrency, async (metric) => {
        if (measured.unavailable.has('metadata'))
            return;
        try {
            const type = await metricType(client, metric);
            if (type)
                measured.types.set(metric, type);
        }
        catch (error) {
            unavailable('metadata', error);
        }
    });
    // 3. scrape intervals of the selectors rates read and alerts with `for` wait on
    const timed = ofRules.filter((use) => measured.series.get(use.selector)?.status === 'present' && (use.fact.functions.some((fn) => COUNTER_FUNCTIONS.has(fn)) || (use.owner.rule?.for && use.owner.kind === 'alert')));
    const timedSelectors = unique(timed.map((use) => use.selector));
    if (timedSelectors.length) {
        let targets = [];
        try {
            targets = await client.targets();
        }
        catch (error) {
            // Without targets, sample spacing still tells the interval.
            if (!(error instanceof live_client/* PrometheusError */.HH) || error.kind !== 'missing')
                unavailable('scrape-interval', error);
        }
        await pool(timedSelectors, concurrency, async (selector) => {
            if (measured.unavailable.has('scrape-interval'))
                return;
            try {
                const interval = await scrapeInterval(client, selector, targets, time);
                if (interval)
                    measured.intervals.set(selector, interval);
            }
            catch (error) {
                unavailable('scrape-interval', error);
            }
        });
    }
    return measured;
}
/**
 * Replays the linked alerts of each measurable SLO over its period (after the other rule
 * measurements: a backtest reads the most data). Results go into `measured.backtests`.
 */
async function measureBacktests(measured, work, links, client, options) {
    const todo = work.map((m) => ({ m, alerts: links?.bySlo.get(m.slo.key)?.alerts.filter((a) => a.rule.expr.analysis.errors.length === 0) ?? [] })).filter((t) => t.alerts.length > 0);
    if (!todo.length)
        return;
    const fail = (error) => {
        if (!(error instanceof live_client/* PrometheusError */.HH))
            throw error;
        if (!measured.unavailable.has('backtest'))
            measured.unavailable.set('backtest', error.kind === 'budget' ? `the live time budget of ${options.budgetSeconds}s ran out` : error.message);
    };
    if (client.unreachable)
        return fail(client.unreachable);
    const results = new Array(todo.length);
    await pool(todo.map((t, i) => ({ ...t, i })), options.concurrency, async ({ m, alerts, i }) => {
        if (measured.unavailable.has('backtest'))
            return;
        try {
            results[i] = await (0,live_backtest/* backtestSlo */.SP)({ slo: m.slo, plan: m.plan, alerts, recorded: measured.recorded, defaultEvaluationSeconds: options.evaluationSeconds }, client, options.time);
        }
        catch (error) {
            fail(error);
        }
    });
    measured.backtests = results.filter(Boolean);
}
/** The metric's declared type: its own metadata, or its family's for `_total`, `_bucket`, `_count`, `_sum`. */
async function metricType(client, metric) {
    const own = single(await client.metadata(metric));
    if (own)
        return { type: own };
    const suffix = /^(.+)_(total|bucket|count|sum)$/.exec(metric);
    if (!suffix)
        return undefined;
    // OpenMetrics names a counter's family without _total, and histograms and summaries by their base name.
    const family = single(await client.metadata(suffix[1]));
    return family ? { type: family, family: suffix[1] } : undefined;
}
/** One type when every exporter agrees; undefined when none is known or they disagree. */
function single(entries) {
    const types = unique(entries.map((e) => e.type));
    return types.length === 1 && types[0] !== 'unknown' && types[0] !== 'untyped' ? types[0] : undefined;
}
/**
 * The interval one series of the selector is sampled at: its scrape target's configured
 * interval when its `job` label names targets that agree on one, otherwise the median spacing
 * of that series' samples over the last hour (downloaded for that one series only).
 */
async function scrapeInterval(client, selector, targets, time) {
    const [busiest] = await client.query(`topk(1, count_over_time(${selector}[1h]))`, time);
    if (!busiest)
        return undefined;
    const job = busiest.labels.job;
    if (job !== undefined) {
        const configured = unique(targets.filter((t) => t.labels.job === job && t.scrapeInterval).map((t) => t.scrapeInterval));
        const seconds = configured.length === 1 ? (0,units/* parseDuration */.E9)(configured[0]) : undefined;
        if (seconds)
            return { seconds, source: 'targets', job };
    }
    const metric = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0];
    const labels = Object.entries(busiest.labels).map(([label, value]) => ({ label, op: '=', value }));
    const exact = metric ? (0,live_selectors/* selectorText */.nM)(metric, labels) : (0,live_selectors/* selectorText */.nM)(undefined, [{ label: '__name__', op: '=~', value: '.+' }, ...labels]);
    const [series] = await client.queryMatrix(`${exact}[1h]`, time);
    const points = series?.points ?? [];
    if (points.length < 2)
        return undefined;
    const gaps = points.slice(1).map(([t], i) => t - points[i][0]).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)];
    return { seconds: Math.round(median * 1000) / 1000, source: 'samples', ...(job !== undefined ? { job } : {}) };
}
function unique(items) {
    return [...new Set(items)];
}
/** Runs `task` over `items` with at most `limit` at once. */
async function pool(items, limit, task) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

;// CONCATENATED MODULE: ./src/live/rule-summary.ts
// The live rule measurements, per SLO, as the report shows them: how many of the selectors its SLI
// and its alerts read select series, which do not, how its alerts would have fired over its
// period, and what could not be measured.

const CAPABILITY_NAMES = {
    series: 'series of the selectors',
    metadata: 'metric types (metadata)',
    'scrape-interval': 'scrape intervals',
    backtest: 'alert replay',
};
function sloRuleSummary(linked, measured, slo) {
    const rules = sloRules(linked, measured, slo);
    const uses = measured.uses.filter((use) => use.owner.slo?.key === slo.key || (use.owner.rule !== undefined && rules.has(use.owner.rule)));
    const seen = new Set();
    const summary = { selectorsChecked: 0, selectorsFound: 0, missing: [], unmeasured: [] };
    for (const use of uses) {
        const verdict = measured.series.get(use.selector);
        if (!verdict || seen.has(use.selector))
            continue;
        seen.add(use.selector);
        if (verdict.status === 'failed')
            continue;
        summary.selectorsChecked++;
        if (verdict.status === 'present')
            summary.selectorsFound++;
        else
            summary.missing.push({ selector: use.selector, file: use.file, line: use.position.line, column: use.position.column, problem: verdict.status });
    }
    for (const [capability, why] of measured.unavailable)
        summary.unmeasured.push(`${CAPABILITY_NAMES[capability]}: ${why}`);
    const backtest = measured.backtests.find((b) => b.sloKey === slo.key);
    if (backtest) {
        summary.backtest = {
            start: backtest.start,
            end: backtest.end,
            stepSeconds: backtest.stepSeconds,
            episodes: backtest.episodes,
            alerts: backtest.alerts.map((alert) => ({
                alert: alert.alert,
                file: alert.file,
                line: alert.line,
                page: alert.page,
                firings: alert.firings,
                summary: alert.error ? `could not be replayed: ${alert.error}` : (0,live_backtest/* backtestLine */.Qb)(backtest, alert),
                ...(alert.error ? { error: alert.error } : {}),
            })),
            ...(backtest.error ? { error: backtest.error } : {}),
        };
        if (backtest.error)
            summary.unmeasured.push(`alert replay: the burn episodes could not be read: ${backtest.error}`);
    }
    else if (!measured.unavailable.has('backtest') && !(linked.links.bySlo.get(slo.key)?.alerts.length)) {
        summary.unmeasured.push('alert replay: no alerting rule is linked to this SLO');
    }
    return summary;
}
/** The SLO's linked alerts and the repository recording rules they read, transitively. */
function sloRules(linked, measured, slo) {
    const out = new Set();
    const visit = (rule, depth) => {
        if (out.has(rule) || depth > 8)
            return;
        out.add(rule);
        for (const s of rule.expr.analysis.facts.selectors)
            for (const recorded of (s.metric && measured.recorded.get(s.metric)) || [])
                visit(recorded, depth + 1);
    };
    for (const alert of linked.links.bySlo.get(slo.key)?.alerts ?? [])
        visit(alert.rule, 0);
    return out;
}

;// CONCATENATED MODULE: ./src/live/run-live.ts
// Live mode, start to end: plan each SLO's queries, measure the measurable ones against the
// backend with bounded concurrency inside a total time budget, then run the live/* checks
// (src/checks/live/) over what was measured. Their findings join the report and the gate next
// to the engine's (src/run.ts); `live-fail-on` decides how much they weigh.








const LIVE_DEFAULTS = { timeoutSeconds: 30, budgetSeconds: 120, failOn: 'exhausted', concurrency: 4, maxResponseMb: 8 };
async function runLive(linked, settings, config = (0,config_config/* mergeConfig */.R2)()) {
    const { model } = linked;
    const started = Date.now();
    const time = Math.floor(settings.time ?? started / 1000);
    const client = new live_client/* PrometheusClient */.Sx({
        url: settings.url,
        headers: settings.headers,
        timeoutMs: settings.timeoutSeconds * 1000,
        deadline: started + settings.budgetSeconds * 1000,
        retries: settings.retries,
        backoffMs: settings.backoffMs,
        log: settings.log,
        maxResponseBytes: settings.maxResponseBytes,
    });
    const results = new Array(model.slos.length);
    const work = [];
    model.slos.forEach((slo, index) => {
        const reason = notMeasurable(slo);
        const plan = reason ? undefined : planSli(slo);
        if (reason || !plan || plan.kind === 'unmeasurable') {
            results[index] = { ...identity(slo), status: 'not-measurable', reason: reason ?? plan.reason, target: slo.target, periodSeconds: slo.periodSeconds, windows: [], notes: [] };
        }
        else
            work.push({ index, measurable: { slo: slo, plan } });
    });
    await run_live_pool(work, settings.concurrency ?? LIVE_DEFAULTS.concurrency, async ({ index, measurable }) => {
        try {
            results[index] = await evaluateSlo(measurable, client, time);
        }
        catch (error) {
            if (!(error instanceof live_client/* PrometheusError */.HH)) {
                // A fault of ours must not cost the static report: it becomes this SLO's failure.
                results[index] = { ...identity(measurable.slo), status: 'failed', reason: `internal error in live mode: ${(0,findings_sink/* firstLineOf */.Qy)(error)} (please report this)`, windows: [], notes: [] };
                return;
            }
            const reason = error.kind === 'budget' ? `not evaluated: the live time budget of ${settings.budgetSeconds}s ran out` : `not evaluated: ${error.message}`;
            results[index] = { ...identity(measurable.slo), status: 'not-evaluated', reason, target: measurable.slo.target, periodSeconds: measurable.slo.periodSeconds, windows: [], notes: [] };
        }
    });
    // The rules' selectors, types and intervals: after the SLOs, which the gate weighs most.
    const concurrency = settings.concurrency ?? LIVE_DEFAULTS.concurrency;
    const rules = await measureRules(model, linked.links, client, time, concurrency, settings.budgetSeconds);
    // Last: replaying the alerts reads the most data.
    await measureBacktests(rules, work.map((w) => w.measurable), linked.links, client, {
        time,
        concurrency,
        budgetSeconds: settings.budgetSeconds,
        evaluationSeconds: config.evaluationIntervalSeconds,
    });
    model.slos.forEach((slo, index) => {
        const summary = sloRuleSummary(linked, rules, slo);
        if (results[index].status !== 'not-measurable' || summary.selectorsChecked > 0)
            results[index].rules = summary;
    });
    const summary = {
        url: client.displayUrl,
        evaluatedAt: new Date(time * 1000).toISOString(),
        failOn: settings.failOn,
        durationMs: Date.now() - started,
        requests: client.stats.requests,
        retries: client.stats.retries,
        unreachable: client.unreachable?.message,
        slos: results,
        ...(rules ? { rules } : {}),
    };
    return { summary, findings: liveFindings({ linked, summary, settings }, config), checks: src_checks/* LIVE_CHECKS */.ty };
}
/** The live checks over what was measured, through a findings sink like every other check. */
function liveFindings(input, config) {
    const checks = (0,findings_sink/* enabledChecks */.rM)(src_checks/* LIVE_CHECKS */.ty, config);
    const sink = new findings_sink/* FindingsSink */.OC(config, checks);
    for (const check of checks)
        sink.runCheck(check, input);
    return sink.finish();
}
function notMeasurable(slo) {
    if (slo.target === undefined)
        return 'the SLO has no readable target';
    if (!(slo.target > 0 && slo.target < 1))
        return 'the target leaves no error budget';
    if (slo.periodSeconds === undefined || slo.periodSeconds <= 0)
        return 'the SLO has no readable period';
    if (slo.budgetingMethod === 'timeslices' || slo.budgetingMethod === 'ratio-timeslices')
        return `${slo.budgetingMethod} budgeting is not measured live (only occurrences)`;
    return undefined;
}
/** Runs `task` over `items` with at most `limit` at once. A task must not throw for expected failures. */
async function run_live_pool(items, limit, task) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}


/***/ }),

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   iQ: () => (/* binding */ markdownLink),
/* harmony export */   yB: () => (/* binding */ escapeInlineHtml),
/* harmony export */   zW: () => (/* binding */ fencedBlock)
/* harmony export */ });
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1518);
// Text from the files under check (rule names, annotations, messages) is untrusted: once escaped
// it cannot mention people, reference issues, inject HTML, open code spans or links, or break a
// table. Escaping stays minimal so report.md reads (and greps) as written: a character is escaped
// only where GitHub's renderer would give it a meaning, with a backslash where CommonMark allows
// one, and entities only for `<`, `>` and `&` (HTML).

/** Zero-width space: breaks `@login` and `#123` so GitHub neither mentions nor cross-references. */
const BREAK = '\u200b';
/**
 * Inline Markdown text: one line, control characters written out (the CLI prints Markdown to
 * terminals too). `_` is escaped only where it could open or close emphasis: inside a word
 * (`http_requests_total`) it means nothing to GFM and stays as written.
 */
function escapeMarkdown(text) {
    return (0,_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .terminalLine */ .tL)(text.replace(/\r?\n|\r/g, ' '))
        .replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
        .replace(/[\\`*[\]~|$]/g, '\\$&')
        .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'))
        .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${BREAK}`)
        .replace(/#(?=\d)/g, `#${BREAK}`)
        .replace(/^([#+\-]|\d+[.)])(?=\s|$)/, '\\$1');
}
/**
 * Text inside raw HTML in Markdown (`<summary>`): GitHub does not read Markdown there, so
 * backslashes would show; HTML-escaped, with mentions and issue references broken.
 */
function escapeInlineHtml(text) {
    return escapeHtml((0,_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .terminalLine */ .tL)(text.replace(/\r?\n|\r/g, ' ')))
        .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${BREAK}`)
        .replace(/#(?=\d)/g, `#${BREAK}`);
}
/**
 * A code span showing `text` exactly as written: its delimiter is one backtick longer than any run
 * inside it. Mentions, HTML and emphasis mean nothing in code. In a table cell `|` still ends the
 * cell, so `inTable` writes it as `\|` (GFM reads that as `|` inside a code span too).
 */
function codeSpan(text, inTable = true) {
    const line = (0,_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .terminalLine */ .tL)(text.replace(/\r?\n|\r/g, ' '));
    const content = inTable ? line.replace(/\|/g, '\\|') : line;
    const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // A span that starts or ends with a backtick needs a space between it and the fence (stripped when rendered).
    const padded = /^`|`$/.test(content) || /^ .* $/.test(content) ? ` ${content} ` : content;
    return content === '' ? '` `' : `${fence}${padded}${fence}`;
}
/** A code block that the content cannot close: the fence is longer than any run of backticks inside. */
function fencedBlock(content, language = '') {
    const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const lines = content.replace(/\n$/, '').split(/\r?\n/).map(_terminal_js__WEBPACK_IMPORTED_MODULE_0__/* .terminalLine */ .tL);
    return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}
/** A link whose URL cannot end the link early or carry a script: http(s) only, `()<> ` percent-encoded. */
function markdownLink(text, url) {
    if (!/^https?:\/\//i.test(url))
        return text;
    return `[${text}](${url.replace(/[()<> "\\|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}


/***/ }),

/***/ 2969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ budgetText),
/* harmony export */   C5: () => (/* binding */ location),
/* harmony export */   Kn: () => (/* binding */ windowText),
/* harmony export */   Oe: () => (/* binding */ skippedText),
/* harmony export */   Wz: () => (/* binding */ skippedEntryText),
/* harmony export */   Z3: () => (/* binding */ targetText),
/* harmony export */   lY: () => (/* binding */ indicatorText),
/* harmony export */   n8: () => (/* binding */ cacheLine),
/* harmony export */   rW: () => (/* binding */ linkTexts)
/* harmony export */ });
/* harmony import */ var _model_units_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8766);
// How numbers read in every report format, so text, Markdown and HTML agree.

function targetText(slo) {
    return slo.target === undefined ? '—' : (0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(slo.target);
}
function budgetText(slo) {
    if (slo.errorBudget === undefined)
        return '—';
    const minutes = slo.budgetMinutes !== undefined ? ` (${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .roundTo */ .GB)(slo.budgetMinutes, 2)} min / ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(slo.periodSeconds)})` : '';
    return `${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPercent */ .l9)(slo.errorBudget)}${minutes}`;
}
function indicatorText(slo) {
    const { type, thresholdSeconds, percentile } = slo.indicator;
    if (type === 'latency' && thresholdSeconds !== undefined)
        return `latency p${percentile ?? '?'} ≤ ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLatency */ .YL)(thresholdSeconds)}`;
    return type;
}
function windowText(window) {
    const name = window.shortSeconds ? `${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(window.longSeconds)}/${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(window.shortSeconds)}` : (0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(window.longSeconds);
    if (window.factor === undefined)
        return `${name}: no factor`;
    const parts = [`${name} @ ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .roundTo */ .GB)(window.factor, 3)}×`];
    if (window.budgetConsumed !== undefined)
        parts.push(`${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .roundTo */ .GB)(window.budgetConsumed * 100, 2)} % budget`);
    if (window.timeToExhaustionSeconds !== undefined)
        parts.push(`exhausts in ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .describeSpan */ .uM)(window.timeToExhaustionSeconds)}`);
    if (window.timeToDetectSeconds !== undefined)
        parts.push(`detects outage in ${(0,_model_units_js__WEBPACK_IMPORTED_MODULE_0__/* .describeSpan */ .uM)(window.timeToDetectSeconds)}`);
    if (window.reachable === false)
        parts.push('UNREACHABLE');
    return parts.join(', ');
}
function location(finding) {
    return `${finding.file || '(not about one file)'}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`;
}
/** What implements an SLO, one entry per alert or panel: `alert FastBurn (label: slo=api)`. */
function linkTexts(slo) {
    if (!slo.links)
        return [];
    return [
        ...slo.links.alerts.map((a) => `alert ${a.name} (${a.method}: ${a.reason})`),
        ...slo.links.panels.map((p) => `panel ${p.name} (${p.method}: ${p.reason})`),
    ];
}
function cacheLine(cache) {
    return `${cache.fromCache} of ${cache.files} file(s) came from the cache (unchanged since a run that checked them)`;
}
/** `3 file(s) not checked (2 not-monitoring, 1 template); 1 checked in part`, or '' when none was skipped. */
function skippedText(report) {
    const whole = report.skipped.filter((entry) => !entry.documents);
    const partly = report.skipped.length - whole.length;
    const byReason = new Map();
    for (const entry of whole)
        byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
    const parts = [];
    if (whole.length)
        parts.push(`${whole.length} file(s) not checked (${[...byReason].map(([reason, n]) => `${n} ${reason}`).join(', ')})`);
    if (partly)
        parts.push(`${partly} checked in part`);
    return parts.join('; ');
}
/** One skipped entry: `path — reason: detail`, naming the documents left out of a file checked in part. */
function skippedEntryText(entry) {
    const documents = entry.documents ? ` (document(s) ${entry.documents.join(', ')} not checked; the rest was)` : '';
    return `${entry.reason}${entry.detail ? `: ${entry.detail}` : ''}${documents}`;
}


/***/ }),

/***/ 4297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Af: () => (/* binding */ liveRuleLines),
  W5: () => (/* binding */ liveTextLine),
  gC: () => (/* binding */ renderLiveHtml),
  ex: () => (/* binding */ renderLiveMarkdown)
});

// UNUSED EXPORTS: backtestTimeline, budgetChart, budgetLeftText, burnNowText, liveStatus

// EXTERNAL MODULE: ./src/model/units.ts
var units = __webpack_require__(8766);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/mermaid.ts
// Mermaid `xychart-beta` blocks: GitHub draws them in PR comments and job summaries, so a chart
// needs no image hosting. Titles are reduced to plain characters: a chart block is not escaped
// like Markdown text, and a quote or `%%` in an SLO name must not change the chart's meaning.

/** Most points drawn: more add bytes to a comment without adding anything a reader can see. */
const MAX_CHART_POINTS = 60;
function mermaidLineChart(chart) {
    const values = downsample(chart.values, MAX_CHART_POINTS).map((v) => String(Number(v.toFixed(1))));
    const lines = [
        'xychart-beta',
        `  title "${plain(chart.title)}"`,
        `  x-axis "${plain(chart.xLabel)}" ${number(chart.xMin)} --> ${number(chart.xMax)}`,
        `  y-axis "${plain(chart.yLabel)}" ${number(chart.yMin)} --> ${number(chart.yMax)}`,
        `  line [${values.join(', ')}]`,
    ];
    return (0,render_escape/* fencedBlock */.zW)(lines.join('\n'), 'mermaid');
}
/** Every k-th value, always keeping the last one (it is "now"). */
function downsample(values, max) {
    if (values.length <= max)
        return values;
    const stride = (values.length - 1) / (max - 1);
    return Array.from({ length: max }, (_, i) => values[Math.round(i * stride)]);
}
function plain(text) {
    // `%%` starts a Mermaid comment or directive; a single % is plain text.
    return text.replace(/[^\p{L}\p{N} _.,/()+%-]/gu, ' ').replace(/%{2,}/g, '%').replace(/\s+/g, ' ').trim().slice(0, 80);
}
function number(value) {
    return String(Number(value.toFixed(2)));
}
/** Most intervals drawn per row; the rest are counted in the row's label. */
const MAX_TIMELINE_INTERVALS = 12;
const GANTT_TAG = { burn: 'crit', page: 'active', alert: 'done' };
/** A Mermaid gantt chart of the timeline (UTC minutes); a row without intervals is left out. */
function mermaidTimeline(timeline) {
    const stamp = (t) => new Date(Math.round(t / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    const lines = ['gantt', `  title ${plain(timeline.title)}`, '  dateFormat YYYY-MM-DD HH:mm', '  axisFormat %d %b'];
    for (const row of timeline.rows) {
        if (!row.intervals.length)
            continue;
        const shown = row.intervals.slice(0, MAX_TIMELINE_INTERVALS);
        const more = row.intervals.length - shown.length;
        lines.push(`  section ${plain(row.label)}${more > 0 ? ` (${more} more)` : ''}`);
        shown.forEach((interval, i) => {
            // A one-minute firing still gets a visible bar: at least a minute long.
            const end = Math.max(interval.end, interval.start + 60);
            lines.push(`  ${row.kind === 'burn' ? 'burn' : 'firing'} ${i + 1} :${GANTT_TAG[row.kind]}, ${stamp(interval.start)}, ${stamp(end)}`);
        });
    }
    return (0,render_escape/* fencedBlock */.zW)(lines.join('\n'), 'mermaid');
}

;// CONCATENATED MODULE: ./src/render/svg-chart.ts
// An inline SVG line chart for report.html: no script, no external file, so the report still
// opens offline. Text is escaped; numbers are rounded so the markup stays small.


function svgLineChart(chart, options = {}) {
    const width = options.width ?? 640;
    const height = options.height ?? 200;
    const margin = { left: 48, right: 12, top: 24, bottom: 32 };
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const values = downsample(chart.values, options.maxPoints ?? 200);
    const span = chart.yMax - chart.yMin || 1;
    const x = (i) => margin.left + (values.length > 1 ? (i / (values.length - 1)) * plotWidth : plotWidth);
    const y = (v) => margin.top + (1 - (Math.min(chart.yMax, Math.max(chart.yMin, v)) - chart.yMin) / span) * plotHeight;
    const r = (n) => Number(n.toFixed(1));
    const points = values.map((v, i) => `${r(x(i))},${r(y(v))}`).join(' ');
    const yTicks = [...new Set([chart.yMin, ...(chart.yMin < 0 && chart.yMax > 0 ? [0] : []), chart.yMax])];
    const xTicks = [chart.xMin, (chart.xMin + chart.xMax) / 2, chart.xMax];
    const label = (n) => String(Number(n.toFixed(1)));
    const grid = yTicks
        .map((t) => `<line x1="${margin.left}" x2="${width - margin.right}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="currentColor" stroke-opacity="${t === 0 ? 0.6 : 0.2}"${t === 0 ? ' stroke-dasharray="4 3"' : ''}/><text x="${margin.left - 6}" y="${r(y(t)) + 4}" text-anchor="end">${label(t)}</text>`)
        .join('');
    const xLabels = xTicks
        .map((t, i) => `<text x="${r(margin.left + (i / 2) * plotWidth)}" y="${height - margin.bottom + 14}" text-anchor="${['start', 'middle', 'end'][i]}">${label(t)}</text>`)
        .join('');
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${(0,render_escape/* escapeHtml */.ZD)(chart.title)}" style="max-width:100%;height:auto;font:11px sans-serif;fill:currentColor">`,
        `<title>${(0,render_escape/* escapeHtml */.ZD)(chart.title)}</title>`,
        `<text x="${margin.left}" y="14" font-weight="600">${(0,render_escape/* escapeHtml */.ZD)(chart.title)}</text>`,
        grid,
        xLabels,
        `<text x="${r(margin.left + plotWidth / 2)}" y="${height - 4}" text-anchor="middle" fill-opacity="0.7">${(0,render_escape/* escapeHtml */.ZD)(chart.xLabel)}</text>`,
        `<polyline points="${points}" fill="none" stroke="${(0,render_escape/* escapeHtml */.ZD)(options.stroke ?? 'currentColor')}" stroke-width="2" stroke-linejoin="round"/>`,
        '</svg>',
    ].join('');
}
const TIMELINE_FILL = { burn: 'var(--error)', page: 'var(--warning)', alert: 'var(--muted)' };
/** The timeline as an inline SVG: one row per label, a bar per interval (at least 2 px wide). */
function svgTimeline(timeline, options = {}) {
    const width = options.width ?? 640;
    const rowHeight = 20;
    const margin = { left: 170, right: 12, top: 24, bottom: 24 };
    const plotWidth = width - margin.left - margin.right;
    const height = margin.top + margin.bottom + rowHeight * timeline.rows.length;
    const span = timeline.end - timeline.start || 1;
    const x = (t) => margin.left + ((Math.min(timeline.end, Math.max(timeline.start, t)) - timeline.start) / span) * plotWidth;
    const r = (n) => Number(n.toFixed(1));
    const rows = timeline.rows.map((row, i) => {
        const y = margin.top + i * rowHeight;
        const label = row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label;
        const bars = row.intervals
            .map((interval) => `<rect x="${r(x(interval.start))}" y="${y + 4}" width="${r(Math.max(2, x(interval.end) - x(interval.start)))}" height="${rowHeight - 8}" fill="${TIMELINE_FILL[row.kind]}"><title>${(0,render_escape/* escapeHtml */.ZD)(`${row.label}: ${new Date(interval.start * 1000).toISOString()} – ${new Date(interval.end * 1000).toISOString()}`)}</title></rect>`)
            .join('');
        return `<text x="${margin.left - 6}" y="${y + 14}" text-anchor="end">${(0,render_escape/* escapeHtml */.ZD)(label)}</text><line x1="${margin.left}" x2="${width - margin.right}" y1="${y + rowHeight / 2}" y2="${y + rowHeight / 2}" stroke="currentColor" stroke-opacity="0.15"/>${bars}`;
    });
    const day = (t) => new Date(t * 1000).toISOString().slice(0, 10);
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${(0,render_escape/* escapeHtml */.ZD)(timeline.title)}" style="max-width:100%;height:auto;font:11px sans-serif;fill:currentColor">`,
        `<title>${(0,render_escape/* escapeHtml */.ZD)(timeline.title)}</title>`,
        `<text x="${margin.left}" y="14" font-weight="600">${(0,render_escape/* escapeHtml */.ZD)(timeline.title)}</text>`,
        ...rows,
        `<text x="${margin.left}" y="${height - 6}">${day(timeline.start)}</text><text x="${width - margin.right}" y="${height - 6}" text-anchor="end">${day(timeline.end)} (now)</text>`,
        '</svg>',
    ].join('');
}

;// CONCATENATED MODULE: ./src/render/live.ts
// The live error budget in every report format: a table of what each SLO has left and how fast it
// burns now, with a coloured status, and a burn-down chart per SLO (Mermaid in Markdown, inline
// SVG in HTML). Renderers call renderLiveMarkdown / renderLiveHtml; both are empty without live mode.




/** Budget left under this share reads as "low" (yellow): a quarter of the period's allowance. */
const LOW_BUDGET = 0.25;
const ICONS = { pass: '🟢', low: '🟡', warning: '🟠', error: '🔴', muted: '⚪' };
function liveStatus(live) {
    const pick = (tone, text) => ({ tone, icon: ICONS[tone], text });
    switch (live.status) {
        case 'exhausted':
            return pick('error', 'budget exhausted');
        case 'burning':
            return live.windows.some((w) => w.firing && w.page) ? pick('error', 'burning (page)') : pick('warning', 'burning');
        case 'ok':
            return (live.budgetRemaining ?? 1) < LOW_BUDGET ? pick('low', 'low budget') : pick('pass', 'ok');
        case 'no-data':
            return pick('warning', 'no data');
        case 'failed':
            return pick('error', 'query failed');
        case 'not-measurable':
            return pick('muted', 'not measurable');
        case 'not-evaluated':
            return pick('muted', 'not evaluated');
    }
}
function budgetLeftText(live) {
    if (live.budgetRemaining === undefined)
        return '—';
    // A real minus sign: a hyphen before a number reads as a dash in a table cell.
    const signed = (n) => (n < 0 ? `−${-n}` : String(n));
    const minutes = live.budgetRemainingMinutes !== undefined ? ` (${signed(Number(live.budgetRemainingMinutes.toFixed(1)))} min)` : '';
    return `${signed(Number((live.budgetRemaining * 100).toFixed(1)))} %${minutes}`;
}
function burnNowText(live) {
    const shown = live.windows.filter((w) => w.burnRate !== undefined);
    if (!shown.length)
        return '—';
    const rate = (n) => `${Number(n.toFixed(n < 10 ? 2 : 1))}×`;
    return shown
        .map((w) => {
        const name = w.shortSeconds ? `${(0,units/* formatDuration */.a3)(w.longSeconds)}/${(0,units/* formatDuration */.a3)(w.shortSeconds)}` : (0,units/* formatDuration */.a3)(w.longSeconds);
        const rates = w.shortBurnRate !== undefined ? `${rate(w.burnRate)}/${rate(w.shortBurnRate)}` : rate(w.burnRate);
        return `${name} ${rates}${w.factor !== undefined ? ` (alert ${rate(w.factor)})` : ''}${w.firing ? ' FIRING' : ''}`;
    })
        .join('; ');
}
/** One line for the terminal: status, budget left, burn rates now, or why nothing was measured. */
function liveTextLine(live) {
    const status = liveStatus(live).text;
    if (live.budgetRemaining === undefined)
        return `${status}${live.reason ? ` — ${live.reason}` : ''}`;
    return `${status}, ${budgetLeftText(live)} of the budget left; burn rate now ${burnNowText(live)}`;
}
/** The burn-down as a chart: percent of budget left, from the start of the period (day 0) to now. */
function budgetChart(slo) {
    const trend = slo.live?.trend;
    if (!trend || trend.points.length < 2)
        return undefined;
    const values = trend.points.map((p) => p.remaining * 100);
    const days = (trend.points.at(-1).time - trend.points[0].time) / 86_400;
    return {
        title: `${slo.name}: error budget left`,
        xLabel: `days into the ${Math.round(days)}-day window (right edge: now)`,
        xMin: 0,
        xMax: Number(days.toFixed(1)),
        yLabel: 'budget left (%)',
        yMin: Math.min(0, Math.floor(Math.min(...values) / 10) * 10),
        yMax: 100,
        values,
    };
}
const PROBLEMS = {
    'no-metric': 'no such metric',
    stale: 'stopped reporting',
    dropped: 'its matchers select none',
};
/** The live rule checks for one SLO, a line each: selectors found and missing, each alert's replay, what was not measured. Plain text. */
function liveRuleLines(live) {
    const rules = live.rules;
    if (!rules)
        return [];
    const lines = [];
    if (rules.selectorsChecked > 0) {
        const missing = rules.missing.map((m) => `${m.selector} (${m.file}:${m.line}, ${PROBLEMS[m.problem]})`);
        lines.push(`selectors: ${rules.selectorsFound} of ${rules.selectorsChecked} select series${missing.length ? `; missing: ${missing.join('; ')}` : ''}`);
    }
    for (const alert of rules.backtest?.alerts ?? [])
        lines.push(`alert ${alert.alert}: ${alert.summary}`);
    for (const why of rules.unmeasured)
        lines.push(`not measured — ${why}`);
    return lines;
}
/** Burn episodes and each replayed alert's firings over the SLO's period. */
function backtestTimeline(slo) {
    const backtest = slo.live?.rules?.backtest;
    // Nothing burned and nothing fired: there is nothing to draw.
    if (!backtest || backtest.error || !backtest.alerts.length || (!backtest.episodes.length && backtest.alerts.every((a) => !a.firings.length)))
        return undefined;
    return {
        title: `${slo.name}: burns and alert firings`,
        start: backtest.start,
        end: backtest.end,
        rows: [
            { label: 'budget burns', kind: 'burn', intervals: backtest.episodes },
            ...backtest.alerts.map((alert) => ({ label: alert.alert, kind: alert.page ? 'page' : 'alert', intervals: alert.firings.map((f) => ({ start: f.start, end: f.end + backtest.stepSeconds })) })),
        ],
    };
}
function rulesHeadline(live) {
    const rules = live.rules;
    const parts = [];
    if (rules.selectorsChecked > 0)
        parts.push(`${rules.selectorsFound} of ${rules.selectorsChecked} selectors select series`);
    if (rules.backtest?.alerts.length)
        parts.push(`${rules.backtest.alerts.length} alert(s) replayed`);
    if (rules.unmeasured.length)
        parts.push(`${rules.unmeasured.length} thing(s) not measured`);
    return parts.join('; ') || 'nothing to check';
}
function liveSlos(report) {
    return report.slos.filter((slo) => slo.live !== undefined);
}
function headline(report) {
    const live = report.live;
    const unreachable = live.unreachable ? ` · backend unreachable: ${live.unreachable}` : '';
    return `Measured on ${live.url} at ${live.evaluatedAt} in ${(live.durationMs / 1000).toFixed(1)} s (${live.requests} queries) · live-fail-on: ${live.failOn}${unreachable}`;
}
const PRIORITY = { error: 0, warning: 1, low: 2, pass: 3, muted: 4 };
/**
 * The live section of the Markdown report. Within `maxChars` (a PR comment's share), the SLOs
 * that need attention come first: rows and charts of exhausted and burning SLOs are kept, the
 * rest are left out with a note.
 */
function renderLiveMarkdown(report, options = {}) {
    if (!report.live)
        return '';
    const slos = liveSlos(report);
    // Room for the two notes that say what was left out.
    const room = (options.maxChars ?? Infinity) - 160;
    const byPriority = [...slos].sort((a, b) => PRIORITY[liveStatus(a.live).tone] - PRIORITY[liveStatus(b.live).tone]);
    const row = (slo) => {
        const status = liveStatus(slo.live);
        const note = slo.live.reason ?? slo.live.notes.join('; ');
        return `| ${(0,render_escape/* escapeMarkdown */.FV)(slo.name)} | ${status.icon} ${status.text} | ${(0,render_escape/* escapeMarkdown */.FV)(budgetLeftText(slo.live))} | ${(0,render_escape/* escapeMarkdown */.FV)(burnNowText(slo.live))} | ${note ? (0,render_escape/* escapeMarkdown */.FV)(note) : '—'} |`;
    };
    const head = ['### Live error budget', '', (0,render_escape/* escapeMarkdown */.FV)(headline(report)), '', '| SLO | Status | Budget left | Burn rate now | Note |', '| --- | --- | --- | --- | --- |'].join('\n');
    let used = head.length;
    const kept = new Set();
    for (const slo of byPriority) {
        const length = row(slo).length + 1;
        if (used + length > room)
            break;
        used += length;
        kept.add(slo.live.key);
    }
    const rows = slos.filter((slo) => kept.has(slo.live.key)).map(row);
    const parts = [[head, ...rows].join('\n')];
    if (rows.length < slos.length)
        parts.push(`_${slos.length - rows.length} more SLO(s) are in the full report._`);
    const charts = [];
    let left = 0;
    for (const slo of byPriority) {
        const chart = budgetChart(slo);
        if (!chart || !kept.has(slo.live.key))
            continue;
        const open = slo.live.status === 'ok' ? '' : ' open';
        const block = `<details${open}><summary>Budget burn-down: ${(0,render_escape/* escapeInlineHtml */.yB)(slo.name)} — ${(0,render_escape/* escapeInlineHtml */.yB)(budgetLeftText(slo.live))} left</summary>\n\n${mermaidLineChart(chart)}\n\n</details>`;
        if (used + block.length + 2 > room) {
            left++;
            continue;
        }
        used += block.length + 2;
        charts.push(block);
    }
    if (left)
        parts.push(`_${left} budget burn-down chart(s) left out to fit; they are in report.html._`);
    // The live rule checks per SLO: selectors, each alert's replay with its timeline, what was not measured.
    const ruleBlocks = [];
    let rulesLeft = 0;
    for (const slo of byPriority) {
        if (!slo.live.rules || !kept.has(slo.live.key))
            continue;
        const lines = liveRuleLines(slo.live);
        if (!lines.length)
            continue;
        const timeline = backtestTimeline(slo);
        const open = slo.live.rules.missing.length ? ' open' : '';
        const body = [lines.map((line) => `- ${(0,render_escape/* escapeMarkdown */.FV)(line)}`).join('\n'), ...(timeline ? [mermaidTimeline(timeline)] : [])].join('\n\n');
        const block = `<details${open}><summary>Live checks: ${(0,render_escape/* escapeInlineHtml */.yB)(slo.name)} — ${(0,render_escape/* escapeInlineHtml */.yB)(rulesHeadline(slo.live))}</summary>\n\n${body}\n\n</details>`;
        if (used + block.length + 2 > room) {
            rulesLeft++;
            continue;
        }
        used += block.length + 2;
        ruleBlocks.push(block);
    }
    if (rulesLeft)
        parts.push(`_The live checks of ${rulesLeft} SLO(s) are left out to fit; they are in report.html._`);
    return [...parts, ...charts, ...ruleBlocks].join('\n\n');
}
const TONE_COLOUR = { pass: 'var(--pass)', low: 'var(--warning)', warning: 'var(--warning)', error: 'var(--error)', muted: 'var(--muted)' };
/** The live section of report.html, with an inline SVG burn-down per SLO. */
function renderLiveHtml(report) {
    if (!report.live)
        return '';
    const slos = liveSlos(report);
    const rows = slos.map((slo) => {
        const status = liveStatus(slo.live);
        const note = slo.live.reason ?? slo.live.notes.join('; ');
        const chart = budgetChart(slo);
        const svg = chart ? `<tr><td colspan="5">${svgLineChart(chart, { stroke: TONE_COLOUR[status.tone] })}</td></tr>` : '';
        return (`<tr><td>${(0,render_escape/* escapeHtml */.ZD)(slo.name)}</td><td style="color:${TONE_COLOUR[status.tone]};font-weight:600;white-space:nowrap">${status.icon} ${(0,render_escape/* escapeHtml */.ZD)(status.text)}</td>` +
            `<td class="num">${(0,render_escape/* escapeHtml */.ZD)(budgetLeftText(slo.live))}</td><td>${(0,render_escape/* escapeHtml */.ZD)(burnNowText(slo.live))}</td><td>${note ? (0,render_escape/* escapeHtml */.ZD)(note) : '—'}</td></tr>${svg}`);
    });
    const ruleSections = slos
        .filter((slo) => liveRuleLines(slo.live).length > 0)
        .map((slo) => {
        const timeline = backtestTimeline(slo);
        const items = liveRuleLines(slo.live).map((line) => `<li>${(0,render_escape/* escapeHtml */.ZD)(line)}</li>`).join('');
        return `<h3>Live checks: ${(0,render_escape/* escapeHtml */.ZD)(slo.name)}</h3>\n<ul>${items}</ul>${timeline ? `\n${svgTimeline(timeline)}` : ''}`;
    });
    return `<h2>Live error budget</h2>
<p class="meta">${(0,render_escape/* escapeHtml */.ZD)(headline(report))}</p>
<table>
<thead><tr><th>SLO</th><th>Status</th><th>Budget left</th><th>Burn rate now</th><th>Note</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>${ruleSections.length ? `\n${ruleSections.join('\n')}` : ''}`;
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ headlines),
/* harmony export */   renderMarkdown: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* harmony import */ var _report_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8543);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7789);
/* harmony import */ var _figures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2969);
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4297);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1165);
// The Markdown report: used for report.md, the job summary and the PR comment (which add links
// and a size limit). It leads with the decision: the verdict and what fails it, then the new
// findings with their fixes and docs links, then policy changes (naming the approval label while
// it is missing); everything else — existing, suppressed, resolved, the SLO table, figures — is
// collapsed.





const ICON = { error: '🔴', warning: '🟠', notice: '🔵' };
/** Lists that must fit whatever the size limit: the full lists are in the JSON report. */
const MAX_LISTED = 50;
function renderMarkdown(report, options = {}) {
    const view = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_0__/* .reportView */ .yl)(report);
    const ordered = [...view.fresh, ...view.existing, ...view.suppressed];
    const compose = (layout) => composeReport(report, view, ordered, layout, options);
    const full = compose({ shown: ordered.length, sloRows: report.slos.length, figures: true });
    const size = options.measure ?? ((text) => text.length);
    if (!options.maxLength || size(full) <= options.maxLength)
        return full;
    const maxLength = options.maxLength;
    // Hundreds of SLOs may take at most half the room: the findings are what the reader must see.
    const sloPart = (layout) => [renderSloTable(report, layout.sloRows), layout.figures ? renderFigures(report) : ''].join('');
    const layout = { shown: ordered.length, sloRows: report.slos.length, figures: true };
    if (size(sloPart(layout)) > maxLength / 2)
        layout.figures = false;
    if (size(sloPart(layout)) > maxLength / 2)
        layout.sloRows = longestFit(report.slos.length, (rows) => size(sloPart({ ...layout, sloRows: rows })) <= maxLength / 2);
    // Findings are in the order the reader needs them (new, most severe first): keep the longest prefix that fits.
    layout.shown = longestFit(ordered.length, (shown) => size(compose({ ...layout, shown })) <= maxLength);
    const best = compose(layout);
    if (size(best) <= maxLength)
        return best;
    // Even the verdict and the SLO table do not fit: keep the verdict, which always does.
    const head = renderHead(report, view, options);
    return `${head}\n\n_The full report is too long to show here${options.fullReportUrl ? `: see ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)('the full report', options.fullReportUrl)}` : ''}._\n`.slice(0, maxLength);
}
function composeReport(report, view, ordered, layout, options) {
    const shown = new Set(ordered.slice(0, layout.shown));
    const hidden = ordered.length - layout.shown;
    const moreNote = `_${hidden} more finding(s), the least severe, are not shown here${options.fullReportUrl ? `: see ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)('the full report', options.fullReportUrl)}` : '; they are in the full report'}._`;
    // The note goes at the end of the first group the limit cut short.
    let noted = hidden === 0;
    const groupOf = (findings) => {
        const kept = findings.filter((finding) => shown.has(finding));
        const note = !noted && kept.length < findings.length ? ((noted = true), moreNote) : '';
        return { kept, note };
    };
    const fresh = groupOf(view.fresh);
    const existing = groupOf(view.existing);
    const suppressed = groupOf(view.suppressed);
    const parts = [
        renderHead(report, view, options),
        renderFresh(report, view, fresh.kept, fresh.note, options),
        renderPolicy(report, view),
        (0,_live_js__WEBPACK_IMPORTED_MODULE_3__/* .renderLiveMarkdown */ .ex)(report, { maxChars: options.maxLength && options.maxLength / 3 }),
        renderExisting(report, view.existing, existing.kept, existing.note, options),
        renderSuppressed(view.suppressed, suppressed.kept, suppressed.note),
        renderResolved(report),
        renderBaselineFixed(report),
        renderSloTable(report, layout.sloRows),
        layout.figures ? renderFigures(report) : '',
        renderSkipped(report),
        renderNotChecked(report),
    ];
    return `${parts.filter(Boolean).join('\n\n')}\n`;
}
/** Findings about the run itself, shown before everything else. */
function headlines(report) {
    return report.findings.filter((finding) => finding.headline);
}
/** The files not checked, collapsed: most repositories have many YAML files that are not monitoring. */
function renderSkipped(report) {
    if (report.skipped.length === 0)
        return '';
    const items = report.skipped.slice(0, MAX_LISTED).map((entry) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(entry.path, false)} — ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .skippedEntryText */ .Wz)(entry))}`);
    if (report.skipped.length > MAX_LISTED)
        items.push(`- …and ${report.skipped.length - MAX_LISTED} more, in the full report`);
    return `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInlineHtml */ .yB)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .skippedText */ .Oe)(report))}</summary>\n\n${items.join('\n')}\n\n</details>`;
}
/** Dashboard queries in languages slo-gate does not read, collapsed: said, so a pass is not read as covering them. */
function renderNotChecked(report) {
    const notChecked = report.notChecked ?? [];
    if (notChecked.length === 0)
        return '';
    const queries = notChecked.reduce((sum, item) => sum + item.queries, 0);
    const items = notChecked.slice(0, MAX_LISTED).map((item) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(`${item.file}:${item.line}`, false)} — ${item.queries} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(item.datasource)} quer${item.queries === 1 ? 'y' : 'ies'} in dashboard ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(item.dashboard)}`);
    if (notChecked.length > MAX_LISTED)
        items.push(`- …and ${notChecked.length - MAX_LISTED} more, in the full report`);
    return `<details><summary>${queries} dashboard quer${queries === 1 ? 'y' : 'ies'} not checked (not PromQL or LogQL)</summary>\n\n${items.join('\n')}\n\n</details>`;
}
function renderHead(report, view, options) {
    const verdict = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .verdictOf */ .Vj)(report, view);
    const context = [
        `**${options.title ?? 'slo-gate'}**`,
        `${report.files.length} file(s)`,
        `${report.slos.length} SLO(s)`,
        `fails on ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(report.failOn, false)}`,
        ...(report.diff?.baseSha ? [`compared with the base ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(report.diff.baseSha.slice(0, 12), false)}`] : []),
        ...(report.adoption?.baseline ? [`baseline ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(report.adoption.baseline.file, false)}`] : []),
        ...verdict.details.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV),
        ...(report.cache ? [(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheLine */ .n8)(report.cache))] : []),
        ...(report.skipped.length ? [(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .skippedText */ .Oe)(report))] : []),
    ];
    // Findings about the run itself (nothing was checked) come before anything else is said.
    const headlineLines = headlines(report).flatMap((finding) => [`${ICON[finding.severity]} **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(finding.message)}** (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(finding.check, false)})`, '']);
    const lines = [...(options.preamble ? [options.preamble] : []), `## ${verdict.passed ? '✅' : '❌'} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(verdict.headline)}`, '', ...headlineLines, context.join(' · ')];
    const diff = report.diff;
    if (diff && diff.baseSha === undefined) {
        lines.push('', `ℹ️ Not compared with the base ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(diff.baseRef, false)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(diff.unavailable ?? 'unknown reason')}. Every finding counts, as without a base.`);
    }
    if (verdict.awaitingApproval) {
        const { count, label } = verdict.awaitingApproval;
        lines.push('', `⏳ **${count} policy change(s) await approval**: the label ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(label, false)} is not on this pull request (see below).`);
    }
    if (diff?.changedFilesOnly)
        lines.push('', '_Findings are listed only for files this pull request changed, and the files linked to them._');
    for (const note of options.notes ?? [])
        lines.push('', note);
    return lines.join('\n');
}
function renderFresh(report, view, kept, note, options) {
    // With nothing new the verdict line has already said so; an empty section would say it twice.
    if (view.fresh.length === 0)
        return '';
    const heading = view.comparing ? `### New findings (${view.fresh.length})` : `### Findings (${view.fresh.length})`;
    return [heading, findingTables(report, kept, options, true), note].filter(Boolean).join('\n\n');
}
/** Findings grouped by file, one table each; `suggestions` adds each ready-to-paste fix under its table. */
function findingTables(report, findings, options, suggestions, label) {
    const byFile = new Map();
    for (const finding of findings)
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    const parts = [];
    for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const rows = list.map((finding) => {
            const where = finding.line ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '—';
            const url = options.fileUrl?.(finding.file, finding.line);
            const lineCell = url ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)(where, url) : where;
            const suffix = label ? ` — _${label(finding)}_` : '';
            return `| ${lineCell} | ${ICON[finding.severity]} ${finding.severity} | ${checkCell(report, finding.check)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(finding.message)}${suffix} |`;
        });
        const fileTitle = file ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(file, false) : 'Not about one file';
        parts.push(`#### ${fileTitle}\n\n| Line | Severity | Check | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}`);
        if (!suggestions)
            continue;
        for (const finding of list) {
            if (!finding.suggestion)
                continue;
            parts.push(`<details><summary>Suggested fix for line ${finding.line ?? '?'} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInlineHtml */ .yB)(finding.check)})</summary>\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .fencedBlock */ .zW)(finding.suggestion, 'yaml')}\n\n</details>`);
        }
    }
    return parts.join('\n\n');
}
/** The check's id, linked to its docs page when the report knows it. */
function checkCell(report, check) {
    const url = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_0__/* .docsUrlOf */ .Mo)(report, check);
    return url ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(check), url) : (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(check);
}
function renderPolicy(report, view) {
    if (view.policy.length === 0)
        return '';
    const items = view.policy.slice(0, MAX_LISTED).map((finding) => `- ${ICON[finding.severity]} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(finding.message)} — ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .location */ .C5)(finding), false)} · ${checkCell(report, finding.check)}`);
    if (view.policy.length > MAX_LISTED)
        items.push(`- …and ${view.policy.length - MAX_LISTED} more, in the full report`);
    const diff = report.diff;
    const lines = [`### Policy changes (${view.policy.length})`, '', ...items];
    if (diff?.approval) {
        // Broken by a zero-width space, so the approver reads as @login without being mentioned (and notified) on every update.
        const by = diff.approval.by ? ` by ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(`@${diff.approval.by}`)}` : '';
        lines.push('', `✅ Approved${by} with the label ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(diff.approval.label, false)}: these are reported as notices and do not fail the check.`);
    }
    else if (diff?.allowLabel) {
        lines.push('', `⏳ **Waiting for approval.** A maintainer who accepts these changes adds the label ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(diff.allowLabel, false)} to the pull request; they are then reported as notices. Otherwise, undo them.`);
    }
    else if (diff) {
        lines.push('', '_No approval label is configured (`allow-label` is empty): policy changes count like any other finding._');
    }
    return lines.join('\n');
}
function renderExisting(report, all, kept, note, options) {
    if (all.length === 0)
        return '';
    const body = [findingTables(report, kept, options, false, _verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .existingLabel */ .kg), note].filter(Boolean).join('\n\n');
    const gate = report.diff?.baseSha && !report.diff.newFindingsOnly && !all.some((finding) => finding.baselined) ? '' : ' — they do not fail the check';
    return `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInlineHtml */ .yB)((0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .existingText */ .x3)(all))}${gate}</summary>\n\n${body || '_All are in the full report._'}\n\n</details>`;
}
function renderSuppressed(all, kept, note) {
    if (all.length === 0)
        return '';
    const items = kept.map((finding) => {
        const how = finding.suppressed.kind === 'inSource' ? 'comment at' : '`ignore:` entry at';
        return `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .location */ .C5)(finding), false)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(finding.check, false)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(finding.message)} — **reason:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(finding.suppressed.reason)} (${how} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(finding.suppressed.by, false)})`;
    });
    return `<details><summary>${all.length} suppressed finding(s), with their reasons</summary>\n\n${[items.join('\n'), note].filter(Boolean).join('\n\n') || '_All are in the full report._'}\n\n</details>`;
}
/** Findings the base had and the head does not, collapsed; positions are the base's. */
function renderResolved(report) {
    const resolved = report.diff?.resolved ?? [];
    if (resolved.length === 0)
        return '';
    const items = resolved.slice(0, MAX_LISTED).map((finding) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .location */ .C5)(finding), false)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(finding.check, false)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(finding.message)}`);
    if (resolved.length > MAX_LISTED)
        items.push(`- …and ${resolved.length - MAX_LISTED} more, in the full report`);
    return `<details><summary>✔️ ${resolved.length} finding(s) resolved by this pull request</summary>\n\n${items.join('\n')}\n\n</details>`;
}
/** Baseline entries nothing matches any more: listed so the baseline file can shrink. */
function renderBaselineFixed(report) {
    const baseline = report.adoption?.baseline;
    if (!baseline?.fixed.length)
        return '';
    const items = baseline.fixed.slice(0, MAX_LISTED).map((entry) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(entry.file || '(not about one file)', false)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(entry.check, false)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(entry.message)}${entry.count > 1 ? ` (×${entry.count})` : ''}`);
    if (baseline.fixed.length > MAX_LISTED)
        items.push(`- …and ${baseline.fixed.length - MAX_LISTED} more, in the full report`);
    return `<details><summary>🧹 ${baseline.fixed.length} baseline entr${baseline.fixed.length === 1 ? 'y is' : 'ies are'} fixed: remove ${baseline.fixed.length === 1 ? 'it' : 'them'} from <code>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInlineHtml */ .yB)(baseline.file)}</code> (or write the baseline again)</summary>\n\n${items.join('\n')}\n\n</details>`;
}
/** The largest n in [0, count] with fits(n), for fits that holds up to some n and fails after. */
function longestFit(count, fits) {
    let low = 0;
    let high = count;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits(middle))
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}
/** What a reviewer scans: SLO, service, target, budget, verdict. The rest is in the figures. */
function renderSloTable(report, limit = report.slos.length) {
    if (report.slos.length === 0)
        return '';
    const rows = report.slos
        .slice(0, limit)
        .map((slo) => `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(slo.name)} | ${slo.service ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(slo.service) : '—'} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .targetText */ .Z3)(slo))} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .budgetText */ .$e)(slo))} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(slo.verdict ?? '—')} |`);
    const more = report.slos.length - rows.length;
    const table = ['| SLO | Service | Target | Error budget | Verdict |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
    return `<details><summary>${report.slos.length} SLO(s)</summary>\n\n${table}${more > 0 ? `\n\n_${more} more SLO(s) are listed in the full report._` : ''}\n\n</details>`;
}
/** Per SLO: its indicator, burn-rate windows and what implements it. */
function renderFigures(report) {
    const blocks = report.slos
        .filter((slo) => slo.windows.length || (0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .linkTexts */ .rW)(slo).length)
        .map((slo) => {
        const title = `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(slo.name)}**${slo.service ? ` (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(slo.service)})` : ''} — ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .indicatorText */ .lY)(slo))}, ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(`${slo.file}:${slo.line}`, false)}`;
        const items = [...slo.windows.map((window) => `- window ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .windowText */ .Kn)(window))}`), ...(0,_figures_js__WEBPACK_IMPORTED_MODULE_2__/* .linkTexts */ .rW)(slo).map((text) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(text)}`)];
        return `${title}\n\n${items.join('\n')}`;
    });
    if (blocks.length === 0)
        return '';
    return `<details><summary>Figures: burn-rate windows and what implements each SLO</summary>\n\n${blocks.join('\n\n')}\n\n</details>`;
}


/***/ }),

/***/ 1518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ guardLines),
/* harmony export */   Qr: () => (/* binding */ stopCommandsToken),
/* harmony export */   YP: () => (/* binding */ guardJson),
/* harmony export */   tL: () => (/* binding */ terminalLine)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Text from the files under check reaches terminals and CI logs through the CLI. There, raw
// control characters are instructions (ESC starts colour, cursor and OSC-8 link sequences; C1
// bytes do the same on some terminals), a newline lets a name start a line of its own, and a
// line starting with `::` (or `##[`) is a workflow command the GitHub runner executes
// (`::add-mask::`, `::error file=…::`, `::stop-commands::`). So every printed line goes through
// these functions: a field is kept to one line with its control characters written out, and no
// line begins with a command prefix. Inside Actions the CLI also pauses command processing
// around its output (`::stop-commands::<token>` … `::<token>::`).

// C0 except tab and newline, DEL, C1, the Unicode line and paragraph separators, and the bidi
// overrides and isolates that can make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const COMMAND_START = /^(\s*)(::|##(?:vso)?\[)/;
function written(char) {
    const code = char.charCodeAt(0);
    if (char === '\r')
        return '\\r';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
/** One line: newlines as `\n`, every other control character as `\xNN` / `\uNNNN`. */
function terminalLine(text) {
    return text.replace(/\r\n|\n/g, '\\n').replace(CONTROL, written);
}
/**
 * Multi-line output made safe line by line: control characters written out (newlines kept, as
 * they separate the lines), and a line that would begin with a workflow command gets its first
 * character written out instead (`\x3a:error::…`), so the runner sees text, not a command.
 */
function guardLines(output) {
    return output
        .split('\n')
        .map((line) => line.replace(CONTROL, written).replace(COMMAND_START, (_, space, prefix) => `${space}${written(prefix[0])}${prefix.slice(1)}`))
        .join('\n');
}
/**
 * JSON for a terminal: JSON.stringify escapes C0 but leaves DEL, C1 and the Unicode separators
 * raw; they can only stand inside strings, where `\uNNNN` means the same character.
 */
function guardJson(json) {
    return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A token for `::stop-commands::`, which must be unguessable: file text could otherwise end the pause. */
function stopCommandsToken() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
}


/***/ }),

/***/ 1165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   kg: () => (/* binding */ existingLabel),
/* harmony export */   x3: () => (/* binding */ existingText)
/* harmony export */ });
/* unused harmony export countsText */
// The first line of every report: the verdict and what decides it, in words a reviewer acts on —
// "2 new errors — merge blocked", "No new findings, 37 existing (baseline)". Plain text; each
// renderer escapes and decorates it.
const SEVERITIES = ['error', 'warning', 'notice'];
function verdictOf(report, view) {
    const word = view.comparing ? 'new ' : '';
    const failing = new Set(view.failing);
    const others = view.counted.filter((finding) => !failing.has(finding));
    const known = [...(view.existing.length ? [existingText(view.existing)] : []), ...(view.suppressed.length ? [`${view.suppressed.length} suppressed`] : [])];
    const diff = report.diff;
    const awaiting = diff?.baseSha && diff.allowLabel && !diff.approval && view.policy.length ? { count: view.policy.length, label: diff.allowLabel } : undefined;
    if (report.result === 'fail') {
        const blocked = view.pullRequest ? 'merge blocked' : 'check failed';
        const what = view.failing.length ? countsText(view.failing, word) : 'findings';
        return { passed: false, headline: `${capitalise(what)} — ${blocked}`, details: [...countsList(others, word), ...known], ...(awaiting ? { awaitingApproval: awaiting } : {}) };
    }
    const never = report.failOn === 'never' ? ' (fail-on: never)' : '';
    const headline = view.counted.length === 0
        ? [`No ${word}findings${never}`, ...known].join(', ')
        : `Passed${never} — ${[countsText(view.counted, word), ...known].join(', ')}`;
    return { passed: true, headline, details: [], ...(awaiting ? { awaitingApproval: awaiting } : {}) };
}
/** "2 new errors, 1 new warning". */
function countsText(findings, word = '') {
    return countsList(findings, word).join(', ');
}
function countsList(findings, word) {
    return SEVERITIES.flatMap((severity) => {
        const count = findings.filter((finding) => finding.severity === severity).length;
        return count ? [`${count} ${word}${severity}${count === 1 ? '' : 's'}`] : [];
    });
}
/** "37 existing (baseline)", "4 existing (on the base)", or both sources named. */
function existingText(existing) {
    const baselined = existing.filter((finding) => finding.baselined).length;
    const where = baselined === existing.length ? 'baseline' : baselined === 0 ? 'on the base' : `${baselined} in the baseline, ${existing.length - baselined} on the base`;
    return `${existing.length} existing (${where})`;
}
/** Where a known finding comes from, for its row: "baseline" or "on the base". */
function existingLabel(finding) {
    return finding.baselined ? 'baseline' : 'on the base';
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ }),

/***/ 4607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fs: () => (/* binding */ docsUrl),
/* harmony export */   lC: () => (/* binding */ CANONICAL_DOCS_BASE_URL),
/* harmony export */   vS: () => (/* binding */ parseDocsBaseUrl)
/* harmony export */ });
/* unused harmony exports CANONICAL_REPOSITORY, defaultDocsBaseUrl */
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8330);
// Where the checks' docs pages are read: each check's metadata names its page as a repository path
// (docs/checks/policy/target-min.md); reports link it joined to a base URL. The action's default is
// the repository and ref the action itself runs from, so a finding links the page of the version
// that produced it; forks and mirrors set `docs-base-url` (CLI `--docs-base-url`). Without either,
// the product's own repository at main.

/** The product's canonical repository (package.json `repository`), without `.git`. */
const CANONICAL_REPOSITORY = repositoryUrl(_package_json__WEBPACK_IMPORTED_MODULE_0__);
const CANONICAL_DOCS_BASE_URL = `${CANONICAL_REPOSITORY}/blob/main`;
/** The docs base for a run inside Actions: the action's repository at its ref, when the runner says. */
function defaultDocsBaseUrl(env = process.env) {
    const repository = env.GITHUB_ACTION_REPOSITORY?.trim();
    const ref = env.GITHUB_ACTION_REF?.trim();
    // Both are empty for a local action (`uses: ./`): the checkout is the repository under check, not the product.
    if (repository && ref && /^[\w.-]+\/[\w.-]+$/.test(repository)) {
        const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
        return `${server}/${repository}/blob/${ref.split('/').map(encodeURIComponent).join('/')}`;
    }
    return CANONICAL_DOCS_BASE_URL;
}
/** A docs page's URL: its repository path joined to the base, each segment percent-encoded. */
function docsUrl(base, docsPath) {
    return `${base.replace(/\/+$/, '')}/${docsPath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}
/** Validates a docs base URL given as an input or flag: http(s) only, as it ends up in links. */
function parseDocsBaseUrl(text, fail) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        throw fail(`docs-base-url must be an http(s) URL, not "${text}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw fail(`docs-base-url must be an http(s) URL, not "${text}"`);
    return url.toString().replace(/\/+$/, '');
}
function repositoryUrl(pkg) {
    const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const text = typeof repository === 'string' ? repository : typeof pkg.homepage === 'string' ? pkg.homepage : 'https://github.com/slo-gate/slo-gate';
    return text.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}


/***/ }),

/***/ 8543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FK: () => (/* binding */ buildReport),
  Mo: () => (/* binding */ docsUrlOf),
  yl: () => (/* binding */ reportView)
});

// UNUSED EXPORTS: REPORT_VERSION, checksWith, countsForGate, gateFails, reportTime

;// CONCATENATED MODULE: ./src/model/findings.ts
// What a check reports. Findings carry no GitHub or Markdown: publishers decide how they look.
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        (a.check < b.check ? -1 : a.check > b.check ? 1 : 0));
}

// EXTERNAL MODULE: ./src/model/burn-rate.ts
var burn_rate = __webpack_require__(2203);
// EXTERNAL MODULE: ./src/model/slo-identity.ts
var slo_identity = __webpack_require__(720);
// EXTERNAL MODULE: ./src/report/docs-url.ts
var docs_url = __webpack_require__(4607);
;// CONCATENATED MODULE: ./src/report/report.ts
// The one report object every renderer and publisher reads, built once per run from the
// classified findings and the metadata of the checks that ran. What a finding means for the gate
// and for its SLO comes from its check's flags, listed in `checks`, never from its id. Versioned;
// its JSON Schema is schemas/report.schema.json (a test validates real reports against it).




const REPORT_VERSION = 1;
/**
 * When the report was made: SOURCE_DATE_EPOCH (seconds) when set, as reproducible builds define
 * it, so the same input gives byte-identical report files; otherwise now.
 */
function reportTime(env = process.env) {
    const epoch = env.SOURCE_DATE_EPOCH?.trim();
    return epoch && /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
function buildReport(input, options) {
    const { model } = input.linked;
    const checks = reportChecks(input.checks, options.docsBaseUrl);
    const findings = [...input.findings].sort(compareFindings);
    const liveByKey = new Map((options.live?.slos ?? []).map((live) => [live.key, live]));
    // Suppressed findings are listed and counted apart: they are excused, not problems.
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        if (!finding.suppressed)
            counts[finding.severity]++;
    const alwaysGating = checksWith(checks, 'gates');
    const diff = options.diff && diffReport(options.diff, findings, alwaysGating);
    const onlyNew = diff?.baseSha !== undefined && diff.newFindingsOnly;
    const gateCounts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        if (countsForGate(finding, onlyNew, alwaysGating))
            gateCounts[finding.severity]++;
    const problemsBySlo = sloProblems(findings.filter((finding) => !finding.suppressed), checksWith(checks, 'aboutSlo'));
    return {
        version: REPORT_VERSION,
        tool: { name: 'slo-gate', version: options.toolVersion },
        generatedAt: (options.now ?? reportTime()).toISOString(),
        result: gateFails(gateCounts, options.failOn) ? 'fail' : 'pass',
        failOn: options.failOn,
        counts,
        files: model.files.map(({ path, kinds }) => ({ path, kinds })),
        slos: model.slos.map((slo) => {
            const period = slo.periodSeconds;
            return {
                name: slo.name,
                service: slo.service,
                file: slo.file,
                line: slo.position.line,
                format: slo.format,
                indicator: { type: slo.indicator.type, thresholdSeconds: slo.indicator.thresholdSeconds, percentile: slo.indicator.percentile },
                target: slo.target,
                periodSeconds: period,
                errorBudget: slo.target !== undefined ? (0,burn_rate/* errorBudget */.C0)(slo.target) : undefined,
                budgetMinutes: slo.target !== undefined && period !== undefined ? (0,burn_rate/* budgetMinutes */.vX)(slo.target, period) : undefined,
                windows: period === undefined
                    ? []
                    : [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds).map((window) => (0,burn_rate/* windowFigures */.ih)(window, slo.target, period)),
                ...(liveByKey.has(slo.key) ? { live: liveByKey.get(slo.key) } : {}),
                ...linkSummary(slo, input.linked, problemsBySlo.get(sloKey(slo)) ?? []),
            };
        }),
        findings,
        skipped: input.skipped,
        ...notCheckedOf(model),
        checks,
        ...(diff ? { diff } : {}),
        ...(options.live ? { live: liveHeader(options.live) } : {}),
        ...(input.cache ? { cache: { files: model.files.length, fromCache: input.cache.hits } } : {}),
        ...adoption(findings, input.baseline),
    };
}
function notCheckedOf(model) {
    const byKey = new Map();
    for (const dashboard of model.dashboards) {
        for (const panel of dashboard.panels) {
            for (const target of panel.targets) {
                if (!target.unchecked)
                    continue;
                const datasource = target.source.type ?? target.source.via;
                const name = dashboard.title ?? dashboard.entry ?? dashboard.file;
                const key = `${dashboard.file}\u0000${dashboard.position.line}\u0000${datasource}`;
                const entry = byKey.get(key);
                if (entry)
                    entry.queries++;
                else
                    byKey.set(key, { file: dashboard.file, line: dashboard.position.line, dashboard: name, datasource, queries: 1 });
            }
        }
    }
    return byKey.size > 0 ? { notChecked: [...byKey.values()] } : {};
}
/** Each check once, in the order they ran, with the flags its findings are read by. */
function reportChecks(metas, docsBaseUrl) {
    const byId = new Map();
    for (const { id, severity, description, gates, aboutSlo, policyChange, docs } of metas) {
        if (byId.has(id))
            continue;
        byId.set(id, {
            id,
            severity,
            description,
            ...(gates ? { gates } : {}),
            ...(aboutSlo ? { aboutSlo } : {}),
            ...(policyChange ? { policyChange } : {}),
            ...(docs ? { docs, ...(docsBaseUrl ? { docsUrl: (0,docs_url/* docsUrl */.fs)(docsBaseUrl, docs) } : {}) } : {}),
        });
    }
    return [...byId.values()];
}
/** The ids of the checks with a flag. */
function checksWith(checks, flag) {
    return new Set(checks.filter((check) => check[flag] !== undefined).map((check) => check.id));
}
/**
 * Whether the gate counts a finding: never a suppressed or baselined one; with only new findings
 * counting, a new one or one about now rather than the change (live ones, the budget).
 */
function countsForGate(finding, onlyNew, alwaysGating) {
    if (finding.suppressed || finding.baselined)
        return false;
    return !onlyNew || finding.status === 'new' || alwaysGating.has(finding.check);
}
function diffReport(input, findings, alwaysGating) {
    const newCounts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        if (countsForGate(finding, true, alwaysGating))
            newCounts[finding.severity]++;
    const count = (status) => findings.filter((finding) => finding.status === status).length;
    return {
        ...input,
        counts: { new: count('new'), existing: count('existing'), resolved: input.resolved.length },
        newCounts,
        resolved: [...input.resolved].sort(compareFindings),
    };
}
/**
 * The findings above notice level of the checks about SLOs (`aboutSlo`), by the SLO they are
 * about (sloKey), in report order: another service's SLO of the same name is another SLO. Grouped
 * once: looking them up per SLO kept every SLO scanning every finding.
 */
function sloProblems(findings, aboutSlo) {
    const bySlo = new Map();
    for (const finding of findings) {
        if (finding.slo === undefined || finding.severity === 'notice' || !aboutSlo.has(finding.check))
            continue;
        const key = sloKey(finding.slo);
        const problems = bySlo.get(key);
        if (problems)
            problems.push(finding);
        else
            bySlo.set(key, [finding]);
    }
    return bySlo;
}
/** One SLO of the run: its identity, and its file for duplicates of one identity. */
function sloKey(slo) {
    return `${slo.file}\u0000${(0,slo_identity/* sloIdentityKey */.kL)(slo)}`;
}
/** The SLO's links and a verdict drawn from the findings of the checks about SLOs (`problems`). */
function linkSummary(slo, linked, problems) {
    const set = linked.links.bySlo.get(slo.key);
    if (!set)
        return {};
    const links = {
        alerts: set.alerts.map(({ rule, method, reason }) => ({ name: rule.name, file: rule.file, line: rule.position.line, method, reason })),
        panels: set.panels.map(({ dashboard, panel, method, reason }) => ({
            name: `${panel.title ?? `panel ${panel.id ?? '?'}`}${dashboard.title ? ` (${dashboard.title})` : ''}`,
            file: dashboard.file,
            line: panel.position.line,
            method,
            reason,
        })),
    };
    const verdict = problems.length
        ? `${problems.length} problem(s): ${problems[0].message}`
        : links.alerts.length
            ? `aligned with ${links.alerts.length} alert(s) and ${links.panels.length} panel(s)`
            : slo.alertingDisabled
                ? 'burn-rate alerting turned off'
                : 'no alerting rule implements it';
    return { links, verdict };
}
function adoption(findings, baseline) {
    const suppressed = findings.filter((finding) => finding.suppressed).length;
    if (!suppressed && !baseline)
        return {};
    return { adoption: { suppressed, ...(baseline ? { baseline } : {}) } };
}
function gateFails(counts, failOn) {
    if (failOn === 'never')
        return false;
    return Object.keys(counts).some((severity) => counts[severity] > 0 && SEVERITY_ORDER[severity] <= SEVERITY_ORDER[failOn]);
}
function liveHeader({ slos: _slos, rules: _rules, ...header }) {
    return header;
}
function reportView(report) {
    const alwaysGating = checksWith(report.checks, 'gates');
    const policyChanges = checksWith(report.checks, 'policyChange');
    const onlyNew = report.diff?.baseSha !== undefined && report.diff.newFindingsOnly;
    const counted = report.findings.filter((finding) => countsForGate(finding, onlyNew, alwaysGating));
    const failing = report.failOn === 'never' ? [] : counted.filter((finding) => SEVERITY_ORDER[finding.severity] <= SEVERITY_ORDER[report.failOn]);
    const view = {
        comparing: report.diff?.baseSha !== undefined || report.adoption?.baseline !== undefined,
        pullRequest: report.diff !== undefined,
        counted,
        failing,
        fresh: [],
        policy: [],
        existing: [],
        suppressed: [],
    };
    for (const finding of report.findings) {
        if (finding.suppressed)
            view.suppressed.push(finding);
        else if (finding.baselined || finding.status === 'existing')
            view.existing.push(finding);
        else if (policyChanges.has(finding.check))
            view.policy.push(finding);
        else
            view.fresh.push(finding);
    }
    return view;
}
/** The docs URL of a finding's check, when the report knows one. */
function docsUrlOf(report, check) {
    return report.checks.find((entry) => entry.id === check)?.docsUrl;
}


/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"name":"slo-gate","version":"0.1.0","description":"Gate SLO compliance: validate SLO policies, Prometheus alerting rules and Grafana dashboards, and how they fit together.","type":"module","private":true,"license":"MIT","homepage":"https://github.com/slo-gate/slo-gate","repository":{"type":"git","url":"git+https://github.com/slo-gate/slo-gate.git"},"bin":{"slo-gate":"dist/cli.js"},"engines":{"node":">=20"},"scripts":{"build":"tsc -p tsconfig.check.json","bundle":"node scripts/bundle.mjs","demo":"node dist/cli.js check examples/agentaskit || [ $? -eq 1 ]","test":"vitest run","bench":"node scripts/bench.mjs && node scripts/bench-live.mjs"},"dependencies":{"@actions/artifact":"^6.2.1","@actions/cache":"^6.3.0","@actions/core":"^3.0.1","@actions/github":"^9.1.1","@grafana/lezer-logql":"^0.3.0","@lezer/highlight":"^1.2.5","@lezer/lr":"^1.4.12","@octokit/plugin-retry":"^8.1.1","@octokit/plugin-throttling":"^11.0.5","@prometheus-io/lezer-promql":"^0.314.0","ajv":"^8.20.0","ignore":"^7.0.17","jsonc-parser":"^3.3.1","picomatch":"^4.0.7","re2js":"^2.10.0","yaml":"^2.9.1"},"devDependencies":{"@actions/workflow-parser":"^0.3.61","@azure/storage-blob":"^12.32.0","@octokit/openapi":"^23.0.2","@types/node":"^20.19.43","@types/picomatch":"^4.0.3","@types/sarif":"^2.1.7","@vercel/ncc":"^0.45.0","azurite":"^3.35.0","github-markdown-css":"^5.9.0","marked":"^15.0.12","typescript":"^5.9.3","vitest":"^4.1.12"}}');

/***/ })

};
