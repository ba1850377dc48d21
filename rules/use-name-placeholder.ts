// Flags a reply that never addresses the customer by name: a generic greeting ("Dear customer", "Hi there")
// or no greeting and no name placeholder at all. A name is the cheapest way to show a human wrote back.
import type { MacroDocument } from '../src/engine/document.js';
import { defineRule } from '../src/engine/rule.js';
import data from './use-name-placeholder.phrases.json' with { type: 'json' };

const alternatives = (list: readonly string[]) =>
  [...list].sort((a, b) => b.length - a.length).map((s) => s.replace(/[/]/g, '\\/').replace(/ /g, '\\s+')).join('|');
/**
 * A salutation at the start of the reply, optionally with a generic addressee, then punctuation or the line's end.
 * A hyphen joined to the next word makes a compound ("Hi-res photos"), not a greeting.
 */
const GREETING = new RegExp(
  `^(?<salutation>${alternatives(data.salutations)})(?:\\s+(?:${alternatives(data.genericAddressees)}))?(?=\\s*(?:[,.!:;—–]|-(?![\\p{L}\\p{N}])|\\p{Extended_Pictographic}|$))`,
  'iu',
);
const SALUTATION = new RegExp(`^(?:${alternatives(data.salutations)})\\b`, 'i');

export default defineRule({
  meta: {
    id: 'use-name-placeholder',
    description: "Replies that don't greet the customer by name through the helpdesk's placeholder",
    docs: 'docs/rules/use-name-placeholder.md',
    category: 'tone',
    repliesOnly: true,
    defaultSeverity: 'warn',
    fixable: true,
    hasSuggestions: false,
    messages: {
      genericGreeting:
        '"{{greeting}}" could be sent to anyone. Greet the customer by name with a placeholder, e.g. "{{suggested}}", so the reply feels written for them.',
      noName:
        'This reply never uses the customer\'s name. Start with a greeting such as "Hi {{placeholder}}," so it feels written for them, not pasted.',
    },
    // '' means the dialect's own: {{ticket.requester.first_name}} for Zendesk, {%customer.firstName,fallback=there%} for Help Scout, …
    defaultOptions: { placeholder: '' },
  },
  check(doc, report, options) {
    const placeholder = String(options.placeholder) || doc.dialect.namePlaceholder;
    const opening = openingLine(doc);
    if (!opening) return;
    const greeting = GREETING.exec(opening.text);
    const namedInGreeting = doc.placeholders.some((p) => p.isName && p.start >= opening.start && p.end <= opening.end);
    if (greeting && !namedInGreeting) {
      const salutation = greeting.groups?.salutation ?? '';
      const key = salutation.toLowerCase().replace(/\s+/g, ' ') as keyof typeof data.salutationWithoutName;
      const keep = data.salutationWithoutName[key] ?? salutation;
      const suggested = `${keep} ${placeholder}`;
      const range = [opening.start, opening.start + greeting[0].length] as const;
      report({
        messageId: 'genericGreeting',
        data: { greeting: greeting[0], suggested },
        range,
        fix: { range, text: suggested },
      });
      return;
    }
    // A greeting with a written-out name ("Hi Sam,") is a greeting; only a reply with neither is reported.
    if (!SALUTATION.test(opening.text) && !doc.placeholders.some((p) => p.isName)) {
      report({ messageId: 'noName', data: { placeholder }, range: [opening.start, opening.end] });
    }
  },
});

/** The reply's first line of prose (headings are titles), trimmed of leading emoji and punctuation. */
function openingLine(doc: MacroDocument): { start: number; end: number; text: string } | undefined {
  const block = doc.blocks.find((b) => b.kind !== 'heading');
  if (!block) return undefined;
  const raw = doc.text.slice(block.start, block.end).split('\n', 1)[0]!;
  const lead = raw.search(/[\p{L}\p{N}{[<@]/u);
  if (lead < 0) return undefined;
  const text = raw.slice(lead).trimEnd();
  return { start: block.start + lead, end: block.start + lead + text.length, text };
}
