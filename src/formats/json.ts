// Helpdesk JSON exports → macros. The export's shape tells which helpdesk wrote it; each macro is its
// own document, and its body strings go through the Markdown pipeline with positions mapped back
// through the JSON escapes into the file.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParsedMacro } from '../engine/linter.js';
import { MappedText, MappedTextBuilder } from '../engine/mapped-text.js';
import { looksLikeHtml, parseHtml } from './html-support.js';
import { decodeJsonString } from './json-string.js';
import { parseMarkdown } from './markdown.js';

/** Where a macro sits in the export, and which of its strings the customer reads. */
export interface MacroLocation {
  id?: string;
  title?: string;
  /** JSON pointer to the macro object. */
  pointer: string;
  /** The body strings: where each is in the file (a syntax tree node will do) and how it is written. */
  bodies: { node: Pick<Node, 'offset' | 'length'>; kind: BodyKind }[];
  /** An internal note between agents, not a reply. */
  internal?: boolean;
}

/** Part of a large export, for one thread: the macros whose place in it is `index` modulo `of`. */
export interface Shard {
  index: number;
  of: number;
}

/** How a body string is written: Markdown, HTML, either (told apart by looking), or a one-line subject. */
export type BodyKind = 'markdown' | 'html' | 'auto' | 'subject';

export interface HelpdeskFormat {
  name: string;
  /** The macros, if the export has this helpdesk's shape. */
  detect(root: Node): MacroLocation[] | undefined;
}

/** Why a JSON file cannot be read as macros. */
export type JsonFailure = { kind: 'invalid'; message: string; line: number; column: number } | { kind: 'unrecognised'; message: string };

export type JsonOutcome =
  /** `macros` converts each macro as it is reached: a large export is never held as parsed macros all at once. */
  | { kind: 'macros'; macros: Iterable<ParsedMacro>; format: string }
  | JsonFailure;

/**
 * A thread's share of a large export, cut out of the file by the thread that parsed it: the share's
 * macros and only the stretches of the file their bodies are written in, one after another in `text`
 * (so no other thread holds the whole file, or parses it again).
 */
export interface ExportShare {
  format: string;
  text: string;
  macros: SharedMacro[];
}

/** A share as the splitting thread cuts it: where its stretches are in the file, `text` not yet copied out. */
export interface CutShare extends Omit<ExportShare, 'text'> {
  /** Each stretch's `[start, end)` in the file, in order: the share's text is them one after another. */
  stretches: [number, number][];
}

/** A macro of a share: its bodies' offsets are into the share's text, `shift` turns them into the file's. */
export interface SharedMacro extends MacroLocation {
  shift: number;
}

/** `shard`: only that share of the export's macros. */
export function parseJson(source: string, formats: readonly HelpdeskFormat[], shard?: Shard): JsonOutcome {
  const located = locateMacros(source, formats);
  if (located.kind !== 'located') return located;
  const { locations } = located;
  const macros = {
    *[Symbol.iterator]() {
      for (const [i, location] of locations.entries()) {
        if (shard && i % shard.of !== shard.index) continue;
        const macro = toMacro(location, source);
        if (macro) yield macro;
      }
    },
  };
  return { kind: 'macros', format: located.format, macros };
}

/**
 * The export's macros dealt into `of` shares as `parseJson` with a shard deals them (the i-th macro to
 * share i modulo `of`), each with the stretches of the file it needs (copied out by packShare).
 */
export function splitJson(source: string, formats: readonly HelpdeskFormat[], of: number): { kind: 'shares'; shares: CutShare[] } | JsonFailure {
  const located = locateMacros(source, formats);
  if (located.kind !== 'located') return located;
  const shares = Array.from({ length: of }, (_, index): CutShare => {
    const stretches: [number, number][] = [];
    let length = 0;
    const macros: SharedMacro[] = [];
    for (let i = index; i < located.locations.length; i += of) {
      const { bodies, ...rest } = located.locations[i]!;
      if (bodies.length === 0) continue; // no text: never linted
      // The stretch from the first body to the end of the last (a macro's bodies sit close together).
      const start = Math.min(...bodies.map(({ node }) => node.offset));
      const end = Math.max(...bodies.map(({ node }) => node.offset + node.length));
      const shift = start - length;
      stretches.push([start, end]);
      length += end - start;
      macros.push({ ...rest, shift, bodies: bodies.map(({ node, kind }) => ({ node: { offset: node.offset - shift, length: node.length }, kind })) });
    }
    return { format: located.format, stretches, macros };
  });
  return { kind: 'shares', shares };
}

/** A share's macros, converted as they are reached. */
export function shareMacros(share: ExportShare): Iterable<ParsedMacro> {
  return {
    *[Symbol.iterator]() {
      for (const location of share.macros) {
        const macro = toMacro(location, share.text, location.shift);
        if (macro) yield macro;
      }
    },
  };
}

