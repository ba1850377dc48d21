// The default, human output, in the shape ESLint users read without thinking:
// the file, then aligned `line:col  severity  message  rule-id` rows, then a one-line summary.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { libraryScore } from '../engine/score.js';
import type { LintResult } from '../engine/types.js';
import type { Formatter } from './index.js';
import { macroLabel } from './labels.js';

const MESSAGE_ALIGN_LIMIT = 100;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The styles this formatter uses: chalk's, or the text as it is. */
type Paint = Pick<ChalkInstance, 'underline' | 'bold' | 'dim' | 'red' | 'yellow'>;
const same = (text: string) => text;
const sameInBold = () => Object.assign((text: string) => text, { bold: same });
const PLAIN = { underline: same, bold: same, dim: same, red: sameInBold(), yellow: sameInBold() } as unknown as Paint;

/**
 * chalk, loaded (by getFormatter, through `prepare`) only when it could colour anything: on loading it
 * asks the terminal what it supports, ~3 ms of a one-file run, and when the output goes to a file or a
 * pipe it answers "no colour" anyway, unless told otherwise (FORCE_COLOR, a --color flag, or Azure
 * Pipelines, which it colours without a terminal).
 */
let chalk: ChalkInstance | undefined;

export async function prepare(): Promise<void> {
  const { env, argv } = process;
  const mayColour = process.stdout.isTTY === true || 'FORCE_COLOR' in env || argv.some((arg) => arg.includes('color')) || ('TF_BUILD' in env && 'AGENT_NAME' in env);
  if (mayColour) chalk ??= new (await import('chalk')).Chalk();
}

const stylish: Formatter = (results, { cwd, color }) => {
  const c = color && chalk ? chalk : PLAIN;
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

function fileRows(result: LintResult, c: Paint): string[] {
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
