#!/usr/bin/env node
// The performance benchmark of issue 7: empathy-lint against a remark-parse baseline and the peer
// linters on generated macro libraries of 100, 1,000 and 10,000 macros. See bench/README.md.
//
//   npm run bench                          build, then the full run (1–1.5 h on 2 cores)
//   npm run bench -- --quick               sizes 100,1000 and 3 runs, for development
//   node bench/run.mjs --sizes 1000 --runs 3 --only empathy,baseline
//
// Progress goes to stderr; the tables (plain, then Markdown) to stdout; everything measured to
// bench/results/latest.json (full runs) or bench/.work/partial-results.json (anything narrower).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { DEFAULT_SEED, WORK_DIR, ensureCorpus } from './generate.mjs';
import { machineInfo } from './lib/machine.mjs';
import { ensurePeersInstalled, installedVersions } from './lib/peers.mjs';
import { BenchError, captureRun, timedRun } from './lib/process.mjs';
import { buildTables, evaluateTargets, renderMarkdown, renderText, summarize } from './lib/report.mjs';
import { parserVersions } from './lib/parser.mjs';
import { COLD_START_TOOLS, JSON_TOOLS, MARKDOWN_TOOLS, PEER_PACKAGES, TOOL_IDS, cachedEmpathyTool } from './lib/tools.mjs';

const BENCH = import.meta.dirname;
const FULL_SIZES = [100, 1000, 10000];
const MIN_COLD_START_RUNS = 10;
const MIN_CACHE_RUNS = 5;

const HELP = `Usage: node bench/run.mjs [options]   (or: npm run bench -- [options])

  --sizes <list>     library sizes to run, e.g. 100,1000 (default: ${FULL_SIZES.join(',')})
  --runs <n>         timed runs of each tool per size, in rotating order (default: 5)
  --only <list>      tools to run: ${TOOL_IDS.join(',')} (default: all).
                     The JSON, cold-start and --cache measurements need empathy.
  --quick            sizes 100,1000 and 3 runs, for development
  --seed <n>         corpus seed (default: ${DEFAULT_SEED})
  --timeout <min>    give up on a single run after this many minutes (default: 30)
  --out <file>       where to save the results (default: bench/results/latest.json for a full
                     run, bench/.work/partial-results.json otherwise)
`;

// ---------------------------------------------------------------------------------------------
// Options.

