// One config file as a layer: its shape checked, its `extends` flattened (presets, other files, npm
// shareable configs), its plugins loaded and namespaced, its phrase rules built. A file's config is the
// layers of its config chain, farthest first, plus the overrides that match it (resolve.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../engine/rule.js';
import type { SeverityLevel } from '../engine/types.js';
import type { GenericJsonConfig, MacroFormat } from '../formats/index.js';
import type { MarkdownSplit } from '../formats/markdown.js';
import { importModule } from './import-module.js';
import { phraseRule, type PhraseRuleConfig } from './phrase-rules.js';
import { ConfigError, presetRules, PRESET_NAMES, type RuleRegistry, type RuleSetting } from './validate.js';
import { didYouMean } from '../engine/similar.js';

/** A rule setting as written, with the file it came from (for errors once every rule is known). */
export interface SettingSource {
  id: string;
  setting: RuleSetting;
  file?: string;
}

export interface Override {
  base: string;
  files: string[];
  excludedFiles: string[];
  settings: SettingSource[];
  dialect?: string;
}

export interface Layer {
  file?: string;
  root: boolean;
  settings: SettingSource[];
  /** Rules this layer makes available: plugin rules and phrase rules. */
  rules: Map<string, AnyRule>;
  markdown?: MarkdownSplit;
  format?: MacroFormat;
  json?: GenericJsonConfig;
  dialect?: string;
  allowPlaceholders: string[];
  accept: string[];
  reject: string[];
  ignoreMacros: string[];
  overrides: Override[];
}

export function emptyLayer(file?: string): Layer {
  return { file, root: false, settings: [], rules: new Map(), allowPlaceholders: [], accept: [], reject: [], ignoreMacros: [], overrides: [] };
}

/** Loads another config file by absolute path (cosmiconfig's loaders: JSON, YAML, JS). */
export type FileLoader = (file: string) => Promise<unknown>;

export interface LayerContext {
  builtins: RuleRegistry;
  loadFile: FileLoader;
  /** Files being loaded, to catch `extends` cycles. */
  loading?: readonly string[];
}

export async function buildLayer(raw: unknown, file: string | undefined, context: LayerContext): Promise<Layer> {
  const fail = (message: string): never => {
    throw new ConfigError(message, file);
  };
  // Ajv and the schema load only when there is a config to check: not on a run with none.
  const problem = (await import('./schema.js')).shapeProblem(raw);
  if (problem) fail(problem);
  const config = raw as Record<string, unknown>;
  const layer = emptyLayer(file);
  const dir = file ? path.dirname(file) : process.cwd();

  for (const name of [config.extends ?? []].flat() as string[]) {
    merge(layer, await extendsLayer(name, dir, file, context));
  }
  for (const plugin of (config.plugins as string[] | undefined) ?? []) {
    for (const [id, rule] of await loadPlugin(plugin, dir, file)) layer.rules.set(id, rule);
  }
  for (const entry of (config.phrases as PhraseRuleConfig[] | undefined) ?? []) {
    if (context.builtins.has(entry.id)) fail(`phrases: "${entry.id}" is the id of a built-in rule; give your phrase rule its own id, such as "team/${entry.id}"`);
    const rule = phraseRule(entry, fail);
    layer.rules.set(entry.id, rule);
    layer.settings.push({ id: entry.id, setting: entry.severity ?? 'warn', file });
  }
  for (const [id, setting] of Object.entries((config.rules as Record<string, RuleSetting> | undefined) ?? {})) {
    layer.settings.push({ id, setting, file });
  }
  const placeholders = config.placeholders as { allow?: string[] } | undefined;
  const vocabulary = config.vocabulary as { accept?: string[]; reject?: string[] } | undefined;
  layer.allowPlaceholders.push(...(placeholders?.allow ?? []));
  layer.accept.push(...(vocabulary?.accept ?? []));
  layer.reject.push(...(vocabulary?.reject ?? []));
  layer.ignoreMacros.push(...((config.ignoreMacros as string[] | undefined) ?? []));
  for (const override of (config.overrides as Record<string, unknown>[] | undefined) ?? []) {
    const rules = (override.rules as Record<string, RuleSetting> | undefined) ?? {};
    const entry: Override = {
      base: dir,
      files: [override.files as string | string[]].flat(),
      excludedFiles: [(override.excludedFiles as string | string[] | undefined) ?? []].flat(),
      settings: Object.entries(rules).map(([id, setting]) => ({ id, setting, file })),
    };
    if (override.dialect !== undefined) entry.dialect = override.dialect as string;
    layer.overrides.push(entry);
  }
  if (config.root === true) layer.root = true;
  if (config.markdown !== undefined) layer.markdown = ((config.markdown as { split?: MarkdownSplit }).split ?? 'auto');
  if (config.format !== undefined) layer.format = config.format as MacroFormat;
  if (config.json !== undefined) layer.json = config.json as GenericJsonConfig;
  if (config.dialect !== undefined) layer.dialect = config.dialect as string;
  if (layer.format === 'generic' && !layer.json && !config.extends) fail('"format": "generic" needs a "json" section saying where the macros are');
  return layer;
}

