// Custom phrase rules written as data in a config file:
//   { "id": "acme/no-ticket-jargon", "severity": "warn", "match": ["ticket number"],
//     "message": "Say 'your request': customers don't think in tickets.", "replace": "your request" }
import { type PhraseEntry } from '../engine/phrases.js';
import { defineRule, type AnyRule } from '../engine/rule.js';
import type { SeverityLevel } from '../engine/types.js';

export interface PhraseRuleConfig {
  id: string;
  severity?: SeverityLevel | 0 | 1 | 2;
  match?: string[];
  regex?: string;
  message: string;
  replace?: string;
}

export function phraseRule(entry: PhraseRuleConfig, fail: (message: string) => never): AnyRule {
  if (entry.regex !== undefined) checkRegex(entry.id, entry.regex, fail);
  const phrases: PhraseEntry[] = [{ ...(entry.match ? { match: entry.match } : {}), ...(entry.regex !== undefined ? { regex: entry.regex } : {}) }];
  const { replace } = entry;
  return defineRule({
    meta: {
      id: entry.id,
      description: entry.message,
      docs: '',
      defaultSeverity: 'warn',
      fixable: replace !== undefined,
      hasSuggestions: false,
      messages: { phrase: '"{{actual}}": {{advice}}' },
    },
    check(doc, report) {
      for (const hit of doc.findPhrases(phrases)) {
        const data = { actual: hit.actual, advice: entry.message };
        if (replace === undefined) report({ messageId: 'phrase', data, range: hit.range });
        else report({ messageId: 'phrase', data, range: hit.range, fix: { range: hit.range, text: sameCase(hit.actual, replace) } });
      }
    },
  });
}

/** A capital at the start of what was written stays a capital ("Ticket number" → "Your request"). */
function sameCase(actual: string, replacement: string): string {
  const first = actual[0] ?? '';
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** A user's regex is compiled with the `u` flag, and refused if it is broken or can match nothing at all. */
function checkRegex(id: string, source: string, fail: (message: string) => never): void {
  let anchored: RegExp;
  try {
    new RegExp(source, 'u');
    anchored = new RegExp(`^(?:${source})$`, 'u');
  } catch (error) {
    return fail(`phrases: "${id}" has a regex that does not compile: ${(error as Error).message}`);
  }
  if (anchored.test('')) fail(`phrases: "${id}" has a regex that can match empty text, which would report everywhere; make it require at least one character`);
  const nested = NESTED_QUANTIFIER.exec(source);
  if (nested) {
    fail(`phrases: "${id}" has a regex with a repeated group that repeats itself ("${nested[0]}"), which can take forever on some text; use "match" phrases or a simpler regex`);
  }
}

/**
 * A group that holds a quantifier and is quantified again, as in (a+)+ or (\w*\s?)*: the shape behind
 * catastrophic backtracking. Refused at load time, so a team's rule can never hang a run.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/;
