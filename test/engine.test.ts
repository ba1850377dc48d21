import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneSentence, MacroDocument } from '../src/engine/document.js';
import { applyFixes, fixUntilStable } from '../src/engine/fixer.js';
import { lintMacros } from '../src/engine/linter.js';
import { MappedTextBuilder } from '../src/engine/mapped-text.js';
import { findPhrases, phraseToRegexSource } from '../src/engine/phrases.js';
import { findPlaceholders, isNamePlaceholder } from '../src/engine/placeholders.js';
import { compareNames } from '../src/engine/order.js';
import { LineIndex } from '../src/engine/positions.js';
import { defineRule, formatMessage } from '../src/engine/rule.js';
import { libraryScore, macroScore, SCORE_WEIGHTS } from '../src/engine/score.js';
import { plainSentences } from '../src/engine/sentence-breaks.js';
import { closest } from '../src/engine/similar.js';
import { parseMarkdown } from '../src/formats/markdown.js';

const doc = (markdown: string) => new MacroDocument(parseMarkdown(markdown, { split: 'auto' })[0]!.mapped, { filePath: 'x.md' });

describe('placeholders', () => {
  it.each([
    '{{ticket.requester.first_name}}',
    '{{ticket.requester.name}}',
    '{{ticket.requester.firstname}}',
    '{%customer.firstName,fallback=there%}',
    '{{first_name|fallback:"there"}}',
    '{{ first_name | fallback: "there" }}',
    '{!Contact.FirstName}',
    '{customer_name}',
    '[Customer Name]',
    '{{name}}',
    '@{{ author }}',
    '@<reporter>',
  ])('%s is one token that names the customer', (placeholder) => {
    const text = `Hi ${placeholder}, thanks.`;
    expect(findPlaceholders(text).map((p) => p.text)).toEqual([placeholder]);
    expect(isNamePlaceholder(placeholder)).toBe(true);
  });

  it.each(['{{current_user.first_name}}', '{{ticket.agent.name}}', '{{ticket.id}}', '<ISSUE_NUMBER>', '{{ticket.organization.name}}', '{{ticket.requester.email}}'])(
    '%s is a placeholder but not the customer’s name',
    (placeholder) => {
      expect(findPlaceholders(`See ${placeholder}.`).map((p) => p.text)).toEqual([placeholder]);
      expect(isNamePlaceholder(placeholder)).toBe(false);
    },
  );

  it('does not take HTML tags or checkboxes for fill-ins', () => {
    expect(findPlaceholders('Use <em>this</em> and [x] or [ ] boxes.')).toEqual([]);
  });
});

describe('phrases', () => {
  it('compiles the phrase syntax: alternatives, optional words, apostrophes, any white space', () => {
    const source = phraseToRegexSource("we (apologise|apologize) for (any )?inconvenience isn't");
    expect(source).toBe(String.raw`we\s+(?:apologise|apologize)\s+for\s+(?:any\s+)?inconvenience\s+isn['’]t`);
  });

  it('matches whole words only, case-insensitively, across a line break', () => {
    const entries = [{ match: ['user error'] }];
    expect(findPhrases('A USER\nerror, not a superuser error.', entries, () => false).map((h) => h.actual)).toEqual(['USER error']);
  });

  it('reports which entry matched, with its data, even when entries contain groups', () => {
    const entries = [{ match: ['(a|b) c'], expected: 'one' }, { regex: '(d)(e)?f', expected: 'two' }, { match: ['g'], expected: 'three' }];
    const hits = findPhrases('b c, def, g', entries, () => false);
    expect(hits.map((h) => [h.actual, h.expected, h.range])).toEqual([
      ['b c', 'one', [0, 3]],
      ['def', 'two', [5, 8]],
      ['g', 'three', [10, 11]],
    ]);
  });

  it('honours notBefore and notAfter', () => {
    const entries = [{ match: ['your error'], notBefore: ['message'], notAfter: ['if'] }];
    const hits = findPhrases('Your error message. It was your error. If your error persists', entries, () => false);
    expect(hits.map((h) => h.range)).toEqual([[27, 37]]);
  });

  it('never matches inside a placeholder or across blocks', () => {
    const d = doc('Hi {{user error}}, hello\n\nuser\n\nerror and user error.');
    expect(d.findPhrases([{ match: ['user error'] }]).map((h) => d.text.slice(...h.range))).toEqual(['user error']);
  });
});

