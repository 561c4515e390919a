export const id = 47;
export const ids = [47];
export const modules = {

/***/ 78047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareTrees: () => (/* binding */ compareTrees),
  compareWithBase: () => (/* binding */ compareWithBase)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/checks/index.ts + 63 modules
var src_checks = __webpack_require__(97309);
// EXTERNAL MODULE: ./src/discover/find-files.ts
var find_files = __webpack_require__(14530);
// EXTERNAL MODULE: ./src/engine/engine.ts + 2 modules
var engine = __webpack_require__(13321);
// EXTERNAL MODULE: ./src/findings/sink.ts
var findings_sink = __webpack_require__(33931);
// EXTERNAL MODULE: ./src/link/queries.ts
var queries = __webpack_require__(17920);
;// CONCATENATED MODULE: ./src/diff/classify.ts
// New, existing, resolved: head findings are matched to base findings by fingerprint. Matching
// counts occurrences, so a third copy of a finding that appeared twice before is still new.
function classify(head, base) {
    const remaining = new Map();
    for (const finding of base) {
        const key = finding.fingerprint ?? '';
        remaining.set(key, [...(remaining.get(key) ?? []), finding]);
    }
    const findings = head.map((finding) => {
        const match = remaining.get(finding.fingerprint ?? '')?.shift();
        return { ...finding, status: match ? 'existing' : 'new' };
    });
    return { findings, resolved: [...remaining.values()].flat() };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/diff/git.ts
// Reading the base commit with git, without touching the workspace.
//
// Safety: the repository is untrusted (a pull request can change anything in it, and a clone
// handed to the CLI can come with any .git/config), so nothing it contains or configures may run.
// Only plumbing commands are used (rev-parse, cat-file, ls-tree, fetch): no checkout, no
// `git archive` (it applies .gitattributes smudge filters and export-subst), no submodules. Blobs
// are read raw with `cat-file --batch`, so no filter, textconv or eol conversion ever runs.
// Every call overrides, on the command line (which wins over any config file), each key of the
// repository's config that names a command: hooks, fsmonitor, the ssh command, credential
// helpers, the alternate-refs command, automatic gc; `fetch` names its upload-pack itself, so
// `remote.<name>.uploadpack` is never used; only the file, http(s) and ssh transports are allowed,
// so `ext::` and remote helpers (reachable through `url.*.insteadOf` or `remote.<name>.vcs`)
// cannot start. The system config is ignored and git never prompts. The user's own global config
// is kept (safe.directory, credentials for a private origin): it is not the repository's; its
// ssh command and credential helpers are re-applied after the reset.





const SAFE_CONFIG = [
    ['core.hooksPath', '/dev/null'],
    ['core.fsmonitor', 'false'],
    ['core.sshCommand', 'ssh'],
    ['core.alternateRefsCommand', 'true'],
    ['credential.helper', ''],
    ['protocol.allow', 'never'],
    ['protocol.file.allow', 'always'],
    ['protocol.http.allow', 'always'],
    ['protocol.https.allow', 'always'],
    ['protocol.ssh.allow', 'always'],
    ['protocol.ext.allow', 'never'],
    ['submodule.recurse', 'false'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
const SAFE_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GIT_OPTIONAL_LOCKS: '0' };
/** Files the engine can read, plus the .gitignore files that decide which of them it reads. */
const WANTED = /(\.(ya?ml|json)|(^|\/)\.gitignore)$/i;
const GITIGNORE = /(^|\/)\.gitignore$/i;
const FETCH_TIMEOUT_MS = 60_000;
class GitError extends Error {
}
/** Run git and return stdout; a non-zero exit becomes a GitError carrying git's first stderr line. */
function git(args, options) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', [...SAFE_CONFIG, ...(options.config ?? []), ...args], { cwd: options.cwd, env: { ...process.env, ...SAFE_ENV }, timeout: options.timeoutMs ?? 30_000, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (!error)
                return resolve(stdout);
            const reason = error.killed
                ? `timed out after ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`
                : (stderr.split('\n').find((line) => line.trim() !== '') ?? error.message).trim();
            reject(new GitError(reason));
        });
    });
}
/**
 * Where `root` sits in its git repository, or git's reason why it cannot say (not a repository,
 * git missing, a work tree owned by another user that `safe.directory` does not allow).
 */
