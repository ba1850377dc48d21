// The YAML parser (the yaml package, ~260 KB bundled), loaded the first time something needs it:
// most front matter is read without it (see markdown.ts) and most configs are JSON, so a run usually
// never loads it, and every start is spared reading and setting it up (~3 ms of a one-file run).
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let yaml: Yaml | undefined;

export function parseYaml(text: string, options?: Parameters<Yaml['parse']>[2]): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml.parse(text, options);
}
