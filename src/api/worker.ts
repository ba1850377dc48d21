// One linting thread (see pool.ts): lints the batches of files it is sent with its own Linter.
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/validate.js';
import { Linter } from './lint.js';
import { THREAD_FILE_BYTES, type LintedFile, type WorkItem, type WorkerData, type WorkerReply, type WorkerRequest } from './pool.js';

const { options, hash } = workerData as WorkerData;
const linter = new Linter({ ...options, concurrency: 'off' });

parentPort!.on('message', async ({ items }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const linted: LintedFile[] = [];
    const handedBack: WorkItem[] = [];
    for (const item of items) {
      // A large file could take this thread's capped heap to its limit: the main thread lints it.
      if (!item.shard && (statSync(item.filePath, { throwIfNoEntry: false })?.size ?? 0) > THREAD_FILE_BYTES) handedBack.push(item);
      else linted.push({ ...item, ...(await linter.lintFileHashed(item.filePath, hash, item.shard)) });
    }
    reply = { linted, handedBack };
  } catch (error) {
    reply = { error: { message: (error as Error).message, config: error instanceof ConfigError } };
  }
  parentPort!.postMessage(reply);
});
