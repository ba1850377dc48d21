// Flags wording that shuts an upset customer down: "calm down", "as I already said", "you need to understand", "not my job".
// Being told how to feel, or that they should have listened the first time, turns frustration into anger.
import type { MacroDocument } from '../src/engine/document.js';
import type { PhraseEntry, PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import type { Suggestion } from '../src/engine/types.js';
import phrases from './no-dismissive.phrases.json' with { type: 'json' };
import { atSentenceStart, insideQuotation } from './shared/text.js';

interface DismissivePhrase extends PhraseEntry {
  message: string;
  /** The phrase counts only at the start of a clause, where it is said to the customer ("…, but please calm down"). */
  clauseStart?: boolean;
  /** The phrase counts only at the start of a sentence ("Relax, it's only a day late", not "sit back, relax"). */
  sentenceStart?: boolean;
  /** The phrase does not count in the answer to a condition: "If you're stuck in the lift, try to stay calm and…". */
  notAfterCondition?: boolean;
  /** The phrase counts only when the text right after it matches. */
  followedBy?: string;
  /** The phrase does not count when the text right after it matches ("as I mentioned I would"). */
  notFollowedBy?: string;
  suggest?: 'recap' | 'helpToKnow';
}

/** Words that may open a clause before the phrase without making it about someone else ("but please calm down"). */
const CLAUSE_OPENERS = new Set([
  'and', 'but', 'so', 'now', 'then', 'again', 'please', 'just', 'ok', 'okay', 'oh', 'well',
  'honestly', 'seriously', 'look', 'listen', 'think',
]);

/** A clause that sets a condition; what follows it is advice for that case, not a reaction to the customer. */
const CONDITION = /^\W*(?:if|when|whenever|should|in case|in the event|once)\b/i;

export default defineRule({
  meta: {
    id: 'no-dismissive',
    description: "Wording that brushes off the customer's feelings or makes them feel they should have listened",
    docs: 'docs/rules/no-dismissive.md',
    category: 'tone',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      feelings:
        '"{{actual}}" tells the customer how to feel, which tends to make them angrier. Name the feeling instead, e.g. "I can see why this is so frustrating", and say what you are doing about it.',
      repeat:
        '"{{actual}}" reminds the customer they were told before, which reads as impatience. Give the information again as if for the first time, e.g. starting with "To recap".',
      condescending: '"{{actual}}" talks down to the customer. Give the reason plainly, e.g. "It may help to know that …".',
      notMine:
        '"{{actual}}" tells the customer their problem isn\'t yours to solve. Say who can help and that you have passed it on, e.g. "I\'ve asked our billing team to look at this today".',
      closedDoor:
        '"{{actual}}" closes the door on the customer. Say what you can still do or what happens next, even if it is small.',
    },
  },
  check(doc, report) {
    for (const hit of doc.findPhrases(phrases as DismissivePhrase[])) {
      const { entry, range } = hit;
      const after = doc.text.slice(range[1], range[1] + 80);
      if (entry.followedBy !== undefined && !new RegExp(entry.followedBy, 'iu').test(after)) continue;
      if (entry.notFollowedBy !== undefined && new RegExp(entry.notFollowedBy, 'iu').test(after)) continue;
      if (entry.clauseStart && !atClauseStart(doc, range[0])) continue;
      if (entry.sentenceStart && !atSentenceStart(doc, range[0])) continue;
      if (entry.notAfterCondition && inConditional(doc, range[0])) continue;
      if (insideQuotation(doc, range[0])) continue;
      report({ messageId: entry.message, data: { actual: hit.actual }, range, suggestions: suggestionsFor(doc, hit, after) });
    }
  },
});

function suggestionsFor(doc: MacroDocument, hit: PhraseHit<DismissivePhrase>, after: string): Suggestion[] {
  const { range } = hit;
  // "As I mentioned in my last email, the plan renews…" → "To recap, the plan renews…"
  if (hit.entry.suggest === 'recap' && atSentenceStart(doc, range[0]) && /^,/.test(after)) {
    return [{ desc: 'Replace with "To recap"', fix: { range, text: 'To recap' } }];
  }
  // "…, but you need to understand that our costs…" → "…, but it may help to know that our costs…"
  if (hit.entry.suggest === 'helpToKnow' && /^\s+that\b/i.test(after)) {
    const text = atSentenceStart(doc, range[0]) ? 'It may help to know' : 'it may help to know';
    return [{ desc: `Replace with "${text}"`, fix: { range, text } }];
  }
  return [];
}

/** Whether `offset` opens a clause of its sentence: after nothing, a comma or dash, or a word such as "but". */
function atClauseStart(doc: MacroDocument, offset: number): boolean {
  const sentence = doc.sentenceAt(offset);
  if (!sentence) return false;
  const before = doc.text.slice(sentence.start, offset).trimEnd();
  if (!/[\p{L}\p{N}]/u.test(before) || /[,;:(—–-]$/.test(before)) return true;
  const previous = /([\p{L}]+)[^\p{L}]*$/u.exec(before)?.[1]?.toLowerCase();
  return previous !== undefined && CLAUSE_OPENERS.has(previous);
}

/** Whether `offset` answers a condition that opens its clause ("For the future: if you…, try to stay calm"). */
function inConditional(doc: MacroDocument, offset: number): boolean {
  const sentence = doc.sentenceAt(offset);
  if (!sentence) return false;
  const clause = doc.text.slice(sentence.start, offset).split(/[:;—–]/).pop() ?? '';
  return CONDITION.test(clause);
}
