// What the CLI (and, later, users' scripts) call: lint files or text, fix them, write the fixes.
import { readFile, rename, stat, unlink, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { ConfigLoader } from '../config/load.js';
import { ConfigError, parseMacroFormat, parseRuleFlag, withRuleOverrides, type ResolvedConfig, type RuleRegistry } from '../config/validate.js';
import { getDialect, guessDialect, knownDialect } from '../engine/dialects.js';
import { didYouMean } from '../engine/similar.js';
import { fixUntilStable } from '../engine/fixer.js';
import { applyDirectives, parseDirectives } from '../engine/directives.js';
import { compareDiagnostics, lintMacros, macroInfo, type EnabledRule } from '../engine/linter.js';
import { compareNames } from '../engine/order.js';
import { LineIndex } from '../engine/positions.js';
import { libraryScore, macroScore } from '../engine/score.js';
import type { Diagnostic, LintResult, MacroResult, SeverityLevel } from '../engine/types.js';
import { loadHtmlSupport, parseSource, shareOutcome, splitSource, type MacroFormat, type MacrosOutcome, type Shard } from '../formats/index.js';
import type { RuleDescription } from '../formatters/index.js';
import { hashOf, LintCache, stampOf } from './cache.js';
import { findFiles } from './files.js';
import { lintInWorkers, MAX_SHARDED_BYTES, MIN_SHARDED_BYTES, threadCount, type LintedFile, type WorkItem } from './pool.js';
import { packShare, unpackShare, type PackedShare, type UnpackedShare } from './shares.js';
import { DEFAULT_MAX_FILE_SIZE, readMacroFile } from './read.js';
import { ignoredFileWarning, loadIgnore } from './ignore.js';
import { toolVersion } from '../version.js';

interface CacheLookup {
  hit?: LintResult;
  configKey: string;
  /** The file's stamp when it was looked up (see stampOf). */
  stamp?: string;
}

export interface LintOptions {
  /** Folder that relative patterns and paths are resolved against. */
  cwd?: string;
  /** Use this config file for every file instead of looking one up. */
  configFile?: string;
  /** `id:severity` overrides, as given to `--rule`. */
  ruleFlags?: readonly string[];
  /** Compute fixes (applied in memory; call `writeFixes` to save them). */
  fix?: boolean;
  /** Read JSON files as this helpdesk format (`--macro-format`), whatever the config says. */
  macroFormat?: string;
  /** Also apply the first suggestion of each finding of this rule (`--apply-suggestion`), in memory like `fix`. */
  applySuggestion?: string;
  /** Reuse results of unchanged files from this cache file (`--cache`); not used when fixing. */
  cacheLocation?: string;
  /** false: look for no config file, use the built-in defaults and flags only (`--no-config-lookup`). */
  configLookup?: boolean;
  /** false: use no ignore file or pattern (`--no-ignore`). */
  ignore?: boolean;
  /** Use this ignore file instead of `.empathyignore` (`--ignore-path`). */
  ignorePath?: string;
  /** More ignore patterns, gitignore syntax (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
  /** Report `<!-- empathy-disable -->` comments that turned nothing off. */
  reportUnusedDisableDirectives?: boolean;
  /** Files larger than this many bytes are reported and skipped (`--max-file-size`, default 10 MB). */
  maxFileSize?: number;
  /**
   * Threads to lint files on (`--concurrency`): a number, `off` (this thread only) or `auto` (the
   * default: one per core when there are enough files to pay for starting them, or a JSON export of
   * 1–12 MB to share out). Not when fixing, a large export is split across the threads (see pool.ts).
   */
  concurrency?: number | 'auto' | 'off';
}

export interface LintReport {
  results: LintResult[];
  /** Patterns that matched no file. */
  unmatchedPatterns: string[];
  /** Folders and globs whose every file is ignored. */
  allIgnoredPatterns?: string[];
}

export type { LintResult };

export const builtinRegistry: RuleRegistry = new Map(builtinRules.map((rule) => [rule.meta.id, rule]));

/** What formatters that list rules (SARIF, HTML) need to know of each one. */
export function describeRules(registry: RuleRegistry = builtinRegistry): RuleDescription[] {
  return [...registry.values()].map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    docs: meta.docs,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable,
  }));
}

