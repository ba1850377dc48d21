// Phrase lists are data: rules hand the engine a list, the engine compiles it once into one matcher.
import { firstWords, foldCase, requiredText, secondWords, type FirstWords } from './first-words.js';
import { PHRASE_TABLE, type KnownSource } from './phrase-table.js';
import type { Range } from './types.js';

/**
 * One entry of a phrase list (a rule's `<id>.phrases.json`). `match` uses a small phrase syntax so lists
 * stay readable: words are matched whole and case-insensitively, a space matches any run of white
 * space (line breaks included), `'` matches both apostrophes, `(a|b)` gives alternatives and `(words )?`
 * makes them optional. Everything else is literal.
 */
export interface PhraseEntry {
  match?: readonly string[];
  /** A regular expression (case-insensitive, Unicode) for what the phrase syntax cannot say. */
  regex?: string;
  /** What to write instead. */
  expected?: string;
  /** The match does not count when the next word is one of these ("your error message"). */
  notBefore?: readonly string[];
  /** The match does not count when the previous word is one of these. */
  notAfter?: readonly string[];
  /** The match does not count when a negation ("not", "never", "isn't", …) stands shortly before it in the same clause. */
  skipIfNegated?: boolean;
  [extra: string]: unknown;
}

export interface PhraseHit<E extends PhraseEntry = PhraseEntry> {
  range: Range;
  /** The words as written in the macro, with line breaks and runs of spaces made single spaces. */
  actual: string;
  expected: string;
  entry: E;
}

/**
 * One entry, compiled on first use. Most runs only need the `cheap` regex, whose end-of-word check
 * knows ASCII only (a Unicode property class costs more to compile than a whole phrase); when its match
 * is followed by a non-ASCII letter, the exact `strict` regex decides, so results are as if only
 * `strict` existed.
 */
interface CompiledEntry {
  source: string;
  /** `match` phrases are folded to lower case when compiled; `regex` entries keep the `i` flag. */
  flags: string;
  /** Pieces of text one of which every match has (see requiredText): where none is, the entry is not tried. */
  needs: readonly string[] | undefined;
  /** The folded text `needs` was last looked for in, and whether one was there. */
  lookedIn?: string;
  found?: boolean;
  cheap?: RegExp;
  strict?: RegExp;
}

/**
 * A phrase list compiled for speed. Nearly every entry can only start with a few words ("sorry",
 * "(we|I) apologise"), so each is tried, sticky, only where the text has such a word (or, when only
 * the word's beginning is known, a word with that first letter): a few regex runs per text instead of
 * one big regex tried at every character, and only the entries a text can use are ever compiled.
 * Entries whose first word cannot be told (`\{\{…`, `\p{L}+ing`) are searched the ordinary way. The
 * leftmost match wins and, at one position, the entry listed first, as one regex of them all would.
 */
interface CompiledPhrases {
  list: readonly PhraseEntry[];
  /** Each entry's regexes, made the first time the entry is tried (most texts try few of them). */
  entries: (CompiledEntry | undefined)[];
  /** Entries to try at a text word that is some entry's whole first word, in list order. */
  byWord: Map<string, number[]>;
  /** The list's number in wordLists (see listWordsIn), when it goes by whole first words only. */
  id: number | undefined;
  /** How many searches have used the list, and, once that pays (FOLLOW_AFTER), its second-word index. */
  uses: number;
  follow: Map<string, Follow> | undefined;
  /** Entries to try at any other word, by its first letter (entries whose first word is known in part). */
  byLetter: Map<string, number[]>;
  loose: Loose | undefined;
}

/** A first word's candidates by the text's next word (see buildFollow). */
interface Follow {
  byNext: Map<string, readonly number[]>;
  rest: readonly number[];
}

/** Entries whose first word cannot be told, as one global regex. */
interface Loose {
  regex: RegExp;
  /** The same, sticky: phraseAt asks only whether one matches at a given place. */
  sticky?: RegExp;
  /** Pieces one of which every match of any loose entry holds; undefined when some entry has none. */
  needs: readonly string[] | undefined;
  /** Capture-group number that marks each of the loose entries. */
  groups: number[];
  indexes: number[];
}

const compiled = new WeakMap<readonly PhraseEntry[], CompiledPhrases>();
/**
 * The lists compiled so far that go by whole first words only (nearly all), by each of those words: a
 * text's words are looked up here once, and each such list then knows the few words it is tried at.
 */
