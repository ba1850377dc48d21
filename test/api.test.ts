// The Node API, called directly (not through the CLI), as scripts and editors use it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, defineRule, getFormatter, lintFile, lintFiles, lintText, loadConfig, SCORE_WEIGHTS } from '../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI_FIXTURES = path.join(ROOT, 'fixtures/cli');

describe('Node API', () => {
  it('lintFiles gives the results the CLI prints as JSON', async () => {
    const { results, unmatchedPatterns } = await lintFiles(['problems', 'nothing-here'], { cwd: CLI_FIXTURES });
    expect(unmatchedPatterns).toEqual(['nothing-here']);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/empathy-lint.js'), '--format', 'json', 'problems'], { cwd: CLI_FIXTURES, encoding: 'utf8' });
    const fromCli = JSON.parse(cli.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; severity: number }[] }[];
    expect(results.map((r) => r.filePath)).toEqual(fromCli.map((r) => r.filePath));
    expect(results.map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column, m.severity === 'error' ? 2 : 1]))).toEqual(
      fromCli.map((r) => r.messages.map((m) => [m.ruleId, m.line, m.column, m.severity])),
    );
  });

  it('lintText lints text as the file it names, with that folder’s config', async () => {
    const result = await lintText('Dear customer,\n\nYou forgot to attach the receipt.\n', { filePath: 'reply.md', cwd: path.join(CLI_FIXTURES, 'problems') });
    expect(result.filePath).toBe(path.join(CLI_FIXTURES, 'problems/reply.md'));
    expect(result.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['use-name-placeholder', 'avoid-blame']));
    expect(result.macros).toHaveLength(1);
    const skipped = await lintText('{"name": "x"}', { filePath: 'package.json' });
    expect(skipped.messages).toEqual([]);
    const json = await lintText('{"macro":{"id":1,"title":"T","actions":[{"field":"comment_value","value":"Hi there!"}]}}', { filePath: 'x.json' });
    expect(json.macros[0]).toMatchObject({ id: '1', title: 'T', pointer: '/macro' });
  });

  it('lintText with fix returns the fixed text; applyFixes applies one pass of fixes', async () => {
    const source = 'Dear customer,\n\nI have refunded you. Unfortunately, the fee stays.\n';
    const fixed = await lintText(source, { fix: true, cwd: CLI_FIXTURES });
    expect(fixed.output).toBe('Dear {{ticket.requester.first_name}},\n\nI have refunded you. The fee stays.\n');
    const unfixed = await lintText(source, { cwd: CLI_FIXTURES });
    expect(applyFixes(source, unfixed.messages)).toEqual({ output: fixed.output, applied: 2 });
  });

  it('lintFile reads a file and lints it', async () => {
    const result = await lintFile(path.join(CLI_FIXTURES, 'clean/refund-approved.md'));
    expect(result.errorCount + result.warningCount).toBe(0);
    expect(result.score).toBe(100);
  });

  it('loadConfig resolves the config a file gets', async () => {
    const config = await loadConfig(path.join(CLI_FIXTURES, 'bad-config/x.md')).catch((error: Error) => error);
    expect(config).toBeInstanceOf(Error);
    const recommended = await loadConfig(path.join(CLI_FIXTURES, 'problems/x.md'));
    expect(recommended.rules.get('avoid-blame')?.severity).toBe('error');
  });

  it('getFormatter loads formatters by name; defineRule and SCORE_WEIGHTS are exported', async () => {
    const stylish = await getFormatter('stylish');
    expect(typeof stylish).toBe('function');
    expect(await getFormatter('nope')).toBeUndefined();
    const rule = defineRule({ meta: { id: 'x', description: '', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: {} }, check() {} });
    expect(rule.meta.id).toBe('x');
    expect(SCORE_WEIGHTS.error).toBeGreaterThan(SCORE_WEIGHTS.warn);
  });
});
