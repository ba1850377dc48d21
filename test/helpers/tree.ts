// A throwaway folder of files for a test: `{ 'a/.empathyrc.json': '…', 'a/reply.md': '…' }`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes `files` (paths relative to a new temporary folder) and gives the folder. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = 'empathy-test-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}