const listsByWord = new Map<string, number[]>();
let wordLists = 0;
/** Lists built afresh on every call (`doc.findPhrases([{ match: [...] }])` in a plugin) are found by content. */
const compiledByContent = new Map<string, CompiledPhrases>();

export function phraseToRegexSource(phrase: string): string {
  return phrase.replace(PHRASE_SYNTAX, (token) => {
    if (token === '(') return '(?:';
    if (token === ')' || token === ')?' || token === '|') return token;
    if (token === "'" || token === '’') return "['’]";
    return REGEX_SYNTAX.includes(token) ? `\\${token}` : String.raw`\s+`;
  });
}

/** The characters a regex would read as syntax (escaped when a phrase has them). */
const REGEX_SYNTAX = '.*+?^${}[]\\/';
/** The phrase syntax's tokens, white space and the regex syntax characters. */
const PHRASE_SYNTAX = /\)\?|[()|'’]|\s+|[.*+?^${}[\]\\/]/g;

/** An entry's phrases and regex as one regex source. */
export function entrySource(entry: PhraseEntry): string {
  const parts = (entry.match ?? []).map(phraseToRegexSource);
  if (entry.regex) parts.push(entry.regex);
  if (parts.length === 0) throw new Error('A phrase entry needs "match" or "regex".');
  return parts.join('|');
}

function countGroups(source: string): number {
  return new RegExp(`${source}|`, 'u').exec('')!.length - 1;
}

/** What the build's table holds for a source (see phrase-table.ts), worked out from the source. */
export function knownSource(source: string): KnownSource {
  const first = firstWords(source);
  const folded = foldRegexSource(source);
  return {
    first: first ? { words: [...first.words], prefixes: [...first.prefixes] } : null,
    folded: folded ?? null,
    groups: countGroups(source),
    needs: (folded !== undefined && requiredText(folded)) || null,
  };
}

/** Every list compiled so far, as given (the build records the built-in rules' lists with it). */
export function compiledLists(): PhraseEntry[][] {
  return [...compiledByContent.keys()].map((key) => JSON.parse(key) as PhraseEntry[]);
}

/** What the build worked out about a built-in entry's source, else undefined. */
const known = (source: string): KnownSource | undefined => (Object.hasOwn(PHRASE_TABLE, source) ? PHRASE_TABLE[source] : undefined);

function firstWordsOf(source: string): FirstWords | undefined {
  const row = known(source);
  if (!row) return firstWords(source);
  return row.first ? { words: new Set(row.first.words), prefixes: new Set(row.first.prefixes) } : undefined;
}

/** A match is a whole word, never part of a hyphenated compound ("read" is not in "read-only"). */
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)`;
const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{N}_]|-[\p{L}\p{N}])`;
/** The same check for ASCII only: cheap to compile, and exact unless a non-ASCII character follows. */
const NOT_BEFORE_ASCII_WORD = String.raw`(?![0-9A-Za-z_]|-[0-9A-Za-z])`;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The entry's source in lower case, to run without the `i` flag on the folded text, where that matches the same. */
function foldedSource(entry: PhraseEntry, source = entrySource(entry)): string | undefined {
  if (entry.regex === undefined) return phraseToRegexSource((entry.match ?? []).map(foldCase).join('|'));
  const row = known(source);
  return row ? (row.folded ?? undefined) : foldRegexSource(source);
}

function compileEntry(entry: PhraseEntry): CompiledEntry {
  const source = entrySource(entry);
  const folded = foldedSource(entry, source);
  if (folded === undefined) return { source, flags: 'iuy', needs: undefined };
  return { source: folded, flags: entry.regex === undefined ? 'y' : 'uy', needs: neededPieces(source, folded) };
}

/** The pieces one of which every match of an entry holds in the folded text (see requiredText). */
function neededPieces(source: string, folded: string): readonly string[] | undefined {
  // The table read its pieces off the lower-cased entry source; a `match` entry's regexes are built from
  // its lower-cased phrases, the same text. Checked: were they ever to differ, the pieces are worked out here.
  const row = known(source);
  return row && row.folded === folded ? (row.needs ?? undefined) : requiredText(folded);
}

