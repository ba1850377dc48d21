// A report for support leads: one self-contained HTML file (inline CSS and JS, no network) that opens
// from disk. The library's numbers, findings by rule, then every macro, lowest score first, with each
// finding shown on the source line it points at and what would fix it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { libraryScore, SCORE_WEIGHTS } from '../engine/score.js';
import type { Diagnostic, Fix, LintResult, MacroResult } from '../engine/types.js';
import { REPORT_CSS } from './html-style.js';
import { REPORT_SCRIPT } from './html-script.js';
import type { Formatter, RuleDescription } from './index.js';

/** Characters kept either side of a highlight on a long source line (JSON exports keep a reply on one line). */
const LINE_CONTEXT = 80;
/** Source lines shown for a finding that spans several. */
const MAX_EXCERPT_LINES = 3;
/** Longest replaced text shown in a fix before it is shortened. */
const MAX_CHANGE_LENGTH = 160;
/** The filter's value for "every rule"; a rule id never looks like this. */
const ALL_RULES = '*';

interface FileView {
  result: LintResult;
  /** The path as shown: relative to cwd. */
  shown: string;
  /** The text the diagnostics' positions and fix ranges refer to, when it could be read. */
  text?: string;
  lines?: string[];
}

interface MacroRow {
  file: FileView;
  /** Where the file and the macro come in the library, for a stable order among equals. */
  fileIndex: number;
  macro: MacroResult;
  index: number;
  findings: Diagnostic[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Everything from a macro or a rule is untrusted text; this is the only way it reaches the page. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const html: Formatter = (results, { cwd, rules = [] }) => {
  const files = results.map((result) => readFileView(result, cwd));
  const { rows, outside } = macroRows(files);
  const all = [...rows.flatMap((row) => row.findings), ...outside.map(({ finding }) => finding)];
  const descriptions = new Map(rules.map((rule) => [rule.id, rule]));
  const body = [
    renderHeader(results, all),
    '<main>',
    renderRuleChart(all, descriptions),
    renderMacroTable(rows, all, descriptions),
    renderOutside(outside, descriptions),
    '</main>',
    '<footer>Made by empathy-lint. Findings are suggestions for a person to weigh, not a grade of anyone’s work.</footer>',
  ];
  const scriptHash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
  // Nothing may load from anywhere, and only the script below may run, whatever a macro contains.
  const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:`;
  const { score } = libraryScore(results);
  const title = `Empathy report: ${score === undefined ? 'no macros' : `score ${score}/100`}, ${plural(all.length, 'finding')}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter(Boolean),
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

function readFileView(result: LintResult, cwd: string): FileView {
  const shown = path.relative(cwd, result.filePath) || result.filePath;
  // After --fix or --fix-dry-run the positions refer to the fixed text, which may never have been written.
  let text = result.output;
  if (text === undefined) {
    try {
      text = readFileSync(path.resolve(cwd, result.filePath), 'utf8');
    } catch {
      return { result, shown };
    }
  }
  // Columns never count a byte-order mark (the linter reads past it).
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return { result, shown, text, lines: text.split(/\r\n|\r|\n/) };
}

/** Every macro with the findings that belong to it; findings that belong to none (a fatal error) apart. */
function macroRows(files: readonly FileView[]): { rows: MacroRow[]; outside: { file: FileView; finding: Diagnostic }[] } {
  const rows: MacroRow[] = [];
  const outside: { file: FileView; finding: Diagnostic }[] = [];
  for (const [fileIndex, file] of files.entries()) {
    const fileRows = file.result.macros.map((macro, index) => ({ file, fileIndex, macro, index, findings: [] as Diagnostic[] }));
    for (const finding of file.result.messages) {
      const row = owningMacro(fileRows, finding);
      if (row) row.findings.push(finding);
      else outside.push({ file, finding });
    }
    rows.push(...fileRows);
  }
  // Worst first. A score only counts tone, so among equal scores a macro with errors (a broken
  // placeholder) comes before a clean one; then the library's own order, for a stable page.
  const errors = (row: MacroRow) => row.findings.filter((d) => d.severity === 'error').length;
  rows.sort(
    (a, b) => a.macro.score - b.macro.score || errors(b) - errors(a) || b.findings.length - a.findings.length || a.fileIndex - b.fileIndex || a.index - b.index,
  );
  return { rows, outside };
}

function owningMacro(rows: readonly MacroRow[], finding: Diagnostic): MacroRow | undefined {
  if (finding.fatal) return undefined;
  const { macro } = finding;
  const candidates = macro ? rows.filter((row) => row.macro.id === macro.id && row.macro.title === macro.title && row.macro.pointer === macro.pointer) : rows;
  // Two macros may share a title; the finding belongs to the last one that starts before it.
  const before = candidates.filter((row) => row.macro.line < finding.line || (row.macro.line === finding.line && row.macro.column <= finding.column));
  return before.at(-1) ?? candidates[0];
}

function renderHeader(results: readonly LintResult[], all: readonly Diagnostic[]): string {
  const { score, macros } = libraryScore(results);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const fixable = results.reduce((n, r) => n + r.fixableErrorCount + r.fixableWarningCount, 0);
  const item = (key: string, label: string, value: string) => `<div class="${key}"><dt>${label}</dt><dd data-summary="${key}">${value}</dd></div>`;
  const lede =
    all.length === 0
      ? 'No findings: every macro reads well to the rules that ran.'
      : `${plural(all.length, 'finding')} across ${plural(macros, 'macro')} in ${plural(results.length, 'file')}.` +
        (fixable > 0 ? ` ${fixable} of them can be fixed automatically with <code>--fix</code>.` : '');
  return [
    '<header>',
    '<h1>Empathy report</h1>',
    `<p>${lede}</p>`,
    '<dl class="summary">',
    item('score', 'Empathy score', score === undefined ? '–' : `${score}<small>/100</small>`),
    item('files', 'Files', String(results.length)),
    item('macros', 'Macros', String(macros)),
    item('errors', 'Errors', String(errors)),
    item('warnings', 'Warnings', String(warnings)),
    '</dl>',
    `<p class="muted">Every macro starts at 100 and loses ${SCORE_WEIGHTS.error} points for each error and ${SCORE_WEIGHTS.warn} for each warning ` +
      'about tone (how the reply makes the customer feel). The empathy score is the average over all macros.</p>',
    '</header>',
  ].join('\n');
}

function ruleLabel(ruleId: string | null): string {
  return ruleId ?? 'file notice';
}

function ruleDescription(ruleId: string | null, descriptions: ReadonlyMap<string, RuleDescription>): string {
  if (ruleId === null) return 'Notices about whole files: ones that could not be read or checked, or were ignored';
  return descriptions.get(ruleId)?.description ?? '';
}

/** Findings per rule, most first. */
function tallyByRule(all: readonly Diagnostic[]): { ruleId: string | null; errors: number; warnings: number }[] {
  const tally = new Map<string | null, { ruleId: string | null; errors: number; warnings: number }>();
  for (const d of all) {
    const entry = tally.get(d.ruleId) ?? { ruleId: d.ruleId, errors: 0, warnings: 0 };
    if (d.severity === 'error') entry.errors += 1;
    else entry.warnings += 1;
    tally.set(d.ruleId, entry);
  }
  const total = (e: { errors: number; warnings: number }) => e.errors + e.warnings;
  return [...tally.values()].sort((a, b) => total(b) - total(a) || ruleLabel(a.ruleId).localeCompare(ruleLabel(b.ruleId), 'en'));
}

function renderRuleChart(all: readonly Diagnostic[], descriptions: ReadonlyMap<string, RuleDescription>): string {
  if (all.length === 0) return '';
  const tally = tallyByRule(all);
  const most = Math.max(...tally.map((e) => e.errors + e.warnings));
  const width = (n: number) => `${((n / most) * 100).toFixed(1)}%`;
  const rows = tally.map(({ ruleId, errors, warnings }) => {
    const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
    const label = escapeHtml(ruleLabel(ruleId));
    return [
      `<tr data-rule="${escapeHtml(ruleId ?? '')}">`,
      `<th scope="row"><code>${label}</code>` +
        `<button type="button" data-show-rule="${escapeHtml(ruleId ?? '')}" aria-label="Show only findings from ${label}" hidden>Show only these</button></th>`,
      `<td>${escapeHtml(ruleDescription(ruleId, descriptions))}</td>`,
      '<td class="bar-cell">' +
        `<span class="bar" aria-hidden="true"><span class="bar-error" style="width:${width(errors)}"></span><span class="bar-warn" style="width:${width(warnings)}"></span></span>` +
        `<span class="bar-label"><strong>${errors + warnings}</strong> (${parts})</span></td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<section aria-labelledby="by-rule">',
    '<h2 id="by-rule">Findings by rule</h2>',
    '<table class="rules">',
    '<thead><tr><th scope="col">Rule</th><th scope="col">What it looks for</th><th scope="col">Findings</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '<p class="legend" aria-hidden="true"><span class="swatch error"></span>errors<span class="swatch warn"></span>warnings</p>',
    '</section>',
  ].join('\n');
}

function renderFilter(all: readonly Diagnostic[]): string {
  if (all.length === 0) return '';
  const options = tallyByRule(all).map(({ ruleId, errors, warnings }) => {
    const label = escapeHtml(ruleLabel(ruleId));
    return `<option value="${escapeHtml(ruleId ?? '')}" data-label="${label}">${label} (${errors + warnings})</option>`;
  });
  return [
    '<div class="filter" id="filter" hidden>',
    '<label for="rule-filter">Show findings from</label>',
    `<select id="rule-filter"><option value="${ALL_RULES}" data-label="all rules">All rules (${all.length})</option>${options.join('')}</select>`,
    `<p id="visible-count" role="status" aria-live="polite">Showing all ${plural(all.length, 'finding')}</p>`,
    '</div>',
  ].join('\n');
}

function renderMacroTable(rows: readonly MacroRow[], all: readonly Diagnostic[], descriptions: ReadonlyMap<string, RuleDescription>): string {
  if (rows.length === 0) return '';
  const body = rows.map((row) => {
    const { macro, file, findings } = row;
    const errors = findings.filter((d) => d.severity === 'error').length;
    const band = macro.score < 70 ? 'low' : macro.score < 90 ? 'mid' : 'high';
    const name = macro.title ?? (file.result.macros.length > 1 ? `Macro ${row.index + 1}` : path.basename(file.shown));
    const tags = [macro.id !== undefined ? `ID ${macro.id}` : '', macro.internal ? 'Internal note' : ''].filter(Boolean);
    const list = findings.length > 0 ? `<ol class="findings">${findings.map((d) => renderFinding(d, file, descriptions)).join('')}</ol>` : '<p class="none">No findings</p>';
    return [
      '<tr class="macro" data-finding-group>',
      `<td class="number"><span class="score-badge score-${band}">${macro.score}</span></td>`,
      `<th scope="row"><span class="macro-title">${escapeHtml(name)}</span>` +
        `<span class="where">${escapeHtml(`${file.shown}:${macro.line}:${macro.column}`)}</span>` +
        tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join(''),
      '</th>',
      `<td class="number">${errors}</td>`,
      `<td class="number">${findings.length - errors}</td>`,
      `<td>${list}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<section aria-labelledby="macros-heading">',
    '<h2 id="macros-heading">Macros, lowest empathy score first</h2>',
    renderFilter(all),
    '<table class="macros">',
    `<caption>${plural(rows.length, 'macro')}, each with its findings. A score of 100 means no tone findings.</caption>`,
    '<thead><tr><th scope="col" class="number">Empathy score</th><th scope="col">Macro</th><th scope="col" class="number">Errors</th>' +
      '<th scope="col" class="number">Warnings</th><th scope="col">Findings</th></tr></thead>',
    '<tbody>',
    ...body,
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function renderOutside(outside: readonly { file: FileView; finding: Diagnostic }[], descriptions: ReadonlyMap<string, RuleDescription>): string {
  if (outside.length === 0) return '';
  const items = outside.map(({ file, finding }) => renderFinding(finding, file, descriptions));
  return [
    '<section aria-labelledby="outside-heading" data-finding-group>',
    '<h2 id="outside-heading">Findings outside any macro</h2>',
    `<ol class="findings">${items.join('')}</ol>`,
    '</section>',
  ].join('\n');
}

function renderFinding(d: Diagnostic, file: FileView, descriptions: ReadonlyMap<string, RuleDescription>): string {
  const severity = d.severity === 'error' ? 'error' : 'warn';
  const rule = ruleLabel(d.ruleId);
  const description = d.ruleId !== null ? descriptions.get(d.ruleId)?.description : undefined;
  const changes = [
    d.fix ? `<li><strong>With <code>--fix</code>:</strong> ${describeChange(d.fix, file.text)}</li>` : '',
    ...(d.suggestions ?? []).map(
      (s) => `<li><strong>Suggestion:</strong> ${escapeHtml(s.desc)}<span class="change">${describeChange(s.fix, file.text)}</span></li>`,
    ),
  ].filter(Boolean);
  return [
    `<li class="finding ${severity}" data-rule="${escapeHtml(d.ruleId ?? '')}">`,
    '<p class="finding-head">',
    `<span class="severity ${severity}">${severity === 'error' ? 'Error' : 'Warning'}</span>`,
    `<code class="location">${escapeHtml(`${file.shown}:${d.line}:${d.column}`)}</code>`,
    `<code class="rule-id"${description ? ` title="${escapeHtml(description)}"` : ''}>${escapeHtml(rule)}</code>`,
    '</p>',
    `<p class="message">${escapeHtml(d.message)}</p>`,
    renderExcerpt(d, file.lines),
    changes.length > 0 ? `<ul class="changes">${changes.join('')}</ul>` : '',
    '</li>',
  ].join('');
}

/** The source lines a finding points at, its range highlighted; nothing when the file could not be read. */
function renderExcerpt(d: Diagnostic, lines: readonly string[] | undefined): string {
  if (!lines || d.line < 1 || d.line > lines.length) return '';
  const endLine = Math.max(d.line, Math.min(d.endLine, lines.length));
  const last = Math.min(endLine, d.line + MAX_EXCERPT_LINES - 1);
  const mark = d.severity === 'error' ? 'error' : 'warn';
  const rows: string[] = [];
  for (let n = d.line; n <= last; n++) {
    const text = lines[n - 1]!;
    const start = n === d.line ? clamp(d.column - 1, 0, text.length) : 0;
    const end = n === endLine ? clamp(d.endColumn - 1, start, text.length) : text.length;
    rows.push(sourceRow(String(n), highlight(text, start, end, mark)));
  }
  if (last < endLine) rows.push(sourceRow('', `<span class="clipped">… ${plural(endLine - last, 'more line')}</span>`));
  return `<pre class="source"><code>${rows.join('')}</code></pre>`;
}

/** One source line beside its number; a long line wraps under itself, not under the number. */
function sourceRow(lineNumber: string, content: string): string {
  return `<span class="row"><span class="ln" aria-hidden="true">${lineNumber}</span><span class="text">${content}</span></span>`;
}

function highlight(text: string, start: number, end: number, mark: string): string {
  // Indentation says nothing about the wording (a JSON export indents every reply), so it is left out.
  const indent = Math.min(start, text.length - text.trimStart().length);
  let from = Math.max(indent, start - LINE_CONTEXT);
  let to = text.length - end > LINE_CONTEXT ? end + LINE_CONTEXT : text.length;
  // Cut between words where one is near, and never through a character such as an emoji.
  const space = text.indexOf(' ', from);
  if (from > indent && space !== -1 && space < start && space - from < 20) from = space + 1;
  const lastSpace = text.lastIndexOf(' ', to);
  if (to < text.length && lastSpace > end && to - lastSpace < 20) to = lastSpace;
  if (isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (isLowSurrogate(text.charCodeAt(to))) to += 1;
  const marked = start === end ? `<mark class="at"></mark>` : `<mark class="${mark}">${escapeHtml(text.slice(start, end))}</mark>`;
  return [
    from > indent ? '<span class="clipped">… </span>' : '',
    escapeHtml(text.slice(from, start)),
    marked,
    escapeHtml(text.slice(end, to)),
    to < text.length ? '<span class="clipped"> …</span>' : '',
  ].join('');
}

/** A fix or suggestion in plain words: what it replaces, inserts or removes. */
function describeChange(fix: Fix, text: string | undefined): string {
  const [start, end] = fix.range;
  const added = `<ins>${escapeHtml(fix.text)}</ins>`;
  if (start === end) return `Insert ${added}`;
  if (text === undefined) return fix.text === '' ? 'Remove the highlighted text' : `Change to ${added}`;
  const old = text.slice(start, end);
  const removed = `<del>${escapeHtml(old.length > MAX_CHANGE_LENGTH ? `${old.slice(0, MAX_CHANGE_LENGTH)}…` : old)}</del>`;
  return fix.text === '' ? `Remove ${removed}` : `Replace ${removed} with ${added}`;
}

const clamp = (n: number, low: number, high: number) => Math.min(Math.max(n, low), high);
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export default html;
