// Linted text built piece by piece, remembering for every character where it came from in the source.
// Formats (Markdown, JSON, HTML) build one of these per macro; the engine maps rule ranges back through it.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Range } from './types.js';

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell';

export interface TextBlock {
  kind: BlockKind;
  start: number;
  end: number;
  /** For list items: whether the list is numbered (a sequence of steps). */
  ordered: boolean;
}

/** Stands in for content that is not prose (an inline code span, an image): one opaque character. */
export const OPAQUE = '\uFFFC';

/** Separates blocks in the text; never part of a sentence or a phrase match. */
export const BLOCK_SEPARATOR = '\n\n';

/** What pushDecoded must look at character by character: an escape, a character reference, a CR. */
const VERBATIM_BREAKER = /[\\&\r]/;

export class MappedTextBuilder {
  private text = '';
  /** Where each text character starts and ends in the source (an escape or a reference spans several). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly blocks: TextBlock[] = [];
  private openBlock: TextBlock | undefined;

  constructor(private readonly source: string) {}

  startBlock(kind: BlockKind, ordered = false): void {
    this.endBlock();
    if (this.blocks.length > 0) this.pushSynthetic(BLOCK_SEPARATOR, this.lastOffset() + 1);
    this.openBlock = { kind, ordered, start: this.text.length, end: this.text.length };
  }

  /** Ends the open block and starts another of the same kind (a paragraph break inside a list item stays in the list). */
  splitBlock(): void {
    const block = this.openBlock;
    if (block) this.startBlock(block.kind, block.ordered);
  }

  endBlock(): void {
    const block = this.openBlock;
    if (!block) return;
    this.openBlock = undefined;
    block.end = this.text.length;
    if (block.end > block.start && this.text.slice(block.start).trim() !== '') {
      this.blocks.push(block);
      return;
    }
    // Nothing worth linting: roll back the block and its separator.
    const cut = this.blocks.length > 0 ? block.start - BLOCK_SEPARATOR.length : block.start;
    this.text = this.text.slice(0, cut);
    this.starts.length = cut;
    this.ends.length = cut;
  }

  /** Text that appears in the source exactly as written, starting at `sourceOffset`. */
  pushVerbatim(value: string, sourceOffset: number): void {
    for (let i = 0; i < value.length; i++) {
      this.starts.push(sourceOffset + i);
      this.ends.push(sourceOffset + i + 1);
    }
    this.text += value;
  }

  /** Text that stands for the source `[sourceStart, sourceEnd)` but is not written there as is. */
  pushSynthetic(value: string, sourceStart: number, sourceEnd = sourceStart): void {
    for (let i = 0; i < value.length; i++) {
      this.starts.push(sourceStart);
      this.ends.push(sourceEnd);
    }
    this.text += value;
  }