/**
 * A `regex` entry's source with its letters in lower case, to run without the `i` flag on the folded
 * text (a case-insensitive Unicode regex costs about twice as much to compile). Undefined, keeping the
 * `i` flag, where lower-casing could change what it matches: an upper-case letter in a class (`[A-z]`
 * is not `[a-z]`), case properties (`\p{Lu}`), code-point escapes and back-references.
 */
export function foldRegexSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; ) {
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    if (ch === '\\') {
      const escape = REGEX_ESCAPE.exec(source.slice(i, i + 64))?.[0] ?? source.slice(i, i + 2);
      if (/^\\(?:[ux]|c|k|[1-9])/.test(escape) || /^\\[pP]\{(?:gc=|General_Category=)?(?:L[ult&C]|Upper|Lower|Titlecase|Cased|Changes_When)/.test(escape)) return undefined;
      out += escape;
      i += escape.length;
      continue;
    }
    if (!inClass && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const end = source.indexOf('>', i);
      if (end < 0) return undefined;
      out += source.slice(i, end + 1); // a group's name keeps its case
      i = end + 1;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    const lower = ch.toLowerCase();
    if (lower !== ch && (inClass || lower.length !== ch.length)) return undefined;
    out += lower;
    i += ch.length;
  }
  return out;
}

const REGEX_ESCAPE = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|[\s\S])/;

