import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJsonString, encodeJsonText } from '../src/formats/json-string.js';
import { loadHtmlSupport, parseSource } from '../src/formats/index.js';
import { lintMacros } from '../src/engine/linter.js';
import { fixUntilStable } from '../src/engine/fixer.js';
import { defineRule } from '../src/engine/rule.js';

// HTML bodies need the HTML parser, which the Linter loads on demand.
beforeAll(loadHtmlSupport);

const options = { markdown: { split: 'auto' as const } };
const zendesk = (value: string) => JSON.stringify({ macros: [{ id: 7, title: 'T', actions: [{ field: 'comment_value', value }] }] }, null, 2);

/** Reports every occurrence of a word and offers to replace it: enough to see positions and fixes. */
const wordRule = (word: string, replacement: string) =>
  defineRule({
    meta: { id: 'word', description: '', docs: '', defaultSeverity: 'warn', fixable: true, hasSuggestions: false, messages: { hit: 'hit' } },
    check(doc, report) {
      for (const hit of doc.findPhrases([{ match: [word] }])) report({ messageId: 'hit', range: hit.range, fix: { range: hit.range, text: replacement } });
    },
  });

function lint(source: string, rule = wordRule('sorry', 'SORRY')) {
  const outcome = parseSource('export.json', source, options);
  if (outcome.kind !== 'macros') throw new Error(JSON.stringify(outcome));
  return lintMacros('export.json', source, outcome.macros, [{ rule, severity: 'warn', options: {} }]);
}

