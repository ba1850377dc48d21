#!/usr/bin/env node
// Baseline: the least work a remark-based linter must do on a Markdown library. Lists every .md file
// under <dir> (fast-glob), reads it and parses it with unified + remark-parse, one file after another
// on a single thread, with the parser empathy-lint is built from (lib/parser.mjs). Nothing is checked or
// reported: this is the floor empathy-lint is compared with.
//
//   node bench/baseline-parse.mjs <dir>
import { readFile } from 'node:fs/promises';
import fg from 'fast-glob';
import { markdownProcessor } from './lib/parser.mjs';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node bench/baseline-parse.mjs <dir>\n');
  process.exit(2);
}

// The same processor for every file, as a linter would keep one. remark-frontmatter is there because
// empathy-lint uses it too: without it, micromark reads YAML front matter as a thematic break plus a
// setext heading full of link-label attempts, which doubles the parse time of this corpus and would
// make the floor look higher than it is.
const processor = await markdownProcessor();
const files = await fg('**/*.md', { cwd: folder, absolute: true });
if (files.length === 0) {
  process.stderr.write(`baseline-parse: no .md files under ${folder}\n`);
  process.exit(2);
}

let nodes = 0;
for (const file of files) {
  const tree = processor.parse(await readFile(file, 'utf8'));
  // Counting the top-level nodes keeps the parse from looking unused, and gives a visible result.
  nodes += tree.children.length;
}
process.stdout.write(`baseline-parse: ${files.length} files, ${nodes} top-level nodes\n`);
