// One macro as rules see it: plain text with its blocks, sentences, words and placeholders as offsets.
// Segmentation is computed on first use and shared by every rule that asks.
import { getDialect, type Dialect } from './dialects.js';
import { BLOCK_SEPARATOR, OPAQUE, type MappedText, type TextBlock } from './mapped-text.js';
import { findPhrases, type PhraseEntry, type PhraseHit } from './phrases.js';
import { findPlaceholders, isNamePlaceholder } from './placeholders.js';

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
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

export class MacroDocument {
  readonly text: string;
  readonly blocks: readonly TextBlock[];
  readonly filePath: string;
  readonly title: string | undefined;
  readonly id: string | undefined;
  readonly dialect: Dialect;
  private cachedPlaceholders?: Placeholder[];
  private cachedSentences?: Sentence[];
  private cachedWords?: Word[];

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
  }

  get placeholders(): readonly Placeholder[] {
    this.cachedPlaceholders ??= findPlaceholders(this.text).map((p) => ({ ...p, isName: isNamePlaceholder(p.text) }));
    return this.cachedPlaceholders;
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
  findPhrases<E extends PhraseEntry>(entries: readonly E[]): PhraseHit<E>[] {
    return findPhrases(this.text, entries, (start, end) => this.isOpaque(start, end));
  }

  /** Whether `[start, end)` touches text no rule may treat as prose. */
  isOpaque(start: number, end: number): boolean {
    const slice = this.text.slice(start, end);
    if (slice.includes(OPAQUE) || slice.includes(BLOCK_SEPARATOR)) return true;
    return this.placeholders.some((p) => p.start < end && start < p.end);
  }

  private segmentSentences(): Sentence[] {
    const sentences: Sentence[] = [];
    this.blocks.forEach((block, index) => {
      const blockText = this.text.slice(block.start, block.end);
      // Masking line breaks and placeholders keeps a soft wrap or a `{{a.b}}` from ending a sentence.
      let masked = blockText.replace(/[\r\n]/g, ' ');
      for (const p of this.placeholders) {
        if (p.start >= block.start && p.end <= block.end) {
          masked = masked.slice(0, p.start - block.start) + 'x'.repeat(p.end - p.start) + masked.slice(p.end - block.start);
        }
      }
      for (const segment of sentenceSegmenter.segment(masked)) {
        const raw = blockText.slice(segment.index, segment.index + segment.segment.length);
        const lead = raw.length - raw.trimStart().length;
        const trimmed = raw.trim();
        if (!trimmed) continue;
        const start = block.start + segment.index + lead;
        sentences.push({ start, end: start + trimmed.length, text: trimmed, block: index });
      }
    });
    return sentences;
  }

  private segmentWords(): Word[] {
    const words: Word[] = [];
    const placeholders = this.placeholders;
    let next = 0;
    for (const m of this.text.matchAll(WORD)) {
      const start = m.index;
      while (next < placeholders.length && placeholders[next]!.end <= start) {
        const p = placeholders[next++]!;
        words.push({ start: p.start, end: p.end, text: p.text, lower: p.text.toLowerCase(), isPlaceholder: true });
      }
      const inside = next < placeholders.length && placeholders[next]!.start <= start;
      if (!inside) words.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase(), isPlaceholder: false });
    }
    for (const p of placeholders.slice(next)) {
      words.push({ start: p.start, end: p.end, text: p.text, lower: p.text.toLowerCase(), isPlaceholder: true });
    }
    return words;
  }
}
