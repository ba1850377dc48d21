// HTML bodies (Zendesk comment_value_html, Freshdesk content_html, Intercom body) → linted text.
// Parsed with hast-util-from-html, which keeps source offsets; text nodes are matched back to the
// source through character references. Block quotes, code, pre, scripts, attributes and URLs are not
// the agent's prose.
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { MappedTextBuilder, OPAQUE, type MappedText } from '../engine/mapped-text.js';
import { isAngleFillIn } from '../engine/placeholders.js';

const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt', 'section', 'article', 'header', 'footer', 'table', 'tr', 'ul', 'ol', 'dl', 'body', 'html', 'main', 'center', 'figure', 'figcaption', 'hr']);
const SKIPPED = new Set(['blockquote', 'pre', 'script', 'style', 'template', 'head', 'title', 'noscript', 'svg', 'math', 'iframe', 'object', 'video', 'audio', 'select', 'textarea', 'button']);
const OPAQUE_INLINE = new Set(['code', 'kbd', 'samp', 'img', 'var']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function parseHtml(source: string): MappedText {
  const tree = fromHtml(source, { fragment: true });
  const builder = new MappedTextBuilder(source);
  new HtmlRenderer(builder).render(tree.children);
  return builder.build();
}

class HtmlRenderer {
  /** A `<br>` not yet written: it becomes a line break if more text follows, a paragraph end if another `<br>` does. */
  private pendingBreak: [number, number] | undefined;
  private open = false;

  constructor(private readonly builder: MappedTextBuilder) {}

  render(nodes: readonly (RootContent | ElementContent)[], list?: { ordered: boolean }): void {
    for (const node of nodes) {
      if (node.type === 'text') this.text(node.value, node.position?.start.offset, node.position?.end.offset);
      else if (node.type === 'element') this.element(node, list);
    }
  }

  private element(node: Element, list?: { ordered: boolean }): void {
    const tag = node.tagName;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (SKIPPED.has(tag)) return this.close();
    if (tag === 'br') {
      if (this.pendingBreak) this.close();
      else if (this.open) this.pendingBreak = [start, end];
      return;
    }
    if (OPAQUE_INLINE.has(tag)) {
      this.ensureOpen('paragraph');
      this.builder.pushSynthetic(OPAQUE, start, end);
      return;
    }
    if (!BLOCKS.has(tag)) return this.render(node.children, list);
    this.close();
    if (tag === 'ul' || tag === 'ol') return this.render(node.children, { ordered: tag === 'ol' });
    const kind = HEADINGS.has(tag) ? 'heading' : tag === 'li' ? 'listItem' : 'paragraph';
    this.builder.startBlock(kind, kind === 'listItem' && list?.ordered === true);
    this.open = true;
    this.render(node.children, list);
    this.close();
  }

  private text(value: string, start = 0, end = start): void {
    // White space between tags (indentation, the newline after a <br>) is not prose.
    if (value.trim() === '' && (!this.open || this.pendingBreak)) return;
    if (this.pendingBreak) {
      // The source's own line break and indent after a <br> would double the break: the <br> is the break.
      const indent = /^[ \t\r\n]*/.exec(value)![0].length;
      value = value.slice(indent);
      start += indent;
    }
    this.ensureOpen('paragraph');
    // A fill-in such as <ISSUE_NUMBER> is not a tag the parser knows: it arrives as text.
    if (isAngleFillIn(value)) this.builder.pushVerbatim(value, start);
    else this.builder.pushDecoded(value, start, end);
  }

  /** Opens a paragraph for loose text, or writes the line break a single `<br>` left pending. */
  private ensureOpen(kind: 'paragraph'): void {
    if (this.pendingBreak) {
      this.builder.pushSynthetic('\n', ...this.pendingBreak);
      this.pendingBreak = undefined;
    }
    if (this.open) return;
    this.builder.startBlock(kind);
    this.open = true;
  }

  private close(): void {
    if (this.open) this.builder.endBlock();
    this.open = false;
    this.pendingBreak = undefined;
  }
}
