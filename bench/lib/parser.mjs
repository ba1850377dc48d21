// The Markdown parser the baselines time: unified + remark-parse + remark-frontmatter as empathy-lint
// itself is built from them (the project's node_modules, pinned by its package-lock.json), so the floor
// measures the very parser empathy-lint ships. bench/node_modules holds older copies too (alex depends
// on remark-parse 10), which a bare `import 'remark-parse'` from bench/ would pick up instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(import.meta.dirname, '..', '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** The parser packages, with the versions the project has installed (saved with the results). */
export const PARSER_PACKAGES = ['unified', 'remark-parse', 'remark-frontmatter', 'mdast-util-from-markdown', 'micromark'];

export function parserVersions() {
  const versions = {};
  for (const name of PARSER_PACKAGES) {
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    // Undefined where npm nested the package instead of hoisting it, as installedVersions does for the peers.
    versions[name] = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
  }
  return versions;
}

const importFromRoot = (name) => import(pathToFileURL(requireFromRoot.resolve(name)).href);

/** A processor configured as empathy-lint parses Markdown (src/formats/markdown.ts). */
export async function markdownProcessor() {
  const [{ unified }, { default: remarkParse }, { default: remarkFrontmatter }] = await Promise.all(
    ['unified', 'remark-parse', 'remark-frontmatter'].map(importFromRoot),
  );
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
}
