// Flags placeholders the helpdesk cannot fill in: malformed braces, Liquid blocks left open, names the
// platform does not know, another platform's syntax, and customer names with no fallback. The customer
// would see the raw code, or an empty "Hi ,".
import { dialectKnowing, placeholderName, syntaxOf } from '../src/engine/dialects.js';
import type { MacroDocument, Placeholder } from '../src/engine/document.js';
import { defineRule } from '../src/engine/rule.js';
import { editDistance } from '../src/engine/similar.js';
import type { Report } from '../src/engine/types.js';
import data from './valid-placeholders.phrases.json' with { type: 'json' };

interface MalformedPattern {
  regex: string;
  missing: string;
  closeWith?: string;
  openWith?: string;
  replaceLast?: string;
  replaceFirst?: string;
}

const malformed = (data.malformed as MalformedPattern[]).map((p) => ({ ...p, pattern: new RegExp(p.regex, 'g') }));
const openers: Record<string, string> = data.blockOpeners;
const middles: Record<string, string[]> = data.blockMiddles;
const liquidBuiltins: string[] = data.liquidVariables;
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*$/;
const TAG_WORD = /^\{%-?\s*(\w+)/;
/** `{% for comment in … %}`, `{% assign total = … %}`, `{% capture note %}`: names the macro defines itself. */
const LIQUID_BINDING = /^\{%-?\s*(?:for\s+(\w+)\s+in\b|assign\s+(\w+)\s*=|capture\s+(\w+))/;

export default defineRule({
  meta: {
    id: 'valid-placeholders',
    category: 'correctness',
    description: 'Placeholders the helpdesk cannot fill in',
    docs: 'docs/rules/valid-placeholders.md',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      malformed: '"{{actual}}" is missing {{missing}}, so the customer would see it as typed instead of the value. Write "{{expected}}".',
      malformedNoFix: '"{{actual}}" is missing {{missing}}, so the customer would see it as typed instead of the value. Close the placeholder.',
      unclosedBlock: '"{{actual}}" opens a block that is never closed, so the rest of the reply may not show. Add "{% {{closer}} %}" where it should end.',
      strayTag: '"{{actual}}" closes or continues a block that was never opened, so the helpdesk may print it or fail to send the macro. Remove it or add the opening tag.',
      unknownName: '"{{actual}}" is not a placeholder {{dialect}} knows, so the customer would see it blank or as typed. Did you mean "{{expected}}"?',
      unknownNameNoGuess: '"{{actual}}" is not a placeholder {{dialect}} knows, so the customer would see it blank or as typed. Check the name, or add it to "placeholders.allow" if it is one of your custom fields.',
      foreign: '"{{actual}}" is written the {{other}} way, but this macro is for {{dialect}}, which will not fill it in. Use {{dialect}}\'s own placeholder instead.',
      noFallback: '"{{actual}}" prints nothing when the customer\'s name is missing, leaving "Hi ,". Add a fallback: "{{expected}}".',
    },
  },
  check(doc, report) {
    checkMalformed(doc, report);
    checkBlocks(doc, report);
    const locals = liquidVariables(doc);
    for (const placeholder of doc.placeholders) checkName(doc, placeholder, locals, report);
  },
});

function checkMalformed(doc: MacroDocument, report: Report): void {
  for (const { pattern, missing, closeWith, openWith, replaceLast, replaceFirst } of malformed) {
    for (const m of doc.text.matchAll(pattern)) {
      const actual = m[0];
      const range = [m.index, m.index + actual.length] as const;
      const expected = closeWith
        ? actual + closeWith
        : openWith
          ? openWith + actual
          : replaceLast
            ? actual.slice(0, -1) + replaceLast
            : replaceFirst
              ? replaceFirst + actual.slice(1)
              : undefined;
      if (expected === undefined) report({ messageId: 'malformedNoFix', data: { actual, missing }, range });
      else report({ messageId: 'malformed', data: { actual, missing, expected }, range, fix: { range, text: expected } });
    }
  }
}

/** Liquid `{% if %}…{% endif %}` and friends must pair up, in order. */
function checkBlocks(doc: MacroDocument, report: Report): void {
  const open: { word: string; placeholder: Placeholder }[] = [];
  for (const placeholder of doc.placeholders) {
    if (syntaxOf(placeholder.text) !== 'liquid-tag') continue;
    const word = TAG_WORD.exec(placeholder.text)?.[1] ?? '';
    const range = [placeholder.start, placeholder.end] as const;
    if (word in openers) open.push({ word, placeholder });
    else if (word in middles) {
      if (!open.some((o) => middles[word]!.includes(o.word))) report({ messageId: 'strayTag', data: { actual: placeholder.text }, range });
    } else if (word.startsWith('end')) {
      const at = open.map((o) => openers[o.word]).lastIndexOf(word);
      if (at < 0) report({ messageId: 'strayTag', data: { actual: placeholder.text }, range });
      else open.splice(at);
    }
  }
  for (const { word, placeholder } of open) {
    report({ messageId: 'unclosedBlock', data: { actual: placeholder.text, closer: openers[word] }, range: [placeholder.start, placeholder.end] });
  }
}

/** Variables the macro's own Liquid binds, plus Liquid's built-ins: they are not the helpdesk's to know. */
function liquidVariables(doc: MacroDocument): Set<string> {
  const names = new Set(liquidBuiltins);
  for (const { text } of doc.placeholders) {
    const m = LIQUID_BINDING.exec(text);
    if (m) names.add((m[1] ?? m[2] ?? m[3])!);
  }
  return names;
}

function checkName(doc: MacroDocument, placeholder: Placeholder, locals: ReadonlySet<string>, report: Report): void {
  const { dialect } = doc;
  const syntax = syntaxOf(placeholder.text);
  if (syntax === 'liquid-tag' || syntax === 'brace' || syntax === 'bracket' || syntax === 'angle') return; // fill-ins for the agent
  const name = placeholderName(placeholder.text);
  if (!IDENTIFIER_PATH.test(name)) return; // a Liquid expression such as {{ 'now' | date }}
  if (syntax === 'mustache' && locals.has(name.split('.', 1)[0]!)) return; // {{comment.author.name}} inside {% for comment in … %}
  const actual = placeholder.text;
  const range = [placeholder.start, placeholder.end] as const;
  if (!dialect.syntax.has(syntax) || !dialect.knows(name)) {
    const other = dialectKnowing(name, syntax, dialect.name);
    if (other && (!dialect.syntax.has(syntax) || !dialect.acceptsAnyName)) {
      report({ messageId: 'foreign', data: { actual, other: other.label, dialect: dialect.label }, range });
      return;
    }
    if (dialect.acceptsAnyName || !dialect.syntax.has(syntax)) return;
    const near = nearestNames(name, dialect.knownNames());
    const at = placeholder.start + placeholder.text.indexOf(name);
    if (near.length === 1) {
      const expected = actual.replace(name, near[0]!);
      report({ messageId: 'unknownName', data: { actual, expected, dialect: dialect.label }, range, fix: { range: [at, at + name.length], text: near[0]! } });
    } else {
      report({ messageId: 'unknownNameNoGuess', data: { actual, dialect: dialect.label }, range });
    }
    return;
  }
  const { fallback } = dialect;
  // Spacing is free: `{{first_name | fallback: "there"}}` has the same fallback as `{{first_name|fallback:"there"}}`.
  if (fallback && dialect.needsFallback(name) && !actual.replace(/\s+/g, '').includes(fallback.pattern)) {
    const expected = actual.slice(0, -fallback.before.length).trimEnd() + fallback.insert + fallback.before;
    report({ messageId: 'noFallback', data: { actual, expected }, range, suggestions: [{ desc: 'Add a fallback: "{{expected}}"', fix: { range, text: expected } }] });
  }
}

/** The known names closest to a typo (at most 2 edits away): one means a confident fix, as `fist_name` → `first_name` beats `last_name`. */
function nearestNames(name: string, known: Iterable<string>): string[] {
  let best = 3;
  let nearest: string[] = [];
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < best) [best, nearest] = [distance, [candidate]];
    else if (distance === best) nearest.push(candidate);
  }
  return nearest;
}
