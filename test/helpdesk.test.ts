// Realistic helpdesk exports, linted end to end by the built CLI. Beside each export are golden files:
// `<file>.expected.txt` (the stylish output) and `<file>.fixed.json` (the file after --fix), so a change
// in how exports are read, where findings land or what fixes write shows up as a diff.
// Regenerate a golden file only after reading every finding in it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/empathy-lint.js');
const HELPDESK = 'fixtures/helpdesk';

const EXPORTS = [
  ['zendesk', 'macros.json'],
  ['freshdesk', 'canned-responses.json'],
  ['helpscout', 'saved-replies.json'],
  ['intercom', 'saved-replies.json'],
  ['generic', 'replies.json'],
] as const;

interface Message {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
}

function run(args: string[]) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonRuns = new Map<string, Message[]>();

/** The findings of `--format json` on a file, run once per file. */
function lintAsJson(file: string): Message[] {
  let messages = jsonRuns.get(file);
  if (!messages) {
    const [result] = JSON.parse(run(['--format', 'json', file]).stdout) as { messages: Message[] }[];
    messages = result!.messages;
    jsonRuns.set(file, messages);
  }
  return messages;
}

/** The export's folder and the shared config above it, copied so config lookup finds the same files. */
function copyOf(platform: string, file: string): string {
  const helpdesk = path.join(mkdtempSync(path.join(tmpdir(), 'empathy-helpdesk-')), 'helpdesk');
  cpSync(path.join(ROOT, HELPDESK, platform), path.join(helpdesk, platform), { recursive: true });
  copyFileSync(path.join(ROOT, HELPDESK, '.empathyrc.json'), path.join(helpdesk, '.empathyrc.json'));
  return path.join(helpdesk, platform, file);
}

/** The JSON path of the string a source offset falls in, as a key. */
function stringAt(source: string, offset: number): string {
  const node = findNodeAtOffset(parseTree(source)!, offset);
  expect(node?.type).toBe('string');
  return JSON.stringify(getNodePath(node!));
}

/** Walks both trees: same keys, same non-string values; returns the paths of the strings that differ. */
function changedStrings(before: unknown, after: unknown, at: (string | number)[] = []): string[] {
  if (typeof before === 'string' && typeof after === 'string') return before === after ? [] : [JSON.stringify(at)];
  if (Array.isArray(before) && Array.isArray(after)) {
    expect(after.length, JSON.stringify(at)).toBe(before.length);
    return before.flatMap((item, i) => changedStrings(item, after[i], [...at, i]));
  }
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    expect(Object.keys(after), JSON.stringify(at)).toEqual(Object.keys(before));
    return Object.entries(before).flatMap(([key, value]) => changedStrings(value, (after as Record<string, unknown>)[key], [...at, key]));
  }
  expect(after, JSON.stringify(at)).toStrictEqual(before);
  return [];
}

describe.each(EXPORTS)('helpdesk export: %s', (platform, name) => {
  const file = `${HELPDESK}/${platform}/${name}`;
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const golden = (suffix: string) => readFileSync(path.join(ROOT, `${file}${suffix}`), 'utf8');

  it('prints the expected findings and exits 1', () => {
    const { code, stdout, stderr } = run(['--no-color', file]);
    expect(stderr).toBe('');
    expect(stdout).toBe(golden('.expected.txt'));
    expect(code).toBe(1);
  });

  let fixedText: string | undefined;
  /** The export after `--fix` on a copy, fixed once for the tests that need it. */
  const fixed = (): string => {
    if (fixedText === undefined) {
      const copy = copyOf(platform, name);
      expect(run(['--fix', copy]).stderr).toBe(''); // no "--fix stopped" notice
      fixedText = readFileSync(copy, 'utf8');
    }
    return fixedText;
  };

  it('--fix writes the expected file; a second --fix changes nothing', () => {
    expect(fixed()).toBe(golden('.fixed.json'));
    const copy = copyOf(platform, name);
    run(['--fix', copy]);
    run(['--fix', copy]);
    expect(readFileSync(copy, 'utf8')).toBe(fixed());
  });

  it('--fix changes only the strings that had a fixable finding, and keeps the JSON valid', () => {
    const fixable = new Set(lintAsJson(file).flatMap((m) => (m.fix ? [stringAt(source, m.fix.range[0])] : [])));
    expect(fixable.size).toBeGreaterThan(0);
    const changed = changedStrings(JSON.parse(source), JSON.parse(fixed()));
    expect(new Set(changed)).toEqual(fixable);
  });

  it('puts each finding on the first characters of the phrase its message quotes', () => {
    const lines = source.split('\n');
    let checked = 0;
    for (const m of lintAsJson(file)) {
      const quoted = /^"(.+?)"(?= )/.exec(m.message)?.[1];
      if (quoted === undefined) continue;
      expect(m.endLine).toBe(m.line); // a JSON string never spans lines
      const line = lines[m.line - 1]!;
      const span = line.slice(m.column - 1, m.endColumn - 1);
      if (/\\|&/.test(span)) continue; // written with JSON escapes or HTML references: not the quoted text as is
      expect(line.slice(m.column - 1).startsWith(quoted), `${m.line}:${m.column} ${m.message}`).toBe(true);
      expect(span).toBe(quoted);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
