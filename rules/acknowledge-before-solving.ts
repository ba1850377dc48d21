// Flags a reply that gives instructions before it acknowledges the customer's situation or feelings.
// People take in a solution better once they feel heard: "I'm sorry…", "I can see why…", then the steps.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/engine/types.js';
import data from './acknowledge-before-solving.phrases.json' with { type: 'json' };
import { greetingLength, isInstruction } from './shared/instructions.js';

export default defineRule({
  meta: {
    id: 'acknowledge-before-solving',
    description: "Instructions that come before any acknowledgement of the customer's situation",
    docs: 'docs/rules/acknowledge-before-solving.md',
    category: 'tone',
    repliesOnly: true,
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messages: {
      solvingFirst:
        'The reply jumps to instructions before acknowledging how the customer feels. Open with a line such as "I\'m sorry you\'ve run into this" or "I can see why that\'s frustrating", so they feel heard before the steps.',
    },
  },
  check(doc, report) {
    // Only the first acknowledgement matters: any instruction after it is fine.
    const [acknowledgement] = doc.findPhrases(data.acknowledgements, 1);
    for (const sentence of doc.sentences) {
      if (doc.blocks[sentence.block]!.kind === 'heading') continue;
      if (acknowledgement && acknowledgement.range[0] < sentence.end) return;
      if (!isInstruction(doc, sentence)) continue;
      const inParagraph = doc.blocks[sentence.block]!.kind === 'paragraph';
      report({
        messageId: 'solvingFirst',
        range: [sentence.start, sentence.end],
        suggestions: inParagraph
          ? [{ desc: 'Add an acknowledgement before the instructions', fix: insertAcknowledgement(doc, sentence) }]
          : [],
      });
      return;
    }
  },
});

/**
 * Puts the acknowledgement where the instruction starts: before the sentence, or after a greeting that
 * opens it ("Hi {{name}}, please…" → "Hi {{name}}, I'm sorry you've run into this. Please…").
 */
function insertAcknowledgement(doc: MacroDocument, sentence: Sentence): Fix {
  const greeting = greetingLength(doc, sentence);
  if (greeting === 0 || greeting >= sentence.text.length) {
    return { range: [sentence.start, sentence.start], text: data.acknowledgement };
  }
  const at = sentence.start + greeting;
  return { range: [at, at + 1], text: data.acknowledgement + doc.text[at]!.toUpperCase() };
}
