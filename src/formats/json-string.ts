// A JSON string literal, decoded, with the place in the file of every decoded character: so a phrase
// after `\n`, `\"`, `\u00e9` or a surrogate pair still gets the right line, column and range.
import type { StringMap } from '../engine/mapped-text.js';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export interface DecodedString extends StringMap {
  value: string;
}

/** Decodes the literal at `[offset, offset + length)` (quotes included) of `source`. */
export function decodeJsonString(source: string, offset: number, length: number): DecodedString {
  const starts: number[] = [];
  const ends: number[] = [];
  let value = '';
  const last = offset + length - 1; // the closing quote
  let p = offset + 1;
  while (p < last) {
    const ch = source[p]!;
    if (ch !== '\\') {
      value += ch;
      starts.push(p);
      ends.push(p + 1);
      p++;
      continue;
    }
    const kind = source[p + 1]!;
    if (kind === 'u') {
      value += String.fromCharCode(parseInt(source.slice(p + 2, p + 6), 16));
      starts.push(p);
      ends.push(p + 6);
      p += 6;
    } else {
      value += SIMPLE_ESCAPES[kind] ?? kind;
      starts.push(p);
      ends.push(p + 2);
      p += 2;
    }
  }
  // One past the end: an insertion at the very end of the string goes before the closing quote.
  starts.push(last);
  ends.push(last);
  return { value, starts: Int32Array.from(starts), ends: Int32Array.from(ends), source, encode: encodeJsonText };
}

/** Fix text as it must be written inside a JSON string: quotes, backslashes and control characters escaped. */
export function encodeJsonText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
