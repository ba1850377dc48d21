// fast-check generators for the property tests: support macros built from realistic pieces (greetings
// with several helpdesks' placeholders, phrases the rules flag and kind ones, Markdown and HTML
// markup, directives, unicode, mixed line endings), as Markdown files and as helpdesk JSON exports.
// A macro is generated as a small model first and rendered afterwards, so one macro can be written
// as Markdown, as HTML, or inside any helpdesk's export, and so fast-check shrinks it piece by piece.
import fc from 'fast-check';

// ---- the pieces ---------------------------------------------------------------------------------

const NAME_PLACEHOLDERS = [
  '{{ticket.requester.first_name}}',
  '{%customer.firstName,fallback=there%}',
  '{!Contact.FirstName}',
  '{customer_name}',
  '{{first_name|fallback:"there"}}',
  '{{ticket.requester.firstname}}',
  '[Customer Name]',
  '{%customer.firstName%}', // Help Scout, no fallback
  '{{ticket.requester.first_name}', // malformed: one brace short
  '{{ticket.requestor.first_name}}', // misspelt
];
const OTHER_PLACEHOLDERS = ['{{ticket.id}}', '{{current_user.first_name}}', '{%mailbox.name%}', '{order_number}', '<TICKET_ID>', '{{ticket.url}}'];

const SALUTATIONS = ['Hi', 'Hello', 'Hey', 'Dear', 'Good morning', 'Greetings', 'To whom it may concern', 'Hiya'];
const ADDRESSEES = ['customer', 'valued customer', 'there', 'Sir or Madam', 'team', 'Sam', 'Zoë', 'مريم'];

/** Sentences the rules flag: blame, robotic, minimizing, dismissive, deflection, negative openers, shouting. */
const FLAGGED = [
  'You forgot to attach the receipt.',
  "You didn't read the instructions we sent.",
  'This was clearly user error.',
  'As clearly stated in our terms, refunds take 14 days.',
  'Just restart the app.',
  "Simply click Save and you're done.",
  "It's really easy to reset your password.",
  'Of course, you can always email us.',
  'We apologize for any inconvenience this may have caused.',
  'We are sorry for any inconvenience.',
  'Your call is important to us.',
  'Please be advised that your order has shipped.',
  'Please do not hesitate to contact us.',
  'Dear valued customer, thank you for writing.',
  'As per our policy, we cannot refund this order.',
  'Unfortunately, the item is out of stock.',
  "Sadly, we can't ship to your country.",
  'Please calm down.',
  'As I mentioned before, the link expires after a day.',
  "That's not my department.",
  'The courier is to blame for the delay.',
  'Our hands are tied.',
  "I'm sorry.",
  "I'm so sorry, but there's nothing I can do.",
  'This is UNACCEPTABLE and we are VERY sorry.',
  'PLEASE NOTE the new opening hours.',
  'We fixed it!!!',
  'Thanks!!',
  'Obviously, this should never happen.',
  'Kindly do the needful.',
  'We regret to inform you that the offer has ended.',
  'I&#8217;m so sorry about the delay.',
  'Thanks\\!\\!\\! We will look again.',
  'You should have checked the size chart.',
  'Your   call is\nimportant to us.',
];

const KIND = [
  'Thank you for your patience while we looked into this.',
  "I've refunded the charge to your card today.",
  "I'll email you by Friday with an update.",
  'I can see why this is frustrating.',
  "Let's get this sorted together.",
  'Your new password link is on its way.',
  'Would you like me to set up a replacement?',
  'Thanks for your feedback on the new dashboard.',
  "I'm here to help if anything else comes up.",
  'Here are the steps to reset your password:',
  'Open Settings and choose Billing.',
  'The refund usually shows within 3–5 working days.',
  'Terms &amp; conditions are on our site.',
  'Your ticket <TICKET_ID> is open.',
  'Best wishes,',
  'Thanks for getting in touch about order {{ticket.id}}.',
  'Our VPN and SSO pages explain the setup.',
  'Your order&nbsp;is on its way!!',
  'Brightbox &copy 2024. Unfortunately, prices change.', // a reference without `;`: HTML reads it, Markdown does not
  'The fee is 20&#128; a month!!', // Windows-1252 habit: HTML reads €, Markdown U+FFFD
];

