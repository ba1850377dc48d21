// The bad-input matrix, end to end through the built CLI: every case gives one clear line naming the
// file, exit code 2 when a file could not be linted (the other files are still linted and reported),
// and no change on disk.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from './helpers/tree.js';

const BIN = path.resolve(import.meta.dirname, '../bin/empathy-lint.js');
const GOOD = 'Hi {{ticket.requester.first_name}},\n\nDear customer, you forgot to attach the receipt.\n';

function run(args: string[], cwd: string, timeout = 60_000) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  const result = spawnSync(process.execPath, [BIN, '--no-color', '--format', 'compact', ...args], { cwd, encoding: 'utf8', env, timeout });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(files: Record<string, string | Buffer> = {}): string {
  return writeTree({ 'good.md': GOOD, ...files }, 'empathy-bad-');
}

/** Every file's bytes, to check a run changed nothing. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out[path.relative(root, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(root);
  return out;
}

/** The one line the bad file gets, and proof that good.md was still linted. */
function expectReported(stdout: string, file: string, text: string | RegExp) {
  const lines = stdout.split('\n').filter((l) => l.startsWith(`${file}:`));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(text);
  expect(stdout).toContain('good.md:3:16: error "you forgot to"');
}

describe('bad input', () => {
  it.each([
    ['malformed JSON, with where', 'broken.json', '{\n  "macros": [\n    { "id": 1, }\n  ]\n}', /^broken\.json:3:16: error Invalid JSON: expected a property name in double quotes\.$/],
    ['valid JSON of no known macro format', 'data.json', '{"items": [1, 2]}', /^data\.json:1:1: error No macro format recognised/],
    ['invalid UTF-8, with where', 'latin1.md', Buffer.from([0x48, 0x69, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x21, 0x0a]), /^latin1\.md:2:4: error The file is not valid UTF-8 \(byte 6\)/],
    ['a binary file with a .md name', 'image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /^image\.md:1:1: error This looks like a binary file/],
    ['JSON nested ten thousand levels deep', 'deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, /^deep\.json:1:1: error (No macro format recognised|Could not read the file as macros)/],
    ['an empty JSON file', 'empty.json', '', /^empty\.json:1:1: error Invalid JSON: the file is empty\.$/],
  ])('%s: one line naming the file, exit 2, nothing changed', (_, name, content, line) => {
    const root = folder({ [name]: content });
    const before = snapshot(root);
    const { code, stdout } = run(['.'], root);
    expect(code).toBe(2);
    expectReported(stdout, name, line);
    expect(snapshot(root)).toEqual(before);
    expect(run(['--fix', '.'], root).code).toBe(2);
    expect(snapshot(root)[name]).toEqual(before[name]);
  });

  it.each([
    ['an empty Markdown file', ''],
    ['a whitespace-only Markdown file', ' \n\t\n  \r\n'],
  ])('%s is a notice, not a failure', (_, content) => {
    const root = folder({ 'blank.md': content });
    const { code, stdout } = run(['blank.md'], root);
    expect(code).toBe(0);
    expect(stdout).toBe('blank.md:1:1: warning The file is empty: there is no macro to lint.\n');
  });

  it('a file over --max-file-size is reported and skipped; the default limit is 10 MB', () => {
    const root = folder({ 'huge.md': `${'All good here. '.repeat(800_000)}\n` }); // 12 MB
    const { code, stdout } = run(['.'], root);
    expect(code).toBe(2);
    expectReported(stdout, 'huge.md', /^huge\.md:1:1: error Skipped: the file is 11\.4 MB, over the 10 MB limit \(raise it with --max-file-size\)\.$/);
    expect(run(['--max-file-size', '2KB', 'good.md'], root).code).toBe(1);
    expect(run(['--max-file-size', '10bytes', 'good.md'], root).stdout).toMatch(/over the 10 bytes limit/);
    expect(run(['--max-file-size', 'lots', 'good.md'], root).code).toBe(2);
  });

  it('a UTF-8 byte-order mark is not counted in columns and is kept by --fix', () => {
    const root = folder({ 'bom.md': `\uFEFFDear customer,\r\n\r\nI've refunded you in full today.\r\n` });
    expect(run(['bom.md'], root).stdout).toMatch(/^bom\.md:1:1: warning "Dear customer"/m);
    run(['--fix', 'bom.md'], root);
    expect(readFileSync(path.join(root, 'bom.md'), 'utf8')).toBe(`\uFEFFDear {{ticket.requester.first_name}},\r\n\r\nI've refunded you in full today.\r\n`);
  });

  it('mixed line endings keep their positions, and --fix keeps each line ending as it was', () => {
    const root = folder({ 'mixed.md': 'Hi there,\r\n\nI am sorry.\rYou forgot to attach it.\r\nBest\n' });
    const { stdout } = run(['--rule', 'offer-next-step:off', 'mixed.md'], root);
    expect(stdout).toContain('mixed.md:1:1: warning "Hi there"');
    expect(stdout).toContain('mixed.md:4:1: error "You forgot to" blames the customer');
    run(['--fix', 'mixed.md'], root);
    expect(readFileSync(path.join(root, 'mixed.md'), 'utf8')).toBe('Hi {{ticket.requester.first_name}},\r\n\nI am sorry.\rYou forgot to attach it.\r\nBest\n');
  });

  it('a 1 MB line without a newline is linted, and quickly', () => {
    const root = folder({ 'long.md': `Dear customer, ${'we checked it and it works. '.repeat(37_000)}` });
    const started = Date.now();
    const { code, stdout } = run(['long.md'], root, 120_000);
    expect(code).toBe(0); // only warnings (readable-sentences and friends); nothing crashes
    expect(stdout).toContain('long.md:1:1: warning "Dear customer"');
    expect(Date.now() - started).toBeLessThan(60_000); // a generous bound: the point is that it ends
  });

  it('a directory named x.md is walked as a folder; a symlink loop is not followed', () => {
    const root = folder({ 'x.md/inner.md': GOOD });
    symlinkSync(path.join(root, 'loop'), path.join(root, 'loop'));
    const { code, stdout } = run(['.'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('x.md/inner.md:3:1');
    const direct = run(['loop'], root);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toBe('empathy-lint: no files matching "loop" were found\n');
  });

  it('a pattern that matches nothing is exit 2, unless --no-error-on-unmatched-pattern', () => {
    const root = folder();
    expect(run(['missing/*.md'], root)).toMatchObject({ code: 2, stderr: 'empathy-lint: no files matching "missing/*.md" were found\n' });
    expect(run(['missing/*.md', '--no-error-on-unmatched-pattern'], root)).toMatchObject({ code: 0, stderr: '' });
  });

  it('an unreadable file is reported and the rest still linted (skipped when running as root)', () => {
    if (process.getuid?.() === 0) return; // root reads everything: the permission error cannot happen
    const root = folder({ 'secret.md': GOOD });
    chmodSync(path.join(root, 'secret.md'), 0o000);
    const { code, stdout } = run(['.'], root);
    expect(code).toBe(2);
    expectReported(stdout, 'secret.md', /Could not read the file: permission denied\./);
  });

  it('a file that disappears between the walk and the read is reported, the run goes on', async () => {
    // Many files, one deleted while the linter works through them: it is either linted or reported.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`m${String(i).padStart(3, '0')}.md`] = GOOD;
    const root = folder(files);
    const child = spawn(process.execPath, [BIN, '--no-color', '--format', 'compact', '.'], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const { rmSync } = await import('node:fs');
    rmSync(path.join(root, 'm299.md'), { force: true });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([1, 2]).toContain(code);
    const lines = stdout.split('\n').filter((l) => l.startsWith('m299.md:'));
    if (code === 2) expect(lines).toEqual(['m299.md:1:1: error Could not read the file: it no longer exists (it was moved or deleted while linting).']);
    expect(stdout).toContain('m000.md:3:1');
  });

  it('a config that is broken in each way it can be is one line and exit 2', () => {
    const cases: [string, string, RegExp][] = [
      ['.empathyrc.json', '{ "rules": ', /\.empathyrc\.json: invalid JSON/],
      ['.empathyrc.yml', 'rules: [a\n', /\.empathyrc\.yml: invalid YAML/],
      ['.empathyrc.json', '{ "rules": { "avoid-blam": "error" } }', /unknown rule "avoid-blam" \(did you mean "avoid-blame"\?\)/],
      ['.empathyrc.json', '{ "rules": { "avoid-blame": "loud" } }', /rules\.avoid-blame: "loud" is not one of/],
      ['.empathyrc.json', '{ "plugins": ["./boom.mjs"] }', /plugin "\.\/boom\.mjs" failed to load: boom/],
      ['.empathyrc.json', '{ "extends": "nowhere" }', /could not find the shareable config "empathy-config-nowhere"/],
    ];
    for (const [name, content, message] of cases) {
      const root = folder({ [name]: content, 'boom.mjs': "throw new Error('boom');" });
      const { code, stdout, stderr } = run(['.'], root);
      expect(code, name).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), content).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });

  it('a plugin rule that throws while checking is a finding on that file, and the run goes on', () => {
    const root = folder({
      'plugin.mjs': `export default { rules: { fragile: { meta: { id: 'fragile', description: '', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: {} }, check() { throw new Error('fragile broke'); } } } };`,
      '.empathyrc.json': JSON.stringify({ root: true, extends: 'empathy:recommended', plugins: ['./plugin.mjs'], rules: { 'plugin/fragile': 'warn' } }),
    });
    const { code, stdout } = run(['.'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('good.md:1:1: error Rule "plugin/fragile" failed on this macro and was skipped: fragile broke [plugin/fragile]');
    expect(stdout).toContain('good.md:3:16: error "you forgot to"');
  });

  it('a user regex that could backtrack catastrophically is refused when the config loads', () => {
    const root = folder({ '.empathyrc.json': JSON.stringify({ phrases: [{ id: 'team/x', regex: '(a+)+$', message: 'm' }] }) });
    const { code, stderr } = run(['.'], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/phrases: "team\/x" has a regex with a repeated group that repeats itself \("\(a\+\)\+"\)/);
  });
});

describe('--fix safety', () => {
  it('leaves every file wholly old or wholly new when the run is killed at a random moment', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`m${String(i).padStart(3, '0')}.md`] = `Dear customer,\n\nI've refunded order ${i} today.\n${'Thanks for your patience. '.repeat(40)}\n`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const root = folder(files);
      const fixed = (i: number) => files[`m${String(i).padStart(3, '0')}.md`]!.replace('Dear customer,', 'Dear {{ticket.requester.first_name}},');
      const child = spawn(process.execPath, [BIN, '--fix', '--format', 'compact', '.'], { cwd: root, stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(Math.random() * 600)));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      for (let i = 0; i < 400; i++) {
        const name = `m${String(i).padStart(3, '0')}.md`;
        const now = readFileSync(path.join(root, name), 'utf8');
        expect([files[name], fixed(i)], name).toContain(now);
      }
      // A temporary file left by the kill is never a macro the next run would lint.
      for (const leftover of readdirSync(root).filter((f) => f.endsWith('.tmp'))) expect(leftover.startsWith('.')).toBe(true);
    }
  }, 60_000);

  it('keeps the file mode of a fixed file', () => {
    const root = folder({ 'exec.md': 'Dear customer,\n\nI have refunded you in full.\n' });
    chmodSync(path.join(root, 'exec.md'), 0o640);
    run(['--fix', 'exec.md'], root);
    expect(statSync(path.join(root, 'exec.md')).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(root, 'exec.md'), 'utf8')).toContain('Dear {{ticket.requester.first_name}}');
  });
});
