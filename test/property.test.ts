// Property-based tests: random Markdown macros and helpdesk JSON exports (test/helpers/arbitraries.ts)
// through the public API. Each property runs EMPATHY_FUZZ_RUNS cases (2,000 by default); a failure
// prints fast-check's seed, path and shrunk counterexample. EMPATHY_FUZZ_SEED (with EMPATHY_FUZZ_PATH
// to jump straight to the counterexample) replays a failure; run one property with `-t "1\."` etc.
// Counterexamples that found bugs are kept in fixtures/property-regressions/ and replayed below.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import fc from 'fast-check';
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixes, lintFiles, lintText, type Diagnostic, type LintOptions } from '../src/index.js';
import { jsonArb, markdownArb } from './helpers/arbitraries.js';

const RUNS = Number(process.env.EMPATHY_FUZZ_RUNS) || 2000;
const SEED = process.env.EMPATHY_FUZZ_SEED === undefined ? undefined : Number(process.env.EMPATHY_FUZZ_SEED);
const PATH = process.env.EMPATHY_FUZZ_PATH;
const REGRESSIONS = path.resolve(import.meta.dirname, '../fixtures/property-regressions');

/** fast-check settings; `perRunMs` sizes the test's timeout so a long local run is not cut short. */
function settings(runs: number, perRunMs: number) {
  const replay = { ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) };
  return { params: { numRuns: runs, ...replay }, timeout: Math.max(30_000, runs * perRunMs) };
}

/** A random file: Markdown or a helpdesk JSON export, with the name it is linted as. */
type Sample = { filePath: 'x.md' | 'x.json'; source: string };
const markdownSample = markdownArb.map((source): Sample => ({ filePath: 'x.md', source }));
const jsonSample = jsonArb.map((source): Sample => ({ filePath: 'x.json', source }));
const anySample = fc.oneof(markdownSample, jsonSample);

const lint = (sample: Sample, options: LintOptions = {}) => lintText(sample.source, { filePath: sample.filePath, configLookup: false, ...options });

// ---- positions ----------------------------------------------------------------------------------

/** The text positions count in: a byte order mark opening the file is not a column. */
const positioned = (source: string) => source.replace(/^\uFEFF/, '');

/** Lines as the linter counts them: `\r\n`, `\n` and a lone `\r` each end one. */
function linesOf(text: string): { starts: number[]; texts: string[] } {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return { starts, texts: text.split(/\r\n|\r|\n/) };
}

const offsetOf = (starts: number[], line: number, column: number) => starts[line - 1]! + column - 1;

/** What is wrong with a diagnostic's position, if anything. */
function positionProblem(d: Diagnostic, source: string, lines: { starts: number[]; texts: string[] }): string | undefined {
  const inside = (line: number, column: number) =>
    Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.texts.length && column >= 1 && column <= lines.texts[line - 1]!.length + 1;
  // One column past a CRLF line's end is the `\n`: a position between `\r` and `\n`, which no editor has.
  const where = (line: number, column: number) =>
    source.slice(offsetOf(lines.starts, line, column) - 1, offsetOf(lines.starts, line, column) + 1) === '\r\n' ? 'is between \\r and \\n' : 'is outside the file';
  if (!inside(d.line, d.column)) return `start ${d.line}:${d.column} ${where(d.line, d.column)}`;
  if (!inside(d.endLine, d.endColumn)) return `end ${d.endLine}:${d.endColumn} ${where(d.endLine, d.endColumn)}`;
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return `end ${d.endLine}:${d.endColumn} is before start ${d.line}:${d.column}`;
  // Half an emoji is not a place in the file: an editor cannot put the cursor there, a fix there corrupts it.
  const splitsPair = (offset: number) => /[\uD800-\uDBFF]/.test(source[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(source[offset] ?? '');
  for (const [line, column] of [[d.line, d.column], [d.endLine, d.endColumn]] as const) {
    if (splitsPair(offsetOf(lines.starts, line, column))) return `${line}:${column} splits a surrogate pair`;
  }
  return undefined;
}

/** What is wrong with the ranges of a diagnostic's fix and suggestions (offsets into the text), if anything. */
function fixRangeProblem(d: Diagnostic, source: string): string | undefined {
  const fixes = [...(d.fix ? [['fix', d.fix] as const] : []), ...(d.suggestions ?? []).map((s) => ['suggestion', s.fix] as const)];
  for (const [kind, { range: [start, end] }] of fixes) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > source.length) return `${kind} range [${start}, ${end}] is not inside the text`;
    for (const at of [start, end]) {
      if (source.slice(at - 1, at + 1) === '\r\n') return `${kind} range [${start}, ${end}] cuts a CRLF`;
      if (/^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(source.slice(at - 1, at + 1))) return `${kind} range [${start}, ${end}] cuts a surrogate pair`;
    }
  }
  return undefined;
}

