// One linting thread (see pool.ts): lints the batches of files it is sent with its own Linter.
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/validate.js';
import { Linter } from './lint.js';
import { THREAD_FILE_BYTES, type LintedFile, type WorkItem, type WorkerData, type WorkerReply, type WorkerRequest } from './pool.js';
import { shareBuffers, unpackShare, type UnpackedShare } from './shares.js';

const { options, hash } = workerData as WorkerData;
const linter = new Linter({ ...options, concurrency: 'off' });

parentPort!.on('message', async ({ id, items }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const linted: LintedFile[] = [];
    const handedBack: WorkItem[] = [];
    for (const item of items) {
      if (item.split !== undefined) linted.push(await split(id, item.filePath, item.split));
      else if (item.share) linted.push({ filePath: item.filePath, shard: item.shard!, result: await linter.lintShare(item.filePath, unpacked(item)) });
      // A large file could take this thread's capped heap to its limit: the main thread lints it.
      else if (!item.shard && (statSync(item.filePath, { throwIfNoEntry: false })?.size ?? 0) > THREAD_FILE_BYTES) handedBack.push(item);
      else linted.push({ ...item, ...(await linter.lintFileHashed(item.filePath, hash, item.shard)) });
    }
    reply = { id, linted, handedBack };
  } catch (error) {
    reply = { error: { message: (error as Error).message, config: error instanceof ConfigError } };
  }
  parentPort!.postMessage(reply);
});

/** Splits an export into shares, sends all but the first to the other threads at once, and lints the first. */
async function split(id: number, filePath: string, of: number): Promise<LintedFile> {
  const outcome = await linter.splitExport(filePath, of, hash);
  const { result, hash: hashed } = outcome;
  if (!outcome.shares) return { filePath, ...(result && { result }), ...(hashed && { hash: hashed }) };
  const [own, ...others] = outcome.shares.map((share, index): WorkItem => ({ filePath, shard: { index, of }, share }));
  delete outcome.shares; // the items hold them now, until each is sent or unpacked
  parentPort!.postMessage({ id, shares: others } satisfies WorkerReply, others.flatMap((item) => shareBuffers(item.share!)));
  return { filePath, shard: { index: 0, of }, result: await linter.lintShare(filePath, unpacked(own!)), ...(hashed && { hash: hashed }) };
}

/** An item's share, unpacked, and the item's hold on its buffers let go (they would double what the thread holds). */
function unpacked(item: WorkItem): UnpackedShare {
  const share = unpackShare(item.share!);
  delete item.share;
  return share;
}
