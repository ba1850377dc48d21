// Applies non-overlapping fixes in one pass; overlapping ones wait for the next pass.
import type { Fix } from './types.js';

export interface FixPass {
  output: string;
  applied: number;
  /** Fixes that overlapped an earlier one and were left for the next pass. */
  deferred: number;
}

export function applyFixes(source: string, fixes: readonly Fix[]): FixPass {
  const ordered = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let lastEnd = -1;
  let applied = 0;
  let deferred = 0;
  for (const fix of ordered) {
    const [start, end] = fix.range;
    // Two fixes touching the same point would depend on each other's order: the later one waits.
    if (start < lastEnd || start === lastEnd) {
      deferred++;
      continue;
    }
    output += source.slice(cursor, start) + fix.text;
    cursor = end;
    lastEnd = end;
    applied++;
  }
  output += source.slice(cursor);
  return { output, applied, deferred };
}

export const MAX_FIX_PASSES = 10;

export type FixStop = 'done' | 'pass-limit' | 'cycle';

export interface FixLoopResult {
  output: string;
  passes: number;
  applied: number;
  stop: FixStop;
}

/**
 * Lint, fix, re-lint, up to MAX_FIX_PASSES. Stops early when nothing changes, and says so when it hits
 * the pass limit or the text comes back to what it was two passes before (two rules undoing each other).
 */
export function fixUntilStable(source: string, fixesFor: (text: string) => readonly Fix[]): FixLoopResult {
  const history = [source];
  let text = source;
  let applied = 0;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const fixes = fixesFor(text);
    if (fixes.length === 0) return { output: text, passes: pass - 1, applied, stop: 'done' };
    const result = applyFixes(text, fixes);
    if (result.output === text) return { output: text, passes: pass - 1, applied, stop: 'done' };
    if (history.length >= 2 && history[history.length - 2] === result.output) {
      return { output: text, passes: pass, applied, stop: 'cycle' };
    }
    applied += result.applied;
    history.push(result.output);
    text = result.output;
  }
  const more = fixesFor(text).length > 0;
  return { output: text, passes: MAX_FIX_PASSES, applied, stop: more ? 'pass-limit' : 'done' };
}
