// Flags shouting: words of four or more letters in ALL CAPS, "!!" runs, and a third exclamation mark in one reply.
// To a customer who already has a problem, capitals and piled-up "!" read as a raised voice or forced cheer.
import type { MacroDocument, Word } from '../src/engine/document.js';
import { defineRule } from '../src/engine/rule.js';
import type { Report } from '../src/engine/types.js';
import data from './no-shouting.phrases.json' with { type: 'json' };

const builtinAcronyms = new Set(data.acronyms);
const literalCues = new Set(data.literalCues);
const keyNames = new Set(data.keyNames);
const CAPS_WORD = /^\p{Lu}+(?:['’-]\p{Lu}+)*$/u;
const ROMAN_NUMERAL = /^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
/** What may stand between two words of one shouted run: spaces, a soft line break, light punctuation. */
const RUN_GAP = /^[ \t]*(?:[,:;&/–—-][ \t]*)?(?:\r?\n[ \t]*)?$/;
/** Touching one of these, a word is part of an identifier, a URL or a template variable, not prose. */
const IDENTIFIER_BEFORE = /[_$%#@/\\.=]$/;
const IDENTIFIER_AFTER = /^[_%/@\\]/;
const QUOTES_OPEN = /["“‘'«]$/;
const QUOTES_CLOSE = /^["”’'»]/;

export default defineRule({
  meta: {
    id: 'no-shouting',
    description: 'ALL-CAPS words and piled-up exclamation marks',
    docs: 'docs/rules/no-shouting.md',
    category: 'tone',
    defaultSeverity: 'warn',
    fixable: true,
    hasSuggestions: false,
    messages: {
      capitals:
        '"{{actual}}" in capitals reads as shouting, which can feel like a telling-off to a customer who is already stressed. Write it in normal case; if it must stand out, give it a short sentence of its own.',
      repeatedExclamation:
        '"{{actual}}" reads as shouting or forced excitement, which can jar with a customer who has a problem. One exclamation mark is enough.',
      tooManyExclamations:
        'This is the third exclamation mark in the reply; this many start to sound overexcited or insincere to a customer with a problem. Keep one or two where you mean them and end other sentences with a full stop.',
    },
    defaultOptions: { allow: [] as string[] },
  },
  check(doc, report, { allow }) {
    reportCapitals(doc, report, allowedWords(allow, doc.vocabulary.accept));
    reportExclamations(doc, report);
  },
});

/** Words built for each pair of option and vocabulary lists (one pair per config): not again for every macro. */
const allowedSets = new WeakMap<readonly string[], WeakMap<readonly string[], ReadonlySet<string>>>();

/** The acronyms, the rule's `allow` option and the team's vocabulary (config `vocabulary.accept`: product names, their acronyms), in capitals. */
function allowedWords(allow: readonly string[], accept: readonly string[]): ReadonlySet<string> {
  let byAccept = allowedSets.get(allow);
  if (!byAccept) allowedSets.set(allow, (byAccept = new WeakMap()));
  let allowed = byAccept.get(accept);
  if (!allowed) byAccept.set(accept, (allowed = new Set([...builtinAcronyms, ...allow, ...accept].map((word) => word.toUpperCase()))));
  return allowed;
}

/** One report per run of capitalised words ("PLEASE NOTE"), when the run holds a shouted word of 4+ letters. */
function reportCapitals(doc: MacroDocument, report: Report, allowed: ReadonlySet<string>): void {
  const words = doc.words;
  let i = 0;
  while (i < words.length) {
    if (!isCapitalised(doc, words[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < words.length && isCapitalised(doc, words[end + 1]!) && joined(doc, words[end]!, words[end + 1]!)) end++;
    const run = words.slice(i, end + 1);
    i = end + 1;
    if (run.length === 1 && (isLiteral(doc, run[0]!) || isInName(doc, run[0]!))) continue;
    // Keys are named as printed on the keyboard: "make sure CAPS LOCK is off".
    if (keyNames.has(run.map((word) => word.text).join(' '))) continue;
    // Acronyms at either end are not part of the shout: "Your VPN MUST be off" reports "MUST".
    const from = run.findIndex((word) => !isException(word, allowed));
    const to = run.findLastIndex((word) => !isException(word, allowed));
    if (from < 0 || !run.slice(from, to + 1).some((word) => isShouted(word, allowed))) continue;
    const range = [run[from]!.start, run[to]!.end] as const;
    report({ messageId: 'capitals', data: { actual: doc.text.slice(...range).replace(/\s+/g, ' ') }, range });
  }
}

function isCapitalised(doc: MacroDocument, word: Word): boolean {
  // Most words start with a lower-case letter or a capital and a lower-case letter: no need to ask the regex.
  const first = word.text.charCodeAt(0);
  const second = word.text.charCodeAt(1);
  if ((first >= 97 && first <= 122) || (second >= 97 && second <= 122)) return false;
  if (word.isPlaceholder || !CAPS_WORD.test(word.text)) return false;
  const before = doc.text.slice(Math.max(0, word.start - 3), word.start);
  const after = doc.text.slice(word.end, word.end + 3);
  return !IDENTIFIER_BEFORE.test(before) && !IDENTIFIER_AFTER.test(after);
}

function joined(doc: MacroDocument, left: Word, right: Word): boolean {
  return RUN_GAP.test(doc.text.slice(left.end, right.start));
}

/** A word of four or more letters that is no acronym, numeral or allowed name. */
function isShouted(word: Word, allowed: ReadonlySet<string>): boolean {
  const letters = word.text.replace(/['’-]/g, '');
  return letters.length >= 4 && !isException(word, allowed);
}

function isException(word: Word, allowed: ReadonlySet<string>): boolean {
  const bare = word.text.replace(/['’-]/g, '');
  return (
    allowed.has(word.text) ||
    allowed.has(bare) ||
    // Without a vowel it cannot be an English word: HTML, GDPR, SMTP.
    !/[AEIOUY]/.test(bare) ||
    (bare.length > 1 && ROMAN_NUMERAL.test(bare))
  );
}

/** A single capitalised word the reply quotes rather than says: 'type "CANCEL"', "reply STOP", "code WELCOME". */
function isLiteral(doc: MacroDocument, word: Word): boolean {
  const before = doc.text.slice(Math.max(0, word.start - 1), word.start);
  const after = doc.text.slice(word.end, word.end + 1);
  if (QUOTES_OPEN.test(before) && QUOTES_CLOSE.test(after)) return true;
  const index = doc.words.indexOf(word);
  const previous = index > 0 ? doc.words[index - 1] : undefined;
  if (!previous || previous.isPlaceholder) return false;
  const gap = doc.text.slice(previous.end, word.start);
  return /^[ \t]+$/.test(gap) && literalCues.has(previous.lower);
}

/** A brand in a Title Case name is written that way, not shouted: "The ACME Team", "NOVA Support". */
function isInName(doc: MacroDocument, word: Word): boolean {
  const next = doc.words[doc.words.indexOf(word) + 1];
  return (
    next !== undefined &&
    !next.isPlaceholder &&
    /^[ \t]+$/.test(doc.text.slice(word.end, next.start)) &&
    /^\p{Lu}\p{Ll}/u.test(next.text)
  );
}

/** Each "!!" run is fixed to one "!"; a third exclamation (a run counts once) is reported where it stands. */
function reportExclamations(doc: MacroDocument, report: Report): void {
  let count = 0;
  for (const m of doc.text.matchAll(/[!?‽]*!+[!?‽]*/g)) {
    const range = [m.index, m.index + m[0].length] as const;
    if (doc.isOpaque(...range)) continue;
    count++;
    // "?!" and "!?" ask in surprise; only a run of "!" alone is piled up.
    if (/^!{2,}$/.test(m[0])) {
      report({ messageId: 'repeatedExclamation', data: { actual: m[0] }, range, fix: { range, text: '!' } });
    }
    if (count === 3) report({ messageId: 'tooManyExclamations', range });
  }
}
