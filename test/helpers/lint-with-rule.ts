// Lints Markdown with exactly one rule, below the config layer: what the fixture tables need.
import { getDialect, guessDialect } from '../../src/engine/dialects.js';
import { fixUntilStable } from '../../src/engine/fixer.js';
import { lintMacros } from '../../src/engine/linter.js';
import type { AnyRule } from '../../src/engine/rule.js';
import type { Vocabulary } from '../../src/engine/document.js';
import type { Diagnostic } from '../../src/engine/types.js';
import { parseMarkdown } from '../../src/formats/markdown.js';

/** What a rule's fixtures share: the team vocabulary in `fixtures/<id>/vocabulary.json`, if any. */
export interface FixtureContext {
  vocabulary?: Vocabulary;
}

export function lintWithRule(source: string, rule: AnyRule, options: Record<string, unknown> = {}, context: FixtureContext = {}): Diagnostic[] {
  const macros = parseMarkdown(source, { split: 'auto' });
  const severity = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
  // The placeholder dialect is guessed from the file, as the CLI does when no config names one.
  const dialect = getDialect(guessDialect(macros.map((m) => m.mapped.text)));
  const enabled = [{ rule, severity, options: { ...rule.meta.defaultOptions, ...options } }];
  return lintMacros('fixture.md', source, macros, enabled, { dialect, ...(context.vocabulary ? { vocabulary: context.vocabulary } : {}) });
}

export function fixWithRule(source: string, rule: AnyRule, options: Record<string, unknown> = {}, context: FixtureContext = {}) {
  return fixUntilStable(source, (text) => lintWithRule(text, rule, options, context).flatMap((d) => (d.fix ? [d.fix] : [])));
}