async function locateRepository(root) {
    try {
        const topLevel = (await git(['rev-parse', '--show-toplevel'], { cwd: root })).trim();
        const prefix = (await git(['rev-parse', '--show-prefix'], { cwd: root })).trim().replace(/\/$/, '');
        return { topLevel, prefix };
    }
    catch (error) {
        return { problem: `git cannot read the repository: ${error.message.replace(/^fatal: /, '')}` };
    }
}
/**
 * The commit `ref` names. When the clone does not have it (a shallow checkout of a pull request
 * has only the merge commit), fetch just that commit from origin, within a time limit.
 */
async function resolveBase(topLevel, ref, fetchTimeoutMs = FETCH_TIMEOUT_MS) {
    if (ref.startsWith('-'))
        return { ok: false, reason: `"${ref}" is not a commit` };
    const local = await commitOf(topLevel, ref);
    if (local)
        return { ok: true, sha: local, fetched: false };
    try {
        const config = await globalCommands();
        await git(['fetch', '--upload-pack=git-upload-pack', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', ref], { cwd: topLevel, timeoutMs: fetchTimeoutMs, config });
    }
    catch (error) {
        return { ok: false, reason: `${ref} is not in this clone and fetching it from origin failed: ${error.message}` };
    }
    const fetched = (await commitOf(topLevel, ref)) ?? (await commitOf(topLevel, 'FETCH_HEAD'));
    return fetched ? { ok: true, sha: fetched, fetched: true } : { ok: false, reason: `${ref} is not in this clone, and origin did not provide it` };
}
/**
 * The ssh command and credential helpers of the user's global config, as `-c` pairs: the reset in
 * SAFE_CONFIG drops them along with the repository's, and fetching a private origin needs them.
 * Read with `--global` from outside any repository, so no repository config can add to them.
 */
async function globalCommands() {
    const read = async (args) => {
        try {
            return (await git(['config', '--global', '--null', ...args], { cwd: external_node_os_default().tmpdir() })).split('\0').filter(Boolean);
        }
        catch {
            return []; // no global config, or not that key
        }
    };
    const pairs = (await read(['--get-regexp', '^credential\\..*helper$'])).map((entry) => entry.replace('\n', '='));
    const ssh = await read(['--get', 'core.sshCommand']);
    return [...pairs, ...(ssh.length ? [`core.sshCommand=${ssh[0]}`] : [])].flatMap((pair) => ['-c', pair]);
}
async function commitOf(topLevel, ref) {
    try {
        return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: topLevel })).trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Write the files of commit `sha` under `prefix` into a fresh temporary directory, keeping their
 * paths relative to the top level. Only the files the engine reads are written; files `reuse`
 * picks from the commit's files (the caller has their outcome for that blob already) are neither read from git nor
 * written (see `unwritten`): in a pull request that is almost every file, and writing and removing
 * thousands of empty stand-ins cost more than the base's check. The caller removes the directory
 * with the returned `cleanup`.
 */
async function extractTree(topLevel, sha, prefix, maxFileBytes = Infinity, 
/** Told the blob id of every regular file, by path, picks the files whose outcome the caller has. */
reuse = () => new Set()) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'slo-gate-base-'));
    const cleanup = async () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    try {
        const listing = await git(['ls-tree', '-r', '-z', '-l', '--full-tree', sha, '--', ...(prefix ? [prefix] : [])], { cwd: topLevel });
        const entries = [];
        for (const record of listing.split('\0')) {
            const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]+)$/.exec(record);
            if (!match)
                continue;
            const [, mode, type, object, size, file] = match;
            // Submodules (commit entries) are never followed; only regular files and symlinks are written.
            if (type !== 'blob' || !WANTED.test(file))
                continue;
            if (file.split('/').some((part) => part === '..' || part === '.git' || part === ''))
                continue;
            entries.push({ mode, object, size: Number(size), path: file });
        }
        // Files over the engine's size limit are not read on either side: an empty file of the same
        // size (sparse, no disk used) makes the engine say exactly what it says about the head's.
        // A .gitignore is always written: discovery reads it.
        const files = new Map(entries.filter((entry) => entry.mode !== '120000').map((entry) => [entry.path, entry.object]));
        const picked = reuse(files);
        const reused = (entry) => entry.mode !== '120000' && !GITIGNORE.test(entry.path) && picked.has(entry.path);
        const standIn = (entry) => entry.mode !== '120000' && (entry.size > maxFileBytes || reused(entry));
        const unwritten = new Set(entries.some((entry) => entry.mode === '120000') ? [] : entries.filter(reused).map((entry) => entry.path));
        const readable = entries.filter((entry) => !standIn(entry));
        const contents = new Map(readable.map((entry, index) => [entry, index]));
        const blobs = await readBlobs(topLevel, readable.map((entry) => entry.object));
        // Written synchronously: a large tree is thousands of small files, and a thread-pool round
        // trip for each (three for a stand-in) made a loaded machine wait longer than it wrote.
        (0,external_node_fs_.mkdirSync)(external_node_path_default().join(dir, prefix), { recursive: true });
        const made = new Set();
        // Symlinks last, so no file is ever written through one.
        const symlinksLast = [...entries].sort((a, b) => Number(a.mode === '120000') - Number(b.mode === '120000'));
        for (const entry of symlinksLast) {
            if (unwritten.has(entry.path))
                continue;
            const target = external_node_path_default().join(dir, entry.path);
            const parent = external_node_path_default().dirname(target);
            if (!made.has(parent)) {
                (0,external_node_fs_.mkdirSync)(parent, { recursive: true });
                made.add(parent);
            }
            if (standIn(entry)) {
                (0,external_node_fs_.writeFileSync)(target, '');
                if (entry.size > 0)
                    (0,external_node_fs_.truncateSync)(target, entry.size);
            }
            // Symlinks stay symlinks: the engine's discovery already refuses those that leave the root.
            else if (entry.mode === '120000') {
                try {
                    (0,external_node_fs_.symlinkSync)(blobs[contents.get(entry)].toString('utf8'), target);
                }
                catch {
                    // A link git could record and this file system cannot: left out, like any unreadable entry.
                }
            }
            else
                (0,external_node_fs_.writeFileSync)(target, blobs[contents.get(entry)]);
        }
        return { dir, cleanup, blobs: files, read: readable.length, unwritten };
    }
    catch (error) {
        await cleanup();
        throw error;
    }
}
/** Raw blob contents, in order, through one `git cat-file --batch` process. */
function readBlobs(topLevel, objects) {
    if (objects.length === 0)
        return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', [...SAFE_CONFIG, 'cat-file', '--batch'], { cwd: topLevel, env: { ...process.env, ...SAFE_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', (error) => reject(new GitError(error.message)));
        child.on('close', (code) => {
            if (code !== 0)
                return reject(new GitError(stderr.trim() || `git cat-file exited with ${code}`));
            const output = Buffer.concat(chunks);
            const blobs = [];
            let offset = 0;
            for (const object of objects) {
                const newline = output.indexOf(10, offset);
                const header = output.subarray(offset, newline).toString('utf8');
                const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
                if (newline < 0 || !Number.isFinite(size))
                    return reject(new GitError(`cannot read blob ${object}: ${header}`));
                blobs.push(output.subarray(newline + 1, newline + 1 + size));
                offset = newline + 1 + size + 1;
            }
            resolve(blobs);
        });
        child.stdin.end(objects.map((object) => `${object}\n`).join(''));
    });
}

