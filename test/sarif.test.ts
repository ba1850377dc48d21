// The SARIF formatter, through the built CLI: valid against the official SARIF 2.1.0 schema, byte for byte
// the golden log for fixtures/report, positions that agree with the JSON output, and fixes that do what
// --fix does when applied to the file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../src/api/lint.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const GOLDEN = path.join(ROOT, 'fixtures/report-golden/sarif.json');
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'test/data/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

function cli(args: string[], cwd = ROOT) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/empathy-lint.js'), ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
}
interface Replacement {
  deletedRegion: Region;
  insertedContent?: { text: string };
}
interface SarifFix {
  description?: { text: string };
  artifactChanges: { artifactLocation: { uri: string }; replacements: Replacement[] }[];
  properties?: { autofix?: boolean };
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
  fixes?: SarifFix[];
  properties?: { macro?: Record<string, unknown> };
}
interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; locations: unknown[] }[] }[];
    columnKind: string;
    results: SarifResult[];
    properties: { empathyScore?: number; macroCount: number };
  }[];
}
interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine: number; endColumn: number; fix?: unknown; suggestions?: unknown[] }[];
  source?: string;
  output?: string;
}

function validateSarif(log: unknown): unknown[] {
  // The official schema has a pattern that is invalid in Unicode mode; formats are not what this test is about.
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false, logger: false });
  const validate = ajv.compile(SCHEMA);
  return validate(log) ? [] : (validate.errors ?? []);
}

/** Offset of a 1-based line and UTF-16 column, lines ending at CRLF, LF or a lone CR, as the run declares. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.slice(offset).search(/\r\n|\n|\r/);
    if (next === -1) throw new Error(`line ${line} is past the end of the text`);
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + column - 1;
}

/** Applies a fix's replacements by line/column, the way a SARIF viewer would. */
function applyByLineColumn(text: string, fix: SarifFix): string {
  const edits = fix.artifactChanges.flatMap((change) => change.replacements).map(({ deletedRegion: r, insertedContent }) => ({
    start: offsetOf(text, r.startLine!, r.startColumn!),
    end: offsetOf(text, r.endLine!, r.endColumn!),
    text: insertedContent?.text ?? '',
  }));
  return edits.sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}

const run = cli(['--format', 'sarif', 'fixtures/report']);
const log = JSON.parse(run.stdout) as SarifLog;
const results = log.runs[0]!.results;
const uriOf = (result: SarifResult) => result.locations[0]!.physicalLocation.artifactLocation.uri;

