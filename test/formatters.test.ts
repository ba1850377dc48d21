// The compact, github and junit formatters: golden output of the built CLI on fixtures/report, and crafted
// results for the characters each format has to escape.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, LintResult } from '../src/engine/types.js';
import compact from '../src/formatters/compact.js';
import github from '../src/formatters/github.js';
import junit from '../src/formatters/junit.js';
import { macroLabel } from '../src/formatters/labels.js';
import { parseXml, type XmlElement } from './helpers/xml.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const GOLDEN = path.join(ROOT, 'fixtures/report-golden');

function cli(args: string[]) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  const result = spawnSync(process.execPath, ['bin/empathy-lint.js', ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// ---- Crafted results ----

const CWD = path.resolve('/project');
const at = (file: string) => path.join(CWD, ...file.split('/'));

function diagnostic(overrides: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'avoid-blame', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...overrides };
}

function result(file: string, messages: Diagnostic[]): LintResult {
  const count = (test: (m: Diagnostic) => boolean) => messages.filter(test).length;
  return {
    filePath: at(file),
    messages,
    errorCount: count((m) => m.severity === 'error'),
    warningCount: count((m) => m.severity === 'warn'),
    fatalErrorCount: count((m) => m.fatal === true),
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    macros: [],
  };
}

const NASTY = '100% "sure" <b>you & me</b>: it\'s a, b\r\nnext\rline\nend';

const crafted: LintResult[] = [
  result('macros/odd,name:v1.md', [
    diagnostic({ ruleId: 'positive-language', severity: 'warn', message: NASTY, line: 2, column: 5, endLine: 2, endColumn: 9, macro: { title: 'Refund: 50%, "now" <fast> & easy' } }),
    diagnostic({ ruleId: 'acknowledge-before-solving', severity: 'warn', message: 'spans lines', line: 3, column: 4, endLine: 4, endColumn: 7 }),
  ]),
  result('macros/clean.md', []),
  result('macros/broken.json', [diagnostic({ ruleId: null, fatal: true, message: 'No macro format recognised: "x" & <y>', line: 1, column: 1, endLine: 1, endColumn: 1 })]),
];

// ---- Golden output ----

describe.each([
  ['compact', 'compact.txt'],
  ['github', 'github.txt'],
  ['junit', 'junit.xml'],
])('--format %s on fixtures/report', (format, golden) => {
  it('matches the golden file byte for byte and exits 1', () => {
    const { code, stdout, stderr } = cli(['--format', format, 'fixtures/report']);
    expect(stderr).toBe('');
    expect(stdout).toBe(readFileSync(path.join(GOLDEN, golden), 'utf8'));
    expect(code).toBe(1);
  });
});

describe('golden files agree with the engine', () => {
  const report = JSON.parse(cli(['--format', 'json', 'fixtures/report']).stdout) as { filePath: string; messages: (Omit<Diagnostic, 'severity'> & { severity: 1 | 2 })[] }[];
  const findings = report.flatMap((r) => r.messages.map((m) => ({ file: path.relative(ROOT, r.filePath), ...m })));

  it('compact: one line per finding of the json output, in its order', () => {
    const lines = readFileSync(path.join(GOLDEN, 'compact.txt'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(findings.map((m) => `${m.file}:${m.line}:${m.column}: ${m.severity === 2 ? 'error' : 'warning'} ${m.message} [${m.ruleId}]`));
    expect(findings).toHaveLength(10);
  });

  it('github: every annotation has the finding\'s range, rule and severity', () => {
    const lines = readFileSync(path.join(GOLDEN, 'github.txt'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, n) => {
      const m = findings[n]!;
      const columns = m.line === m.endLine ? `,col=${m.column}` : '';
      const endColumn = m.line === m.endLine ? `,endColumn=${m.endColumn}` : '';
      expect(line.startsWith(`::${m.severity === 2 ? 'error' : 'warning'} file=${m.file},line=${m.line}${columns},endLine=${m.endLine}${endColumn},title=${m.ruleId}::${m.message}`)).toBe(true);
      const label = macroLabel(m.macro);
      expect(line.endsWith(label ? ` (macro: ${label})` : m.message)).toBe(true);
    });
  });

  it('junit: well-formed, a suite per file with the right counts, a case per finding', () => {
    const root = parseXml(readFileSync(path.join(GOLDEN, 'junit.xml'), 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'empathy-lint', tests: '11', failures: '10' });
    expect(root.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['fixtures/report/late-order.md', '4', '4'],
      ['fixtures/report/password.md', '1', '0'],
      ['fixtures/report/saved-replies.md', '1', '1'],
      ['fixtures/report/zendesk-macros.json', '5', '5'],
    ]);
    const failing = root.children.flatMap((s) => s.children).filter((c) => c.children.length > 0);
    const withoutExtension = (file: string) => file.slice(0, file.length - path.extname(file).length);
    expect(failing.map((c) => [c.attributes.classname, c.attributes.name])).toEqual(findings.map((m) => [withoutExtension(m.file), `${m.ruleId} at ${m.line}:${m.column}`]));
    failing.forEach((c, n) => {
      const [failure] = c.children;
      const m = findings[n]!;
      expect(failure!.attributes).toEqual({ message: m.message, type: m.severity === 2 ? 'error' : 'warning' });
      if (m.macro?.title) expect(failure!.text).toContain(`Macro: ${m.macro.title}`);
    });
    expect(root.children[1]!.children).toEqual([{ name: 'testcase', attributes: { classname: 'fixtures/report/password', name: 'no problems' }, children: [], text: '' }]);
  });
});

// ---- Escaping ----

describe('compact', () => {
  it('keeps one line per finding, with no bracket for a fatal error', () => {
    const lines = compact(crafted, { cwd: CWD, color: true }).split('\n');
    expect(lines).toEqual([
      `${path.join('macros', 'odd,name:v1.md')}:2:5: warning 100% "sure" <b>you & me</b>: it's a, b next line end [positive-language]`,
      `${path.join('macros', 'odd,name:v1.md')}:3:4: warning spans lines [acknowledge-before-solving]`,
      `${path.join('macros', 'broken.json')}:1:1: error No macro format recognised: "x" & <y>`,
      '',
    ]);
    expect(compact([result('macros/clean.md', [])], { cwd: CWD, color: true })).toBe('');
  });
});

describe('github', () => {
  const lines = github(crafted, { cwd: CWD, color: true }).split('\n');

  it('escapes the message as @actions/core escapeData does, and properties as escapeProperty', () => {
    expect(lines[0]).toBe(
      '::warning file=macros/odd%2Cname%3Av1.md,line=2,col=5,endLine=2,endColumn=9,title=positive-language::' +
        '100%25 "sure" <b>you & me</b>: it\'s a, b%0D%0Anext%0Dline%0Aend (macro: Refund: 50%25, "now" <fast> & easy)',
    );
  });

  it('sends no columns for a range over several lines, as GitHub requires', () => {
    expect(lines[1]).toBe('::warning file=macros/odd%2Cname%3Av1.md,line=3,endLine=4,title=acknowledge-before-solving::spans lines');
  });

  it('reports a fatal error without a title', () => {
    expect(lines[2]).toBe('::error file=macros/broken.json,line=1,col=1,endLine=1,endColumn=1::No macro format recognised: "x" & <y>');
    expect(lines.slice(3)).toEqual(['']);
  });

  it('escapes a property\'s percent sign before its other escapes, so %3A in a name stays literal', () => {
    const [line] = github([result('a%3A,b.md', [diagnostic({ ruleId: 'x' })])], { cwd: CWD, color: true }).split('\n');
    expect(line).toBe('::error file=a%253A%2Cb.md,line=1,col=1,endLine=1,endColumn=2,title=x::m');
  });

  it('never colours, even when colour is allowed', () => {
    expect(github(crafted, { cwd: CWD, color: true })).not.toMatch(/\u001b\[/);
  });
});

describe('junit', () => {
  it('escapes markup, keeps line breaks through the parser and drops characters XML 1.0 forbids', () => {
    const withControls = result('macros/controls.md', [diagnostic({ message: 'bell\u0007 nul\u0000 lone\uD800 ok\uFFFF 😀 tab\tend' })]);
    const xml = junit([...crafted, withControls], { cwd: CWD, color: true });
    const root = parseXml(xml);
    expect(root.attributes).toEqual({ name: 'empathy-lint', tests: '5', failures: '4' });
    const [odd, clean, broken, controls] = root.children;

    expect(odd!.attributes).toEqual({ name: 'macros/odd,name:v1.md', tests: '2', failures: '2' });
    const [first, multiLine] = odd!.children;
    expect(first!.attributes).toEqual({ classname: 'macros/odd,name:v1', name: 'positive-language at 2:5' });
    expect(first!.children[0]!.attributes).toEqual({ message: NASTY, type: 'warning' });
    // The CRs survive only because they are written as references.
    expect(first!.children[0]!.text).toBe(
      `${NASTY}\nMacro: Refund: 50%, "now" <fast> & easy\nRule: positive-language\nAt: macros/odd,name:v1.md:2:5`,
    );
    expect(multiLine!.attributes.name).toBe('acknowledge-before-solving at 3:4');

    expect(clean!.attributes).toEqual({ name: 'macros/clean.md', tests: '1', failures: '0' });
    expect(clean!.children).toEqual([{ name: 'testcase', attributes: { classname: 'macros/clean', name: 'no problems' }, children: [], text: '' }]);

    expect(broken!.children[0]!.attributes.name).toBe('fatal at 1:1');
    expect(broken!.children[0]!.children[0]!.attributes).toEqual({ message: 'No macro format recognised: "x" & <y>', type: 'error' });
    expect(broken!.children[0]!.children[0]!.text).toContain('Rule: none (the file could not be linted)');

    expect(controls!.children[0]!.children[0]!.attributes.message).toBe('bell nul lone ok 😀 tab\tend');
    expect(xml).toContain('&lt;b&gt;you &amp; me&lt;/b&gt;');
    expect(xml).toContain('&quot;sure&quot;');
    expect(xml).toContain('it&apos;s');
  });

  it('a clean library is one green case per file', () => {
    const xml = junit([result('a.md', []), result('b.md', [])], { cwd: CWD, color: true });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites name="empathy-lint" tests="2" failures="0">',
        '  <testsuite name="a.md" tests="1" failures="0">',
        '    <testcase classname="a" name="no problems"/>',
        '  </testsuite>',
        '  <testsuite name="b.md" tests="1" failures="0">',
        '    <testcase classname="b" name="no problems"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    expect(parseXml(junit([], { cwd: CWD, color: true })).attributes).toEqual({ name: 'empathy-lint', tests: '0', failures: '0' });
  });

  it('the reader used here rejects what a parser would', () => {
    const head = '<?xml version="1.0" encoding="utf-8"?>\n';
    expect(() => parseXml(`${head}<a><b></a></b>`)).toThrow();
    expect(() => parseXml(`${head}<a x="1 & 2"/>`)).toThrow();
    expect(() => parseXml(`${head}<a x="<"/>`)).toThrow();
    expect(() => parseXml(`${head}<a>\u0001</a>`)).toThrow();
    expect(() => parseXml(`${head}<a/><b/>`)).toThrow();
    expect(() => parseXml(`${head}<a x="1" x="2"/>`)).toThrow();
    expect(() => parseXml(`${head}<a>&#1;</a>`)).toThrow();
    expect(parseXml(`${head}<a x="&lt;&#10;">t&amp;</a>`)).toEqual({ name: 'a', attributes: { x: '<\n' }, children: [], text: 't&' });
    expect(parseXml(`${head}<a x="1\n2\r\n3">x\r\ny\rz</a>`)).toEqual({ name: 'a', attributes: { x: '1 2 3' }, children: [], text: 'x\ny\nz' });
  });
});
