// A file's config: the layers of its config chain (farthest first), then the overrides whose globs
// match it, with every rule setting checked once all rules (built-in, plugin, phrase) are known.
import path from 'node:path';
import picomatch from 'picomatch';
import { buildLayer, emptyLayer, merge, type Layer, type LayerContext, type SettingSource } from './layers.js';
import { ConfigError, parseRuleSetting, type ResolvedConfig, type RuleRegistry } from './validate.js';
import type { SeverityLevel } from '../engine/types.js';

/** The chain's layers merged: what applies to every file under the nearest config. */
export function mergeChain(chain: readonly Layer[]): Layer {
  const merged = emptyLayer(chain.at(-1)?.file);
  for (const layer of chain) merge(merged, layer);
  return merged;
}

/** Which overrides of a merged chain match a file (relative to the config file that wrote each). */
export function matchingOverrides(merged: Layer, filePath: string): number[] {
  return merged.overrides.flatMap((override, index) => {
    const relative = path.relative(override.base, filePath).split(path.sep).join('/');
    if (relative.startsWith('..')) return [];
    const matches = picomatch(override.files, { dot: true, basename: !override.files.some((f) => f.includes('/')) });
    const excluded = override.excludedFiles.length > 0 && picomatch(override.excludedFiles, { dot: true })(relative);
    return matches(relative) && !excluded ? [index] : [];
  });
}

export function finalize(merged: Layer, overrideIndices: readonly number[], builtins: RuleRegistry, files: string[]): ResolvedConfig {
  const registry: RuleRegistry = new Map([...builtins, ...merged.rules]);
  const levels = new Map<string, SeverityLevel>();
  const options = new Map<string, Record<string, unknown>>();
  const apply = (settings: readonly SettingSource[]) => {
    for (const { id, setting, file } of settings) {
      const parsed = parseRuleSetting(id, setting, registry, `rules.${id}`);
      if (typeof parsed === 'string') throw new ConfigError(parsed, file);
      levels.set(id, parsed.level);
      if (parsed.options) options.set(id, parsed.options);
    }
  };
  apply(merged.settings);
  let dialect = merged.dialect;
  for (const index of overrideIndices) {
    const override = merged.overrides[index]!;
    apply(override.settings);
    if (override.dialect) dialect = override.dialect;
  }
  const resolved: ResolvedConfig = {
    rules: new Map(),
    registry,
    markdown: { split: merged.markdown ?? 'auto' },
    allowPlaceholders: merged.allowPlaceholders,
    vocabulary: { accept: merged.accept, reject: merged.reject },
    ignoreMacros: merged.ignoreMacros,
    files,
  };
  if (merged.file) resolved.filePath = merged.file;
  if (merged.format) resolved.format = merged.format;
  if (merged.json) resolved.json = merged.json;
  if (dialect) resolved.dialect = dialect;
  if (resolved.format === 'generic' && !resolved.json) throw new ConfigError('"format": "generic" needs a "json" section saying where the macros are', merged.file);
  for (const [id, level] of levels) {
    if (level === 'off') continue;
    resolved.rules.set(id, { severity: level, options: { ...registry.get(id)!.meta.defaultOptions, ...options.get(id) } });
  }
  return resolved;
}

/** One config object on its own (no chain, no file), as a test or a script would give it. */
export async function resolveConfig(raw: unknown, builtins: RuleRegistry, filePath?: string, loadFile?: LayerContext['loadFile']): Promise<ResolvedConfig> {
  const layer = await buildLayer(raw, filePath, { builtins, loadFile: loadFile ?? noFiles });
  return finalize(mergeChain([layer]), [], builtins, filePath ? [filePath] : []);
}

const noFiles = async (file: string): Promise<unknown> => {
  throw new ConfigError('extending other config files needs a config loader', file);
};