const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;
const NAMED_REFERENCE = /&([A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Source text as a reader sees it: `<br>` a line break; other HTML tags and comments dropped (an HTML
 * body's `<b>`, an element such as `<TICKET_ID>` that the HTML parser takes for a tag), and so are
 * emphasis delimiters and link syntax; character references and backslash escapes (a `\\` hard break
 * too) decoded; the `>` that opens each line of a block quote dropped; white space runs made one space.
 */
function asRead(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/\]\([^()\s]*\)|(?<!\w)[*_~]+|[*_~]+(?!\w)|\[/g, '')
    .replace(/(\r\n|\r|\n)[ \t]*(?:>[ \t]?)*/g, '$1')
    .replace(/\\(?=\r|\n)/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(NUMERIC_REFERENCE, (_whole, hex: string | undefined, decimal: string | undefined) => String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal)))
    .replace(NAMED_REFERENCE, (whole: string, name: string) => decodeNamedCharacterReference(name) || whole)
    .replace(/\s+/g, ' ');
}

/**
 * When a message opens with a quoted phrase (`"I'm sorry" is …`), the phrase is what the range covers:
 * the source slice, JSON-decoded for an export, read as a reader would. Undefined when it is, or when
 * the message quotes nothing; else what differs.
 */
function quoteProblem(d: Diagnostic, sample: Sample, starts: number[]): string | undefined {
  if (!d.message.startsWith('"')) return undefined;
  const raw = positioned(sample.source).slice(offsetOf(starts, d.line, d.column), offsetOf(starts, d.endLine, d.endColumn));
  let slice = raw;
  if (sample.filePath === 'x.json') {
    try {
      slice = JSON.parse(`"${raw}"`) as string;
    } catch {
      return `the range [${d.line}:${d.column}, ${d.endLine}:${d.endColumn}] is ${JSON.stringify(raw)}, not a piece of one JSON string`;
    }
  }
  const message = d.message.replace(/\s+/g, ' ');
  // As written (a Zendesk subject is plain text), or as read (Markdown and HTML bodies).
  if ([slice.replace(/\s+/g, ' '), asRead(slice)].some((text) => message.startsWith(`"${text}"`))) return undefined;
  const quoted = /^"(.*?)"(?= |$)/.exec(message)?.[1] ?? message;
  // A phrase the rule shortened ("…") cannot be compared with the source.
  if (quoted.endsWith('…') || quoted.endsWith('...')) return undefined;
  return `the message quotes ${JSON.stringify(quoted)} but [${d.line}:${d.column}, ${d.endLine}:${d.endColumn}] holds ${JSON.stringify(raw)}`;
}

// ---- JSON tokens --------------------------------------------------------------------------------

interface Token {
  kind: SyntaxKind;
  text: string;
  /** For a string: whether it is a property name, and else the property it is the value of. */
  isKey?: boolean;
  key?: string;
}

/** Every token of a JSON text, white space and line breaks included, so two texts can be compared byte for byte. */
function jsonTokens(text: string): { tokens: Token[]; error: boolean } {
  const scanner = createScanner(text, false);
  const raw: { kind: SyntaxKind; text: string; value: string }[] = [];
  let error = false;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (scanner.getTokenError() !== ScanError.None) error = true;
    raw.push({ kind, text: text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()), value: scanner.getTokenValue() });
  }
  const trivia = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia]);
  const nextKind = (i: number) => raw.slice(i + 1).find((t) => !trivia.has(t.kind))?.kind;
  // The key each object is at, and the key an array hangs from: a string value's key is the innermost one.
  const keys: (string | undefined)[] = [];
  let lastKey: string | undefined;
  const tokens = raw.map((t, i): Token => {
    if (t.kind === SyntaxKind.OpenBraceToken || t.kind === SyntaxKind.OpenBracketToken) keys.push(lastKey);
    if (t.kind === SyntaxKind.CloseBraceToken || t.kind === SyntaxKind.CloseBracketToken) lastKey = keys.pop();
    if (t.kind !== SyntaxKind.StringLiteral) return { kind: t.kind, text: t.text };
    if (nextKind(i) === SyntaxKind.ColonToken) {
      lastKey = t.value;
      return { kind: t.kind, text: t.text, isKey: true };
    }
    return { kind: t.kind, text: t.text, isKey: false, key: lastKey };
  });
  return { tokens, error };
}

