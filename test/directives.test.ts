// Inline disable directives: how comments are read, how they turn diagnostics off, and what is said
// about mistaken or useless ones; then real macros linted with the real rules.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { getDialect, guessDialect } from '../src/engine/dialects.js';
import { applyDirectives, parseDirectives, type Directive, type DirectiveOptions } from '../src/engine/directives.js';
import { lintMacros } from '../src/engine/linter.js';
import { LineIndex } from '../src/engine/positions.js';
import type { Diagnostic } from '../src/engine/types.js';
import { loadHtmlSupport, parseSource } from '../src/formats/index.js';

// HTML bodies need the HTML parser, which the Linter loads on demand.
beforeAll(loadHtmlSupport);

const formatOptions = { markdown: { split: 'auto' as const } };

function read(source: string, filePath = 'macro.md') {
  const outcome = parseSource(filePath, source, formatOptions);
  if (outcome.kind !== 'macros') throw new Error(JSON.stringify(outcome));
  return { ...outcome, directives: parseDirectives(outcome.comments, new LineIndex(source), source) };
}

const directivesIn = (source: string): Directive[] => read(source).directives;

/** The parts of a directive a writer decides: what it does, to which rules, and why. */
const written = (source: string) => directivesIn(source).map(({ kind, rules, reason }) => ({ kind, rules: rules.map((r) => r.name), reason }));

describe('reading directives', () => {
  it.each([
    ['<!-- empathy-disable -->', 'disable', []],
    ['<!-- empathy-enable -->', 'enable', []],
    ['<!-- empathy-disable avoid-blame -->', 'disable', ['avoid-blame']],
    ['<!-- empathy-enable avoid-blame, no-deflection -->', 'enable', ['avoid-blame', 'no-deflection']],
    ['Text. <!-- empathy-disable-line -->', 'disable-line', []],
    ['<!-- empathy-disable-next-line avoid-blame,no-deflection -->', 'disable-next-line', ['avoid-blame', 'no-deflection']],
  ])('%s', (source, kind, rules) => {
    expect(written(source)).toEqual([{ kind, rules, reason: undefined }]);
  });

  it('takes what follows " -- " as the reason, never as rule names', () => {
    expect(written('<!-- empathy-disable-next-line avoid-blame -- legal wording, as no-deflection asks -->')).toEqual([
      { kind: 'disable-next-line', rules: ['avoid-blame'], reason: 'legal wording, as no-deflection asks' },
    ]);
    expect(written('<!-- empathy-disable -- the whole policy is quoted -->')).toEqual([{ kind: 'disable', rules: [], reason: 'the whole policy is quoted' }]);
    // A word processor turns "--" into a dash; the reason still is one.
    expect(written('<!-- empathy-disable avoid-blame \u2014 legal -->')).toEqual([{ kind: 'disable', rules: ['avoid-blame'], reason: 'legal' }]);
    expect(written('<!-- empathy-disable avoid-blame --->')).toEqual([{ kind: 'disable', rules: ['avoid-blame'], reason: undefined }]);
  });

  it('allows any spacing: none around the keyword, commas or spaces between names, several lines', () => {
    expect(written('<!--empathy-disable-->')).toEqual([{ kind: 'disable', rules: [], reason: undefined }]);
    expect(written('<!--empathy-disable avoid-blame-->')).toEqual([{ kind: 'disable', rules: ['avoid-blame'], reason: undefined }]);
    expect(written('<!--   empathy-disable   avoid-blame ,no-deflection\tpositive-language  -->')[0]!.rules).toEqual(['avoid-blame', 'no-deflection', 'positive-language']);
    expect(written('<!--\n  empathy-disable\n  avoid-blame,\n  no-deflection\n  -- quoted from the terms\n-->')).toEqual([
      { kind: 'disable', rules: ['avoid-blame', 'no-deflection'], reason: 'quoted from the terms' },
    ]);
  });

  it('reads the keyword in any case, and keeps rule names as written', () => {
    expect(written('<!-- Empathy-Disable-Next-Line Avoid-Blame -->')).toEqual([{ kind: 'disable-next-line', rules: ['Avoid-Blame'], reason: undefined }]);
    expect(written('<!-- EMPATHY-ENABLE -->')).toEqual([{ kind: 'enable', rules: [], reason: undefined }]);
  });

  it('ignores comments that are not directives, and directives written in code', () => {
    const source = [
      '<!-- empathy-disabled by Sam until the review -->',
      '<!-- TODO: empathy-disable this? -->',
      '<!-- empathy-disable-nextline avoid-blame -->',
      '',
      '`<!-- empathy-disable -->` turns every rule off.',
      '',
      '```',
      '<!-- empathy-disable -->',
      '```',
    ].join('\n');
    expect(directivesIn(source)).toEqual([]);
  });

  it('knows where the comment and each rule name are written', () => {
    const [directive] = directivesIn('Hi,\n\nThat was your mistake. <!-- empathy-disable-line no-deflection, avoid-blame -->\n');
    expect(directive).toMatchObject({
      start: { line: 3, column: 24 },
      end: { line: 3, column: 80 },
      rules: [
        { name: 'no-deflection', start: { line: 3, column: 50 }, end: { line: 3, column: 63 } },
        { name: 'avoid-blame', start: { line: 3, column: 65 }, end: { line: 3, column: 76 } },
      ],
    });
  });

  it('finds comments at any depth: block quotes, lists, paragraphs, several on a line', () => {
    const source = [
      '> Quoted policy <!-- empathy-disable-line avoid-blame -->',
      '> <!-- empathy-disable',
      '> no-deflection -->',
      '',
      '- Step one <!-- empathy-disable-line -->',
      '  <!-- empathy-enable',
      '  no-deflection --> trailing',
      '',
      '<!--> <!-- empathy-disable-line --> <!-- not one -->',
      '',
      'Text<!--empathy-disable-->',
    ].join('\n');
    const { comments } = read(source);
    expect(comments.map((c) => [c.value, source.slice(c.start, c.end)])).toEqual([
      [' empathy-disable-line avoid-blame ', '<!-- empathy-disable-line avoid-blame -->'],
      // The quote's ">" is not part of the comment's text, but it is inside the comment's range.
      [' empathy-disable\nno-deflection ', '<!-- empathy-disable\n> no-deflection -->'],
      [' empathy-disable-line ', '<!-- empathy-disable-line -->'],
      [' empathy-enable\nno-deflection ', '<!-- empathy-enable\n  no-deflection -->'],
      ['', '<!-->'],
      [' empathy-disable-line ', '<!-- empathy-disable-line -->'],
      [' not one ', '<!-- not one -->'],
      ['empathy-disable', '<!--empathy-disable-->'],
    ]);
    const [, quoted] = directivesIn(source);
    expect(quoted!.rules).toEqual([{ name: 'no-deflection', start: { line: 3, column: 3 }, end: { line: 3, column: 16 } }]);
  });

  it('JSON exports have no comments to read', () => {
    const outcome = parseSource('export.json', JSON.stringify({ macro: { id: 1, title: 'A', actions: [{ field: 'comment_value', value: '<!-- empathy-disable --> Hi' }] } }), formatOptions);
    expect(outcome).toMatchObject({ kind: 'macros', comments: [] });
  });
});