export function compilePhrases(entries: readonly PhraseEntry[]): CompiledPhrases {
  let cached = compiled.get(entries);
  if (cached) return cached;
  const key = JSON.stringify(entries);
  cached = compiledByContent.get(key);
  if (cached) {
    compiled.set(entries, cached);
    return cached;
  }
  const byWord = new Map<string, number[]>();
  const byPrefix = new Map<string, number[]>();
  const byLetter = new Map<string, number[]>();
  const loose: number[] = [];
  const add = (map: Map<string, number[]>, k: string, index: number) => {
    const list = map.get(k);
    if (!list) map.set(k, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  entries.forEach((entry, index) => {
    const first = firstWordsOf(entrySource(entry));
    if (!first) return loose.push(index);
    for (const word of first.words) add(byWord, word, index);
    for (const prefix of first.prefixes) {
      add(byPrefix, prefix, index);
      add(byLetter, firstLetter(prefix), index);
    }
  });
  // A text word that is some entry's whole first word may also begin with another entry's known prefix.
  for (const [word, indexes] of byWord) {
    const prefixed = [...byPrefix].flatMap(([prefix, more]) => (word.startsWith(prefix) ? more : []));
    if (prefixed.length > 0) byWord.set(word, [...new Set([...indexes, ...prefixed])].sort((x, y) => x - y));
  }
  cached = { list: entries, entries: [], byWord, id: undefined, uses: 0, follow: undefined, byLetter, loose: loose.length > 0 ? compileLoose(entries, loose) : undefined };
  if (byLetter.size === 0 && byWord.size > 0) {
    cached.id = wordLists++;
    for (const word of byWord.keys()) {
      const ids = listsByWord.get(word);
      if (ids) ids.push(cached.id);
      else listsByWord.set(word, [cached.id]);
    }
  }
  compiled.set(entries, cached);
  compiledByContent.set(key, cached);
  return cached;
}

function compileLoose(entries: readonly PhraseEntry[], indexes: number[]): Loose {
  const groups: number[] = [];
  let next = 1;
  const sources = indexes.map((index) => {
    const source = entrySource(entries[index]!);
    groups.push(next);
    next += 1 + (known(source)?.groups ?? countGroups(source));
    return source;
  });
  // Lower-cased (which keeps every group), they need no `i` flag: half the cost to compile.
  const folded = indexes.map((index, i) => foldedSource(entries[index]!, sources[i]));
  const [alternatives, flags] = folded.every((source) => source !== undefined) ? [folded, 'gu'] : [sources, 'giu'];
  const pieces = folded.map((source, i) => (source === undefined ? undefined : neededPieces(sources[i]!, source)));
  return {
    regex: new RegExp(`${NOT_AFTER_WORD}(?:${alternatives.map((source) => `(${source})`).join('|')})${NOT_BEFORE_WORD}`, flags),
    needs: pieces.every((p) => p !== undefined) ? pieces.flat() : undefined,
    groups,
    indexes,
  };
}

const firstLetter = (word: string) => String.fromCodePoint(word.codePointAt(0)!);

// ---- the text's words ------------------------------------------------------------------------------

/** A word a whole-word match can start at: letters and digits, not after `_` or inside a hyphenated compound. */
const WORD_AT = /(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)[\p{L}\p{N}]+/uy;

interface Folded {
  /** The text in lower case, every character where it was. */
  folded: string;
  /** Where each word starts, the word (folded) and its first letter; found on first use. */
  starts: number[] | undefined;
  keys: string[] | undefined;
  firsts: string[] | undefined;
  /** For each list that goes by whole first words (by its id), the indexes of its first words in the text; as of `listsKnown` lists. */
  listWords: (number[] | undefined)[] | undefined;
  listsKnown: number;
  /** Each word's next run of letters and digits (see secondsOf), found on first use. */
  seconds: string[] | undefined;
}

/** Rules search the same text with many lists: it is folded and split into words once (the last few texts used kept). */
const foldedCache = new Map<string, Folded>();
const FOLDED_CACHE_SIZE = 8;
let newestFolded: Folded | undefined;

function foldedOf(text: string): Folded {
  let entry = foldedCache.get(text);
  if (entry) {
    // Least recently used goes first: a macro's text, searched by every rule, outlives the short
    // texts (a sentence, a clause) searched once in between.
    if (entry !== newestFolded) {
      foldedCache.delete(text);
      foldedCache.set(text, entry);
      newestFolded = entry;
    }
    return entry;
  }
  // Every field from the start: one shape for all, so the lookups below stay fast.
  entry = { folded: foldCase(text), starts: undefined, keys: undefined, firsts: undefined, listWords: undefined, listsKnown: 0, seconds: undefined };
  if (foldedCache.size >= FOLDED_CACHE_SIZE) foldedCache.delete(foldedCache.keys().next().value!);
  foldedCache.set(text, entry);
  newestFolded = entry;
  return entry;
}

function wordsOf(entry: Folded): { starts: number[]; keys: string[] } {
  if (!entry.starts || !entry.keys) {
    const starts: number[] = [];
    const keys: string[] = [];
    scanWords(entry.folded, starts, keys);
    entry.starts = starts;
    entry.keys = keys;
  }
  return { starts: entry.starts, keys: entry.keys };
}

/**
 * The words of `text` as the regex `(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)[\p{L}\p{N}]+` finds them (WORD_AT's
 * pattern), character by character: runs of letters and digits, less those after `_` or inside a
 * hyphenated compound. Several times quicker than the regex on mostly-ASCII text.
 */
function scanWords(text: string, starts: number[], keys: string[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const width = letterOrDigitAt(text, i);
    if (width === 0) {
      i += isSurrogatePair(text, i) ? 2 : 1;
      continue;
    }
    const start = i;
    i += width;
    for (let w = letterOrDigitAt(text, i); w > 0; w = letterOrDigitAt(text, i)) i += w;
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if (before === 95 /* _ */) continue;
    if (before === 45 /* - */ && start > 1 && letterOrDigitBefore(text, start - 1)) continue;
    starts.push(start);
    keys.push(text.slice(start, i));
  }
}

/** The width (1 or 2 code units) of the letter or digit at `i`, or 0 when there is none. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  LETTER_OR_DIGIT_STICKY.lastIndex = i;
  return LETTER_OR_DIGIT_STICKY.test(text) ? LETTER_OR_DIGIT_STICKY.lastIndex - i : 0;
}

/** Whether a letter or digit ends just before `end`. */
function letterOrDigitBefore(text: string, end: number): boolean {
  const width = end >= 2 && isSurrogatePair(text, end - 2) ? 2 : 1;
  return letterOrDigitAt(text, end - width) === width;
}

function isSurrogatePair(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

const LETTER_OR_DIGIT_STICKY = /[\p{L}\p{N}]/uy;

/** Each word's first letter, for the lists that go by first letters. */
function firstsOf(entry: Folded): string[] {
  entry.firsts ??= wordsOf(entry).keys.map(firstLetter);
  return entry.firsts;
}

/** The indexes of the text's words that are a whole first word of some entry of `list` (one with an id), in order. */
function listWordsIn(list: CompiledPhrases, entry: Folded): readonly number[] {
  if (entry.listWords === undefined || entry.listsKnown !== wordLists) {
    const { keys } = wordsOf(entry);
    const listWords: (number[] | undefined)[] = [];
    for (let i = 0; i < keys.length; i++) {
      const ids = listsByWord.get(keys[i]!);
      if (ids) for (const id of ids) (listWords[id] ??= []).push(i);
    }
    entry.listWords = listWords;
    entry.listsKnown = wordLists;
  }
  return entry.listWords[list.id!] ?? NO_WORDS;
}

const NO_WORDS: readonly number[] = [];

/** Index of the first of `starts` at or after `from`. */
function firstAtOrAfter(starts: readonly number[], from: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---- matching ------------------------------------------------------------------------------------

interface Found {
  start: number;
  end: number;
  /** Index of the matched entry in the list. */
  index: number;
}

/** Whether a match may end at `end`: no letter, digit or `_` follows, nor a hyphen and a letter. */
function endsWord(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = String.fromCodePoint(text.codePointAt(end)!);
  if (WORD_CHAR.test(next)) return false;
  return next !== '-' || !LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(end + 1) ?? 32));
}

/** Whether `folded` holds one of an entry's needed pieces (see requiredText): else the entry cannot match in it. */
const holdsAny = (folded: string, pieces: readonly string[]): boolean => pieces.some((piece) => folded.includes(piece));

/** The length of `entry`'s match starting exactly at `at` in the folded text, or undefined. */
function matchAt(entry: CompiledEntry, folded: string, at: number): number | undefined {
  if (entry.needs && !entry.cheap) {
    if (entry.lookedIn !== folded) {
      entry.lookedIn = folded;
      entry.found = holdsAny(folded, entry.needs);
    }
    if (!entry.found) return undefined;
  }
  entry.cheap ??= new RegExp(`(?:${entry.source})${NOT_BEFORE_ASCII_WORD}`, entry.flags);
  entry.cheap.lastIndex = at;
  const cheap = entry.cheap.exec(folded);
  if (!cheap) return undefined;
  if (endsWord(folded, at + cheap[0].length)) return cheap[0].length;
  // A non-ASCII letter follows: only the exact check can say whether (and how) the entry matches here.
  entry.strict ??= new RegExp(`(?:${entry.source})${NOT_BEFORE_WORD}`, entry.flags.includes('u') ? entry.flags : `u${entry.flags}`);
  entry.strict.lastIndex = at;
  return entry.strict.exec(folded)?.[0].length;
}

/** The first of `candidates` (entry indexes, in list order) that matches at `at`. */
function firstMatchAt(list: CompiledPhrases, candidates: readonly number[] | undefined, folded: string, at: number): Found | undefined {
  if (!candidates) return undefined;
  for (const index of candidates) {
    const length = matchAt((list.entries[index] ??= compileEntry(list.list[index]!)), folded, at);
    if (length !== undefined) return { start: at, end: at + length, index };
  }
  return undefined;
}

/**
 * The candidates at the text's word `i` (a whole first word of the list): with the list's second-word
 * index built (see buildFollow), only the entries whose second word can be the text's next word.
 */
function candidatesAt(list: CompiledPhrases, text: Folded, i: number): readonly number[] | undefined {
  const word = text.keys![i]!;
  const follow = list.follow?.get(word);
  if (!follow) return list.byWord.get(word);
  return follow.byNext.size === 0 ? follow.rest : (follow.byNext.get(secondsOf(text)[i]!) ?? follow.rest);
}

/** How many searches with a list pay for its second-word index (a few milliseconds for the largest). */
export const FOLLOW_AFTER = 256;

/**
 * For each whole first word of the list: its candidates by the second word of the text (the entries
 * whose second word can be that word, and the rest), and the rest (entries whose second word cannot
 * be told, or is told only in part, or may be missing), in list order.
 */
function buildFollow(list: CompiledPhrases): Map<string, Follow> {
  const seconds = list.list.map((entry) => secondWords(entrySource(entry)));
  const follow = new Map<string, Follow>();
  for (const [word, candidates] of list.byWord) {
    const gated = new Map<number, Set<string>>();
    for (const index of candidates) {
      const known = seconds[index]?.get(word);
      if (known && known.prefixes.size === 0) gated.set(index, known.words);
    }
    const rest = candidates.filter((index) => !gated.has(index));
    const byNext = new Map<string, readonly number[]>();
    for (const words of gated.values()) {
      for (const next of words) {
        if (!byNext.has(next)) byNext.set(next, candidates.filter((index) => !gated.has(index) || gated.get(index)!.has(next)));
      }
    }
    follow.set(word, { byNext, rest });
  }
  return follow;
}

/** After each of the text's words, the first run of letters and digits ('' when none), found on first use. */
function secondsOf(text: Folded): string[] {
  if (text.seconds === undefined) {
    const { starts, keys } = wordsOf(text);
    const seconds = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const end = starts[i]! + keys[i]!.length;
      // Nearly always the next word, after a space or punctuation; else (a letter run that is no word
      // start, as in "read-only", or past the last word) looked for.
      if (i + 1 < keys.length && !holdsLetterOrDigit(text.folded, end, starts[i + 1]!)) seconds[i] = keys[i + 1]!;
      else {
        NEXT_RUN.lastIndex = end;
        seconds[i] = NEXT_RUN.exec(text.folded)?.[1] ?? '';
      }
    }
    text.seconds = seconds;
  }
  return text.seconds;
}

const NEXT_RUN = /[^\p{L}\p{N}]*([\p{L}\p{N}]+)/uy;

function holdsLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (letterOrDigitAt(text, p) > 0) return true;
  return false;
}

