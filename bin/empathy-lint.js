#!/usr/bin/env node
// Thin launcher into the compiled CLI (npm ci / npm run build compile src/ into dist/, then bundle the
// CLI into dist/bundle/: a few files load several times faster than the ~300 modules they hold).
let cli;
try {
  cli = await import('../dist/bundle/index.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('empathy-lint: the compiled files are missing; run `npm run build` in the empathy-lint folder first.\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
