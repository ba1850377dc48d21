// Which files not to lint: .empathyignore (or --ignore-path) and --ignore-pattern, in gitignore syntax.
// Every pattern is relative to the project root (the cwd the linter runs in), as ESLint's .eslintignore
// and --ignore-pattern were, so one --ignore-path file means the same wherever it is kept.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import { ConfigError } from '../config/validate.js';
import type { Diagnostic } from '../engine/types.js';

export const DEFAULT_IGNORE_FILE = '.empathyignore';

export interface IgnoreOptions {
  /** The project root: where .empathyignore is looked for and what every pattern is relative to. */
  cwd: string;
  /** Use this file instead of .empathyignore (`--ignore-path`); it must exist. */
  ignorePath?: string;
  /** More patterns (`--ignore-pattern`). */
  patterns?: readonly string[];
  /** false (`--no-ignore`) ignores nothing: no file is read and no pattern applies. */
  enabled?: boolean;
}

export interface IgnoreFilter {
  ignores(absolutePath: string): boolean;
}

/** Ignores nothing: what findFiles uses when given no filter, and what `--no-ignore` gives. */
export const NO_IGNORE: IgnoreFilter = { ignores: () => false };

export async function loadIgnore(options: IgnoreOptions): Promise<IgnoreFilter> {
  if (options.enabled === false) return NO_IGNORE;
  const { cwd } = options;
  const rules = ignore();
  const file = path.resolve(cwd, options.ignorePath ?? DEFAULT_IGNORE_FILE);
  const text = await readIgnoreFile(file, options.ignorePath !== undefined);
  if (text !== undefined) rules.add(text.replace(/^\uFEFF/, ''));
  rules.add([...(options.patterns ?? [])]);
  // No ignore file and no patterns: nothing to ask of each of the run's files (10,000 cost ~60 ms).
  if (text === undefined && (options.patterns ?? []).length === 0) return NO_IGNORE;
  return {
    ignores(absolutePath) {
      const relative = path.relative(cwd, path.resolve(cwd, absolutePath));
      // The root itself, and anything outside it (or on another drive), is never ignored; the
      // `ignore` package would throw on such paths anyway.
      if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
      return rules.ignores(relative.split(path.sep).join('/'));
    },
  };
}

/** The file's text; undefined when .empathyignore is simply absent. A named file (--ignore-path) must exist. */
async function readIgnoreFile(file: string, named: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !named) return undefined;
    if (code === 'ENOENT') throw new ConfigError('ignore file not found', file);
    throw new ConfigError(`could not read the ignore file: ${(error as Error).message.split('\n', 1)[0]}`, file);
  }
}

export const IGNORED_FILE_MESSAGE = 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it anyway.';

/** The warning a file named on the command line gets when it is ignored, as ESLint gives one. */
export function ignoredFileWarning(): Diagnostic {
  return { ruleId: null, severity: 'warn', message: IGNORED_FILE_MESSAGE, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
