import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRegistry } from '../src/api/lint.js';
import { ConfigLoader } from '../src/config/load.js';
import { resolveConfig } from '../src/config/resolve.js';
import { ConfigError, parseRuleFlag } from '../src/config/validate.js';
import { writeTree } from './helpers/tree.js';

const severities = (rules: Map<string, { severity: string }>) => Object.fromEntries([...rules].map(([id, r]) => [id, r.severity]));

describe('resolving a config', () => {
  it('applies presets from the rules’ own metadata, then the rules in order', async () => {
    const config = await resolveConfig(
      { extends: ['empathy:recommended'], rules: { 'avoid-blame': 'warn', 'use-name-placeholder': ['error', { placeholder: '{!Contact.FirstName}' }] } },
      builtinRegistry,
    );
    expect(severities(config.rules)).toMatchObject({ 'acknowledge-before-solving': 'warn', 'avoid-blame': 'warn', 'use-name-placeholder': 'error' });
    expect(config.rules.has('collaborative-language')).toBe(false); // off in recommended
    expect(config.rules.get('use-name-placeholder')!.options).toEqual({ placeholder: '{!Contact.FirstName}' });
  });

  it('accepts 0/1/2 for severities and drops rules that are off', async () => {
    const config = await resolveConfig({ extends: 'empathy:all', rules: { 'avoid-blame': 0, 'use-name-placeholder': 2, 'collaborative-language': 1 } }, builtinRegistry);
    expect(config.rules.has('avoid-blame')).toBe(false);
    expect(severities(config.rules)).toMatchObject({ 'acknowledge-before-solving': 'warn', 'use-name-placeholder': 'error', 'collaborative-language': 'warn' });
    expect(config.rules.size).toBe(builtinRegistry.size - 1);
  });

  it('builds the presets from each rule’s default severity and category', async () => {
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
    const preset = async (name: string) => severities((await resolveConfig({ extends: name }, registry)).rules);
    expect(await preset('empathy:recommended')).toEqual({ 'tone-warn': 'warn', 'clarity-warn': 'warn', blame: 'error' });
    expect(await preset('empathy:all')).toEqual({ 'tone-warn': 'warn', 'tone-off': 'warn', 'clarity-warn': 'warn', blame: 'error' });
    expect(await preset('empathy:strict')).toEqual({ 'tone-warn': 'error', 'tone-off': 'error', 'clarity-warn': 'warn', blame: 'error' });
  });

  it('without extends, only the listed rules run (as in ESLint)', async () => {
    expect(severities((await resolveConfig({ rules: { 'avoid-blame': 'error' } }, builtinRegistry)).rules)).toEqual({ 'avoid-blame': 'error' });
  });

  it.each([
    [{ rules: { 'avoid-blam': 'error' } }, 'rules.avoid-blam: unknown rule "avoid-blam" (did you mean "avoid-blame"?)'],
    [{ rules: { 'avoid-blame': 'loud' } }, 'rules.avoid-blame: "loud" is not one of "off", "warn", "error"'],
    [{ rules: { 'use-name-placeholder': ['warn', { placeholdr: 'x' }] } }, 'unknown option "placeholdr" (did you mean "placeholder"?)'],
    [{ rules: { 'use-name-placeholder': ['warn', { placeholder: 3 }] } }, 'option "placeholder" must be a string'],
    [{ rules: { 'avoid-blame': ['warn', { x: 1 }] } }, 'this rule takes no options'],
    [{ rulse: {} }, 'unknown key "rulse" (did you mean "rules"?)'],
    [{ extends: 'empathy:recomended' }, 'unknown preset "empathy:recomended" (did you mean "empathy:recommended"?)'],
    [{ markdown: { split: 'h9' } }, 'markdown.split: "h9" is not one of'],
    [{ format: 'zendesk2' }, 'format: "zendesk2" is not one of "zendesk", "freshdesk", "intercom", "helpscout", "generic" (did you mean "zendesk"?)'],
    [{ dialect: 'helpscot' }, 'dialect: "helpscot" is not one of "zendesk", "freshdesk", "helpscout", "intercom", "gorgias", "salesforce", "generic" (did you mean "helpscout"?)'],
    [{ format: 'generic' }, '"format": "generic" needs a "json" section'],
    [{ json: { macros: 'replies', body: '/x' } }, 'json.macros: "replies" has the wrong form: expected a JSON pointer such as "/replies"'],
    [{ json: { macros: '/replies', bdy: '/x' } }, 'json: unknown key "bdy" (did you mean "body"?)'],
    [{ json: { macros: '/replies' } }, 'json: "body" is required'],
    [{ phrases: [{ id: 'team/x', message: 'm', regex: 'a*' }] }, 'phrases: "team/x" has a regex that can match empty text'],
    [{ phrases: [{ id: 'team/x', message: 'm', regex: '(' }] }, 'phrases: "team/x" has a regex that does not compile'],
    [{ phrases: [{ id: 'avoid-blame', message: 'm', match: ['x'] }] }, 'phrases: "avoid-blame" is the id of a built-in rule'],
    [{ overrides: [{ rules: {} }] }, 'overrides[0]: "files" is required'],
    [[], 'must be an object'],
  ])('rejects %j with a one-line reason', async (raw, reason) => {
    const error = await resolveConfig(raw, builtinRegistry, '/x/.empathyrc.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message.startsWith('/x/.empathyrc.json: ')).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('parses --rule flags', () => {
    expect(parseRuleFlag('avoid-blame:off')).toEqual(['avoid-blame', 'off']);
    expect(parseRuleFlag('acme/no-jargon:2')).toEqual(['acme/no-jargon', 'error']);
    expect(parseRuleFlag('avoid-blame')).toMatch(/expected <rule-id>:<severity>/);
    expect(parseRuleFlag('avoid-blame:loud')).toMatch(/bad severity "loud"/);
  });
});

describe('.empathyrc.example.json', () => {
  it('is a valid config that lists every built-in rule at its default severity and options', async () => {
    const { readFileSync } = await import('node:fs');
    const example = JSON.parse(readFileSync(path.join(import.meta.dirname, '../.empathyrc.example.json'), 'utf8'));
    await expect(resolveConfig(example, builtinRegistry)).resolves.toBeDefined();
    expect(Object.keys(example.rules).sort()).toEqual([...builtinRegistry.keys()].sort());
    for (const [id, rule] of builtinRegistry) {
      const setting = example.rules[id];
      const [severity, options] = Array.isArray(setting) ? setting : [setting];
      expect(severity, id).toBe(rule.meta.defaultSeverity);
      if (options) expect(options, id).toEqual(rule.meta.defaultOptions);
    }
  });
});

/** The config files that apply to `<dir>/m.md` under `root`, relative to it. */
function configFilesFor(root: string): (dir: string) => Promise<string[]> {
  const loader = new ConfigLoader(builtinRegistry);
  return async (dir) => (await loader.forFile(path.join(root, dir, 'm.md'))).files.map((f) => path.relative(root, f));
}

describe('finding config files', () => {
  it('applies every config upward from a file, nearer ones winning, until one says root: true', async () => {
    const root = writeTree({
      'team/.empathyrc.json': JSON.stringify({ extends: 'empathy:recommended', rules: { 'avoid-blame': 'warn' } }),
      'team/billing/.empathyrc.yaml': 'rules:\n  avoid-blame: error\n  use-name-placeholder: off\n',
      'team/billing/sub/a.md': 'x',
      'team/b.md': 'x',
      'team/legal/.empathyrc.json': JSON.stringify({ root: true, rules: { 'no-shouting': 'error' } }),
      'other/package.json': JSON.stringify({ name: 'x', empathy: { root: true, rules: { 'use-name-placeholder': 'error' } } }),
      'other/c.md': 'x',
    });
    const loader = new ConfigLoader(builtinRegistry);
    const billing = await loader.forFile(path.join(root, 'team/billing/sub/a.md'));
    expect(billing.rules.get('avoid-blame')!.severity).toBe('error'); // nearer wins
    expect(billing.rules.has('use-name-placeholder')).toBe(false); // turned off nearer
    expect(billing.rules.has('acknowledge-before-solving')).toBe(true); // from the parent's preset
    expect(billing.files.map((f) => path.relative(root, f))).toEqual(['team/.empathyrc.json', 'team/billing/.empathyrc.yaml']);
    expect((await loader.forFile(path.join(root, 'team/b.md'))).rules.get('avoid-blame')!.severity).toBe('warn');
    expect(severities((await loader.forFile(path.join(root, 'team/legal/x.md'))).rules)).toEqual({ 'no-shouting': 'error' });
    expect(severities((await loader.forFile(path.join(root, 'other/c.md'))).rules)).toEqual({ 'use-name-placeholder': 'error' });
  });

  it("looks in each of cosmiconfig's places, and passes over what is not a config", async () => {
    const root = writeTree({
      '.empathyrc.json': JSON.stringify({ root: true, rules: { 'no-shouting': 'error' } }),
      'nested/.config/empathyrc.json': JSON.stringify({ rules: { 'avoid-blame': 'error' } }),
      'plain/package.json': JSON.stringify({ name: 'x' }),
      'plain/.empathyrc/readme.txt': 'a folder named like a config',
      'empty/.empathyrc.json': '',
    });
    const filesFor = configFilesFor(root);
    // The search goes on above nested/, not above nested/.config/ (it used to wait on itself there).
    expect(await filesFor('nested')).toEqual(['.empathyrc.json', 'nested/.config/empathyrc.json']);
    expect(await filesFor('plain')).toEqual(['.empathyrc.json']);
    expect(await filesFor('empty')).toEqual(['.empathyrc.json']);
  });

  // A config there used to send the search on above it, where it found the same config again and waited on itself.
  it.skipIf(process.platform !== 'linux')("uses the user's own config folder when no folder up to the root has a config", async () => {
    const root = writeTree({
      'home/.config/empathy/config.json': JSON.stringify({ rules: { 'no-shouting': 'error' } }),
      'macros/m.md': 'x',
      'other/.empathyrc.json': JSON.stringify({ rules: { 'avoid-blame': 'error' } }),
    });
    const previous = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = path.join(root, 'home/.config');
    try {
      const filesFor = configFilesFor(root);
      expect(await filesFor('macros')).toEqual(['home/.config/empathy/config.json']);
      // Under a folder's own config, as a config in a folder above would be (`root: true` keeps it out).
      expect(await filesFor('other')).toEqual(['home/.config/empathy/config.json', 'other/.empathyrc.json']);
    } finally {
      if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = previous;
    }
  });

  it('extends config files by relative path and shareable configs from npm packages', async () => {
    const root = writeTree({
      'base/tone.yml': 'extends: empathy:recommended\nrules:\n  no-shouting: error\n',
      'lib/.empathyrc.json': JSON.stringify({ root: true, extends: ['../base/tone.yml', 'acme', '@corp'], rules: { 'avoid-blame': 'warn' } }),
      'lib/node_modules/empathy-config-acme/package.json': JSON.stringify({ name: 'empathy-config-acme', main: 'index.json' }),
      'lib/node_modules/empathy-config-acme/index.json': JSON.stringify({ rules: { 'readable-sentences': ['error', { max: 20 }] } }),
      'lib/node_modules/@corp/empathy-config/package.json': JSON.stringify({ name: '@corp/empathy-config', main: 'index.cjs' }),
      'lib/node_modules/@corp/empathy-config/index.cjs': "module.exports = { dialect: 'helpscout' };",
      'loop/.empathyrc.json': JSON.stringify({ root: true, extends: './other.json' }),
      'loop/other.json': JSON.stringify({ extends: './.empathyrc.json' }),
      'missing/.empathyrc.json': JSON.stringify({ root: true, extends: 'nope' }),
    });
    const loader = new ConfigLoader(builtinRegistry);
    const config = await loader.forFile(path.join(root, 'lib/x.md'));
    expect(config.rules.get('no-shouting')!.severity).toBe('error');
    expect(config.rules.get('readable-sentences')).toEqual({ severity: 'error', options: { max: 20, maxSentencesPerParagraph: 6 } });
    expect(config.rules.get('avoid-blame')!.severity).toBe('warn');
    expect(config.dialect).toBe('helpscout');
    await expect(loader.forFile(path.join(root, 'loop/x.md'))).rejects.toThrow(/extends itself/);
    await expect(loader.forFile(path.join(root, 'missing/x.md'))).rejects.toThrow('could not find the shareable config "empathy-config-nope"');
  });

  it('applies overrides to the files their globs match, relative to the config file', async () => {
    const root = writeTree({
      '.empathyrc.json': JSON.stringify({
        root: true,
        rules: { 'avoid-blame': 'error' },
        overrides: [
          { files: ['billing/**'], rules: { 'avoid-blame': 'off' } },
          { files: '*.json', excludedFiles: 'legacy.json', dialect: 'freshdesk' },
        ],
      }),
    });
    const loader = new ConfigLoader(builtinRegistry);
    expect((await loader.forFile(path.join(root, 'billing/refunds/a.md'))).rules.has('avoid-blame')).toBe(false);
    expect((await loader.forFile(path.join(root, 'support/a.md'))).rules.has('avoid-blame')).toBe(true);
    expect((await loader.forFile(path.join(root, 'exports/all.json'))).dialect).toBe('freshdesk');
    expect((await loader.forFile(path.join(root, 'legacy.json'))).dialect).toBeUndefined();
  });

  it('loads plugins, names their rules by namespace, and says plainly when one fails', async () => {
    const rule = (id: string) =>
      `{ meta: { id: '${id}', description: 'd', docs: '', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, messages: { m: 'Found.' } }, check(doc, report) { if (doc.text.includes('TICKET')) report({ messageId: 'm', range: [0, 1] }); } }`;
    const root = writeTree({
      'a/rules/acme.mjs': `export default { rules: { 'no-ticket': ${rule('no-ticket')} } };`,
      'a/node_modules/empathy-plugin-tone/package.json': JSON.stringify({ name: 'empathy-plugin-tone', main: 'index.js', type: 'module' }),
      'a/node_modules/empathy-plugin-tone/index.js': `export default { meta: { namespace: 'tone' }, rules: { warm: ${rule('warm')} } };`,
      'a/node_modules/@corp/empathy-plugin/package.json': JSON.stringify({ name: '@corp/empathy-plugin', main: 'index.js', type: 'module' }),
      'a/node_modules/@corp/empathy-plugin/index.js': `export default { rules: { kind: ${rule('kind')} } };`,
      'a/.empathyrc.json': JSON.stringify({ root: true, plugins: ['./rules/acme.mjs', 'empathy-plugin-tone', '@corp/empathy-plugin'], rules: { 'acme/no-ticket': 'error', 'tone/warm': 'warn', '@corp/kind': 'warn' } }),
      'b/bad.mjs': "throw new Error('boom at load');",
      'b/.empathyrc.json': JSON.stringify({ root: true, plugins: ['./bad.mjs'] }),
      'c/.empathyrc.json': JSON.stringify({ root: true, plugins: ['./rules/acme.mjs'], rules: { 'acme/no-tickt': 'warn' } }),
      'c/rules/acme.mjs': `export default { rules: { 'no-ticket': ${rule('no-ticket')} } };`,
    });
    const loader = new ConfigLoader(builtinRegistry);
    const config = await loader.forFile(path.join(root, 'a/x.md'));
    expect(severities(config.rules)).toEqual({ 'acme/no-ticket': 'error', 'tone/warm': 'warn', '@corp/kind': 'warn' });
    expect(config.registry.get('acme/no-ticket')!.meta.id).toBe('acme/no-ticket');
    await expect(loader.forFile(path.join(root, 'b/x.md'))).rejects.toThrow('plugin "./bad.mjs" failed to load: boom at load');
    await expect(loader.forFile(path.join(root, 'c/x.md'))).rejects.toThrow('unknown rule "acme/no-tickt" (did you mean "acme/no-ticket"?)');
  });

  it('builds phrase rules from config, with a fix when they say what to write instead', async () => {
    const config = await resolveConfig(
      { phrases: [{ id: 'acme/no-ticket-jargon', severity: 'warn', match: ['ticket number', 'case ID'], message: "Say 'your request': customers don't think in tickets.", replace: 'your request' }] },
      builtinRegistry,
    );
    expect(config.rules.get('acme/no-ticket-jargon')!.severity).toBe('warn');
    const rule = config.registry.get('acme/no-ticket-jargon')!;
    expect(rule.meta.fixable).toBe(true);
  });

  it('reads .empathyrc (YAML or JSON) and explicit --config paths', async () => {
    const root = writeTree({ '.empathyrc': '{ "rules": { "avoid-blame": "warn" } }', 'custom.yml': 'extends: empathy:all\n' });
    const loader = new ConfigLoader(builtinRegistry);
    expect(severities((await loader.forFile(path.join(root, 'x.md'))).rules)).toEqual({ 'avoid-blame': 'warn' });
    expect((await loader.fromFile(path.join(root, 'custom.yml'))).rules.size).toBe(builtinRegistry.size);
  });

  it('reads JavaScript configs (.empathyrc.cjs, empathy.config.js)', async () => {
    const root = writeTree({
      'cjs/.empathyrc.cjs': "module.exports = { rules: { 'avoid-blame': 'warn' } };",
      'esm/package.json': JSON.stringify({ type: 'module' }),
      'esm/empathy.config.js': "export default { extends: 'empathy:all' };",
    });
    const loader = new ConfigLoader(builtinRegistry);
    expect(severities((await loader.forFile(path.join(root, 'cjs/x.md'))).rules)).toEqual({ 'avoid-blame': 'warn' });
    expect((await loader.forFile(path.join(root, 'esm/x.md'))).rules.size).toBe(builtinRegistry.size);
  });

  it('reports malformed JSON and YAML with the file and line:column, on one line', async () => {
    const root = writeTree({ 'a/.empathyrc.json': '{\n  "rules": {,\n}', 'b/.empathyrc.yml': 'rules:\n  avoid-blame: [warn\n' });
    const loader = new ConfigLoader(builtinRegistry);
    await expect(loader.forFile(path.join(root, 'a/x.md'))).rejects.toThrow(/\.empathyrc\.json: invalid JSON at 2:13: /);
    await expect(loader.forFile(path.join(root, 'b/x.md'))).rejects.toThrow(/\.empathyrc\.yml: invalid YAML: .*line \d+, column \d+/);
  });

  it('says plainly when --config names a missing file', async () => {
    const loader = new ConfigLoader(builtinRegistry);
    await expect(loader.fromFile('/nonexistent/.empathyrc.json')).rejects.toThrow('/nonexistent/.empathyrc.json: config file not found');
  });
});
