// Starts the bundled CLI (dist/bundle/cli.cjs) from V8's code cache. Compiling the ~1 MB bundle is a
// good part of a one-file run, and Node 20 has no compile cache of its own (22 has), so the build runs
// the CLI once over the bundled examples and saves the compiled code beside the bundle (`cli.cjs.cache`,
// see build/code-cache.ts). Nothing is written at run time: a cache that does not fit this bundle (made
// when the bundle had another size or modification time) or this Node (V8 rejects it) is ignored and the
// bundle compiles as usual.
// CommonJS (.cts), as is bin/'s launcher that requires it: a start that never loads the ES module
// loader is a few milliseconds shorter.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export interface Cli {
  main(argv: readonly string[]): Promise<number>;
}

export interface LoadedCli {
  cli: Cli;
  /** Whether the compiled code came from the cache. */
  fromCache: boolean;
  /** Saves the code compiled so far (everything the run has used), for the next start. */
  saveCache(): void;
}

const cacheFileOf = (bundle: string): string => `${bundle}.cache`;

/**
 * The cache starts with a line naming the bundle it was made from by size and modification time, as
 * make and ESLint's cache tell a changed file: V8 itself checks only the source's length, and hashing
 * the bundle would cost every start more than loading node:crypto and reading it (~4 ms).
 */
interface Stamp {
  size: bigint;
  /** Whole milliseconds. */
  mtime: bigint;
}

const stampLine = ({ size, mtime }: Stamp) => `empathy-lint bundle ${size} ${mtime}\n`;
const STAMP_LINE = /^empathy-lint bundle (\d+) (\d+)\n/;

function readBundle(bundle: string): { bytes: Buffer; stamp: Stamp } {
  // One open file, so the stamp and the bytes are of the same file even if the build replaces it meanwhile.
  const fd = openSync(bundle, 'r');
  try {
    const { size, mtimeNs } = fstatSync(fd, { bigint: true });
    return { bytes: readFileSync(fd), stamp: { size, mtime: mtimeNs / 1_000_000n } };
  } finally {
    closeSync(fd);
  }
}

export function loadCli(bundle: string): LoadedCli {
  const { bytes, stamp } = readBundle(bundle);
  const cachedData = readCache(cacheFileOf(bundle), stamp);
  // Wrapped as CommonJS wraps a module, so the bundle's `require` and `__filename` are its own. An ASCII
  // bundle (esbuild writes one) reads several times faster as latin1, which is then the same text.
  const script = new vm.Script((Module as unknown as { wrap(code: string): string }).wrap(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')), {
    filename: bundle,
    cachedData,
  });
  // Code compiled this way has no import() (see config/import-module.ts, whose IMPORT_HOOK this is):
  // config files and plugins use ours.
  (globalThis as Record<symbol, unknown>)[Symbol.for('empathy-lint.import')] = (specifier: string) => import(specifier);
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return {
    cli: module.exports,
    fromCache: cachedData !== undefined && !script.cachedDataRejected,
    saveCache() {
      const file = cacheFileOf(bundle);
      writeFileSync(`${file}.tmp`, Buffer.concat([Buffer.from(stampLine(stamp), 'latin1'), script.createCachedData()]));
      renameSync(`${file}.tmp`, file);
    },
  };
}

function readCache(file: string, bundle: Stamp): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const line = STAMP_LINE.exec(data.toString('latin1', 0, 80));
  if (!line || BigInt(line[1]!) !== bundle.size) return undefined;
  // A copy that keeps timestamps (cp -p, fs.cpSync) may keep them only to the microsecond, rounded down.
  const drift = BigInt(line[2]!) - bundle.mtime;
  return drift >= -1n && drift <= 1n ? data.subarray(line[0].length) : undefined;
}
