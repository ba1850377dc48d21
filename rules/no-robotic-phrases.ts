// Flags scripted, impersonal formulas: "We apologize for any inconvenience", "Please be advised that", "Do not hesitate to contact us".
// Customers recognise boilerplate at once and read it as nobody having listened; plain first-person wording sounds like a person.
import type { MacroDocument } from '../src/engine/document.js';
import type { PhraseEntry, PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/engine/types.js';
import phrases from './no-robotic-phrases.phrases.json' with { type: 'json' };
import { atSentenceStart, insideQuotation, sentenceOf } from './shared/text.js';

interface RoboticPhrase extends PhraseEntry {
  message: string;
  /** How to put it right: swap in `replacement`, drop the phrase, or rewrite a "do not hesitate" closing line. */
  remedy?: 'replace' | 'drop' | 'closing';
  replacement?: string;
  /** replace: the swap is applied by --fix only when the text after the phrase matches this; otherwise it is a suggestion. */
  fixIfFollowedBy?: string;
  /** drop: removing the phrase is applied by --fix, not only suggested. */
  fix?: boolean;
  /** closing: what may follow the phrase before the sentence ends, for the whole sentence to be replaced. */
  closingTail?: string;
  /** closing: a condition after the phrase ("… if you have questions") that keeps the sentence. */
  conditionAfter?: string;
  suggestion?: string;
}

/** Words after which a new clause can start ("…, and I'm sorry for the trouble"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'again', 'also', 'now', 'then']);

type Remedy = { fix: Fix } | { suggestion: Fix; desc: string } | undefined;

export default defineRule({
  meta: {
    id: 'no-robotic-phrases',
    description: 'Scripted, impersonal formulas that make a reply read like a form letter',
    docs: 'docs/rules/no-robotic-phrases.md',
    category: 'tone',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      apology:
        '"{{actual}}" is a stock apology that reads like a form letter. Say sorry in your own words and name the actual problem, e.g. "I\'m sorry your parcel is late".',
      importance:
        '"{{actual}}" is a call-centre line customers have learned to tune out. Show it instead: say what you have done with their message, e.g. "I\'ve passed this straight to our product team".',
      notice:
        '"{{actual}}" sounds like a legal notice and puts distance between you and the customer. Leave it out and make the point directly.',
      regret: '"{{actual}}" is cold, formal wording for bad news. Say it as a person would, e.g. "I\'m sorry to say that".',
      hesitate:
        '"{{actual}}" is a stock closing line that reads as boilerplate. Offer help in your own voice, e.g. "I\'m here if you need anything else".',
      hesitateRoute:
        '"{{actual}}" is stock closing wording that reads as boilerplate. Say plainly who can help and how to reach them, e.g. "Our billing team can help with that at billing@example.com".',
      greeting: '"{{actual}}" is a form-letter greeting that tells the customer nobody read their message. Greet them by name instead.',
      policy:
        '"{{actual}}" hides behind the rule book and sounds cold. Give the reason in plain words, e.g. "we can only refund to the original card, so the money can\'t go astray".',
      patience:
        '"{{actual}}" is a stock line that reads as a brush-off. Say what you are doing and when they will hear from you, then thank them for something specific.',
      jargon: '"{{actual}}" is office jargon that leaves the customer guessing. Say exactly what you need them to do.',
    },
  },
  check(doc, report) {
    for (const hit of doc.findPhrases(phrases as RoboticPhrase[])) {
      if (insideQuotation(doc, hit.range[0])) continue;
      const remedy = remedyFor(doc, hit);
      report({
        messageId: hit.entry.message,
        data: { actual: hit.actual },
        range: hit.range,
        ...(remedy && 'fix' in remedy ? { fix: remedy.fix } : {}),
        suggestions: remedy && 'suggestion' in remedy ? [{ desc: remedy.desc, fix: remedy.suggestion }] : [],
      });
    }
  },
});

function remedyFor(doc: MacroDocument, hit: PhraseHit<RoboticPhrase>): Remedy {
  switch (hit.entry.remedy) {
    case 'replace':
      return replace(doc, hit);
    case 'drop':
      return drop(doc, hit);
    case 'closing':
      return closing(doc, hit);
    default:
      return undefined;
  }
}

/**
 * Swap the phrase for the entry's replacement: a fix where the words after it allow, a suggestion elsewhere. The
 * replacement is a clause of its own ("I'm sorry…"), so the phrase must open one ("Please accept our apologies…",
 * not "…you'll accept our apologies…").
 */
function replace(doc: MacroDocument, hit: PhraseHit<RoboticPhrase>): Remedy {
  if (!opensClause(doc, hit.range[0])) return undefined;
  const lastWord = /[\p{L}-]+$/u.exec(hit.actual)?.[0] ?? '';
  const text = hit.entry.replacement!.replace('{{lastWord}}', lastWord.toLowerCase());
  const change: Fix = { range: hit.range, text };
  const after = doc.text.slice(hit.range[1], hit.range[1] + 40);
  const { fixIfFollowedBy } = hit.entry;
  if (fixIfFollowedBy !== undefined && new RegExp(fixIfFollowedBy, 'iu').test(after)) return { fix: change };
  return { suggestion: change, desc: `Replace with "${text}"` };
}

/**
 * Remove a lead-in ("Please be advised that ", "Kindly note, ") so the sentence starts with its point. Only where
 * the lead-in ends in "that" or a comma or colon, so what follows is a clause that can stand on its own.
 */
function drop(doc: MacroDocument, hit: PhraseHit<RoboticPhrase>): Remedy {
  const [start, end] = hit.range;
  const gap = /^\s*[,:]?\s*/.exec(doc.text.slice(end, end + 8))![0];
  if (!/\bthat$/i.test(hit.actual) && !/[,:]/.test(gap)) return undefined;
  const next = end + gap.length;
  const nextChar = doc.text[next] ?? '';
  if (!/[\p{L}\p{N}{"“]/u.test(nextChar) || doc.text.slice(end, next).includes('\n\n')) return undefined;
  const capitalise = atSentenceStart(doc, start) && nextChar !== nextChar.toUpperCase();
  const change: Fix = capitalise
    ? { range: [start, next + 1], text: nextChar.toUpperCase() }
    : { range: [start, next], text: '' };
  return hit.entry.fix ? { fix: change } : { suggestion: change, desc: `Remove "${hit.actual}"` };
}

/**
 * "(Please) do not hesitate to contact us." as a sentence of its own is replaced whole by the entry's replacement,
 * keeping the sentence's own punctuation. After a lead clause ("If you have questions, …") or before a condition
 * ("… if you have questions.") the shorter suggestion keeps the rest of the sentence.
 */
function closing(doc: MacroDocument, hit: PhraseHit<RoboticPhrase>): Remedy {
  const sentence = sentenceOf(doc, hit.range);
  if (!sentence) return undefined;
  const { replacement, suggestion, closingTail, conditionAfter } = hit.entry;
  const rest = doc.text.slice(hit.range[1], sentence.end);
  const tail = new RegExp(closingTail!, 'iu').exec(rest);
  const before = doc.text.slice(sentence.start, hit.range[0]);
  if (tail) {
    const range = [hit.range[0], hit.range[1] + tail[0].length] as const;
    if (!/[\p{L}\p{N}]/u.test(before)) return { fix: { range, text: replacement! } };
    if (/,\s*$/.test(before)) return { suggestion: { range, text: suggestion! }, desc: `Replace with "${suggestion}"` };
    return undefined;
  }
  if (new RegExp(conditionAfter!, 'iu').test(rest)) {
    return { suggestion: { range: hit.range, text: suggestion! }, desc: `Replace with "${suggestion}"` };
  }
  return undefined;
}

/** Whether `offset` opens a clause: at the start of its sentence, after a comma or dash, or after "and", "but", "so", … */
function opensClause(doc: MacroDocument, offset: number): boolean {
  const sentence = doc.sentenceAt(offset);
  if (!sentence) return false;
  const before = doc.text.slice(sentence.start, offset).trimEnd();
  if (!/[\p{L}\p{N}]/u.test(before) || /[,;:(—–]$/.test(before)) return true;
  return CLAUSE_OPENERS.has(/(\p{L}+)$/u.exec(before)?.[1]?.toLowerCase() ?? '');
}