export class Linter {
  private readonly loader = new ConfigLoader(builtinRegistry);
  private readonly cwd: string;
  private readonly overrides = new Map<string, SeverityLevel>();
  private readonly enabled = new WeakMap<ResolvedConfig, EnabledRule[]>();
  /** Each config with the --rule overrides applied, made once so the caches above keep working. */
  private readonly overridden = new WeakMap<ResolvedConfig, ResolvedConfig>();
  private readonly fingerprints = new WeakMap<ResolvedConfig, string>();
  private fixedConfig?: Promise<ResolvedConfig>;
  private readonly macroFormat?: MacroFormat;

  constructor(private readonly options: LintOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    if (options.macroFormat !== undefined) {
      this.macroFormat = parseMacroFormat(options.macroFormat, '--macro-format', (message) => {
        throw new ConfigError(message);
      });
    }
    // Plugin rules (namespace/id) are only known once a config has loaded them.
    if (options.applySuggestion !== undefined && !options.applySuggestion.includes('/') && !builtinRegistry.has(options.applySuggestion)) {
      throw new ConfigError(`--apply-suggestion: unknown rule "${options.applySuggestion}"${didYouMean(options.applySuggestion, builtinRegistry.keys())}`);
    }
    for (const flag of options.ruleFlags ?? []) {
      const parsed = parseRuleFlag(flag);
      if (typeof parsed === 'string') throw new ConfigError(parsed);
      this.overrides.set(parsed[0], parsed[1]);
    }
  }

  async lintFiles(patterns: readonly string[]): Promise<LintReport> {
    if (this.options.configFile) await this.configFor(path.join(this.cwd, 'x.md')); // a broken --config fails before any file
    const { ignore, ignorePath, ignorePatterns } = this.options;
    const filter = await loadIgnore({ cwd: this.cwd, ...(ignorePath ? { ignorePath } : {}), patterns: [...(ignorePatterns ?? [])], enabled: ignore !== false });
    const { files, unmatched, ignoredExplicit, allIgnored } = await findFiles(patterns, this.cwd, filter);
    const fixing = this.options.fix === true || this.options.applySuggestion !== undefined;
    const cache = this.options.cacheLocation && !fixing ? await LintCache.open(this.options.cacheLocation, toolVersion()) : undefined;
    const results: LintResult[] = [];
    // Unchanged files come from the cache; the rest are linted, on several threads when there are many.
    const lookups = new Map<string, CacheLookup>();
    let toLint: readonly string[] = files;
    if (cache) {
      toLint = [];
      for (const file of files) {
        const lookup = await this.cacheLookup(file, cache);
        if (lookup.hit) results.push(lookup.hit);
        else {
          (toLint as string[]).push(file);
          lookups.set(file, lookup);
        }
      }
    }
    // A large export is split into shards, one per thread (the thread that takes it parses it and deals
    // the shares out); a fix needs the whole file, so not when fixing.
    const large = fixing ? [] : await largeExports(toLint, this.options.maxFileSize);
    const threads = threadCount(toLint.length, this.options.concurrency, large.length);
    const sharded = new Set(threads > 1 ? large : []);
    // Exports first, so their shares are ready early.
    const items: WorkItem[] = [...[...sharded].map((filePath) => ({ filePath, split: threads })), ...toLint.filter((file) => !sharded.has(file)).map((filePath) => ({ filePath }))];
    const linted = threads > 1
      ? await lintInWorkers(items, this.options, threads, cache !== undefined, (spilled) => this.lintEach(spilled, cache !== undefined))
      : await this.lintEach(items, cache !== undefined);
    for (const { filePath, result, hash } of joinShards(linted)) {
      if (!result) continue;
      results.push(result);
      // A file that is skipped (package.json) or could not be read as macros is simply linted again next time.
      const lookup = lookups.get(filePath);
      if (cache && lookup && hash && result.fatalErrorCount === 0) cache.set(filePath, hash, lookup.configKey, result, lookup.stamp);
    }
    await cache?.save();
    // A file named on the command line but ignored gets a warning, as ESLint gives one.
    results.push(...ignoredExplicit.map((file) => summarise(file, [ignoredFileWarning()], [])));
    results.sort((a, b) => compareNames(a.filePath, b.filePath));
    return { results, unmatchedPatterns: unmatched, allIgnoredPatterns: allIgnored };
  }

