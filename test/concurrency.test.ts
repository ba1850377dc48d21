// Linting on several threads (--concurrency) must give exactly what one thread gives: the same
// findings, fixes, exit code and errors. The built CLI is run as a child process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../src/api/pool.js';
import { trickyExport } from './helpers/exports.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/empathy-lint.js');

function run(args: string[], cwd = ROOT, extraEnv: Record<string, string> = {}) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  const result = spawnSync(process.execPath, [BIN, '--no-color', ...args], { cwd, encoding: 'utf8', env: { ...env, ...extraEnv }, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Several folders of macros with findings, fixes, JSON exports and a file that cannot be read. */
function library(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'empathy-threads-'));
  cpSync(path.join(ROOT, 'fixtures/library'), path.join(dir, 'library'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/helpdesk'), path.join(dir, 'helpdesk'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/cli/problems'), path.join(dir, 'problems'), { recursive: true });
  writeFileSync(path.join(dir, 'broken.json'), '{ "macros": [ }');
  return dir;
}

const LARGE_EXPORT_MACROS = 4000;

/** A 1 MB Zendesk export, large enough to be split across threads, in the library unless another folder is given. */
function withLargeExport(dir = library(), body = (i: number) => `Hi {{ticket.requester.first_name}}, you forgot to attach the receipt for order ${i}. Please send it again.`): string {
  const macros = Array.from({ length: LARGE_EXPORT_MACROS }, (_, i) => ({
    id: i + 1,
    title: `Macro ${i + 1}`,
    actions: [{ field: 'comment_value', value: body(i) }],
  }));
  const json = JSON.stringify({ macros }, null, 2);
  expect(json.length).toBeGreaterThan(1024 * 1024); // MIN_SHARDED_BYTES
  writeFileSync(path.join(dir, 'big-export.json'), json);
  return dir;
}

/** A 1.2 MB export (large enough to be split) with a BOM and what positions can trip on (see helpers/exports.ts). */
function withTrickyExport(): { dir: string; withText: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'empathy-threads-'));
  const { json, withText } = trickyExport(3200, { bom: true });
  expect(json.length).toBeGreaterThan(1024 * 1024);
  writeFileSync(path.join(dir, 'tricky-export.json'), json);
  return { dir, withText };
}

