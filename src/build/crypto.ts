// Stands in for node:crypto in the bundled CLI, for cosmiconfig: it loads crypto at startup only to name
// the temporary file it compiles a TypeScript config to (and empathy-lint gives it a loader of its own for
// those), and loading crypto (with streams) costs a one-file run ~2.5 ms. The real module is loaded if
// randomUUID is ever called.
import { createRequire } from 'node:module';

type RandomUUID = typeof import('node:crypto').randomUUID;

export const randomUUID = ((...args: Parameters<RandomUUID>) =>
  (createRequire(import.meta.url)('node:crypto') as { randomUUID: RandomUUID }).randomUUID(...args)) as RandomUUID;