  /** Lints one file on disk; undefined when the file is not a macro file (package.json and the like). */
  async lintFile(filePath: string, cache?: LintCache): Promise<LintResult | undefined> {
    if (!cache) return (await this.lintFileHashed(filePath, false)).result;
    const lookup = await this.cacheLookup(filePath, cache);
    if (lookup.hit) return lookup.hit;
    const { result, hash } = await this.lintFileHashed(filePath, true);
    if (result && hash && result.fatalErrorCount === 0) cache.set(filePath, hash, lookup.configKey, result, lookup.stamp);
    return result;
  }

  /** Lints one file on disk, and gives the hash of the text it linted when asked (for the cache). */
  async lintFileHashed(filePath: string, hash: boolean, shard?: Shard): Promise<{ result?: LintResult; hash?: string }> {
    const read = readMacroFile(filePath, this.options.maxFileSize);
    if (!read.ok) return { result: fatalResult(filePath, read.message, read.line, read.column) };
    const result = await this.lintText(read.text, filePath, shard);
    return { ...(result && { result }), ...(hash && { hash: hashOf(read.text) }) };
  }

  /**
   * Lints items on this thread: a share sent by the thread that split its export; an export to split is
   * linted whole, and a shard whose share went with a thread that ran out of memory is linted from the
   * file again.
   */
  private async lintEach(items: readonly WorkItem[], hash: boolean): Promise<LintedFile[]> {
    const linted: LintedFile[] = [];
    for (const item of items) {
      const { filePath, shard, share } = item;
      if (share && shard) {
        delete item.share; // unpacked, the share is held once
        linted.push({ filePath, shard, result: await this.lintShare(filePath, unpackShare(share)) });
      } else linted.push({ filePath, ...(shard && { shard }), ...(await this.lintFileHashed(filePath, hash, shard)) });
    }
    return linted;
  }

  /**
   * Reads a large JSON export and deals its macros into `of` shares, one per thread (see ExportShare);
   * or, when the file cannot be split (not macros, not valid JSON), its result linted whole.
   */
  async splitExport(filePath: string, of: number, hash: boolean): Promise<{ shares?: PackedShare[]; result?: LintResult; hash?: string }> {
    const read = readMacroFile(filePath, this.options.maxFileSize);
    if (!read.ok) return { result: fatalResult(filePath, read.message, read.line, read.column) };
    const hashed = hash ? { hash: hashOf(read.text) } : {};
    // Positions never count a byte-order mark (see lintText).
    const source = read.text.startsWith('\uFEFF') ? read.text.slice(1) : read.text;
    const shares = splitSource(filePath, source, await this.configFor(filePath), of);
    if (!shares) {
      const result = await this.lintText(read.text, filePath);
      return { ...(result && { result }), ...hashed };
    }
    const lines = new LineIndex(source).starts;
    return { shares: shares.map((share) => packShare(source, share, lines)), ...hashed };
  }

  /**
   * Lints one share of an export (see splitExport); its findings are placed in the whole file. Unpack
   * it first (unpackShare) and let the buffers go: the share is then held once, not twice.
   */
  async lintShare(filePath: string, { share, lines }: UnpackedShare): Promise<LintResult> {
    const config = await this.configFor(filePath);
    await loadHtmlSupport();
    try {
      return this.lintOutcome(filePath, config, shareOutcome(share), new LineIndex(lines), '').result;
    } catch (error) {
      return unreadable(filePath, error);
    }
  }

  /**
   * The cached result of a file, if its text and config are unchanged (by its stamp, else by its hash);
   * else the config's key and the file's stamp to store a result under.
   */
  private async cacheLookup(filePath: string, cache: LintCache): Promise<CacheLookup> {
    const config = `${this.fingerprint(await this.configFor(filePath))}${this.options.reportUnusedDisableDirectives ? '+unused-directives' : ''}`;
    const file = stampOf(filePath);
    const stamp = file?.stamp;
    // A file now over the size limit is read (and refused) as any other; under it, the stamp can tell.
    const stamped = file && file.size <= (this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) ? cache.getByStamp(filePath, file.stamp, config) : undefined;
    if (stamped) return { hit: stamped, configKey: config };
    const read = readMacroFile(filePath, this.options.maxFileSize);
    const hit = read.ok ? cache.get(filePath, hashOf(read.text), config, stamp) : undefined;
    return { ...(hit && { hit }), configKey: config, ...(stamp !== undefined && { stamp }) };
  }

