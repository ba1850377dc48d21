// One macro as rules see it: plain text with its blocks, sentences, words and placeholders as offsets.
// Segmentation is computed on first use and shared by every rule that asks.
import { getDialect, type Dialect } from './dialects.js';
import { BLOCK_SEPARATOR, OPAQUE, type MappedText, type TextBlock } from './mapped-text.js';
import { findPhrases, type PhraseEntry, type PhraseHit } from './phrases.js';
import { findPlaceholders, isNamePlaceholder } from './placeholders.js';
import { plainSentences } from './sentence-breaks.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  /** Index into `doc.blocks`. */
  block: number;
}

export interface Word extends Span {
  /** Lower-case form, for comparisons. */
  lower: string;
  isPlaceholder: boolean;
}

export interface Placeholder extends Span {
  /** Stands for the customer's name. */
  isName: boolean;
}

export interface DocumentInfo {
  filePath: string;
  title?: string;
  id?: string;
  /** The helpdesk whose placeholders the macro uses (config `dialect`, or guessed per file). */
  dialect?: Dialect;
  /** The team's vocabulary (config `vocabulary`). */
  vocabulary?: Vocabulary;
}

export interface Vocabulary {
  /** Words always allowed (product names, acronyms in capitals). */
  accept: readonly string[];
  /** Terms the team never wants. */
  reject: readonly string[];
}

const NO_VOCABULARY: Vocabulary = { accept: [], reject: [] };

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * Text the segmenter would return whole: no sentence terminator (Unicode's Sentence_Terminal, and the
 * full stops among its ATerm) or paragraph separator, except one terminator at the very end, followed
 * by nothing but closing quotes and brackets, then spaces. Over half of all blocks (greetings, list
 * items, short paragraphs) are one sentence, and asking ICU costs more than the rest of segmenting them.
 */
