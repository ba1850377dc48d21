// What --fix-dry-run prints: for each file --fix would change, the lines before and after.
import path from 'node:path';
import type { LintResult } from '../engine/types.js';

export function describeChanges(results: readonly LintResult[], cwd: string): string {
  const out: string[] = [];
  for (const result of results) {
    if (result.output === undefined || result.source === undefined || result.output === result.source) continue;
    out.push(`${path.relative(cwd, result.filePath)} (--fix would change)`);
    out.push(...lineChanges(result.source, result.output), '');
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function lineChanges(before: string, after: string): string[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const rows: string[] = [];
  const show = (sign: string, n: number, text: string) => rows.push(`  ${sign} ${String(n).padStart(4)} | ${text}`);
  if (a.length === b.length) {
    // Fixes are phrase swaps: lines keep their numbers, so each changed line is shown on its own.
    a.forEach((line, i) => {
      if (line === b[i]) return;
      show('-', i + 1, line);
      show('+', i + 1, b[i]!);
    });
    return rows;
  }
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  a.slice(head, a.length - tail).forEach((line, i) => show('-', head + i + 1, line));
  b.slice(head, b.length - tail).forEach((line, i) => show('+', head + i + 1, line));
  return rows;
}