  /** Everything in a resolved config that can change a file's results, as one string. */
  private fingerprint(config: ResolvedConfig): string {
    let key = this.fingerprints.get(config);
    if (!key) {
      const { filePath: _where, files: _files, registry: _registry, rules, ...rest } = config;
      key = hashOf(JSON.stringify({ rules: [...rules].sort(([a], [b]) => compareNames(a, b)), ...rest }));
      this.fingerprints.set(config, key);
    }
    return key;
  }

  /** `shard`: lint only that share of a JSON export's macros (the pool joins the shards' results). */
  async lintText(text: string, filePath: string, shard?: Shard): Promise<LintResult | undefined> {
    // A byte-order mark is not prose and not a column: lint past it, give it back to fixed text.
    const bom = text.startsWith('\uFEFF');
    return withBom(await this.lintWithoutBom(bom ? text.slice(1) : text, filePath, shard), bom);
  }

  private async lintWithoutBom(source: string, filePath: string, shard?: Shard): Promise<LintResult | undefined> {
    const config = await this.configFor(filePath);
    // JSON exports may hold HTML bodies: the HTML parser loads with the first one.
    if (path.extname(filePath).toLowerCase() === '.json') await loadHtmlSupport();
    const first = this.lintSource(source, filePath, config, shard);
    const { fix, applySuggestion } = this.options;
    if (!first || first.fatal || (!fix && applySuggestion === undefined)) return first?.result;
    const fixesIn = (messages: readonly Diagnostic[]) => messages.flatMap((m) => (m.fix ? [m.fix] : []));
    // A suggestion need not silence its finding, so suggestions go in with the first pass only: applying
    // one again on each pass could stack it. Fixes (with --fix) repeat until the text is stable.
    const suggested = (messages: readonly Diagnostic[]) =>
      messages.flatMap((m) => (m.ruleId === applySuggestion && m.suggestions?.[0] ? [m.suggestions[0].fix] : []));
    const loop = fixUntilStable(source, (text) => {
      if (text === source) return [...(fix ? fixesIn(first.result.messages) : []), ...suggested(first.result.messages)];
      return fix ? fixesIn(this.lintSource(text, filePath, config)?.result.messages ?? []) : [];
    });
    if (loop.output === source) return first.result;
    const final = this.lintSource(loop.output, filePath, config)!.result;
    final.source = source;
    final.output = loop.output;
    if (loop.stop !== 'done') final.fixStop = loop.stop;
    return final;
  }

  /** The config a file gets, with the command line's overrides applied (`--print-config`). */
  async configFor(filePath: string): Promise<ResolvedConfig> {
    const { configFile } = this.options;
    // Created on first use and awaited at once, so a bad --config can never be an unhandled rejection.
    if (configFile) this.fixedConfig ??= this.loader.fromFile(path.resolve(this.cwd, configFile));
    const base = this.options.configLookup === false && !configFile
      ? this.loader.defaults()
      : await (this.fixedConfig ?? this.loader.forFile(path.resolve(this.cwd, filePath)));
    let config = this.overridden.get(base);
    if (!config) {
      for (const id of this.overrides.keys()) {
        if (!base.registry.has(id)) throw new ConfigError(`--rule: unknown rule "${id}"${didYouMean(id, base.registry.keys())}`);
      }
      config = withRuleOverrides(base, this.overrides);
      if (this.macroFormat) config = { ...config, format: this.macroFormat };
      if (config.format === 'generic' && !config.json) {
        throw new ConfigError(`--macro-format generic needs a "json" section in the config saying where the macros are`, base.filePath);
      }
      this.overridden.set(base, config);
    }
    return config;
  }

  private lintSource(source: string, filePath: string, config: ResolvedConfig, shard?: Shard): { result: LintResult; fatal: boolean } | undefined {
    try {
      return this.lintParsed(source, filePath, config, shard);
    } catch (error) {
      return { result: unreadable(filePath, error), fatal: true };
    }
  }