/** The fields whose strings a reader sees: fixes may rewrite these and nothing else. */
const BODY_FIELDS = new Set(['value', 'content', 'content_html', 'text', 'body']);

/** What differs between an export and its fixed text outside the body strings, if anything. */
function jsonChangeProblem(before: string, after: string): string | undefined {
  try {
    JSON.parse(after);
  } catch (error) {
    return `the fixed text is not valid JSON: ${(error as Error).message}`;
  }
  const a = jsonTokens(before);
  const b = jsonTokens(after);
  if (b.error) return 'the fixed text has a malformed token';
  if (a.tokens.length !== b.tokens.length) return `the fixed text has ${b.tokens.length} tokens, the export ${a.tokens.length}`;
  for (let i = 0; i < a.tokens.length; i++) {
    const x = a.tokens[i]!;
    const y = b.tokens[i]!;
    if (x.kind !== y.kind) return `token ${i} changed kind: ${JSON.stringify(x.text)} became ${JSON.stringify(y.text)}`;
    if (x.text === y.text) continue;
    if (x.kind !== SyntaxKind.StringLiteral) return `token ${i} changed: ${JSON.stringify(x.text)} became ${JSON.stringify(y.text)}`;
    if (x.isKey || !BODY_FIELDS.has(x.key ?? '')) return `the string ${x.text} (${x.isKey ? 'a property name' : `the value of "${x.key}"`}) changed to ${y.text}`;
  }
  return undefined;
}

// ---- the checks (shared by the properties and the saved counterexamples) -----------------------

/**
 * Property 1: no crash, no fatal error, every position (and every fix's range) inside the file, every
 * quoted phrase where it is said to be.
 */
async function checkPositions(sample: Sample): Promise<void> {
  const result = await lint(sample);
  const lines = linesOf(positioned(sample.source));
  const problems = result.messages.flatMap((d) => {
    const problem =
      (d.fatal ? `fatal: ${d.message}` : undefined) ??
      (/failed on this macro/.test(d.message) ? d.message : undefined) ??
      positionProblem(d, positioned(sample.source), lines) ??
      fixRangeProblem(d, positioned(sample.source)) ??
      quoteProblem(d, sample, lines.starts);
    return problem ? [`${d.ruleId}: ${problem}`] : [];
  });
  expect(problems).toEqual([]);
}

