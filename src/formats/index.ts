// Picks the format adapter for a file and turns its source into macros, or says why it cannot.
import path from 'node:path';
import type { ParsedMacro } from '../engine/linter.js';
import { parseMarkdown, type MarkdownOptions } from './markdown.js';

export interface FormatOptions {
  markdown: MarkdownOptions;
}

export type ParseOutcome =
  | { kind: 'macros'; macros: ParsedMacro[] }
  /** Obviously not a macro file (package.json, a lock file): skipped without a word. */
  | { kind: 'skip' }
  | { kind: 'unrecognised'; message: string };

export const LINTED_EXTENSIONS = ['md', 'markdown', 'json'] as const;

/** JSON files that live in macro repositories but are never macros. */
const NOT_MACROS = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|tsconfig(?:\..+)?\.json|jsconfig\.json|\.empathyrc(?:\..+)?|empathy-suppressions\.json|composer\.json|\.?eslintrc(?:\..+)?\.json|renovate\.json|\.prettierrc(?:\.json)?)$/i;

export function parseSource(filePath: string, source: string, options: FormatOptions): ParseOutcome {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.json') {
    if (NOT_MACROS.test(path.basename(filePath))) return { kind: 'skip' };
    return {
      kind: 'unrecognised',
      message: 'No macro format recognised: helpdesk JSON exports are not supported yet, so this file was not linted.',
    };
  }
  return { kind: 'macros', macros: parseMarkdown(source, options.markdown) };
}
