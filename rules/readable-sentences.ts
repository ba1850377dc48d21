// Flags sentences longer than `max` words and paragraphs of more than `maxSentencesPerParagraph` sentences.
// Customers read replies on phones and under stress: a long sentence or a wall of text gets skimmed, and steps get missed.
import { ADDRESS_HINT, type MacroDocument, type Sentence, type Word } from '../src/engine/document.js';
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/engine/types.js';
import { greetingLength } from './shared/instructions.js';

export default defineRule({
  meta: {
    id: 'readable-sentences',
    description: 'Sentences too long to follow and paragraphs with too many sentences',
    docs: 'docs/rules/readable-sentences.md',
    category: 'clarity',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messages: {
      longSentence:
        'This sentence has {{count}} words (the limit is {{max}}). A customer can lose the thread of a long sentence and miss what they need to do; split it into two or three shorter ones.',
      longParagraph:
        'This paragraph has {{count}} sentences (the limit is {{max}}). A block this long is easy to skim past; break it into shorter paragraphs, or put steps in a list.',
    },
    defaultOptions: { max: 35, maxSentencesPerParagraph: 6 },
  },
  check(doc, report, { max, maxSentencesPerParagraph }) {
    const sentences = readSentences(doc);
    for (const sentence of sentences) {
      const kind = doc.blocks[sentence.block]!.kind;
      if (kind === 'heading' || kind === 'tableCell') continue;
      for (const [start, end] of linesOf(doc, sentence)) {
        // A greeting that opens the sentence ("Hi {{name}}, …") is not part of what the customer has to follow.
        const from = start + greetingLength(doc, { start, end, text: doc.text.slice(start, end), block: sentence.block });
        const count = countWords(doc, [from, end]);
        if (count > max) report({ messageId: 'longSentence', data: { count, max }, range: [from, end] });
      }
    }
    for (const [start, end] of paragraphs(doc)) {
      const count = sentences.filter((s) => s.start >= start && s.end <= end && endsLikeSentence(doc, s)).length;
      if (count > maxSentencesPerParagraph) {
        report({ messageId: 'longParagraph', data: { count, max: maxSentencesPerParagraph }, range: [start, end] });
      }
    }
  },
});

/**
 * Paragraphs as the customer sees them. A blank line made of hard breaks (`\` lines) shows as a paragraph
 * break but stays inside one block, so blocks are cut at blank lines too. List items are not paragraphs.
 */
function paragraphs(doc: MacroDocument): Range[] {
  const found: Range[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    let start = block.start;
    for (const m of doc.text.slice(block.start, block.end).matchAll(/\n[^\S\n]*\n\s*/g)) {
      found.push([start, block.start + m.index]);
      start = block.start + m.index + m[0].length;
    }
    found.push([start, block.end]);
  }
  return found.filter(([s, e]) => e > s);
}

/**
 * Abbreviations that are followed by a capital mid-sentence ("Mr. Lee", "e.g. Settings"), where the segmenter
 * wrongly ends a sentence. Those usually followed by a number or a lower-case word ("approx. 3", "etc. and")
 * are mended by the lower-case rule, so a sentence-ending "etc." or "p.m." still ends it.
 */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|approx|mr|mrs|ms|mx|dr|prof)\.$/i;
/** A bare web address or e-mail address: read as one word, never a sentence boundary. */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>()\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** The addresses in `text` (which starts at `offset`), as ranges; the hint spares most texts the scan. */
function addressesIn(text: string, offset: number): (readonly [number, number])[] {
  if (!ADDRESS_HINT.test(text)) return [];
  return [...text.matchAll(ADDRESS)].map((m) => [offset + m.index, offset + m.index + m[0].length] as const);
}

/**
 * The document's sentences, with the segmenter's false breaks mended: after an abbreviation, inside a
 * web address, or before a word in lower case ("approx. 3 days", "…/help?topic=refunds").
 */
