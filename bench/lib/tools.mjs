// The commands the bench times, and how to tell each one really did its work.
//
// Every tool is run with `node <its bin script>` (no shell, no npx, no .bin shim) from inside the
// corpus folder, so paths are short and equal for all. Each entry says which exit codes mean "ran
// fine" (linters exit 1 when they find problems) and how to check its output once, untimed, so we
// never time a tool that silently linted nothing.
import path from 'node:path';
import { BenchError } from './process.mjs';

const BENCH = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(BENCH, '..');
const EMPATHY_BIN = path.join(ROOT, 'bin/empathy-lint.js');
const PEERS = path.join(BENCH, 'node_modules');
const NODE = process.execPath;

/** The names `--only` accepts, in table order. */
export const TOOL_IDS = ['empathy', 'baseline', 'alex', 'write-good', 'textlint', 'markdownlint'];

/** Peer packages whose versions go into the results. */
export const PEER_PACKAGES = ['alex', 'write-good', 'textlint', 'textlint-rule-write-good', 'textlint-rule-terminology', 'markdownlint-cli2'];

// write-good takes files, not folders or globs. Linux allows ~2 MB of arguments plus environment;
// staying far below that means one batch up to well past 10,000 files.
const MAX_ARGUMENT_BYTES = 512 * 1024;

function node(script, args, cwd) {
  return { command: NODE, args: [script, ...args], cwd };
}

/** Splits a file list into batches whose joined length stays under MAX_ARGUMENT_BYTES. */
function batches(files) {
  const result = [[]];
  let bytes = 0;
  for (const file of files) {
    if (bytes + file.length + 1 > MAX_ARGUMENT_BYTES && result[result.length - 1].length > 0) {
      result.push([]);
      bytes = 0;
    }
    result[result.length - 1].push(file);
    bytes += file.length + 1;
  }
  return result;
}

/** The first capture group of `pattern` in the output, or a BenchError naming the tool. */
function summaryLine(label, output, pattern) {
  const match = output.match(pattern);
  if (!match) throw new BenchError(`${label}: its output has no summary matching ${pattern}; did it lint anything?\n${output.slice(0, 2000)}`);
  return match[0].trim();
}

/** A linter that reached every subfolder names a file in each of them. */
function requireEveryCategory(label, output, corpus) {
  const missing = corpus.categories.filter((category) => !output.includes(`${category}/`));
  if (missing.length > 0) throw new BenchError(`${label}: reported nothing in ${missing.join(', ')}/; did it lint the whole library?`);
}

function requireCount(label, summary, expected) {
  const count = Number(summary.match(/\d+/)[0]);
  if (count !== expected) throw new BenchError(`${label}: saw ${count} files or macros, expected ${expected} (${summary})`);
}

