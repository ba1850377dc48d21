// Linting many files on every core: worker threads, each with its own Linter, fed small batches of
// paths as they finish (so a slow file never leaves a thread idle). When there are only whole files,
// this thread lints batches too, between handling the workers' replies: one worker fewer to start
// (each loads and compiles everything, and warms up anew), which on 1,000 files was the difference
// between threads paying off and not. A large JSON export is split into
// shards, one per thread, each linting every n-th macro: the worker that takes the export parses it,
// sends back the other shares (moved, not copied; see shares.ts) for the others to lint, and lints the
// first. When the export is all there is to lint, this thread lints one of the other shares: on 2 cores
// one worker instead of two, ~8% less time and no run of the 10,000-macro export past ~290 MB (two
// workers: 255–310 MB). Results come back as plain data.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/validate.js';
import type { LintResult } from '../engine/types.js';
import type { Shard } from '../formats/index.js';
import type { LintOptions } from './lint.js';
import { shareBuffers, type PackedShare } from './shares.js';

/**
 * A file to lint: the whole of it; an export to split into `split` shares (the thread lints the first);
 * or one shard, with its share when the splitting thread sent one (else it is read from the file).
 */
export interface WorkItem {
  filePath: string;
  split?: number;
  shard?: Shard;
  share?: PackedShare;
}

/** What a worker gives back for one item: its result (none for package.json and the like) and the hash of the text it linted. */
export interface LintedFile extends WorkItem {
  result?: LintResult;
  hash?: string;
}

/** A batch for a worker; `id` comes back with its reply (a worker may hold two batches). */
export type WorkerRequest = { id: number; items: WorkItem[] };
/**
 * `handedBack`: files too large for a thread's capped heap, for the main thread to lint. `shares`: an
 * export's other shares, sent as soon as it is split, before the batch is done.
 */
export type WorkerReply =
  | { id: number; linted: LintedFile[]; handedBack: WorkItem[] }
  | { id: number; shares: WorkItem[] }
  | { error: { message: string; config: boolean } };
export interface WorkerData {
  options: LintOptions;
  hash: boolean;
}

/** Whole files larger than this are linted on the main thread (see heapLimits). */
export const THREAD_FILE_BYTES = 256 * 1024;
/** JSON exports this large or larger are split into shards when there are threads to share them… */
export const MIN_SHARDED_BYTES = 1024 * 1024;
/** …up to this size: the thread that splits a 12 MB export holds ~170 MB while it does (text, syntax tree, shares). */
export const MAX_SHARDED_BYTES = 12 * 1024 * 1024;

/**
 * Below this many files per thread, starting threads costs more than it saves: a worker loads and
 * compiles everything and warms up anew (~0.3 s of CPU), and two busy threads leave no core for V8's
 * own background work. Measured on 2 cores: 1,000 files took 1.07 s on one thread and 1.33 s on two;
 * 1,630 files about the same either way; 3,300 files 2.8 s on one and 2.5 s on two.
 */
const FILES_PER_THREAD = 750;
const MAX_THREADS = 8;
const BATCH = 16;
/**
 * What this thread lints at a time when it helps: small, because the workers' replies wait for it. Each
 * worker then holds two batches, so it always has the next one while its reply waits.
 */
const HERE_BATCH = 8;

/** The compiled worker; missing when running from TypeScript sources (tests), where linting stays on one thread. */
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * How many threads to lint `fileCount` files on, `largeExports` of them big enough to be split into
 * shards (which want every thread there is): 1 means this thread, no workers.
 */
export function threadCount(fileCount: number, concurrency: LintOptions['concurrency'] = 'auto', largeExports = 0): number {
  if (concurrency === 'off' || (fileCount < 2 && largeExports === 0) || !existsSync(WORKER_FILE)) return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, largeExports > 0 ? MAX_THREADS : fileCount));
  const wanted = largeExports > 0 ? MAX_THREADS : Math.floor(fileCount / FILES_PER_THREAD);
  return Math.max(1, Math.min(os.availableParallelism(), MAX_THREADS, wanted));
}

const wholeFile = (item: WorkItem) => item.shard === undefined && item.split === undefined;

/** The next batch from `at`: up to BATCH whole files, or an export or shard alone (as much work as many files). */
function batchAt(items: readonly WorkItem[], at: number): WorkItem[] {
  if (!wholeFile(items[at]!)) return [items[at]!];
  let end = at;
  while (end < items.length && end - at < BATCH && wholeFile(items[end]!)) end++;
  return items.slice(at, end);
}

/**
 * Each thread's heap. Left alone, V8 lets every thread's heap grow far past the ~35 MB that linting
 * keeps alive (two threads took a 10,000-file run past 370 MB); capped, the same run stays near 250 MB
 * for about 5% more CPU time. A heap near its cap spends its time collecting garbage, so threads only
 * take files that need a small part of it: whole files up to THREAD_FILE_BYTES (a Markdown file's
 * syntax tree can take a hundred times its size) and exports to split up to MAX_SHARDED_BYTES. Larger
 * files, and any a thread still runs out of memory on, are linted on the main thread, whose heap is
 * not capped. `EMPATHY_WORKER_HEAP_MB` sets another cap (the tests use tiny ones).
 */
function heapLimits(exports: boolean): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const mb = Number(process.env.EMPATHY_WORKER_HEAP_MB);
  // Threads linting the shares of an export get half the young generation: on a 10,000-macro export
  // the peak fell from ~315 to ~270 MB, for 3–5% more time linting the shares. Markdown files keep
  // 32 MB (16 costs them 3–4% more CPU time and they stay near 250 MB anyway).
  return { maxOldGenerationSizeMb: Number.isFinite(mb) && mb > 0 ? mb : 192, maxYoungGenerationSizeMb: exports ? 16 : 32 };
}