function readSentences(doc: MacroDocument): Sentence[] {
  const addresses = addressesIn(doc.text, 0);
  const merged: Sentence[] = [];
  for (const sentence of doc.sentences) {
    const previous = merged.at(-1);
    const joins =
      previous !== undefined &&
      previous.block === sentence.block &&
      (ABBREVIATION.test(previous.text) ||
        /^[\p{Ll}\p{N}]/u.test(sentence.text) ||
        addresses.some(([start, end]) => start < previous.end && previous.end < end));
    if (joins) {
      merged[merged.length - 1] = { ...previous, end: sentence.end, text: doc.text.slice(previous.start, sentence.end) };
    } else merged.push({ ...sentence });
  }
  return merged;
}

/** A line that starts a new item: a capital (not "I"), an emoji, a bullet character or "2)". */
const LINE_START = /^(?:(?!I\b|I['’])[\p{Lu}\p{Extended_Pictographic}]|[•·▪►✓✔→]|\d+[.)]\s)/u;

/**
 * A sentence split where a line ends without punctuation and the next starts a new thought in capitals:
 * lines of details ("Order: …\nRefund: …") or a hard line break are read one at a time, not as one sentence.
 */
function linesOf(doc: MacroDocument, sentence: Sentence): Range[] {
  const pieces: Range[] = [];
  let start = sentence.start;
  for (const m of sentence.text.matchAll(/[^\S\n]*\n\s*/g)) {
    const before = sentence.text.slice(0, m.index);
    const after = sentence.text.slice(m.index + m[0].length);
    if (/[\p{L}\p{N}:)]$/u.test(before) && LINE_START.test(after)) {
      pieces.push([start, sentence.start + m.index]);
      start = sentence.start + m.index + m[0].length;
    }
  }
  pieces.push([start, sentence.end]);
  return pieces.filter(([s, e]) => e > s);
}

/**
 * Words a customer reads in `range`: a placeholder or a web address counts once, and of the branches of
 * a Liquid `{% if %}…{% else %}…{% endif %}` only the longest.
 */
function countWords(doc: MacroDocument, [from, end]: Range): number {
  const addresses = addressesIn(doc.text.slice(from, end), from);
  // One frame per open `{% if %}`: the word count of each branch so far.
  const stack: number[][] = [[0]];
  let lastAddress = -1;
  for (const word of wordsIn(doc, from, end)) {
    const branches = stack.at(-1)!;
    if (word.isPlaceholder && word.text.startsWith('{%')) {
      const tag = /^\{%-?\s*(\w+)/.exec(word.text)?.[1]?.toLowerCase() ?? '';
      if (/^(?:if|unless|case)$/.test(tag)) stack.push([0]);
      else if (/^(?:else|elsif|when)$/.test(tag)) branches.push(0);
      else if (/^(?:endif|endunless|endcase)$/.test(tag) && stack.length > 1) {
        stack.pop();
        stack.at(-1)![stack.at(-1)!.length - 1]! += Math.max(...branches);
      }
      continue;
    }
    const address = addresses.findIndex(([s, e]) => word.start < e && s < word.end);
    if (address >= 0 && address === lastAddress) continue;
    lastAddress = address;
    branches[branches.length - 1]! += 1;
  }
  // An `{% if %}` left open: count its longest branch.
  while (stack.length > 1) {
    const branches = stack.pop()!;
    stack.at(-1)![stack.at(-1)!.length - 1]! += Math.max(...branches);
  }
  return stack[0]![0]!;
}

function wordsIn(doc: MacroDocument, start: number, end: number): Word[] {
  return doc.words.filter((w) => w.start >= start && w.end <= end);
}

/** Whether a sentence counts towards a paragraph's length: it ends like one, or is more than a sign-off. */
function endsLikeSentence(doc: MacroDocument, sentence: Sentence): boolean {
  return /[.!?…]["'”’)\]*_]*\s*\p{Extended_Pictographic}*$/u.test(sentence.text) || wordsIn(doc, sentence.start, sentence.end).length > 4;
}
