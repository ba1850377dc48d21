// Build step (after bundling): runs the bundled CLI once over the bundled examples, output discarded,
// and saves V8's compiled code for cli/launch.cts. Usage: node dist/src/build/code-cache.js <bundle> [examples]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCli } from '../cli/launch.cjs';

const [bundle, examples] = process.argv.slice(2);
if (!bundle) throw new Error('usage: code-cache <bundle> [examples folder]');
const { cli, saveCache } = loadCli(path.resolve(bundle));
// Without the examples (an installed package has none) the cache still holds the bundle's top level.
if (examples && existsSync(examples)) {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    await cli.main([process.argv[0]!, 'empathy-lint', examples, '--no-color']);
  } finally {
    process.stdout.write = write;
  }
}
saveCache();
