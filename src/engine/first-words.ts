// Which words a phrase's match can start with (and, for each, which word can come second), read off
// its regex source. The phrase matcher uses it to try an entry only where the text has one of those
// words, instead of at every character, and, once a list is used often, only where the next word fits.
//
// Only the constructs phrase lists use are understood: literal characters, groups and alternatives,
// `?`/`*`/`+`/`{n,m}`, lookarounds (which consume nothing), `\s`, `\b` and classes of punctuation.
// Anything else ends what can be told: the word is known only up to there (a prefix), or, when not
// even its first letter is known, the entry is searched the ordinary way.

/**
 * Lower-cases text without changing its length or any character's position: each character becomes its
 * lower-case form when that is one character of the same length, as a case-insensitive regex compares
 * them (`K` and `k` alike). Phrases are matched against this folded text, so their regexes need no `i`
 * flag, which makes them several times cheaper to compile.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing never shortens a character; when nothing grew (no `İ`), every position is where it was.
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const folded = ch.toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

export interface FirstWords {
  /** Whole first words, case-folded: the match starts with exactly one of these words. */
  words: Set<string>;
  /** Known beginnings of first words, case-folded: the first word starts with one of these. */
  prefixes: Set<string>;
}

type Node =
  | { kind: 'char'; ch: string; min: number; max: number }
  /** Consumes only characters that cannot be part of a word (white space, apostrophes, punctuation). */
  | { kind: 'separator'; min: number; max: number }
  /** Consumes nothing (a lookaround, `\b`, `^`). */
  | { kind: 'zero' }
  /** Might consume letters or digits: what follows cannot be told. */
  | { kind: 'unknown'; min: number; max: number }
  | { kind: 'group'; alternatives: Node[][]; min: number; max: number };

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** More open beginnings than this and the analysis stops (treats them as prefixes). */
const MAX_STATES = 256;

/** The first words of a regex source's matches, or undefined when even their first letters cannot be told. */
export function firstWords(source: string): FirstWords | undefined {
  const tree = readTree(source);
  if (!tree) return undefined;
  const result = { open: new Set<string>(), words: new Set<string>(), prefixes: new Set<string>() };
  for (const branch of tree) expand(branch, new Set(['']), result);
  // The match ends at a word's end (phrases match whole words), so what is still open is a whole word.
  for (const word of result.open) result.words.add(word);
  if (result.words.has('') || result.prefixes.has('')) return undefined;
  return { words: result.words, prefixes: result.prefixes };
}

interface Expansion {
  open: Set<string>;
  words: Set<string>;
  prefixes: Set<string>;
}

/** Runs `sequence` from the beginnings in `from`; what ends there is added to `out`. */
function expand(sequence: readonly Node[], from: Set<string>, out: Expansion): void {
  let open = from;
  for (const node of sequence) {
    if (open.size === 0) return;
    if (open.size > MAX_STATES) {
      for (const p of open) out.prefixes.add(p);
      return;
    }
    if (node.kind === 'zero') continue;
    const optional = node.min === 0;
    let next: Set<string>;
    if (node.kind === 'char' && WORD_CHAR.test(node.ch)) {
      next = new Set([...open].map((p) => p + foldCase(node.ch)));
      // A repeated letter ("so+"): the word goes on in ways not followed here.
      if (node.max > 1) {
        for (const p of next) out.prefixes.add(p);
        next = new Set();
      }
    } else if (node.kind === 'char' || node.kind === 'separator') {
      for (const p of open) out.words.add(p); // the word ends here
      next = new Set();
    } else if (node.kind === 'unknown') {
      for (const p of open) out.prefixes.add(p);
      next = new Set();
    } else {
      const inner: Expansion = { open: new Set(), words: out.words, prefixes: out.prefixes };
      for (const branch of node.alternatives) expand(branch, open, inner);
      next = inner.open;
      if (node.max > 1) {
        for (const p of next) out.prefixes.add(p);
        next = new Set();
      }
    }
    if (optional) for (const p of open) next.add(p);
    open = next;
  }
  for (const p of open) out.open.add(p);
}

// ---- second words -------------------------------------------------------------------------------

/**
 * For each whole first word of a regex source's matches, what the match's second word can be: its
 * words and known beginnings, or null when that cannot be told (or the match may be that one word).
 * The second word is the first run of letters and digits after the first word, whatever stands
 * between. Undefined when the source's first words cannot all be told whole: such an entry is tried
 * at every candidate word, as before. The phrase matcher checks the text's second word against this
 * before it runs the entry's regex: most tries of a list fail there ("the" + anything but "courier").
 */
export function secondWords(source: string): Map<string, FirstWords | null> | undefined {
  const tree = readTree(source);
  if (!tree) return undefined;
  const out: PairOut = { pairs: new Map(), failed: false };
  const start: PairState[] = [{ first: undefined, word: '' }];
  for (const branch of tree) {
    const open = walk(branch, start, out);
    for (const state of open) finish(state, out, false);
    if (out.failed) return undefined;
  }
  return out.failed ? undefined : out.pairs;
}

