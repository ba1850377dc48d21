// Build step (after tsc, before bundling): works out what the phrase matcher needs to know about every
// entry of the built-in phrase lists (the JSON files under rules/) and writes it into dist/'s copy of
// engine/phrase-table.js. Usage: node dist/src/build/phrase-table.js <rules folder> <output file>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KnownSource } from '../engine/phrase-table.js';
import { entrySource, knownSource, type PhraseEntry } from '../engine/phrases.js';

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

const [rulesDir, output] = process.argv.slice(2);
if (!rulesDir || !output) throw new Error('usage: phrase-table <rules folder> <output file>');
const table: Record<string, KnownSource> = {};
for (const file of readdirSync(rulesDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).sort()) {
  for (const entry of entriesIn(JSON.parse(readFileSync(path.join(rulesDir, file), 'utf8')))) {
    const source = entrySource(entry);
    table[source] = knownSource(source);
  }
}
// A JSON string parses faster than the same object written as JavaScript.
const json = JSON.stringify(JSON.stringify(table));
writeFileSync(output, `// Written by the build (src/build/phrase-table.ts) from the phrase lists in ${rulesDir}/.\nexport const PHRASE_TABLE = JSON.parse(${json});\n`);
