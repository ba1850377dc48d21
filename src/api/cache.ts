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
import type { Diagnostic, LintResult } from '../engine/types.js';

/**
 * The file as stored. A library's findings say the same few dozen things thousands of times, so each
 * message text and config key is kept once, in `texts` and `configs`, and referred to by its index;
 * a result's file is its key. A third of the size, read and parsed in a third of the time.
 */
interface CacheFile {
  tool: 'empathy-lint';
  version: string;
  layout: typeof LAYOUT;
  texts: string[];
  configs: string[];
  files: Record<string, CacheEntry>;
}

interface CacheEntry {
  hash: string;
  /** Index into `configs`. */
  config: number;
  result: StoredResult;
  stamp?: string;
}

type StoredResult = Omit<LintResult, 'filePath' | 'messages'> & { messages: StoredMessage[] };
/** `message`: index into `texts`. */
type StoredMessage = Omit<Diagnostic, 'message'> & { message: number };

/** Changed whenever the stored form changes: a file of another layout is started afresh. */
const LAYOUT = 2;

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
  /** Where each text and config key is in the file's tables, to add new ones. */
  private readonly textIndex: Map<string, number>;
  private readonly configIndex: Map<string, number>;

  private constructor(
    private readonly location: string,
    private readonly data: CacheFile,
  ) {
    this.textIndex = new Map(data.texts.map((text, i) => [text, i]));
    this.configIndex = new Map(data.configs.map((config, i) => [config, i]));
  }

  static async open(location: string, version: string): Promise<LintCache> {
    const fresh: CacheFile = { tool: 'empathy-lint', version, layout: LAYOUT, texts: [], configs: [], files: {} };
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
      const usable =
        data.tool === 'empathy-lint' &&
        data.version === version &&
        data.layout === LAYOUT &&
        Array.isArray(data.texts) &&
        Array.isArray(data.configs) &&
        typeof data.files === 'object' &&
        data.files !== null;
      return new LintCache(location, usable ? (data as CacheFile) : fresh);
    } catch {
      return new LintCache(location, fresh);
    }
  }

  /** The result stored for a file whose stamp and config are still the ones it was stored with. */
  getByStamp(filePath: string, stamp: string, config: string): LintResult | undefined {
    const entry = this.entry(filePath, config);
    return entry && entry.stamp === stamp ? this.restore(filePath, entry.result) : undefined;
  }

  /** The result stored for a file whose text (by hash) and config are unchanged; its new stamp is kept for next time. */
  get(filePath: string, hash: string, config: string, stamp?: string): LintResult | undefined {
    const entry = this.entry(filePath, config);
    if (!entry || entry.hash !== hash) return undefined;
    if (stamp !== undefined && entry.stamp !== stamp) {
      entry.stamp = stamp;
      this.dirty = true;
    }
    return this.restore(filePath, entry.result);
  }

  /** `stamp` must be taken before the file is read, so that a write while it was linted shows next time. */
  set(filePath: string, hash: string, config: string, result: LintResult, stamp?: string): void {
    const { filePath: _file, messages, ...rest } = result;
    // Messages first, as in a result (after its file): restored, the fields come back in their order.
    const stored: StoredResult = { messages: messages.map((m) => ({ ...m, message: indexIn(this.data.texts, this.textIndex, m.message) })), ...rest };
    this.data.files[filePath] = { hash, config: indexIn(this.data.configs, this.configIndex, config), result: stored, ...(stamp !== undefined && { stamp }) };
    this.dirty = true;
  }

  /** A file's entry, when it was stored under this config. */
  private entry(filePath: string, config: string): CacheEntry | undefined {
    const entry = Object.hasOwn(this.data.files, filePath) ? this.data.files[filePath] : undefined;
    return entry && this.data.configs[entry.config] === config ? entry : undefined;
  }

  /** A stored result as it was linted (fields in their order); undefined when a text it refers to is missing. */
  private restore(filePath: string, stored: StoredResult): LintResult | undefined {
    const { texts } = this.data;
    if (!Array.isArray(stored.messages) || !stored.messages.every((m) => typeof texts[m.message] === 'string')) return undefined;
    return { filePath, ...stored, messages: stored.messages.map((m) => ({ ...m, message: texts[m.message]! })) };
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

/** The index of `value` in `table`, added at the end when it is new. */
function indexIn(table: string[], index: Map<string, number>, value: string): number {
  let at = index.get(value);
  if (at === undefined) {
    at = table.push(value) - 1;
    index.set(value, at);
  }
  return at;
}