function candidatesFor(list: CompiledPhrases, word: string, first = firstLetter(word)): readonly number[] | undefined {
  return list.byWord.get(word) ?? list.byLetter.get(first);
}

/**
 * The first match at a word in `[from, limit]`. `at`: the list's words in the text (listWordsIn), for
 * a list that goes by whole first words only.
 */
function atWords(list: CompiledPhrases, text: Folded, from: number, limit: number, at: readonly number[] | undefined): Found | undefined {
  if (list.byWord.size === 0 && list.byLetter.size === 0) return undefined;
  const { starts, keys } = wordsOf(text);
  if (at) {
    // Only whole first words can start a match: the text's few such words are all that need trying.
    let low = 0;
    let high = at.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[at[mid]!]! < from) low = mid + 1;
      else high = mid;
    }
    for (let k = low; k < at.length && starts[at[k]!]! <= limit; k++) {
      const i = at[k]!;
      const found = firstMatchAt(list, candidatesAt(list, text, i), text.folded, starts[i]!);
      if (found) return found;
    }
    return undefined;
  }
  const firsts = firstsOf(text);
  for (let i = firstAtOrAfter(starts, from); i < starts.length && starts[i]! <= limit; i++) {
    const candidates = candidatesFor(list, keys[i]!, firsts[i]!);
    if (!candidates) continue;
    const found = firstMatchAt(list, candidates, text.folded, starts[i]!);
    if (found) return found;
  }
  return undefined;
}

