// The peer linters live in bench/node_modules, installed from the committed bench/package-lock.json.
// `npm ci` runs when they are missing or stale: after it succeeds we record the lockfile's hash, and a
// different hash (someone bumped a peer) means install again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BenchError } from './process.mjs';

const BENCH = path.resolve(import.meta.dirname, '..');
const LOCKFILE = path.join(BENCH, 'package-lock.json');
const INSTALLED_MARKER = path.join(BENCH, 'node_modules', '.bench-lockfile-sha256');

function lockfileHash() {
  return createHash('sha256').update(readFileSync(LOCKFILE)).digest('hex');
}

function installedHash() {
  return existsSync(INSTALLED_MARKER) ? readFileSync(INSTALLED_MARKER, 'utf8').trim() : undefined;
}

/** Installs the peers quietly unless bench/node_modules already matches the lockfile. */
export function ensurePeersInstalled(log) {
  const wanted = lockfileHash();
  if (installedHash() === wanted) return false;
  log('installing the peer linters into bench/node_modules (npm ci, about a minute)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new BenchError(`npm ci in bench/ failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(INSTALLED_MARKER, `${wanted}\n`);
  return true;
}

/** The installed version of each package, for the results file. */
export function installedVersions(packages) {
  const versions = {};
  for (const name of packages) {
    const manifest = path.join(BENCH, 'node_modules', name, 'package.json');
    versions[name] = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
  }
  return versions;
}
