// The rule contract. Built-in rules and plugin rules are the same plain object.
import type { MacroDocument } from './document.js';
import type { Report, RuleMeta } from './types.js';

export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> {
  meta: RuleMeta & { defaultOptions?: Options };
  /** Look at one macro and call `report` for each problem; `options` are the defaults merged with the config's. */
  check(doc: MacroDocument, report: Report, options: Options): void;
}

/** Identity at run time; gives rule authors type checking of `meta` and `options`. */
export function defineRule<Options extends Record<string, unknown> = Record<string, unknown>>(
  rule: Rule<Options>,
): Rule<Options> {
  return rule;
}

// The registry holds rules of many option types; `check` is only ever called with the rule's own
// (validated, default-merged) options, so the options type can be erased at this boundary.
export type AnyRule = Rule<any>;

/** Fill `{{name}}` in a message template from `data`; unknown names stay as written. */
export function formatMessage(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}
