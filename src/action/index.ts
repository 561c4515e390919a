// Entry point of the bundled action (dist/index.js). The same file serves as a file worker when
// the engine starts one on a large repository.
import { isFileWorker, serveFileWorker } from '../engine/file-workers.js';
import { run } from './main.js';

if (isFileWorker()) serveFileWorker();
else void run(new URL(import.meta.url));