/** Property 2: after --fix nothing fixable is left, and fixing the output again changes nothing. */
async function checkFixes(sample: Sample): Promise<void> {
  const fixed = await lint(sample, { fix: true });
  expect(fixed.fixStop).toBeUndefined();
  const output = fixed.output ?? sample.source;
  // A fix run over text with nothing left to fix lints it once and returns that: both checks in one call.
  const again = await lint({ ...sample, source: output }, { fix: true });
  expect(again.output ?? output).toBe(output);
  expect(again.messages.filter((d) => d.fix).map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`)).toEqual([]);
}

/** Property 3: the fixed export is valid JSON that differs from the original only inside body strings. */
async function checkJsonFix(sample: Sample): Promise<void> {
  const fixed = await lint(sample, { fix: true });
  expect(jsonChangeProblem(sample.source, fixed.output ?? sample.source)).toBeUndefined();
}

/**
 * Property 5: applyFixes(text, lintText(text).messages) is the first pass of --fix, so fixing its
 * output ends where fixing the text does.
 */
async function checkApplyFixes(sample: Sample): Promise<void> {
  const found = await lint(sample);
  const fixed = await lint(sample, { fix: true });
  const output = fixed.output ?? sample.source;
  const applied = applyFixes(sample.source, found.messages).output;
  if (applied === output) return;
  const rest = await lint({ ...sample, source: applied }, { fix: true });
  expect(rest.output ?? applied).toBe(output);
}

/** Property 4: lintText of a text and lintFiles of a file holding it report the same. */
async function checkAgree(sample: Sample, folder: string): Promise<void> {
  await writeFile(path.join(folder, sample.filePath), sample.source, 'utf8');
  const options = { cwd: folder, configLookup: false };
  const fromText = await lintText(sample.source, { ...options, filePath: sample.filePath });
  const { results } = await lintFiles([sample.filePath], options);
  expect(results).toHaveLength(1);
  expect(results[0]!.messages).toEqual(fromText.messages);
}

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'empathy-property-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// ---- the properties -----------------------------------------------------------------------------

/** One property as one test, its timeout sized to the number of runs. */
function property<T>(title: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, perRunMs: number): void {
  const { params, timeout } = settings(RUNS, perRunMs);
  it(`${title} (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(arbitrary, check), params);
  }, timeout);
}

describe('property-based', () => {
  property('1. linting never throws, every position is inside the file, every quoted phrase is where it is said to be', anySample, checkPositions, 15);
  property('2. fixing removes what it fixes and is idempotent', anySample, checkFixes, 25);
  property('3. fixing a JSON export rewrites only body strings', jsonSample, checkJsonFix, 15);
  property('4. lintText and lintFiles agree', anySample, (sample) => checkAgree(sample, folder), 20);
  property('5. applyFixes of the messages is the first pass of --fix', anySample, checkApplyFixes, 20);
});

// ---- counterexamples kept from earlier runs ----------------------------------------------------

describe('property regressions (fixtures/property-regressions)', async () => {
  const files = (await readdir(REGRESSIONS).catch(() => [] as string[])).filter((f) => /\.(md|json)$/.test(f) && f !== 'README.md').sort();
  const samples = await Promise.all(
    files.map(async (file) => [file, { filePath: file.endsWith('.json') ? 'x.json' : 'x.md', source: await readFile(path.join(REGRESSIONS, file), 'utf8') } as Sample] as const),
  );
  if (samples.length === 0) it.skip('none saved yet', () => undefined);
  for (const [file, sample] of samples) {
    it(`${file}: positions`, () => checkPositions(sample));
    it(`${file}: fixes`, () => checkFixes(sample));
    if (sample.filePath === 'x.json') it(`${file}: JSON fixes`, () => checkJsonFix(sample));
    it(`${file}: lintText = lintFiles`, () => checkAgree(sample, folder));
    it(`${file}: applyFixes`, () => checkApplyFixes(sample));
  }
});
