// The phrase matcher tries each entry only at words it can start with (src/engine/first-words.ts).
// It must find exactly what one regex of all the entries, tried at every character, finds: that plain
// algorithm is kept here as the oracle, and random texts built from the rules' own phrases compare them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWords, foldCase, requiredText, secondWords } from '../src/engine/first-words.js';
import { entrySource, findPhrases, FOLLOW_AFTER, foldRegexSource, knownSource, phraseAt, phraseToRegexSource, type PhraseEntry } from '../src/engine/phrases.js';

const RULES = path.resolve(import.meta.dirname, '../rules');
const RUNS = Number(process.env.EMPATHY_FUZZ_RUNS) || 300;

/** Every phrase list in the rules' data files. */
function phraseLists(): [string, PhraseEntry[]][] {
  const lists: [string, PhraseEntry[]][] = [];
  const isList = (v: unknown): v is PhraseEntry[] =>
    Array.isArray(v) && v.length > 0 && v.every((e) => e && typeof e === 'object' && (Array.isArray(e.match) || typeof e.regex === 'string'));
  const walk = (name: string, v: unknown) => {
    if (isList(v)) lists.push([name, v]);
    else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) walk(`${name}.${k}`, inner);
  };
  const files = [...readdirSync(RULES).filter((f) => f.endsWith('.json')).map((f) => path.join(RULES, f)), path.join(RULES, 'shared/instructions.json')];
  for (const file of files) walk(path.basename(file), JSON.parse(readFileSync(file, 'utf8')));
  return lists;
}

/** The oracle: one regex of all the entries, leftmost match first, as the matcher worked before it was made fast. */
function oracle(text: string, entries: readonly PhraseEntry[]): [number, number, number][] {
  const groups: number[] = [];
  let next = 1;
  const alternatives = entries.map((entry) => {
    const source = [...(entry.match ?? []).map(phraseToRegexSource), ...(entry.regex ? [entry.regex] : [])].join('|');
    groups.push(next);
    next += 1 + (new RegExp(`${source}|`, 'u').exec('')!.length - 1);
    return `(${source})`;
  });
  const regex = new RegExp(String.raw`(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)(?:${alternatives.join('|')})(?![\p{L}\p{N}_]|-[\p{L}\p{N}])`, 'giu');
  const hits: [number, number, number][] = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') {
      regex.lastIndex++;
      continue;
    }
    const index = groups.findIndex((g) => m![g] !== undefined);
    const entry = entries[index]!;
    // The neighbour checks (notBefore, notAfter, negation) are shared code: leave them out of both sides.
    if (entry.notBefore || entry.notAfter || entry.skipIfNegated) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    hits.push([m.index, m.index + m[0].length, index]);
  }
  return hits;
}

const plain = (entries: readonly PhraseEntry[]) => entries.map((e) => ({ ...e, notBefore: undefined, notAfter: undefined, skipIfNegated: undefined }));