const UNICODE = [
  'Merci beaucoup 🙏 for your patience!',
  'Your café order 👩‍💻 is on the way.',
  'We ship to 🇬🇧 and 🇫🇷 today.',
  'Zoe\u0308 from our team will follow up.',
  'مرحبا! We have updated your account.',
  'שלום, your refund is confirmed.',
  "Thanks 👍🏽 — I've fixed it.",
  "I'm sorry 😔 about the delay.",
  'UNFORTUNATELY 😞 the order is late.',
  '𝐒𝐨𝐫𝐫𝐲 for the wait, 👨‍👩‍👧 families get 10% off.',
  'Just 🙂 click the link.',
  'Cafe\u0301 Nero gift cards are back in stock!!',
  'Done &#x1F600;!! Unfortunately, it took a while.',
  'We&#8217;re on it &#55357;&#56832; and SADLY it is late!!', // an emoji as two surrogate references: both parsers read U+FFFD
];

const CUSTOMER_WORDS = ['This is UNACCEPTABLE!!', 'I want a refund NOW.', "You people never answer. It's your fault.", 'Please help, I was charged twice 😡'];
const SHOUTS = ['URGENT', 'IMPORTANT', 'NOTE', 'FREE', 'ASAP', 'NEVER'];
const URLS = ['https://help.example.com/refunds', 'https://example.com/a?b=1&c=2', 'www.example.org/status'];
const CODE = ['sync --now', 'Settings > Billing', 'you forgot to', 'PLEASE'];
const COMMENTS = [
  'empathy-disable-next-line avoid-blame',
  'empathy-disable-next-line',
  'empathy-disable no-shouting',
  'empathy-enable',
  'empathy-disable',
  'empathy-disable-line positive-language, no-minimizing -- legal wording',
  'empathy-disable avoid-blme',
  'internal: check the order first',
  '\nempathy-disable-next-line no-minimizing\n',
];
const HTML_BLOCKS = [
  '<div class="internal">Agent note: customer error, refund denied!!!</div>',
  '<details>\n<summary>Internal</summary>\nYou forgot to pay.\n</details>',
  '<p align="center"><img src="logo.png" alt="Logo"></p>',
];

// ---- the model ----------------------------------------------------------------------------------

export type Inline =
  | { kind: 'text' | 'strong' | 'em' | 'html-b' | 'link'; text: string }
  | { kind: 'code' | 'url' | 'comment' | 'br'; text: string };
/** One line of prose: sentences and inline pieces, joined by single spaces. */
export type Line = Inline[];
export type Block =
  | { type: 'paragraph'; lines: Line[]; wrap: '\n' | '  \n' | '\\\n' }
  | { type: 'heading'; depth: 1 | 2; text: string; setext: boolean }
  | { type: 'list'; ordered: boolean; items: Line[]; nested: Line[] }
  | { type: 'code'; lang: string; body: string }
  | { type: 'quote'; paragraphs: Line[]; header: boolean }
  | { type: 'html'; html: string }
  | { type: 'comment'; text: string }
  | { type: 'hr' };
export interface Macro {
  title: string;
  /** Opening greeting line, if any, and how Markdown separates it from what follows: its own paragraph, a line break, a space. */
  greeting?: string;
  greetingJoin: '\n\n' | '\n' | ' ';
  blocks: Block[];
  /** Written as a library entry: a note for agents, then the whole reply in a block quote (Markdown only). */
  quoted: boolean;
}

