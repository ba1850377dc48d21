// Formatters turn results into text. Each lives in its own module, formatters/<name>.ts, and is loaded
// only when asked for, so a run pays for the one it prints.
import type { LintResult } from '../engine/types.js';

export interface FormatterContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Whether colour may be used at all (no --no-color); chalk still checks for a TTY. */
  color: boolean;
  /** The rules that ran, for formatters that describe them (SARIF, HTML). */
  rules?: readonly RuleDescription[];
}

export interface RuleDescription {
  id: string;
  description: string;
  docs: string;
  defaultSeverity: string;
  fixable: boolean;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/** `prepare`: what the formatter needs loaded before it can run (stylish: chalk, when colour is possible). */
const FORMATTERS: Record<string, () => Promise<{ default: Formatter; prepare?: () => Promise<void> }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  compact: () => import('./compact.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  sarif: () => import('./sarif.js'),
  html: () => import('./html.js'),
};

export const FORMATTER_NAMES = Object.keys(FORMATTERS);

export async function getFormatter(name: string): Promise<Formatter | undefined> {
  const load = Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
  if (!load) return undefined;
  const formatter = await load();
  await formatter.prepare?.();
  return formatter.default;
}
