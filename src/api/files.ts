// Turns command-line patterns (files, folders, globs) into the sorted list of files to lint.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LINTED_EXTENSIONS } from '../formats/index.js';
import { NO_IGNORE, type IgnoreFilter } from './ignore.js';

const IGNORED = ['**/node_modules/**', '**/.git/**'];
const IN_FOLDER = `**/*.{${LINTED_EXTENSIONS.join(',')}}`;

export interface FileList {
  files: string[];
  /** Patterns that matched no file. */
  unmatched: string[];
  /** Files named on the command line (a path, not a folder or glob) that the ignore filter skips. */
  ignoredExplicit: string[];
  /**
   * Folders and globs that matched files, all of them ignored. ESLint fails on these ("All files
   * matched by 'x' are ignored."); they are kept apart from `unmatched`, whose message would mislead.
   */
  allIgnored: string[];
}

/** `filter` skips ignored files (.empathyignore and the like); node_modules and .git are always skipped. */
export async function findFiles(patterns: readonly string[], cwd: string, filter: IgnoreFilter = NO_IGNORE): Promise<FileList> {
  const found = new Set<string>();
  const ignoredExplicit = new Set<string>();
  const unmatched: string[] = [];
  const allIgnored: string[] = [];
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const { matches, explicit } = await expand(pattern, cwd);
    const kept = matches.filter((file) => !filter.ignores(file));
    if (explicit && kept.length === 0) ignoredExplicit.add(matches[0]!);
    else if (matches.length === 0) unmatched.push(pattern);
    else if (kept.length === 0) allIgnored.push(pattern);
    for (const file of kept) found.add(file);
  }
  return { files: [...found].sort(), unmatched, ignoredExplicit: [...ignoredExplicit].sort(), allIgnored };
}

/** The files a pattern stands for; `explicit` when it names one file on disk. */
async function expand(pattern: string, cwd: string): Promise<{ matches: string[]; explicit: boolean }> {
  const absolute = path.resolve(cwd, pattern);
  const info = await stat(absolute).catch(() => undefined);
  if (info && !info.isDirectory()) return { matches: [absolute], explicit: true };
  // Loaded only for folders and globs: a run on named files starts without it.
  const { default: fg } = await import('fast-glob');
  const options = { absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: IGNORED, dot: false } as const;
  if (info?.isDirectory()) return { matches: await fg(IN_FOLDER, { ...options, cwd: absolute }), explicit: false };
  // Not a path on disk: a glob. fast-glob wants forward slashes.
  return { matches: await fg(pattern.replace(/\\/g, '/'), { ...options, cwd }), explicit: false };
}