/**
 * Lints `items` on `threads` threads: this one and `threads - 1` workers when all are whole files, else
 * `threads` workers. A config error in any of them stops the run, as it would on one thread. `lintHere`
 * lints on this thread: its share of whole files, the items a worker ran out of memory on, and any left
 * when no worker remains.
 */
export async function lintInWorkers(
  items: readonly WorkItem[],
  options: LintOptions,
  threads: number,
  hash: boolean,
  lintHere: (items: readonly WorkItem[]) => Promise<LintedFile[]>,
): Promise<LintedFile[]> {
  // Loaded here, not at startup: node:worker_threads alone costs a one-file run a noticeable part of its start.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const linted: LintedFile[] = [];
  const spilled: WorkItem[] = [];
  // Shares join the queue as exports are split, right after the items already taken.
  const queue = [...items];
  // This thread lints too when there are only whole files, or one export to split: a worker splits it
  // and this thread lints a share, as a second worker would (one thread fewer to start and hold).
  const helping = items.every(wholeFile) || (items.length === 1 && items[0]!.split !== undefined);
  const depth = helping ? 2 : 1;
  /** Wakes this thread when it waits for an export's shares. */
  let wake: (() => void) | undefined;
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    /** The batches each worker holds, by request id. */
    const inFlight = new Map<Worker, Map<number, WorkItem[]>>();
    let requests = 0;
    /** Threads splitting an export, whose shares may still come; threads with nothing to do wait for them. */
    const splitting = new Set<Worker>();
    const waiting: Worker[] = [];
    let next = 0;
    let running = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      wake?.();
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const stopped = () => {
      if (--running > 0 || failed) return;
      // A shard left over goes to this thread without its share, which went with the thread that had it.
      spilled.push(...queue.slice(next).map(({ share: _moved, ...item }) => item));
      next = queue.length;
      resolve();
    };
    const held = (worker: Worker) => inFlight.get(worker) ?? inFlight.set(worker, new Map()).get(worker)!;
    /** Tops a worker up to `depth` batches; one with none to hold waits for shares, or stops. */
    const feed = (worker: Worker) => {
      const batches = held(worker);
      while (batches.size < depth && next < queue.length) {
        const batch = batchAt(queue, next);
        next += batch.length;
        const request: WorkerRequest = { id: requests++, items: batch };
        batches.set(request.id, batch);
        if (batch.some((item) => item.split !== undefined)) splitting.add(worker);
        worker.postMessage(request, batch.flatMap((item) => (item.share ? shareBuffers(item.share) : [])));
      }
      if (batches.size > 0) return;
      inFlight.delete(worker);
      if (splitting.size > 0) return void waiting.push(worker);
      void worker.terminate();
      stopped();
    };
    /** A thread is done splitting (its shares, if any, are queued): the waiting threads take them, or stop. */
    const splitDone = (worker: Worker) => {
      if (!splitting.delete(worker)) return;
      wake?.();
      for (const idle of waiting.splice(0)) feed(idle);
    };
    const { cacheLocation: _notInWorkers, ...workerOptions } = options;
    const data: WorkerData = { options: workerOptions, hash };
    const resourceLimits = heapLimits(items.some((item) => item.split !== undefined));
    for (let i = 0; i < (helping ? threads - 1 : threads); i++) {
      const worker = new Worker(WORKER_FILE, { workerData: data, resourceLimits });
      workers.push(worker);
      running++;
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return fail(reply.error.config ? new ConfigError(reply.error.message) : new Error(reply.error.message));
        if ('shares' in reply) {
          queue.splice(next, 0, ...reply.shares);
          // From here on the thread lints the first share only: should it fail, that share is what is left.
          const sent = reply.shares[0];
          if (sent?.shard) held(worker).set(reply.id, [{ filePath: sent.filePath, shard: { index: 0, of: sent.shard.of } }]);
          return splitDone(worker);
        }
        held(worker).delete(reply.id);
        linted.push(...reply.linted);
        spilled.push(...reply.handedBack);
        splitDone(worker);
        feed(worker);
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(error);
        // The batch it was on goes to the main thread, whose heap has no such cap; the others carry on.
        // An export it was splitting is linted there whole; a share it had is read from the file again.
        for (const batch of inFlight.get(worker)?.values() ?? []) spilled.push(...batch.map(({ share: _moved, ...item }) => item));
        inFlight.delete(worker);
        splitDone(worker);
        stopped();
      });
      worker.on('exit', (code) => {
        if (code !== 0 && !failed && (inFlight.get(worker)?.size ?? 0) > 0) fail(new Error(`a linting thread stopped unexpectedly (exit code ${code})`));
      });
      feed(worker);
    }
    if (helping) void lintAlongside();
    /**
     * This thread's share: a small batch of files (or one share of an export) at a time, then the
     * workers' replies, then the next batch; while an export is being split, its shares are waited for.
     */
    async function lintAlongside(): Promise<void> {
      running++;
      try {
        while (!failed) {
          if (next >= queue.length) {
            if (splitting.size === 0) break;
            await new Promise<void>((resolve) => (wake = resolve));
            wake = undefined;
            continue;
          }
          const batch = wholeFile(queue[next]!) ? queue.slice(next, next + HERE_BATCH) : [queue[next]!];
          next += batch.length;
          linted.push(...(await lintHere(batch)));
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        return fail(error as Error);
      }
      stopped();
    }
  });
  if (spilled.length > 0) linted.push(...(await lintHere(spilled)));
  return linted;
}
