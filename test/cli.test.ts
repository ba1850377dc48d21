// The built CLI, run as a child process on fixture folders, as a user or CI runs it.
// `npm test` builds first (pretest), so dist/ matches the sources.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/empathy-lint.js');
const CLI_FIXTURES = path.join(ROOT, 'fixtures/cli');

function run(args: string[], { cwd = CLI_FIXTURES, env = {} as Record<string, string>, input = undefined as string | undefined } = {}) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env }, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copyOf(folder: string): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'empathy-cli-')), folder);
  cpSync(path.join(CLI_FIXTURES, folder), target, { recursive: true });
  return target;
}

const LATE_ORDER = readFileSync(path.join(CLI_FIXTURES, 'problems/late-order.md'), 'utf8');

describe('empathy-lint CLI', () => {
  it('prints its version and help', () => {
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: empathy-lint [options] [patterns...]');
    expect(help.stdout).toContain('--fix-dry-run');
    expect(help.stdout).toContain('Examples:');
  });

  it('stops quietly when the reader goes away early (`empathy-lint … | head`)', async () => {
    // The pipe is closed before the CLI writes a byte, so every write meets EPIPE, as it does in
    // `| head` once head has its lines: no crash dump on stderr, and the exit code is the run's.
    for (const args of [['--help'], ['problems', '--format', 'json']]) {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: CLI_FIXTURES, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ args, stderr }).toEqual({ args, stderr: '' });
      expect(code).toBe(args[0] === '--help' ? 0 : 1);
    }
  });

  it('is silent and exits 0 on a clean library', () => {
    expect(run(['clean'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints ESLint-style rows and a summary, and exits 1 on errors', () => {
    const { code, stdout } = run(['problems']);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[1]).toBe('problems/late-order.md');
    expect(lines[2]).toMatch(/^ {2}1:1 {3}warning {2}"Dear customer" could be sent to anyone\. .* {2}use-name-placeholder$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}5:33 {2}error {4}"you forgot to" blames the customer, .* {2}avoid-blame$/));
    expect(lines).toContain('        → suggestion: Replace "user error" with "a settings issue"');
    expect(stdout).toContain('✖ 4 problems (2 errors, 2 warnings)\n  1 fixable with --fix\n');
    expect(stdout).not.toContain('password.md'); // a clean file gets no header
    expect(stdout).not.toMatch(/\u001b\[/); // no colour when not on a TTY
  });

  it('colours only when allowed: FORCE_COLOR yes, --no-color never', () => {
    expect(run(['problems'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(run(['problems', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('names the macro a finding belongs to in a multi-macro file', () => {
    const { code, stdout } = run(['split']);
    expect(code).toBe(1);
    expect(stdout).toContain('  › 2. Card declined\n  17:3   warning  "Hello" could be sent to anyone.');
    expect(stdout).toContain('19:30  error    "you entered the wrong" blames the customer');
    expect(stdout).not.toContain('Use carefully'); // agent guidance is not linted
  });

  it('writes ESLint-compatible JSON', () => {
    const { code, stdout } = run(['problems', '--format', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { filePath: string; messages: Record<string, unknown>[]; [k: string]: unknown }[];
    expect(results.map((r) => r.filePath)).toEqual([path.join(CLI_FIXTURES, 'problems/late-order.md'), path.join(CLI_FIXTURES, 'problems/password.md')]);
    expect(results[0]).toMatchObject({ errorCount: 2, warningCount: 2, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 1 });
    expect(results[0]!.messages[0]).toEqual({
      ruleId: 'use-name-placeholder',
      severity: 1,
      messageId: 'genericGreeting',
      message: expect.stringContaining('"Dear customer" could be sent to anyone.'),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 14,
      fix: { range: [0, 13], text: 'Dear {{ticket.requester.first_name}}' },
    });
    expect(results[0]!.messages[3]).toMatchObject({
      ruleId: 'avoid-blame',
      severity: 2,
      line: 6,
      column: 10,
      endLine: 6,
      endColumn: 20,
      suggestions: [{ desc: 'Replace "user error" with "a settings issue"', fix: { range: [expect.any(Number), expect.any(Number)], text: 'a settings issue' } }],
    });
    expect(results[1]!.messages).toEqual([]);
  });

  it('scores each macro and the library, and --min-score gates on it', () => {
    const { stdout } = run(['problems']);
    // late-order.md: 2 blame errors and 2 tone warnings → 100 - 2×15 - 2×5 = 60; password.md: 100.
    expect(stdout).toContain('  empathy score 80/100 over 2 macros\n');
    const [late, password] = JSON.parse(run(['problems', '--format', 'json']).stdout) as { score: number; macros: { score: number; line: number }[] }[];
    expect(late!.score).toBe(60);
    expect(late!.macros).toEqual([{ line: 1, column: 1, errorCount: 2, warningCount: 2, score: 60 }]);
    expect(password!.macros[0]!.score).toBe(100);
    expect(run(['clean', '--min-score', '100']).code).toBe(0);
    const low = run(['warnings-only', '--min-score', '99']);
    expect(low.code).toBe(1);
    expect(low.stderr).toBe("empathy-lint: the library's empathy score is 95/100, below the minimum of 99.\n");
    expect(run(['clean', '--min-score', '101']).code).toBe(2);
  });

  it('--stdin lints standard input as the named file; with --fix it prints the fixed text and reports on stderr', () => {
    const lint = run(['--stdin', '--stdin-filename', 'problems/late-order.md'], { input: LATE_ORDER });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('problems/late-order.md\n  1:1   warning  "Dear customer"');
    const fixed = run(['--stdin', '--fix', '--no-color'], { input: LATE_ORDER });
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toBe(LATE_ORDER.replace('Dear customer,', 'Dear {{ticket.requester.first_name}},'));
    expect(fixed.stderr).toContain('✖ 3 problems (2 errors, 1 warning)');
    const json = run(['--stdin', '--stdin-filename', 'export.json', '--format', 'json'], { input: '{"macro":{"id":1,"title":"T","actions":[{"field":"comment_value","value":"Hi there, thanks!"}]}}' });
    const messages = JSON.parse(json.stdout)[0].messages as { ruleId: string }[];
    expect(messages.find((m) => m.ruleId === 'use-name-placeholder')).toMatchObject({ macro: { id: '1', title: 'T', pointer: '/macro' } });
  });

  it('--output-file writes the report to a file, creating its folder', () => {
    const folder = copyOf('problems');
    const { code, stdout } = run(['.', '--format', 'json', '--output-file', 'reports/lint.json'], { cwd: folder });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(folder, 'reports/lint.json'), 'utf8'))).toHaveLength(2);
  });

  it('--quiet reports errors only', () => {
    const { stdout } = run(['problems', '--quiet']);
    expect(stdout).not.toMatch(/\d+:\d+ +warning/);
    expect(stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    expect(run(['warnings-only']).code).toBe(0);
    expect(run(['warnings-only', '--max-warnings', '1']).code).toBe(0);
    const over = run(['warnings-only', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('empathy-lint found too many warnings (1; maximum: 0).\n');
    expect(run(['warnings-only', '--max-warnings', 'lots']).code).toBe(2);
  });

  it('--rule changes a severity for this run', () => {
    const { code, stdout } = run(['problems', '--rule', 'avoid-blame:off', '--rule', 'use-name-placeholder:error']);
    expect(code).toBe(1);
    expect(stdout).not.toContain('avoid-blame');
    expect(stdout).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(run(['problems', '--rule', 'avoid-blame:off', '--rule', 'use-name-placeholder:off']).code).toBe(0);
  });

  it('--fix rewrites the file once, leaves the rest byte for byte, and a second run changes nothing', () => {
    const folder = copyOf('problems');
    const file = path.join(folder, 'late-order.md');
    const first = run(['--fix', '.'], { cwd: folder });
    expect(first.code).toBe(1); // the blame findings have no automatic fix
    expect(readFileSync(file, 'utf8')).toBe(LATE_ORDER.replace('Dear customer,', 'Dear {{ticket.requester.first_name}},'));
    expect(first.stdout).toContain('✖ 3 problems (2 errors, 1 warning)');
    expect(first.stdout).not.toContain('use-name-placeholder');
    const again = run(['--fix', '.'], { cwd: folder });
    expect(readFileSync(file, 'utf8')).toBe(LATE_ORDER.replace('Dear customer,', 'Dear {{ticket.requester.first_name}},'));
    expect(again.stdout).toBe(first.stdout);
  });

  it('--fix keeps CRLF line endings', () => {
    const folder = copyOf('warnings-only');
    const file = path.join(folder, 'outage.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect(run(['--fix', 'outage.md'], { cwd: folder }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Hi \{\{ticket\.requester\.first_name\}\},\r\n\r\nI'm sorry/);
    expect(readFileSync(file, 'utf8')).not.toMatch(/[^\r]\n/);
  });

  it('--fix-dry-run shows the change and writes nothing', () => {
    const folder = copyOf('problems');
    const { code, stdout } = run(['--fix-dry-run', '.'], { cwd: folder });
    expect(code).toBe(1);
    expect(stdout).toContain('late-order.md (--fix would change)\n  -    1 | Dear customer,\n  +    1 | Dear {{ticket.requester.first_name}},\n');
    expect(readFileSync(path.join(folder, 'late-order.md'), 'utf8')).toBe(LATE_ORDER);
    const json = JSON.parse(run(['--fix-dry-run', '--format', 'json', '.'], { cwd: folder }).stdout) as { output?: string }[];
    expect(json[0]!.output).toContain('Dear {{ticket.requester.first_name}},');
  });

  it('--apply-suggestion applies the first suggestion of one rule, previewed with --fix-dry-run', () => {
    const folder = copyOf('problems');
    const file = path.join(folder, 'late-order.md');
    const preview = run(['--apply-suggestion', 'acknowledge-before-solving', '--fix-dry-run', '.'], { cwd: folder });
    expect(preview.stdout).toContain('+    3 | I can see why this is frustrating. Please check the tracking link');
    expect(readFileSync(file, 'utf8')).toBe(LATE_ORDER);
    const applied = run(['--apply-suggestion', 'acknowledge-before-solving', '.'], { cwd: folder });
    expect(applied.stdout).not.toContain('acknowledge-before-solving');
    // Only that rule's suggestion: the greeting (a fix) and the blame (other suggestions) stay as written.
    expect(readFileSync(file, 'utf8')).toBe(LATE_ORDER.replace('Please check', 'I can see why this is frustrating. Please check'));
    expect(run(['--apply-suggestion', 'avoid-blam', '.'], { cwd: folder })).toMatchObject({
      code: 2,
      stderr: 'empathy-lint: --apply-suggestion: unknown rule "avoid-blam" (did you mean "avoid-blame"?)\n',
    });
  });

  it('--cache reuses results of unchanged files, and notices content, config and version changes', () => {
    const folder = copyOf('problems');
    const cacheFile = path.join(folder, '.empathycache');
    const first = run(['--cache', '.'], { cwd: folder });
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version: string; files: Record<string, { result: { errorCount: number } }> };
    expect(Object.keys(cache.files).map((f) => path.basename(f)).sort()).toEqual(['late-order.md', 'password.md']);
    // A cached result is what is printed: doctor it and the next run shows it.
    for (const entry of Object.values(cache.files)) entry.result.errorCount = entry.result.errorCount > 0 ? 99 : 0;
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(run(['--cache', '--format', 'json', '.'], { cwd: folder }).stdout).toContain('"errorCount":99');
    // Content changes, config changes and a different version each bypass the stored result.
    writeFileSync(path.join(folder, 'late-order.md'), `${LATE_ORDER}\n`);
    expect(run(['--cache', '--format', 'json', '.'], { cwd: folder }).stdout).not.toContain('"errorCount":99');
    writeFileSync(cacheFile, JSON.stringify({ ...cache, version: '0.0.0-other' }));
    expect(run(['--cache', '.'], { cwd: folder }).stdout).toBe(first.stdout);
    // So does a file stored in another layout (message texts inline, before they were kept once).
    writeFileSync(cacheFile, JSON.stringify({ ...cache, layout: 1 }));
    expect(run(['--cache', '--format', 'json', '.'], { cwd: folder }).stdout).not.toContain('"errorCount":99');
    writeFileSync(path.join(folder, '.empathyrc.json'), '{"rules":{"avoid-blame":"warn"}}');
    expect(run(['--cache', '.'], { cwd: folder }).stdout).toContain('(0 errors, 2 warnings)');
    // A corrupt cache is quietly started afresh.
    writeFileSync(cacheFile, '{not json');
    expect(run(['--cache', '.'], { cwd: folder })).toMatchObject({ code: 0, stderr: '' });
    expect(() => JSON.parse(readFileSync(cacheFile, 'utf8'))).not.toThrow();
  });

  it('--cache tells an unchanged file by its stamp, and an edited one even when its size and modification time are put back', () => {
    const folder = copyOf('problems');
    const cacheFile = path.join(folder, '.empathycache');
    const file = path.join(folder, 'late-order.md');
    run(['--cache', '.'], { cwd: folder });
    type Cached = { files: Record<string, { stamp?: string; result: { errorCount: number } }> };
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Cached;
    const entry = () => Object.entries((JSON.parse(readFileSync(cacheFile, 'utf8')) as Cached).files).find(([name]) => name.endsWith('late-order.md'))![1];
    expect(entry().stamp).toMatch(/^\d+:[\d.]+:[\d.]+$/);
    for (const cached of Object.values(cache.files)) cached.result.errorCount = 99;
    writeFileSync(cacheFile, JSON.stringify(cache));
    // Touched, not changed: the hash says unchanged, and the new stamp is kept for next time.
    const { atime, mtime } = statSync(file);
    utimesSync(file, atime, new Date(mtime.getTime() + 60_000));
    expect(run(['--cache', '--format', 'json', '.'], { cwd: folder }).stdout).toContain('"errorCount":99');
    expect(entry().stamp).not.toBe(cache.files[Object.keys(cache.files).find((name) => name.endsWith('late-order.md'))!]!.stamp);
    // A file over the size limit now is refused, not served from the cache.
    expect(run(['--cache', '--max-file-size', '10', '--format', 'json', 'late-order.md'], { cwd: folder }).stdout).toContain('over the 10 bytes limit');
    // Edited to the same size, its modification time put back: its change time still moved.
    expect(readFileSync(file, 'utf8')).toBe(LATE_ORDER);
    const edited = LATE_ORDER.replace('Dear customer,', 'Dear custom3r,');
    expect(edited.length).toBe(LATE_ORDER.length);
    writeFileSync(file, edited);
    utimesSync(file, atime, new Date(mtime.getTime() + 60_000));
    const after = JSON.parse(run(['--cache', '--format', 'json', 'late-order.md'], { cwd: folder }).stdout) as { errorCount: number }[];
    expect(after[0]!.errorCount).not.toBe(99);
  });

  it('--suppress-all records today’s findings; later runs report only what goes beyond them', () => {
    const folder = copyOf('problems');
    const recorded = run(['--suppress-all', '.'], { cwd: folder });
    expect(recorded).toMatchObject({ code: 0, stdout: '', stderr: 'empathy-lint: empathy-suppressions.json now tolerates 4 findings in 1 file.\n' });
    expect(JSON.parse(readFileSync(path.join(folder, 'empathy-suppressions.json'), 'utf8'))).toEqual({
      suppressions: { 'late-order.md': { 'acknowledge-before-solving': { count: 1 }, 'avoid-blame': { count: 2 }, 'use-name-placeholder': { count: 1 } } },
    });
    expect(run(['.'], { cwd: folder })).toMatchObject({ code: 0, stdout: '' });
    // One more blame: the rule's findings in that file are no longer all known, so all of them show.
    writeFileSync(path.join(folder, 'late-order.md'), `${LATE_ORDER}\nAs clearly stated, the label was wrong.\n`);
    const more = run(['--no-color', '.'], { cwd: folder });
    expect(more.code).toBe(1);
    expect(more.stdout.match(/avoid-blame$/gm)).toHaveLength(3);
    expect(more.stdout).not.toContain('use-name-placeholder');
    // Fix the greeting and prune: its entry goes.
    writeFileSync(path.join(folder, 'late-order.md'), LATE_ORDER.replace('Dear customer,', 'Hi {{ticket.requester.first_name}},'));
    run(['--prune-suppressions', '.'], { cwd: folder });
    expect(JSON.parse(readFileSync(path.join(folder, 'empathy-suppressions.json'), 'utf8')).suppressions['late-order.md']).toEqual({
      'acknowledge-before-solving': { count: 1 },
      'avoid-blame': { count: 2 },
    });
  });

  it('a bad config is one line naming the file, exit 2', () => {
    const { code, stdout, stderr } = run(['bad-config']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `empathy-lint: ${path.join(CLI_FIXTURES, 'bad-config/.empathyrc.json')}: rules.avoid-blam: unknown rule "avoid-blam" (did you mean "avoid-blame"?)\n`,
    );
  });

  it('--config uses one file for everything, and a missing one is exit 2', () => {
    const folder = copyOf('problems');
    writeFileSync(path.join(folder, 'only-blame.yml'), 'rules:\n  avoid-blame: warn\n');
    const { code, stdout } = run(['--config', 'only-blame.yml', '.'], { cwd: folder });
    expect(code).toBe(0);
    expect(stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
    const missing = run(['--config', 'nope.json', '.'], { cwd: folder });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`empathy-lint: ${path.join(folder, 'nope.json')}: config file not found\n`);
  });

  it('usage mistakes are one line and exit 2', () => {
    expect(run(['--fxi'])).toMatchObject({ code: 2, stderr: "empathy-lint: unknown option '--fxi' (Did you mean --fix?)\n" });
    expect(run(['clean', '--format', 'stylsh'])).toMatchObject({ code: 2, stderr: 'empathy-lint: unknown format "stylsh" (did you mean "stylish"?); use one of stylish, json, compact, github, junit, sarif, html\n' });
    expect(run(['clean', '--rule', 'avoid-blame'])).toMatchObject({ code: 2 });
    expect(run(['nothing-here'])).toMatchObject({ code: 2, stderr: 'empathy-lint: no files matching "nothing-here" were found\n' });
  });

  it('walks folders for .md, .markdown and .json, skipping node_modules and .git and never following symlinks', () => {
    const folder = copyOf('warnings-only');
    for (const dir of ['node_modules/pkg', '.git', 'notes']) mkdirSync(path.join(folder, dir), { recursive: true });
    const macro = readFileSync(path.join(folder, 'outage.md'), 'utf8');
    writeFileSync(path.join(folder, 'node_modules/pkg/readme.md'), macro);
    writeFileSync(path.join(folder, '.git/description.md'), macro);
    writeFileSync(path.join(folder, 'notes/reply.markdown'), macro);
    writeFileSync(path.join(folder, 'notes/ignored.txt'), macro);
    symlinkSync(path.join(folder, 'notes'), path.join(folder, 'linked-notes'));
    const { stdout } = run(['--format', 'json', '.'], { cwd: folder });
    const linted = (JSON.parse(stdout) as { filePath: string }[]).map((r) => path.relative(folder, r.filePath));
    expect(linted).toEqual(['notes/reply.markdown', 'outage.md']);
  });

  it('lints globs and explicit files', () => {
    expect(run(['problems/*.md']).stdout).toContain('problems/late-order.md');
    expect(run(['problems/password.md']).code).toBe(0);
  });

  it('reports JSON it cannot read as macros (exit 2) and skips package.json silently', () => {
    const { code, stdout } = run(['not-macros']);
    expect(code).toBe(2);
    expect(stdout).toContain('not-macros/export.json\n  1:1  error    No macro format recognised');
    expect(stdout).not.toContain('package.json');
  });

  it('keeps linting the other files when one cannot be read, then exits 2', () => {
    const folder = copyOf('problems');
    const { code, stdout } = run(['late-order.md', 'missing.md', '*.md'], { cwd: folder });
    expect(code).toBe(2);
    expect(stdout).toContain('late-order.md');
  });
});
