// Sentence boundaries of plain ASCII text (with curly quotes and dashes) as Unicode's rules (UAX #29,
// which Intl.Segmenter follows) place them, without asking ICU: most macro text is plain English, and
// segmenting a block with ICU costs more than the rest of reading its sentences. Anything else (an
// accented letter, a non-Latin script, an ellipsis character) is left to Intl.Segmenter.
// test/engine.test.ts compares the two on random text built from every class the rules tell apart.

/** Sentence_Break classes of the ASCII characters the fast path reads. */
const enum Kind {
  Other,
  Upper,
  Lower,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
  Sp,
}

const KINDS = new Uint8Array(128); // Kind.Other unless set below
for (let c = 65; c <= 90; c++) KINDS[c] = Kind.Upper;
for (let c = 97; c <= 122; c++) KINDS[c] = Kind.Lower;
for (let c = 48; c <= 57; c++) KINDS[c] = Kind.Numeric;
for (const [chars, kind] of [['.', Kind.ATerm], ['!?', Kind.STerm], [`"'()[]{}`, Kind.Close], [',-:;', Kind.SContinue], [' \t', Kind.Sp]] as const) {
  for (const ch of chars) KINDS[ch.charCodeAt(0)] = kind;
}

/** The punctuation macros write beyond ASCII: curly quotes close, dashes continue a sentence. */
const MORE_KINDS = new Map<number, Kind>([
  [0x2018, Kind.Close],
  [0x2019, Kind.Close],
  [0x201c, Kind.Close],
  [0x201d, Kind.Close],
  [0x2013, Kind.SContinue],
  [0x2014, Kind.SContinue],
]);

/**
 * The sentences of `text` as Intl.Segmenter gives them (each with where it starts), when the text is
 * printable ASCII, spaces, tabs, curly quotes and dashes only; else undefined.
 */
export function plainSentences(text: string): { index: number; segment: string }[] | undefined {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c > 126 && !MORE_KINDS.has(c)) || (c < 32 && c !== 9)) return undefined;
  }
  const kind = (i: number): Kind => {
    const c = text.charCodeAt(i);
    return c < 128 ? KINDS[c]! : MORE_KINDS.get(c)!;
  };
  const segments: { index: number; segment: string }[] = [];
  let start = 0;
  let i = 0;
  while (i < n) {
    const k = kind(i);
    if (k !== Kind.ATerm && k !== Kind.STerm) {
      i++;
      continue;
    }
    // SB6: a full stop before a digit ("3.5"); SB7: between letters and a capital ("U.S.").
    if (k === Kind.ATerm && i + 1 < n) {
      const next = kind(i + 1);
      if (next === Kind.Numeric || (next === Kind.Upper && i > 0 && (kind(i - 1) === Kind.Upper || kind(i - 1) === Kind.Lower))) {
        i++;
        continue;
      }
    }
    // SB9, SB10: closing punctuation, then spaces, stay with the terminator.
    let at = i + 1;
    while (at < n && kind(at) === Kind.Close) at++;
    while (at < n && kind(at) === Kind.Sp) at++;
    if (at >= n) break;
    // SB8a: a comma or another terminator goes on with the sentence.
    const then = kind(at);
    if (then === Kind.SContinue || then === Kind.ATerm || then === Kind.STerm) {
      i = at;
      continue;
    }
    // SB8: after a full stop, a lower-case letter before any other letter or terminator goes on too.
    if (k === Kind.ATerm && lowerComesFirst(text, at, kind)) {
      i = at;
      continue;
    }
    // SB11: the sentence ends here.
    segments.push({ index: start, segment: text.slice(start, at) });
    start = at;
    i = at;
  }
  if (start < n) segments.push({ index: start, segment: text.slice(start) });
  return segments;
}

/** Whether, from `at`, a lower-case letter comes before any capital or terminator. */
function lowerComesFirst(text: string, at: number, kind: (i: number) => Kind): boolean {
  for (let i = at; i < text.length; i++) {
    const k = kind(i);
    if (k === Kind.Lower) return true;
    if (k === Kind.Upper || k === Kind.ATerm || k === Kind.STerm) return false;
  }
  return false;
}
