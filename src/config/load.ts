// Finds config files with cosmiconfig (module name `empathy`): from each linted file upward, every config
// file until one says `root: true`, nearer ones winning. `--config` uses one file for everything;
// `--no-config-lookup` uses none.
import path from 'node:path';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { parse as parseYaml } from 'yaml';
import { buildLayer, type Layer } from './layers.js';
import { finalize, matchingOverrides, mergeChain } from './resolve.js';
import { ConfigError, presetRules, type ResolvedConfig, type RuleRegistry } from './validate.js';

export const MODULE_NAME = 'empathy';

/** JSON errors with line:column instead of a multi-line code frame. */
const loadJson: Loader = (filePath, content) => {
  try {
    return JSON.parse(content);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    throw new ConfigError(`invalid JSON${position ? ` at ${lineColumn(content, Number(position[1]))}` : ''}: ${message.replace(/ in JSON at position \d+.*$/, '')}`, filePath);
  }
};

/** `.empathyrc` and `.yaml` files: YAML, which also reads JSON. */
const loadYaml: Loader = (filePath, content) => {
  try {
    return parseYaml(content) ?? {};
  } catch (error) {
    const firstLine = (error as Error).message.split('\n', 1)[0]!.replace(/:$/, '');
    throw new ConfigError(`invalid YAML: ${firstLine}`, filePath);
  }
};

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export class ConfigLoader {
  private readonly explorer = cosmiconfig(MODULE_NAME, {
    searchStrategy: 'global',
    stopDir: path.parse(process.cwd()).root,
    loaders: { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml },
  });
  private readonly layers = new Map<string, Promise<Layer>>();
  private readonly chains = new Map<string, Promise<Layer[]>>();
  private readonly resolved = new Map<string, ResolvedConfig>();

  constructor(private readonly builtins: RuleRegistry) {}

  /** The config for a file: its chain of config files, or `empathy:recommended` where there is none. */
  async forFile(filePath: string): Promise<ResolvedConfig> {
    const absolute = path.resolve(filePath);
    return this.resolveFor(await this.chainFrom(path.dirname(absolute)), absolute);
  }

  /** One config file for every linted file (`--config`): its own `extends`, no lookup. */
  async fromFile(configPath: string, filePath?: string): Promise<ResolvedConfig> {
    const absolute = path.resolve(configPath);
    return this.resolveFor([await this.layer(absolute, true)], filePath ? path.resolve(filePath) : absolute);
  }

  /** Only the built-in defaults (`--no-config-lookup`). */
  defaults(): ResolvedConfig {
    return this.memo('<defaults>', () => this.recommended());
  }

  private resolveFor(chain: Layer[], filePath: string): ResolvedConfig {
    if (chain.length === 0) return this.defaults();
    const merged = mergeChain(chain);
    const indices = matchingOverrides(merged, filePath);
    const files = chain.flatMap((layer) => (layer.file ? [layer.file] : []));
    return this.memo(`${files.join('|')}#${indices.join(',')}`, () => finalize(merged, indices, this.builtins, files));
  }

  private memo(key: string, make: () => ResolvedConfig): ResolvedConfig {
    let config = this.resolved.get(key);
    if (!config) {
      config = make();
      this.resolved.set(key, config);
    }
    return config;
  }

  private recommended(): ResolvedConfig {
    const layer: Layer = { file: undefined, root: true, settings: [], rules: new Map(), allowPlaceholders: [], accept: [], reject: [], ignoreMacros: [], overrides: [] };
    for (const [id, level] of presetRules('empathy:recommended', this.builtins)!) layer.settings.push({ id, setting: level });
    return finalize(layer, [], this.builtins, []);
  }

  /** Config layers from `dir` upward, farthest first, stopping after one that says `root: true`. */
  private chainFrom(dir: string): Promise<Layer[]> {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = (async () => {
        const found = await this.guard(() => this.explorer.search(dir));
        if (!found || found.isEmpty) return [];
        const layer = await this.layer(found.filepath, false, found.config);
        const parent = path.dirname(path.dirname(found.filepath));
        if (layer.root || parent === path.dirname(found.filepath)) return [layer];
        return [...(await this.chainFrom(parent)), layer];
      })();
      this.chains.set(dir, chain);
    }
    return chain;
  }

  private layer(file: string, explicit: boolean, raw?: unknown): Promise<Layer> {
    let layer = this.layers.get(file);
    if (!layer) {
      layer = (async () => {
        const config = raw ?? (await this.load(file, explicit));
        return buildLayer(config, file, { builtins: this.builtins, loadFile: (target) => this.load(target, true) });
      })();
      this.layers.set(file, layer);
    }
    return layer;
  }

  private async load(file: string, explicit: boolean): Promise<unknown> {
    const loaded = await this.guard(() => this.explorer.load(file), file);
    if (!loaded && explicit) throw new ConfigError('the config file is empty', file);
    return loaded?.config ?? {};
  }

  private async guard<T>(load: () => Promise<T>, filePath?: string): Promise<T> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') throw new ConfigError('config file not found', filePath);
      const where = filePath ?? /in (\/\S+?):?$/m.exec(err.message)?.[1];
      throw new ConfigError(`could not load config: ${err.message.split('\n', 1)[0]}`, where);
    }
  }
}