/** Where the export's macros are, and which helpdesk wrote it. */
function locateMacros(source: string, formats: readonly HelpdeskFormat[]): { kind: 'located'; format: string; locations: MacroLocation[] } | JsonFailure {
  if (source.trim() === '') return { kind: 'invalid', message: 'Invalid JSON: the file is empty.', line: 1, column: 1 };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (error || !root) {
    const at = error ? lineColumn(source, error.offset) : { line: 1, column: 1 };
    const reason = error ? describeParseError(printParseErrorCode(error.error)) : 'the file is empty';
    return { kind: 'invalid', message: `Invalid JSON: ${reason}.`, ...at };
  }
  for (const format of formats) {
    const found = format.detect(root);
    if (found) {
      // Only where each body string is: the syntax tree (twice the size of the file) can go.
      const locations: MacroLocation[] = found.map((l) => ({ ...l, bodies: l.bodies.map(({ node: { offset, length }, kind }) => ({ node: { offset, length }, kind })) }));
      return { kind: 'located', format: format.name, locations };
    }
  }
  return { kind: 'unrecognised', message: 'No macro format recognised in this JSON file; set "json" in .empathyrc to say where the macros are.' };
}

/** The macro at `location` (its bodies' offsets into `source`, which starts `shift` characters into the file); undefined when it has no text. */
function toMacro(location: MacroLocation, source: string, shift = 0): ParsedMacro | undefined {
  const parts = location.bodies.map(({ node, kind }) => {
    const decoded = decodeJsonString(source, node.offset, node.length);
    if (shift !== 0) decoded.shift = shift;
    if (kind === 'subject') {
      const builder = new MappedTextBuilder(decoded.value);
      builder.startBlock('heading');
      builder.pushVerbatim(decoded.value, 0);
      return builder.build().through(decoded);
    }
    if (kind === 'html' || (kind === 'auto' && looksLikeHtml(decoded.value))) return parseHtml(decoded.value).through(decoded);
    const [body] = parseMarkdown(decoded.value, { split: 'none', titleFromHeading: false });
    return body ? body.mapped.through(decoded) : undefined;
  });
  const macro: ParsedMacro = { mapped: MappedText.join(parts.filter((p): p is MappedText => p !== undefined)), pointer: location.pointer };
  if (location.id !== undefined) macro.id = location.id;
  if (location.title !== undefined) macro.title = location.title;
  if (location.internal) macro.internal = true;
  return macro.mapped.text.trim() === '' ? undefined : macro;
}

const PARSE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected content after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unfinished comment',
  UnexpectedEndOfString: 'unfinished string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape',
  InvalidCharacter: 'control character inside a string',
};

function describeParseError(code: string): string {
  return PARSE_ERRORS[code] ?? code;
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  return { line, column: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
}

// ---- reading a tree ----------------------------------------------------------------------------

export function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const pair of node.children ?? []) {
    const [name, value] = pair.children ?? [];
    if (name?.value === key) return value;
  }
  return undefined;
}

export function scalar(node: Node | undefined): string | undefined {
  return node && (node.type === 'string' || node.type === 'number') ? String(node.value) : undefined;
}

export function elements(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** JSON pointer escaping (RFC 6901). */
export function pointerPart(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The items of an export: a bare array of them, a list under one of `containers` (a path of keys such
 * as ['_embedded', 'replies']), or a single item at the root. Each comes with its JSON pointer.
 */
export function itemsOf(root: Node, containers: readonly (readonly string[])[], isItem: (node: Node) => boolean): [Node, string][] | undefined {
  const list = (array: Node, base: string): [Node, string][] | undefined => {
    const items = elements(array);
    return items.length > 0 && items.every(isItem) ? items.map((item, i) => [item, `${base}/${i}`]) : undefined;
  };
  if (root.type === 'array') return list(root, '');
  for (const path of containers) {
    let node: Node | undefined = root;
    for (const key of path) node = property(node, key);
    if (node?.type === 'array') return list(node, path.map((key) => `/${pointerPart(key)}`).join(''));
  }
  return isItem(root) ? [[root, '']] : undefined;
}

/** Reads a macro's id and title (from the given keys) into a location with its bodies. */
export function macroAt(node: Node, pointer: string, keys: { id?: string; title: string }, bodies: MacroLocation['bodies']): MacroLocation {
  const location: MacroLocation = { pointer, bodies };
  const id = scalar(property(node, keys.id ?? 'id'));
  const title = scalar(property(node, keys.title));
  if (id !== undefined) location.id = id;
  if (title !== undefined) location.title = title;
  return location;
}
