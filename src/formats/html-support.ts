// The HTML parser (hast-util-from-html and its dependencies) is loaded only when a file may hold HTML
// bodies: a JSON export. Linting Markdown never pays for it, which keeps a one-file run quick to start.
import type { MappedText } from '../engine/mapped-text.js';

let parser: ((source: string) => MappedText) | undefined;

/** Loads the HTML parser; the Linter awaits it before reading any JSON file. */
export async function loadHtmlSupport(): Promise<void> {
  parser ??= (await import('./html.js')).parseHtml;
}

/** An HTML body as linted text. `loadHtmlSupport()` must have been awaited. */
export function parseHtml(source: string): MappedText {
  if (!parser) throw new Error('HTML support is not loaded: await loadHtmlSupport() before parsing HTML bodies.');
  return parser(source);
}

/** Looks like HTML rather than Markdown or plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|span|a|b|strong|em|i|ul|ol|li|table|h[1-6]|blockquote|code|pre|img|font|u)\b[^>]*>/i.test(text);
}
