// Markdown source → macros. A file is one macro, or (when it repeats a heading level) one macro per
// heading, as public macro libraries are written. Code, URLs, HTML and front matter are not linted.
import type { Blockquote, List, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseSimpleMarkdown } from './markdown-simple.js';
import { parseYaml } from './yaml.js';
import type { SourceComment } from '../engine/directives.js';
import type { ParsedMacro } from '../engine/linter.js';
import { MappedTextBuilder, OPAQUE, type MappedText } from '../engine/mapped-text.js';
import { findPlaceholders, isAngleFillIn } from '../engine/placeholders.js';

export const MARKDOWN_SPLITS = ['auto', 'none', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
export type MarkdownSplit = (typeof MARKDOWN_SPLITS)[number];

export interface MarkdownOptions {
  /** How a file is cut into macros: by the shallowest repeated heading level (auto), never, or at a level. */
  split: MarkdownSplit;
  /** Whether a heading that opens a one-macro file is its title (a file) or part of the reply (a JSON body). */
  titleFromHeading?: boolean;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

interface Section {
  title?: string;
  nodes: RootContent[];
}

/** The syntax tree remark-parse gives `source`; built directly when the file is simple enough (see markdown-simple.ts). */
export function markdownTree(source: string): Root {
  return parseSimpleMarkdown(source) ?? (processor.parse(source) as Root);
}

export function parseMarkdown(source: string, options: MarkdownOptions): ParsedMacro[] {
  return macrosOf(markdownTree(source), source, options);
}

/** A whole Markdown file, parsed once: its macros, and its HTML comments (where inline directives live). */
export function readMarkdown(source: string, options: MarkdownOptions): { macros: ParsedMacro[]; comments: SourceComment[] } {
  const tree = markdownTree(source);
  return { macros: macrosOf(tree, source, options), comments: htmlComments(tree, source) };
}

const COMMENT = /<!--(?:-?>|([\s\S]*?)-->)/g;

/**
 * Every HTML comment in the tree, at any depth (block quotes, lists, inline in a paragraph), with
 * source offsets; none inside code. A node's value drops the `>` and indentation that block quotes and
 * lists put before each line, so a comment's text comes from the value and its offsets from the source,
 * matched in order.
 */
export function htmlComments(tree: Root, source: string): SourceComment[] {
  const comments: SourceComment[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const offset = node.position.start.offset;
      const inSource = [...source.slice(offset, node.position.end.offset).matchAll(COMMENT)];
      [...node.value.matchAll(COMMENT)].forEach((match, i) => {
        const at = inSource[i];
        if (at) comments.push({ value: match[1] ?? '', start: offset + at.index, end: offset + at.index + at[0].length });
      });
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return comments;
}

function macrosOf(tree: Root, source: string, options: MarkdownOptions): ParsedMacro[] {
  const frontMatter = tree.children.find((node) => node.type === 'yaml');
  const body = tree.children.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  const sections = frontMatter
    ? [wholeFile(body, frontMatterTitle(frontMatter.value))]
    : options.titleFromHeading === false
      ? [{ nodes: body }]
      : splitIntoSections(body, options.split);
  const macros: ParsedMacro[] = [];
  for (const section of sections) {
    const mapped = renderSection(section.nodes, source);
    if (mapped.text.trim() === '') continue;
    macros.push(section.title ? { mapped, title: section.title } : { mapped });
  }
  return macros;
}

/**
 * A front matter line as simple as most are: `key: plain words`. The value may not open with a YAML
 * indicator (`?` and `-` are indicators only before a space or the end).
 */
const SIMPLE_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+((?:[?-](?![ \t]|$)|[^#'"&*!|>{}[\]%@`,:?\s-])[^#:]*?))?[ \t]*$/;
/** `key: [words, more words]`: a one-line list of plain words, as tags usually are. */
const SIMPLE_LIST_LINE = /^([A-Za-z_][\w-]*):[ \t]+\[[ \t]*(?:[A-Za-z0-9][\w.-]*(?:[ \t]+[\w.-]+)*(?:[ \t]*,[ \t]*[A-Za-z0-9][\w.-]*(?:[ \t]+[\w.-]+)*)*[ \t]*,?[ \t]*)?\][ \t]*$/;
/** A plain scalar YAML would read as a string, not a boolean or null. */
const PLAIN_STRING = /^(?!(?:true|false|null|yes|no|on|off|y|n)$)[A-Za-z][^#:]*$/i;

function frontMatterTitle(yamlText: string): string | undefined {
  // Most front matter is a few `key: value` lines: read those directly, as YAML would, and leave
  // anything else to the YAML parser (a tenth of the time of linting a small macro).
  const simple = new Map<string, string>();
  const lines = yamlText.split(/\r?\n/);
  if (lines.every((line) => {
    if (line.trim() === '') return true;
    const scalar = SIMPLE_LINE.exec(line);
    // A one-line list (`tags: [billing, tier-1]`) only matters as a key YAML must not see twice; a
    // title or name written as a list is YAML's to read.
    const key = scalar?.[1] ?? SIMPLE_LIST_LINE.exec(line)?.[1];
    if (key === undefined || simple.has(key) || (!scalar && (key === 'title' || key === 'name'))) return false;
    simple.set(key, scalar?.[2] ?? '');
    return true;
  })) {
    const title = simple.get('title') ?? (simple.has('title') ? undefined : simple.get('name'));
    if (title === undefined) return simple.has('title') || simple.has('name') ? parsedTitle(yamlText) : undefined;
    if (PLAIN_STRING.test(title)) return title;
  }
  return parsedTitle(yamlText);
}

function parsedTitle(yamlText: string): string | undefined {
  try {
    const data: unknown = parseYaml(yamlText, { logLevel: 'silent' });
    if (data && typeof data === 'object') {
      const { title, name } = data as Record<string, unknown>;
      if (typeof title === 'string' || typeof title === 'number') return String(title);
      if (typeof name === 'string') return name;
    }
  } catch {
    // Front matter that is not valid YAML only costs us the title; the reply is still linted.
  }
  return undefined;
}

/** A one-macro file: a heading it opens with is the macro's title, not words the customer reads. */
function wholeFile(nodes: RootContent[], title?: string): Section {
  const [first, ...rest] = nodes;
  if (first?.type === 'heading') return { title: title ?? toString(first), nodes: rest };
  return title ? { title, nodes } : { nodes };
}

function splitIntoSections(nodes: RootContent[], split: MarkdownSplit): Section[] {
  const level = splitLevel(nodes, split);
  if (level === undefined) return [wholeFile(nodes)];
  const sections: Section[] = [];
  let current: Section | undefined; // undefined: before the first macro heading (the library's intro)
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= level) {
      current = node.depth === level ? { title: toString(node), nodes: [] } : undefined;
      if (current) sections.push(current);
    } else {
      current?.nodes.push(node);
    }
  }
  return sections;
}

function splitLevel(nodes: RootContent[], split: MarkdownSplit): number | undefined {
  if (split === 'none') return undefined;
  const counts = new Map<number, number>();
  for (const node of nodes) if (node.type === 'heading') counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1);
  if (split !== 'auto') {
    const depth = Number(split.slice(1));
    return counts.has(depth) ? depth : undefined;
  }
  const repeated = [...counts].filter(([, count]) => count >= 2).map(([depth]) => depth);
  return repeated.length > 0 ? Math.min(...repeated) : undefined;
}

/**
 * A block quote is usually the customer's words, quoted by the agent: not linted. But when the quote
 * holds most of the section's prose and the prose around it is not itself a reply (no greeting, no
 * placeholder), the quote *is* the reply and the lines around it are guidance for agents
 * ("**Use when:** …"): then only the quote is linted.
 */
function renderSection(nodes: RootContent[], source: string): MappedText {
  const quotes = nodes.filter((node): node is Blockquote => node.type === 'blockquote');
  const outside = nodes.filter((node) => node.type !== 'blockquote');
  const agentProse = render(outside, source);
  if (quotes.length === 0) return agentProse;
  const quotedLength = quotes.reduce((sum, quote) => sum + toString(quote).length, 0);
  const replyIsQuoted = quotedLength > proseLength(agentProse) && !readsLikeAReply(agentProse);
  return replyIsQuoted ? render(quotes.flatMap((quote) => quote.children), source) : agentProse;
}

function render(nodes: readonly RootContent[], source: string): MappedText {
  const builder = new MappedTextBuilder(source);
  renderBlocks(nodes, builder);
  return builder.build();
}

function proseLength(mapped: MappedText): number {
  return mapped.blocks.filter((b) => b.kind !== 'heading').reduce((sum, b) => sum + b.end - b.start, 0);
}

const SALUTATION = /^\W*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b/i;

/** Prose that greets someone or fills in a placeholder is written to the customer, not to agents. */
function readsLikeAReply(mapped: MappedText): boolean {
  const first = mapped.blocks.find((b) => b.kind !== 'heading');
  if (first && SALUTATION.test(mapped.text.slice(first.start, first.end))) return true;
  return findPlaceholders(mapped.text).length > 0;
}

function renderBlocks(nodes: readonly RootContent[], builder: MappedTextBuilder): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        builder.startBlock(node.type);
        renderInline(node.children, builder);
        builder.endBlock();
        break;
      case 'list':
        renderList(node, builder);
        break;
      default:
        // blockquote (the customer's words), code, html, thematicBreak, definition: not the agent's prose.
        break;
    }
  }
}

function renderList(list: List, builder: MappedTextBuilder): void {
  for (const item of list.children) {
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        builder.startBlock('listItem', list.ordered === true);
        renderInline(child.children, builder);
        builder.endBlock();
      } else {
        renderBlocks([child], builder);
      }
    }
  }
}

/** A hard break not yet written: a line break if text follows, a paragraph break if another break does. */
interface InlineState {
  pendingBreak?: [number, number];
}

function renderInline(nodes: readonly PhrasingContent[], builder: MappedTextBuilder, state: InlineState = {}): void {
  const flushBreak = () => {
    if (state.pendingBreak) builder.pushSynthetic('\n', ...state.pendingBreak);
    state.pendingBreak = undefined;
  };
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value))) {
      // A line holding only a break ("\\" on its own line) is a blank line to readers: a new paragraph.
      if (state.pendingBreak) {
        state.pendingBreak = undefined;
        builder.splitBlock();
      } else {
        state.pendingBreak = [start, end];
      }
      continue;
    }
    switch (node.type) {
      case 'text':
        flushBreak();
        builder.pushDecoded(node.value, start, end);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference':
        renderInline(node.children, builder, state);
        break;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        flushBreak();
        builder.pushSynthetic(OPAQUE, start, end);
        break;
      case 'html':
        if (isAngleFillIn(node.value)) {
          flushBreak();
          builder.pushVerbatim(node.value, start);
        }
        break;
      default:
        break;
    }
  }
}
