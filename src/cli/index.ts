// The command line: options → API → formatter → exit code. No linting logic lives here.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DEFAULT_CACHE_LOCATION, LintCache } from '../api/cache.js';
import { parseSize } from '../api/read.js';
import { initConfig, printableConfig } from '../api/init.js';
import {
  applySuppressions,
  countFindings,
  DEFAULT_SUPPRESSIONS_LOCATION,
  pruneCounts,
  readSuppressions,
  writeSuppressions,
} from '../api/suppressions.js';
import { describeRules, errorsOnly, Linter, writeFixes, type LintReport, type LintResult } from '../api/lint.js';
import { toolVersion } from '../version.js';
import { libraryScore } from '../engine/score.js';
import { didYouMean } from '../engine/similar.js';
import { FORMATTER_NAMES, getFormatter } from '../formatters/index.js';
import { describeChanges } from './diff.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_TROUBLE = 2;

interface CliOptions {
  fix?: boolean;
  fixDryRun?: boolean;
  format: string;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
  rule: string[];
  color: boolean;
  macroFormat?: string;
  minScore?: number;
  outputFile?: string;
  stdin?: boolean;
  stdinFilename?: string;
  applySuggestion?: string;
  cache?: boolean;
  cacheLocation: string;
  suppressAll?: boolean;
  pruneSuppressions?: boolean;
  suppressionsLocation: string;
  configLookup: boolean;
  printConfig?: string;
  init?: boolean;
  ignore: boolean;
  ignorePath?: string;
  ignorePattern: string[];
  reportUnusedDisableDirectives?: boolean;
  errorOnUnmatchedPattern: boolean;
  maxFileSize?: number;
  concurrency: number | 'auto' | 'off';
}

const EXAMPLES = `
Examples:
  $ empathy-lint macros/                        lint every .md, .markdown and .json file under macros/
  $ empathy-lint "macros/**/*.md" --fix         rewrite the simple phrasing fixes in place
  $ empathy-lint macros/ --fix-dry-run          show what --fix would change, write nothing
  $ empathy-lint macros/ --apply-suggestion acknowledge-before-solving --fix-dry-run
  $ empathy-lint macros/ --format json          ESLint-compatible JSON for other tools
  $ empathy-lint macros/ --rule avoid-blame:off --max-warnings 0
  $ empathy-lint macros/ --format sarif --output-file empathy.sarif
  $ cat reply.md | empathy-lint --stdin --stdin-filename reply.md --fix

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too many
warnings, 2 bad usage, a bad config, or a file that could not be read.

Config: .empathyrc(.json|.yaml|.js), empathy.config.js or an "empathy" key in package.json,
found upward from each file; without one, the empathy:recommended preset applies.`;

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return n;
}

function fileSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined || bytes <= 0) throw new InvalidArgumentError('expected a size such as 10MB, 500KB or 2048.');
  return bytes;
}

function concurrencyValue(value: string): number | 'auto' | 'off' {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a number of threads, "auto" or "off".');
  return n;
}

function scoreValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a score from 0 to 100.');
  return n;
}

