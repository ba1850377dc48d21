// Finds config files with cosmiconfig (module name `empathy`): from each linted file upward, every config
// file until one says `root: true`, nearer ones winning. `--config` uses one file for everything;
// `--no-config-lookup` uses none.
import { readdirSync } from 'node:fs';
import { realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cosmiconfig, cosmiconfigSync, getDefaultSearchPlaces, globalConfigSearchPlaces, type CosmiconfigResult, type Loader, type LoaderSync } from 'cosmiconfig';
import { parseYaml } from '../formats/yaml.js';
import { importModule } from './import-module.js';
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

/** JavaScript configs: the module's default export. */
const loadScript: Loader = async (filePath) => (await importModule(pathToFileURL(await realpath(filePath)).href)).default;

/**
 * TypeScript configs, where the `typescript` package is installed: compiled (with the nearest
 * tsconfig.json's options) to a module beside the file, imported, and removed again.
 */
const loadTypeScript: Loader = async (filePath, content) => {
  const ts = (await importModule('typescript')).default as typeof import('typescript');
  const tsconfig = ts.findConfigFile(path.dirname(filePath), ts.sys.fileExists);
  const compilerOptions = tsconfig ? (ts.readConfigFile(tsconfig, ts.sys.readFile).config?.compilerOptions ?? {}) : {};
  const compiled = `${filePath}.${crypto.randomUUID()}.mjs`;
  try {
    const { outputText } = ts.transpileModule(content, {
      compilerOptions: { ...compilerOptions, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: false },
    });
    await writeFile(compiled, outputText);
    return (await importModule(pathToFileURL(compiled).href)).default;
  } finally {
    await rm(compiled, { force: true });
  }
};

/** Config files written as data. */
const DATA_LOADERS = { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml };
/** Config files only import() can load: the CLI runs with its own import() (see import-module.ts). */
const SCRIPT_LOADERS = { '.js': loadScript, '.cjs': loadScript, '.mjs': loadScript, '.ts': loadTypeScript };

/** Thrown by the sync finder's loaders for configs only import() can load (see ConfigLoader.find). */
class NeedsImport extends Error {}
const needsImport: LoaderSync = () => {
  throw new NeedsImport();
};
const DEFERRED_SCRIPT_LOADERS = Object.fromEntries(Object.keys(SCRIPT_LOADERS).map((extension) => [extension, needsImport]));

/** Where a config file can be in a folder, in the order cosmiconfig tries them. */
const SEARCH_PLACES = getDefaultSearchPlaces(MODULE_NAME);
/** Read errors that mean "no config here", as cosmiconfig's search takes them. */
const NOT_HERE = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES']);

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export class ConfigLoader {
  /** Loads any config file, and searches where `find` cannot: up to the root, then the user's global config folder. */
  private readonly explorer = cosmiconfig(MODULE_NAME, {
    searchStrategy: 'global',
    stopDir: path.parse(process.cwd()).root,
    loaders: { ...DATA_LOADERS, ...SCRIPT_LOADERS },
  });
  /** Reads the config files `find` comes across, synchronously; its loaders leave JavaScript configs to the explorer. */
  private readonly finder = cosmiconfigSync(MODULE_NAME, { searchPlaces: SEARCH_PLACES, loaders: { ...DATA_LOADERS, ...DEFERRED_SCRIPT_LOADERS } });
  private readonly layers = new Map<string, Promise<Layer>>();
  private readonly chains = new Map<string, Promise<Layer[]>>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** The names in each folder looked in, once per folder; undefined where it cannot be listed. */
  private readonly listings = new Map<string, Set<string> | undefined>();

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
        const found = await this.guard(() => this.find(dir));
        if (!found || found.isEmpty) return [];
        const layer = await this.layer(found.filepath, false, found.config);
        // The search goes on above the folder it found this in (not above the file: `.config/empathyrc`
        // is in a folder below it); a config from the user's own config folder is the last there is.
        const folder = this.searchedFolder(dir, found.filepath);
        if (layer.root || folder === undefined || path.dirname(folder) === folder) return [layer];
        return [...(await this.chainFrom(path.dirname(folder))), layer];
      })();
      this.chains.set(dir, chain);
    }
    return chain;
  }

  /**
   * The nearest config file from `dir` upward, then in the user's own config folder (cosmiconfig's
   * global search): in each folder, the first of cosmiconfig's places that holds a config, as its search
   * would find it. Each folder is listed once and only the places it has are read: trying every place,
   * each miss an exception (and asynchronously, one after another, in the global folder), took ~5 ms
   * of a one-file run. A JavaScript config on the way is left to the async explorer, which can
   * import() it.
   */
  private async find(dir: string): Promise<CosmiconfigResult> {
    try {
      for (let at = dir; ; at = path.dirname(at)) {
        const found = this.findIn(at, SEARCH_PLACES);
        if (found) return found;
        if (at === path.dirname(at)) break;
      }
      const global = this.globalFolder();
      return global === undefined ? await this.explorer.search(path.parse(dir).root) : this.findIn(global, globalConfigSearchPlaces);
    } catch (error) {
      if (error instanceof NeedsImport) return this.explorer.search(dir);
      throw error;
    }
  }

  /**
   * The user's own config folder, where cosmiconfig's global search ends (env-paths: ~/.config/empathy
   * on Linux); should a later cosmiconfig not say, its own search finds what is there.
   */
  private globalFolder(): string | undefined {
    return (this.explorer as { getGlobalConfigDir?: () => string }).getGlobalConfigDir?.();
  }

  /** The folder, `dir` or one above it, whose search found `file`; undefined for the user's own config folder. */
  private searchedFolder(dir: string, file: string): string | undefined {
    const global = this.globalFolder();
    if (global !== undefined && path.dirname(file) === global) return undefined;
    for (let at = dir; ; at = path.dirname(at)) {
      if (SEARCH_PLACES.some((place) => path.join(at, place) === file)) return at;
      if (at === path.dirname(at)) return undefined;
    }
  }

  private findIn(dir: string, places: readonly string[]): CosmiconfigResult {
    let names = this.listings.get(dir);
    if (!this.listings.has(dir)) {
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = undefined;
      }
      this.listings.set(dir, names);
    }
    for (const place of places) {
      if (!names?.has(place.split('/', 1)[0]!)) continue;
      try {
        const found = this.finder.load(path.join(dir, place));
        if (found && !found.isEmpty) return found;
      } catch (error) {
        if (!NOT_HERE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    }
    return null;
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
