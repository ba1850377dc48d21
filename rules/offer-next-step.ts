// Flags a reply that leaves the customer with no next step: no steps, promise, instruction, question or way to reply.
// A customer who doesn't know what happens next or what to do writes in again, more worried than before.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import { defineRule } from '../src/engine/rule.js';
import data from './offer-next-step.phrases.json' with { type: 'json' };
import { isInstruction } from './shared/instructions.js';

/** A question back to the customer, allowing closing quotes, brackets or an emoji after the mark. */
const QUESTION = /\?["”’)\]]*(?:\s*\p{Extended_Pictographic}\uFE0F?)*$/u;
/** Where a clause starts: after a comma, semicolon, colon or dash (and a joining "and/but/or"), or at "please"/"kindly". */
const CLAUSE_START = /(?:[,;:—–]|\s-)\s*(?:(?:and|but|or)\s+)?|\s(?=(?:please|kindly)\b)/giu;
/** Sign-off lines ("Best,", "Kind regards,", "The Support Team", "{{current_user.first_name}}") are short and end no sentence. */
const MAX_SIGN_OFF_WORDS = 5;

export default defineRule({
  meta: {
    id: 'offer-next-step',
    description: 'Replies that never tell the customer what happens next or what to do',
    docs: 'docs/rules/offer-next-step.md',
    category: 'tone',
    repliesOnly: true,
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messages: {
      noNextStep:
        'This reply never tells the customer what happens next or what they can do, so they are left waiting and will likely write in again. End with a concrete next step, e.g. "I\'ll email you by Friday with an update", "You\'ll receive a confirmation within the hour" or "Would you like me to…?".',
    },
  },
  check(doc, report) {
    const body = doc.sentences.filter((s) => doc.blocks[s.block]!.kind !== 'heading');
    if (body.length === 0) return;
    if (doc.blocks.some((b) => b.kind === 'listItem')) return;
    if (body.some((s) => QUESTION.test(s.text) || clauses(s).some((c) => isInstruction(doc, c)))) return;
    if (doc.findPhrases(data.nextSteps, 1).length > 0 || doc.findPhrases(data.courtesy, 1).length > 0) return;
    const last = lastBodySentence(doc, body);
    report({ messageId: 'noNextStep', range: [last.start, last.end] });
  },
});

/**
 * The sentence and each clause in it, so an instruction after a condition or a dash still counts:
 * "If it still fails, reply with a screenshot", "Before filing, please search", "…, though — just select …".
 */
function clauses(sentence: Sentence): Sentence[] {
  const parts = [sentence];
  for (const m of sentence.text.matchAll(CLAUSE_START)) {
    const at = m.index + m[0].length;
    if (at >= sentence.text.length) continue;
    parts.push({ ...sentence, start: sentence.start + at, text: sentence.text.slice(at) });
  }
  return parts;
}

/** Where a next step would go: the last sentence before the sign-off. */
function lastBodySentence(doc: MacroDocument, body: readonly Sentence[]): Sentence {
  let end = body.length;
  while (end > 1) {
    const last = body[end - 1]!;
    if (/[\p{L}\p{N}{]/u.test(last.text) && !isSignOff(doc, last.block)) break;
    end--;
  }
  return body[end - 1]!;
}

function isSignOff(doc: MacroDocument, index: number): boolean {
  const block = doc.blocks[index]!;
  const lines = doc.text.slice(block.start, block.end).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.every((line) => line.split(/\s+/).length <= MAX_SIGN_OFF_WORDS && !/[.?]$/.test(line));
}