/** The leftmost non-empty match of the loose entries at or after `from`. */
function looseFrom(loose: Loose, folded: string, from: number): Found | undefined {
  loose.regex.lastIndex = from;
  for (let match = loose.regex.exec(folded); match; match = loose.regex.exec(folded)) {
    if (match[0] !== '') {
      return { start: match.index, end: match.index + match[0].length, index: looseEntry(loose, match) };
    }
    loose.regex.lastIndex = match.index + 1;
  }
  return undefined;
}

/** The non-empty match of the loose entries that starts exactly at `at`, as looseFrom would find it there. */
function looseAt(loose: Loose, folded: string, at: number): Found | undefined {
  loose.sticky ??= new RegExp(loose.regex.source, loose.regex.flags.replace('g', 'y'));
  loose.sticky.lastIndex = at;
  const match = loose.sticky.exec(folded);
  if (!match || match[0] === '') return undefined;
  return { start: at, end: at + match[0].length, index: looseEntry(loose, match) };
}

/** Which loose entry a match of their regex is (its index in the list). */
function looseEntry(loose: Loose, match: RegExpExecArray): number {
  return loose.indexes[loose.groups.findIndex((g) => match[g] !== undefined)]!;
}

/** Of two matches, the leftmost; at one position, the entry listed first. */
function earlier(a: Found | undefined, b: Found | undefined): Found | undefined {
  if (!a || !b) return a ?? b;
  return a.start < b.start || (a.start === b.start && a.index < b.index) ? a : b;
}

