// --cache: a file's results are reused while its content, its resolved config and the tool's version
// are unchanged. A cache file that is corrupt, foreign or from another version is quietly started afresh.
//
// Whether the content is unchanged is first told from the file's stamp (size, modification and change
// times), as ESLint's default cache strategy does, and only when the stamp differs from the file's
// SHA-1: a `git checkout` or a fresh clone, which rewrite files, cost one hashing run and no linting.
// Any write to a file moves its change time (ctime), which no tool can set back, so a file edited in
// place is never taken for unchanged.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../engine/types.js';

interface CacheFile {
  tool: 'empathy-lint';
  version: string;
  files: Record<string, { hash: string; config: string; result: LintResult; stamp?: string }>;
}

/** A file's size, and its size, modification and change times as one string; undefined when there is no such file. */
export function stampOf(filePath: string): { stamp: string; size: number } | undefined {
  const info = statSync(filePath, { throwIfNoEntry: false });
  return info ? { stamp: `${info.size}:${info.mtimeMs}:${info.ctimeMs}`, size: info.size } : undefined;
}

export const DEFAULT_CACHE_LOCATION = '.empathycache';

/** node:crypto, loaded the first time something is hashed: a run without --cache hashes nothing, and loading it is ~2.5 ms of a start. */
let nodeCrypto: typeof import('node:crypto') | undefined;

export function hashOf(text: string): string {
  nodeCrypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return nodeCrypto.createHash('sha1').update(text).digest('hex');
}

export class LintCache {
  private dirty = false;

  private constructor(
    private readonly location: string,
    private readonly data: CacheFile,
  ) {}

  static async open(location: string, version: string): Promise<LintCache> {
    const fresh: CacheFile = { tool: 'empathy-lint', version, files: {} };
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
      const usable = data.tool === 'empathy-lint' && data.version === version && typeof data.files === 'object' && data.files !== null;
      return new LintCache(location, usable ? (data as CacheFile) : fresh);
    } catch {
      return new LintCache(location, fresh);
    }
  }

  /** The result stored for a file whose stamp and config are still the ones it was stored with. */
  getByStamp(filePath: string, stamp: string, config: string): LintResult | undefined {
    const entry = this.data.files[filePath];
    return entry && entry.stamp === stamp && entry.config === config ? entry.result : undefined;
  }

  /** The result stored for a file whose text (by hash) and config are unchanged; its new stamp is kept for next time. */
  get(filePath: string, hash: string, config: string, stamp?: string): LintResult | undefined {
    const entry = this.data.files[filePath];
    if (!entry || entry.hash !== hash || entry.config !== config) return undefined;
    if (stamp !== undefined && entry.stamp !== stamp) {
      entry.stamp = stamp;
      this.dirty = true;
    }
    return entry.result;
  }

  /** `stamp` must be taken before the file is read, so that a write while it was linted shows next time. */
  set(filePath: string, hash: string, config: string, result: LintResult, stamp?: string): void {
    this.data.files[filePath] = { hash, config, result, ...(stamp !== undefined && { stamp }) };
    this.dirty = true;
  }

  /** Written atomically, and only when something changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const temporary = `${this.location}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.data), 'utf8');
    await rename(temporary, this.location);
    this.dirty = false;
  }

  static resolve(cwd: string, location = DEFAULT_CACHE_LOCATION): string {
    return path.resolve(cwd, location);
  }
}
