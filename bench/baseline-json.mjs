#!/usr/bin/env node
// Baseline for a helpdesk export: reads one Zendesk-style JSON file, parses it, and parses the body
// of every macro (its comment_value actions) with unified + remark-parse, one after another on a
// single thread. Nothing is checked: this is the floor empathy-lint is compared with on JSON.
//
//   node bench/baseline-json.mjs <file>
import { readFile } from 'node:fs/promises';
import { markdownProcessor } from './lib/parser.mjs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/baseline-json.mjs <file>\n');
  process.exit(2);
}

const exported = JSON.parse(await readFile(file, 'utf8'));
if (!Array.isArray(exported.macros)) {
  process.stderr.write(`baseline-json: ${file} has no "macros" array\n`);
  process.exit(2);
}

// Configured as in baseline-parse.mjs (and as empathy-lint parses Markdown), so the two floors agree.
const processor = await markdownProcessor();
let bodies = 0;
let nodes = 0;
for (const macro of exported.macros) {
  for (const action of macro.actions ?? []) {
    if (action.field !== 'comment_value' || typeof action.value !== 'string') continue;
    nodes += processor.parse(action.value).children.length;
    bodies += 1;
  }
}
process.stdout.write(`baseline-json: ${exported.macros.length} macros, ${bodies} bodies, ${nodes} top-level nodes\n`);