const sentence = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FLAGGED) },
  { weight: 4, arbitrary: fc.constantFrom(...KIND) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  // Variations real macros have: a negative opener, shouting, piled-up exclamation marks.
  { weight: 1, arbitrary: fc.constantFrom(...KIND).map((s) => `Unfortunately, ${s[0]!.toLowerCase()}${s.slice(1)}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SHOUTS), fc.constantFrom(...KIND)).map(([w, s]) => `${w}: ${s}`) },
  { weight: 1, arbitrary: fc.constantFrom(...KIND, ...FLAGGED).map((s) => s.replace(/[.!?:,]?$/, '!!!')) },
  { weight: 1, arbitrary: fc.constantFrom(...KIND).map((s) => s.toUpperCase()) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KIND), fc.constantFrom(...OTHER_PLACEHOLDERS, ...NAME_PLACEHOLDERS)).map(([s, p]) => s.replace(/[.!?:,]?$/, `, ${p}.`)) },
  // Pasted from a word processor: a tab, a no-break space or a double space between two words.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FLAGGED, ...KIND), fc.constantFrom('\t', '\u00a0', '  ')).map(([s, space]) => s.replace(' ', space)) },
);

const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 12, arbitrary: sentence.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('strong', 'em', 'html-b', 'link') as fc.Arbitrary<'strong' | 'em' | 'html-b' | 'link'>, sentence).map(([kind, text]) => ({ kind, text })) },
  { weight: 1, arbitrary: fc.constantFrom(...CODE).map((text) => ({ kind: 'code' as const, text })) },
  { weight: 1, arbitrary: fc.constantFrom(...URLS, 'help@example.com').map((text) => ({ kind: 'url' as const, text })) },
  { weight: 1, arbitrary: fc.constantFrom(...COMMENTS.slice(0, 7)).map((text) => ({ kind: 'comment' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'br' as const, text: '' }) },
);
const line = fc.array(inline, { minLength: 1, maxLength: 3 });
const lineOf = (texts: readonly string[]) => fc.constantFrom(...texts).map((text): Line => [{ kind: 'text', text }]);

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('paragraph' as const), lines: fc.array(line, { minLength: 1, maxLength: 3 }), wrap: fc.constantFrom('\n' as const, '  \n' as const, '\\\n' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(line, { minLength: 1, maxLength: 4 }), nested: fc.array(line, { maxLength: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('heading' as const), depth: fc.constantFrom(1 as const, 2 as const), text: sentence, setext: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('code' as const), lang: fc.constantFrom('', 'bash', 'text'), body: fc.constantFrom('you forgot to\nPLEASE READ!!!', 'npm run reset -- --force', 'Unfortunately, 🙂') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('quote' as const),
      paragraphs: fc.array(fc.oneof(lineOf(CUSTOMER_WORDS), line), { minLength: 1, maxLength: 3 }),
      header: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('html' as const), html: fc.constantFrom(...HTML_BLOCKS) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('comment' as const), text: fc.constantFrom(...COMMENTS) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'hr' as const }) },
);

const greeting = fc.tuple(
  fc.constantFrom(...SALUTATIONS),
  fc.option(fc.oneof(fc.constantFrom(...NAME_PLACEHOLDERS), fc.constantFrom(...ADDRESSEES)), { nil: undefined }),
  fc.constantFrom(',', '!', '', ' —', ':', ' 👋'),
).map(([salutation, who, end]) => `${salutation}${who ? ` ${who}` : ''}${end}`);

export const macroArb: fc.Arbitrary<Macro> = fc.record(
  {
    title: fc.constantFrom('Refund issued', 'Out of stock', 'Password reset', 'Colis en retard 📦', 'Late parcel', 'URGENT outage'),
    greeting,
    greetingJoin: fc.constantFrom('\n\n' as const, '\n' as const, ' ' as const),
    blocks: fc.array(block, { minLength: 0, maxLength: 6 }),
    quoted: fc.constantFrom(false, false, false, true),
  },
  { requiredKeys: ['title', 'greetingJoin', 'blocks', 'quoted'] },
);

// ---- Markdown -----------------------------------------------------------------------------------

function inlineMarkdown(piece: Inline): string {
  switch (piece.kind) {
    case 'text': return piece.text;
    case 'strong': return `**${piece.text}**`;
    case 'em': return `_${piece.text}_`;
    case 'html-b': return `<b>${piece.text}</b>`;
    case 'link': return `[${piece.text}](https://example.com/help)`;
    case 'code': return `\`${piece.text}\``;
    case 'url': return piece.text;
    case 'comment': return `<!-- ${piece.text} -->`;
    case 'br': return '<br>';
  }
}

const lineMarkdown = (pieces: Line) => pieces.map(inlineMarkdown).join(' ');

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'paragraph': return block.lines.map(lineMarkdown).join(block.wrap);
    case 'heading': return block.setext ? `${block.text}\n${block.depth === 1 ? '===' : '---'}` : `${'#'.repeat(block.depth)} ${block.text}`;
    case 'list': {
      const item = (pieces: Line, marker: string, indent: string) => `${indent}${marker} ${lineMarkdown(pieces).replace(/\n/g, `\n${indent}   `)}`;
      const items = block.items.map((pieces, i) => item(pieces, block.ordered ? `${i + 1}.` : '-', ''));
      return [...items, ...block.nested.map((pieces) => item(pieces, '*', '   '))].join('\n');
    }
    case 'code': return `\`\`\`${block.lang}\n${block.body}\n\`\`\``;
    case 'quote': {
      const quoted = block.paragraphs.map((p) => lineMarkdown(p).replace(/^/gm, '> ')).join('\n>\n');
      return block.header ? `On Tue, 4 Jun 2024 at 09:12, Sam Lee <sam@example.com> wrote:\n\n${quoted}` : quoted;
    }
    case 'html': return block.html;
    case 'comment': return `<!-- ${block.text} -->`;
    case 'hr': return '***';
  }
}

