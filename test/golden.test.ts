// Golden output of the stylish and json formatters on fixtures/report (a pinned six-rule config):
// stable ordering (files by path, findings by line and column) and every field as printed.
// To update after a deliberate change: UPDATE_GOLDEN=1 npx vitest run --dir test test/golden.test.ts,
// then read the diff line by line before committing it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const GOLDEN = path.join(ROOT, 'fixtures/report-golden');

function run(format: string) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  return spawnSync(process.execPath, ['bin/empathy-lint.js', '--format', format, 'fixtures/report'], { cwd: ROOT, encoding: 'utf8', env });
}

describe.each([
  ['stylish', 'stylish.txt', (out: string) => out],
  // ESLint's JSON carries absolute paths; the golden file holds them relative to the project.
  ['json', 'json.json', (out: string) => `${JSON.stringify(JSON.parse(out.split(ROOT).join('<root>')), null, 2)}\n`],
])('%s', (format, file, normalise) => {
  it('matches its golden file and exits 1', () => {
    const { status, stdout } = run(format);
    expect(status).toBe(1);
    const actual = normalise(stdout);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path.join(GOLDEN, file), actual);
    expect(actual).toBe(readFileSync(path.join(GOLDEN, file), 'utf8'));
  });
});
