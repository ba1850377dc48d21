// Build step (after tsc, before bundling): works out what the phrase matcher needs to know about every
// entry of the built-in phrase lists and writes it into dist/'s copy of engine/phrase-table.js. The
// lists are the phrase data under rules/ and those the rules build from it, recorded while every rule
// lints the examples. Usage: node dist/src/build/phrase-table.js <rules folder> <examples folder> <output file>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeRules, Linter } from '../api/lint.js';
import type { KnownSource } from '../engine/phrase-table.js';
import { compiledLists, entrySource, knownSource, type PhraseEntry } from '../engine/phrases.js';

/** The phrase entries anywhere in a data file (lists, or objects of lists). */
function* entriesIn(value: unknown): Generator<PhraseEntry> {
  if (Array.isArray(value)) {
    for (const item of value) yield* entriesIn(item);
  } else if (value && typeof value === 'object') {
    const entry = value as PhraseEntry;
    if (Array.isArray(entry.match) || typeof entry.regex === 'string') yield entry;
    else for (const item of Object.values(value)) yield* entriesIn(item);
  }
}

const [rulesDir, examples, output] = process.argv.slice(2);
if (!rulesDir || !examples || !output) throw new Error('usage: phrase-table <rules folder> <examples folder> <output file>');
const entries: PhraseEntry[] = [];
for (const file of readdirSync(rulesDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).sort()) {
  entries.push(...entriesIn(JSON.parse(readFileSync(path.join(rulesDir, file), 'utf8'))));
}
const linter = new Linter({ configLookup: false, ruleFlags: describeRules().map(({ id }) => `${id}:error`), concurrency: 'off' });
await linter.lintFiles([examples]);
for (const list of compiledLists()) entries.push(...list);

const table: Record<string, KnownSource> = {};
for (const entry of entries) {
  const source = entrySource(entry);
  table[source] ??= knownSource(source);
}
// A JSON string parses faster than the same object written as JavaScript.
const json = JSON.stringify(JSON.stringify(table));
writeFileSync(output, `// Written by the build (src/build/phrase-table.ts): the built-in phrase lists' entries.\nexport const PHRASE_TABLE = JSON.parse(${json});\n`);