function buildProgram(): Command {
  return new Command()
    .name('empathy-lint')
    .description('Lint support macros and saved replies so every customer gets a kind, clear answer.')
    .argument('[patterns...]', 'files, folders or globs to lint (default: the current folder)')
    .option('--fix', 'rewrite simple phrasing swaps in place')
    .option('--fix-dry-run', 'show what --fix would change, without writing anything')
    .option('--apply-suggestion <rule-id>', 'apply the first suggestion of each finding of this rule (preview with --fix-dry-run)')
    .option('-f, --format <name>', `output format: ${FORMATTER_NAMES.join(' or ')}`, 'stylish')
    .option('--max-warnings <n>', 'exit with code 1 when there are more warnings than this', nonNegativeInteger)
    .option('--min-score <n>', 'exit with code 1 when the library\'s empathy score (0-100) is below this', scoreValue)
    .option('--quiet', 'report errors only, not warnings')
    .option('-c, --config <path>', 'use this config file for every file instead of looking one up')
    .option('--no-config-lookup', 'look for no config file: only the built-in defaults and these flags')
    .option('--print-config <file>', 'print the config that applies to this file, and exit')
    .option('--init', 'write a starter .empathyrc.json here, guessing the helpdesk from your placeholders')
    .option('--ignore-path <file>', 'use this ignore file (gitignore syntax) instead of .empathyignore')
    .option('--ignore-pattern <pattern>', 'also ignore files matching this pattern (gitignore syntax, repeatable)', (value: string, list: string[]) => [...list, value], [] as string[])
    .option('--no-ignore', 'lint ignored files too: no .empathyignore, --ignore-path or --ignore-pattern')
    .option('--report-unused-disable-directives', 'warn about empathy-disable comments that turned nothing off')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a pattern matches no file')
    .option('--concurrency <n>', 'threads to lint on: a number, "off", or "auto" (one per core when there are many files)', concurrencyValue, 'auto' as const)
    .option('--max-file-size <size>', 'skip (and report) files larger than this, e.g. 10MB or 500KB (default: 10MB)', fileSize)
    .option('--rule <id:severity>', 'set a rule\'s severity, e.g. avoid-blame:warn (repeatable)', (value: string, list: string[]) => [...list, value], [] as string[])
    .option('--macro-format <name>', 'read JSON files as zendesk, freshdesk, helpscout, intercom or generic (default: recognise each file by its shape)')
    .option('-o, --output-file <path>', 'write the report to this file instead of the terminal')
    .option('--stdin', 'lint text from standard input; with --fix, print the fixed text')
    .option('--stdin-filename <name>', 'the file name the standard input stands for (its extension picks the format)', 'stdin.md')
    .option('--cache', 'only lint files that changed since the last run (results are kept in --cache-location)')
    .option('--cache-location <path>', 'where --cache keeps its results', DEFAULT_CACHE_LOCATION)
    .option('--suppress-all', `record every current finding in ${DEFAULT_SUPPRESSIONS_LOCATION} so later runs report only new ones`)
    .option('--prune-suppressions', 'drop recorded findings that no longer occur')
    .option('--suppressions-location <path>', 'where suppressions are recorded', DEFAULT_SUPPRESSIONS_LOCATION)
    .option('--no-color', 'never colour the output')
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .configureOutput({
      // Usage mistakes get one line, like every other error this tool prints.
      outputError: (message, write) => write(`empathy-lint: ${message.replace(/^error: /, '').replace(/\s*\n\s*(?=\S)/g, ' ').trim()}\n`),
    })
    .exitOverride();
}

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const program = buildProgram();
  try {
    program.parse([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_TROUBLE;
    throw error;
  }
  const options = program.opts<CliOptions>();
  try {
    return await run(program.args, options, cwd);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`empathy-lint: ${message.split('\n', 1)[0]}\n`);
    if (process.env.EMPATHY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT_TROUBLE;
  }
}

async function run(patterns: string[], options: CliOptions, cwd: string): Promise<number> {
  const formatter = await getFormatter(options.format);
  if (!formatter) {
    throw new Error(`unknown format "${options.format}"${didYouMean(options.format, FORMATTER_NAMES)}; use one of ${FORMATTER_NAMES.join(', ')}`);
  }
  if (options.init) {
    const { file, dialect } = await initConfig(cwd);
    process.stdout.write(`Wrote ${path.relative(cwd, file)} (dialect: ${dialect}). Run empathy-lint to lint your macros.\n`);
    return EXIT_OK;
  }
  const fixing = options.fix === true || (options.fixDryRun === true && options.applySuggestion === undefined);
  const writing = (options.fix === true || options.applySuggestion !== undefined) && !options.fixDryRun;
  const linter = new Linter({
    cwd,
    configFile: options.config,
    ruleFlags: options.rule,
    fix: fixing,
    applySuggestion: options.applySuggestion,
    macroFormat: options.macroFormat,
    configLookup: options.configLookup,
    ignore: options.ignore,
    ...(options.ignorePath ? { ignorePath: options.ignorePath } : {}),
    ignorePatterns: options.ignorePattern,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives === true,
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    concurrency: options.concurrency,
    ...(options.cache ? { cacheLocation: LintCache.resolve(cwd, options.cacheLocation) } : {}),
  });
  if (options.printConfig !== undefined) {
    const config = await linter.configFor(path.resolve(cwd, options.printConfig));
    process.stdout.write(`${JSON.stringify(printableConfig(config), null, 2)}\n`);
    return EXIT_OK;
  }
  const input = options.stdin ? await readStdin() : undefined;
  const report = input !== undefined ? await lintStdin(linter, input, options, cwd) : await linter.lintFiles(patterns);
  let exitCode = EXIT_OK;

  for (const pattern of options.errorOnUnmatchedPattern ? report.unmatchedPatterns : []) {
    process.stderr.write(`empathy-lint: no files matching "${pattern}" were found\n`);
    exitCode = EXIT_TROUBLE;
  }
  for (const pattern of report.allIgnoredPatterns ?? []) {
    process.stderr.write(`empathy-lint: all files matched by "${pattern}" are ignored (use --no-ignore to lint them)\n`);
    exitCode = EXIT_TROUBLE;
  }
  // Standard input has no file to write: --fix prints the fixed text, and the report goes to stderr.
  const fixedTextToStdout = options.stdin === true && writing;
  if (fixedTextToStdout) process.stdout.write(report.results[0]?.output ?? input ?? '');
  else if (writing) {
    const { changedOnDisk } = await writeFixes(report.results);
    for (const file of changedOnDisk) {
      process.stderr.write(`empathy-lint: ${path.relative(cwd, file)} changed on disk while it was being linted; its fixes were not written. Run --fix again.\n`);
      exitCode = EXIT_TROUBLE;
    }
  }
  if (options.fixDryRun && options.format === 'stylish') process.stdout.write(describeChanges(report.results, cwd));
  for (const result of report.results) {
    if (result.fixStop) process.stderr.write(`empathy-lint: ${fixStopNotice(result, cwd)}\n`);
  }

  const unsuppressed = await suppress(report.results, options, cwd);
  const results = options.quiet ? unsuppressed.map(errorsOnly) : unsuppressed;
  const rules = describeRules();
  // With colour allowed, chalk decides: a TTY, or FORCE_COLOR set by the user.
  const text = formatter(results, { cwd, color: options.color && !options.outputFile && !fixedTextToStdout, rules });
  const output = text && !text.endsWith('\n') ? `${text}\n` : text;
  if (options.outputFile) await writeReport(path.resolve(cwd, options.outputFile), output);
  else if (output) (fixedTextToStdout ? process.stderr : process.stdout).write(output);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (results.some((r) => r.fatalErrorCount > 0)) return EXIT_TROUBLE;
  if (exitCode !== EXIT_OK) return exitCode;
  if (errors > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`empathy-lint found too many warnings (${warnings}; maximum: ${options.maxWarnings}).\n`);
    return EXIT_PROBLEMS;
  }
  if (options.minScore !== undefined) {
    const { score } = libraryScore(report.results);
    if (score !== undefined && score < options.minScore) {
      process.stderr.write(`empathy-lint: the library's empathy score is ${score}/100, below the minimum of ${options.minScore}.\n`);
      return EXIT_PROBLEMS;
    }
  }
  return EXIT_OK;
}

