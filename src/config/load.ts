// Finds and loads config files with cosmiconfig (module name `empathy`), nearest file upward wins.
import path from 'node:path';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { parse as parseYaml } from 'yaml';
import { ConfigError, defaultConfig, resolveConfig, type ResolvedConfig, type RuleRegistry } from './validate.js';

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
  private readonly resolved = new Map<string, ResolvedConfig>();
  private readonly fallback: ResolvedConfig;

  constructor(private readonly registry: RuleRegistry) {
    this.fallback = defaultConfig(registry);
  }

  /** The config for a file: the nearest config file upward from it, or `empathy:recommended`. */
  async forFile(filePath: string): Promise<ResolvedConfig> {
    const found = await this.guard(() => this.explorer.search(path.dirname(path.resolve(filePath))));
    return found ? this.resolve(found.filepath, found.config) : this.fallback;
  }

  /** One config file for every linted file (`--config`). */
  async fromFile(configPath: string): Promise<ResolvedConfig> {
    const absolute = path.resolve(configPath);
    const loaded = await this.guard(() => this.explorer.load(absolute), absolute);
    if (!loaded) throw new ConfigError('the config file is empty', absolute);
    return this.resolve(loaded.filepath, loaded.config);
  }

  private resolve(filePath: string, raw: unknown): ResolvedConfig {
    let config = this.resolved.get(filePath);
    if (!config) {
      config = resolveConfig(raw, this.registry, filePath);
      this.resolved.set(filePath, config);
    }
    return config;
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
