// The team workflow through the built CLI: nested configs, overrides, a local plugin, a shareable config
// installed into a temp node_modules, phrase rules with fixes, vocabulary, ignored macros, --init,
// --print-config and --no-config-lookup.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from './helpers/tree.js';

const BIN = path.resolve(import.meta.dirname, '../bin/empathy-lint.js');

function run(args: string[], cwd: string) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, ...env } = process.env;
  const result = spawnSync(process.execPath, [BIN, '--no-color', ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MACRO = `Hi {{ticket.requester.first_name}},

I'm sorry the export failed. I've restarted it, and your ticket number is on the way by email.

Best,
{{current_user.first_name}}
`;

describe('team configuration, end to end', () => {
  it('nested configs, overrides, a local plugin and an npm shareable config work together', () => {
    const root = writeTree({
      '.empathyrc.json': JSON.stringify({
        root: true,
        extends: ['empathy:recommended', 'acme'],
        plugins: ['./tone-plugin.mjs'],
        rules: { 'tone/no-ticket': 'error' },
        overrides: [{ files: ['legal/**'], rules: { 'tone/no-ticket': 'off' } }],
      }),
      'tone-plugin.mjs': `export default { meta: { namespace: 'tone' }, rules: { 'no-ticket': {
        meta: { id: 'no-ticket', description: 'd', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: { m: 'Say "your request".' } },
        check(doc, report) { for (const hit of doc.findPhrases([{ match: ['ticket number'] }])) report({ messageId: 'm', range: hit.range }); } } } };`,
      'node_modules/empathy-config-acme/package.json': JSON.stringify({ name: 'empathy-config-acme', main: 'index.json' }),
      'node_modules/empathy-config-acme/index.json': JSON.stringify({ rules: { 'offer-next-step': 'off' } }),
      'support/reply.md': MACRO,
      'support/billing/.empathyrc.yaml': 'rules:\n  tone/no-ticket: warn\n',
      'support/billing/reply.md': MACRO,
      'legal/reply.md': MACRO,
    });
    const { code, stdout } = run(['.'], root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/support\/reply\.md\n {2}3:\d+ +error +Say "your request"\. +tone\/no-ticket/);
    expect(stdout).toMatch(/support\/billing\/reply\.md\n {2}3:\d+ +warning +Say "your request"\. +tone\/no-ticket/);
    expect(stdout).not.toContain('legal/reply.md');
    const printed = JSON.parse(run(['--print-config', 'support/billing/reply.md'], root).stdout) as { configFiles: string[]; rules: Record<string, unknown> };
    expect(printed.configFiles.map((f) => path.relative(root, f))).toEqual(['.empathyrc.json', 'support/billing/.empathyrc.yaml']);
    expect(printed.rules['tone/no-ticket']).toBe('warn');
    expect(printed.rules['offer-next-step']).toBeUndefined(); // turned off by the shareable config
    expect(printed.rules['avoid-blame']).toBe('error');
  });

  it('phrase rules report, fix with --fix, and keep the capital at a sentence start', () => {
    const root = writeTree({
      '.empathyrc.json': JSON.stringify({
        root: true,
        phrases: [{ id: 'acme/no-ticket-jargon', match: ['ticket number', 'case ID'], message: "Say 'your request': customers don't think in tickets.", replace: 'your request' }],
      }),
      'reply.md': 'Hi {{ticket.requester.first_name}},\n\nTicket number 42 is closed. Your case ID stays the same.\n',
    });
    const lint = run(['.'], root);
    expect(lint.stdout).toContain(`3:1   warning  "Ticket number": Say 'your request': customers don't think in tickets.  acme/no-ticket-jargon`);
    expect(run(['--fix', '.'], root).code).toBe(0);
    expect(readFileSync(path.join(root, 'reply.md'), 'utf8')).toBe('Hi {{ticket.requester.first_name}},\n\nYour request 42 is closed. Your your request stays the same.\n');
  });

  it('vocabulary: rejected terms are reported, accepted words are not shouting', () => {
    const root = writeTree({
      '.empathyrc.json': JSON.stringify({ root: true, rules: { vocabulary: 'warn', 'no-shouting': 'warn' }, vocabulary: { reject: ['end user'], accept: ['ZENPAY'] } }),
      'reply.md': 'Hi {{ticket.requester.first_name}},\n\nYour ZENPAY card works again. Every end user can pay now.\n',
    });
    const { stdout } = run(['.'], root);
    expect(stdout).toContain('"end user" is on your team\'s list of words not to use');
    expect(stdout).not.toContain('ZENPAY');
  });

  it('ignoreMacros skips macros of an export by id or title', () => {
    const macro = (id: number, title: string) => ({ id, title, actions: [{ field: 'comment_value', value: 'Dear customer, you forgot to attach it.' }] });
    const root = writeTree({
      '.empathyrc.json': JSON.stringify({ root: true, extends: 'empathy:recommended', ignoreMacros: ['Legal hold notice', '3'] }),
      'export.json': JSON.stringify({ macros: [macro(1, 'Refund'), macro(2, 'Legal hold notice'), macro(3, 'Other')] }, null, 2),
    });
    const results = JSON.parse(run(['--format', 'json', '.'], root).stdout) as { messages: { macro: { title: string } }[] }[];
    expect(new Set(results[0]!.messages.map((m) => m.macro.title))).toEqual(new Set(['Refund']));
  });

  it('--init writes a starter config with the dialect the macros use, and never overwrites one', () => {
    const root = writeTree({ 'macros/a.md': 'Hi {%customer.firstName,fallback=there%},\n\nDone.\n', 'macros/b.md': 'Thanks {%customer.firstName%}!\n' });
    const init = run(['--init'], root);
    expect(init).toMatchObject({ code: 0, stdout: 'Wrote .empathyrc.json (dialect: helpscout). Run empathy-lint to lint your macros.\n' });
    expect(JSON.parse(readFileSync(path.join(root, '.empathyrc.json'), 'utf8'))).toMatchObject({ extends: ['empathy:recommended'], dialect: 'helpscout' });
    const again = run(['--init'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`empathy-lint: ${path.join(root, '.empathyrc.json')}: a config already exists here; --init never overwrites one\n`);
  });

  it('--no-config-lookup ignores config files; a broken one then does not matter', () => {
    const root = writeTree({ '.empathyrc.json': '{ "rules": { "avoid-blam": "error" } }', 'reply.md': MACRO });
    expect(run(['.'], root).code).toBe(2);
    const { code, stdout } = run(['--no-config-lookup', '--rule', 'offer-next-step:off', '.'], root);
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });

  it('disable comments turn rules off where a person decided; unused and unknown ones are reported', () => {
    const root = writeTree({
      'reply.md': [
        'Hi {{ticket.requester.first_name}},',
        '',
        "I'm sorry for the wait, and I've refunded the fee.",
        '',
        '<!-- empathy-disable-next-line avoid-blame -- wording approved by legal -->',
        'As clearly stated in our terms, the deposit stays with the courier.',
        '',
        '<!-- empathy-disable-next-line no-shouting -->',
        'You forgot to attach the receipt, so I will wait for it.',
        '',
        '<!-- empathy-disable avoid-blam -->',
        '',
      ].join('\n'),
    });
    const plain = run(['--rule', 'offer-next-step:off', '.'], root);
    expect(plain.stdout).not.toContain('As clearly stated');
    expect(plain.stdout).toContain('"You forgot to" blames the customer');
    expect(plain.stdout).toContain('Unknown rule "avoid-blam" in an empathy-disable comment (did you mean "avoid-blame"?).');
    expect(plain.stdout).not.toContain('Unused empathy-disable directive');
    const strict = run(['--rule', 'offer-next-step:off', '--report-unused-disable-directives', '.'], root);
    expect(strict.stdout).toContain('Unused empathy-disable directive (no problems were reported from "no-shouting").');
  });

  it('a config mistake names the file and the key, with did-you-mean', () => {
    const root = writeTree({ '.empathyrc.json': JSON.stringify({ root: true, dialect: 'zendsk' }), 'reply.md': MACRO });
    expect(run(['.'], root)).toMatchObject({
      code: 2,
      stderr: `empathy-lint: ${path.join(root, '.empathyrc.json')}: dialect: "zendsk" is not one of "zendesk", "freshdesk", "helpscout", "intercom", "gorgias", "salesforce", "generic" (did you mean "zendesk"?)\n`,
    });
  });
});
