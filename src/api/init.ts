// --init and --print-config: starting a config, and showing the one a file gets.
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { guessDialect } from '../engine/dialects.js';
import type { ResolvedConfig } from '../config/validate.js';
import { parseSource } from '../formats/index.js';
import { findFiles } from './files.js';

/** The names cosmiconfig looks for in a folder; --init refuses to write where one exists. */
const CONFIG_NAMES = ['.empathyrc', '.empathyrc.json', '.empathyrc.yaml', '.empathyrc.yml', '.empathyrc.js', '.empathyrc.cjs', '.empathyrc.mjs', 'empathy.config.js', 'empathy.config.cjs', 'empathy.config.mjs'];
/** How many files --init reads to guess the dialect: enough to see the library's habits. */
const SAMPLE = 200;

export async function initConfig(cwd: string): Promise<{ file: string; dialect: string }> {
  const existing = CONFIG_NAMES.map((name) => path.join(cwd, name)).find((file) => existsSync(file)) ?? packageConfig(cwd);
  if (existing) throw new Error(`${existing}: a config already exists here; --init never overwrites one`);
  const { files } = await findFiles(['.'], cwd);
  const texts: string[] = [];
  let format: string | undefined;
  for (const file of files.slice(0, SAMPLE)) {
    const outcome = parseSource(file, await readFile(file, 'utf8').catch(() => ''), { markdown: { split: 'auto' } });
    if (outcome.kind !== 'macros') continue;
    format ??= outcome.format;
    for (const macro of outcome.macros) texts.push(macro.mapped.text);
  }
  const dialect = guessDialect(texts, format);
  const file = path.join(cwd, '.empathyrc.json');
  const config = {
    $schema: './node_modules/empathy-lint/schema/empathyrc.schema.json',
    extends: ['empathy:recommended'],
    dialect,
    rules: {},
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  return { file, dialect };
}

function packageConfig(cwd: string): string | undefined {
  const manifest = path.join(cwd, 'package.json');
  try {
    const data = JSON.parse(readFileSync(manifest, 'utf8')) as { empathy?: unknown };
    return data.empathy !== undefined ? `${manifest} ("empathy" key)` : undefined;
  } catch {
    return undefined; // no package.json, or not JSON: no config in it either
  }
}

/** A resolved config as people read it: every enabled rule with its severity and options. */
export function printableConfig(config: ResolvedConfig): Record<string, unknown> {
  const rules = Object.fromEntries(
    [...config.rules].sort(([a], [b]) => a.localeCompare(b)).map(([id, { severity, options }]) => [id, Object.keys(options).length > 0 ? [severity, options] : severity]),
  );
  return {
    configFiles: config.files,
    ...(config.dialect ? { dialect: config.dialect } : {}),
    ...(config.format ? { format: config.format } : {}),
    ...(config.json ? { json: config.json } : {}),
    markdown: config.markdown,
    placeholders: { allow: config.allowPlaceholders },
    vocabulary: config.vocabulary,
    ignoreMacros: config.ignoreMacros,
    rules,
  };
}