describe('document', () => {
  it('splits sentences inside blocks only, and not at soft line breaks or inside placeholders', () => {
    const d = doc('Hi {{ticket.requester.first_name}},\n\nI checked e.g. the order\nfrom Tuesday. It shipped! Did it arrive?\n\n- Step one\n- Step two');
    expect(d.sentences.map((s) => s.text)).toEqual([
      'Hi {{ticket.requester.first_name}},',
      'I checked e.g. the order\nfrom Tuesday.',
      'It shipped!',
      'Did it arrive?',
      'Step one',
      'Step two',
    ]);
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'listItem', 'listItem']);
  });

  it('keeps bare URLs and email addresses whole: one word, no sentence break, no phrase inside', () => {
    const d = doc('Mr. Lee checked it. See http://plnkr.co/edit/x?p=1 now, or write to help@example.com. Thanks!');
    expect(d.sentences.map((s) => s.text)).toEqual(['Mr. Lee checked it.', 'See http://plnkr.co/edit/x?p=1 now, or write to help@example.com.', 'Thanks!']);
    expect(d.words.map((w) => w.text)).toContain('http://plnkr.co/edit/x?p=1');
    expect(d.words.map((w) => w.text)).toContain('help@example.com');
    expect(d.findPhrases([{ match: ['edit', 'example'] }])).toEqual([]);
    expect(d.sentenceAt(d.text.indexOf('now'))!.text).toMatch(/^See /);
    expect(d.sentenceAt(d.text.indexOf('Thanks') - 1)).toBeUndefined(); // the space between sentences
  });

  it('finds addresses written in capitals, and none where the text has no address at all', () => {
    const d = doc('Visit WWW.Example.COM/help or HTTPS://status.example.com, or mail Jo.Lee@Example.org today.');
    expect(d.addresses.map((a) => a.text)).toEqual(['WWW.Example.COM/help', 'HTTPS://status.example.com', 'Jo.Lee@Example.org']);
    expect(doc('No address here: the www. of old, http as a word.').addresses.map((a) => a.text)).toEqual([]);
  });

  it('skips the segmenter only for text it would return whole', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    // Words, spaces, every kind of terminator and closer, and the separators that end a paragraph.
    const text = fc
      .array(fc.constantFrom('Hi', 'we', 'e.g', 'A', '3', ' ', '  ', '\t', '.', '!', '?', '…', '。', '؟', '․', '．', '"', '’', '”', ')', ']', '»', '(', ',', '\u2028', '\u0085', '\u00a0'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        if (isOneSentence(s)) expect([...segmenter.segment(s)].length, JSON.stringify(s)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5000 },
    );
    expect(['Hi {{name}},', 'Thanks for waiting.', 'Is that right?” ', 'Step one'].every(isOneSentence)).toBe(true);
    expect(['It shipped. It arrived.', 'Wait...', 'Really?!', 'one\u2028two'].some(isOneSentence)).toBe(false);
  });

  it('splits plain text into the sentences the segmenter finds, without it', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    // Every Sentence_Break class the fast path tells apart: capitals, lower case, digits, full stops
    // (as in "U.S.", "3.5", "e.g. the"), other terminators, closers, continuers, spaces and the rest.
    const piece = fc.constantFrom('Hi', 'there', 'U', 'S', 'a', 'x', '3', '42', '.', '.', '!', '?', ' ', ' ', '  ', '\t', '"', "'", '(', ')', '[', ']', '{', '}', ',', '-', ':', ';', '*', '/', '#', '&', '@', '_', 'e.g', 'Mr', '...', '?!', '<', '>', '%', '+', '=', '`', '~', '^', '|', '\\', '$', '’', '‘', '“', '”', '–', '—', 'I’m', '.” ');
    let several = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const mine = plainSentences(s)!;
        expect(mine, JSON.stringify(s)).toEqual([...segmenter.segment(s)].map(({ index, segment }) => ({ index, segment })));
        if (mine.length > 2) several++;
      }),
      { numRuns: 20000 },
    );
    expect(several).toBeGreaterThan(200);
    // Other characters go to the segmenter.
    expect(['Café. Next', 'Wait… what', 'one\u2028two', 'x\u00a0y', 'a\nb'].map(plainSentences)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('keeps placeholders as single words', () => {
    const d = doc("Hi {%customer.firstName,fallback=there%}, it's done.");
    expect(d.words.map((w) => w.text)).toEqual(['Hi', '{%customer.firstName,fallback=there%}', "it's", 'done']);
    expect(d.words[1]!.isPlaceholder).toBe(true);
  });
});

