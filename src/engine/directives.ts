// Inline disable directives: HTML comments in which a writer turns rules off where they decided the
// wording must stay (legal text, a quoted policy), as ESLint's `eslint-disable` comments do.
//
//   <!-- empathy-disable -->  …  <!-- empathy-enable -->         every rule, from here until re-enabled
//   <!-- empathy-disable avoid-blame, no-deflection -- why -->   only these rules ("-- why" is a note)
//   <!-- empathy-enable avoid-blame -->                          one rule back on, the others stay off
//   <!-- empathy-disable-line avoid-blame -->                    the line(s) the comment is on
//   <!-- empathy-disable-next-line avoid-blame -->               the line right after the comment
//
// As in ESLint, "next line" is the very next line, even when it is blank: the comment goes directly
// above the sentence it is about. A comment that starts a line is an HTML block in Markdown and the
// rest of that line is not linted, so `disable-line` belongs at the end of a line of prose.
// Block directives work by position in the file, across macro boundaries, until re-enabled.
// Keywords and rule names may be written in any case. The engine knows no rule by name: the caller
// says which rule ids exist.
import { compareDiagnostics } from './linter.js';
import type { LineIndex, Position } from './positions.js';
import { didYouMean } from './similar.js';
import type { Diagnostic, Severity } from './types.js';

/** An HTML comment of a file: the text between `<!--` and `-->`, and where the whole comment is. */
export interface SourceComment {
  value: string;
  /** Offsets into the source of `<!--` and just past `-->`. */
  start: number;
  end: number;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

/** A rule named in a directive, as written (any case), and where. */
export interface DirectiveRule {
  name: string;
  start: Position;
  end: Position;
}

export interface Directive {
  kind: DirectiveKind;
  /** The rules it names, in order; empty means every rule. */
  rules: DirectiveRule[];
  /** The note after ` -- `; only for people. */
  reason?: string;
  /** Where the comment is. */
  start: Position;
  end: Position;
}

export interface DirectiveOptions {
  /**
   * Every rule id that exists, enabled or not (plugin and phrase rules too): any other name in a
   * directive is a mistake. Names match them in any case.
   */
  knownRules: ReadonlySet<string>;
  /** Report directives that suppressed nothing. */
  reportUnused: boolean;
  unusedSeverity?: Severity;
}

const DIRECTIVE = /^\s*empathy-(disable-next-line|disable-line|disable|enable)(?=\s|$)/i;
/**
 * ` -- reason`: two or more dashes with space on both sides (ESLint's separator), or the dash a word
 * processor turns them into.
 */
const REASON = /\s(?:-{2,}|[\u2013\u2014])(?:\s|$)/;

export function parseDirectives(comments: readonly SourceComment[], lines: LineIndex, source: string): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const keyword = DIRECTIVE.exec(comment.value);
    if (!keyword) continue;
    const rest = comment.value.slice(keyword[0].length);
    const separator = REASON.exec(rest);
    const list = separator ? rest.slice(0, separator.index) : rest;
    const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
    // Rule ids are kebab-case and hold no space, so commas, spaces or both separate them. A lone dash
    // is what is left of `--->`, not a name.
    const names = list.split(/[\s,]+/).filter((name) => !/^[-\u2013\u2014]*$/.test(name));
    const directive: Directive = {
      kind: keyword[1]!.toLowerCase() as DirectiveKind,
      rules: locateNames(names, comment, keyword[0].trimStart(), lines, source),
      start: lines.positionAt(comment.start),
      end: lines.positionAt(comment.end),
    };
    if (reason !== '') directive.reason = reason;
    directives.push(directive);
  }
  return directives;
}

/**
 * Where each name is written, so a misspelt one is underlined itself. The comment's value can differ
 * from its source (a block quote's `>` starts each of its lines), but a name never spans a line break,
 * so each is found as written in the source, in order.
 */
function locateNames(names: readonly string[], comment: SourceComment, keyword: string, lines: LineIndex, source: string): DirectiveRule[] {
  const written = source.slice(comment.start, comment.end);
  let cursor = Math.max(0, written.indexOf(keyword)) + keyword.length;
  return names.map((name) => {
    const at = written.indexOf(name, cursor);
    if (at < 0) return { name, start: lines.positionAt(comment.start), end: lines.positionAt(comment.end) };
    cursor = at + name.length;
    return { name, start: lines.positionAt(comment.start + at), end: lines.positionAt(comment.start + cursor) };
  });
}

/** A directive with its names resolved to rule ids, and what it turned off. */
interface Resolved {
  directive: Directive;
  /** undefined: every rule. Empty when every name is unknown: then it turns nothing off. */
  ids?: ReadonlySet<string>;
  unknown: DirectiveRule[];
  /** The rules it turned at least one diagnostic of off. */
  used: Set<string>;
}