/** Tools timed on the Markdown library (one file per macro, in category subfolders). */
export const MARKDOWN_TOOLS = [
  {
    id: 'empathy',
    label: 'empathy-lint',
    allowedExitCodes: [0, 1],
    // Default config: no config file anywhere above the corpus, so empathy:recommended applies.
    invocations: (corpus) => [node(EMPATHY_BIN, ['.'], corpus.markdownDir)],
    check(output, corpus) {
      requireEveryCategory(this.label, output, corpus);
      return summaryLine(this.label, output, /✖ \d+ problems? \([^)]*\)/);
    },
  },
  {
    id: 'baseline',
    label: 'baseline-parse',
    allowedExitCodes: [0],
    invocations: (corpus) => [node(path.join(BENCH, 'baseline-parse.mjs'), ['.'], corpus.markdownDir)],
    check(output, corpus) {
      const summary = summaryLine(this.label, output, /\d+ files, \d+ top-level nodes/);
      requireCount(this.label, summary, corpus.size);
      return summary;
    },
  },
  {
    id: 'alex',
    peer: true,
    label: 'alex',
    allowedExitCodes: [0, 1],
    // alex expands a folder itself (unified-engine; .md, .markdown, .mdx, .txt).
    invocations: (corpus) => [node(path.join(PEERS, 'alex/cli.js'), ['.'], corpus.markdownDir)],
    check(output, corpus) {
      requireEveryCategory(this.label, output, corpus);
      return summaryLine(this.label, output, /⚠ \d+ warnings?/);
    },
  },
  {
    id: 'write-good',
    peer: true,
    label: 'write-good',
    // write-good's normal exit code is its suggestion count (mod 256), which makes a crash (1)
    // look like success. With --parse it exits 0 (nothing found) or 255 (-1: something found), so
    // 1 can only mean a crash or a usage error. --parse also prints one line per suggestion.
    allowedExitCodes: [0, 255],
    invocations: (corpus, files) => batches(files).map((batch) => node(path.join(PEERS, 'write-good/bin/write-good.js'), ['--parse', ...batch], corpus.markdownDir)),
    check(output, corpus) {
      requireEveryCategory(this.label, output, corpus);
      const suggestions = output.split('\n').filter((line) => /\.md:\d+:\d+:/.test(line)).length;
      if (suggestions === 0) throw new BenchError(`${this.label}: no suggestions on the corpus`);
      return `${suggestions} suggestions`;
    },
  },
  {
    id: 'textlint',
    peer: true,
    label: 'textlint',
    // textlint exits 1 both for findings and for "no rules found", so the check looks for the rule
    // ids in its report. --config names our rule list; no .textlintrc is looked up.
    allowedExitCodes: [0, 1],
    invocations: (corpus) => [node(path.join(PEERS, 'textlint/bin/textlint.js'), ['--config', path.join(BENCH, 'textlintrc.json'), '**/*.md'], corpus.markdownDir)],
    check(output, corpus) {
      requireEveryCategory(this.label, output, corpus);
      if (!/\swrite-good\n/.test(output)) throw new BenchError(`${this.label}: textlint-rule-write-good reported nothing; are the rules loaded?\n${output.slice(0, 2000)}`);
      const terminology = output.split('\n').filter((line) => line.endsWith(' terminology')).length;
      return `${summaryLine(this.label, output, /✖ \d+ problems? \([^)]*\)/)}, ${terminology} from terminology`;
    },
  },
  {
    id: 'markdownlint',
    peer: true,
    label: 'markdownlint-cli2',
    allowedExitCodes: [0, 1],
    // Default rules: no .markdownlint* config exists in or above the corpus.
    invocations: (corpus) => [node(path.join(PEERS, 'markdownlint-cli2/markdownlint-cli2-bin.mjs'), ['**/*.md'], corpus.markdownDir)],
    check(output, corpus) {
      requireCount(this.label, summaryLine(this.label, output, /Linting: \d+ file/), corpus.size);
      requireEveryCategory(this.label, output, corpus);
      return summaryLine(this.label, output, /Summary: \d+ error\(s\)/);
    },
  },
];

/** The single Zendesk JSON export of the same macros. */
export const JSON_TOOLS = [
  {
    id: 'empathy',
    label: 'empathy-lint (JSON)',
    allowedExitCodes: [0, 1],
    // The 10,000-macro export is ~11 MB, over empathy-lint's default 10 MB --max-file-size: without
    // the flag it skips the file (exit 2), which the bench would rightly refuse to time.
    invocations: (corpus) => [node(EMPATHY_BIN, ['--max-file-size', '100MB', 'zendesk/macros.json'], corpus.folder)],
    check(output) {
      if (/Skipped:/.test(output)) throw new BenchError(`${this.label}: the export was skipped:\n${output.slice(0, 2000)}`);
      return summaryLine(this.label, output, /✖ \d+ problems? \([^)]*\)/);
    },
  },
  {
    id: 'baseline',
    label: 'baseline-json',
    allowedExitCodes: [0],
    invocations: (corpus) => [node(path.join(BENCH, 'baseline-json.mjs'), ['zendesk/macros.json'], corpus.folder)],
    check(output, corpus) {
      const summary = summaryLine(this.label, output, /\d+ macros, \d+ bodies/);
      requireCount(this.label, summary, corpus.size);
      return summary;
    },
  },
];

/** Cold start on one macro, against starting Node and doing nothing. */
export const COLD_START_TOOLS = [
  {
    id: 'empathy',
    label: 'empathy-lint one.md',
    allowedExitCodes: [0, 1],
    invocations: (corpus) => [node(EMPATHY_BIN, ['one.md'], path.dirname(corpus.singleFile))],
  },
  {
    id: 'node',
    label: 'node -e 0',
    allowedExitCodes: [0],
    invocations: (corpus) => [{ command: NODE, args: ['-e', '0'], cwd: path.dirname(corpus.singleFile) }],
  },
];

/** empathy-lint with --cache on the unchanged library; the cache file is the caller's. */
export function cachedEmpathyTool(cacheFile) {
  return {
    id: 'empathy-cache',
    label: 'empathy-lint --cache',
    allowedExitCodes: [0, 1],
    invocations: (corpus) => [node(EMPATHY_BIN, ['--cache', '--cache-location', cacheFile, '.'], corpus.markdownDir)],
    check: MARKDOWN_TOOLS[0].check,
  };
}