/** The macro's body as Markdown (no title): the greeting, then its blocks. */
export function macroMarkdown(macro: Macro): string {
  const blocks = macro.blocks.map(blockMarkdown).join('\n\n');
  const reply = !macro.greeting ? blocks : blocks === '' ? macro.greeting : `${macro.greeting}${macro.greetingJoin}${blocks}`;
  if (!macro.quoted) return reply;
  return `**Use when:** the refund has gone through.\n\n${reply.replace(/^(.?)/gm, (first: string) => (first ? `> ${first}` : '>'))}`;
}

// ---- HTML (Zendesk comment_value_html, Freshdesk content_html, Intercom body) -------------------

/** Markdown's backslash escapes mean nothing in HTML, and a fill-in such as `<TICKET_ID>` is written `&lt;TICKET_ID&gt;` there. */
const htmlText = (text: string) => text.replace(/\\([!*_])/g, '$1').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inlineHtml(piece: Inline): string {
  switch (piece.kind) {
    case 'text': return htmlText(piece.text);
    case 'strong': return `<strong>${htmlText(piece.text)}</strong>`;
    case 'em': return `<em>${htmlText(piece.text)}</em>`;
    case 'html-b': return `<b>${htmlText(piece.text)}</b>`;
    case 'link': return `<a href="https://example.com/help?a=1&amp;b=2">${htmlText(piece.text)}</a>`;
    case 'code': return `<code>${piece.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
    case 'url': return piece.text.replace(/&/g, '&amp;');
    case 'comment': return `<!-- ${piece.text} -->`;
    case 'br': return '<br>';
  }
}

const lineHtml = (pieces: Line) => pieces.map(inlineHtml).join(' ');

function blockHtml(block: Block, pretty: boolean): string {
  const nl = pretty ? '\n' : '';
  switch (block.type) {
    case 'paragraph': return `<p>${block.lines.map(lineHtml).join(`<br>${nl}`)}</p>`;
    case 'heading': return `<h${block.depth + 1}>${htmlText(block.text)}</h${block.depth + 1}>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const nested = block.nested.length > 0 ? `<ul>${block.nested.map((item) => `<li>${lineHtml(item)}</li>`).join('')}</ul>` : '';
      const items = block.items.map((item, i) => `${pretty ? '  ' : ''}<li>${lineHtml(item)}${i === block.items.length - 1 ? nested : ''}</li>`);
      return `<${tag}>${nl}${items.join(nl)}${nl}</${tag}>`;
    }
    case 'code': return `<pre><code>${block.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>`;
    case 'quote': return `<blockquote>${block.paragraphs.map((p) => `<p>${lineHtml(p)}</p>`).join(nl)}</blockquote>`;
    case 'html': return block.html;
    case 'comment': return `<!-- ${block.text} -->`;
    case 'hr': return '<hr>';
  }
}

export function macroHtml(macro: Macro, pretty: boolean): string {
  const greeting = macro.greeting ? [`<p>${htmlText(macro.greeting)}</p>`] : [];
  return [...greeting, ...macro.blocks.map((b) => blockHtml(b, pretty))].join(pretty ? '\n' : '');
}

