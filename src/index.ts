// empathy-lint's public entry point: `import { lintFiles, defineRule } from 'empathy-lint'`.
export { applyFixes, describeRules, lintFile, lintFiles, lintText, loadConfig, Linter, writeFixes } from './api/index.js';
export type { LintOptions, LintReport } from './api/index.js';
export type { ResolvedConfig, EmpathyConfig, RuleSetting } from './config/validate.js';
export { ConfigError } from './config/validate.js';
export type { MacroDocument, Placeholder, Sentence, Word } from './engine/document.js';
export type { TextBlock } from './engine/mapped-text.js';
export type { PhraseEntry, PhraseHit } from './engine/phrases.js';
export { defineRule, type Rule } from './engine/rule.js';
export { SCORE_WEIGHTS } from './engine/score.js';
export type { Diagnostic, Fix, LintResult, MacroResult, Range, Report, ReportDescriptor, RuleMeta, Severity, Suggestion } from './engine/types.js';
export { FORMATTER_NAMES, getFormatter, type Formatter, type FormatterContext } from './formatters/index.js';
