// Flags wording that puts the fault on the customer ("you forgot to", "user error", "as clearly stated").
// A customer who feels blamed stops listening; describing what happened keeps them on your side.
import { defineRule } from '../src/engine/rule.js';
import phrases from './avoid-blame.phrases.json' with { type: 'json' };

export default defineRule({
  meta: {
    id: 'avoid-blame',
    description: 'Wording that puts the fault on the customer',
    docs: 'docs/rules/avoid-blame.md',
    category: 'tone',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      blame: '"{{actual}}" blames the customer, which makes them defensive. {{advice}}',
    },
  },
  check(doc, report) {
    for (const hit of doc.findPhrases(phrases)) {
      const { advice, replacement } = hit.entry as { advice: string; replacement?: string };
      report({
        messageId: 'blame',
        data: { actual: hit.actual, advice, replacement },
        range: hit.range,
        suggestions: replacement
          ? [{ desc: 'Replace "{{actual}}" with "{{replacement}}"', fix: { range: hit.range, text: replacement } }]
          : [],
      });
    }
  },
});