// ---- line endings -------------------------------------------------------------------------------

export type LineEnding = '\n' | '\r\n' | '\r';
/** One ending for every line, or a pattern of them repeated (a file edited on several systems; a lone CR is rare). */
export type LineEndings = { kind: 'lf' } | { kind: 'crlf' } | { kind: 'mixed'; pattern: LineEnding[] };

const lineEndings: fc.Arbitrary<LineEndings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'lf' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'crlf' as const }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom<LineEnding>('\n', '\r\n', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }).map((pattern) => ({ kind: 'mixed' as const, pattern })),
  },
);

/** Rewrites every `\n` as the line endings say. */
export function withLineEndings(text: string, endings: LineEndings): string {
  if (endings.kind === 'lf') return text;
  if (endings.kind === 'crlf') return text.replace(/\n/g, '\r\n');
  let i = 0;
  return text.replace(/\n/g, () => endings.pattern[i++ % endings.pattern.length]!);
}

// ---- Markdown files -----------------------------------------------------------------------------

export interface MarkdownFile {
  layout: 'single' | 'front-matter' | 'library';
  macros: Macro[];
  /** `#` or `##` for a library's macro headings. */
  sectionDepth: 1 | 2;
  endings: LineEndings;
  finalNewline: boolean;
  bom: boolean;
}

export const markdownFileArb: fc.Arbitrary<MarkdownFile> = fc.record({
  layout: fc.constantFrom('single' as const, 'front-matter' as const, 'library' as const),
  macros: fc.array(macroArb, { minLength: 1, maxLength: 3 }),
  sectionDepth: fc.constantFrom(1 as const, 2 as const),
  endings: lineEndings,
  finalNewline: fc.boolean(),
  bom: fc.constantFrom(false, false, false, false, false, false, false, true),
});

export function renderMarkdownFile(file: MarkdownFile): string {
  const [first] = file.macros;
  let text: string;
  if (file.layout === 'library' && file.macros.length > 1) {
    const hashes = '#'.repeat(file.sectionDepth);
    const intro = file.sectionDepth === 2 ? '# Saved replies\n\nFor agents: read each reply through before sending.\n\n' : '';
    text = intro + file.macros.map((m) => `${hashes} ${m.title}\n\n${macroMarkdown(m)}`).join('\n\n');
  } else if (file.layout === 'front-matter') {
    text = `---\ntitle: ${first!.title}\ntags: [billing, "refunds"]\n---\n\n${macroMarkdown(first!)}`;
  } else {
    text = `# ${first!.title}\n\n${macroMarkdown(first!)}`;
  }
  return (file.bom ? '\uFEFF' : '') + withLineEndings(text + (file.finalNewline ? '\n' : ''), file.endings);
}

export const markdownArb: fc.Arbitrary<string> = markdownFileArb.map(renderMarkdownFile);

// ---- helpdesk JSON exports ----------------------------------------------------------------------

export type Helpdesk = 'zendesk' | 'zendesk-single' | 'zendesk-array' | 'freshdesk' | 'helpscout' | 'intercom';
/** How a body string is written: Markdown (or plain text), or HTML, laid out on one line or pretty. */
export type BodyStyle = 'markdown' | 'html' | 'html-pretty';

export interface JsonExport {
  helpdesk: Helpdesk;
  macros: { macro: Macro; style: BodyStyle; subject?: string; channelArray: boolean; internal: boolean }[];
  indent: 0 | 2 | 4 | '\t';
  /** Which non-ASCII characters are written as \uXXXX: none, all, or a cycling pattern. */
  escape: { kind: 'none' } | { kind: 'all' } | { kind: 'some'; pattern: boolean[] };
  escapeSlashes: boolean;
  bodyEndings: LineEndings;
  fileEndings: LineEndings;
}

