// Picks the format adapter for a file and turns its source into macros, or says why it cannot.
import path from 'node:path';
import type { SourceComment } from '../engine/directives.js';
import type { ParsedMacro } from '../engine/linter.js';
import { freshdesk } from './helpdesk/freshdesk.js';
import { genericFormat, type GenericJsonConfig } from './helpdesk/generic.js';
import { helpscout } from './helpdesk/helpscout.js';
import { intercom } from './helpdesk/intercom.js';
import { zendesk } from './helpdesk/zendesk.js';
import { parseJson, shareMacros, splitJson, type CutShare, type ExportShare, type HelpdeskFormat, type Shard } from './json.js';
import { readMarkdown, type MarkdownOptions } from './markdown.js';

/** Tried in this order; the first whose shape matches reads the file. */
const BUILT_IN_FORMATS = { zendesk, freshdesk, intercom, helpscout } as const;
export const MACRO_FORMATS = [...Object.keys(BUILT_IN_FORMATS), 'generic'] as const;
export type MacroFormat = keyof typeof BUILT_IN_FORMATS | 'generic';
export type { CutShare, ExportShare, GenericJsonConfig, Shard };

export interface FormatOptions {
  markdown: MarkdownOptions;
  /** Where the macros are in JSON no helpdesk format describes. */
  json?: GenericJsonConfig;
  /** Read JSON as this format only, instead of recognising it by its shape. */
  format?: MacroFormat;
}

function jsonFormats({ json, format }: FormatOptions): HelpdeskFormat[] {
  const generic = json ? [genericFormat(json)] : [];
  if (format === 'generic') return generic;
  if (format) return [BUILT_IN_FORMATS[format]];
  // A team's own description of its files comes before any guess from the shape.
  return [...generic, ...Object.values(BUILT_IN_FORMATS)];
}

export type ParseOutcome =
  /**
   * `format`: the helpdesk whose export this is, for JSON. `comments`: the file's HTML comments, where
   * inline directives are written (Markdown only). `macros` may be read more than once; a JSON export's
   * are converted as they are reached.
   */
  | { kind: 'macros'; macros: Iterable<ParsedMacro>; comments: SourceComment[]; format?: string }
  /** Obviously not a macro file (package.json, a lock file): skipped without a word. */
  | { kind: 'skip' }
  /** The file cannot be linted: not valid JSON (with where), or no known shape. */
  | { kind: 'unrecognised'; message: string; line?: number; column?: number };

export { loadHtmlSupport } from './html-support.js';

export const LINTED_EXTENSIONS = ['md', 'markdown', 'json'] as const;

/** JSON files that live in macro repositories but are never macros. */
const NOT_MACROS = /^(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|tsconfig(?:\..+)?\.json|jsconfig\.json|\.empathyrc(?:\..+)?|empathy-suppressions\.json|composer\.json|\.?eslintrc(?:\..+)?\.json|renovate\.json|\.prettierrc(?:\.json)?)$/i;

/** `shard`: of a JSON export, only the macros whose place in it is `shard.index` modulo `shard.of`. */
export function parseSource(filePath: string, source: string, options: FormatOptions, shard?: Shard): ParseOutcome {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.json') {
    if (NOT_MACROS.test(path.basename(filePath))) return { kind: 'skip' };
    const outcome = parseJson(source, jsonFormats(options), shard);
    if (outcome.kind === 'macros') return { kind: 'macros', macros: outcome.macros, comments: [], format: outcome.format };
    return outcome.kind === 'invalid'
      ? { kind: 'unrecognised', message: outcome.message, line: outcome.line, column: outcome.column }
      : { kind: 'unrecognised', message: outcome.message };
  }
  return { kind: 'macros', ...readMarkdown(source, options.markdown) };
}

/**
 * A JSON export dealt into `of` shares for as many threads (see ExportShare); undefined when the file
 * is not one (not JSON, not macros, not valid): it is then linted whole, to report why.
 */
export function splitSource(filePath: string, source: string, options: FormatOptions, of: number): CutShare[] | undefined {
  if (path.extname(filePath).toLowerCase() !== '.json' || NOT_MACROS.test(path.basename(filePath))) return undefined;
  const split = splitJson(source, jsonFormats(options), of);
  return split.kind === 'shares' ? split.shares : undefined;
}

export type MacrosOutcome = Extract<ParseOutcome, { kind: 'macros' }>;

/** A share's macros, as parseSource gives a file's. */
export function shareOutcome(share: ExportShare): MacrosOutcome {
  return { kind: 'macros', macros: shareMacros(share), comments: [], format: share.format };
}
