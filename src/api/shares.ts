// A share of a large JSON export as it travels from the thread that split the file to the thread that
// lints it: three buffers, moved between threads rather than copied, so no thread but the splitter
// ever holds the whole file or its syntax tree, and the main thread holds none of it (see pool.ts).
import type { CutShare, ExportShare } from '../formats/index.js';

export interface PackedShare {
  /** The share's format and macros (ExportShare without its text), as JSON in UTF-8. */
  meta: Uint8Array;
  /** The share's text, UTF-16 code unit by code unit (lone surrogates included). */
  text: Uint8Array;
  /** Where each line of the whole file starts: findings are reported in the file. */
  lines: Int32Array;
}

/** A share cut from `source` (see CutShare), its stretches copied straight into the buffer. */
export function packShare(source: string, share: CutShare, lines: Int32Array): PackedShare {
  const { stretches, ...meta } = share;
  const bytes = Buffer.alloc(stretches.reduce((sum, [start, end]) => sum + 2 * (end - start), 0));
  let at = 0;
  for (const [start, end] of stretches) at += bytes.write(source.slice(start, end), at, 'utf16le');
  return { meta: new TextEncoder().encode(JSON.stringify(meta)), text: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), lines: lines.slice() };
}

export interface UnpackedShare {
  share: ExportShare;
  lines: Int32Array;
}

export function unpackShare(packed: PackedShare): UnpackedShare {
  const meta = JSON.parse(new TextDecoder().decode(packed.meta)) as Omit<ExportShare, 'text'>;
  const text = Buffer.from(packed.text.buffer, packed.text.byteOffset, packed.text.byteLength).toString('utf16le');
  return { share: { ...meta, text }, lines: packed.lines };
}

/** The buffers to move with a share (postMessage's transfer list). */
export function shareBuffers(packed: PackedShare): ArrayBuffer[] {
  return [packed.meta.buffer as ArrayBuffer, packed.text.buffer as ArrayBuffer, packed.lines.buffer as ArrayBuffer];
}
