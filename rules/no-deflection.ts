// Flags hiding behind policy or someone else instead of owning the problem: "that's our policy", "out of our hands",
// "the courier is to blame", "we are not responsible for". To the customer it is all one service, and they want it fixed.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import { phraseToRegexSource, type PhraseEntry, type PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import data from './no-deflection.phrases.json' with { type: 'json' };
import { containsPhrase, insideQuotation, isHeading, sentenceOf } from './shared/text.js';

interface Entry extends PhraseEntry {
  kind: 'policy' | 'thirdParty' | 'noControl' | 'notOurs';
  /** Not reported when the rest of the clause names what the customer can do: "nothing we can do until you reply". */
  notFollowedInClauseBy?: PhraseEntry[];
  /** Not reported when the sentence goes on to own it: "That's our policy, but I've made an exception." */
  notFollowedInSentenceBy?: PhraseEntry[];
}

/** An entry as written in the JSON file, where `<party>` stands for any third party ("the courier", "your bank"). */
interface RawEntry extends PhraseEntry {
  kind: Entry['kind'];
  notFollowedInClauseBy?: string[];
  notFollowedInSentenceBy?: string[];
}

const partyPhrase = `(${data.thirdParties.join('|')})`;
const partyRegex = `(?:${data.thirdParties.map(phraseToRegexSource).join('|')})`;
const anyOf = (words: readonly string[] | undefined) => (words ? [{ match: words }] : undefined);
const phrases: Entry[] = (data.phrases as RawEntry[]).map((entry) => ({
  ...entry,
  match: entry.match?.map((m) => m.replaceAll('<party>', partyPhrase)),
  regex: entry.regex?.replaceAll('<party>', partyRegex),
  notFollowedInClauseBy: anyOf(entry.notFollowedInClauseBy),
  notFollowedInSentenceBy: anyOf(entry.notFollowedInSentenceBy),
}));
const ownership = [{ match: data.ownership }];

export default defineRule({
  meta: {
    id: 'no-deflection',
    description: 'Hiding behind policy or third parties instead of owning the problem',
    docs: 'docs/rules/no-deflection.md',
    category: 'tone',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messages: {
      policy:
        '"{{actual}}" hides behind policy, so the customer hears that the rules matter more than their problem. Give the reason in plain words and say what you can do, e.g. "Refunds close after 14 days, but here\'s what I can do: …".',
      thirdParty:
        '"{{actual}}" passes the problem to someone else, but to the customer it is all one service. Own it and say what you are doing, e.g. "I\'ve asked the courier to prioritise your parcel and will update you by Friday."',
      noControl:
        '"{{actual}}" tells the customer nobody can help, which leaves them on their own. Say what you can do in the meantime, e.g. "I\'m following this closely and will email you as soon as it moves."',
      notOurs:
        '"{{actual}}" disowns the problem, and the customer hears "not our problem". Leave out whose fault it is and say what happens next, e.g. "Here\'s how I\'ll put this right: …".',
    },
  },
  check(doc, report) {
    for (const hit of doc.findPhrases(phrases)) {
      const sentence = sentenceOf(doc, hit.range);
      if (!sentence || isHeading(doc, sentence) || insideQuotation(doc, hit.range[0])) continue;
      const rest = doc.text.slice(hit.range[1], sentence.end);
      const clauseRest = rest.split(/[,;:.!?()—–]/, 1)[0]!;
      if (containsPhrase(clauseRest, hit.entry.notFollowedInClauseBy)) continue;
      if (containsPhrase(rest, hit.entry.notFollowedInSentenceBy)) continue;
      report({
        messageId: hit.entry.kind,
        data: { actual: hit.actual },
        range: hit.range,
        suggestions: ownsItNext(doc, sentence, hit) ? [] : followUp(sentence),
      });
    }
  },
});

/** Whether the rest of the sentence or the next sentence already says what the agent will do. */
function ownsItNext(doc: MacroDocument, sentence: Sentence, hit: PhraseHit<Entry>): boolean {
  const next = doc.sentences[doc.sentences.indexOf(sentence) + 1];
  return (
    containsPhrase(doc.text.slice(hit.range[1], sentence.end), ownership) ||
    (next !== undefined && doc.blocks[next.block]!.kind !== 'heading' && containsPhrase(next.text, ownership))
  );
}

/** Adds "Here's what I can do: …" after a sentence that ends with its punctuation, for the agent to complete. */
function followUp(sentence: Sentence) {
  if (!/[.!?]["”’')\]]*$/.test(sentence.text)) return [];
  // The last character is rewritten rather than an empty range added after it: at the end of a paragraph an empty
  // range sits on the paragraph break, which a CRLF file does not write as the text has it, so it would be dropped.
  const fix = { range: [sentence.end - 1, sentence.end] as const, text: sentence.text.slice(-1) + data.followUp };
  return [{ desc: 'Follow it with what you will do about it', fix }];
}

