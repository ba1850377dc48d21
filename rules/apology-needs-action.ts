// Flags an apology ("I'm sorry…", "we apologise…", "my apologies") that no commitment ("I've…", "I'll…", steps) backs up.
// Sorry on its own is sympathy; the customer also needs to hear what you have done or will do about it.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import { findPhrases, type PhraseEntry, type PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import type { Suggestion } from '../src/engine/types.js';
import data from './apology-needs-action.phrases.json' with { type: 'json' };

const softenedNo: PhraseEntry[] = data.softenedNo;
/** A clause break after the apology: punctuation, or "and/but/so" starting a new clause. */
const REASON_END = /[,;:—–]|\s(?:and|but|so)\s/;
/** A sentence a suggestion can be appended to: it ends with its own punctuation. */
const ENDS_SENTENCE = /[.!?]["”’)]*$/;

export default defineRule({
  meta: {
    id: 'apology-needs-action',
    description: 'Apologies that no commitment to act backs up',
    docs: 'docs/rules/apology-needs-action.md',
    category: 'tone',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messages: {
      noAction:
        '"{{apology}}" is not backed by anything you have done or will do about it, so it reads as sympathy without help. Say what you are doing, e.g. "I\'ve refunded the charge" or "I\'ll update you by Friday".',
      softenedNo:
        '"{{apology}}" softens a no but offers nothing in its place, so the customer is left with the no. Follow it with what you can do instead, e.g. "What I can do is…" or "I\'ll set a reminder to…".',
    },
  },
  check(doc, report) {
    const apologies = doc.findPhrases(data.apologies);
    if (apologies.length === 0) return;
    const notApologies = doc.findPhrases(data.notApologies);
    const commitments = doc.findPhrases(data.commitments);
    const sentences = doc.sentences.filter((s) => doc.blocks[s.block]!.kind !== 'heading');
    const reported = new Set<Sentence>(); // one finding per sentence: "I'm sorry, and we apologise…"
    for (const hit of apologies) {
      if (notApologies.some((x) => x.range[0] < hit.range[1] && hit.range[0] < x.range[1])) continue;
      const index = sentences.findIndex((s) => s.start <= hit.range[0] && hit.range[1] <= s.end);
      const sentence = sentences[index];
      if (!sentence || reported.has(sentence) || quoted(sentence, hit)) continue;
      const refusal = findPhrases(doc.text.slice(hit.range[1], hit.range[1] + 40), softenedNo, () => false, 1).length > 0;
      const end = windowEnd(doc, sentences, index, refusal);
      // What the apology is for ("sorry we sent the wrong size") is not what you are doing about it.
      const reason = reasonEnd(sentence, hit);
      const answers = (c: PhraseHit) => c.range[0] < end && (c.range[0] < hit.range[1] || c.range[0] >= reason);
      if (commitments.some(answers) || stepsFollow(doc, sentences, index, end)) continue;
      reported.add(sentence);
      report({
        messageId: refusal ? 'softenedNo' : 'noAction',
        data: { apology: hit.actual },
        range: hit.range,
        suggestions: refusal
          ? suggestAction(sentence, 'Add what you can do instead after the apology', data.addAlternative)
          : suggestAction(sentence, 'Add what you will do after the apology', data.addAction),
      });
    }
  },
});

/**
 * How far a commitment may come and still answer the apology; anything earlier counts too. A "sorry, but no"
 * needs its alternative in the same or the next sentence, or the no stands alone. Other apologies often open a
 * paragraph or two of explanation before the fix, so a commitment anywhere later in the reply answers them.
 */
function windowEnd(doc: MacroDocument, sentences: readonly Sentence[], index: number, refusal: boolean): number {
  if (!refusal) return doc.text.length;
  return sentences[index + 1]?.end ?? sentences[index]!.end;
}

/** A numbered or bulleted list within reach, or right after the one sentence that introduces it ("Here's how:"). */
function stepsFollow(doc: MacroDocument, sentences: readonly Sentence[], index: number, end: number): boolean {
  const inList = (s: Sentence | undefined) => s !== undefined && doc.blocks[s.block]!.kind === 'listItem';
  const next = sentences[index + 1];
  if (next?.text.endsWith(':') && inList(sentences[index + 2])) return true;
  return sentences.slice(index + 1).some((s) => s.start < end && inList(s));
}

/** Where the words after the apology stop saying what it is for: the next clause break or the sentence end. */
function reasonEnd(sentence: Sentence, hit: PhraseHit): number {
  const after = sentence.text.slice(hit.range[1] - sentence.start);
  const clauseBreak = REASON_END.exec(after);
  return clauseBreak ? hit.range[1] + clauseBreak.index : sentence.end;
}

/** Inside quotation marks: an error message or a label the reply cites ("Sorry, something went wrong"). */
function quoted(sentence: Sentence, hit: PhraseHit): boolean {
  const before = sentence.text.slice(0, hit.range[0] - sentence.start);
  const straight = before.split('"').length - 1;
  const opening = before.split('“').length - 1;
  const closing = before.split('”').length - 1;
  return straight % 2 === 1 || opening > closing;
}

function suggestAction(sentence: Sentence, desc: string, text: string): Suggestion[] {
  if (!ENDS_SENTENCE.test(sentence.text)) return [];
  return [{ desc, fix: { range: [sentence.end, sentence.end], text: ` ${text}` } }];
}
