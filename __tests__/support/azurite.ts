/**
 * Runs Azurite's blob service (`azurite-blob` from node_modules) on
 * 127.0.0.1 with a port chosen by the OS, in memory, for the duration of a
 * test file.
 *
 * Orphan protection: the child is started through a tiny `node -e` wrapper
 * that loads Azurite in-process and exits when its stdin closes, i.e. when
 * the test process dies for whatever reason (even SIGKILL). `stop()` sends
 * SIGTERM (Azurite closes gracefully) and escalates to SIGKILL after 1 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  SASProtocol,
} from '@azure/storage-blob';

const require = createRequire(import.meta.url);

/** Azurite's well-known development account (published in Azurite's README). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Max time to wait for "successfully listens" (default 20 s). */
  startTimeoutMs?: number;
  /** Keep Azurite's access log (default: silent). */
  verbose?: boolean;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) {
      try {
        c.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
}

export class Azurite {
  /** e.g. `http://127.0.0.1:41234` */
  origin = '';
  port = 0;
  readonly credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
  private child?: ChildProcess;
  private workdir?: string;
  private output = '';

  /** Blob service endpoint, `http://127.0.0.1:<port>/devstoreaccount1`. */
  get accountUrl(): string {
    return `${this.origin}/${AZURITE_ACCOUNT}`;
  }

  /** A client with the account key (full access). */
  serviceClient(): BlobServiceClient {
    return new BlobServiceClient(this.accountUrl, this.credential, {
      retryOptions: { maxTries: 2, retryDelayInMs: 50, maxRetryDelayInMs: 200 },
    });
  }

  /** Combined stdout/stderr of Azurite so far (for debugging). */
  get log(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(opts: AzuriteOptions = {}): Promise<void> {
    if (this.child) return;
    installExitHook();
    const main = join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');
    this.workdir = mkdtempSync(join(tmpdir(), 'azurite-'));
    const args = [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '256',
      '--blobKeepAliveTimeout',
      '1',
      '--loose',
      ...(opts.verbose ? [] : ['--silent']),
    ];
    // Wrapper: die with the parent (stdin EOF), then run Azurite's CLI in-process.
    const wrapper = [
      "process.stdin.on('end', () => process.exit(0)); process.stdin.on('error', () => process.exit(0)); process.stdin.resume();",
      `process.argv = [process.execPath, ${JSON.stringify(main)}, ...${JSON.stringify(args)}];`,
      `require(${JSON.stringify(main)});`,
    ].join('\n');
    const child = spawn(process.execPath, ['-e', wrapper], {
      cwd: this.workdir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: minimalEnv(),
    });
    this.child = child;
    live.add(child);
    child.on('exit', () => live.delete(child));

    const timeoutMs = opts.startTimeoutMs ?? 20_000;
    const listening = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Azurite did not start within ${timeoutMs} ms. Output:\n${this.output}`));
      }, timeoutMs);
      const onData = (b: Buffer) => {
        this.output += b.toString();
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
        const m = /successfully listens on (http:\/\/127\.0\.0\.1:(\d+))/.exec(this.output);
        if (m) {
          this.origin = m[1]!;
          this.port = Number(m[2]);
          cleanup();
          resolve();
        }
      };
      const onExit = (code: number | null, sig: string | null) => {
        cleanup();
        reject(new Error(`Azurite exited early (code ${code}, signal ${sig}). Output:\n${this.output}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('exit', onExit);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', onExit);
    });
    try {
      await listening;
    } catch (e) {
      await this.stop();
      throw e;
    }
    // Readiness: the port is open once the message is printed, but verify with a
    // real request (bounded poll).
    const svc = this.serviceClient();
    let lastErr: unknown;
    for (let i = 0; i < 50; i++) {
      try {
        await svc.getProperties();
        return;
      } catch (e) {
        lastErr = e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await this.stop();
    throw new Error(`Azurite not ready: ${String(lastErr)}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      // In-memory: nothing to flush, so don't wait long for a graceful close.
      const t = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exited;
      clearTimeout(t);
    }
    if (child) live.delete(child);
    if (this.workdir) {
      rmSync(this.workdir, { recursive: true, force: true });
      this.workdir = undefined;
    }
  }

  async createContainer(name: string): Promise<void> {
    await this.serviceClient().getContainerClient(name).createIfNotExists();
  }

  /** A service SAS URL for one blob. */
  blobSasUrl(container: string, blob: string, permissions: string, ttlMs = 3_600_000): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + ttlMs),
        protocol: SASProtocol.HttpsAndHttp,
      },
      this.credential,
    ).toString();
    return `${this.accountUrl}/${container}/${blob.split('/').map(encodeURIComponent).join('/')}?${sas}`;
  }

  async download(container: string, blob: string): Promise<Buffer> {
    return this.serviceClient().getContainerClient(container).getBlobClient(blob).downloadToBuffer();
  }

  async exists(container: string, blob: string): Promise<boolean> {
    return this.serviceClient().getContainerClient(container).getBlobClient(blob).exists();
  }

  async size(container: string, blob: string): Promise<number | undefined> {
    const p = await this.serviceClient().getContainerClient(container).getBlobClient(blob).getProperties();
    return p.contentLength;
  }

  async delete(container: string, blob: string): Promise<void> {
    await this.serviceClient().getContainerClient(container).getBlobClient(blob).deleteIfExists();
  }
}

function minimalEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return env;
}