/**
 * The diagnostics no directive turns off, plus problems with the directives themselves, in report
 * order. A diagnostic is turned off when it starts in a region disabled for its rule. Block
 * directives count first (as in ESLint), so a line directive inside an already disabled region is
 * unused. Fatal diagnostics and those of no rule are never turned off.
 */
export function applyDirectives(diagnostics: readonly Diagnostic[], directives: readonly Directive[], options: DirectiveOptions): Diagnostic[] {
  const resolved = resolveNames(directives, options.knownRules);
  const blocks = resolved.filter(({ directive: { kind } }) => kind === 'disable' || kind === 'enable').sort((a, b) => compareStarts(a.directive.start, b.directive.start));
  const lineDirectives = resolved.filter(({ directive: { kind } }) => kind === 'disable-line' || kind === 'disable-next-line');
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const { ruleId } = diagnostic;
    const by = ruleId === null || diagnostic.fatal ? undefined : (blockDisabling(blocks, ruleId, diagnostic) ?? lineDisabling(lineDirectives, ruleId, diagnostic.line));
    if (by === undefined || ruleId === null) kept.push(diagnostic);
    else by.used.add(ruleId);
  }
  const problems = resolved.flatMap((entry) => [
    ...entry.unknown.map((rule) => unknownRule(entry.directive, rule, options.knownRules)),
    ...(options.reportUnused ? unusedDirective(entry, options.unusedSeverity ?? 'warn') : []),
  ]);
  return [...kept, ...problems].sort(compareDiagnostics);
}

function resolveNames(directives: readonly Directive[], knownRules: ReadonlySet<string>): Resolved[] {
  const byLowerCase = new Map<string, string>();
  for (const id of knownRules) if (!byLowerCase.has(id.toLowerCase())) byLowerCase.set(id.toLowerCase(), id);
  return directives.map((directive) => {
    if (directive.rules.length === 0) return { directive, unknown: [], used: new Set() };
    const ids = new Set<string>();
    const unknown: DirectiveRule[] = [];
    for (const rule of directive.rules) {
      const id = knownRules.has(rule.name) ? rule.name : byLowerCase.get(rule.name.toLowerCase());
      if (id === undefined) unknown.push(rule);
      else ids.add(id);
    }
    return { directive, ids, unknown, used: new Set() };
  });
}

const appliesTo = ({ ids }: Resolved, ruleId: string) => ids === undefined || ids.has(ruleId);

/** The disable directive in force for this rule where the diagnostic starts: the last block directive about the rule before it. */
function blockDisabling(blocks: readonly Resolved[], ruleId: string, at: Position): Resolved | undefined {
  let last: Resolved | undefined;
  for (const entry of blocks) {
    if (compareStarts(entry.directive.start, at) > 0) break;
    if (appliesTo(entry, ruleId)) last = entry;
  }
  return last?.directive.kind === 'disable' ? last : undefined;
}

function lineDisabling(lineDirectives: readonly Resolved[], ruleId: string, line: number): Resolved | undefined {
  return lineDirectives.find((entry) => {
    const { kind, start, end } = entry.directive;
    const covers = kind === 'disable-line' ? start.line <= line && line <= end.line : line === end.line + 1;
    return covers && appliesTo(entry, ruleId);
  });
}

function compareStarts(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

function unknownRule(directive: Directive, rule: DirectiveRule, knownRules: ReadonlySet<string>): Diagnostic {
  const comment = directive.kind === 'enable' ? 'empathy-enable' : 'empathy-disable';
  return problem('error', 'unknownRule', `Unknown rule "${rule.name}" in an ${comment} comment${didYouMean(rule.name, knownRules)}.`, rule.start, rule.end);
}

function unusedDirective({ directive, ids, used }: Resolved, severity: Severity): Diagnostic[] {
  if (directive.kind === 'enable') return [];
  if (ids === undefined) {
    return used.size > 0 ? [] : [problem(severity, 'unusedDirective', 'Unused empathy-disable directive (no problems were reported).', directive.start, directive.end)];
  }
  const unused = [...ids].filter((id) => !used.has(id));
  if (unused.length === 0) return [];
  const message = `Unused empathy-disable directive (no problems were reported from ${orList(unused.map((id) => `"${id}"`))}).`;
  return [problem(severity, 'unusedDirective', message, directive.start, directive.end)];
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

function problem(severity: Severity, messageId: string, message: string, start: Position, end: Position): Diagnostic {
  return { ruleId: null, severity, message, messageId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