const known = new Set(['avoid-blame', 'no-deflection', 'positive-language', 'no-shouting']);

/** A finding of `ruleId` starting at line:column, as the linter would report it. */
const finding = (ruleId: string | null, line: number, column = 1, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  ruleId,
  severity: 'warn',
  message: `${ruleId ?? 'file'} at ${line}:${column}`,
  line,
  column,
  endLine: line,
  endColumn: column + 5,
  ...extra,
});

function apply(source: string, findings: Diagnostic[], options: Partial<DirectiveOptions> = {}) {
  return applyDirectives(findings, directivesIn(source), { knownRules: known, reportUnused: false, ...options });
}

/** What is left, as `rule@line:column`, with directive problems as their message. */
const left = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => (d.ruleId === null ? `${d.line}:${d.column} ${d.message}` : `${d.ruleId}@${d.line}:${d.column}`));

describe('applying directives', () => {
  it('turns every rule off from a disable comment until an enable comment, by position', () => {
    const source = ['Line one.', 'Line two. <!-- empathy-disable -->', 'Line three.', '<!-- empathy-enable -->', 'Line five.'].join('\n');
    const findings = [finding('avoid-blame', 1), finding('avoid-blame', 2, 1), finding('avoid-blame', 2, 40), finding('no-deflection', 3), finding('avoid-blame', 5)];
    // On line two, what comes before the comment is still linted.
    expect(left(apply(source, findings))).toEqual(['avoid-blame@1:1', 'avoid-blame@2:1', 'avoid-blame@5:1']);
  });

  it('turns only the named rules off, to the end of the file when never re-enabled', () => {
    const source = ['# One', '', '<!-- empathy-disable avoid-blame, positive-language -->', '', '# Two', '', 'Text', '', '# Three'].join('\n');
    const findings = [finding('avoid-blame', 1), finding('avoid-blame', 7), finding('no-deflection', 7), finding('positive-language', 9)];
    expect(left(apply(source, findings))).toEqual(['avoid-blame@1:1', 'no-deflection@7:1']);
  });

  it('re-enables single rules after disabling all, and single rules after disabling several', () => {
    const source = [
      '<!-- empathy-disable -->',
      'Line two.',
      '<!-- empathy-enable avoid-blame -->',
      'Line four.',
      '<!-- empathy-enable -->',
      '<!-- empathy-disable avoid-blame, no-deflection -->',
      '<!-- empathy-enable avoid-blame -->',
      'Line eight.',
    ].join('\n');
    const findings = ['avoid-blame', 'no-deflection', 'positive-language'].flatMap((rule) => [2, 4, 8].map((line) => finding(rule, line)));
    expect(left(apply(source, findings))).toEqual([
      'avoid-blame@4:1',
      'avoid-blame@8:1',
      'positive-language@8:1',
    ]);
  });

  it('disable-next-line covers the very next line only, even when it is blank', () => {
    const source = ['<!-- empathy-disable-next-line avoid-blame -- legal -->', 'Line two.', 'Line three.', '<!-- empathy-disable-next-line -->', '', 'Line six.'].join('\n');
    const findings = [finding('avoid-blame', 2), finding('no-deflection', 2), finding('avoid-blame', 3), finding('avoid-blame', 6)];
    expect(left(apply(source, findings))).toEqual(['no-deflection@2:1', 'avoid-blame@3:1', 'avoid-blame@6:1']);
  });

  it('disable-next-line on a comment of several lines covers the line after its end', () => {
    const source = ['<!-- empathy-disable-next-line', 'avoid-blame -->', 'Line three.'].join('\n');
    expect(left(apply(source, [finding('avoid-blame', 2), finding('avoid-blame', 3)]))).toEqual(['avoid-blame@2:1']);
  });

  it('disable-line covers the lines the comment is on, wherever on them the finding starts', () => {
    const source = ['Line one.', 'Our policy, your fault. <!-- empathy-disable-line avoid-blame', '-- the text is from the terms -->', 'Line four.'].join('\n');
    const findings = [finding('avoid-blame', 1), finding('avoid-blame', 2, 13), finding('avoid-blame', 3, 40), finding('no-deflection', 2), finding('avoid-blame', 4)];
    expect(left(apply(source, findings))).toEqual(['avoid-blame@1:1', 'no-deflection@2:1', 'avoid-blame@4:1']);
  });

  it('matches rule names in any case, and reports them as the rule spells its id', () => {
    const source = ['<!-- empathy-disable-next-line Avoid-Blame, acme/legalwording -->', 'Line two.', '<!-- empathy-disable-next-line ACME/legalWording, no-shouting -->', 'Line four.'].join('\n');
    const findings = [finding('avoid-blame', 2), finding('acme/legalWording', 2), finding('acme/legalWording', 4)];
    const knownRules = new Set([...known, 'acme/legalWording']);
    expect(left(apply(source, findings, { knownRules, reportUnused: true }))).toEqual([
      '3:1 Unused empathy-disable directive (no problems were reported from "no-shouting").',
    ]);
  });

  it('a directive whose every name is unknown turns nothing off', () => {
    const source = '<!-- empathy-disable avoid-blam -->\nText.';
    expect(left(apply(source, [finding('avoid-blame', 2), finding('no-deflection', 2)]))).toEqual([
      '1:22 Unknown rule "avoid-blam" in an empathy-disable comment (did you mean "avoid-blame"?).',
      'avoid-blame@2:1',
      'no-deflection@2:1',
    ]);
  });

  it('never turns off fatal problems or problems of no rule', () => {
    const source = '<!-- empathy-disable -->\nText.';
    const findings = [finding(null, 2), finding('avoid-blame', 2, 1, { fatal: true, severity: 'error' })];
    expect(apply(source, findings)).toEqual(findings);
  });

  it('reports unknown rule names where they are written, suggesting the nearest, and still applies the known ones', () => {
    const source = ['<!-- empathy-disable-next-line avoid-blam, no-deflection -->', 'Line two.', '<!-- empathy-enable sparkle -->'].join('\n');
    const result = apply(source, [finding('avoid-blame', 2), finding('no-deflection', 2)]);
    expect(left(result)).toEqual([
      '1:32 Unknown rule "avoid-blam" in an empathy-disable comment (did you mean "avoid-blame"?).',
      'avoid-blame@2:1',
      '3:21 Unknown rule "sparkle" in an empathy-enable comment.',
    ]);
    expect(result[0]).toMatchObject({ ruleId: null, severity: 'error', messageId: 'unknownRule', endLine: 1, endColumn: 42 });
  });

  it('says nothing about unused directives unless asked', () => {
    expect(apply('<!-- empathy-disable -->\nText.', [])).toEqual([]);
  });

  it('reports a directive that suppressed nothing, naming the rules that reported nothing', () => {
    const source = [
      '<!-- empathy-disable-next-line -->',
      'Line two.',
      '<!-- empathy-disable-next-line avoid-blame, no-deflection, positive-language -->',
      'Line four.',
      '<!-- empathy-disable-next-line avoid-blame, no-deflection -- one of them is used -->',
      'Line six.',
      '<!-- empathy-disable-next-line no-shouting, nonsense -->',
      'Line eight.',
      '<!-- empathy-enable -->',
    ].join('\n');
    const result = apply(source, [finding('avoid-blame', 6)], { reportUnused: true });
    expect(left(result)).toEqual([
      '1:1 Unused empathy-disable directive (no problems were reported).',
      '3:1 Unused empathy-disable directive (no problems were reported from "avoid-blame", "no-deflection" or "positive-language").',
      '5:1 Unused empathy-disable directive (no problems were reported from "no-deflection").',
      '7:1 Unused empathy-disable directive (no problems were reported from "no-shouting").',
      '7:45 Unknown rule "nonsense" in an empathy-disable comment.',
    ]);
    expect(result[0]).toMatchObject({ ruleId: null, severity: 'warn', messageId: 'unusedDirective', endLine: 1, endColumn: 35 });
    expect(apply(source, [finding('avoid-blame', 6)], { reportUnused: true, unusedSeverity: 'error' })[0]!.severity).toBe('error');
  });

  it('counts the block directive first, so a line directive inside a disabled region is unused', () => {
    const source = ['<!-- empathy-disable avoid-blame -->', '<!-- empathy-disable-next-line avoid-blame -->', 'Line three.'].join('\n');
    expect(left(apply(source, [finding('avoid-blame', 3)], { reportUnused: true }))).toEqual([
      '2:1 Unused empathy-disable directive (no problems were reported from "avoid-blame").',
    ]);
  });
});

