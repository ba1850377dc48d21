// SARIF 2.1.0, the log format GitHub code scanning and SARIF viewers read. Unlike the SARIF that ESLint or
// markdownlint emit, it carries each finding's fix and suggestions as SARIF `fixes`, so a viewer can offer them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../engine/positions.js';
import { libraryScore } from '../engine/score.js';
import type { Diagnostic, Fix, LintResult, Severity } from '../engine/types.js';
import { toolVersion } from '../version.js';
import type { Formatter, RuleDescription } from './index.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/empathy-lint';
const SOURCE_ROOT = '%SRCROOT%';
/** What engine/positions.ts treats as a line break, longest first as SARIF matches them. */
const NEWLINE_SEQUENCES = ['\r\n', '\n', '\r'];
const LEVELS: Readonly<Record<Severity, string>> = { error: 'error', warn: 'warning' };
const DEFAULT_LEVELS: Readonly<Record<string, string>> = { ...LEVELS, off: 'none' };

/** The text the diagnostics' positions and fix offsets point into. */
interface Source {
  text: string;
  lines: LineIndex;
  /** The engine counts a byte order mark as the first character; SARIF text positions must not. */
  /** Offset of the first UTF-16 surrogate, or Infinity: up to here code points and code units agree. */
  firstAstral: number;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

type Region = Record<string, number>;

const sarif: Formatter = (results, { cwd, rules = [] }) => {
  const version = toolVersion();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  let fatal = false;
  for (const result of results) {
    const location = artifactLocation(result.filePath, cwd);
    const source = result.messages.some((d) => !d.fatal && d.ruleId !== null) ? readSource(result) : undefined;
    for (const d of result.messages) {
      // Problems that belong to no rule (an unreadable file, an unknown format) are about the run, not the file's text.
      if (d.fatal || d.ruleId === null) {
        fatal ||= d.fatal === true;
        notifications.push(toNotification(d, location));
      } else {
        sarifResults.push(toResult(d, location, source, ruleIndex));
      }
    }
  }
  const { score, macros } = libraryScore(results);
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'empathy-lint', version, semanticVersion: version, informationUri: INFORMATION_URI, rules: rules.map((rule) => ruleDescriptor(rule, version)) },
        },
        invocations: [{ executionSuccessful: !fatal, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        // Columns and offsets are JavaScript string positions. SARIF asks for columnKind whenever there are
        // results; without it a reader would count code points.
        columnKind: 'utf16CodeUnits',
        newlineSequences: NEWLINE_SEQUENCES,
        results: sarifResults,
        properties: { ...(score !== undefined ? { empathyScore: score } : {}), macroCount: macros },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleDescriptor(rule: RuleDescription, version: string) {
  return {
    id: rule.id,
    name: rule.id.replace(/(?:^|-)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    helpUri: helpUri(rule.docs, version),
    defaultConfiguration: { level: DEFAULT_LEVELS[rule.defaultSeverity] ?? 'warning' },
  };
}

/**
 * helpUri must be an absolute URI, and docs/ ships in the npm package: link the page of the very version
 * that ran, as the package's files are served on unpkg.
 */
function helpUri(docs: string, version: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(docs) ? docs : `https://unpkg.com/empathy-lint@${version}/${docs}`;
}

/** Relative to the project root (%SRCROOT%), as code scanning expects; a file outside it keeps its absolute URI. */
function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/**
 * With --fix the positions describe the fixed text; otherwise the file as read. Undefined when it cannot be
 * read (standard input under a made-up name): fix regions then fall back to offsets alone.
 */
function readSource(result: LintResult): Source | undefined {
  let text = result.output;
  if (text === undefined) {
    try {
      text = readFileSync(result.filePath, 'utf8');
    } catch {
      return undefined;
    }
  }
  // Positions never count a byte-order mark (the linter reads past it), so neither do these.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const astral = text.search(/[\uD800-\uDFFF]/);
  return { text, lines: new LineIndex(text), firstAstral: astral === -1 ? Infinity : astral };
}

function toResult(d: Diagnostic, location: ArtifactLocation, source: Source | undefined, ruleIndex: ReadonlyMap<string, number>): object {
  const index = ruleIndex.get(d.ruleId!);
  const fixes = [
    ...(d.fix ? [toFix(d.fix, describeEdit(d.fix, source), location, source, true)] : []),
    ...(d.suggestions ?? []).map((s) => toFix(s.fix, s.desc, location, source, false)),
  ];
  return {
    ruleId: d.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: diagnosticRegion(d) } }],
    ...(fixes.length > 0 ? { fixes } : {}),
    ...(d.macro ? { properties: { macro: d.macro } } : {}),
  };
}

function toNotification(d: Diagnostic, location: ArtifactLocation): object {
  return {
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: diagnosticRegion(d) } }],
  };
}

function diagnosticRegion(d: Diagnostic): Region {
  return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

/** `autofix` marks the change --fix makes; suggestions need a person to choose them. */
function toFix(fix: Fix, description: string, location: ArtifactLocation, source: Source | undefined, autofix: boolean): object {
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: fixRegion(fix, source), insertedContent: { text: fix.text } }] }],
    ...(autofix ? { properties: { autofix: true } } : {}),
  };
}

/**
 * The fix range is a pair of UTF-16 offsets into the source. Line/column, measured in UTF-16 code units as
 * columnKind says, is exact. charOffset/charLength are measured in "characters", which SARIF does not tie to
 * columnKind: they are added only where code points and code units agree (no surrogate pair before the
 * range's end), so no reader can take them for a different range than the line/column one. Without the
 * text there is nothing else to give, and the offsets stand alone, in UTF-16 code units like the engine's.
 */
function fixRegion({ range: [start, end] }: Fix, source: Source | undefined): Region {
  if (!source) return { charOffset: start, charLength: end - start };
  const from = source.lines.positionAt(start);
  const to = source.lines.positionAt(end);
  const region: Region = {
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  if (end <= source.firstAstral) {
    region.charOffset = start;
    region.charLength = end - start;
  }
  return region;
}

function describeEdit({ range: [start, end], text }: Fix, source: Source | undefined): string {
  const removed = source?.text.slice(start, end);
  if (removed === undefined) return text === '' ? 'Delete the flagged text' : `Replace with "${text}"`;
  if (removed === '') return `Insert "${text}"`;
  return text === '' ? `Delete "${removed}"` : `Replace "${removed}" with "${text}"`;
}

export default sarif;
