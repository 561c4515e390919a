// Entry point of the bundled CLI (dist/cli.js). The same file serves as a file worker when the
// engine starts one on a large repository.
import { fstatSync } from 'node:fs';
import { isFileWorker, serveFileWorker } from '../engine/file-workers.js';
import { runCli } from './cli.js';

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

if (isFileWorker()) serveFileWorker();
else
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    workerScript: new URL(import.meta.url),
    stdoutIsFile: isRegularFile(1),
    stdoutIsTTY: process.stdout.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
