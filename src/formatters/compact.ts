// One line per finding, `file:line:col: severity message [rule-id]`, and nothing else: the shape editors'
// problem matchers and grep already understand. A file that could not be linted has no rule, so no bracket.
import type { Formatter } from './index.js';
import { displayPath } from './labels.js';

// A line break inside a message would split one finding over two lines and break every reader of this format.
const LINE_BREAKS = /\r\n|\r|\n/g;

const compact: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, cwd);
    for (const m of result.messages) {
      const severity = m.severity === 'error' ? 'error' : 'warning';
      const rule = m.ruleId ? ` [${m.ruleId}]` : '';
      lines.push(`${file}:${m.line}:${m.column}: ${severity} ${m.message.replace(LINE_BREAKS, ' ')}${rule}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default compact;
