// The Node API: what the CLI is built on, for scripts, editors and CI tools.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigLoader } from '../config/load.js';
import type { ResolvedConfig } from '../config/validate.js';
import { applyFixes as applyFixRanges } from '../engine/fixer.js';
import type { Diagnostic, LintResult } from '../engine/types.js';
import { builtinRegistry, Linter, type LintOptions, type LintReport } from './lint.js';

export { Linter, builtinRegistry, describeRules, writeFixes, errorsOnly } from './lint.js';
export type { LintOptions, LintReport };

/** Lints files, folders and globs, exactly as the CLI does. */
export function lintFiles(patterns: readonly string[], options: LintOptions = {}): Promise<LintReport> {
  return new Linter(options).lintFiles(patterns);
}

/**
 * Lints text as if it were the file `filePath` (whose extension picks the format and whose folder
 * picks the config). A file that is not a macro file (package.json) gives a result with no messages.
 */
export async function lintText(text: string, options: LintOptions & { filePath?: string } = {}): Promise<LintResult> {
  const filePath = path.resolve(options.cwd ?? process.cwd(), options.filePath ?? 'text.md');
  const result = await new Linter(options).lintText(text, filePath);
  return result ?? { filePath, messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, macros: [] };
}

/** The resolved config for a file: the nearest config file upward from it, or `configFile` if given. */
export function loadConfig(filePath: string, options: { configFile?: string } = {}): Promise<ResolvedConfig> {
  const loader = new ConfigLoader(builtinRegistry);
  return options.configFile ? loader.fromFile(options.configFile) : loader.forFile(path.resolve(filePath));
}

/**
 * Applies the fixes of `diagnostics` to `source` in one pass (overlapping fixes are left out, as
 * `--fix` leaves them for its next pass). For the full fix loop, lint with `{ fix: true }`.
 */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): { output: string; applied: number } {
  // Fix ranges never count a leading BOM (as lintText reports them), so apply them past it and keep it.
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  const { output, applied } = applyFixRanges(source.slice(bom.length), fixes);
  return { output: bom + output, applied };
}

/** Reads a file and lints it: a convenience for editors. */
export async function lintFile(filePath: string, options: LintOptions = {}): Promise<LintResult> {
  return lintText(await readFile(filePath, 'utf8'), { ...options, filePath });
}
