// The default, human output, in the shape ESLint users read without thinking:
// the file, then aligned `line:col  severity  message  rule-id` rows, then a one-line summary.
import path from 'node:path';
import { Chalk } from 'chalk';
import { libraryScore } from '../engine/score.js';
import type { LintResult } from '../engine/types.js';
import type { Formatter } from './index.js';
import { macroLabel } from './labels.js';

const MESSAGE_ALIGN_LIMIT = 100;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const stylish: Formatter = (results, { cwd, color }) => {
  const c = new Chalk(color ? {} : { level: 0 });
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    lines.push('', c.underline(path.relative(cwd, result.filePath) || result.filePath));
    lines.push(...fileRows(result, c));
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const paint = errors > 0 ? c.red.bold : c.yellow.bold;
  lines.push('', paint(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`));
  if (fixable > 0) lines.push(paint(`  ${fixable} fixable with --fix`));
  const { score, macros } = libraryScore(results);
  if (score !== undefined) lines.push(`  empathy score ${score}/100 over ${plural(macros, 'macro')}`);
  return `${lines.join('\n')}\n`;
};

function fileRows(result: LintResult, c: InstanceType<typeof Chalk>): string[] {
  const { messages } = result;
  const lineWidth = Math.max(...messages.map((m) => String(m.line).length));
  const columnWidth = Math.max(...messages.map((m) => String(m.column).length));
  // Rule ids line up after messages of ordinary length; a long message is not allowed to push every row.
  const messageWidth = Math.max(0, ...messages.map((m) => m.message.length).filter((n) => n <= MESSAGE_ALIGN_LIMIT));
  const rows: string[] = [];
  let currentMacro: string | undefined;
  for (const m of messages) {
    const macro = macroLabel(m.macro);
    if (macro && macro !== currentMacro) rows.push(c.bold(`  › ${macro}`));
    currentMacro = macro;
    const position = `${String(m.line).padStart(lineWidth)}:${String(m.column).padEnd(columnWidth)}`;
    const severity = m.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    const rule = m.ruleId ? `  ${c.dim(m.ruleId)}` : '';
    rows.push(`  ${position}  ${severity}  ${m.message.padEnd(messageWidth)}${rule}`.trimEnd());
    const indent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2);
    for (const suggestion of m.suggestions ?? []) rows.push(c.dim(`${indent}→ suggestion: ${suggestion.desc}`));
  }
  return rows;
}

export default stylish;