// Real macros, linted with the rules of the recommended preset, in which a writer keeps some wording on
// purpose. Beside each: what the directives turned off (proof that they matter) and what is still reported.
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'directives');
const recommended = builtinRules.flatMap((rule) =>
  rule.meta.defaultSeverity === 'off' ? [] : [{ rule, severity: rule.meta.defaultSeverity, options: { ...rule.meta.defaultOptions } }],
);
const allRuleIds = new Set(builtinRules.map((rule) => rule.meta.id));

interface Expectation {
  suppressed: { ruleId: string; line: number; column: number }[];
  diagnostics: Pick<Diagnostic, 'ruleId' | 'severity' | 'line' | 'column' | 'endLine' | 'endColumn' | 'message'>[];
}

describe('directives in real macros', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort();

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    it(name, () => {
      const source = readFileSync(path.join(FIXTURES, name), 'utf8');
      const { macros, directives } = read(source, name);
      const dialect = getDialect(guessDialect(macros.map((m) => m.mapped.text)));
      const all = lintMacros(name, source, macros, recommended, { dialect });
      const result = applyDirectives(all, directives, { knownRules: allRuleIds, reportUnused: true });
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, name.replace(/\.md$/, '.expected.json')), 'utf8')) as Expectation;
      const suppressed = all.filter((d) => !result.includes(d)).map(({ ruleId, line, column }) => ({ ruleId, line, column }));
      expect(suppressed).toEqual(expected.suppressed);
      expect(result.map(({ ruleId, severity, line, column, endLine, endColumn, message }) => ({ ruleId, severity, line, column, endLine, endColumn, message }))).toEqual(
        expected.diagnostics,
      );
    });
  }
});