const ONE_SENTENCE = /^[^\p{Sentence_Terminal}\u2024\uFE52\uFF0E\u0085\u2028\u2029]*(?:[\p{Sentence_Terminal}\u2024\uFE52\uFF0E]["'’”)\]}»]*[ \t]*)?$/u;

/** Whether Intl.Segmenter would find one sentence in `text` (a block, line breaks masked). Exported for tests. */
export const isOneSentence = (text: string): boolean => ONE_SENTENCE.test(text);

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
/** Bare web addresses and email addresses: one token each, never prose (link URLs are already dropped). */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"“”'‘’()[\]{}]+[^\s<>"“”'‘’()[\]{}.,;:!?]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/**
 * What every web or e-mail address holds. Most macros have none, and looking for these first costs a
 * tenth of the address regex's scan of the whole text.
 */
export const ADDRESS_HINT = /@|https?:\/\/|www\./iu;
/** A sentence the segmenter ends after one of these ("Mr. Lee", "e.g. the app") goes on. */
const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|mx|dr|prof|st|e\.g|i\.e|vs|approx|no|nos|ref|fig|cf)\.$/i;

export class MacroDocument {
  readonly text: string;
  readonly blocks: readonly TextBlock[];
  readonly filePath: string;
  readonly title: string | undefined;
  readonly id: string | undefined;
  readonly dialect: Dialect;
  readonly vocabulary: Vocabulary;
  private cachedPlaceholders?: Placeholder[];
  private cachedSentences?: Sentence[];
  private cachedWords?: Word[];
  private cachedAddresses?: Span[];
  private cachedTokens?: Span[];

  constructor(
    readonly mapped: MappedText,
    info: DocumentInfo,
  ) {
    this.text = mapped.text;
    this.blocks = mapped.blocks;
    this.filePath = info.filePath;
    this.title = info.title;
    this.id = info.id;
    this.dialect = info.dialect ?? getDialect('generic');
    this.vocabulary = info.vocabulary ?? NO_VOCABULARY;
  }

  /** Whether the team's vocabulary always allows this word (any case). */
  isAccepted(word: string): boolean {
    const lower = word.toLowerCase();
    return this.vocabulary.accept.some((accepted) => accepted.toLowerCase() === lower);
  }

  get placeholders(): readonly Placeholder[] {
    this.cachedPlaceholders ??= findPlaceholders(this.text).map((p) => ({ ...p, isName: isNamePlaceholder(p.text) }));
    return this.cachedPlaceholders;
  }

  /** Bare URLs and email addresses in the text. */
  get addresses(): readonly Span[] {
    this.cachedAddresses ??= ADDRESS_HINT.test(this.text)
      ? [...this.text.matchAll(ADDRESS)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))
      : [];
    return this.cachedAddresses;
  }

  /** Sentences, never crossing a block. Line breaks inside a paragraph do not end a sentence. */
  get sentences(): readonly Sentence[] {
    this.cachedSentences ??= this.segmentSentences();
    return this.cachedSentences;
  }

  /** The sentence that contains `offset`, if any (offsets between sentences belong to none). */
  sentenceAt(offset: number): Sentence | undefined {
    const sentences = this.sentences;
    let low = 0;
    let high = sentences.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) high = mid - 1;
      else if (offset >= s.end) low = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** Words in order; each placeholder is one word. */
  get words(): readonly Word[] {
    this.cachedWords ??= this.segmentWords();
    return this.cachedWords;
  }

  /** Matches of a phrase list, skipping any that would run into a placeholder, a code span or another block. */
  findPhrases<E extends PhraseEntry>(entries: readonly E[], limit?: number): PhraseHit<E>[] {
    return findPhrases(this.text, entries, (start, end) => this.isOpaque(start, end), limit);
  }

  /** Whether `[start, end)` touches text no rule may treat as prose: code, a placeholder, an address, another block. */
  isOpaque(start: number, end: number): boolean {
    const slice = this.text.slice(start, end);
    if (slice.includes(OPAQUE) || slice.includes(BLOCK_SEPARATOR)) return true;
    return this.tokens().some((t) => t.start < end && start < t.end);
  }

  /** Placeholders and addresses: each stays one word and never ends a sentence. */
  private tokens(): readonly Span[] {
    this.cachedTokens ??= [...this.placeholders, ...this.addresses].sort((a, b) => a.start - b.start);
    return this.cachedTokens;
  }

  private segmentSentences(): Sentence[] {
    const sentences: Sentence[] = [];
    const tokens = this.tokens();
    this.blocks.forEach((block, index) => {
      const blockText = this.text.slice(block.start, block.end);
      // Masking line breaks, placeholders and addresses keeps a soft wrap, a `{{a.b}}` or a URL's dots from ending a sentence.
      let masked = blockText.replace(/[\r\n]/g, ' ');
      for (const t of tokens) {
        if (t.start >= block.start && t.end <= block.end) {
          masked = masked.slice(0, t.start - block.start) + 'x'.repeat(t.end - t.start) + masked.slice(t.end - block.start);
        }
      }
      let open: { start: number; end: number } | undefined;
      const close = () => {
        if (!open) return;
        const text = this.text.slice(open.start, open.end);
        sentences.push({ start: open.start, end: open.end, text, block: index });
        open = undefined;
      };
      // One sentence, or plain English text, needs no ICU (see sentence-breaks.ts); the segmenter reads the rest.
      const segments = isOneSentence(masked) ? [{ index: 0, segment: masked }] : (plainSentences(masked) ?? sentenceSegmenter.segment(masked));
      for (const segment of segments) {
        const raw = blockText.slice(segment.index, segment.index + segment.segment.length);
        const trimmed = raw.trim();
        if (!trimmed) continue;
        const start = block.start + segment.index + (raw.length - raw.trimStart().length);
        const end = start + trimmed.length;
        if (open && ABBREVIATION.test(this.text.slice(open.start, open.end))) open.end = end;
        else {
          close();
          open = { start, end };
        }
      }
      close();
    });
    return sentences;
  }

  private segmentWords(): Word[] {
    const words: Word[] = [];
    const tokens = this.tokens();
    const isPlaceholder = new Set(this.placeholders);
    const token = (t: Span): Word => ({ start: t.start, end: t.end, text: t.text, lower: t.text.toLowerCase(), isPlaceholder: isPlaceholder.has(t as Placeholder) });
    let next = 0;
    for (const m of this.text.matchAll(WORD)) {
      const start = m.index;
      while (next < tokens.length && tokens[next]!.end <= start) words.push(token(tokens[next++]!));
      const inside = next < tokens.length && tokens[next]!.start <= start;
      if (!inside) words.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase(), isPlaceholder: false });
    }
    for (const t of tokens.slice(next)) words.push(token(t));
    return words;
  }
}