/** Records (--suppress-all), prunes (--prune-suppressions) and applies the suppressions file, if any. */
async function suppress(results: readonly LintResult[], options: CliOptions, cwd: string): Promise<readonly LintResult[]> {
  const location = path.resolve(cwd, options.suppressionsLocation);
  const base = path.dirname(location);
  let counts = options.suppressAll ? countFindings(results, base) : await readSuppressions(location);
  if (options.pruneSuppressions && counts) counts = pruneCounts(counts, results, base);
  if (counts && (options.suppressAll || options.pruneSuppressions)) {
    await writeSuppressions(location, counts);
    const findings = Object.values(counts).flatMap((rules) => Object.values(rules)).reduce((n, { count }) => n + count, 0);
    process.stderr.write(`empathy-lint: ${path.relative(cwd, location)} now tolerates ${findings} finding${findings === 1 ? '' : 's'} in ${Object.keys(counts).length} file${Object.keys(counts).length === 1 ? '' : 's'}.\n`);
  }
  return counts ? applySuppressions(results, counts, base) : results;
}

async function lintStdin(linter: Linter, input: string, options: CliOptions, cwd: string): Promise<LintReport> {
  const filePath = path.resolve(cwd, options.stdinFilename ?? 'stdin.md');
  const result = await linter.lintText(input, filePath);
  return { results: result ? [result] : [], unmatchedPatterns: [] };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
}

function fixStopNotice(result: LintResult, cwd: string): string {
  const file = path.relative(cwd, result.filePath);
  return result.fixStop === 'cycle'
    ? `${file}: --fix stopped because two fixes kept undoing each other; the file holds the last stable text. Fix the remaining findings by hand.`
    : `${file}: --fix stopped after 10 passes with fixes still left; run it again or fix the rest by hand.`;
}
