// Phrase lists are data: rules hand the engine a list, the engine compiles it once into one matcher.
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

interface CompiledPhrases {
  regex: RegExp;
  /** Capture-group number that marks each entry. */
  groups: number[];
}

const compiled = new WeakMap<readonly PhraseEntry[], CompiledPhrases>();
/** Lists built afresh on every call (`doc.findPhrases([{ match: [...] }])` in a plugin) are found by content. */
const compiledByContent = new Map<string, CompiledPhrases>();

export function phraseToRegexSource(phrase: string): string {
  let out = '';
  for (let i = 0; i < phrase.length; i++) {
    const ch = phrase[i]!;
    if (ch === '(') out += '(?:';
    else if (ch === ')') out += phrase[i + 1] === '?' ? (i++, ')?') : ')';
    else if (ch === '|') out += '|';
    else if (/\s/.test(ch)) {
      while (/\s/.test(phrase[i + 1] ?? '')) i++;
      out += String.raw`\s+`;
    } else if (ch === "'" || ch === '’') out += "['’]";
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

function entrySource(entry: PhraseEntry): string {
  const parts = (entry.match ?? []).map(phraseToRegexSource);
  if (entry.regex) parts.push(entry.regex);
  if (parts.length === 0) throw new Error('A phrase entry needs "match" or "regex".');
  return parts.join('|');
}

function countGroups(source: string): number {
  return new RegExp(`${source}|`, 'u').exec('')!.length - 1;
}

export function compilePhrases(entries: readonly PhraseEntry[]): CompiledPhrases {
  let cached = compiled.get(entries);
  if (cached) return cached;
  const key = JSON.stringify(entries);
  cached = compiledByContent.get(key);
  if (cached) {
    compiled.set(entries, cached);
    return cached;
  }
  const groups: number[] = [];
  let next = 1;
  const alternatives = entries.map((entry) => {
    const source = entrySource(entry);
    groups.push(next);
    next += 1 + countGroups(source);
    return `(${source})`;
  });
  // Whole words only, and never part of a hyphenated compound ("read" is not in "read-only").
  const regex = new RegExp(
    String.raw`(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)(?:${alternatives.join('|')})(?![\p{L}\p{N}_]|-[\p{L}\p{N}])`,
    'giu',
  );
  cached = { regex, groups };
  compiled.set(entries, cached);
  compiledByContent.set(key, cached);
  return cached;
}

const NEXT_WORD = /^[\s"'“”‘’(]*([\p{L}\p{N}]+(?:['’]\p{L}+)?)/u;
const PREVIOUS_WORD = /([\p{L}\p{N}]+(?:['’]\p{L}+)?)[\s"'“”‘’)]*$/u;
const NEGATION = /^(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot|\p{L}+n['’]t)$/iu;
/** How many words back a negation still governs a phrase: "none of this was your mistake". */
const NEGATION_REACH = 4;

/**
 * Every match of `entries` in `text`, leftmost first. `blocked(start, end)` vetoes a match (one that
 * runs into a placeholder, a code span or across blocks).
 */
export function findPhrases<E extends PhraseEntry>(
  text: string,
  entries: readonly E[],
  blocked: (start: number, end: number) => boolean,
): PhraseHit<E>[] {
  const { regex, groups } = compilePhrases(entries);
  const hits: PhraseHit<E>[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') {
      regex.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    const index = groups.findIndex((g) => m![g] !== undefined);
    const entry = entries[index]!;
    if (blocked(start, end) || vetoedByNeighbours(text, start, end, entry)) {
      regex.lastIndex = start + 1; // a vetoed match must not hide another one that starts inside it
      continue;
    }
    hits.push({ range: [start, end], actual: m[0].replace(/\s+/g, ' '), expected: entry.expected ?? '', entry });
  }
  return hits;
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
