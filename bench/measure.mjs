/** Runs a Node script as a child process and measures it: wall time, and with GNU time the peak RSS and CPU time. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** GNU time, when present; without it only wall time is measured. */
export const GNU_TIME = (() => {
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']);
  return probe.status === 0 ? '/usr/bin/time' : undefined;
})();

/**
 * `node <args>` in `cwd`. `rssMb` is GNU time's maximum resident set size: the largest single process of the tree
 * (a worker's, not the sum), or `null` without GNU time.
 */
/** A figure rounded to `digits` decimals, as a number. */
export function round(value, digits) {
  return Number(value.toFixed(digits));
}

export function measureNode(args, { cwd, env } = {}) {
  const timeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-time-')), 'time.txt');
  const [file, fileArgs] = GNU_TIME
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, fileArgs, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  // GNU time writes "Command exited with non-zero status N" before the figures.
  const figures = GNU_TIME ? fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number) : [];
  fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    wallSeconds,
    rssMb: GNU_TIME ? figures[0] / 1024 : null,
    cpuSeconds: GNU_TIME ? figures[1] + figures[2] : null,
  };
}
