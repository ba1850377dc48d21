// A large export is parsed by one thread and dealt out to the others as shares (src/api/shares.ts):
// each share, packed, moved and unpacked, must lint exactly as that thread would lint its shard of the
// whole file — same text, same line:column, same fix ranges in the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packShare, unpackShare } from '../src/api/shares.js';
import { lintMacros } from '../src/engine/linter.js';
import { LineIndex } from '../src/engine/positions.js';
import { defineRule } from '../src/engine/rule.js';
import { loadHtmlSupport, parseSource, shareOutcome, splitSource } from '../src/formats/index.js';

beforeAll(loadHtmlSupport);

const ROOT = path.resolve(import.meta.dirname, '..');
const options = { markdown: { split: 'auto' as const } };

/** Reports every word of four letters or more with a fix that rewrites it: a finding (and a fix) everywhere. */
const everyWord = defineRule({
  meta: { id: 'every-word', description: '', docs: '', defaultSeverity: 'warn', fixable: true, hasSuggestions: false, messages: { hit: 'hit {{word}}' } },
  check(doc, report) {
    for (const match of doc.text.matchAll(/\p{L}{4,}/gu)) {
      const range: [number, number] = [match.index, match.index + match[0].length];
      report({ messageId: 'hit', data: { word: match[0] }, range, fix: { range, text: `«${match[0]}»` } });
    }
  },
});
const rules = [{ rule: everyWord, severity: 'warn' as const, options: {} }];

/** What a thread linting shard `index` of `of` finds, reading the whole file. */
function shardFindings(file: string, source: string, index: number, of: number) {
  const outcome = parseSource(file, source, options, { index, of });
  if (outcome.kind !== 'macros') throw new Error(outcome.kind);
  return lintMacros(file, source, outcome.macros, rules, { lines: new LineIndex(source) });
}

/** What a thread finds in the same share when it is sent one. */
function shareFindings(file: string, source: string, of: number) {
  const shares = splitSource(file, source, options, of);
  if (!shares) throw new Error('not split');
  const lines = new LineIndex(source).starts;
  return shares.map((share) => {
    const unpacked = unpackShare(packShare(share, lines));
    return lintMacros(file, '', shareOutcome(unpacked.share).macros, rules, { lines: new LineIndex(unpacked.lines) });
  });
}

/** An export with what positions can trip on: escapes, a surrogate pair, CRLF between tokens, subjects, HTML, empty and internal macros. */
function trickyExport(): string {
  const macros = Array.from({ length: 9 }, (_, i) => ({
    id: i,
    title: `Caf\u00e9 \u201c${i}\u201d`,
    actions: [
      ...(i % 3 === 0 ? [{ field: 'subject', value: `Your order \u2014 number ${i}` }] : []),
      ...(i % 4 === 1 ? [{ field: 'comment_value_html', value: `<p>Hello &amp; welcome,<br>your parcel is &ldquo;late&rdquo;.</p>` }] : []),
      ...(i === 5 ? [] : [{ field: 'comment_value', value: `Hi \u00e9l\u00e8ve \ud83d\ude00,\n\n"Sorry" for\tthe wait.\r\nPlease check again.` }]),
      ...(i === 7 ? [{ field: 'comment_mode_is_public', value: false }] : []),
    ],
  }));
  // \u escapes for some non-ASCII, as some exports write it, and CRLF line ends.
  return JSON.stringify({ macros }, null, 2).replace(/\u00e9/g, (c, at: number) => (at % 2 ? '\\u00e9' : c)).replace(/\n/g, '\r\n');
}

describe('export shares', () => {
  const exports = [
    ['tricky.json', trickyExport()],
    // Every helpdesk's fixture but `generic`'s, whose format needs a config saying where the macros are.
    ...readdirSync(path.join(ROOT, 'fixtures/helpdesk'), { withFileTypes: true, recursive: true })
      .filter((entry) => /^[^.].*\.json$/.test(entry.name) && !entry.name.includes('.fixed.') && path.basename(entry.parentPath) !== 'generic')
      .map((entry) => [entry.name, readFileSync(path.join(entry.parentPath, entry.name), 'utf8')]),
  ] as const;

  for (const [name, source] of exports) {
    it(`lint as the shards of the whole file would: ${name}`, () => {
      for (const of of [1, 2, 3]) {
        const shares = shareFindings(name, source, of);
        expect(shares).toHaveLength(of);
        for (let index = 0; index < of; index++) expect(shares[index]).toEqual(shardFindings(name, source, index, of));
        expect(shares.flat().length).toBe(shardFindings(name, source, 0, 1).length);
      }
      expect(shardFindings(name, source, 0, 1).length).toBeGreaterThan(3);
    });
  }

  it('cover every helpdesk fixture but generic', () => {
    expect(exports.map(([name]) => name)).toEqual(['tricky.json', 'canned-responses.json', 'saved-replies.json', 'saved-replies.json', 'macros.json']);
  });

  it('hold only their macros’ stretches of the file', () => {
    const source = trickyExport();
    const shares = splitSource('tricky.json', source, options, 2)!;
    for (const share of shares) expect(share.text.length).toBeLessThan(source.length / 2);
    expect(shares[0]!.text).not.toContain('"title"');
  });

  it('are not made of files that are not exports', () => {
    expect(splitSource('broken.json', '{ "macros": [ }', options, 2)).toBeUndefined();
    expect(splitSource('other.json', '{ "colour": "blue" }', options, 2)).toBeUndefined();
    expect(splitSource('package.json', readFileSync(path.join(ROOT, 'package.json'), 'utf8'), options, 2)).toBeUndefined();
    expect(splitSource('macro.md', 'Hello there.', options, 2)).toBeUndefined();
  });

  it('pack and unpack every UTF-16 code unit, lone surrogates included', () => {
    const text = `a\ud800b\udc00c\ud83d\ude00\u00e9\u201c\uFFFF`;
    const share = { format: 'zendesk', text, macros: [{ pointer: '/macros/0', title: 'T\u00e9', shift: 12, bodies: [{ offset: 0, length: text.length, kind: 'markdown' as const }] }] };
    const lines = Int32Array.from([0, 10, 20]);
    const unpacked = unpackShare(packShare(share, lines));
    expect(unpacked.share).toEqual(share);
    expect([...unpacked.lines]).toEqual([0, 10, 20]);
    expect(unpacked.lines.buffer).not.toBe(lines.buffer); // its own copy: the buffer is moved to another thread
  });
});

describe('LineIndex', () => {
  it('reads the same lines from line starts worked out before', () => {
    const text = 'a\r\nb\nc\rd\n';
    const index = new LineIndex(text);
    const again = new LineIndex(index.starts);
    for (let offset = 0; offset <= text.length; offset++) expect(again.positionAt(offset)).toEqual(index.positionAt(offset));
  });
});