;// CONCATENATED MODULE: ./src/diff/line-map.ts
// Where a line of the base file is in the head file, so a finding about something deleted can
// point at the place it was deleted from. A longest-common-subsequence alignment of the lines,
// after the unchanged start and end are taken off (a pull request usually touches a few lines).
/** Larger middles than this (lines × lines) are mapped proportionally instead of aligned. */
const MAX_CELLS = 4_000_000;
function lineMap(baseText, headText) {
    const base = baseText.split(/\r?\n/);
    const head = headText.split(/\r?\n/);
    let prefix = 0;
    while (prefix < base.length && prefix < head.length && base[prefix] === head[prefix])
        prefix++;
    let suffix = 0;
    while (suffix < base.length - prefix && suffix < head.length - prefix && base[base.length - 1 - suffix] === head[head.length - 1 - suffix])
        suffix++;
    // matched[i] = head index (0-based) of base line i when it survived, -1 when it was deleted.
    const matched = new Int32Array(base.length).fill(-1);
    for (let i = 0; i < prefix; i++)
        matched[i] = i;
    for (let i = 0; i < suffix; i++)
        matched[base.length - 1 - i] = head.length - 1 - i;
    const a = base.slice(prefix, base.length - suffix);
    const b = head.slice(prefix, head.length - suffix);
    if (a.length > 0 && b.length > 0 && (a.length + 1) * (b.length + 1) <= MAX_CELLS) {
        const width = b.length + 1;
        const lcs = new Uint32Array((a.length + 1) * width);
        for (let i = a.length - 1; i >= 0; i--) {
            for (let j = b.length - 1; j >= 0; j--) {
                lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
            }
        }
        for (let i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] === b[j])
                matched[prefix + i++] = prefix + j++;
            else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
                i++;
            else
                j++;
        }
    }
    else if (a.length > 0 && b.length > 0) {
        for (let i = 0; i < a.length; i++)
            matched[prefix + i] = prefix + Math.floor((i * b.length) / a.length);
    }
    return (baseLine) => {
        const index = Math.min(Math.max(baseLine - 1, 0), base.length - 1);
        if (matched[index] >= 0)
            return matched[index] + 1;
        // Deleted: the head line just after the last surviving line above it.
        let above = index - 1;
        while (above >= 0 && matched[above] < 0)
            above--;
        const line = (above >= 0 ? matched[above] + 1 : 0) + 1;
        return Math.min(Math.max(line, 1), head.length);
    };
}