  /**
   * A decoded value (escapes and character references resolved, line prefixes such as `> ` dropped)
   * whose source is `[sourceStart, sourceEnd)`: each character is matched to where it is written.
   */
  pushDecoded(value: string, sourceStart: number, sourceEnd: number): void {
    const src = this.source;
    // Most text is written in the source just as the parser gives it (no escape, reference or CR): the
    // loop below would map each character to where it stands, so it goes in as one run instead.
    if (sourceEnd - sourceStart === value.length && !VERBATIM_BREAKER.test(value) && src.startsWith(value, sourceStart)) {
      this.pushVerbatim(value, sourceStart);
      return;
    }
    let p = sourceStart;
    let i = 0;
    while (i < value.length) {
      const ch = value[i]!;
      if (p >= sourceEnd) {
        this.pushSynthetic(value.slice(i), Math.max(sourceStart, sourceEnd - 1));
        return;
      }
      // Escapes and references first: a `\\` or `&` that starts one is not the character itself.
      if (src[p] === '\\' && src[p + 1] === ch) {
        this.pushSynthetic(ch, p, p + 2);
        i++;
        p += 2;
        continue;
      }
      if (src[p] === '&') {
        // A character reference the parser decoded. Parsers differ on a few (`&#128;` is U+FFFD in
        // Markdown, `€` in HTML; HTML also reads `&copy` without its `;`), so what the parser produced is
        // taken as the truth: the reference stands for the decoded text, or else for the next character.
        const reference = matchCharacterReference(src, p, value.slice(i, i + 8));
        // An `&` in the text that is not what the reference decodes to is a literal ampersand.
        const exact = reference !== undefined && value.startsWith(reference.decoded, i);
        if (reference && (exact || ch !== '&')) {
          const decoded = exact ? reference.decoded : String.fromCodePoint(value.codePointAt(i)!);
          this.pushSynthetic(decoded, p, p + reference.length);
          i += decoded.length;
          p += reference.length;
          continue;
        }
      }
      if (ch === '\r' && src[p] === '\r') {
        // A line ending the parser kept as written: rules see one `\n`, mapped to the whole `\r\n` (or
        // lone `\r`), so no range can start or end between the two characters of a CRLF.
        const crlf = value[i + 1] === '\n' && src[p + 1] === '\n';
        this.pushSynthetic('\n', p, p + (crlf ? 2 : 1));
        i += crlf ? 2 : 1;
        p += crlf ? 2 : 1;
        continue;
      }
      if (ch === '\n' && src[p] === '\r' && src[p + 1] !== '\n') {
        // A lone CR the parser normalised to LF (HTML does).
        this.pushSynthetic(ch, p, p + 1);
        i++;
        p++;
        continue;
      }
      if (src[p] === ch) {
        this.pushVerbatim(ch, p);
        i++;
        p++;
        continue;
      }
      p++; // a source character the value does not keep (a `>` or indent at a line start, a `\r`)
    }
  }

  build(): MappedText {
    this.endBlock();
    return new MappedText(this.text, Int32Array.from(this.starts), Int32Array.from(this.ends), this.blocks, this.source);
  }

  private lastOffset(): number {
    return this.ends.length > 0 ? this.ends[this.ends.length - 1]! - 1 : 0;
  }
}

/** Where each character of a string (plus one past its end) sits in an outer source, e.g. a JSON file. */
export interface StringMap {
  starts: Int32Array;
  ends: Int32Array;
  /** The outer source. */
  source: string;
  /** How fix text must be written there (JSON escapes it). */
  encode: (text: string) => string;
  /**
   * Added to every offset into `source` to give an offset into the file: when `source` is a stretch cut
   * from the file (a thread linting its share of an export holds only its macros' stretches).
   */
  shift?: number;
}

const identity = (text: string) => text;

export class MappedText {
  constructor(
    readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    readonly blocks: readonly TextBlock[],
    private readonly source: string,
    /** Turns fix text into what the source must contain (escaping for JSON strings). */
    readonly encode: (text: string) => string = identity,
    /** Where `source` starts in the file, when it is a stretch cut from it (see StringMap). */
    private readonly shift = 0,
  ) {}

