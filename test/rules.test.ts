// Every rule against its fixtures: valid ones stay silent, invalid ones give exactly the diagnostics
// written beside them, and a rule that fixes must say what the fixed file looks like (as ESLint's
// RuleTester demands `output`). The fixed file is linted again: nothing fixable may remain.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyRule } from '../src/engine/rule.js';
import { builtinRules } from '../rules/index.js';
import { fixWithRule, lintWithRule } from './helpers/lint-with-rule.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const MIN_CASES = 8;

/** Every rule file in rules/ (one rule per file; shared helpers live in rules/shared/). */
const ruleIds = readdirSync(path.join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
// Loaded by file, not through rules/index.ts, so a rule's fixtures run before it is registered.
const rules: AnyRule[] = await Promise.all(ruleIds.map(async (id) => (await import(`../rules/${id}.ts`)).default as AnyRule));

describe('rule files', () => {
  it('each is registered in rules/index.ts, and has fixtures and docs', () => {
    expect(builtinRules.map((r) => r.meta.id).sort()).toEqual(ruleIds);
    for (const rule of rules) {
      expect(rule.meta.docs).toBe(`docs/rules/${rule.meta.id}.md`);
      expect(existsSync(path.join(ROOT, rule.meta.docs)), rule.meta.docs).toBe(true);
      expect(existsSync(path.join(FIXTURES, rule.meta.id)), `fixtures/${rule.meta.id}`).toBe(true);
    }
  });

  it('each file exports the rule its name says', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(ruleIds);
  });

  it('messages speak plainly: every template ends a sentence and names no internal jargon', () => {
    for (const rule of rules) {
      for (const [id, message] of Object.entries(rule.meta.messages)) {
        expect(message, `${rule.meta.id}.${id}`).toMatch(/(?:[.!?"”)]|\}\})$/);
        expect(message, `${rule.meta.id}.${id}`).not.toMatch(/\b(regex|token|offset|undefined|null)\b/i);
      }
    }
  });
});

interface Expectation {
  options?: Record<string, unknown>;
  diagnostics: {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
    suggestions?: string[];
  }[];
}

const markdownIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md')).sort() : [];

for (const rule of rules) {
  const id = rule.meta.id;
  const validDir = path.join(FIXTURES, id, 'valid');
  const invalidDir = path.join(FIXTURES, id, 'invalid');

  const contextFile = path.join(FIXTURES, id, 'vocabulary.json');
  const context = existsSync(contextFile) ? { vocabulary: JSON.parse(readFileSync(contextFile, 'utf8')) } : {};

  describe(id, () => {
    it(`has at least ${MIN_CASES} valid and ${MIN_CASES} invalid fixtures`, () => {
      expect(markdownIn(validDir).length).toBeGreaterThanOrEqual(MIN_CASES);
      expect(markdownIn(invalidDir).length).toBeGreaterThanOrEqual(MIN_CASES);
    });

    for (const name of markdownIn(validDir)) {
      it(`valid: ${name}`, () => {
        const source = readFileSync(path.join(validDir, name), 'utf8');
        expect(lintWithRule(source, rule, {}, context)).toEqual([]);
      });
    }

    for (const name of markdownIn(invalidDir)) {
      it(`invalid: ${name}`, () => {
        const base = path.join(invalidDir, name.replace(/\.md$/, ''));
        const source = readFileSync(`${base}.md`, 'utf8');
        const expected = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as Expectation;
        expect(expected.diagnostics.length, 'an invalid fixture must expect at least one diagnostic').toBeGreaterThan(0);

        const actual = lintWithRule(source, rule, expected.options, context);
        expect(
          actual.map((d) => ({
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            message: d.message,
            ...(d.suggestions ? { suggestions: d.suggestions.map((s) => s.desc) } : {}),
          })),
        ).toEqual(expected.diagnostics);
        for (const d of actual) expect(d.ruleId).toBe(id);

        const fixedPath = `${base}.fixed.md`;
        if (!actual.some((d) => d.fix)) {
          expect(existsSync(fixedPath), `${name} has no fix, so it must have no .fixed.md`).toBe(false);
          return;
        }
        expect(existsSync(fixedPath), `${name} is fixed by the rule: write the expected result to ${path.basename(fixedPath)}`).toBe(true);
        const fixed = fixWithRule(source, rule, expected.options, context);
        expect(fixed.stop).toBe('done');
        expect(fixed.output).toBe(readFileSync(fixedPath, 'utf8'));
        expect(lintWithRule(fixed.output, rule, expected.options, context).filter((d) => d.fix)).toEqual([]);
      });
    }
  });
}