describe('JSON strings', () => {
  it('maps every decoded character to its escape in the file', () => {
    const source = String.raw`"a\n\"b\u00e9\ud83d\ude00c"`;
    const decoded = decodeJsonString(source, 0, source.length);
    expect(decoded.value).toBe('a\n"bé😀c');
    const span = (i: number) => source.slice(decoded.starts[i], decoded.ends[i]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(span)).toEqual(['a', '\\n', '\\"', 'b', '\\u00e9', '\\ud83d', '\\ude00', 'c']);
    expect(decoded.starts[decoded.value.length]).toBe(source.length - 1); // one past the end: the closing quote
  });

  it('decodes any string literal inside a larger file, every character mapped to what it was written as', () => {
    // Written as JSON.stringify writes it, or with every non-ASCII character as a \u escape; with other
    // strings (and their escapes) before and after it in the file.
    const written = fc.tuple(fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean()).map(([value, ascii]) => {
      const literal = JSON.stringify(value);
      return { value, literal: ascii ? literal.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : literal };
    });
    fc.assert(
      fc.property(written, fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), ({ value, literal }, before, after) => {
        const prefix = `${JSON.stringify(before)}: `;
        const source = `${prefix}${literal}, ${JSON.stringify(after)}`;
        const decoded = decodeJsonString(source, prefix.length, literal.length);
        expect(decoded.value).toBe(value);
        expect(decoded.starts).toHaveLength(value.length + 1);
        for (let i = 0; i < value.length; i++) expect(JSON.parse(`"${source.slice(decoded.starts[i], decoded.ends[i])}"`)).toBe(value[i]);
        expect(decoded.starts[value.length]).toBe(prefix.length + literal.length - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes fix text for JSON, keeping non-ASCII as written', () => {
    expect(encodeJsonText('Hi {{first_name|fallback:"there"}},\n\\ é')).toBe('Hi {{first_name|fallback:\\"there\\"}},\\n\\\\ é');
  });
});

describe('Zendesk exports', () => {
  it('gives the line and column inside the JSON string, after escapes', () => {
    const source = zendesk('Caf\u00e9 \u201cnews\u201d:\nI\'m "so" sorry.');
    const escaped = source.replace('Café “news”', 'Caf\\u00e9 \\u201cnews\\u201d'); // as some exports write non-ASCII
    for (const text of [source, escaped]) {
      const [d] = lint(text);
      const line = text.split('\n')[d!.line - 1]!;
      expect(line.slice(d!.column - 1, d!.endColumn - 1)).toBe('sorry');
      expect(d!.macro).toEqual({ id: '7', title: 'T', pointer: '/macros/0' });
    }
  });

  it('fixes write valid JSON and change nothing outside the fixed string', () => {
    const source = zendesk('I am sorry.\nReally sorry, "truly".');
    const rule = wordRule('sorry', 'apologetic "indeed"');
    const fixed = fixUntilStable(source, (text) => lint(text, rule).flatMap((d) => (d.fix ? [d.fix] : []))).output;
    const parsed = JSON.parse(fixed);
    expect(parsed.macros[0].actions[0].value).toBe('I am apologetic "indeed".\nReally apologetic "indeed", "truly".');
    expect(fixed.replace(/"value": ".*"/, '')).toBe(source.replace(/"value": ".*"/, ''));
  });

  it('never rewrites across an escape', () => {
    const [d] = lint(zendesk('so\nrry, sorry'), wordRule('sorry', 'x'));
    expect(d!.fix).toBeDefined(); // the plain one
    expect(lint(zendesk('sor\u0072y'), wordRule('sorry', 'x')).length).toBe(1);
    const escaped = zendesk('sorry').replace('sorry', 'sor\\u0072y');
    expect(lint(escaped, wordRule('sorry', 'x'))[0]!.fix).toBeUndefined();
  });

  it.each([
    ['a list', { macros: [{ id: 1, title: 'A', actions: [{ field: 'comment_value', value: 'I am sorry.' }] }], next_page: null, count: 1 }, '/macros/0'],
    ['one macro', { macro: { id: 1, title: 'A', actions: [{ field: 'comment_value', value: ['channel:all', 'I am sorry.'] }] } }, '/macro'],
    ['a bare array', [{ id: 1, title: 'A', actions: [{ field: 'subject', value: 'Sorry!' }, { field: 'status', value: 'open' }] }], '/0'],
  ])('reads %s', (_, data, pointer) => {
    const [d] = lint(JSON.stringify(data, null, 2));
    expect(d!.macro!.pointer).toBe(pointer);
  });

  it('says where JSON is broken, and when no macro format matches', () => {
    expect(parseSource('x.json', '{\n  "macros": [,]\n}', options)).toEqual({ kind: 'unrecognised', message: 'Invalid JSON: expected a value.', line: 2, column: 14 });
    expect(parseSource('x.json', '{"items": []}', options)).toMatchObject({ kind: 'unrecognised', message: expect.stringContaining('No macro format recognised') });
    expect(parseSource('package.json', '{"macros": 1}', options)).toEqual({ kind: 'skip' });
  });
});

describe('other helpdesk shapes', () => {
  const titles = (source: string, extra: Partial<Parameters<typeof parseSource>[2]> = {}) => {
    const outcome = parseSource('x.json', source, { ...options, ...extra });
    return outcome.kind === 'macros' ? [...outcome.macros].map((m) => [m.title, m.id, m.pointer, m.mapped.text]) : outcome;
  };

  it('reads Freshdesk canned responses, preferring the HTML body', () => {
    const folder = { id: 9, name: 'Refunds', canned_responses: [{ id: 1, title: 'Refund', content: 'plain', content_html: '<p>Hi {{ticket.requester.firstname}},</p><p>Done.</p>', folder_id: 9 }] };
    expect(titles(JSON.stringify(folder))).toEqual([['Refund', '1', '/canned_responses/0', 'Hi {{ticket.requester.firstname}},\n\nDone.']]);
    expect(titles(JSON.stringify([{ id: 2, title: 'Plain', content: 'Just text.' }]))).toEqual([['Plain', '2', '/0', 'Just text.']]);
  });

  it('reads Help Scout saved replies under _embedded.replies', () => {
    const list = { _embedded: { replies: [{ id: 5, name: 'Welcome', text: 'Hi {%customer.firstName,fallback=there%}, welcome!' }] } };
    expect(titles(JSON.stringify(list))).toEqual([['Welcome', '5', '/_embedded/replies/0', 'Hi {%customer.firstName,fallback=there%}, welcome!']]);
  });

  it('reads Intercom saved replies under data, with HTML bodies', () => {
    const list = { type: 'list', data: [{ type: 'saved_reply', id: 'r1', name: 'Outage', body: '<p>Hi {{first_name|fallback:"there"}},</p><blockquote>customer: STOP!!</blockquote><p>We are on it.</p>' }] };
    expect(titles(JSON.stringify(list))).toEqual([['Outage', 'r1', '/data/0', 'Hi {{first_name|fallback:"there"}},\n\nWe are on it.']]);
  });

  it('reads Zendesk HTML comments and keeps positions through HTML and JSON escapes', () => {
    const source = JSON.stringify({ macro: { id: 3, title: 'H', actions: [{ field: 'comment_value_html', value: '<p>Caf\u00e9 &amp; \u201cfriends\u201d,<br><br>I am <b>so</b> sorry.</p>' }] } }).replace('Café', 'Caf\\u00e9');
    const [d] = lint(source);
    expect(source.split('\n')[d!.line - 1]!.slice(d!.column - 1, d!.endColumn - 1)).toBe('sorry');
  });

  it('reads any JSON the config describes with pointers and wildcards', () => {
    const json = { macros: '/replies', title: '/name', id: '/key', body: ['/subject', '/parts/*/text'] };
    const data = { replies: [{ key: 'a', name: 'Refund', subject: 'Your refund', parts: [{ text: 'One.' }, { text: 'Two.' }] }] };
    expect(titles(JSON.stringify(data), { json })).toEqual([['Refund', 'a', '/replies/0', 'Your refund\n\nOne.\n\nTwo.']]);
    expect(titles(JSON.stringify(data), { json: { macros: '/replies/*', body: '/subject' } })).toEqual([[undefined, undefined, '/replies/0', 'Your refund']]);
  });

  it('a forced format reads only that shape', () => {
    const zendeskExport = zendesk('Hello.');
    expect(titles(zendeskExport, { format: 'freshdesk' })).toMatchObject({ kind: 'unrecognised' });
    expect(titles(zendeskExport, { format: 'zendesk' })).toHaveLength(1);
  });
});

describe('internal notes', () => {
  it('skips the rules about replies on a Zendesk internal note, and keeps the wording rules', async () => {
    const { builtinRules } = await import('../rules/index.js');
    const note = (isPublic: unknown) =>
      JSON.stringify({
        macro: {
          id: 4,
          title: 'Escalate',
          actions: [
            { field: 'comment_value', value: 'Please check the logs. The customer says it is user error.' },
            ...(isPublic === undefined ? [] : [{ field: 'comment_mode_is_public', value: isPublic }]),
          ],
        },
      });
    const rulesFired = (source: string) => {
      const outcome = parseSource('x.json', source, options);
      if (outcome.kind !== 'macros') throw new Error('not read');
      const enabled = builtinRules.map((rule) => ({ rule, severity: 'warn' as const, options: { ...rule.meta.defaultOptions } }));
      return [...new Set(lintMacros('x.json', source, outcome.macros, enabled).map((d) => d.ruleId))].sort();
    };
    const repliesOnly = new Set(builtinRules.filter((r) => r.meta.repliesOnly).map((r) => r.meta.id));
    const reply = rulesFired(note(undefined));
    expect(reply).toEqual(expect.arrayContaining(['acknowledge-before-solving', 'avoid-blame', 'use-name-placeholder']));
    for (const internal of [note(false), note('false')]) {
      const fired = rulesFired(internal);
      expect(fired).toContain('avoid-blame');
      expect(fired.filter((id) => repliesOnly.has(id))).toEqual([]);
    }
    expect(rulesFired(note(true))).toEqual(reply);
  });
});
