// Small questions several rules ask of a sentence: is this offset quoted, does the sentence start here,
// does a text contain or start with one of a list's phrases. One definition each, shared.
import type { MacroDocument, Sentence } from '../../src/engine/document.js';
import { findPhrases, phraseAt, type PhraseEntry } from '../../src/engine/phrases.js';

/** A heading names the macro for agents ("# Refund – not eligible"); the customer reads the prose. */
export function isHeading(doc: MacroDocument, sentence: Sentence): boolean {
  return doc.blocks[sentence.block]!.kind === 'heading';
}

/** Whether `offset` opens its sentence: nothing but punctuation or symbols before it. */
export function atSentenceStart(doc: MacroDocument, offset: number): boolean {
  const sentence = doc.sentenceAt(offset);
  return sentence !== undefined && !/[\p{L}\p{N}]/u.test(doc.text.slice(sentence.start, offset));
}

/**
 * Whether `offset` sits inside double quotation marks that open in its sentence and close later in its
 * block: words the reply quotes ("You wrote "I can't sign in"", an error message), not the agent's own.
 */
export function insideQuotation(doc: MacroDocument, offset: number): boolean {
  const sentence = doc.sentenceAt(offset);
  if (!sentence) return false;
  const before = doc.text.slice(sentence.start, offset);
  const after = doc.text.slice(offset, doc.blocks[sentence.block]!.end);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1 && after.includes('"');
  const curly = (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length && after.includes('”');
  return straight || curly;
}

export function containsPhrase(text: string, entries: readonly PhraseEntry[] | undefined): boolean {
  return entries !== undefined && findPhrases(text, entries, () => false, 1).length > 0;
}

/** Length of the phrase from `entries` that `text` starts with, if any. */
export function phraseAtStart(text: string, entries: readonly PhraseEntry[]): number | undefined {
  return phraseAt(text, entries, 0)?.range[1];
}

/** The sentence a phrase lies in, when it lies within one. */
export function sentenceOf(doc: MacroDocument, [start, end]: readonly [number, number]): Sentence | undefined {
  const sentence = doc.sentenceAt(start);
  return sentence && end <= sentence.end ? sentence : undefined;
}
