// Lints Markdown with exactly one rule, below the config layer: what the fixture tables need.
import { getDialect, guessDialect } from '../../src/engine/dialects.js';
import { fixUntilStable } from '../../src/engine/fixer.js';
import { lintMacros } from '../../src/engine/linter.js';
import type { AnyRule } from '../../src/engine/rule.js';
import type { Diagnostic } from '../../src/engine/types.js';
import { parseMarkdown } from '../../src/formats/markdown.js';

export function lintWithRule(source: string, rule: AnyRule, options: Record<string, unknown> = {}, filePath = 'fixture.md'): Diagnostic[] {
  const macros = parseMarkdown(source, { split: 'auto' });
  const severity = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
  // The placeholder dialect is guessed from the file, as the CLI does when no config names one.
  const dialect = getDialect(guessDialect(macros.map((m) => m.mapped.text)));
  return lintMacros(filePath, source, macros, [{ rule, severity, options: { ...rule.meta.defaultOptions, ...options } }], { dialect });
}

export function fixWithRule(source: string, rule: AnyRule, options: Record<string, unknown> = {}) {
  return fixUntilStable(source, (text) => lintWithRule(text, rule, options).flatMap((d) => (d.fix ? [d.fix] : [])));
}
