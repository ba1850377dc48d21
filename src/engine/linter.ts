// Runs enabled rules over the macros of one file and turns their reports into source diagnostics.
// The linter knows no rule by name: it only follows the Rule contract.
import type { Dialect } from './dialects.js';
import { MacroDocument, type Vocabulary } from './document.js';
import type { MappedText } from './mapped-text.js';
import { compareNames } from './order.js';
import { LineIndex } from './positions.js';
import { formatMessage, type AnyRule } from './rule.js';
import type { Diagnostic, Fix, MacroInfo, Range, ReportDescriptor, Severity, Suggestion } from './types.js';

export interface EnabledRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** One macro of a file, as a format adapter hands it over. */
export interface ParsedMacro {
  mapped: MappedText;
  title?: string;
  id?: string;
  /** JSON pointer to the macro inside an export. */
  pointer?: string;
  /** An internal note between agents (Zendesk: comment_mode_is_public false). */
  internal?: boolean;
}

export interface LintContext {
  /** The placeholder dialect of this file. */
  dialect?: Dialect;
  /** The team's vocabulary. */
  vocabulary?: Vocabulary;
  /** Line starts of `source`, when the caller already has them: a JSON export linted macro by macro
   * would otherwise index its whole text once per macro. */
  lines?: LineIndex;
}

export function lintMacros(
  filePath: string,
  source: string,
  macros: Iterable<ParsedMacro>,
  rules: readonly EnabledRule[],
  context: LintContext = {},
): Diagnostic[] {
  const lines = context.lines ?? new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  for (const macro of macros) {
    const doc = new MacroDocument(macro.mapped, { filePath, title: macro.title, id: macro.id, dialect: context.dialect, vocabulary: context.vocabulary });
    const info = macroInfo(macro);
    for (const { rule, severity, options } of rules) {
      if (macro.internal && rule.meta.repliesOnly) continue;
      const report = (descriptor: ReportDescriptor): void => {
        diagnostics.push(toDiagnostic(rule, severity, descriptor, macro.mapped, lines, info));
      };
      try {
        rule.check(doc, report, options);
      } catch (error) {
        diagnostics.push(ruleCrash(rule.meta.id, error, macro.mapped, lines, info));
      }
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

export function macroInfo({ title, id, pointer, internal }: ParsedMacro): MacroInfo | undefined {
  if (title === undefined && id === undefined && pointer === undefined) return undefined;
  const info: MacroInfo = {};
  if (id !== undefined) info.id = id;
  if (title !== undefined) info.title = title;
  if (pointer !== undefined) info.pointer = pointer;
  if (internal) info.internal = true;
  return info;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || compareNames(a.ruleId ?? '', b.ruleId ?? '');
}

function toDiagnostic(
  rule: AnyRule,
  severity: Severity,
  descriptor: ReportDescriptor,
  mapped: MappedText,
  lines: LineIndex,
  macro: MacroInfo | undefined,
): Diagnostic {
  const { meta } = rule;
  const template = descriptor.messageId !== undefined ? meta.messages[descriptor.messageId] : descriptor.message;
  if (template === undefined) {
    throw new Error(`rule "${meta.id}" reported unknown messageId "${descriptor.messageId}"`);
  }
  const range = checkedRange(descriptor.range, mapped.text.length, meta.id);
  const [start, end] = mapped.toSource(range).range;
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  const diagnostic: Diagnostic = {
    ruleId: meta.id,
    severity,
    message: formatMessage(template, descriptor.data),
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  if (descriptor.messageId !== undefined) diagnostic.messageId = descriptor.messageId;
  const fix = descriptor.fix && meta.fixable ? toSourceFix(descriptor.fix, mapped, meta.id) : undefined;
  if (fix) diagnostic.fix = fix;
  const suggestions = (descriptor.suggestions ?? []).flatMap((s): Suggestion[] => {
    const sourceFix = toSourceFix(s.fix, mapped, meta.id);
    return sourceFix ? [{ desc: formatMessage(s.desc, descriptor.data), fix: sourceFix }] : [];
  });
  if (suggestions.length > 0) diagnostic.suggestions = suggestions;
  if (macro) diagnostic.macro = macro;
  return diagnostic;
}

/** A fix whose range does not map onto the very same characters in the source is dropped, never guessed. */
function toSourceFix(fix: Fix, mapped: MappedText, ruleId: string): Fix | undefined {
  const { range, verbatim, lineEnding } = mapped.toSource(checkedRange(fix.range, mapped.text.length, ruleId));
  if (!verbatim) return undefined;
  // A line break the fix keeps is written the way the source writes the ones it replaces.
  const text = lineEnding ? fix.text.replace(/\n/g, lineEnding) : fix.text;
  return { range, text: mapped.encode(text) };
}

function checkedRange(range: Range, length: number, ruleId: string): Range {
  const [start, end] = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new Error(`rule "${ruleId}" reported an invalid range [${start}, ${end}] (text length ${length})`);
  }
  return range;
}

function ruleCrash(
  ruleId: string,
  error: unknown,
  mapped: MappedText,
  lines: LineIndex,
  macro: MacroInfo | undefined,
): Diagnostic {
  const at = lines.positionAt(mapped.toSource([0, 0]).range[0]);
  const reason = error instanceof Error ? error.message : String(error);
  const diagnostic: Diagnostic = {
    ruleId,
    severity: 'error',
    message: `Rule "${ruleId}" failed on this macro and was skipped: ${reason}`,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column,
  };
  if (macro) diagnostic.macro = macro;
  return diagnostic;
}
