// Checks a config object and resolves it against presets and the known rules.
// Every mistake is a ConfigError with one line a person can act on.
import { DIALECT_NAMES } from '../engine/dialects.js';
import type { AnyRule } from '../engine/rule.js';
import { didYouMean } from '../engine/similar.js';
import type { Severity, SeverityLevel } from '../engine/types.js';
import { MACRO_FORMATS, type GenericJsonConfig, type MacroFormat } from '../formats/index.js';
import { MARKDOWN_SPLITS, type MarkdownSplit } from '../formats/markdown.js';

export type SeverityInput = SeverityLevel | 0 | 1 | 2;
export type RuleSetting = SeverityInput | [SeverityInput, Record<string, unknown>?];

export interface EmpathyConfig {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  markdown?: { split?: MarkdownSplit };
  format?: MacroFormat;
  json?: GenericJsonConfig;
  dialect?: string;
  placeholders?: { allow?: string[] };
}

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, ResolvedRule>;
  markdown: { split: MarkdownSplit };
  format?: MacroFormat;
  json?: GenericJsonConfig;
  /** The helpdesk placeholder dialect; guessed per file when not set. */
  dialect?: string;
  /** Placeholder names the team's helpdesk has beyond the platform's own (custom fields). */
  allowPlaceholders: string[];
  /** The file it came from; undefined when no config file applies. */
  filePath?: string;
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

const TOP_LEVEL_KEYS = ['$schema', 'extends', 'rules', 'markdown', 'format', 'json', 'dialect', 'placeholders'];
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

export function defaultConfig(registry: RuleRegistry): ResolvedConfig {
  return resolveConfig({ extends: 'empathy:recommended' }, registry);
}

export function resolveConfig(raw: unknown, registry: RuleRegistry, filePath?: string): ResolvedConfig {
  const fail = (message: string): never => {
    throw new ConfigError(message, filePath);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('the config must be an object, like { "extends": ["empathy:recommended"] }');
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!TOP_LEVEL_KEYS.includes(key)) fail(`unknown key "${key}"${didYouMean(key, TOP_LEVEL_KEYS)}; expected one of ${TOP_LEVEL_KEYS.slice(1).join(', ')}`);
  }

  const levels = new Map<string, SeverityLevel>();
  const options = new Map<string, Record<string, unknown>>();
  for (const name of asStringList(config.extends, 'extends', fail)) {
    const preset = presetRules(name, registry);
    if (!preset) fail(`extends: unknown preset "${name}"${didYouMean(name, PRESET_NAMES)}; built-in presets are ${PRESET_NAMES.join(', ')}`);
    for (const [id, level] of preset!) levels.set(id, level);
  }

  const rules = config.rules ?? {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) fail('"rules" must be an object of rule ids to severities');
  for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
    const parsed = parseRuleSetting(id, setting, registry, `rules.${id}`);
    if (typeof parsed === 'string') fail(parsed);
    else {
      levels.set(id, parsed.level);
      if (parsed.options) options.set(id, parsed.options);
    }
  }

  const resolved: ResolvedConfig = {
    rules: new Map(),
    markdown: { split: parseMarkdownOptions(config.markdown, fail) },
    allowPlaceholders: parsePlaceholders(config.placeholders, fail),
  };
  if (config.dialect !== undefined) {
    if (typeof config.dialect !== 'string' || !DIALECT_NAMES.includes(config.dialect)) {
      fail(`dialect: unknown dialect ${JSON.stringify(config.dialect)}${typeof config.dialect === 'string' ? didYouMean(config.dialect, DIALECT_NAMES) : ''}; use one of ${DIALECT_NAMES.join(', ')}`);
    }
    resolved.dialect = config.dialect as string;
  }
  if (config.json !== undefined) resolved.json = parseJsonOptions(config.json, fail);
  if (config.format !== undefined) resolved.format = parseMacroFormat(config.format, 'format', fail);
  if (resolved.format === 'generic' && !resolved.json) fail('"format": "generic" needs a "json" section saying where the macros are');
  if (filePath) resolved.filePath = filePath;
  for (const [id, level] of levels) {
    if (level === 'off') continue;
    const rule = registry.get(id)!;
    resolved.rules.set(id, { severity: level, options: { ...rule.meta.defaultOptions, ...options.get(id) } });
  }
  return resolved;
}

