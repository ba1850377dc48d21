import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../src/api/lint.js';
import { ConfigLoader } from '../src/config/load.js';
import { ConfigError, parseRuleFlag, resolveConfig } from '../src/config/validate.js';

const severities = (rules: Map<string, { severity: string }>) => Object.fromEntries([...rules].map(([id, r]) => [id, r.severity]));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'empathy-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe('resolving a config', () => {
  it('applies presets from the rules’ own metadata, then the rules in order', () => {
    const config = resolveConfig(
      { extends: ['empathy:recommended'], rules: { 'avoid-blame': 'warn', 'use-name-placeholder': ['error', { placeholder: '{!Contact.FirstName}' }] } },
      builtinRegistry,
    );
    expect(severities(config.rules)).toMatchObject({ 'acknowledge-before-solving': 'warn', 'avoid-blame': 'warn', 'use-name-placeholder': 'error' });
    expect(config.rules.has('collaborative-language')).toBe(false); // off in recommended
    expect(config.rules.get('use-name-placeholder')!.options).toEqual({ placeholder: '{!Contact.FirstName}' });
  });

  it('accepts 0/1/2 for severities and drops rules that are off', () => {
    const config = resolveConfig({ extends: 'empathy:all', rules: { 'avoid-blame': 0, 'use-name-placeholder': 2, 'collaborative-language': 1 } }, builtinRegistry);
    expect(config.rules.has('avoid-blame')).toBe(false);
    expect(severities(config.rules)).toMatchObject({ 'acknowledge-before-solving': 'warn', 'use-name-placeholder': 'error', 'collaborative-language': 'warn' });
    expect(config.rules.size).toBe(builtinRegistry.size - 1);
  });

  it('builds the presets from each rule’s default severity and category', () => {
    const rule = (id: string, defaultSeverity: 'off' | 'warn' | 'error', category?: 'tone' | 'clarity') => ({
      meta: { id, description: '', docs: '', defaultSeverity, category, fixable: false, hasSuggestions: false, messages: {} },
      check() {},
    });
    const registry = new Map([
      ['tone-warn', rule('tone-warn', 'warn', 'tone')],
      ['tone-off', rule('tone-off', 'off', 'tone')],
      ['clarity-warn', rule('clarity-warn', 'warn', 'clarity')],
      ['blame', rule('blame', 'error')],
    ]);
    const preset = (name: string) => severities(resolveConfig({ extends: name }, registry).rules);
    expect(preset('empathy:recommended')).toEqual({ 'tone-warn': 'warn', 'clarity-warn': 'warn', blame: 'error' });
    expect(preset('empathy:all')).toEqual({ 'tone-warn': 'warn', 'tone-off': 'warn', 'clarity-warn': 'warn', blame: 'error' });
    expect(preset('empathy:strict')).toEqual({ 'tone-warn': 'error', 'tone-off': 'error', 'clarity-warn': 'warn', blame: 'error' });
  });

  it('without extends, only the listed rules run (as in ESLint)', () => {
    expect(severities(resolveConfig({ rules: { 'avoid-blame': 'error' } }, builtinRegistry).rules)).toEqual({ 'avoid-blame': 'error' });
  });

  it.each([
    [{ rules: { 'avoid-blam': 'error' } }, 'rules.avoid-blam: unknown rule "avoid-blam" (did you mean "avoid-blame"?)'],
    [{ rules: { 'avoid-blame': 'loud' } }, 'rules.avoid-blame: bad severity "loud"; use "off", "warn" or "error" (or 0, 1, 2)'],
    [{ rules: { 'use-name-placeholder': ['warn', { placeholdr: 'x' }] } }, 'unknown option "placeholdr" (did you mean "placeholder"?)'],
    [{ rules: { 'use-name-placeholder': ['warn', { placeholder: 3 }] } }, 'option "placeholder" must be a string'],
    [{ rules: { 'avoid-blame': ['warn', { x: 1 }] } }, 'this rule takes no options'],
    [{ rulse: {} }, 'unknown key "rulse" (did you mean "rules"?)'],
    [{ extends: 'empathy:recomended' }, 'unknown preset "empathy:recomended" (did you mean "empathy:recommended"?)'],
    [{ markdown: { split: 'h9' } }, 'markdown.split: bad value "h9"'],
    [{ format: 'zendesk2' }, 'format: unknown macro format "zendesk2" (did you mean "zendesk"?)'],
    [{ format: 'generic' }, '"format": "generic" needs a "json" section'],
    [{ json: { macros: 'replies', body: '/x' } }, 'json.macros: expected a JSON pointer such as "/replies"'],
    [{ json: { macros: '/replies', bdy: '/x' } }, 'json: unknown key "bdy" (did you mean "body"?)'],
    [{ json: { macros: '/replies' } }, 'json.body: expected a JSON pointer or a list of them'],
    [[], 'the config must be an object'],
  ])('rejects %j with a one-line reason', (raw, reason) => {
    const attempt = () => resolveConfig(raw, builtinRegistry, '/x/.empathyrc.json');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(reason);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message.startsWith('/x/.empathyrc.json: ')).toBe(true);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('parses --rule flags', () => {
    expect(parseRuleFlag('avoid-blame:off', builtinRegistry)).toEqual(['avoid-blame', 'off']);
    expect(parseRuleFlag('avoid-blame', builtinRegistry)).toMatch(/expected <rule-id>:<severity>/);
    expect(parseRuleFlag('nope:warn', builtinRegistry)).toMatch(/unknown rule "nope"/);
  });
});

