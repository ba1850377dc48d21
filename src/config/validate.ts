// Checks a config object and resolves it against presets and the known rules.
// Every mistake is a ConfigError with one line a person can act on.
import type { AnyRule } from '../engine/rule.js';
import { didYouMean } from '../engine/similar.js';
import type { Severity, SeverityLevel } from '../engine/types.js';
import { MACRO_FORMATS, type GenericJsonConfig, type MacroFormat } from '../formats/index.js';
import type { MarkdownSplit } from '../formats/markdown.js';

export type SeverityInput = SeverityLevel | 0 | 1 | 2;
export type RuleSetting = SeverityInput | [SeverityInput, Record<string, unknown>?];

/** A config file's shape (schema/empathyrc.schema.json is the full description). */
export interface EmpathyConfig {
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, RuleSetting>; dialect?: string }[];
  dialect?: string;
  placeholders?: { allow?: string[] };
  vocabulary?: { accept?: string[]; reject?: string[] };
  phrases?: { id: string; severity?: SeverityInput; match?: string[]; regex?: string; message: string; replace?: string }[];
  plugins?: string[];
  ignoreMacros?: string[];
  markdown?: { split?: MarkdownSplit };
  format?: MacroFormat;
  json?: GenericJsonConfig;
}

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, ResolvedRule>;
  /** Every rule these settings may name: the built-in ones, plugin rules and phrase rules. */
  registry: RuleRegistry;
  markdown: { split: MarkdownSplit };
  format?: MacroFormat;
  json?: GenericJsonConfig;
  /** The helpdesk placeholder dialect; guessed per file when not set. */
  dialect?: string;
  /** Placeholder names the team's helpdesk has beyond the platform's own (custom fields). */
  allowPlaceholders: string[];
  /** Words the team always allows, and terms it never wants. */
  vocabulary: { accept: string[]; reject: string[] };
  /** Macros of JSON exports to skip, by id or title. */
  ignoreMacros: string[];
  /** The nearest config file; undefined when no config file applies. */
  filePath?: string;
  /** Every config file that contributed, farthest first. */
  files: string[];
}

export type RuleRegistry = ReadonlyMap<string, AnyRule>;

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly filePath?: string,
  ) {
    super(filePath ? `${filePath}: ${message}` : message);
    this.name = 'ConfigError';
  }
}

const SEVERITIES: Record<string, SeverityLevel> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

/**
 * Presets are read off the rules' own metadata, so a new rule joins them without touching this file:
 * recommended (each rule at its default), all (every rule, at least warn), strict (every rule on, and
 * every tone rule an error).
 */
const PRESETS: Record<string, (rule: AnyRule) => SeverityLevel> = {
  'empathy:recommended': (rule) => rule.meta.defaultSeverity,
  'empathy:all': (rule) => (rule.meta.defaultSeverity === 'error' ? 'error' : 'warn'),
  'empathy:strict': (rule) => (rule.meta.category === 'tone' || rule.meta.defaultSeverity === 'error' ? 'error' : 'warn'),
};

export const PRESET_NAMES = Object.keys(PRESETS);

export function presetRules(name: string, registry: RuleRegistry): Map<string, SeverityLevel> | undefined {
  const level = PRESETS[name];
  if (!level) return undefined;
  return new Map([...registry].map(([id, rule]) => [id, level(rule)]));
}

/** Applies `--rule id:severity` overrides on top of a resolved config. */
export function withRuleOverrides(config: ResolvedConfig, overrides: ReadonlyMap<string, SeverityLevel>, registry: RuleRegistry = config.registry): ResolvedConfig {
  if (overrides.size === 0) return config;
  const rules = new Map(config.rules);
  for (const [id, level] of overrides) {
    if (level === 'off') rules.delete(id);
    else rules.set(id, { severity: level, options: rules.get(id)?.options ?? { ...registry.get(id)!.meta.defaultOptions } });
  }
  return { ...config, rules };
}

/** Parses `id:severity` from the command line (the id is checked once the config's rules are known). */
export function parseRuleFlag(flag: string): [string, SeverityLevel] | string {
  const at = flag.lastIndexOf(':');
  if (at <= 0) return `--rule "${flag}": expected <rule-id>:<severity>, like --rule avoid-blame:error`;
  const id = flag.slice(0, at).trim();
  const level = SEVERITIES[flag.slice(at + 1).trim()];
  return level ? [id, level] : `--rule ${id}: bad severity "${flag.slice(at + 1).trim()}"; use off, warn or error (or 0, 1, 2)`;
}

export function parseRuleSetting(
  id: string,
  setting: unknown,
  registry: RuleRegistry,
  where: string,
): { level: SeverityLevel; options?: Record<string, unknown> } | string {
  const rule = registry.get(id);
  if (!rule) return `${where}: unknown rule "${id}"${didYouMean(id, registry.keys())}`;
  const [severity, options, ...extra] = Array.isArray(setting) ? setting : [setting];
  const level = typeof severity === 'string' || typeof severity === 'number' ? SEVERITIES[String(severity)] : undefined;
  if (!level) return `${where}: bad severity ${JSON.stringify(severity)}; use "off", "warn" or "error" (or 0, 1, 2)`;
  if (extra.length > 0) return `${where}: expected "severity" or ["severity", { options }]`;
  if (options === undefined) return { level };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return `${where}: options must be an object`;
  const defaults = rule.meta.defaultOptions ?? {};
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(options)) {
    if (!(key in defaults)) {
      return `${where}: unknown option "${key}"${didYouMean(key, known)}; ${known.length ? `this rule takes ${known.join(', ')}` : 'this rule takes no options'}`;
    }
    const expected = typeOf(defaults[key]);
    if (typeOf(value) !== expected) return `${where}: option "${key}" must be ${expected === 'array' ? 'an array' : `a ${expected}`}`;
  }
  return { level, options: options as Record<string, unknown> };
}

export function parseMacroFormat(value: unknown, where: string, fail: (message: string) => never): MacroFormat {
  if (typeof value !== 'string' || !(MACRO_FORMATS as readonly string[]).includes(value)) {
    fail(`${where}: unknown macro format ${JSON.stringify(value)}${typeof value === 'string' ? didYouMean(value, MACRO_FORMATS) : ''}; use one of ${MACRO_FORMATS.join(', ')}`);
  }
  return value as MacroFormat;
}



function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}


