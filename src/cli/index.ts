// Entry point of the bundled CLI (dist/cli/index.js, which dist/cli.js starts). The same file serves
// as a file worker when the engine starts one on a large repository. It loads the rest only after
// Node's compile cache is on (see startup.ts).
import { startedAsFileWorker } from '../engine/worker-role.js';
import { internalFault, useCompileCache } from '../startup.js';

useCompileCache();
const self = new URL(import.meta.url);
(startedAsFileWorker() ? import('../engine/file-workers.js').then((workers) => workers.serveFileWorker()) : import('./cli.js').then((cli) => cli.startCli(self))).catch(internalFault);
