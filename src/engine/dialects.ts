// Helpdesk placeholder dialects: which syntax each platform fills in, its known names (data files in
// dialects/), and its customer-name placeholder. The dialect comes from config, else from the file's
// format (a Zendesk export speaks Zendesk), else it is guessed from the placeholders the file uses.
import freshdesk from './dialects/freshdesk.json' with { type: 'json' };
import generic from './dialects/generic.json' with { type: 'json' };
import gorgias from './dialects/gorgias.json' with { type: 'json' };
import helpscout from './dialects/helpscout.json' with { type: 'json' };
import intercom from './dialects/intercom.json' with { type: 'json' };
import salesforce from './dialects/salesforce.json' with { type: 'json' };
import zendesk from './dialects/zendesk.json' with { type: 'json' };
import { findPlaceholders } from './placeholders.js';

/** The shapes a placeholder can take. */
export type PlaceholderSyntax = 'mustache' | 'liquid-tag' | 'percent' | 'bang' | 'brace' | 'bracket' | 'angle';

interface DialectData {
  name: string;
  label: string;
  syntax: string[];
  /** What to write for the customer's name, with a fallback where the platform needs one. */
  namePlaceholder: string;
  names: string[];
  /** Name prefixes of custom fields: anything under them is known. */
  prefixes?: string[];
  /** Any name is accepted (generic fill-ins). */
  anyName?: boolean;
  /** Customer-name placeholders that print nothing without a fallback, and how to add one. */
  customerNames?: string[];
  fallback?: { pattern: string; insert: string; before: string };
}

const DATA: readonly DialectData[] = [zendesk, freshdesk, helpscout, intercom, gorgias, salesforce, generic];
export const DIALECT_NAMES = DATA.map((d) => d.name);

export class Dialect {
  readonly name: string;
  readonly label: string;
  readonly namePlaceholder: string;
  readonly syntax: ReadonlySet<string>;
  readonly fallback: DialectData['fallback'];
  private readonly names: ReadonlySet<string>;
  private readonly prefixes: readonly string[];
  private readonly customerNames: ReadonlySet<string>;
  /** First segments of the platform's names ("ticket", "current_user"): a misspelt name still shows whose it is. */
  private readonly roots: ReadonlySet<string>;
  /** Generic fill-ins: any name goes. */
  readonly acceptsAnyName: boolean;

  constructor(data: DialectData, allow: readonly string[] = []) {
    this.name = data.name;
    this.label = data.label;
    this.namePlaceholder = data.namePlaceholder;
    this.syntax = new Set(data.syntax);
    this.fallback = data.fallback;
    this.names = new Set([...data.names, ...allow]);
    this.prefixes = data.prefixes ?? [];
    this.customerNames = new Set(data.customerNames ?? []);
    this.acceptsAnyName = data.anyName === true;
    this.roots = new Set([...data.names, ...(data.prefixes ?? [])].map((name) => name.split('.')[0]!).filter((root) => root.length > 1));
  }

  /** Is this a name the platform fills in (or the team allowed)? */
  knows(name: string): boolean {
    return this.acceptsAnyName || this.names.has(name) || this.prefixes.some((p) => name.startsWith(p));
  }

  /** Whether the name starts the way this platform's names do (`ticket.…`, `customer.…`). */
  sharesRoot(name: string): boolean {
    return name.includes('.') && this.roots.has(name.split('.')[0]!);
  }

  /** The known names, for "did you mean …?". */
  knownNames(): Iterable<string> {
    return this.names;
  }

  /** A customer-name placeholder that prints nothing when the name is missing, unless given a fallback. */
  needsFallback(name: string): boolean {
    return this.fallback !== undefined && this.customerNames.has(name);
  }
}

const BASE = new Map(DATA.map((data) => [data.name, new Dialect(data)]));

export function getDialect(name: string, allow: readonly string[] = []): Dialect {
  if (allow.length === 0) return BASE.get(name) ?? BASE.get('generic')!;
  return new Dialect(DATA.find((d) => d.name === name) ?? generic, allow);
}

/** The dialect a name belongs to, other than `except`: to say "this is a Help Scout placeholder". */
export function dialectKnowing(name: string, syntax: PlaceholderSyntax, except: string): Dialect | undefined {
  for (const dialect of BASE.values()) {
    if (dialect.name !== except && dialect.syntax.has(syntax) && !dialect.acceptsAnyName && dialect.knows(name)) return dialect;
  }
  return undefined;
}

const LIQUID_KEYWORD = /^\{%-?\s*(?:if|elsif|else|endif|unless|endunless|for|endfor|case|when|endcase|capture|endcapture|comment|endcomment|raw|endraw|assign|break|continue|cycle|increment|decrement|include|render|liquid|echo)\b/;

export function syntaxOf(placeholder: string): PlaceholderSyntax {
  const token = placeholder.replace(/^@/, '');
  if (token.startsWith('{{')) return 'mustache';
  if (token.startsWith('{%')) return LIQUID_KEYWORD.test(token) ? 'liquid-tag' : 'percent';
  if (token.startsWith('{!')) return 'bang';
  if (token.startsWith('[')) return 'bracket';
  if (token.startsWith('<')) return 'angle';
  return 'brace';
}

/** `{{ ticket.requester.first_name | default: "x" }}` → `ticket.requester.first_name`; `{%customer.email,fallback=x%}` → `customer.email`. */
export function placeholderName(placeholder: string): string {
  const inner = placeholder
    .replace(/^@/, '')
    .replace(/^(?:\{\{-?|\{%-?|\{!|\{|\[|<)/, '')
    .replace(/(?:-?\}\}|-?%\}|\}|\]|>)$/, '');
  return inner.split(/[|,]/, 1)[0]!.trim();
}

/** The dialect a helpdesk format name stands for (`zendesk`), if it is one. */
export function knownDialect(format: string | undefined): string | undefined {
  return format !== undefined && DIALECT_NAMES.includes(format) ? format : undefined;
}

/**
 * The dialect of a file whose config names none: what its format implies, else the platform whose
 * placeholders it uses most (a known name counts twice, a name with a known root such as a misspelt
 * `{{ticket.requester.fist_name}}` once), else generic.
 */
export function guessDialect(texts: readonly string[], format?: string): string {
  const known = knownDialect(format);
  if (known) return known;
  const votes = new Map<string, number>();
  for (const text of texts) {
    for (const { text: token } of findPlaceholders(text)) {
      const syntax = syntaxOf(token);
      const name = placeholderName(token);
      for (const dialect of BASE.values()) {
        if (dialect.acceptsAnyName || !dialect.syntax.has(syntax)) continue;
        const weight = dialect.knows(name) ? 2 : dialect.sharesRoot(name) ? 1 : 0;
        if (weight > 0) votes.set(dialect.name, (votes.get(dialect.name) ?? 0) + weight);
      }
    }
  }
  let best = 'generic';
  let most = 0;
  for (const [name, count] of votes) {
    if (count > most) {
      best = name;
      most = count;
    }
  }
  return best;
}