describe('--concurrency', () => {
  it('gives the same report on 3 threads as on one', () => {
    const dir = library();
    const one = run(['--concurrency', 'off', '--format', 'json', '.'], dir);
    const three = run(['--concurrency', '3', '--format', 'json', '.'], dir);
    expect(one.code).toBe(2); // broken.json could not be read
    expect(three).toEqual(one);
    const results = JSON.parse(three.stdout) as { filePath: string; messages: unknown[] }[];
    expect(results.length).toBeGreaterThan(20);
    expect(results.some((r) => r.filePath.endsWith('broken.json'))).toBe(true);
  });

  it('lints on this thread what a worker had no memory for, while this thread lints files too', () => {
    // Only whole files: this thread lints batches alongside the workers, each holding two batches;
    // workers capped at 1 MB of heap fail at once, and every batch they held is linted here.
    const dir = library();
    const one = run(['--concurrency', 'off', '--format', 'json', '.'], dir);
    expect(run(['--concurrency', '3', '--format', 'json', '.'], dir, { EMPATHY_WORKER_HEAP_MB: '1' })).toEqual(one);
  });

  it('fixes the same files the same way on several threads', () => {
    const a = library();
    const b = library();
    const one = run(['--concurrency', 'off', '--fix', 'library'], a);
    const two = run(['--concurrency', '2', '--fix', 'library'], b);
    expect(two.code).toBe(one.code);
    expect(two.stdout.replaceAll(b, '')).toBe(one.stdout.replaceAll(a, ''));
    for (const name of ['billing-error.md', 'password-reset.md', 'refund-denied.md', 'zendesk-macros.json']) {
      const fixed = readFileSync(path.join(a, 'library', name), 'utf8');
      expect(fixed).not.toBe(readFileSync(path.join(ROOT, 'fixtures/library', name), 'utf8'));
      expect(readFileSync(path.join(b, 'library', name), 'utf8')).toBe(fixed);
    }
  });

  it('stops with the one-line config error a thread met', () => {
    const dir = library();
    writeFileSync(path.join(dir, 'library/.empathyrc.json'), '{ "rules": { "avoid-blam": "error" } }');
    const one = run(['--concurrency', 'off', '.'], dir);
    const two = run(['--concurrency', '2', '.'], dir);
    expect(one.code).toBe(2);
    expect(two).toEqual(one);
    expect(two.stderr.trim().split('\n')).toHaveLength(1);
    expect(two.stderr).toContain('unknown rule "avoid-blam"');
  });

  it('reuses the cache on several threads, and stores what the threads linted', () => {
    const dir = library();
    const first = run(['--concurrency', '2', '--cache', '--format', 'json', '.'], dir);
    const cacheFile = path.join(dir, '.empathycache');
    // Each message text is stored once, in `texts`; a message refers to it by index.
    type Cached = { texts: string[]; files: Record<string, { result: { messages: { message: number }[] } }> };
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Cached;
    const linted = (JSON.parse(first.stdout) as { filePath: string; fatalErrorCount: number }[]).filter((r) => r.fatalErrorCount === 0);
    expect(Object.keys(cache.files).sort()).toEqual(linted.map((r) => r.filePath).sort());
    // A result changed in the cache shows in the next run: it was read from there, not linted again.
    const [file, entry] = Object.entries(cache.files).find(([, e]) => e.result.messages.length > 0)!;
    cache.texts[entry.result.messages[0]!.message] = 'read from the cache';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const again = run(['--concurrency', '2', '--cache', '--format', 'json', '.'], dir);
    const reread = (JSON.parse(again.stdout) as { filePath: string; messages: { message: string }[] }[]).find((r) => r.filePath === file)!;
    expect(reread.messages[0]!.message).toBe('read from the cache');
  });

  it('splits a large export across threads and reports it as one thread would', () => {
    const dir = withLargeExport();
    const one = run(['--concurrency', 'off', '--format', 'json', '.'], dir);
    expect(run(['--concurrency', '2', '--format', 'json', '.'], dir)).toEqual(one);
    const exported = (JSON.parse(one.stdout) as { filePath: string; messages: unknown[]; macros: unknown[] }[]).find((r) => r.filePath.endsWith('big-export.json'))!;
    expect(exported.messages.length).toBeGreaterThan(LARGE_EXPORT_MACROS);
    expect(exported.macros).toHaveLength(LARGE_EXPORT_MACROS);
  });

  it('splits an export with a BOM, CRLF and escapes as one thread reads it, and caches it', () => {
    const { dir, withText } = withTrickyExport();
    const one = run(['--concurrency', 'off', '--format', 'json', '.'], dir);
    expect(run(['--concurrency', '2', '--format', 'json', '.'], dir)).toEqual(one);
    expect(run(['--concurrency', '3', '--format', 'json', '.'], dir)).toEqual(one);
    const [exported] = JSON.parse(one.stdout) as { messages: unknown[]; macros: unknown[] }[];
    expect(exported!.macros).toHaveLength(withText);
    expect(withText).toBeLessThan(3200);
    expect(exported!.messages.length).toBeGreaterThan(3200);
    // The thread that split it hashed the file, so its result is cached (a result without a hash is not).
    const cached = run(['--concurrency', '2', '--cache', '--format', 'json', '.'], dir);
    expect(cached.stdout).toBe(one.stdout);
    const cache = JSON.parse(readFileSync(path.join(dir, '.empathycache'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(cache.files)).toEqual([path.join(dir, 'tricky-export.json')]);
    expect(run(['--concurrency', '2', '--cache', '--format', 'json', '.'], dir).stdout).toBe(one.stdout);
  });

  it('reports a split export the parser gives up on as one thread would', () => {
    // One body in the second share is nested too deeply for the Markdown parser.
    const dir = withLargeExport(mkdtempSync(path.join(tmpdir(), 'empathy-threads-')), (i) => (i === 1501 ? `${'> '.repeat(20_000)}x` : `Thanks for waiting: order ${i} is on its way, and it should reach you within two working days.`));
    const one = run(['--concurrency', 'off', '--format', 'json', '.'], dir);
    expect(run(['--concurrency', '2', '--format', 'json', '.'], dir)).toEqual(one);
    expect(one.code).toBe(2);
    const [result] = JSON.parse(one.stdout) as { messages: { message: string }[] }[];
    expect(result!.messages.map((m) => m.message)).toEqual(['Could not read the file as macros: it is nested too deeply to read.']);
  });

  it('lints on the main thread the files a thread has no memory for', async () => {
    const dir = withLargeExport();
    const one = run(['--concurrency', 'off', '--format', 'json', '.'], dir);
    // Threads capped at 1 MB of heap run out of it at once: everything is linted here, with the same report.
    expect(run(['--concurrency', '2', '--format', 'json', '.'], dir, { EMPATHY_WORKER_HEAP_MB: '1' })).toEqual(one);
    // The built pool, asked directly, says what it gave back to the main thread: a whole file over
    // 256 KB without trying it, and what a thread was on when it ran out of memory.
    const { lintInWorkers } = (await import(path.join(ROOT, 'dist/src/api/pool.js'))) as typeof import('../src/api/pool.js');
    const big = path.join(dir, 'big-export.json');
    const small = path.join(dir, 'library/billing-error.md');
    let back: WorkItem[] = [];
    const backHere = async (items: readonly WorkItem[]) => {
      back.push(...items);
      return items.map((item) => ({ ...item }));
    };
    const whole = await lintInWorkers([{ filePath: big }, { filePath: small }], { concurrency: 1 }, 2, false, backHere);
    expect(back).toEqual([{ filePath: big }]);
    expect(whole.find((l) => l.filePath === small)!.result!.messages.length).toBeGreaterThan(0);
    back = [];
    const shard = { index: 0, of: 1 };
    const previous = process.env.EMPATHY_WORKER_HEAP_MB;
    process.env.EMPATHY_WORKER_HEAP_MB = '1';
    try {
      await lintInWorkers([{ filePath: big, shard }], { concurrency: 1 }, 2, false, backHere);
      expect(back).toEqual([{ filePath: big, shard }]);
      // An export a thread could not split comes back to be linted whole…
      back = [];
      await lintInWorkers([{ filePath: big, split: 2 }], { concurrency: 1 }, 2, false, backHere);
      expect(back).toEqual([{ filePath: big, split: 2 }]);
      // …and a share a thread could not lint comes back without its buffers (they went with the thread),
      // to be read from the file again.
      const { splitSource } = (await import(path.join(ROOT, 'dist/src/formats/index.js'))) as typeof import('../src/formats/index.js');
      const { packShare } = (await import(path.join(ROOT, 'dist/src/api/shares.js'))) as typeof import('../src/api/shares.js');
      const source = readFileSync(big, 'utf8');
      const [, second] = splitSource(big, source, { markdown: { split: 'auto' } }, 2)!;
      const share = packShare(source, second!, new Int32Array([0]));
      back = [];
      await lintInWorkers([{ filePath: big, shard: { index: 1, of: 2 }, share }], { concurrency: 1 }, 2, false, backHere);
      expect(back).toEqual([{ filePath: big, shard: { index: 1, of: 2 } }]);
      expect(share.text.byteLength).toBe(0); // moved to the thread
    } finally {
      if (previous === undefined) delete process.env.EMPATHY_WORKER_HEAP_MB;
      else process.env.EMPATHY_WORKER_HEAP_MB = previous;
    }
  });

  it('refuses a thread count that is not one', () => {
    const result = run(['--concurrency', '0', 'fixtures/library']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^empathy-lint: .*--concurrency.*expected a number of threads, "auto" or "off"\.\n$/);
  });
});
