// Flags the terms a team has decided never to send (config `vocabulary.reject`), like Vale's vocabularies:
// internal jargon, a retired product name, a word legal asked to avoid. Silent until a team lists some.
import type { Vocabulary } from '../src/engine/document.js';
import type { PhraseEntry } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';

/** One compiled list per vocabulary (it comes from a config), not one per macro. */
const compiled = new WeakMap<Vocabulary, PhraseEntry[]>();

export default defineRule({
  meta: {
    id: 'vocabulary',
    category: 'clarity',
    description: "Terms the team's vocabulary rejects",
    docs: 'docs/rules/vocabulary.md',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messages: {
      rejected:
        '"{{actual}}" is on your team\'s list of words not to use (vocabulary.reject in your config). Say it the way your customers would.',
    },
  },
  check(doc, report) {
    const { vocabulary } = doc;
    let entries = compiled.get(vocabulary);
    if (!entries) {
      entries = literalTerms(vocabulary.reject.filter((term) => !doc.isAccepted(term)));
      compiled.set(vocabulary, entries);
    }
    if (entries.length === 0) return;
    for (const hit of doc.findPhrases(entries)) report({ messageId: 'rejected', data: { actual: hit.actual }, range: hit.range });
  },
});

/**
 * Terms are literal text, whatever characters they hold ("FYI :(", "CSM|TAM"), with any white space
 * between words; the longest comes first, so "end user portal" is reported whole, not as "end user".
 */
function literalTerms(terms: readonly string[]): PhraseEntry[] {
  const sources = [...terms]
    .filter((term) => term.trim() !== '')
    .sort((a, b) => b.length - a.length)
    .map((term) => term.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join(String.raw`\s+`));
  return sources.length > 0 ? [{ regex: sources.join('|') }] : [];
}