  /**
   * This text, built over an inner string (a macro body decoded from a JSON string), mapped onward into
   * the outer source, so positions and fixes land in the file itself.
   */
  through(outer: StringMap): MappedText {
    const n = this.text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      starts[i] = outer.starts[start]!;
      ends[i] = end > start ? outer.ends[end - 1]! : outer.starts[start]!;
    }
    return new MappedText(this.text, starts, ends, this.blocks, outer.source, outer.encode, outer.shift);
  }

  /** Several texts of one macro (a subject and a body) as one, each part its own blocks, all over one source. */
  static join(parts: readonly MappedText[]): MappedText {
    const [first] = parts;
    if (parts.length === 1 && first) return first;
    if (parts.some((part) => part.source !== first?.source || part.shift !== first.shift)) throw new Error('MappedText.join: the parts must map into one source');
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    const blocks: TextBlock[] = [];
    for (const part of parts) {
      if (part.text.length === 0) continue;
      if (text.length > 0) {
        const at = ends[ends.length - 1]!;
        text += BLOCK_SEPARATOR;
        for (let i = 0; i < BLOCK_SEPARATOR.length; i++) starts.push(at), ends.push(at);
      }
      const offset = text.length;
      text += part.text;
      for (let i = 0; i < part.text.length; i++) {
        starts.push(part.starts[i]!);
        ends.push(part.ends[i]!);
      }
      for (const block of part.blocks) blocks.push({ ...block, start: block.start + offset, end: block.end + offset });
    }
    const source = first?.source ?? '';
    return new MappedText(text, Int32Array.from(starts), Int32Array.from(ends), blocks, source, first?.encode ?? identity, first?.shift);
  }

  /**
   * Source range of a text range, and whether a fix may rewrite it: only when the source holds exactly
   * the same characters there, so a fix can never eat markup, an escape or a code span.
   */
  toSource(range: Range): { range: Range; verbatim: boolean; lineEnding?: string } {
    const found = this.toOwnSource(range);
    if (this.shift !== 0) found.range = [found.range[0] + this.shift, found.range[1] + this.shift];
    return found;
  }

  private toOwnSource(range: Range): { range: Range; verbatim: boolean; lineEnding?: string } {
    const [start, end] = range;
    const n = this.text.length;
    if (n === 0) return { range: [0, 0], verbatim: false };
    if (start === end) {
      // An insertion goes right before a character written as is, or else right after one: at the end
      // of a block the next character is a separator the source writes its own way (\r\n, say).
      const verbatimAt = (i: number) => i >= 0 && i < n && this.source[this.starts[i]!] === this.text[i];
      if (verbatimAt(start)) return { range: [this.starts[start]!, this.starts[start]!], verbatim: true };
      if (verbatimAt(start - 1) && this.ends[start - 1]! - this.starts[start - 1]! === 1) {
        return { range: [this.ends[start - 1]!, this.ends[start - 1]!], verbatim: true };
      }
      const at = start < n ? this.starts[start]! : this.ends[n - 1]!;
      return { range: [at, at], verbatim: false };
    }
    const sourceStart = this.starts[Math.min(start, n - 1)]!;
    const sourceEnd = this.ends[Math.min(end, n) - 1]!;
    const written = this.source.slice(sourceStart, sourceEnd);
    const text = this.text.slice(start, end);
    // A line ending counts as written as is: the text reads every `\r\n` and lone `\r` as `\n`.
    const verbatim = written === text || (written.includes('\r') && written.replace(/\r\n?/g, '\n') === text);
    const lineEnding = written.includes('\r\n') ? '\r\n' : undefined;
    return { range: [sourceStart, sourceEnd], verbatim, ...(lineEnding && { lineEnding }) };
  }
}

const NUMERIC = /&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));?/y;
const NAMED = /&([A-Za-z][A-Za-z0-9]{0,31})(;?)/y;

/**
 * The character reference at `at`, if one stands there, and what it decodes to. A name without `;`
 * (HTML's legacy `&amp`, `&copy`) is tried from its longest prefix down, as HTML reads it, choosing
 * the one that gives the text the parser produced (`expected`).
 */
function matchCharacterReference(src: string, at: number, expected: string): { decoded: string; length: number } | undefined {
  NUMERIC.lastIndex = at;
  const numeric = NUMERIC.exec(src);
  if (numeric) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 10) : parseInt(numeric[2]!, 16);
    const decoded = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    return { decoded, length: numeric[0].length };
  }
  NAMED.lastIndex = at;
  const named = NAMED.exec(src);
  if (!named) return undefined;
  const name = named[1]!;
  if (named[2]) {
    const decoded = decodeNamedCharacterReference(name);
    if (decoded) return { decoded, length: name.length + 2 };
  }
  for (let length = name.length; length > 0; length--) {
    const decoded = decodeNamedCharacterReference(name.slice(0, length));
    if (decoded && expected.startsWith(decoded)) return { decoded, length: length + 1 };
  }
  return undefined;
}
