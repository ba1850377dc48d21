// The fast path for simple Markdown (src/formats/markdown-simple.ts) must build exactly the tree
// remark-parse builds, or decline. Every check here compares the two whenever the fast path answers:
// hand-picked edge cases, every Markdown fixture, the shared corpus when it is there, generated
// benchmark macros, and random documents made of the lines and fragments that sit on the edge of what
// it reads. Each also checks that the fast path does answer often, so a parser that declines
// everything cannot pass.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseSimpleMarkdown } from '../src/formats/markdown-simple.js';
import { markdownArb } from './helpers/arbitraries.js';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
const RUNS = Number(process.env.EMPATHY_FUZZ_RUNS) || 2000;

/** The fast tree, checked against remark-parse's; undefined when the fast path declined. */
function compared(source: string): Root | undefined {
  const fast = parseSimpleMarkdown(source);
  if (fast) expect(fast, JSON.stringify(source)).toStrictEqual(remark.parse(source));
  return fast;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

describe('the simple Markdown fast path', () => {
  it.each([
    ['a paragraph', 'Hi {{ticket.requester.first_name}},\n\nThanks for writing in.\n'],
    ['a paragraph over lines, no final line end', 'One line\nand the next'],
    ['headings', '# Refund issued\n\nText\n## Next\nmore'],
    ['front matter', '---\ntitle: Refund\ntags: [billing, tier-1]\n---\n\n# Title\n\nBody.\n'],
    ['empty front matter', '---\n---\nBody'],
    ['front matter alone', '---\ntitle: x\n---\n'],
    ['an ordered list', 'Steps:\n\n1. Open **Settings**.\n2. Click [Billing](https://example.com/billing).\n3. Save.\n'],
    ['a list interrupting a paragraph', 'Try this:\n1. Open it\n- or that\n- and this'],
    ['a loose list', '- one\n\n- two\n- three\n\nAfter.'],
    ['numbers that continue a list', '1. a\n3. b\n\n7. c'],
    ['a list starting at 2', 'Text\n\n2. b\n3. c'],
    ['lists of both kinds', '- a\n1. b\n- c\n\n1. d\n\n- e\n\n2. f'],
    ['a heading ending a list', '- a\n# H\n- b'],
    ['trailing blank lines', 'Text\n\n\n'],
    ['leading blank lines', '\n\nText'],
    ['strong next to punctuation', '**Forgot password?**. Then **{{name}}**, "**quoted**" and (**a**)'],
    ['strong over lines and around a link', 'A **bold\nline with [a link](https://x.io/a_b?c=1#d)** end'],
    ['underscores inside words', 'Dear {{ticket.requester.first_name}}, see snake_case and a__b'],
    ['links', '[Start](https://x.io) here, then [two](/b%20c) and [t_x](https://e.com/~u)'],
    ['plain characters', 'Costs $5 & more: 50% off! (Really) | a # b - c + d = e ~ f ^ g'],
    ['non-ASCII text', 'Merci — déjà vu 👋 ünïcödé\u00a0nbsp'],
    ['a number that is not a list', '1.5 hours\n2024 was long'],
  ])('reads %s exactly as remark-parse does', (_name, source) => {
    expect(compared(source)).toBeDefined();
  });

  it.each([
    ['code', 'Run `sync`'],
    ['HTML', 'Hi <b>there</b>'],
    ['an escape', 'Not \\*bold\\*'],
    ['a character reference', 'Fish &amp; chips'],
    ['emphasis', 'An *emphasised* word'],
    ['underscore emphasis', 'An _emphasised_ word'],
    ['a bracket that is not a link', 'See [note] here'],
    ['an image', '![logo](https://x.io/l.png)'],
    ['a definition', '[a]: https://x.io\n\n[a]'],
    ['a block quote', '> quoted'],
    ['a thematic break', 'a\n\n***\n\nb'],
    ['a setext heading', 'Title\n====='],
    ['a dash line under text', 'Title\n---'],
    ['an indented line', 'a\n    b'],
    ['trailing spaces (a hard break)', 'a  \nb'],
    ['a tab', 'a\tb'],
    ['CRLF line ends', 'a\r\nb'],
    ['lazy continuation of an item', '- a\nb'],
    ['a number continuing a paragraph', 'Text\n2. b'],
    ['a number with a leading zero', 'Text\n01. b'],
    ['an empty item', '-\n'],
    ['a nested list marker', '- - a'],
    ['unclosed front matter', '---\ntitle: x\n'],
    ['toml front matter', '+++\ntitle = "x"\n+++\n'],
    ['nothing at all', ''],
    ['only blank lines', '\n\n'],
    ['a closing heading sequence', '# Title #'],
    ['bold that could open and close', 'a**b**c**d'],
    ['an unmatched **', '**a'],
  ])('leaves %s to remark-parse', (_name, source) => {
    expect(parseSimpleMarkdown(source)).toBeUndefined();
  });

  it('reads the Markdown fixtures exactly as remark-parse does', () => {
    const files = markdownFiles(path.resolve(import.meta.dirname, '../fixtures'));
    const read = files.filter((file) => compared(readFileSync(file, 'utf8')));
    expect(files.length).toBeGreaterThan(100);
    expect(read.length).toBeGreaterThan(files.length / 5);
  });

  const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
  it.skipIf(!existsSync(corpus))('reads the shared corpus exactly as remark-parse does', () => {
    const files = markdownFiles(corpus);
    const read = files.filter((file) => compared(readFileSync(file, 'utf8')));
    expect(read.length).toBeGreaterThan(0);
  });

  it('reads generated benchmark macros, nearly all of them, exactly as remark-parse does', async () => {
    // @ts-expect-error: the benchmark's generator is plain JavaScript, with no types.
    const { buildMacro } = (await import('../bench/generate.mjs')) as { buildMacro: (seed: number, index: number) => { markdown: string } };
    let read = 0;
    for (let index = 0; index < 500; index++) if (compared(buildMacro(7, index).markdown)) read++;
    expect(read).toBeGreaterThan(450);
  });

  it('reads random macros exactly as remark-parse does', () => {
    let read = 0;
    fc.assert(fc.property(markdownArb, (source) => void (compared(source) && read++)), { numRuns: RUNS });
    expect(read).toBeGreaterThan(0);
  });

  // Lines and fragments on both sides of every line the fast path draws: mostly ones it reads, often
  // enough ones it must leave to remark-parse.
  const fragment = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'word', 'two words', 'Hi {{first_name}},', '**bold**', '**{{x}}**', '(**a**)', '**a**.', 'x_y', '__', '[link](https://x.io/p)',
        '[a_b](/u)', '!', '& b', '1.', '#', '- ', '+', '=', '~', '|', '"', '(', ')', '.', ',', '?', '👋', 'é', '\u00a0', '\u2003', ' ', '$', '%', '10.',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('a**b**', '**a**b', '** a**', '**a **', '_x', 'x_', '[a](b c)', '[x]', ']', '! [a](b)', '&c', '2)', '-', '*', '  ', '**'),
    },
  );
  // Fragments mostly apart, sometimes touching, where flanking rules decide what `**` and `_` do.
  const content = fc
    .array(fc.tuple(fragment, fc.constantFrom(' ', ' ', '')), { minLength: 1, maxLength: 5 })
    .map((parts) => parts.flat().slice(0, -1).join(''));
  const item = (marker: fc.Arbitrary<string>) => fc.tuple(marker, content).map(([m, text]) => `${m} ${text}`);
  const blockArb = fc.oneof(
    { weight: 4, arbitrary: fc.array(content, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
    { weight: 1, arbitrary: content.map((text) => `# ${text}`) },
    { weight: 1, arbitrary: content.map((text) => `###### ${text}`) },
    { weight: 3, arbitrary: fc.array(item(fc.constantFrom('-', '1.', '2.', '10.', '01.', '0.')), { minLength: 1, maxLength: 4 }).map((items) => items.join('\n')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('---', '- ', '1.', '***', '===', '-', '--', '> q', '    code', '#', '#x', '2. ', '+++', '- - -', ' a', 'a ', 'a  ', 'a\nb'),
    },
  );
  const documentArb = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(blockArb, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 8 }),
      fc.constantFrom('', '\n', '\n\n'),
    )
    .map(([frontMatter, blocks, end]) => `${frontMatter ? '---\ntitle: x\n---\n' : ''}${blocks.map(([block, gap], i) => (i === 0 ? block : `${gap}${block}`)).join('')}${end}`);

  it('reads random documents of edge-case lines exactly as remark-parse does', () => {
    let read = 0;
    // Most random documents hold something the fast path declines; enough runs that thousands do not.
    fc.assert(fc.property(documentArb, (source) => void (compared(source) && read++)), { numRuns: RUNS * 25 });
    expect(read).toBeGreaterThan(RUNS / 2);
  });
});