  private lintParsed(source: string, filePath: string, config: ResolvedConfig, shard?: Shard): { result: LintResult; fatal: boolean } | undefined {
    if (source.trim() === '' && path.extname(filePath).toLowerCase() !== '.json') {
      return { result: summarise(filePath, [fileNotice('The file is empty: there is no macro to lint.')], []), fatal: false };
    }
    const outcome = parseSource(filePath, source, config, shard);
    if (outcome.kind === 'skip') return undefined;
    if (outcome.kind === 'unrecognised') {
      return { result: fatalResult(filePath, outcome.message, outcome.line, outcome.column), fatal: true };
    }
    return this.lintOutcome(filePath, config, outcome, new LineIndex(source), source);
  }

  /** Lints parsed macros; `source` is the file's text, which inline directives (Markdown) are read from. */
  private lintOutcome(
    filePath: string,
    config: ResolvedConfig,
    outcome: MacrosOutcome,
    lines: LineIndex,
    source: string,
  ): { result: LintResult; fatal: boolean } {
    // Guessing the dialect reads every macro's text. A JSON export's format always names it (`generic`
    // included), so its macros are converted, linted and let go one at a time, and a shard of it never
    // guesses from its share alone.
    const dialectName = config.dialect ?? knownDialect(outcome.format) ?? guessDialect(Array.from(outcome.macros, (m) => m.mapped.text));
    const context = { dialect: getDialect(dialectName, config.allowPlaceholders), vocabulary: config.vocabulary, lines };
    const ignored = new Set(config.ignoreMacros);
    const rules = this.enabledRules(config);
    const linted: { found: Diagnostic[]; info: Omit<MacroResult, 'errorCount' | 'warningCount' | 'score'> }[] = [];
    for (const macro of outcome.macros) {
      if ((macro.id !== undefined && ignored.has(macro.id)) || (macro.title !== undefined && ignored.has(macro.title))) continue;
      linted.push({
        found: lintMacros(filePath, source, [macro], rules, context),
        info: { ...macroInfo(macro), ...lines.positionAt(macro.mapped.toSource([0, 0]).range[0]) },
      });
    }
    // Directives see the whole file at once: a disabled stretch can run across macros.
    const messages = applyDirectives(linted.flatMap((m) => m.found), parseDirectives(outcome.comments, lines, source), {
      knownRules: new Set(config.registry.keys()),
      reportUnused: this.options.reportUnusedDisableDirectives === true,
    });
    const kept = new Set(messages);
    const macroResults = linted.map(({ found: all, info }): MacroResult => {
      const found = all.filter((d) => kept.has(d));
      const tone = found.filter((d) => d.ruleId !== null && config.registry.get(d.ruleId)?.meta.category === 'tone');
      return {
        ...info,
        errorCount: found.filter((d) => d.severity === 'error').length,
        warningCount: found.filter((d) => d.severity === 'warn').length,
        score: macroScore(tone),
      };
    });
    return { result: summarise(filePath, messages, macroResults), fatal: false };
  }

  private enabledRules(config: ResolvedConfig): EnabledRule[] {
    let enabled = this.enabled.get(config);
    if (!enabled) {
      enabled = [...config.rules].map(([id, { severity, options }]) => ({ rule: config.registry.get(id)!, severity, options }));
      this.enabled.set(config, enabled);
    }
    return enabled;
  }
}

