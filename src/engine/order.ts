// Sorting names (rule ids, file paths) as String#localeCompare orders them, without its cost where it
// is not needed: a process's first localeCompare sets up ICU's collator, ~9 ms of a short run.

/** Lower-case letters, digits and `-./`: names made only of these, the collator orders as their characters. */
const PLAIN = /^[a-z0-9./-]*$/;

/**
 * localeCompare's order (ICU's root collation, as in English). Two names are told apart by what follows
 * the folders they share (paths often start with a folder like /home/Sam); where that is made of PLAIN
 * characters, comparing them character by character gives the same order (tested). In a locale that
 * orders Latin letters its own way (Danish "aa", say), such names now sort as in English, the same on
 * every machine.
 */
export function compareNames(a: string, b: string): number {
  let same = 0;
  while (same < a.length && same < b.length && a.charCodeAt(same) === b.charCodeAt(same)) same++;
  const from = same === 0 ? 0 : a.lastIndexOf('/', same - 1) + 1;
  const [x, y] = [a.slice(from), b.slice(from)];
  if (PLAIN.test(x) && PLAIN.test(y)) return x < y ? -1 : x > y ? 1 : 0;
  return a.localeCompare(b);
}