/** How far a match has got: its first word once complete, and the word being read. */
interface PairState {
  first: string | undefined;
  word: string;
}

interface PairOut {
  pairs: Map<string, FirstWords | null>;
  /** Set when a first word cannot be told whole (or too many ways lead on). */
  failed: boolean;
}

/**
 * A path that stops being followed. `partial`: its word goes on in ways not followed (a prefix);
 * otherwise the word is complete (the match's end is a word's end).
 */
function finish(state: PairState, out: PairOut, partial: boolean): void {
  if (state.first === undefined) {
    if (partial || state.word === '') out.failed = true;
    else out.pairs.set(state.word, null); // the match may be this one word
    return;
  }
  if (out.pairs.get(state.first) === null) return;
  if (state.word === '') {
    out.pairs.set(state.first, null);
    return;
  }
  let seconds = out.pairs.get(state.first);
  if (!seconds) out.pairs.set(state.first, (seconds = { words: new Set(), prefixes: new Set() }));
  (partial ? seconds.prefixes : seconds.words).add(state.word);
}

/** Runs `sequence` from the states in `from`; gives the states still open at its end. */
function walk(sequence: readonly Node[], from: readonly PairState[], out: PairOut): PairState[] {
  let open = from;
  for (const node of sequence) {
    if (open.length === 0 || out.failed) return [];
    if (open.length > MAX_STATES) {
      out.failed = true;
      return [];
    }
    if (node.kind === 'zero') continue;
    let next: PairState[] = [];
    if (node.kind === 'char' && WORD_CHAR.test(node.ch)) {
      const ch = foldCase(node.ch);
      for (const state of open) {
        const grown = { first: state.first, word: state.word + ch };
        if (node.max > 1) finish(grown, out, true);
        else next.push(grown);
      }
    } else if (node.kind === 'char' || node.kind === 'separator') {
      for (const state of open) {
        if (state.first === undefined && state.word === '') out.failed = true; // the match does not start at a word
        else if (state.word === '') next.push(state);
        else if (state.first === undefined) next.push({ first: state.word, word: '' });
        else finish(state, out, false); // the second word is complete
      }
    } else if (node.kind === 'unknown') {
      for (const state of open) finish(state, out, true);
    } else {
      for (const branch of node.alternatives) next.push(...walk(branch, open, out));
      if (node.max > 1) {
        for (const state of next) finish(state, out, true);
        next = [];
      }
    }
    if (node.min === 0) next.push(...open);
    open = dedupe(next);
  }
  return [...open];
}

function dedupe(states: PairState[]): PairState[] {
  const seen = new Map<string, PairState>();
  for (const state of states) seen.set(`${state.first ?? ''}\u0000${state.first === undefined ? 0 : 1}\u0000${state.word}`, state);
  return [...seen.values()];
}

// ---- text every match contains --------------------------------------------------------------------

/** A needed text shorter than this rules out too little to be worth checking. */
const MIN_NEEDED = 3;

/**
 * Pieces of literal text of which every match of `source` contains at least one, or undefined when none
 * worth checking can be told: an entry whose pieces are all missing from a text cannot match there, so
 * its regex need not even be compiled. From each branch the most telling piece is taken: the longest
 * run of literal characters, or a group that must match (its branches' pieces, any one of them).
 * Lookarounds and anything optional or repeated are passed over, so what is found is always needed.
 */
export function requiredText(source: string): string[] | undefined {
  const tree = readTree(source);
  const needed = tree && neededByAny(tree);
  if (!needed || Math.min(...needed.map((text) => text.length)) < MIN_NEEDED) return undefined;
  // A piece that holds another is found only where that one is: the shorter says it all.
  const pieces = [...new Set(needed)];
  return pieces.filter((text) => !pieces.some((other) => other !== text && text.includes(other)));
}

/** What every match of one of `branches` needs: each branch's pieces together, or undefined when a branch needs nothing. */
function neededByAny(branches: readonly Node[][]): string[] | undefined {
  const all: string[] = [];
  for (const branch of branches) {
    const needed = neededBySequence(branch);
    if (!needed) return undefined;
    all.push(...needed);
  }
  return all;
}

/** The most telling piece a sequence needs: the candidate whose shortest text is longest. */
function neededBySequence(sequence: readonly Node[]): string[] | undefined {
  let best: string[] | undefined;
  let bestScore = 0;
  const consider = (candidate: string[] | undefined) => {
    if (!candidate || candidate.length === 0) return;
    const score = Math.min(...candidate.map((text) => text.length));
    if (score > bestScore || (score === bestScore && best && candidate.length < best.length)) {
      best = candidate;
      bestScore = score;
    }
  };
  let run = '';
  for (const node of sequence) {
    if (node.kind === 'char' && node.min === 1 && node.max === 1) {
      run += node.ch;
      continue;
    }
    consider(run ? [run] : undefined);
    run = '';
    if (node.kind === 'group' && node.min >= 1) consider(neededByAny(node.alternatives));
  }
  consider(run ? [run] : undefined);
  return best;
}

