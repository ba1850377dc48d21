// Linting many files on every core: worker threads, each with its own Linter, fed small batches of
// paths as they finish (so a slow file never leaves a thread idle). Results come back as plain data.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/validate.js';
import type { LintResult } from '../engine/types.js';
import type { LintOptions } from './lint.js';

/** What a worker gives back for one file: its result (none for package.json and the like) and the hash of the text it linted. */
export interface LintedFile {
  filePath: string;
  result?: LintResult;
  hash?: string;
}

export type WorkerRequest = { files: string[] };
export type WorkerReply = { linted: LintedFile[] } | { error: { message: string; config: boolean } };
export interface WorkerData {
  options: LintOptions;
  hash: boolean;
}

/** Below this many files per thread, starting threads (each loads and compiles everything) costs more than it saves. */
const FILES_PER_THREAD = 100;
const MAX_THREADS = 8;
const BATCH = 16;

/** The compiled worker; missing when running from TypeScript sources (tests), where linting stays on one thread. */
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/** How many threads to lint `fileCount` files on: 1 means this thread, no workers. */
export function threadCount(fileCount: number, concurrency: LintOptions['concurrency'] = 'auto'): number {
  if (concurrency === 'off' || fileCount < 2 || !existsSync(WORKER_FILE)) return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, fileCount));
  return Math.max(1, Math.min(os.availableParallelism(), MAX_THREADS, Math.floor(fileCount / FILES_PER_THREAD)));
}

/** Lints `files` on `threads` worker threads. A config error in any of them stops the run, as it would on one thread. */
export async function lintInWorkers(files: readonly string[], options: LintOptions, threads: number, hash: boolean): Promise<LintedFile[]> {
  // Loaded here, not at startup: node:worker_threads alone costs a one-file run a noticeable part of its start.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const linted: LintedFile[] = [];
    const workers: Worker[] = [];
    let next = 0;
    let running = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= files.length) {
        void worker.terminate();
        if (--running === 0 && !failed) resolve(linted);
        return;
      }
      const request: WorkerRequest = { files: files.slice(next, next + BATCH) };
      next += BATCH;
      worker.postMessage(request);
    };
    const { cacheLocation: _notInWorkers, ...workerOptions } = options;
    const data: WorkerData = { options: workerOptions, hash };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_FILE, { workerData: data });
      workers.push(worker);
      running++;
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return fail(reply.error.config ? new ConfigError(reply.error.message) : new Error(reply.error.message));
        linted.push(...reply.linted);
        feed(worker);
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !failed && next < files.length) fail(new Error(`a linting thread stopped unexpectedly (exit code ${code})`));
      });
      feed(worker);
    }
  });
}