describe('phrase matcher', () => {
  const lists = phraseLists();

  it('reads the rules\' phrase data', () => {
    expect(lists.length).toBeGreaterThan(20);
  });

  // Words the texts are made of: the phrases' own words, in any case, with the punctuation, spacing and
  // non-ASCII letters that sit around them in real macros.
  const vocabulary = [...new Set(lists.flatMap(([, list]) => list.flatMap((e) => (e.match ?? []).join(' ').split(/[\s()|?]+/))))].filter(Boolean);
  // Whole phrases too, each alternative and optional group resolved at random, so texts hold real matches.
  const phrases = [...new Set(lists.flatMap(([, list]) => list.flatMap((e) => e.match ?? [])))];
  const phrase = fc.tuple(fc.constantFrom(...phrases), fc.array(fc.nat(5), { minLength: 12, maxLength: 12 })).map(([p, picks]) => {
    let out = p;
    for (let i = 0, m = /\(([^()]*)\)(\?)?/.exec(out); m; m = /\(([^()]*)\)(\?)?/.exec(out), i++) {
      const options = m[1]!.split('|');
      const pick = picks[i % picks.length]!;
      out = out.slice(0, m.index) + (m[2] && pick === 0 ? '' : options[pick % options.length]) + out.slice(m.index + m[0].length);
    }
    return out;
  });
  const word = fc.oneof(
    { weight: 4, arbitrary: phrase },
    { weight: 8, arbitrary: fc.constantFrom(...vocabulary) },
    { weight: 2, arbitrary: fc.constantFrom('the', 'you', 'we', 'I', 'it', 'is', 'not', 'your', 'order', 'refund', 'café', 'naïve', 'Ünïcode', '42', 'x_y', 'e-mail', '𐐨x', '٣', 'a\uD800b') },
  );
  const caseOf = fc.constantFrom((w: string) => w, (w: string) => w.toUpperCase(), (w: string) => w[0]!.toUpperCase() + w.slice(1));
  const glue = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ', ', '. ', '-', "'", '’', '!', ' (', ') ', 'é', '_', ' — ', '𐐨-', '\uDC00', '👍 ');
  const text = fc.array(fc.tuple(word, caseOf, glue), { maxLength: 40 }).map((parts) => parts.map(([w, c, g]) => c(w) + g).join(''));

  let matched = 0;
  // Two searches a run: a list is searched FOLLOW_AFTER times before its second-word index is built, so
  // each list is compared both without it and with it.
  it('compares each list with and without its second-word index', () => {
    expect(2 * RUNS).toBeGreaterThan(FOLLOW_AFTER + 50);
  });

  it.each(lists)('%s: findPhrases finds what one big regex finds', (_name, entries) => {
    const list = plain(entries);
    fc.assert(
      fc.property(text, (t) => {
        const found = findPhrases(t, list, () => false).map((h) => [h.range[0], h.range[1], list.indexOf(h.entry)]);
        expect(found).toEqual(oracle(t, list));
        // With a limit, the first matches and no more.
        expect(findPhrases(t, list, () => false, 1).map((h) => [h.range[0], h.range[1], list.indexOf(h.entry)])).toEqual(found.slice(0, 1));
        matched += found.length;
      }),
      { numRuns: RUNS },
    );
  });

  it('compared texts that hold matches, not just empty results', () => {
    expect(matched).toBeGreaterThan(RUNS);
  });

  // An entry whose pieces are all missing from a text is never tried there (see requiredText): so every
  // match must hold one of them, whatever the text.
  it.each(lists)('%s: every match holds one of the pieces its entry needs', (_name, entries) => {
    const checked = entries.flatMap((entry) => {
      const source = entry.regex === undefined ? phraseToRegexSource((entry.match ?? []).map(foldCase).join('|')) : foldRegexSource(entrySource(entry));
      const needs = source === undefined ? undefined : requiredText(source);
      return source !== undefined && needs ? [{ regex: new RegExp(source, entry.regex === undefined ? 'g' : 'gu'), needs }] : [];
    });
    fc.assert(
      fc.property(text, (t) => {
        const folded = foldCase(t);
        for (const { regex, needs } of checked) {
          for (const [match] of folded.matchAll(regex)) if (match !== '') expect(needs.some((piece) => match.includes(piece)), `${regex} on "${match}"`).toBe(true);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  // The second-word index passes over an entry where the text's next word is none its matches can have
  // (see secondWords): so every match's next word must be one of them, whatever the text.
  let secondsChecked = 0;
  it.each(lists)('%s: every match goes on with a second word its entry allows', (_name, entries) => {
    const checked = entries.flatMap((entry) => {
      const seconds = secondWords(entrySource(entry));
      const regex = new RegExp(String.raw`(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)(?:${entrySource(entry)})(?![\p{L}\p{N}_]|-[\p{L}\p{N}])`, 'giu');
      return seconds ? [{ regex, seconds }] : [];
    });
    fc.assert(
      fc.property(text, (t) => {
        const folded = foldCase(t);
        for (const { regex, seconds } of checked) {
          for (const match of t.matchAll(regex)) {
            if (match[0] === '') continue;
            const [first] = /^[\p{L}\p{N}]+/u.exec(folded.slice(match.index))!;
            const next = /[\p{L}\p{N}]+/u.exec(folded.slice(match.index + first.length))?.[0] ?? '';
            expect(seconds.has(first), `${regex} starts with "${first}"`).toBe(true);
            const allowed = seconds.get(first);
            secondsChecked++;
            if (allowed) expect(allowed.words.has(next) || [...allowed.prefixes].some((p) => next.startsWith(p)), `${regex} on "${match[0]}": "${next}"`).toBe(true);
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('checked the second words of real matches', () => {
    expect(secondsChecked).toBeGreaterThan(RUNS / 3);
  });

  it.each(lists)('%s: phraseAt finds the match that starts there', (_name, entries) => {
    const list = plain(entries);
    fc.assert(
      fc.property(text, (t) => {
        const first = oracle(t, list).find(([start]) => start === 0);
        const hit = phraseAt(t, list, 0);
        expect(hit ? [hit.range[0], hit.range[1], list.indexOf(hit.entry)] : undefined).toEqual(first);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('first words', () => {
  it.each([
    ['sorry', ['sorry'], []],
    ["(we|I) (apologise|apologize)", ['we', 'i'], []],
    ["(please )?calm down", ['please', 'calm'], []],
    ["don['’]t worry", ['don'], []],
    ['apologi(s|z)e', ['apologise', 'apologize'], []],
    [String.raw`thank(?:s|\s+you)`, ['thanks', 'thank'], []],
    [String.raw`(?<=\b(?:is|are)\s+)really`, ['really'], []],
    [String.raw`so+\s+sorry`, [], ['so']],
    [String.raw`re\p{L}+`, [], ['re']],
  ])('%s starts with %j (prefixes %j)', (source, words, prefixes) => {
    const first = firstWords(source.includes('\\') || source.includes('?<') ? source : phraseToRegexSource(source));
    expect(first && [...first.words].sort()).toEqual([...words].sort());
    expect(first && [...first.prefixes].sort()).toEqual([...prefixes].sort());
  });

  it.each([String.raw`\{\{[^}]+\}\}`, String.raw`\p{L}+ing`, String.raw`(?:a|\s)b`, String.raw`x?`, '.+'])('cannot tell where %s starts', (source) => {
    expect(firstWords(source)).toBeUndefined();
  });

  it.each([
    [String.raw`(?:the|your|our)\s+(?:courier|couriers|carrier)\s+is`, ['courier', 'carrier']],
    [String.raw`sorry(?:\s+about)?`, ['sorry']],
    [String.raw`i(?:['’]ve|\s+have)\s+already\s+told\s+you|i\s+already\s+(?:told\s+you|explained)`, ['already']],
    [String.raw`(?:abc)?def`, ['def']],
    [String.raw`\p{L}+ing\s+is\s+easy`, ['easy']],
    [String.raw`(?<=\b(?:is|was)\s+)your\s+fault`, ['fault']],
    [String.raw`(?:please\s+)+wait`, ['please']],
  ])('every match of %s holds one of %j', (source, needs) => {
    expect(requiredText(source)).toEqual(needs);
  });

  it.each([String.raw`a+b`, String.raw`\p{L}+`, String.raw`(?:really\s+)?so`, String.raw`we|i\s+\p{L}+`, 'x{0,3}yz'])('%s needs no piece worth checking', (source) => {
    expect(requiredText(source)).toBeUndefined();
  });

  it("the build's table holds what the matcher works out for every entry of the rules' lists", async () => {
    // dist/'s copy, filled by the build (npm test builds first); the sources' copy is empty.
    const { PHRASE_TABLE } = (await import('../dist/src/engine/phrase-table.js')) as typeof import('../src/engine/phrase-table.js');
    for (const [name, list] of phraseLists()) for (const entry of list) expect(PHRASE_TABLE, name).toHaveProperty([entrySource(entry)]);
    for (const [source, known] of Object.entries(PHRASE_TABLE)) expect(known, source).toEqual(knownSource(source));
  });
});

describe('second words', () => {
  const show = (source: string) => {
    const seconds = secondWords(source);
    return seconds && Object.fromEntries([...seconds].map(([first, next]) => [first, next && [[...next.words].sort(), [...next.prefixes].sort()]]));
  };

  it.each([
    ['sorry', { sorry: null }],
    [String.raw`i(?:['’]m|\s+am)\s+sorry`, { i: [['am', 'm'], []] }],
    [String.raw`(?:the|your)\s+(?:courier|carrier)s?`, { the: [['carrier', 'carriers', 'courier', 'couriers'], []], your: [['carrier', 'carriers', 'courier', 'couriers'], []] }],
    [String.raw`e-mail\s+us`, { e: [['mail'], []] }],
    [String.raw`read(?:ing)?\s+the\s+(?:docs?|manual)`, { read: [['the'], []], reading: [['the'], []] }],
    [String.raw`we\s+re\p{L}+`, { we: [[], ['re']] }],
    [String.raw`you\s+\p{L}+|you`, { you: null }],
    [String.raw`thank(?:s|\s+you)?`, { thank: null, thanks: null }],
  ])('%s goes on with %j', (source, expected) => {
    expect(show(source)).toEqual(expected);
  });

  it.each([String.raw`\{\{name`, String.raw`so+rry`, String.raw`(?:a|b)+\s+c`, String.raw`\p{L}+ing`])('cannot tell the first word of %s whole', (source) => {
    expect(secondWords(source)).toBeUndefined();
  });
});

describe('regex entries without the i flag', () => {
  it.each([
    ['(?:we|I) apologi[sz]e', '(?:we|i) apologi[sz]e'],
    [String.raw`\bI\s+\p{L}+ed\b`, String.raw`\bi\s+\p{L}+ed\b`],
    [String.raw`(?<Who>We) (?<!Not )know \k<Who>`, undefined],
    [String.raw`(?<Who>We) (?<!Not )know`, String.raw`(?<Who>we) (?<!not )know`],
    ['[A-Z]+ ok', undefined],
    [String.raw`\p{Lu}\p{Ll}+`, undefined],
    [String.raw`\p{Titlecase_Letter}`, undefined],
    ['\u{10400}x', '\u{10428}x'],
    [String.raw`\u0041BC`, undefined],
    [String.raw`(a)\1`, undefined],
    [String.raw`\S+\W\B[^\s]`, String.raw`\S+\W\B[^\s]`],
  ])('%s → %s', (source, expected) => {
    expect(foldRegexSource(source)).toBe(expected);
  });

  it('match on folded text what the case-insensitive regex matches on the original', () => {
    const sources = phraseLists().flatMap(([, entries]) => entries.flatMap((e) => (e.regex ? [e.regex] : [])));
    const folded = sources.filter((s) => foldRegexSource(s) !== undefined);
    expect(folded.length).toBeGreaterThan(sources.length / 2);
    const texts = ['We APOLOGISE for the delay, I Know it is Frustrating.', "I'll Be Sure To Check — Your Fault, Not Ours!", 'İSTANBUL and Kelvin K letters ARE Here'];
    for (const source of folded) {
      for (const text of texts) {
        const original = [...text.matchAll(new RegExp(source, 'giu'))].map((m) => [m.index, m[0].length]);
        const lower = [...text.toLowerCase().matchAll(new RegExp(foldRegexSource(source)!, 'gu'))].map((m) => [m.index, m[0].length]);
        expect(lower, source).toEqual(original);
      }
    }
  });
});
