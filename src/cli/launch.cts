// Starts the bundled CLI (dist/bundle/cli.cjs) from V8's code cache. Compiling the ~1 MB bundle is a
// good part of a one-file run, and Node 20 has no compile cache of its own (22 has), so the build runs
// the CLI once over the bundled examples and saves the compiled code beside the bundle (`cli.cjs.cache`,
// see build/code-cache.ts). Nothing is written at run time: a cache that does not fit this bundle (its
// checksum differs) or this Node (V8 rejects it) is ignored and the bundle compiles as usual.
// CommonJS (.cts), as is bin/'s launcher that requires it: a start that never loads the ES module
// loader is a few milliseconds shorter.
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** The cache starts with the checksum of the bundle it was made from, then a line break. */
const CHECKSUM_LENGTH = 40;

export function loadCli(bundle: string): LoadedCli {
  const bytes = readFileSync(bundle);
  const checksum = createHash('sha1').update(bytes).digest('hex');
  const cachedData = readCache(cacheFileOf(bundle), checksum);
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
      writeFileSync(`${file}.tmp`, Buffer.concat([Buffer.from(`${checksum}\n`, 'latin1'), script.createCachedData()]));
      renameSync(`${file}.tmp`, file);
    },
  };
}

function readCache(file: string, checksum: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.toString('latin1', 0, CHECKSUM_LENGTH) !== checksum || data[CHECKSUM_LENGTH] !== 0x0a) return undefined;
  return data.subarray(CHECKSUM_LENGTH + 1);
}