;// CONCATENATED MODULE: ./src/diff/compare.ts
// Comparing a pull request with its base: read the base commit's files with git into a temporary
// directory, run the same engine (with the head's configuration, so a config change is not a
// change in findings), run the policy-change checks over both models, and classify every head
// finding as new or existing.










async function compareWithBase(root, config, head, request, engineOptions = {}) {
    const absoluteRoot = external_node_path_default().resolve(root);
    if (!(await (0,promises_.stat)(absoluteRoot)).isDirectory())
        return { compared: false, reason: 'comparing with the base needs a directory to check, not a file' };
    const repository = await locateRepository(absoluteRoot);
    if ('problem' in repository)
        return { compared: false, reason: repository.problem };
    const resolved = await resolveBase(repository.topLevel, request.base, request.fetchTimeoutMs);
    if (!resolved.ok)
        return { compared: false, reason: resolved.reason };
    // Base files with the bytes of the head's file at the same path are not read: the head's outcome
    // is reused — unless a Chart.yaml added or removed above the file makes the same bytes read as a
    // Helm template on one side only.
    const inRoot = (file) => (repository.prefix ? file.slice(repository.prefix.length + 1) : file);
    const headOutcomes = head.hashed;
    const knownOutcomes = new Map();
    const reuse = (files) => {
        const picked = new Set();
        if (!headOutcomes)
            return picked;
        const baseFiles = new Set([...files.keys()].map(inRoot));
        for (const [file, blob] of files) {
            const known = headOutcomes.get(inRoot(file));
            if (known?.hash !== blob || known.helmTemplate !== (0,find_files/* isHelmTemplatePath */.IP)(inRoot(file), (other) => baseFiles.has(other)))
                continue;
            picked.add(file);
            knownOutcomes.set(inRoot(file), known);
        }
        return picked;
    };
    let tree;
    try {
        tree = await extractTree(repository.topLevel, resolved.sha, repository.prefix, config.maxFileBytes, reuse);
    }
    catch (error) {
        return { compared: false, reason: `cannot read the files of ${resolved.sha}: ${error.message}` };
    }
    try {
        const baseHashes = new Map([...tree.blobs].map(([file, blob]) => [inRoot(file), blob]));
        const unwrittenFiles = new Set([...tree.unwritten].map(inRoot));
        const outcome = await compareTrees(external_node_path_default().join(tree.dir, repository.prefix), absoluteRoot, config, head, request, { ...engineOptions, knownOutcomes, unwrittenFiles }, baseHashes);
        return { compared: true, baseSha: resolved.sha, fetched: resolved.fetched, blobsRead: tree.read, ...outcome };
    }
    finally {
        await tree.cleanup();
    }
}
/** The comparison proper, between two folders on disk: the base's files, and the head already checked. */
async function compareTrees(baseRoot, headRoot, config, head, request, engineOptions = {}, 
/** Content hashes of the base's files, by path, when git gave them: files with the head's hash are not read to compare them. */
baseHashes) {
    const base = await (0,engine/* runEngine */.c)(baseRoot, config, engineOptions);
    const files = await compareFiles(baseRoot, headRoot, base.linked.model, head.linked.model, config.maxFileBytes, (file) => {
        const before = baseHashes?.get(file);
        return before !== undefined && before === head.hashed?.get(file)?.hash;
    });
    const checks = (0,findings_sink/* enabledChecks */.rM)(src_checks/* DIFF_CHECKS */.cq, config);
    // Policy changes are this change's by definition: always new. Approved, they become notices.
    const steps = [...(request.approval ? [approved] : []), (finding) => ({ ...finding, status: 'new' })];
    const sink = new findings_sink/* FindingsSink */.OC(config, checks, steps);
    const input = {
        base: base.linked,
        head: head.linked,
        headPosition(file, position) {
            const map = files.map(file);
            return map ? { line: map(position.line) } : undefined;
        },
    };
    for (const check of checks)
        sink.runCheck(check, input);
    const classified = classify(head.findings, base.findings);
    let findings = classified.findings;
    if (request.changedFilesOnly) {
        const wanted = withLinkedFiles(files.changed, head.linked);
        findings = findings.filter((finding) => wanted.has(finding.file));
    }
    return {
        findings: [...findings, ...sink.finish()],
        resolved: classified.resolved,
        changedFiles: [...files.changed].sort(),
        checks,
        base,
    };
}
/** Which of the files the engine read differ between base and head (added and deleted ones too). */
async function compareFiles(baseRoot, headRoot, base, head, maxFileBytes, sameHash) {
    const changed = new Set();
    const texts = new Map();
    const sizes = new Map([...base.files, ...head.files].map((file) => [file.path, 0]));
    for (const file of base.files)
        sizes.set(file.path, Math.max(sizes.get(file.path), file.bytes));
    for (const file of head.files)
        sizes.set(file.path, Math.max(sizes.get(file.path), file.bytes));
    const read = (root, file) => (0,promises_.readFile)(external_node_path_default().join(root, file)).catch(() => undefined);
    for (const [file, size] of sizes) {
        if (sameHash(file))
            continue;
        // Files over the limit were not read by the engine either: their sizes tell whether they changed.
        if (size > maxFileBytes) {
            const [before, after] = [base.files.find((f) => f.path === file), head.files.find((f) => f.path === file)];
            if (before?.bytes !== after?.bytes)
                changed.add(file);
            continue;
        }
        const [before, after] = await Promise.all([read(baseRoot, file), read(headRoot, file)]);
        if (before && after && before.equals(after))
            continue;
        changed.add(file);
        if (before && after)
            texts.set(file, [before.toString('utf8'), after.toString('utf8')]);
    }
    const maps = new Map();
    return {
        changed,
        map(file) {
            const pair = texts.get(file);
            if (!pair)
                return head.files.some((f) => f.path === file) ? (line) => line : undefined;
            if (!maps.has(file))
                maps.set(file, lineMap(pair[0], pair[1]));
            return maps.get(file);
        },
    };
}
/** The approval label makes a policy change a notice: reported, reviewed, not failing the gate. */
const approved = (finding, meta) => (meta?.policyChange ? Object.assign(finding, { severity: 'notice' }) : finding);
/** Changed files plus what they are linked to: the alerts and dashboards of a changed SLO, the SLO of a changed alert. */
function withLinkedFiles(changed, head) {
    const out = new Set(changed);
    for (const slo of head.model.slos) {
        const alertFiles = (0,queries/* linkedAlerts */.H)(head, slo).map((rule) => rule.file);
        const dashboardFiles = head.model.dashboards.filter((dashboard) => (0,queries/* dashboardShows */.Z)(head, dashboard, slo)).map((dashboard) => dashboard.file);
        const group = [slo.file, ...alertFiles, ...dashboardFiles];
        if (group.some((file) => changed.has(file)))
            for (const file of group)
                out.add(file);
    }
    return out;
}


/***/ })

};