describe('sarif formatter', () => {
  it('exits 1 on a library with errors and prints the golden log', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(validateSarif(log)).toEqual([]);
  });

  it('describes every built-in rule, and each result points at its own', () => {
    const { rules } = log.runs[0]!.tool.driver;
    const levels: Record<string, string> = { error: 'error', warn: 'warning', off: 'none' };
    expect(rules.map((r) => r.id)).toEqual([...builtinRegistry.keys()]);
    for (const rule of rules) {
      const { meta } = builtinRegistry.get(rule.id)!;
      expect(rule.shortDescription.text).toBe(meta.description);
      expect(rule.defaultConfiguration.level).toBe(levels[meta.defaultSeverity]);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/${meta.docs}$`));
    }
    for (const result of results) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('places every result where the JSON output does, and says columns are UTF-16 code units', () => {
    const json = JSON.parse(cli(['--format', 'json', 'fixtures/report']).stdout) as JsonResult[];
    const expected = json.flatMap((r) =>
      r.messages.map((m) => ({
        uri: path.relative(ROOT, r.filePath).split(path.sep).join('/'),
        ruleId: m.ruleId,
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        fixes: (m.fix ? 1 : 0) + (m.suggestions?.length ?? 0),
      })),
    );
    const actual = results.map((r) => ({ uri: uriOf(r), ruleId: r.ruleId, region: r.locations[0]!.physicalLocation.region, fixes: r.fixes?.length ?? 0 }));
    expect(actual).toEqual(expected);
    expect(log.runs[0]!.columnKind).toBe('utf16CodeUnits');
  });

  it('carries the library score, the macros and a successful invocation', () => {
    expect(log.runs[0]!.properties).toEqual({ empathyScore: 93, macroCount: 12 });
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
    const internal = results.find((r) => r.properties?.macro?.internal === true);
    expect(internal?.properties?.macro).toEqual({ id: '360011122205', title: 'Escalation::Tier 2 handover', pointer: '/macros/4', internal: true });
  });

  it("has fixes that, applied to the file, give what --fix gives", () => {
    const dryRun = JSON.parse(cli(['--fix-dry-run', '--format', 'json', 'fixtures/report']).stdout) as JsonResult[];
    for (const file of ['fixtures/report/late-order.md', 'fixtures/report/zendesk-macros.json']) {
      const fixed = dryRun.find((r) => r.filePath === path.join(ROOT, file))!;
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      expect(fixed.source).toBe(source);
      const autofixes = results.filter((r) => uriOf(r) === file).flatMap((r) => (r.fixes ?? []).filter((f) => f.properties?.autofix));
      const merged: SarifFix = { artifactChanges: autofixes.flatMap((f) => f.artifactChanges) };
      expect(applyByLineColumn(source, merged)).toBe(fixed.output);
    }
  });

  it('gives the one fix of late-order.md as exact offsets too', () => {
    const autofixes = results.filter((r) => uriOf(r) === 'fixtures/report/late-order.md').flatMap((r) => (r.fixes ?? []).filter((f) => f.properties?.autofix));
    expect(autofixes).toHaveLength(1);
    const [replacement] = autofixes[0]!.artifactChanges[0]!.replacements;
    const { charOffset, charLength } = replacement!.deletedRegion;
    const source = readFileSync(path.join(ROOT, 'fixtures/report/late-order.md'), 'utf8');
    const fixed = source.slice(0, charOffset) + replacement!.insertedContent!.text + source.slice(charOffset! + charLength!);
    expect(fixed).toBe(applyByLineColumn(source, autofixes[0]!));
    expect(autofixes[0]!.description?.text).toBe('Replace "Dear customer" with "Dear {{ticket.requester.first_name}}"');
  });

  it('leaves out character offsets after an emoji, where code points and UTF-16 code units part ways', () => {
    const regions = results.filter((r) => uriOf(r) === 'fixtures/report/zendesk-macros.json').flatMap((r) => (r.fixes ?? []).map((f) => f.artifactChanges[0]!.replacements[0]!.deletedRegion));
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      expect(region).not.toHaveProperty('charOffset');
      expect(region.startLine).toBeGreaterThan(0);
    }
  });

  it('does not count a byte order mark as a column or a character', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'empathy-sarif-'));
    writeFileSync(path.join(dir, 'reply.md'), '\uFEFFDear customer,\n\nYour refund is on its way.\n\nThanks,\n{{current_user.first_name}}\n');
    const { stdout } = cli(['--format', 'sarif', 'reply.md'], dir);
    const greeting = (JSON.parse(stdout) as SarifLog).runs[0]!.results.find((r) => r.ruleId === 'use-name-placeholder')!;
    expect(greeting.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1, endColumn: 14 });
    expect(greeting.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 14, charOffset: 0, charLength: 13 });
  });

  it('reports a file it could not read as macros as a failed invocation, not as a result', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'empathy-sarif-'));
    writeFileSync(path.join(dir, 'export.json'), '{ "tickets": [ { "subject": "Hi" } ] }\n');
    const { code, stdout } = cli(['--format', 'sarif', 'export.json'], dir);
    expect(code).toBe(2);
    const failed = JSON.parse(stdout) as SarifLog;
    expect(validateSarif(failed)).toEqual([]);
    expect(failed.runs[0]!.results).toEqual([]);
    const [invocation] = failed.runs[0]!.invocations;
    expect(invocation!.executionSuccessful).toBe(false);
    expect(invocation!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: expect.stringContaining('No macro format recognised') }, locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'export.json', uriBaseId: '%SRCROOT%' } }) })] }),
    ]);
  });
});
