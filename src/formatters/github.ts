// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff and in
// the run's summary. `::error file=…,line=…::message`, escaped exactly as @actions/core escapes them.
import type { Diagnostic } from '../engine/types.js';
import type { Formatter } from './index.js';
import { displayPath, macroLabel } from './labels.js';

/** The command's message, as @actions/core `escapeData` does it. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value, as @actions/core `escapeProperty` does it: `:` and `,` would end the property. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const github: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    // GitHub matches annotations to files by forward-slash paths, whatever the runner's OS.
    // GitHub reads annotation paths against the workspace root, which need not be the folder we ran in.
    const file = displayPath(result.filePath, process.env.GITHUB_WORKSPACE || cwd);
    for (const m of result.messages) lines.push(command(file, m));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

function command(file: string, m: Diagnostic): string {
  const properties: [string, string | number][] = [['file', file], ['line', m.line]];
  // GitHub takes columns only for a one-line range (see AnnotationProperties in @actions/core).
  if (m.endLine === m.line) properties.push(['col', m.column]);
  properties.push(['endLine', m.endLine]);
  if (m.endLine === m.line) properties.push(['endColumn', m.endColumn]);
  if (m.ruleId) properties.push(['title', m.ruleId]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  const macro = macroLabel(m.macro);
  // In an export, the line points into JSON and a Markdown file holds several replies; the annotation
  // list in the run summary shows no code at all, so the macro's title is what tells people which reply it is.
  const message = macro ? `${m.message} (macro: ${macro})` : m.message;
  return `::${m.severity === 'error' ? 'error' : 'warning'} ${list}::${escapeData(message)}`;
}

export default github;
