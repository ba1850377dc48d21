#!/usr/bin/env node
// Thin launcher into the compiled CLI: npm ci / npm run build compile src/ into dist/ and bundle the CLI
// into one file, dist/bundle/cli.cjs, which dist/src/cli/launch.cjs starts from V8's code cache.
// CommonJS (bin/package.json says so), like all that a start loads.
const path = require('node:path');

let cli;
try {
  const { loadCli } = require('../dist/src/cli/launch.cjs');
  cli = loadCli(path.join(__dirname, '../dist/bundle/cli.cjs')).cli;
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' && error?.code !== 'ENOENT') throw error;
  process.stderr.write('empathy-lint: the compiled files are missing; run `npm run build` in the empathy-lint folder first.\n');
  process.exit(2);
}
// A reader that stops early (`empathy-lint … | head`) closes the pipe: what it did not read is dropped
// and the run ends with its own exit code, as command-line tools do, instead of a crash on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