describe('mapped text', () => {
  it('maps text written as it stands character by character, as the careful path would', () => {
    const source = 'xx plain words here yy';
    const builder = new MappedTextBuilder(source);
    builder.startBlock('paragraph');
    builder.pushDecoded('plain words here', 3, 19);
    const mapped = builder.build();
    expect(mapped.text).toBe('plain words here');
    expect(mapped.toSource([6, 11]).range).toEqual([9, 14]);
    expect(mapped.toSource([6, 11]).verbatim).toBe(true);
  });

  it('maps decoded characters back through escapes, references and line prefixes', () => {
    const source = '> a \\* b &amp; c\n> d';
    const builder = new MappedTextBuilder(source);
    builder.startBlock('paragraph');
    builder.pushDecoded('a * b & c\nd', 2, source.length);
    const mapped = builder.build();
    expect(mapped.text).toBe('a * b & c\nd');
    expect(mapped.toSource([0, 1])).toEqual({ range: [2, 3], verbatim: true });
    expect(mapped.toSource([2, 3])).toEqual({ range: [4, 6], verbatim: false }); // the escaped star
    expect(mapped.toSource([6, 7]).range).toEqual([9, 14]); // &amp;
    expect(mapped.toSource([10, 11])).toEqual({ range: [source.length - 1, source.length], verbatim: true }); // after "> "
    expect(mapped.toSource([8, 11]).verbatim).toBe(false); // would swallow the "> " prefix
  });

  it('allows an insertion at the end of a paragraph in a CRLF file', () => {
    const source = 'Hi.\r\n\r\nBye.';
    const mapped = parseMarkdown(source, { split: 'auto' })[0]!.mapped;
    expect(mapped.text).toBe('Hi.\n\nBye.');
    expect(mapped.toSource([3, 3])).toEqual({ range: [3, 3], verbatim: true });
  });

  it('allows an insertion before a character written as is', () => {
    const source = 'One.\n\nTwo.';
    const builder = new MappedTextBuilder(source);
    builder.startBlock('paragraph');
    builder.pushVerbatim('One.', 0);
    builder.startBlock('paragraph');
    builder.pushVerbatim('Two.', 6);
    const mapped = builder.build();
    expect(mapped.text).toBe('One.\n\nTwo.');
    expect(mapped.toSource([6, 6])).toEqual({ range: [6, 6], verbatim: true });
    expect(mapped.toSource([10, 10])).toEqual({ range: [10, 10], verbatim: true });
  });
});

