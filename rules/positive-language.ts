// Flags negative framing from the agent or the company: "Unfortunately,", "we can't", "we're unable to", "it isn't possible".
// Customers remember the closed door; leading with what you can do turns the same facts into a way forward.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import type { PhraseEntry, PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import type { Fix, Report } from '../src/engine/types.js';
import data from './positive-language.phrases.json' with { type: 'json' };
import { containsPhrase, insideQuotation, isHeading, sentenceOf } from './shared/text.js';

interface Entry extends PhraseEntry {
  kind: 'opener' | 'refusal';
  /** Not reported inside a condition: "If we can't reach you, …" plans for a case, it refuses nothing. */
  skipInCondition?: boolean;
  /** Not reported after an empathy lead: "I know it's impossible to plan around an outage." */
  skipAfterEmpathy?: boolean;
}

const phrases = data.phrases as Entry[];
const anyOf = (words: readonly string[]): PhraseEntry[] => [{ match: words }];
const conditions = anyOf(data.conditions);
const empathyLeads = anyOf(data.empathyLeads);
const offers = anyOf(data.offers);

export default defineRule({
  meta: {
    id: 'positive-language',
    description: 'Negative framing where a positive one exists: "unfortunately", "we can\'t", "not possible"',
    docs: 'docs/rules/positive-language.md',
    category: 'tone',
    defaultSeverity: 'warn',
    fixable: true,
    hasSuggestions: true,
    messages: {
      opener:
        '"{{actual}}" announces bad news before the customer hears what you can do. Leave it out: the facts and your next step carry the message on their own.',
      refusal:
        '"{{actual}}" puts what can\'t be done first, so the reply reads as a closed door. Lead with what you can do, e.g. "What I can do is …", and keep the limit as a short reason.',
    },
  },
  check(doc, report) {
    for (const hit of doc.findPhrases(phrases)) {
      const sentence = sentenceOf(doc, hit.range);
      if (!sentence || isHeading(doc, sentence) || insideQuotation(doc, hit.range[0])) continue;
      const before = clauseBefore(doc, sentence, hit.range[0]);
      if (hit.entry.skipInCondition && containsPhrase(before, conditions)) continue;
      if (hit.entry.skipAfterEmpathy && containsPhrase(before, empathyLeads)) continue;
      if (hit.entry.kind === 'opener') reportOpener(doc, sentence, hit, report);
      else reportRefusal(doc, sentence, hit, report);
    }
  },
});

/**
 * "Unfortunately, we …" opening a sentence is dropped by --fix ("We …"). Anywhere else, or without its comma
 * ("Unfortunately for us"), taking the word out is only a suggestion.
 */
function reportOpener(doc: MacroDocument, sentence: Sentence, hit: PhraseHit<Entry>, report: Report): void {
  const removal = removeOpener(doc, sentence, hit.range);
  report({
    messageId: 'opener',
    data: { actual: hit.actual },
    range: hit.range,
    ...(removal?.safe
      ? { fix: removal.fix }
      : { suggestions: removal ? [{ desc: 'Remove "{{actual}}"', fix: removal.fix }] : [] }),
  });
}

function removeOpener(
  doc: MacroDocument,
  sentence: Sentence,
  [start, end]: readonly [number, number],
): { fix: Fix; safe: boolean } | undefined {
  const before = doc.text.slice(sentence.start, start);
  const after = doc.text.slice(end, sentence.end);
  if (before === '') {
    const gap = /^(,?)\s+/.exec(after);
    if (!gap) return undefined;
    const next = doc.text.slice(end + gap[0].length);
    const word = /^[\p{L}\p{N}'’-]+/u.exec(next)?.[0] ?? '';
    if (gap[1] === '' && /^(?:for|enough)$/i.test(word)) return undefined;
    // Capitalise the new first word, but leave names such as "iPhone" and "eBay" as they are written.
    const recase = /^\p{Ll}[^\p{Lu}]*$/u.test(word);
    const cut = end + gap[0].length;
    const fix: Fix = recase ? { range: [start, cut + 1], text: word[0]!.toUpperCase() } : { range: [start, cut], text: '' };
    return { fix, safe: gap[1] === ',' };
  }
  const commaBefore = /,\s*$/.exec(before)?.[0].length ?? 0;
  const commaAfter = /^\s*,\s*/.exec(after)?.[0] ?? '';
  const spaceAfter = /^\s+/.exec(after)?.[0] ?? '';
  let range: readonly [number, number];
  if (commaBefore && commaAfter) range = [start - commaBefore, end + commaAfter.trimEnd().length]; // "The parcel, sadly, was"
  else if (commaBefore && /^\s*[.!?;:]/.test(after)) range = [start - commaBefore, end]; // "It was lost, sadly."
  else if (commaAfter) range = [start, end + commaAfter.length]; // "but unfortunately, we"
  else if (spaceAfter) range = [start, end + spaceAfter.length]; // "was sadly lost"
  else range = [start - (/\s+$/.exec(before)?.[0].length ?? 0), end]; // "It was lost unfortunately."
  return { fix: { range, text: '' }, safe: false };
}

/** A refusal gets a suggestion to follow it with an offer, unless the sentence or the next one already makes one. */
function reportRefusal(doc: MacroDocument, sentence: Sentence, hit: PhraseHit<Entry>, report: Report): void {
  const next = doc.sentences[doc.sentences.indexOf(sentence) + 1];
  const offered =
    containsPhrase(doc.text.slice(hit.range[1], sentence.end), offers) ||
    (next !== undefined && doc.blocks[next.block]!.kind !== 'heading' && containsPhrase(next.text, offers));
  const endsSentence = /[.!?]["”’')\]]*$/.test(sentence.text);
  report({
    messageId: 'refusal',
    data: { actual: hit.actual },
    range: hit.range,
    suggestions:
      offered || !endsSentence
        ? []
        : [{ desc: 'Follow it with what you can do', fix: appendTo(sentence, data.followUp) }],
  });
}

/**
 * Adds `text` after the sentence by rewriting its last character: an empty range at the end of a paragraph would
 * sit on the paragraph break, which a CRLF file does not write as the text has it, so the engine would drop it.
 */
function appendTo(sentence: Sentence, text: string): Fix {
  return { range: [sentence.end - 1, sentence.end], text: sentence.text.slice(-1) + text };
}

/** The words between the start of the hit's clause and the hit. */
function clauseBefore(doc: MacroDocument, sentence: Sentence, offset: number): string {
  return doc.text.slice(sentence.start, offset).split(/[,;:()—–]/).pop() ?? '';
}