// ---- a small reader for the regex subset ---------------------------------------------------------

interface Reader {
  source: string;
  at: number;
}

/** The source's branches, or undefined when it uses what the reader does not understand. */
function readTree(source: string): Node[][] | undefined {
  try {
    const reader = { source, at: 0 };
    const tree = alternatives(reader);
    return reader.at === source.length ? tree : undefined;
  } catch {
    return undefined;
  }
}

function alternatives(r: Reader): Node[][] {
  const branches: Node[][] = [];
  for (;;) {
    branches.push(sequence(r));
    if (r.source[r.at] !== '|') return branches;
    r.at++;
  }
}

function sequence(r: Reader): Node[] {
  const nodes: Node[] = [];
  while (r.at < r.source.length && r.source[r.at] !== '|' && r.source[r.at] !== ')') nodes.push(quantified(r));
  return nodes;
}

function quantified(r: Reader): Node {
  const node = atom(r);
  const next = r.source[r.at];
  if (next !== '?' && next !== '*' && next !== '+' && next !== '{') return node;
  QUANTIFIER.lastIndex = r.at;
  const q = QUANTIFIER.exec(r.source);
  if (!q) return node;
  r.at += q[0].length;
  if (node.kind === 'zero') return node;
  const [min, max] = q[1] === '?' ? [0, 1] : q[1] === '*' ? [0, Infinity] : q[1] === '+' ? [1, Infinity]
    : [Number(q[2]), q[3] === undefined ? Number(q[2]) : q[4] === '' ? Infinity : Number(q[4])];
  return { ...node, min: node.min * min, max: node.max * max };
}

const QUANTIFIER = /(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/y;
const ESCAPE = /\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|k<[^>]*>|c[A-Za-z]|[\s\S])/y;

function atom(r: Reader): Node {
  const { source } = r;
  const ch = source[r.at]!;
  if (ch === '(') {
    const lead = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)?|^\(/.exec(source.slice(r.at, r.at + 40))![0];
    r.at += lead.length;
    const inner = alternatives(r);
    if (source[r.at] !== ')') throw new Error('unclosed group');
    r.at++;
    return /^\(\?(?:[=!]|<[=!])/.test(lead) ? { kind: 'zero' } : { kind: 'group', alternatives: inner, min: 1, max: 1 };
  }
  if (ch === '[') return characterClass(r);
  if (ch === '\\') {
    ESCAPE.lastIndex = r.at;
    const escape = ESCAPE.exec(source)![0];
    r.at += escape.length;
    if (escape === '\\b' || escape === '\\B') return { kind: 'zero' };
    if (escape === '\\s') return { kind: 'separator', min: 1, max: 1 };
    // An escaped punctuation character stands for itself; a letter after `\` makes a class or a control.
    if (escape.length === 2 && /[^\p{L}\p{N}\s]/u.test(escape[1]!)) return { kind: 'char', ch: escape[1]!, min: 1, max: 1 };
    return { kind: 'unknown', min: 1, max: 1 };
  }
  if (ch === '^' || ch === '$') {
    r.at++;
    return { kind: 'zero' };
  }
  if (ch === '.') {
    r.at++;
    return { kind: 'unknown', min: 1, max: 1 };
  }
  const literal = String.fromCodePoint(source.codePointAt(r.at)!);
  r.at += literal.length;
  return { kind: 'char', ch: literal, min: 1, max: 1 };
}

/** `[…]`: a separator when it lists only punctuation and spaces (`['’]`), else unknown. */
function characterClass(r: Reader): Node {
  const { source } = r;
  const start = r.at;
  r.at++;
  let plain = source[r.at] !== '^';
  while (r.at < source.length && source[r.at] !== ']') {
    if (source[r.at] === '\\') {
      const next = source[r.at + 1] ?? '';
      if (next !== 's' && !/[^\p{L}\p{N}\s]/u.test(next)) plain = false;
      r.at += 2;
    } else {
      const c = String.fromCodePoint(source.codePointAt(r.at)!);
      // A letter, digit or range (`a-z`) could be a word character.
      if (WORD_CHAR.test(c) || (c === '-' && r.at > start + 1 && source[r.at + 1] !== ']')) plain = false;
      r.at += c.length;
    }
  }
  if (source[r.at] !== ']') throw new Error('unclosed class');
  r.at++;
  return plain ? { kind: 'separator', min: 1, max: 1 } : { kind: 'unknown', min: 1, max: 1 };
}