describe('fixer', () => {
  it('applies non-overlapping fixes and defers the rest, including one that starts where another ends', () => {
    const result = applyFixes('abcdef', [
      { range: [4, 5], text: 'E' },
      { range: [0, 2], text: 'AB' },
      { range: [1, 3], text: 'x' },
      { range: [2, 2], text: '+' },
    ]);
    expect(result).toEqual({ output: 'ABcdEf', applied: 2, deferred: 2 });
  });

  it('repeats passes until nothing changes', () => {
    // Each pass may fix only the first "aa" it finds; overlapping ones wait for the next pass.
    const loop = fixUntilStable('aaaa', (text) => {
      const at = text.indexOf('aa');
      return at < 0 ? [] : [{ range: [at, at + 2] as const, text: 'a' }];
    });
    expect(loop).toMatchObject({ output: 'a', passes: 3, stop: 'done' });
  });

  it('stops and says so when two fixes undo each other', () => {
    const loop = fixUntilStable('hello', (text) => [{ range: [0, 5] as const, text: text === 'hello' ? 'hi' : 'hello' }]);
    expect(loop.stop).toBe('cycle');
  });

  it('stops at the pass limit and says so', () => {
    const loop = fixUntilStable('', (text) => [{ range: [text.length, text.length] as const, text: 'x' }]);
    expect(loop).toMatchObject({ stop: 'pass-limit', passes: 10, output: 'x'.repeat(10) });
  });
});

describe('linter', () => {
  const source = 'Hi **there**, use `code` now.\n\nA problem here.';
  const macros = parseMarkdown(source, { split: 'auto' });

  it('maps rule ranges to line and column, and drops fixes the source cannot take', () => {
    const rule = defineRule({
      meta: { id: 'demo', description: 'd', docs: '', defaultSeverity: 'warn', fixable: true, hasSuggestions: true, messages: { hit: 'Found {{what}}.' } },
      check(d, report) {
        const at = d.text.indexOf('problem');
        report({ messageId: 'hit', data: { what: 'problem' }, range: [at, at + 7], fix: { range: [at, at + 7], text: 'issue' } });
        const across = d.text.indexOf('there');
        report({ message: 'across markup', range: [across, across + 10], fix: { range: [across, across + 10], text: 'x' } });
      },
    });
    const [markup, problem] = lintMacros('x.md', source, macros, [{ rule, severity: 'warn', options: {} }]);
    expect(problem).toMatchObject({ ruleId: 'demo', severity: 'warn', message: 'Found problem.', line: 3, column: 3, endLine: 3, endColumn: 10, fix: { range: [33, 40], text: 'issue' } });
    expect(markup).toMatchObject({ message: 'across markup', line: 1, column: 6 });
    expect(markup!.fix).toBeUndefined();
  });

  it('turns a rule that throws into a diagnostic and goes on', () => {
    const broken = defineRule({
      meta: { id: 'broken', description: 'd', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: {} },
      check() {
        throw new Error('boom');
      },
    });
    const out = lintMacros('x.md', source, macros, [{ rule: broken, severity: 'warn', options: {} }]);
    expect(out).toEqual([expect.objectContaining({ ruleId: 'broken', severity: 'error', message: expect.stringContaining('boom') })]);
  });

  it("uses the caller's line index, so an export linted macro by macro indexes its text once", () => {
    const broken = defineRule({
      meta: { id: 'broken', description: 'd', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: {} },
      check() {
        throw new Error('boom');
      },
    });
    // A stand-in index answering one fixed position: if lintMacros built its own, the line would be 1.
    const lines = { positionAt: () => ({ line: 42, column: 7 }) } as unknown as LineIndex;
    const [out] = lintMacros('x.md', source, macros, [{ rule: broken, severity: 'warn', options: {} }], { lines });
    expect(out).toMatchObject({ line: 42, column: 7 });
  });
});