/** The JSON exports among `files` worth splitting across threads (see pool.ts). */
async function largeExports(files: readonly string[], maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<string[]> {
  const large: string[] = [];
  for (const file of files) {
    if (path.extname(file).toLowerCase() !== '.json') continue;
    const size = (await stat(file).catch(() => undefined))?.size ?? 0;
    if (size >= MIN_SHARDED_BYTES && size <= Math.min(maxFileSize, MAX_SHARDED_BYTES)) large.push(file);
  }
  return large;
}

/**
 * The shards of each split export joined into one result, as if it was linted whole: messages in
 * order, macros in file order. When a shard could not be read as macros (a body the parser gave up
 * on), the file could not be, as one thread linting it whole would say: that report is its result.
 */
export function joinShards(linted: readonly LintedFile[]): LintedFile[] {
  const joined: LintedFile[] = [];
  const shards = new Map<string, LintedFile[]>();
  for (const item of linted) {
    if (!item.shard) joined.push(item);
    else if (shards.has(item.filePath)) shards.get(item.filePath)!.push(item);
    else shards.set(item.filePath, [item]);
  }
  for (const [filePath, parts] of shards) {
    parts.sort((a, b) => a.shard!.index - b.shard!.index);
    const [first] = parts as [LintedFile];
    const results = parts.map((p) => p.result);
    if (!results.every((r): r is LintResult => r !== undefined && r.fatalErrorCount === 0)) {
      const failed = results.find((r) => r === undefined || r.fatalErrorCount > 0);
      joined.push({ filePath, ...(failed && { result: failed }), ...(first.hash && { hash: first.hash }) });
      continue;
    }
    const messages = results.flatMap((r) => r.messages).sort(compareDiagnostics);
    const macros = results.flatMap((r) => r.macros).sort((a, b) => a.line - b.line || a.column - b.column);
    joined.push({ filePath, result: summarise(filePath, messages, macros), ...(first.hash && { hash: first.hash }) });
  }
  return joined;
}

function summarise(filePath: string, messages: Diagnostic[], macros: MacroResult[]): LintResult {
  const count = (test: (m: Diagnostic) => boolean) => messages.filter(test).length;
  const result: LintResult = {
    filePath,
    messages,
    errorCount: count((m) => m.severity === 'error'),
    warningCount: count((m) => m.severity === 'warn'),
    fatalErrorCount: count((m) => m.fatal === true),
    fixableErrorCount: count((m) => m.severity === 'error' && m.fix !== undefined),
    fixableWarningCount: count((m) => m.severity === 'warn' && m.fix !== undefined),
    macros,
  };
  const score = libraryScore([result]).score;
  if (score !== undefined) result.score = score;
  return result;
}

/** The BOM a file started with, given back to the text --fix writes (positions never count it). */
function withBom(result: LintResult | undefined, bom: boolean): LintResult | undefined {
  if (!result || !bom || result.output === undefined) return result;
  return { ...result, source: `\uFEFF${result.source ?? ''}`, output: `\uFEFF${result.output}` };
}

function fileNotice(message: string): Diagnostic {
  return { ruleId: null, severity: 'warn', message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** A parser giving up (a file nested ten thousand levels deep) is a reason, not a crash. */
function unreadable(filePath: string, error: unknown): LintResult {
  const reason = error instanceof RangeError ? 'it is nested too deeply to read' : (error as Error).message.split('\n', 1)[0];
  return fatalResult(filePath, `Could not read the file as macros: ${reason}.`);
}

function fatalResult(filePath: string, message: string, line = 1, column = 1): LintResult {
  const diagnostic: Diagnostic = { ruleId: null, severity: 'error', fatal: true, message, line, column, endLine: line, endColumn: column };
  return summarise(filePath, [diagnostic], []);
}

/** The same result with other messages, counts recomputed. */
export function withMessages(result: LintResult, messages: Diagnostic[]): LintResult {
  return { ...result, ...summarise(result.filePath, messages, result.macros) };
}

/** Keeps only errors, as `--quiet` asks. */
export function errorsOnly(result: LintResult): LintResult {
  return withMessages(result, result.messages.filter((m) => m.severity === 'error'));
}

/**
 * Saves fixed files. Each file is written once, atomically: a temporary file beside it, then a rename,
 * keeping the original's permissions, so an interrupted run leaves the old file or the new one.
 */
export interface WriteOutcome {
  /** Files that changed on disk after they were read: not overwritten. */
  changedOnDisk: string[];
}

export async function writeFixes(results: readonly LintResult[]): Promise<WriteOutcome> {
  const changedOnDisk: string[] = [];
  for (const result of results) {
    if (result.output === undefined || result.output === result.source) continue;
    // Someone saved the file while we linted it: their edit wins, our fixes wait for the next run.
    const now = await readFile(result.filePath, 'utf8').catch(() => undefined);
    if (now !== result.source) {
      changedOnDisk.push(result.filePath);
      continue;
    }
    const temporary = path.join(path.dirname(result.filePath), `.${path.basename(result.filePath)}.${crypto.randomUUID().slice(0, 8)}.tmp`);
    try {
      const { mode } = await stat(result.filePath);
      await writeFile(temporary, result.output, { encoding: 'utf8', flush: true });
      await chmod(temporary, mode); // explicitly: a mode given to writeFile would pass through the umask
      await rename(temporary, result.filePath);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new Error(`${result.filePath}: could not write the fixes: ${(error as Error).message}`);
    }
  }
  return { changedOnDisk };
}
