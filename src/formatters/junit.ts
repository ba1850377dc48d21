// JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps): each linted file is a test suite, each
// finding a failing test case, and a file with no findings one passing case, so a clean library shows green.
import path from 'node:path';
import type { Diagnostic, LintResult } from '../engine/types.js';
import type { Formatter } from './index.js';
import { displayPath, macroLabel } from './labels.js';

// Everything outside XML 1.0's Char production (C0 controls but tab, CR and LF; lone surrogates; U+FFFE/F):
// a parser refuses the whole report over one of them, even written as a character reference.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeText(value: string): string {
  return value
    .replace(NOT_XML_CHARACTER, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A parser turns a raw CR into LF (and, in an attribute, any line break into a space); references survive.
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const junit: Formatter = (results, { cwd }) => {
  const suites = results.map((result) => testSuite(result, cwd));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="empathy-lint" tests="${tests}" failures="${failures}">`,
    ...suites.flatMap((s) => s.lines),
    '</testsuites>',
    '',
  ].join('\n');
};

function testSuite(result: LintResult, cwd: string): { tests: number; failures: number; lines: string[] } {
  const file = displayPath(result.filePath, cwd);
  const name = escapeAttribute(file);
  // Without the extension, as ESLint writes it: dashboards such as Jenkins split classname at dots.
  const classname = escapeAttribute(file.slice(0, file.length - path.extname(file).length));
  const failures = result.messages.length;
  const tests = Math.max(1, failures);
  const lines = [`  <testsuite name="${name}" tests="${tests}" failures="${failures}">`];
  if (failures === 0) lines.push(`    <testcase classname="${classname}" name="no problems"/>`);
  for (const m of result.messages) {
    const type = m.severity === 'error' ? 'error' : 'warning';
    lines.push(
      `    <testcase classname="${classname}" name="${escapeAttribute(`${m.ruleId ?? (m.fatal ? 'fatal' : 'notice')} at ${m.line}:${m.column}`)}">`,
      `      <failure message="${escapeAttribute(m.message)}" type="${type}">${escapeText(failureBody(file, m))}</failure>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>');
  return { tests, failures, lines };
}

/** What a dashboard shows when the case is opened: the message, the macro it is in, and where. */
function failureBody(file: string, m: Diagnostic): string {
  const macro = macroLabel(m.macro);
  return [
    m.message,
    ...(macro ? [`Macro: ${macro}`] : []),
    `Rule: ${m.ruleId ?? (m.fatal ? 'none (the file could not be linted)' : 'none')}`,
    `At: ${file}:${m.line}:${m.column}`,
  ].join('\n');
}

export default junit;
