// The launcher: the bundled CLI starts from the code cache the build saved, ignores a cache that does not
// fit, and still loads what a config names as code (import() has no loader in code-cached scripts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from './helpers/tree.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/empathy-lint.js');
const LAUNCH = path.join(ROOT, 'dist/src/cli/launch.cjs');
const BUNDLE = path.join(ROOT, 'dist/bundle/cli.cjs');

/** Loads `bundle` with the launcher in a fresh process and runs `empathy-lint --version`. */
function start(bundle: string) {
  const script = `const { loadCli } = await import(${JSON.stringify(LAUNCH)});
    const { cli, fromCache } = loadCli(${JSON.stringify(bundle)});
    const code = await cli.main([process.argv[0], 'empathy-lint', '--version']);
    console.log(JSON.stringify({ fromCache, code }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const lines = result.stdout.trim().split('\n');
  return { version: lines[0], ...(JSON.parse(lines[1]!) as { fromCache: boolean; code: number }) };
}

/** A copy of the package's bundle, cache and package.json (the CLI reads its version there), timestamps kept. */
function copyOfBundle(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'empathy-launch-'));
  mkdirSync(path.join(root, 'dist/bundle'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  for (const file of ['cli.cjs', 'cli.cjs.cache']) cpSync(path.join(ROOT, 'dist/bundle', file), path.join(root, 'dist/bundle', file), { preserveTimestamps: true });
  return path.join(root, 'dist/bundle/cli.cjs');
}

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the launcher', () => {
  it('starts the CLI from the code cache the build saved, also from a copy that keeps its timestamps', () => {
    expect(start(BUNDLE)).toEqual({ version: VERSION, fromCache: true, code: 0 });
    expect(start(copyOfBundle())).toEqual({ version: VERSION, fromCache: true, code: 0 });
  });

  it('ignores a cache made from another bundle, and the CLI works as before', () => {
    const bundle = copyOfBundle();
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n// rebuilt without a new cache\n`);
    expect(start(bundle)).toEqual({ version: VERSION, fromCache: false, code: 0 });
  });

  it('ignores a cache made when the bundle had another modification time (same size, edited in place)', () => {
    const bundle = copyOfBundle();
    const later = new Date(statSync(bundle).mtimeMs + 60_000);
    utimesSync(bundle, later, later);
    expect(start(bundle)).toEqual({ version: VERSION, fromCache: false, code: 0 });
  });

  it('ignores a damaged cache, and the CLI works as before', () => {
    const bundle = copyOfBundle();
    const cache = readFileSync(`${bundle}.cache`);
    // The line naming the bundle stays; what follows is not code V8 made.
    const header = cache.indexOf(0x0a) + 1;
    writeFileSync(`${bundle}.cache`, Buffer.concat([cache.subarray(0, header), Buffer.alloc(cache.length - header, 7)]));
    expect(start(bundle)).toEqual({ version: VERSION, fromCache: false, code: 0 });
  });

  it('loads TypeScript and ES module configs and plugins through the built CLI', () => {
    const macro = "Hi {{ticket.requester.first_name}},\n\nYou forgot to attach the receipt, so I can't see your ticket number yet.\n";
    const root = writeTree({
      '.empathyrc.ts': "const config: { root: boolean; extends: string } = { root: true, extends: './base.mjs' };\nexport default config;\n",
      'base.mjs': "export default { extends: 'empathy:recommended', plugins: ['./tone.mjs'], rules: { 'avoid-blame': 'warn', 'tone/no-ticket': 'error' } };",
      'tone.mjs': `export default { meta: { namespace: 'tone' }, rules: { 'no-ticket': {
        meta: { id: 'no-ticket', description: 'd', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: { m: 'Say "your request".' } },
        check(doc, report) { for (const hit of doc.findPhrases([{ match: ['ticket number'] }])) report({ messageId: 'm', range: hit.range }); } } } };`,
      'macros/receipt.md': macro,
    });
    const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
    const result = spawnSync(process.execPath, [BIN, '--no-color', 'macros'], { cwd: root, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/3:1 +warning +"You forgot to" blames the customer.* avoid-blame\n/);
    expect(result.stdout).toMatch(/3:\d+ +error +Say "your request"\. +tone\/no-ticket\n/);
  });
});
