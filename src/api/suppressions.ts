// Bulk suppressions, for turning CI on over an existing library today and paying the debt down later
// (as ESLint's bulk suppressions do): `--suppress-all` records how many findings each rule has in each
// file; later runs report a file's findings of a rule only when there are more than recorded, and then
// all of them, since which one is new cannot be told. `--prune-suppressions` lowers the counts to what
// still occurs. Problems that stop a file being linted are never suppressed.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, LintResult } from '../engine/types.js';
import { withMessages } from './lint.js';

export const DEFAULT_SUPPRESSIONS_LOCATION = 'empathy-suppressions.json';

/** File (relative to the suppressions file, with /) → rule id → how many findings are tolerated. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

export async function readSuppressions(location: string): Promise<SuppressionCounts | undefined> {
  let text: string;
  try {
    text = await readFile(location, 'utf8');
  } catch {
    return undefined;
  }
  const data = JSON.parse(text) as { suppressions?: unknown };
  if (!data || typeof data.suppressions !== 'object' || data.suppressions === null) {
    throw new Error(`${location}: not a suppressions file (expected { "suppressions": { … } }); delete it or run --suppress-all again`);
  }
  return data.suppressions as SuppressionCounts;
}

export async function writeSuppressions(location: string, counts: SuppressionCounts): Promise<void> {
  const sorted = Object.fromEntries(
    Object.keys(counts)
      .sort()
      .filter((file) => Object.keys(counts[file]!).length > 0)
      .map((file) => [file, Object.fromEntries(Object.entries(counts[file]!).sort(([a], [b]) => a.localeCompare(b)))]),
  );
  const temporary = `${location}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ suppressions: sorted }, null, 2)}\n`, 'utf8');
  await rename(temporary, location);
}

/** How many findings each rule has in each file: what --suppress-all records. */
export function countFindings(results: readonly LintResult[], base: string): SuppressionCounts {
  const counts: SuppressionCounts = {};
  for (const result of results) {
    for (const m of suppressible(result.messages)) {
      const file = (counts[key(result.filePath, base)] ??= {});
      (file[m.ruleId!] ??= { count: 0 }).count++;
    }
  }
  return counts;
}

/** The counts lowered to what still occurs; entries that no longer occur are gone. */
export function pruneCounts(counts: SuppressionCounts, results: readonly LintResult[], base: string): SuppressionCounts {
  const now = countFindings(results, base);
  const pruned: SuppressionCounts = {};
  for (const [file, rules] of Object.entries(counts)) {
    for (const [ruleId, { count }] of Object.entries(rules)) {
      const still = Math.min(count, now[file]?.[ruleId]?.count ?? 0);
      if (still > 0) (pruned[file] ??= {})[ruleId] = { count: still };
    }
  }
  return pruned;
}

/** The results without the findings the counts tolerate. */
export function applySuppressions(results: readonly LintResult[], counts: SuppressionCounts, base: string): LintResult[] {
  return results.map((result) => {
    const tolerated = counts[key(result.filePath, base)];
    if (!tolerated) return result;
    const found = countFindings([result], base)[key(result.filePath, base)] ?? {};
    const messages = result.messages.filter((m) => {
      if (m.ruleId === null || m.fatal) return true;
      return (found[m.ruleId]?.count ?? 0) > (tolerated[m.ruleId]?.count ?? 0);
    });
    return messages.length === result.messages.length ? result : withMessages(result, messages);
  });
}

function suppressible(messages: readonly Diagnostic[]): Diagnostic[] {
  return messages.filter((m) => m.ruleId !== null && !m.fatal);
}

function key(filePath: string, base: string): string {
  return path.relative(base, filePath).split(path.sep).join('/');
}