describe('small helpers', () => {
  it('positions: CRLF, LF and CR each end a line', () => {
    const lines = new LineIndex('a\r\nb\nc\rd');
    expect([0, 3, 5, 7].map((o) => lines.positionAt(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('formatMessage fills known names and keeps unknown ones', () => {
    expect(formatMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and {{c}}');
  });

  it('closest offers near misses only', () => {
    expect(closest('avoid-blam', ['avoid-blame', 'use-name-placeholder'])).toBe('avoid-blame');
    expect(closest('zzz', ['avoid-blame'])).toBeUndefined();
  });
});

describe('phrases: neighbours and compounds', () => {
  const find = (text: string, entries: Parameters<typeof findPhrases>[1]) => findPhrases(text, entries, () => false).map((h) => h.actual);

  it('skips a phrase governed by a negation a few words earlier in the same clause', () => {
    const entries = [{ match: ['your (fault|mistake)'], skipIfNegated: true }];
    expect(find("This isn't your fault. None of this was your mistake. It was your fault, not ours.", entries)).toEqual(['your fault']);
  });

  it('reads contractions as one word in notAfter and notBefore', () => {
    expect(find("This isn't your fault.", [{ match: ['your fault'], notAfter: ["isn't"] }])).toEqual([]);
    expect(find("your error doesn't", [{ match: ['your error'], notBefore: ["doesn't"] }])).toEqual([]);
  });

  it('never matches part of a hyphenated compound', () => {
    expect(find('You should have read-only access; re-read it.', [{ match: ['you should have read', 'read'] }])).toEqual([]);
  });

  it('a vetoed match does not hide a later one that starts inside it', () => {
    const entries = [{ match: ['your error'], notBefore: ['message'] }, { match: ['error message is wrong'] }];
    expect(find('your error message is wrong', entries)).toEqual(['error message is wrong']);
  });

  it('quotes a phrase that wraps across lines on one line', () => {
    expect(find('you forgot\r\n  to', [{ match: ['you forgot to'] }])).toEqual(['you forgot to']);
  });
});

describe('empathy score', () => {
  it('starts at 100, loses the documented weight per tone finding, and stops at 0', () => {
    expect(SCORE_WEIGHTS).toEqual({ error: 15, warn: 5 });
    expect(macroScore([])).toBe(100);
    expect(macroScore([{ severity: 'error' }, { severity: 'warn' }])).toBe(80);
    expect(macroScore(Array.from({ length: 9 }, () => ({ severity: 'error' as const })))).toBe(0);
  });

  it('is the mean over every macro of every file for a library', () => {
    const file = (scores: number[]) => ({ macros: scores.map((score) => ({ score })) }) as never;
    expect(libraryScore([file([100, 80]), file([90]), file([])])).toEqual({ score: 90, macros: 3 });
    expect(libraryScore([file([])])).toEqual({ score: undefined, macros: 0 });
  });
});

describe('sorting names', () => {
  // Paths and ids as they come: shared folders with capitals, then names that mostly are plain.
  const chars = (alphabet: string, maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((c) => c.join(''));
  const plain = chars('abcxyz019-./', 8);
  const any = chars('abcABZ09-_./ éÉ', 8);
  const folder = fc.constantFrom('', '/', '/home/Sam/', '/tmp/tmp.Xq3/', 'C:/Users/Ana/', 'macros/');

  it('orders names as localeCompare does', () => {
    fc.assert(
      fc.property(folder, fc.oneof(plain, any), fc.oneof(plain, any), (base, x, y) => {
        for (const [a, b] of [[base + x, base + y], [x, y], [base + x, y]] as const) {
          expect(Math.sign(compareNames(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('tells plain names apart without the collator', () => {
    expect(['b-2', 'a/b.md', 'a-b.md', 'ab', 'a'].sort(compareNames)).toEqual(['a', 'a-b.md', 'a/b.md', 'ab', 'b-2']);
    expect(compareNames('/home/Sam/macros/b.md', '/home/Sam/macros/a.md')).toBe(1);
  });
});
