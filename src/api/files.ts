// Turns command-line patterns (files, folders, globs) into the sorted list of files to lint.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { LINTED_EXTENSIONS } from '../formats/index.js';

const IGNORED = ['**/node_modules/**', '**/.git/**'];
const IN_FOLDER = `**/*.{${LINTED_EXTENSIONS.join(',')}}`;

export interface FileList {
  files: string[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

export async function findFiles(patterns: readonly string[], cwd: string): Promise<FileList> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const matches = await expand(pattern, cwd);
    if (matches.length === 0) unmatched.push(pattern);
    for (const file of matches) found.add(file);
  }
  return { files: [...found].sort(), unmatched };
}

async function expand(pattern: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, pattern);
  const info = await stat(absolute).catch(() => undefined);
  const options = { absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: IGNORED, dot: false } as const;
  if (info?.isDirectory()) return fg(IN_FOLDER, { ...options, cwd: absolute });
  if (info) return [absolute];
  // Not a path on disk: a glob. fast-glob wants forward slashes.
  return fg(pattern.replace(/\\/g, '/'), { ...options, cwd });
}
