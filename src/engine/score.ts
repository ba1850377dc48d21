// The empathy score: how a macro reads to the customer, from 0 to 100. It starts at 100 and loses the
// weight below for each finding of a tone rule (rules about the customer's feelings, not readability
// or placeholders), never going below 0. A library's score is the mean over its macros.
// docs/score.md explains it to support leads; keep the two in step.
import type { LintResult, Severity } from './types.js';

/** Points a macro loses per finding of a tone rule. */
export const SCORE_WEIGHTS: Readonly<Record<Severity, number>> = { error: 15, warn: 5 };

export function macroScore(toneFindings: readonly { severity: Severity }[]): number {
  const lost = toneFindings.reduce((sum, d) => sum + SCORE_WEIGHTS[d.severity], 0);
  return Math.max(0, 100 - lost);
}

/** The mean score over every macro of every file, rounded; undefined when there is no macro. */
export function libraryScore(results: readonly LintResult[]): { score: number | undefined; macros: number } {
  const scores = results.flatMap((r) => r.macros.map((m) => m.score));
  if (scores.length === 0) return { score: undefined, macros: 0 };
  return { score: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length), macros: scores.length };
}
