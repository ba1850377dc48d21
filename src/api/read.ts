// Reading a file to lint: anything that is not a text macro file becomes a one-line reason, never a crash.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { LineIndex } from '../engine/positions.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export type ReadOutcome =
  | { ok: true; text: string }
  | { ok: false; message: string; line?: number; column?: number };

/** How much of a file is checked for NUL bytes: binaries show them early. */
const BINARY_SNIFF = 8192;

/** Decodes strictly (invalid UTF-8 throws) and keeps a leading BOM (by default TextDecoder drops it silently). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a file to lint, synchronously: one open, one stat of the open file, one read. A linter reads
 * thousands of small files, where the promise round trips of async reads cost more than the reads;
 * many files are read in parallel by the worker threads instead.
 */
export function readMacroFile(filePath: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): ReadOutcome {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(filePath, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, message: 'This is a folder, not a file.' };
    if (info.size > maxFileSize) {
      return { ok: false, message: `Skipped: the file is ${formatSize(info.size)}, over the ${formatSize(maxFileSize)} limit (raise it with --max-file-size).` };
    }
    bytes = readFileSync(fd);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code === 'EISDIR') return { ok: false, message: 'This is a folder, not a file.' };
    return { ok: false, message: `Could not read the file: ${describeError(failure)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return { ok: false, message: 'This looks like a binary file, not a text macro, so it was not linted.' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const position = new LineIndex(before).positionAt(before.length);
    return { ok: false, message: `The file is not valid UTF-8 (byte ${at}); save it as UTF-8 and lint it again.`, ...position };
  }
  return { ok: true, text };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 character. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'it no longer exists (it was moved or deleted while linting).';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'ELOOP':
      return 'it is a symbolic link that leads back to itself.';
    case 'EISDIR':
      return 'it is a folder.';
    default:
      return error.message;
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** `10MB`, `500 KB`, `2048` → bytes; undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(bytes?|b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}
