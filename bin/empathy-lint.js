#!/usr/bin/env node
// Thin launcher into the compiled CLI (npm ci / npm run build compile src/ into dist/).
let cli;
try {
  cli = await import('../dist/src/cli/index.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('empathy-lint: the compiled files are missing; run `npm run build` in the empathy-lint folder first.\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
