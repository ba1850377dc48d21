// Helpdesk placeholders ("fill-ins") are kept as single tokens: rules never read inside them.

/**
 * Every placeholder style we keep whole, from the helpdesks' own syntax to the generic fill-ins
 * that real libraries use. Bounded lengths keep a stray brace from swallowing a paragraph.
 */
const PLACEHOLDER_SOURCES = [
  String.raw`@?\{\{[^{}\n]{1,200}\}\}`, // Zendesk / Freshdesk / Intercom / Gorgias Liquid, Handlebars: {{ticket.requester.first_name}}
  String.raw`\{%[^%\n]{1,200}%\}`, // Help Scout and Liquid tags: {%customer.firstName,fallback=there%}, {% if … %}
  String.raw`\{![^{}\n]{1,200}\}`, // Salesforce merge fields: {!Contact.FirstName}
  String.raw`\{[A-Za-z_][\w.\- ]{0,60}\}`, // generic: {customer_name}
  String.raw`\[[A-Z][A-Za-z0-9]*(?:[ _\-][A-Za-z0-9]+){0,5}\]`, // generic: [Customer Name]
  String.raw`@?<[A-Za-z][A-Za-z0-9_]*(?: [A-Za-z0-9_]+){0,4}>`, // generic: <ISSUE_NUMBER>, @<reporter>
];

const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCES.join('|'), 'g');

/** HTML elements that can appear inline in Markdown; `<reporter>` is a fill-in, `<br>` is not. */
const HTML_ELEMENTS = new Set(
  ('a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time ' +
    'u var wbr div p details summary table tr td th thead tbody ul ol li dl dt dd hr h1 h2 h3 h4 h5 h6 ' +
    'blockquote pre section article aside header footer nav figure figcaption picture source video audio iframe ' +
    'font center big strike tt label input button form select option textarea script style link meta')
    .split(' '),
);

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
}

export function findPlaceholders(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const value = m[0];
    if (value.includes('<') && !isAngleFillIn(value)) continue;
    found.push({ start: m.index, end: m.index + value.length, text: value });
  }
  return found;
}

/** `<ISSUE_NUMBER>` or `<reporter>` is a fill-in; `<em>` is markup. */
export function isAngleFillIn(tag: string): boolean {
  const name = /^@?<([A-Za-z][A-Za-z0-9_]*)/.exec(tag)?.[1];
  if (!name) return false;
  return /[_ ]/.test(tag) || !HTML_ELEMENTS.has(name.toLowerCase());
}

const NAME_FIELD =
  /^(?:(?:first|given|full|display|customer|client|contact|requester|recipient|member|user|buyer|visitor)[ _-]?)?name$/;
const PERSON_FIELD = /^(?:author|reporter|customer|requester|recipient|client|contact)$/;
/** Path segments that point at someone other than the customer: the agent, the company, a product. */
const NOT_THE_CUSTOMER =
  /^(?:current_?user|agent|assignee|staff|sender|brand|organi[sz]ation|company|account|group|product|plan|team|site|store|shop)$/;

/**
 * Does this placeholder stand for the customer's name? `{{ticket.requester.first_name}}`,
 * `{%customer.firstName,fallback=there%}`, `{!Contact.FirstName}`, `{customer_name}`, `[Customer Name]`,
 * `@{{ author }}` do; `{{current_user.first_name}}` (the agent) and `{{ticket.id}}` do not.
 */
export function isNamePlaceholder(placeholder: string): boolean {
  const inner = placeholder
    .replace(/^@/, '')
    .replace(/^(?:\{\{|\{%|\{!|\{|\[|<)\s*/, '')
    .replace(/\s*(?:\}\}|%\}|\}|\]|>)$/, '');
  const path = inner.split(/[|,]/, 1)[0]!.trim().toLowerCase();
  const segments = path.split('.').map((s) => s.trim());
  const last = segments[segments.length - 1] ?? '';
  if (segments.slice(0, -1).some((s) => NOT_THE_CUSTOMER.test(s))) return false;
  return NAME_FIELD.test(last) || (segments.length === 1 && PERSON_FIELD.test(last));
}