export const jsonExportArb: fc.Arbitrary<JsonExport> = fc.record({
  helpdesk: fc.constantFrom('zendesk' as const, 'zendesk-single' as const, 'zendesk-array' as const, 'freshdesk' as const, 'helpscout' as const, 'intercom' as const),
  macros: fc.array(
    fc.record(
      {
        macro: macroArb,
        style: fc.constantFrom('markdown' as const, 'html' as const, 'html-pretty' as const),
        subject: fc.oneof(fc.constantFrom('Re: your order', 'Your refund 💸'), sentence),
        channelArray: fc.boolean(),
        internal: fc.constantFrom(false, false, false, true),
      },
      { requiredKeys: ['macro', 'style', 'channelArray', 'internal'] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  indent: fc.constantFrom(0 as const, 2 as const, 4 as const, '\t' as const),
  escape: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.constant({ kind: 'all' as const }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }).map((pattern) => ({ kind: 'some' as const, pattern })),
  ),
  escapeSlashes: fc.boolean(),
  bodyEndings: lineEndings,
  fileEndings: lineEndings,
});

function exportData(file: JsonExport): unknown {
  const body = ({ macro, style }: JsonExport['macros'][number]) =>
    withLineEndings(style === 'markdown' ? macroMarkdown(macro) : macroHtml(macro, style === 'html-pretty'), file.bodyEndings);
  switch (file.helpdesk) {
    case 'zendesk':
    case 'zendesk-single':
    case 'zendesk-array': {
      const macros = file.macros.map((entry, i) => {
        const text = body(entry);
        const comment = entry.style === 'markdown' ? { field: 'comment_value', value: entry.channelArray ? ['channel:all', text] : text } : { field: 'comment_value_html', value: text };
        const actions = [
          ...(entry.subject === undefined ? [] : [{ field: 'subject', value: entry.subject }]),
          comment,
          ...(entry.internal ? [{ field: 'comment_mode_is_public', value: false }] : []),
          { field: 'status', value: 'solved' },
        ];
        return { id: 360000000 + i, title: entry.macro.title, active: true, actions, restriction: null };
      });
      if (file.helpdesk === 'zendesk-single') return { macro: macros[0] };
      if (file.helpdesk === 'zendesk-array') return macros;
      return { macros, next_page: null, previous_page: null, count: macros.length };
    }
    case 'freshdesk':
      return {
        id: 9,
        name: 'Refunds',
        canned_responses: file.macros.map((entry, i) => ({
          id: i + 1,
          title: entry.macro.title,
          content: macroMarkdown(entry.macro),
          ...(entry.style === 'markdown' ? {} : { content_html: body(entry) }),
          folder_id: 9,
        })),
      };
    case 'helpscout':
      return { _embedded: { replies: file.macros.map((entry, i) => ({ id: 500 + i, name: entry.macro.title, text: body(entry) })) }, page: { size: 50, totalElements: file.macros.length } };
    case 'intercom':
      return { type: 'list', data: file.macros.map((entry, i) => ({ type: 'saved_reply', id: `r${i + 1}`, name: entry.macro.title, body: body(entry) })) };
  }
}

/**
 * Writes characters above U+007E as \uXXXX, as some exporters do: an astral character as its two
 * surrogates, never one of them alone (half a pair cannot be saved as UTF-8).
 */
export function escapeNonAscii(json: string, pick: (index: number) => boolean = () => true): string {
  let n = 0;
  const escape = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;
  return json.replace(/[\u{7f}-\u{10ffff}]/gu, (ch) => (pick(n++) ? [...Array(ch.length).keys()].map((i) => escape(ch.charCodeAt(i))).join('') : ch));
}

export function renderJsonExport(file: JsonExport): string {
  let json = JSON.stringify(exportData(file), null, file.indent === 0 ? undefined : file.indent);
  const { escape } = file;
  if (escape.kind === 'all') json = escapeNonAscii(json);
  if (escape.kind === 'some') json = escapeNonAscii(json, (i) => escape.pattern[i % escape.pattern.length]!);
  // Outside strings `/` never occurs in JSON text, so every one is inside a string and may be escaped.
  if (file.escapeSlashes) json = json.replace(/\//g, '\\/');
  // Line breaks in JSON text are white space between tokens (those in strings are escaped), so any ending goes.
  return withLineEndings(json, file.fileEndings);
}

export const jsonArb: fc.Arbitrary<string> = jsonExportArb.map(renderJsonExport);
