// A large export is parsed by one thread and dealt out to the others as shares (src/api/shares.ts):
// each share, packed, moved and unpacked, must lint exactly as that thread would lint its shard of the
// whole file — same text, same line:column, same fix ranges in the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinShards } from '../src/api/lint.js';
import { packShare, unpackShare } from '../src/api/shares.js';
import { lintMacros } from '../src/engine/linter.js';
import { LineIndex } from '../src/engine/positions.js';
import { defineRule } from '../src/engine/rule.js';
import type { Diagnostic, LintResult, MacroResult } from '../src/engine/types.js';
import { loadHtmlSupport, parseSource, shareOutcome, splitSource } from '../src/formats/index.js';
import { trickyExport } from './helpers/exports.js';

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
    const unpacked = unpackShare(packShare(source, share, lines));
    return lintMacros(file, '', shareOutcome(unpacked.share).macros, rules, { lines: new LineIndex(unpacked.lines) });
  });
}

describe('export shares', () => {
  const exports = [
    ['tricky.json', trickyExport(60).json],
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
    const { json: source } = trickyExport(60);
    const lines = new LineIndex(source).starts;
    const texts = splitSource('tricky.json', source, options, 2)!.map((share) => unpackShare(packShare(source, share, lines)).share.text);
    for (const text of texts) expect(text.length).toBeLessThan(source.length / 2);
    expect(texts[0]).not.toContain('"title"');
    expect(texts[0]).toContain('\\u00e9'); // the bodies as written in the file, escapes and all
  });

  it('are not made of files that are not exports', () => {
    expect(splitSource('broken.json', '{ "macros": [ }', options, 2)).toBeUndefined();
    expect(splitSource('other.json', '{ "colour": "blue" }', options, 2)).toBeUndefined();
    expect(splitSource('package.json', readFileSync(path.join(ROOT, 'package.json'), 'utf8'), options, 2)).toBeUndefined();
    expect(splitSource('macro.md', 'Hello there.', options, 2)).toBeUndefined();
  });

  it('pack and unpack every UTF-16 code unit, lone surrogates included', () => {
    const source = `[ "a\ud800b\udc00", 1, "c\ud83d\ude00\u00e9\u201c\uFFFF" ]`;
    const macros = [{ pointer: '/0', title: 'T\u00e9', shift: 2, bodies: [{ node: { offset: 0, length: 5 }, kind: 'markdown' as const }] }];
    const lines = Int32Array.from([0, 10, 20]);
    const unpacked = unpackShare(packShare(source, { format: 'zendesk', macros, stretches: [[3, 7], [13, 20]] }, lines));
    expect(unpacked.share).toEqual({ format: 'zendesk', macros, text: `a\ud800b\udc00"c\ud83d\ude00\u00e9\u201c\uFFFF` });
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

describe('joining the shards of an export', () => {
  const result = (messages: Diagnostic[], macros: MacroResult[] = []): LintResult => ({
    filePath: 'x.json',
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warn').length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    macros,
  });
  const at = (line: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({ ruleId: 'r', severity: 'warn', message: `line ${line}`, line, column: 1, endLine: line, endColumn: 2, ...extra });
  const macro = (line: number): MacroResult => ({ pointer: `/macros/${line}`, line, column: 1, errorCount: 0, warningCount: 1, score: 90 });

  it('gives one result, its findings and macros in file order, with the hash of the thread that split it', () => {
    const [joined] = joinShards([
      { filePath: 'x.json', shard: { index: 1, of: 2 }, result: result([at(2), at(9)], [macro(2), macro(9)]) },
      { filePath: 'x.json', shard: { index: 0, of: 2 }, result: result([at(5)], [macro(5)]), hash: 'h' },
    ]);
    expect(joined!.hash).toBe('h');
    expect(joined!.result!.messages.map((m) => m.line)).toEqual([2, 5, 9]);
    expect(joined!.result!.macros.map((m) => m.line)).toEqual([2, 5, 9]);
    expect(joined!.result!.warningCount).toBe(3);
  });

  it('reports the file as unreadable when one share could not be read as macros, as one thread would', () => {
    const fatal = result([at(1, { ruleId: null, severity: 'error', fatal: true, message: 'Could not read the file as macros: too deep.' })]);
    const joined = joinShards([
      { filePath: 'x.json', shard: { index: 0, of: 2 }, result: result([at(5)], [macro(5)]), hash: 'h' },
      { filePath: 'x.json', shard: { index: 1, of: 2 }, result: fatal },
    ]);
    expect(joined).toEqual([{ filePath: 'x.json', result: fatal, hash: 'h' }]);
  });
});
