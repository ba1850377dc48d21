// One linting thread (see pool.ts): lints the batches of files it is sent with its own Linter.
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/validate.js';
import { Linter } from './lint.js';
import type { LintedFile, WorkerData, WorkerReply, WorkerRequest } from './pool.js';

const { options, hash } = workerData as WorkerData;
const linter = new Linter({ ...options, concurrency: 'off' });

parentPort!.on('message', async ({ files }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const linted: LintedFile[] = [];
    for (const filePath of files) linted.push({ filePath, ...(await linter.lintFileHashed(filePath, hash)) });
    reply = { linted };
  } catch (error) {
    reply = { error: { message: (error as Error).message, config: error instanceof ConfigError } };
  }
  parentPort!.postMessage(reply);
});