/** Applies `--rule id:severity` overrides on top of a resolved config. */
export function withRuleOverrides(config: ResolvedConfig, overrides: ReadonlyMap<string, SeverityLevel>, registry: RuleRegistry): ResolvedConfig {
  if (overrides.size === 0) return config;
  const rules = new Map(config.rules);
  for (const [id, level] of overrides) {
    if (level === 'off') rules.delete(id);
    else rules.set(id, { severity: level, options: rules.get(id)?.options ?? { ...registry.get(id)!.meta.defaultOptions } });
  }
  return { ...config, rules };
}

/** Parses `id:severity` from the command line. Returns an error message or the pair. */
export function parseRuleFlag(flag: string, registry: RuleRegistry): [string, SeverityLevel] | string {
  const at = flag.lastIndexOf(':');
  if (at <= 0) return `--rule "${flag}": expected <rule-id>:<severity>, like --rule avoid-blame:error`;
  const id = flag.slice(0, at).trim();
  const parsed = parseRuleSetting(id, flag.slice(at + 1).trim(), registry, `--rule ${id}`);
  return typeof parsed === 'string' ? parsed : [id, parsed.level];
}

function parseRuleSetting(
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

function parsePlaceholders(value: unknown, fail: (message: string) => never): string[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('"placeholders" must be an object, like { "allow": ["ticket.ticket_field_123"] }');
  const { allow = [], ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) fail(`placeholders: unknown key "${unknown}"${didYouMean(unknown, ['allow'])}`);
  if (!Array.isArray(allow) || !allow.every((name) => typeof name === 'string')) fail('placeholders.allow must be a list of placeholder names');
  return allow as string[];
}

const JSON_KEYS = ['macros', 'title', 'id', 'body'];

function parseJsonOptions(value: unknown, fail: (message: string) => never): GenericJsonConfig {
  const example = 'like { "macros": "/replies", "title": "/name", "body": "/reply" }';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`"json" must be an object, ${example}`);
  const json = value as Record<string, unknown>;
  for (const key of Object.keys(json)) {
    if (!JSON_KEYS.includes(key)) fail(`json: unknown key "${key}"${didYouMean(key, JSON_KEYS)}; expected ${JSON_KEYS.join(', ')}`);
  }
  const isPointer = (p: unknown): p is string => typeof p === 'string' && (p === '' || p.startsWith('/'));
  for (const key of ['macros', 'title', 'id']) {
    if (json[key] !== undefined && !isPointer(json[key])) fail(`json.${key}: expected a JSON pointer such as "/replies", got ${JSON.stringify(json[key])}`);
  }
  if (json.macros === undefined) fail(`json: "macros" is required, ${example}`);
  const bodies = [json.body].flat();
  if (json.body === undefined || bodies.length === 0 || !bodies.every(isPointer)) {
    fail(`json.body: expected a JSON pointer or a list of them, such as "/reply" or ["/subject", "/actions/*/value"]`);
  }
  return json as unknown as GenericJsonConfig;
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

function asStringList(value: unknown, key: string, fail: (message: string) => never): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item): item is string => typeof item === 'string')) fail(`"${key}" must be a string or a list of strings`);
  return list as string[];
}

function parseMarkdownOptions(value: unknown, fail: (message: string) => never): MarkdownSplit {
  if (value === undefined) return 'auto';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('"markdown" must be an object, like { "split": "auto" }');
  const { split = 'auto', ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) fail(`markdown: unknown key "${unknown}"${didYouMean(unknown, ['split'])}`);
  if (!MARKDOWN_SPLITS.includes(split as MarkdownSplit)) {
    fail(`markdown.split: bad value ${JSON.stringify(split)}; use one of ${MARKDOWN_SPLITS.map((s) => `"${s}"`).join(', ')}`);
  }
  return split as MarkdownSplit;
}