const NEXT_WORD = /^[\s"'“”‘’(]*([\p{L}\p{N}]+(?:['’]\p{L}+)?)/u;
const PREVIOUS_WORD = /([\p{L}\p{N}]+(?:['’]\p{L}+)?)[\s"'“”‘’)]*$/u;
const NEGATION = /^(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot|\p{L}+n['’]t)$/iu;
/** How many words back a negation still governs a phrase: "none of this was your mistake". */
const NEGATION_REACH = 4;

/**
 * Every match of `entries` in `text`, leftmost first. `blocked(start, end)` vetoes a match (one that
 * runs into a placeholder, a code span or across blocks). With `limit`, only the first that many: a
 * rule that asks whether a text holds a phrase, or where the first one is, need not scan the rest.
 */
export function findPhrases<E extends PhraseEntry>(
  text: string,
  entries: readonly E[],
  blocked: (start: number, end: number) => boolean,
  limit = Infinity,
): PhraseHit<E>[] {
  const list = compilePhrases(entries);
  const folded = foldedOf(text);
  const hits: PhraseHit<E>[] = [];
  let loose: Found | undefined;
  // Where no loose entry's pieces are in the text, none can match: its regex need not scan the text.
  let looseDone = !list.loose || (list.loose.needs !== undefined && !holdsAny(folded.folded, list.loose.needs));
  const at = list.id === undefined ? undefined : listWordsIn(list, folded);
  if (at && list.uses < FOLLOW_AFTER && ++list.uses === FOLLOW_AFTER) list.follow = buildFollow(list);
  for (let from = 0; from <= text.length; ) {
    // The loose entries' next match is searched again only once the scan has passed it.
    if (!looseDone && (!loose || loose.start < from)) {
      loose = looseFrom(list.loose!, folded.folded, from);
      looseDone = !loose;
    }
    const found = earlier(atWords(list, folded, from, loose ? loose.start : text.length, at), loose);
    if (!found) break;
    const entry = entries[found.index]!;
    if (blocked(found.start, found.end) || vetoedByNeighbours(text, found.start, found.end, entry)) {
      from = found.start + 1; // a vetoed match must not hide another one that starts inside it
      continue;
    }
    hits.push(hitOf(text, found, entry));
    if (hits.length >= limit) break;
    from = found.end;
  }
  return hits;
}

/**
 * The words a match of `entries` can start with (case-folded), when every entry's first word is known
 * whole; else undefined. Lets a caller skip asking phraseAt where the text's first word is none of them.
 */
export function startWords(entries: readonly PhraseEntry[]): ReadonlySet<string> | undefined {
  const list = compilePhrases(entries);
  return list.byLetter.size === 0 && !list.loose ? new Set(list.byWord.keys()) : undefined;
}

/** The match of `entries` that starts exactly at `at` (as findPhrases would find it there), if any. */
export function phraseAt<E extends PhraseEntry>(text: string, entries: readonly E[], at = 0): PhraseHit<E> | undefined {
  const list = compilePhrases(entries);
  const { folded } = foldedOf(text);
  WORD_AT.lastIndex = at;
  const word = WORD_AT.exec(folded);
  let found = word ? firstMatchAt(list, candidatesFor(list, word[0]), folded, at) : undefined;
  if (list.loose) found = earlier(found, looseAt(list.loose, folded, at));
  if (!found) return undefined;
  const entry = entries[found.index]!;
  return vetoedByNeighbours(text, found.start, found.end, entry) ? undefined : hitOf(text, found, entry);
}

function hitOf<E extends PhraseEntry>(text: string, found: Found, entry: E): PhraseHit<E> {
  const actual = text.slice(found.start, found.end).replace(/\s+/g, ' ');
  return { range: [found.start, found.end], actual, expected: entry.expected ?? '', entry };
}

function vetoedByNeighbours(text: string, start: number, end: number, entry: PhraseEntry): boolean {
  if (entry.notBefore) {
    const next = NEXT_WORD.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
    if (next && entry.notBefore.includes(next)) return true;
  }
  if (entry.notAfter) {
    const previous = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
    if (previous && entry.notAfter.includes(previous)) return true;
  }
  return entry.skipIfNegated === true && negatedBefore(text, start);
}

function negatedBefore(text: string, start: number): boolean {
  const clause = text.slice(Math.max(0, start - 80), start).split(/[,.;:!?()—–]/).pop() ?? '';
  return clause.split(/\s+/).filter(Boolean).slice(-NEGATION_REACH).some((word) => NEGATION.test(word));
}
