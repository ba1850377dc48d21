// Formatters turn results into text. Each lives in its own module and is loaded only when asked for.
import type { LintResult } from '../engine/types.js';

export interface FormatterContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Whether colour may be used at all (no --no-color); chalk still checks for a TTY. */
  color: boolean;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

const FORMATTERS: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
};

export const FORMATTER_NAMES = Object.keys(FORMATTERS);

export async function getFormatter(name: string): Promise<Formatter | undefined> {
  const load = FORMATTERS[name];
  return load ? (await load()).default : undefined;
}
