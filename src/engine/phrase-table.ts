// What the phrase matcher works out about each entry of the built-in phrase lists, by the entry's
// regex source: empty here, filled in dist/'s copy by the build (src/build/phrase-table.ts), so a run
// does not parse ~50 KB of regex source (~20 ms of a one-file run) before its first file. Sources not
// in it (phrase rules from a config, a plugin's lists) are worked out when first needed.
export interface KnownSource {
  /** firstWords(source), as lists; null for undefined. */
  first: { words: readonly string[]; prefixes: readonly string[] } | null;
  /** foldRegexSource(source); null for undefined. */
  folded: string | null;
  /** How many capture groups the source has. */
  groups: number;
  /** requiredText(folded), where folded is not null; null for undefined. */
  needs: readonly string[] | null;
}

export const PHRASE_TABLE: Readonly<Record<string, KnownSource>> = {};
