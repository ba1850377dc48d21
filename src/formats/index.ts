// Picks the format adapter for a file and turns its source into macros, or says why it cannot.
import path from 'node:path';
import type { ParsedMacro } from '../engine/linter.js';
import { zendesk } from './helpdesk/zendesk.js';
import { parseJson, type HelpdeskFormat } from './json.js';
import { parseMarkdown, type MarkdownOptions } from './markdown.js';

/** Tried in order; the first whose shape matches reads the file. */
const HELPDESK_FORMATS: readonly HelpdeskFormat[] = [zendesk];

export interface FormatOptions {
  markdown: MarkdownOptions;
}

export type ParseOutcome =
  | { kind: 'macros'; macros: ParsedMacro[] }
  /** Obviously not a macro file (package.json, a lock file): skipped without a word. */
  | { kind: 'skip' }
  /** The file cannot be linted: not valid JSON (with where), or no known shape. */
  | { kind: 'unrecognised'; message: string; line?: number; column?: number };

export const LINTED_EXTENSIONS = ['md', 'markdown', 'json'] as const;

/** JSON files that live in macro repositories but are never macros. */
const NOT_MACROS = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|tsconfig(?:\..+)?\.json|jsconfig\.json|\.empathyrc(?:\..+)?|empathy-suppressions\.json|composer\.json|\.?eslintrc(?:\..+)?\.json|renovate\.json|\.prettierrc(?:\.json)?)$/i;

export function parseSource(filePath: string, source: string, options: FormatOptions): ParseOutcome {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.json') {
    if (NOT_MACROS.test(path.basename(filePath))) return { kind: 'skip' };
    const outcome = parseJson(source, HELPDESK_FORMATS);
    if (outcome.kind === 'macros') return { kind: 'macros', macros: outcome.macros };
    return outcome.kind === 'invalid'
      ? { kind: 'unrecognised', message: outcome.message, line: outcome.line, column: outcome.column }
      : { kind: 'unrecognised', message: outcome.message };
  }
  return { kind: 'macros', macros: parseMarkdown(source, options.markdown) };
}
