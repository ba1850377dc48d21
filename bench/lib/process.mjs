// Running the benchmarked commands: timed runs (wall time + peak RSS, output thrown away) and
// captured runs (output kept, for the checks). Every command is a list of invocations, because a
// tool that takes a file list may need several batches; their times add up and the peak RSS is the
// largest of them.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A failure the bench reports as-is and stops on (unexpected exit code, failed check, bad option). */
export class BenchError extends Error {}

const GNU_TIME = '/usr/bin/time';
const RSS_FILE = path.join(os.tmpdir(), `empathy-bench-rss-${process.pid}.txt`);

/** Colour, update checks and the like off for every tool alike: none of it should be timed. */
export const CHILD_ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NO_UPDATE_NOTIFIER: '1' };

// The child being waited on, so Ctrl-C can take its whole process group down with the bench.
let running;
process.on('SIGINT', () => {
  if (running) killGroup(running);
  process.exit(130);
});

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Spawns in its own process group (detached) so a timeout or Ctrl-C can kill the tool and anything
 * it started, not just /usr/bin/time. Resolves with the exit code, or 128 + signal number.
 */
function run(command, args, { cwd, stdio, timeoutMs, onOutput, description = `${command} ${args.join(' ')}` }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: CHILD_ENV, stdio, detached: true });
    running = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    if (onOutput) {
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BenchError(`could not start ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running = undefined;
      if (timedOut) reject(new BenchError(`${description} ran longer than ${Math.round(timeoutMs / 1000)} s (--timeout); killed it.`));
      else resolve(code ?? 128 + os.constants.signals[signal]);
    });
  });
}

/**
 * GNU time writes "Command exited with non-zero status N" before the format's output when the
 * command fails, so the peak RSS (%M, in KB) is the last line of its file.
 */
function readPeakRssMb() {
  const lines = readFileSync(RSS_FILE, 'utf8').trim().split('\n');
  const kilobytes = Number(lines[lines.length - 1]);
  rmSync(RSS_FILE, { force: true });
  return Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined;
}

/** Runs the invocations once with their output captured: for checks and for explaining failures. */
export async function captureRun(invocations, { timeoutMs }) {
  let output = '';
  let exitCode = 0;
  for (const { command, args, cwd } of invocations) {
    exitCode = await run(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeoutMs, onOutput: (chunk) => (output += chunk) });
  }
  return { exitCode, output };
}

/**
 * One timed run: wall time from performance.now() around each spawn, peak RSS from /usr/bin/time,
 * stdout and stderr to /dev/null for every tool. An exit code outside `allowedExitCodes` is a crash
 * or a usage error: it is not timed, the command is re-run to show what it printed, and the bench stops.
 */
export async function timedRun(label, invocations, { allowedExitCodes, timeoutMs }) {
  let seconds = 0;
  let rssMb = 0;
  for (const { command, args, cwd } of invocations) {
    const started = performance.now();
    const description = `${label}: ${command} ${args.slice(0, 8).join(' ')}`;
    const exitCode = await run(GNU_TIME, ['-f', '%M', '-o', RSS_FILE, command, ...args], { cwd, stdio: 'ignore', timeoutMs, description });
    const elapsed = (performance.now() - started) / 1000;
    if (!allowedExitCodes.includes(exitCode)) await failLoudly(label, invocations, exitCode, allowedExitCodes, timeoutMs);
    seconds += elapsed;
    rssMb = Math.max(rssMb, readPeakRssMb() ?? 0);
  }
  return { seconds, rssMb };
}

async function failLoudly(label, invocations, exitCode, allowedExitCodes, timeoutMs) {
  const again = await captureRun(invocations, { timeoutMs }).catch((error) => ({ exitCode: '?', output: error.message }));
  const tail = again.output.trim().split('\n').slice(-25).join('\n');
  const first = invocations[0];
  throw new BenchError(
    `${label} exited with code ${exitCode} (expected ${allowedExitCodes.join(' or ')}).\n` +
      `  command: (cd ${first.cwd} && ${first.command} ${first.args.slice(0, 8).join(' ')}${first.args.length > 8 ? ' …' : ''})\n` +
      `  re-run exit code ${again.exitCode}; last lines of its output:\n${tail}`,
  );
}
