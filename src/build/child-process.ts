// Stands in for node:child_process in the bundled CLI: commander loads it at startup only to run
// subcommands that are separate programs (empathy-lint has none), and loading it (with net, dgram and
// streams) costs a one-file run ~3 ms. The real module is loaded if spawn is ever called.
import { createRequire } from 'node:module';

type Spawn = typeof import('node:child_process').spawn;

export const spawn = ((...args: Parameters<Spawn>) => (createRequire(import.meta.url)('node:child_process') as { spawn: Spawn }).spawn(...args)) as Spawn;
