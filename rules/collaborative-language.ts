// Flags a problem-solving reply (steps, an apology or a customer's problem) with no collaborative or supportive line.
// "Let's sort this out", "I'm here to help", "I'll keep you posted" tell the customer they aren't solving it alone.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import { findPhrases, type PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import data from './collaborative-language.phrases.json' with { type: 'json' };
import { greetingLength, isInstruction } from './shared/instructions.js';

const collaborative = data.collaborative.flat();
const permissions = [data.permissions];
/** The words that make a clause hypothetical: "If the parcel hasn't arrived by Friday, …". */
const HYPOTHETICAL = /\b(?:if|in case|unless|whether|should|whenever|ever|in the unlikely event)\b/i;

export default defineRule({
  meta: {
    id: 'collaborative-language',
    description: 'Problem-solving replies with no line that says you are working on it with the customer',
    docs: 'docs/rules/collaborative-language.md',
    category: 'tone',
    repliesOnly: true,
    defaultSeverity: 'off',
    fixable: false,
    hasSuggestions: false,
    messages: {
      alone:
        'This reply works on a problem but never says you\'re in it with the customer, so it can read as "here are your steps, good luck". Add a line such as "I\'m here to help", "Let\'s get this sorted" or "I\'ll keep you posted".',
    },
  },
  check(doc, report) {
    // A heading inside the reply is read too ("Let's get you back in"), but the finding goes on a sentence.
    if (doc.findPhrases(collaborative, 1).length > 0) return;
    const prose = doc.sentences.filter((s) => doc.blocks[s.block]!.kind !== 'heading');
    const trigger = firstTrigger(doc, prose);
    if (!trigger) return;
    const start = trigger.start + greetingLength(doc, trigger);
    if (start < trigger.end) report({ messageId: 'alone', range: [start, trigger.end] });
  },
});

/**
 * Where to report: the first instruction, the point where the reply sets the customer to work. Without one,
 * the first sentence that apologises or describes the customer's problem ("arrived damaged", "can't log in").
 * A bare problem word ("the outage") counts only when the problem comes up in two sentences, so a one-line
 * status note stays quiet.
 */
function firstTrigger(doc: MacroDocument, prose: readonly Sentence[]): Sentence | undefined {
  const instruction = prose.find((s) => isInstruction(doc, s) && !isPermission(doc, s));
  if (instruction) return instruction;
  const real = (hits: PhraseHit[]) => hits.filter((hit) => !isHypothetical(doc, hit));
  const containing = (hits: PhraseHit[]) => (s: Sentence) => hits.some((h) => s.start <= h.range[0] && h.range[1] <= s.end);
  const strong = [...real(doc.findPhrases(data.apologies)), ...real(doc.findPhrases(data.symptoms))];
  const described = prose.find(containing(strong));
  if (described) return described;
  const mentions = prose.filter(containing(real(doc.findPhrases(data.problems))));
  return mentions.length >= 2 ? mentions[0] : undefined;
}

/**
 * "You can keep using your plan until June": an option the customer has, not a task; a cancellation or
 * status note that offers one is not a problem being solved. Skips a greeting, a purpose ("To cancel, ")
 * and a filler ("So ") as the instruction check does.
 */
function isPermission(doc: MacroDocument, sentence: Sentence): boolean {
  const text = sentence.text
    .slice(greetingLength(doc, sentence))
    .replace(/^to [^,.!?]{1,80},\s*/i, '')
    .replace(/^(?:so|now|also|then|just|and)\b,?\s+/i, '');
  return findPhrases(text, permissions, () => false, 1)[0]?.range[0] === 0;
}

/** A problem named inside a condition ("If it still isn't working, …") is not one the customer has. */
function isHypothetical(doc: MacroDocument, hit: PhraseHit): boolean {
  const before = doc.text.slice(Math.max(0, hit.range[0] - 120), hit.range[0]);
  const clause = before.split(/[.;:!?]|\n\n|,(?!\s*(?:and|or|but)\b)/).pop() ?? '';
  return HYPOTHETICAL.test(clause);
}
