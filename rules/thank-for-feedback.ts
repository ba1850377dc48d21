// Flags a reply to the customer's feedback, review, suggestion or idea that never thanks them for it.
// Feedback takes time to write; a reply that files it without a thank-you tells them it wasn't welcome.
import type { MacroDocument } from '../src/engine/document.js';
import type { PhraseEntry, PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import data from './thank-for-feedback.phrases.json' with { type: 'json' };

/** `<qualifier>` in an entry stands for any of the words that may describe the feedback ("your lovely review"). */
const qualifier = (syntax: 'phrase' | 'regex') =>
  syntax === 'phrase'
    ? `(${data.qualifiers.join('|')})`
    : `(?:${data.qualifiers.map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})`;
const mentions: PhraseEntry[] = data.mentions.map((entry) => ({
  ...entry,
  ...('match' in entry && entry.match ? { match: entry.match.map((m) => m.replaceAll('<qualifier>', qualifier('phrase'))) } : {}),
  ...('regex' in entry && entry.regex ? { regex: entry.regex.replaceAll('<qualifier>', qualifier('regex')) } : {}),
}));
/** What the customer sent, as the mention names it: "your 2-star review" → "review". */
const NOUN = new RegExp(`\\b(${data.nouns.join('|')})\\b`, 'i');
const signOffWords = data.signOffWords.map((w) => w.replace(/ /g, '\\s+')).join('|');
/** What may follow "Thanks" when it closes the reply above the agent's name: "Thanks again,⏎{{agent}}". */
const SIGN_OFF_TAIL = new RegExp(`^(?:\\s+(?:${signOffWords}))?\\s*[,—–-]?[^\\S\\n]*(?:\\n|$)`, 'i');

export default defineRule({
  meta: {
    id: 'thank-for-feedback',
    description: "Replies to the customer's feedback, review or suggestion that don't thank them for it",
    docs: 'docs/rules/thank-for-feedback.md',
    category: 'tone',
    repliesOnly: true,
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messages: {
      noThanks:
        'This reply answers the customer\'s {{noun}} but never thanks them for it. They took time to write it, and thanks show it was welcome rather than just filed; add a line such as "Thank you for your {{noun}}."',
    },
  },
  check(doc, report) {
    if (doc.findPhrases(data.thanks).some((hit) => !isSignOff(doc, hit))) return;
    const mention = doc
      .findPhrases(mentions)
      .find((hit) => doc.blocks.some((b) => b.kind !== 'heading' && b.start <= hit.range[0] && hit.range[1] <= b.end));
    if (!mention) return;
    const noun = NOUN.exec(mention.actual)?.[1]?.toLowerCase() ?? 'feedback';
    report({ messageId: 'noThanks', data: { noun }, range: mention.range });
  },
});

/**
 * "Thanks,⏎{{current_user.first_name}}": a valediction above the agent's name, not thanks for the feedback.
 * It opens a line, ends it (with a comma or dash at most), and only a name or two follows in its paragraph.
 */
function isSignOff(doc: MacroDocument, hit: PhraseHit): boolean {
  const [start, end] = hit.range;
  if (start > 0 && doc.text[start - 1] !== '\n') return false;
  const tail = SIGN_OFF_TAIL.exec(doc.text.slice(end));
  if (!tail) return false;
  const block = doc.blocks.find((b) => b.start <= start && end <= b.end)!;
  const rest = doc.words.filter((w) => w.start >= end + tail[0].length && w.end <= block.end);
  return rest.length <= 4;
}
