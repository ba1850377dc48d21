// --cache: a file's results are reused while its content, its resolved config and the tool's version
// are unchanged. A cache file that is corrupt, foreign or from another version is quietly started afresh.
import { createRequire } from 'node:module';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../engine/types.js';

interface CacheFile {
  tool: 'empathy-lint';
  version: string;
  files: Record<string, { hash: string; config: string; result: LintResult }>;
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

  get(filePath: string, hash: string, config: string): LintResult | undefined {
    const entry = this.data.files[filePath];
    return entry && entry.hash === hash && entry.config === config ? entry.result : undefined;
  }

  set(filePath: string, hash: string, config: string, result: LintResult): void {
    this.data.files[filePath] = { hash, config, result };
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