/** `later` applied over `layer`: later settings win, lists add up. */
export function merge(layer: Layer, later: Layer): void {
  layer.settings.push(...later.settings);
  for (const [id, rule] of later.rules) layer.rules.set(id, rule);
  layer.allowPlaceholders.push(...later.allowPlaceholders);
  layer.accept.push(...later.accept);
  layer.reject.push(...later.reject);
  layer.ignoreMacros.push(...later.ignoreMacros);
  layer.overrides.push(...later.overrides);
  if (later.markdown !== undefined) layer.markdown = later.markdown;
  if (later.format !== undefined) layer.format = later.format;
  if (later.json !== undefined) layer.json = later.json;
  if (later.dialect !== undefined) layer.dialect = later.dialect;
}

async function extendsLayer(name: string, dir: string, file: string | undefined, context: LayerContext): Promise<Layer> {
  const fail = (message: string): never => {
    throw new ConfigError(message, file);
  };
  if (name.startsWith('empathy:')) {
    const preset = presetRules(name, context.builtins);
    if (!preset) fail(`extends: unknown preset "${name}"${didYouMean(name, PRESET_NAMES)}; built-in presets are ${PRESET_NAMES.join(', ')}`);
    const layer = emptyLayer(file);
    for (const [id, level] of preset!) layer.settings.push({ id, setting: level as SeverityLevel, file });
    return layer;
  }
  const target = isPath(name) ? path.resolve(dir, name) : resolvePackage(shareableName(name), dir, file, 'shareable config');
  if (context.loading?.includes(target)) fail(`extends: "${name}" extends itself (through ${context.loading.map((f) => path.basename(f)).join(' → ')})`);
  let raw: unknown;
  try {
    raw = await context.loadFile(target);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    fail(`extends: could not load "${name}": ${(error as Error).message.split('\n', 1)[0]}`);
  }
  return buildLayer(raw ?? {}, target, { ...context, loading: [...(context.loading ?? []), ...(file ? [file] : []), target] });
}

const isPath = (name: string) => name.startsWith('.') || path.isAbsolute(name);

/** `acme` → `empathy-config-acme`, `@acme` → `@acme/empathy-config`; full names stay as written. */
export function shareableName(name: string): string {
  if (name.startsWith('@')) return name.includes('/') ? name : `${name}/empathy-config`;
  return name.startsWith('empathy-config') ? name : `empathy-config-${name}`;
}

function resolvePackage(name: string, dir: string, file: string | undefined, what: string): string {
  try {
    return createRequire(path.join(dir, 'noop.js')).resolve(name);
  } catch {
    throw new ConfigError(`could not find the ${what} "${name}": install it (npm install --save-dev ${name}) next to this config`, file);
  }
}

/**
 * A plugin's rules, named `<namespace>/<id>`. The namespace is the plugin's `meta.namespace`, else
 * derived from its package (`empathy-plugin-acme` → `acme`, `@acme/empathy-plugin` → `@acme`) or from
 * a local file's name. Plugins are code and run when loaded, as ESLint's do.
 */
async function loadPlugin(spec: string, dir: string, file: string | undefined): Promise<Map<string, AnyRule>> {
  const fail = (message: string): never => {
    throw new ConfigError(message, file);
  };
  const target = isPath(spec) ? path.resolve(dir, spec) : resolvePackage(spec, dir, file, 'plugin');
  let plugin: { meta?: { namespace?: unknown }; rules?: unknown };
  try {
    const module = (await importModule(pathToFileURL(target).href)) as { default?: unknown };
    plugin = (module.default ?? module) as typeof plugin;
  } catch (error) {
    return fail(`plugin "${spec}" failed to load: ${(error as Error).message.split('\n', 1)[0]}`);
  }
  if (!plugin || typeof plugin.rules !== 'object' || plugin.rules === null) fail(`plugin "${spec}" exports no { rules: { … } }`);
  const namespace = typeof plugin.meta?.namespace === 'string' ? plugin.meta.namespace : pluginNamespace(spec);
  const rules = new Map<string, AnyRule>();
  for (const [id, rule] of Object.entries(plugin.rules as Record<string, AnyRule>)) {
    if (!rule || typeof rule.check !== 'function' || !rule.meta) fail(`plugin "${spec}": rule "${id}" is not a rule made with defineRule({ meta, check })`);
    const fullId = `${namespace}/${id}`;
    rules.set(fullId, { ...rule, meta: { ...rule.meta, id: fullId } });
  }
  return rules;
}

export function pluginNamespace(spec: string): string {
  if (isPath(spec)) return path.basename(spec).replace(/\.[cm]?[jt]s$/, '').replace(/^empathy-plugin-/, '');
  const scoped = /^(@[^/]+)\/empathy-plugin(?:-(.+))?$/.exec(spec);
  if (scoped) return scoped[2] ? `${scoped[1]}/${scoped[2]}` : scoped[1]!;
  return spec.replace(/^empathy-plugin-/, '');
}
