// How formatters name things people look for: the macro a finding is in, and a file's path.
import path from 'node:path';
import type { MacroInfo } from '../engine/types.js';

/** "Refund approved (#360012, internal note)": title, then id and whether it is an internal note. */
export function macroLabel(macro: MacroInfo | undefined): string | undefined {
  if (!macro) return undefined;
  const tags = [macro.id !== undefined ? `#${macro.id}` : undefined, macro.internal ? 'internal note' : undefined].filter(Boolean);
  return [macro.title, tags.length > 0 ? `(${tags.join(', ')})` : undefined].filter(Boolean).join(' ') || undefined;
}

/** A file's path relative to `base`, with forward slashes whatever the platform. */
export function displayPath(filePath: string, base: string): string {
  return (path.relative(base, filePath) || filePath).split(path.sep).join('/');
}
