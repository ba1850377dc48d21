#!/usr/bin/env node
// Thin launcher into the compiled CLI: npm ci / npm run build compile src/ into dist/ and bundle the CLI
// into one file, dist/bundle/cli.cjs, which dist/src/cli/launch.js starts from V8's code cache.
import { fileURLToPath } from 'node:url';

let cli;
try {
  const { loadCli } = await import('../dist/src/cli/launch.js');
  cli = loadCli(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url))).cli;
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' && error?.code !== 'ENOENT') throw error;
  process.stderr.write('empathy-lint: the compiled files are missing; run `npm run build` in the empathy-lint folder first.\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