describe('.empathyrc.example.json', () => {
  it('is a valid config that lists every built-in rule at its default severity and options', async () => {
    const { readFileSync } = await import('node:fs');
    const example = JSON.parse(readFileSync(path.join(import.meta.dirname, '../.empathyrc.example.json'), 'utf8'));
    expect(() => resolveConfig(example, builtinRegistry)).not.toThrow();
    expect(Object.keys(example.rules).sort()).toEqual([...builtinRegistry.keys()].sort());
    for (const [id, rule] of builtinRegistry) {
      const setting = example.rules[id];
      const [severity, options] = Array.isArray(setting) ? setting : [setting];
      expect(severity, id).toBe(rule.meta.defaultSeverity);
      if (options) expect(options, id).toEqual(rule.meta.defaultOptions);
    }
  });
});

describe('finding config files', () => {
  it('uses the nearest config upward from each file, and the recommended preset where there is none', async () => {
    const root = tree({
      'team/.empathyrc.json': JSON.stringify({ extends: 'empathy:recommended', rules: { 'avoid-blame': 'warn' } }),
      'team/billing/.empathyrc.yaml': 'rules:\n  avoid-blame: error\n',
      'team/billing/sub/a.md': 'x',
      'team/b.md': 'x',
      'other/package.json': JSON.stringify({ name: 'x', empathy: { rules: { 'use-name-placeholder': 'error' } } }),
      'other/c.md': 'x',
    });
    const loader = new ConfigLoader(builtinRegistry);
    expect(severities((await loader.forFile(path.join(root, 'team/billing/sub/a.md'))).rules)).toEqual({ 'avoid-blame': 'error' });
    expect((await loader.forFile(path.join(root, 'team/b.md'))).rules.get('avoid-blame')!.severity).toBe('warn');
    expect(severities((await loader.forFile(path.join(root, 'other/c.md'))).rules)).toEqual({ 'use-name-placeholder': 'error' });
  });

  it('reads .empathyrc (YAML or JSON) and explicit --config paths', async () => {
    const root = tree({ '.empathyrc': '{ "rules": { "avoid-blame": "warn" } }', 'custom.yml': 'extends: empathy:all\n' });
    const loader = new ConfigLoader(builtinRegistry);
    expect(severities((await loader.forFile(path.join(root, 'x.md'))).rules)).toEqual({ 'avoid-blame': 'warn' });
    expect((await loader.fromFile(path.join(root, 'custom.yml'))).rules.size).toBe(builtinRegistry.size);
  });

  it('reads JavaScript configs (.empathyrc.cjs, empathy.config.js)', async () => {
    const root = tree({
      'cjs/.empathyrc.cjs': "module.exports = { rules: { 'avoid-blame': 'warn' } };",
      'esm/package.json': JSON.stringify({ type: 'module' }),
      'esm/empathy.config.js': "export default { extends: 'empathy:all' };",
    });
    const loader = new ConfigLoader(builtinRegistry);
    expect(severities((await loader.forFile(path.join(root, 'cjs/x.md'))).rules)).toEqual({ 'avoid-blame': 'warn' });
    expect((await loader.forFile(path.join(root, 'esm/x.md'))).rules.size).toBe(builtinRegistry.size);
  });

  it('reports malformed JSON and YAML with the file and line:column, on one line', async () => {
    const root = tree({ 'a/.empathyrc.json': '{\n  "rules": {,\n}', 'b/.empathyrc.yml': 'rules:\n  avoid-blame: [warn\n' });
    const loader = new ConfigLoader(builtinRegistry);
    await expect(loader.forFile(path.join(root, 'a/x.md'))).rejects.toThrow(/\.empathyrc\.json: invalid JSON at 2:13: /);
    await expect(loader.forFile(path.join(root, 'b/x.md'))).rejects.toThrow(/\.empathyrc\.yml: invalid YAML: .*line \d+, column \d+/);
  });

  it('says plainly when --config names a missing file', async () => {
    const loader = new ConfigLoader(builtinRegistry);
    await expect(loader.fromFile('/nonexistent/.empathyrc.json')).rejects.toThrow('/nonexistent/.empathyrc.json: config file not found');
  });
});
