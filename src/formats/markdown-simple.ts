// A fast path for the Markdown most macros are written in. remark-parse (micromark) reads all of
// CommonMark exactly, and about a third of the time spent linting a library of Markdown macros went
// into it. Most macros use a small part of CommonMark: paragraphs, `#` headings, `-` and `1.` lists of
// one-line items, **strong**, [links](https://…) and YAML front matter. For a file written only with
// those, this builds the syntax tree remark-parse would build, node for node and position for position
// (test/formats/markdown-simple.test.ts compares the two on every fixture, on the corpus and on
// thousands of random documents made of tricky lines). For anything else — any character or line it
// is not sure of — it returns undefined, and remark-parse reads the file.
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text, Yaml } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';

type Point = { line: number; column: number; offset: number };
type Position = { start: Point; end: Point };

/**
 * Anywhere after the front matter: carriage returns and tabs (which change columns and line ends),
 * other control characters, a byte order mark, code (`), HTML and autolinks (<), escapes (\), and
 * character references (&amp; &#39;). A bare `&` is plain text.
 */
const UNSURE_BODY = /[\0-\x09\x0b-\x1f\x7f\uFEFF`<\\]|&[#A-Za-z0-9]|!\[|\]:/;
/** In front matter, which remark-frontmatter keeps as it is, only line ends and control characters matter. */
const UNSURE_ANYWHERE = /[\0-\x08\x0b-\x1f\x7f\uFEFF]/;
/**
 * `1. ` (an ordered item as macros write them). `1)` items, longer numbers and leading zeros are left to
 * remark-parse (`01.` does not interrupt a paragraph as `1.` does).
 */
const ORDERED_ITEM = /^(0|[1-9]\d{0,8})\. (?! )/;
/** A line that starts with a number and `.` or `)` followed by a space or nothing: a list item or not, depending. */
const NUMBERED = /^\d+[.)](?: |$)/;
const HEADING = /^(#{1,6}) (?! )(.*[^ #])$/;
/** `[words](https://…)`: link text with no brackets or asterisks, a destination with no spaces, quotes or brackets. */
const LINK = /\[([^[\]\n*]+)\]\(([^\s()<>[\]*"'\\]+)\)/y;

const ASTERISK = 42;
const UNDERSCORE = 95;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** The mdast tree remark-parse (with remark-frontmatter) would give `source`, or undefined when unsure. */
export function parseSimpleMarkdown(source: string): Root | undefined {
  if (UNSURE_ANYWHERE.test(source)) return undefined;
  return new SimpleParser(source).parse();
}

type Block = 'start' | 'blank' | 'paragraph' | 'item' | 'heading';

class SimpleParser {
  private readonly lineStarts: number[] = [0];
  private readonly children: RootContent[] = [];
  private list: List | undefined;
  /** A blank line since the open list's last item: another item makes the list spread (loose). */
  private blankInList = false;

  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  parse(): Root | undefined {
    const { source, lineStarts } = this;
    let line = 0;
    if (source.startsWith('---\n')) {
      line = this.frontMatter();
      if (line < 0) return undefined;
    }
    if (UNSURE_BODY.test(source.slice(lineStarts[line] ?? source.length))) return undefined;
    let previous: Block = 'start';
    while (line < lineStarts.length) {
      const start = lineStarts[line]!;
      const text = source.slice(start, this.lineEnd(line));
      if (text === '') {
        if (this.list) this.blankInList = true;
        previous = 'blank';
        line++;
        continue;
      }
      if (text.startsWith(' ') || text.endsWith(' ')) return undefined;
      if (text.startsWith('#')) {
        const heading = this.heading(text, start);
        if (!heading) return undefined;
        this.closeList();
        this.children.push(heading);
        previous = 'heading';
        line++;
        continue;
      }
      const item = listItemAt(text);
      if (item === 'unsure') return undefined;
      if (item) {
        // A number other than 1 after a paragraph line continues the paragraph; after a `-` item,
        // whether it starts a list depends on more than this reads.
        if (item.ordered && item.value !== 1 && (previous === 'paragraph' || (previous === 'item' && !this.list!.ordered))) return undefined;
        const listItem = this.listItem(item, start, text.length);
        if (!listItem) return undefined;
        if (this.list?.ordered !== item.ordered) {
          this.closeList();
          this.list = { type: 'list', ordered: item.ordered, start: item.ordered ? item.value : null, spread: false, children: [] };
        } else if (this.blankInList) {
          this.list.spread = true;
        }
        this.list.children.push(listItem);
        this.blankInList = false;
        previous = 'item';
        line++;
        continue;
      }
      // A line right under an item would continue it (lazily): left to remark-parse.
      if (previous === 'item' || !startsPlainly(text)) return undefined;
      this.closeList();
      const last = this.paragraphEnd(line);
      if (last < 0) return undefined;
      const end = this.lineEnd(last);
      const content = this.inline(start, end);
      if (!content) return undefined;
      this.children.push({ type: 'paragraph', children: content, position: this.span(start, end) } satisfies Paragraph);
      previous = 'paragraph';
      line = last + 1;
    }
    this.closeList();
    if (this.children.length === 0) return undefined;
    return { type: 'root', children: this.children, position: this.span(0, source.length) };
  }

  /** Reads `---` … `---` front matter; the line after it, or -1 when it is not closed or unsure. */
  private frontMatter(): number {
    const { source, lineStarts } = this;
    for (let line = 1; line < lineStarts.length; line++) {
      const start = lineStarts[line]!;
      const end = this.lineEnd(line);
      if (!source.startsWith('---', start) && !source.startsWith('+++', start)) continue;
      if (end - start !== 3 || source.startsWith('+++', start)) return -1;
      const value = line === 1 ? '' : source.slice(lineStarts[1], start - 1);
      this.children.push({ type: 'yaml', value, position: this.span(0, end) } satisfies Yaml);
      return line + 1;
    }
    return -1;
  }

  /** The last line of the paragraph starting at `line`, or -1 when a line in it is unsure. */
  private paragraphEnd(line: number): number {
    const { source, lineStarts } = this;
    let last = line;
    while (last + 1 < lineStarts.length) {
      const text = source.slice(lineStarts[last + 1], this.lineEnd(last + 1));
      if (text === '' || text.startsWith('#')) break; // a blank line or a heading ends it
      if (text.startsWith(' ') || text.endsWith(' ')) return -1;
      const item = listItemAt(text);
      if (item === 'unsure') return -1;
      if (item) {
        if (item.ordered && item.value !== 1) return -1;
        break; // `-` and `1.` items interrupt a paragraph
      }
      if (!startsPlainly(text)) return -1;
      last++;
    }
    return last;
  }

  private heading(text: string, start: number): Heading | undefined {
    const match = HEADING.exec(text);
    if (!match) return undefined;
    const depth = match[1]!.length as Heading['depth'];
    const children = this.inline(start + depth + 1, start + text.length);
    if (!children) return undefined;
    return { type: 'heading', depth, children, position: this.span(start, start + text.length) };
  }

  private listItem(item: ItemStart, start: number, length: number): ListItem | undefined {
    const from = start + item.contentAt;
    const end = start + length;
    if (!startsPlainly(this.source.slice(from, end))) return undefined;
    const children = this.inline(from, end);
    if (!children) return undefined;
    const paragraph: Paragraph = { type: 'paragraph', children, position: this.span(from, end) };
    return { type: 'listItem', spread: false, checked: null, children: [paragraph], position: this.span(start, end) };
  }

  private closeList(): void {
    const list = this.list;
    if (!list) return;
    list.position = { start: { ...list.children[0]!.position!.start }, end: { ...list.children.at(-1)!.position!.end } };
    this.children.push(list);
    this.list = undefined;
    this.blankInList = false;
  }

  /**
   * The phrasing content of `source[from, to)`: text, **strong** and links, or undefined when there is
   * anything else (another kind of emphasis, a bracket that is not a link, nested or unpaired `**`).
   * `_` and `*` runs are classified as micromark does, from the characters on either side.
   */
  private inline(from: number, to: number, linkText = false): PhrasingContent[] | undefined {
    const { source } = this;
    const outer: PhrasingContent[] = [];
    let strong: Strong | undefined;
    let nodes = outer;
    let textStart = from;
    const flush = (end: number) => {
      if (end > textStart) nodes.push({ type: 'text', value: source.slice(textStart, end), position: this.span(textStart, end) } satisfies Text);
    };
    for (let at = from; at < to; at++) {
      const code = source.charCodeAt(at);
      if (code === UNDERSCORE || code === ASTERISK) {
        let end = at + 1;
        while (end < to && source.charCodeAt(end) === code) end++;
        // At the edges of a block micromark sees no character: whitespace, as a line end is.
        const before = classifyCharacter(at > from || linkText ? source.charCodeAt(at - 1) : null);
        const after = classifyCharacter(end < to || linkText ? source.charCodeAt(end) : null);
        const open = !after || (after === 2 && before !== undefined);
        const close = !before || (before === 2 && after !== undefined);
        if (code === UNDERSCORE) {
          // `_` inside a word ({{first_name}}) is only text.
          if ((open && (before !== undefined || !close)) || (close && (after !== undefined || !open))) return undefined;
        } else {
          // Only `**`, one pair at a time: a run that can close closes the open pair; one that can
          // open opens a pair; any other run is left to remark-parse.
          if (end - at !== 2 || linkText) return undefined;
          flush(at);
          if (strong && close) {
            strong.position!.end = this.point(end);
            outer.push(strong);
            strong = undefined;
            nodes = outer;
          } else if (!strong && open) {
            strong = { type: 'strong', children: [], position: this.span(at, at) };
            nodes = strong.children;
          } else {
            return undefined;
          }
          textStart = end;
        }
        at = end - 1;
      } else if (code === OPEN_BRACKET) {
        LINK.lastIndex = at;
        const match = linkText ? null : LINK.exec(source);
        if (!match || LINK.lastIndex > to) return undefined;
        const label = match[1]!;
        const children = this.inline(at + 1, at + 1 + label.length, true);
        if (!children) return undefined;
        flush(at);
        nodes.push({ type: 'link', title: null, url: match[2]!, children, position: this.span(at, LINK.lastIndex) } satisfies Link);
        at = LINK.lastIndex - 1;
        textStart = LINK.lastIndex;
      } else if (code === CLOSE_BRACKET) {
        return undefined;
      }
    }
    if (strong) return undefined;
    flush(to);
    return outer;
  }

  private lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    return next === undefined ? this.source.length : next - 1;
  }

  private span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  private point(offset: number): Point {
    const { lineStarts } = this;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
  }
}

interface ItemStart {
  ordered: boolean;
  value: number;
  /** Where the item's text starts, from the start of the line. */
  contentAt: number;
}

/** A `- ` or `1. ` item line; 'unsure' for any other line that could be a list item, a rule or a setext underline. */
function listItemAt(text: string): ItemStart | 'unsure' | undefined {
  if (text.startsWith('- ')) return text.length > 2 && text[2] !== ' ' ? { ordered: false, value: 0, contentAt: 2 } : 'unsure';
  if (text.startsWith('-')) return 'unsure';
  const ordered = ORDERED_ITEM.exec(text);
  if (ordered && text.length > ordered[0].length) return { ordered: true, value: Number.parseInt(ordered[1]!, 10), contentAt: ordered[0].length };
  return NUMBERED.test(text) ? 'unsure' : undefined;
}

/**
 * Whether a line (or an item's text) starts as a paragraph would, and not as a block this parser leaves
 * to remark-parse: a heading, quote, list, rule, setext underline, code, HTML. `**` followed by a word
 * is bold, not a rule or a list.
 */
function startsPlainly(text: string): boolean {
  switch (text[0]) {
    case '#': case '>': case '<': case '-': case '+': case '=': case '_': case '~': case '`': case ' ':
      return false;
    case '*':
      return text[1] === '*' && text[2] !== undefined && text[2] !== '*' && text[2] !== ' ';
    default:
      return !NUMBERED.test(text);
  }
}
