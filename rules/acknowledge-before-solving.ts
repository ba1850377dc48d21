// Flags a reply that gives instructions before it acknowledges the customer's situation or feelings.
// People take in a solution better once they feel heard: "I'm sorry…", "I can see why…", then the steps.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import { findPhrases, type PhraseEntry } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import data from './acknowledge-before-solving.phrases.json' with { type: 'json' };

const phrase = (words: readonly string[]): PhraseEntry[] => [{ match: words }];
const conditionalOpeners = phrase(data.conditionalOpeners);
const requestOpeners = phrase(data.requestOpeners);
const modalOpeners = phrase(data.modalOpeners);
const verbs = new Set(data.instructionVerbs.map((v) => v.toLowerCase()));
const objects = new Set(data.imperativeObjects);
const fillers = new RegExp(`^(?:(?:${data.fillerOpeners.join('|')})\\b[,:]?\\s+)+`, 'i');
/** "Hi {{name}}, please …" and "To reset your password, click …": what comes after is the instruction. */
const greetingLead = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!:\n]{0,60}[,!:—-]\s*/i;
const purposeLead = /^to [^,.!?]{1,80},\s*/i;

export default defineRule({
  meta: {
    id: 'acknowledge-before-solving',
    description: "Instructions that come before any acknowledgement of the customer's situation",
    docs: 'docs/rules/acknowledge-before-solving.md',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messages: {
      solvingFirst:
        'The reply jumps to instructions before acknowledging how the customer feels. Open with a line such as "I\'m sorry you\'ve run into this" or "I can see why that\'s frustrating", so they feel heard before the steps.',
    },
  },
  check(doc, report) {
    const acknowledgements = doc.findPhrases(data.acknowledgements);
    for (const sentence of doc.sentences) {
      if (doc.blocks[sentence.block]!.kind === 'heading') continue;
      if (acknowledgements.some((hit) => hit.range[0] < sentence.end)) return;
      if (!isInstruction(doc, sentence)) continue;
      const inParagraph = doc.blocks[sentence.block]!.kind === 'paragraph';
      report({
        messageId: 'solvingFirst',
        range: [sentence.start, sentence.end],
        suggestions: inParagraph
          ? [{ desc: 'Add an acknowledgement before the instructions', fix: { range: [sentence.start, sentence.start], text: data.acknowledgement } }]
          : [],
      });
      return;
    }
  },
});

/** An imperative, a polite request or "you can/need to …" followed by an action, at the start of a clause. */
function isInstruction(doc: MacroDocument, sentence: Sentence): boolean {
  let text = sentence.text.replace(greetingLead, '').replace(purposeLead, '').replace(fillers, '');
  if (startsWith(text, conditionalOpeners)) return false;
  const inList = doc.blocks[sentence.block]!.kind === 'listItem';
  const opener = startsWith(text, requestOpeners) ?? startsWith(text, modalOpeners);
  if (opener !== undefined) text = text.slice(opener).trimStart().replace(fillers, '');
  const [verb, next] = text.split(/\s+/, 2);
  if (!verb || !verbs.has(verb.replace(/[*_]/g, '').toLowerCase())) return false;
  if (opener !== undefined || inList) return true;
  // A bare imperative: the verb must be followed by what it acts on, so nouns ("Return labels are…") pass.
  return next !== undefined && (objects.has(next.toLowerCase()) || /^[*_"“{[<\uFFFC]/.test(next) || /ing$/.test(next));
}

/** Length of the opener `text` starts with, if any. */
function startsWith(text: string, entries: readonly PhraseEntry[]): number | undefined {
  const hit = findPhrases(text, entries, () => false)[0];
  return hit && hit.range[0] === 0 ? hit.range[1] : undefined;
}