function positiveInteger(text, option) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new BenchError(`${option} expects a positive whole number, got "${text}"`);
  return value;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      timeout: { type: 'string', default: '30' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  // --quick only sets defaults: --quick --runs 5 still runs 5 times.
  const sizesText = values.sizes ?? (values.quick ? '100,1000' : FULL_SIZES.join(','));
  const sizes = [...new Set(sizesText.split(',').map((size) => positiveInteger(size.trim(), '--sizes')))].sort((a, b) => a - b);
  const runs = positiveInteger(values.runs ?? (values.quick ? '3' : '5'), '--runs');
  const only = values.only ? values.only.split(',').map((id) => id.trim()) : TOOL_IDS;
  const unknown = only.filter((id) => !TOOL_IDS.includes(id));
  if (unknown.length > 0) throw new BenchError(`--only: unknown tool ${unknown.join(', ')}; choose from ${TOOL_IDS.join(', ')}`);

  const full = sizes.join(',') === FULL_SIZES.join(',') && runs >= 5 && only.length === TOOL_IDS.length;
  const out = values.out ?? (full ? path.join(BENCH, 'results', 'latest.json') : path.join(WORK_DIR, 'partial-results.json'));
  return { sizes, runs, only, quick: values.quick, seed: positiveInteger(values.seed, '--seed'), timeoutMs: positiveInteger(values.timeout, '--timeout') * 60000, out: path.resolve(out), full };
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr, with the time since start so a long run shows it is alive.

const startedAt = performance.now();

function log(message) {
  const minutes = (performance.now() - startedAt) / 60000;
  process.stderr.write(`[bench ${minutes.toFixed(1).padStart(5)} min] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/** Round k runs the tools starting from the k-th, so no tool always goes first (cold caches) or last. */
function rotation(tools, round) {
  const start = round % tools.length;
  return [...tools.slice(start), ...tools.slice(0, start)];
}

/** Every tool `rounds` times in rotating order; returns summaries by tool id. */
async function measureRounds(title, tools, corpus, rounds, options) {
  const invocations = new Map(tools.map((tool) => [tool.id, tool.invocations(corpus, corpus.files)]));
  const runs = new Map(tools.map((tool) => [tool.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (const tool of rotation(tools, round)) {
      const result = await timedRun(`${tool.label} (${title})`, invocations.get(tool.id), { allowedExitCodes: tool.allowedExitCodes, timeoutMs: options.timeoutMs });
      runs.get(tool.id).push(result);
      log(`${title}, round ${round + 1}/${rounds}: ${tool.label} ${result.seconds.toFixed(2)} s, ${Math.round(result.rssMb)} MB`);
    }
  }
  const summaries = {};
  for (const tool of tools) summaries[tool.id] = summarize(tool.label, runs.get(tool.id));
  return summaries;
}

/**
 * One untimed run of a tool with its output kept: the exit code must be an expected one and the
 * output must show the files were really linted. Returns what it found, for the report.
 */
async function checkTool(tool, corpus, options) {
  const { exitCode, output } = await captureRun(tool.invocations(corpus, corpus.files), { timeoutMs: options.timeoutMs });
  if (!tool.allowedExitCodes.includes(exitCode)) {
    throw new BenchError(`${tool.label} exited with code ${exitCode} on the ${corpus.size}-macro corpus (expected ${tool.allowedExitCodes.join(' or ')}):\n${output.slice(-3000)}`);
  }
  const found = tool.check(output, corpus);
  log(`check ${tool.label} on ${corpus.size} macros: ${found}`);
  return { size: corpus.size, exitCode, found };
}

async function checkAll(markdownTools, jsonTools, corpus, options) {
  const checks = {};
  for (const tool of markdownTools) checks[tool.id] = await checkTool(tool, corpus, options);
  for (const tool of jsonTools) checks[`${tool.id}-json`] = await checkTool(tool, corpus, options);
  return checks;
}

/**
 * --cache on the unchanged library: a fresh cache file, one warm-up run that fills it, one checked
 * run that must report exactly what the warm-up (uncached) run reported, then the timed re-runs.
 */
async function measureCache(corpus, options) {
  const cacheFile = path.join(WORK_DIR, 'cache', `empathy-${corpus.size}.cache`);
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  rmSync(cacheFile, { force: true });
  const tool = cachedEmpathyTool(cacheFile);
  log(`--cache: warm-up run on ${corpus.size} macros`);
  const warmUp = await checkTool(tool, corpus, options);
  const check = await checkTool(tool, corpus, options);
  if (check.found !== warmUp.found) {
    throw new BenchError(`the --cache re-run reported "${check.found}" but the run that filled the cache reported "${warmUp.found}"`);
  }
  const rounds = Math.max(MIN_CACHE_RUNS, options.runs);
  const { 'empathy-cache': cached } = await measureRounds(`--cache, ${corpus.size} macros`, [tool], corpus, rounds, options);
  return cached;
}

// ---------------------------------------------------------------------------------------------
// The run.

function prepareCorpora(options) {
  const corpora = {};
  for (const size of options.sizes) {
    const corpus = ensureCorpus(options.seed, size);
    log(`${corpus.generated ? 'generated' : 'reusing'} the ${size}-macro corpus in ${path.relative(process.cwd(), corpus.folder)}`);
    // write-good wants file names, like a shell glob would give it; listing them is not timed.
    corpus.files = fg.sync('**/*.md', { cwd: corpus.markdownDir }).sort();
    corpus.summary = JSON.parse(readFileSync(path.join(corpus.folder, 'corpus.json'), 'utf8'));
    corpora[size] = corpus;
  }
  return corpora;
}

async function runBench(options) {
  const machine = machineInfo();
  const markdownTools = MARKDOWN_TOOLS.filter((tool) => options.only.includes(tool.id));
  const withEmpathy = options.only.includes('empathy');
  const jsonTools = JSON_TOOLS.filter((tool) => options.only.includes(tool.id));
  if (markdownTools.some((tool) => tool.peer) && ensurePeersInstalled(log)) log('peer linters installed');

  const corpora = prepareCorpora(options);
  const smallest = corpora[options.sizes[0]];
  const largest = corpora[options.sizes[options.sizes.length - 1]];
  const checks = await checkAll(markdownTools, jsonTools, smallest, options);

  const results = { markdown: {}, json: {} };
  for (const size of options.sizes) {
    results.markdown[size] = await measureRounds(`Markdown, ${size} macros`, markdownTools, corpora[size], options.runs, options);
  }
  if (jsonTools.length > 0) {
    for (const size of options.sizes) {
      results.json[size] = await measureRounds(`JSON export, ${size} macros`, jsonTools, corpora[size], options.runs, options);
    }
  }
  if (withEmpathy) {
    const rounds = Math.max(MIN_COLD_START_RUNS, options.runs);
    results.coldStart = await measureRounds('cold start', COLD_START_TOOLS, smallest, rounds, options);
    const cached = await measureCache(largest, options);
    results.cache = { size: largest.size, cached, uncachedMedian: results.markdown[largest.size].empathy.median };
  }

  const targets = evaluateTargets(results);
  const tables = buildTables(results, targets);
  const corpusSummaries = Object.fromEntries(Object.values(corpora).map((corpus) => [corpus.size, corpus.summary]));
  return { machine, checks, results, targets, tables, corpusSummaries };
}

function save(options, outcome) {
  const record = {
    benchVersion: 1,
    options: { sizes: options.sizes, runs: options.runs, only: options.only, seed: options.seed, quick: options.quick, full: options.full },
    machine: outcome.machine,
    versions: { 'empathy-lint': rootVersion(), ...installedVersions(PEER_PACKAGES), parser: parserVersions() },
    corpora: outcome.corpusSummaries,
    checks: outcome.checks,
    results: outcome.results,
    targets: outcome.targets,
    markdown: renderMarkdown(outcome.tables, outcome.machine),
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

function rootVersion() {
  return JSON.parse(readFileSync(path.join(BENCH, '..', 'package.json'), 'utf8')).version;
}

async function main() {
  const options = parseOptions();
  log(`sizes ${options.sizes.join(', ')}; ${options.runs} runs; tools ${options.only.join(', ')}`);
  const outcome = await runBench(options);
  const record = save(options, outcome);
  process.stdout.write(`${renderText(outcome.tables)}\n\n--- Markdown (for docs/performance.md) ---\n\n${record.markdown}\n`);
  log(`saved ${path.relative(process.cwd(), options.out)}`);
}

main().catch((error) => {
  if (!(error instanceof BenchError)) throw error;
  process.stderr.write(`\nbench failed: ${error.message}\n`);
  process.exit(1);
});
