export const id = 372;
export const ids = [372,991];
export const modules = {

/***/ 7372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isFileWorker: () => (/* binding */ isFileWorker),
/* harmony export */   processInWorkers: () => (/* binding */ processInWorkers),
/* harmony export */   serveFileWorker: () => (/* binding */ serveFileWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _file_stage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1224);
/* harmony import */ var _worker_role_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1807);
// Large repositories are read on worker threads: parsing YAML is most of a check's time, and on
// one thread it uses one core. A worker runs the same bundle as the front door that started the check
// (its entry sees the marker in workerData and serves files instead), takes chunks of files from
// the main thread and sends back their outcomes; the engine merges them in file order, so the
// report is the one a single thread would have written.



const ROLE = 'slo-gate file worker';
// Each worker has the next chunk queued while it sends a finished one, so it never waits for the main thread.
const CHUNKS_IN_FLIGHT = 2;
function isFileWorker() {
    return !node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.role === ROLE;
}
/** The worker's side: process each chunk the main thread sends. */
function serveFileWorker() {
    if (!isFileWorker())
        throw new Error(`${_worker_role_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_WORKER_ARGUMENT */ .a} is for the file workers slo-gate starts itself`);
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    const processFile = (0,_file_stage_js__WEBPACK_IMPORTED_MODULE_1__/* .createFileStage */ .b)(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.settings);
    port.on('message', ({ chunk, tasks }) => {
        let reply;
        try {
            reply = { chunk, outcomes: tasks.map(processFile) };
            port.postMessage(reply);
        }
        catch (error) {
            // Also what a closure left in the model would cause: postMessage cannot clone functions.
            port.postMessage({ chunk, error: error?.message?.split('\n')[0] ?? String(error) });
        }
    });
}
/**
 * The outcomes of all tasks, in task order. `threads - 1` workers and this thread take chunks from
 * one queue; this thread yields between its chunks so that finished chunks are received and
 * workers get their next one at once. Rejects on the first worker fault (an internal error).
 */
async function processInWorkers(tasks, settings, workers) {
    const chunkSize = Math.max(4, Math.min(64, Math.ceil(tasks.length / (workers.threads * 16))));
    const chunks = [];
    for (let i = 0; i < tasks.length; i += chunkSize)
        chunks.push(tasks.slice(i, i + chunkSize));
    const results = new Array(chunks.length);
    let next = 0;
    let fault;
    const pool = [];
    const pending = [];
    const give = (worker) => {
        if (next >= chunks.length || fault)
            return false;
        worker.postMessage({ chunk: next, tasks: chunks[next] });
        next++;
        return true;
    };
    for (let t = 1; t < Math.min(workers.threads, chunks.length); t++) {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(workers.script, { argv: [_worker_role_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_WORKER_ARGUMENT */ .a], workerData: { role: ROLE, settings } });
        pool.push(worker);
        let inFlight = 0;
        pending.push(new Promise((resolve) => {
            const stop = (error) => {
                fault ??= error;
                resolve();
            };
            worker.on('message', (reply) => {
                inFlight--;
                if ('error' in reply)
                    return stop(new Error(`file worker: ${reply.error}`));
                results[reply.chunk] = reply.outcomes;
                if (give(worker))
                    inFlight++;
                if (inFlight === 0)
                    stop();
            });
            worker.on('error', (error) => stop(error));
            worker.on('exit', (code) => stop(inFlight > 0 ? new Error(`file worker stopped (exit code ${code}) before its files were done`) : undefined));
            for (let k = 0; k < CHUNKS_IN_FLIGHT; k++)
                if (give(worker))
                    inFlight++;
            if (inFlight === 0)
                stop();
        }));
    }
    const processFile = (0,_file_stage_js__WEBPACK_IMPORTED_MODULE_1__/* .createFileStage */ .b)(settings);
    while (next < chunks.length && !fault) {
        const chunk = next++;
        results[chunk] = chunks[chunk].map(processFile);
        await new Promise((resolve) => setImmediate(resolve));
    }
    try {
        await Promise.all(pending);
    }
    finally {
        await Promise.all(pool.map((worker) => worker.terminate()));
    }
    if (fault)
        throw fault;
    return results.flat();
}


/***/ })

};
