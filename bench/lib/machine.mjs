// What the numbers were measured on, saved next to them: a benchmark without its machine is noise.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function osName() {
  // /etc/os-release names the distribution; os.type()/os.release() alone only give the kernel.
  if (existsSync('/etc/os-release')) {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (pretty) return `${pretty[1]} (${os.type()} ${os.release()})`;
  }
  return `${os.type()} ${os.release()}`;
}

export function machineInfo() {
  const cpus = os.cpus();
  // Uncommitted changes under src/ or rules/ mean the commit alone does not say what was measured.
  const changedSource = git(['status', '--porcelain', '--', 'src', 'rules']);
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    date: new Date().toISOString(),
    gitCommit: git(['rev-parse', 'HEAD']),
    uncommittedSourceChanges: changedSource ? changedSource.split('\n').length : 0,
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
