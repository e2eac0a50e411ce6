import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** What one timed process gave: its wall time and the peak resident memory of its largest process. */
export interface TimedRun {
  /** Wall time, seconds, as GNU time measures it (the whole process, start-up included). */
  readonly wallSeconds: number;
  /** Peak resident set size, MB (10^6 bytes), of the process or its largest descendant. */
  readonly peakRssMB: number;
}

/** Where GNU time is: `%e` and `%M` of the whole process tree, as the pandas reference is timed. */
export const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command under GNU time, its output to `stdoutFile` (or nowhere), and reads its wall time
 * and peak RSS.
 *
 * @param command - the program.
 * @param args - its arguments.
 * @param options - the working folder, the environment, and the file for its standard output.
 * @returns the timing.
 * @throws Error naming the command and its stderr when it exits other than 0.
 */
export function timedRun(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv; readonly stdoutFile?: string },
): TimedRun {
  const stdout = options.stdoutFile === undefined ? 'ignore' : openSync(options.stdoutFile, 'w');
  const child = spawnSync(GNU_TIME, ['-f', 'timed %e %M', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    stdio: ['ignore', stdout, 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (typeof stdout === 'number') closeSync(stdout);
  const timing = /timed (\d+(?:\.\d+)?) (\d+)\s*$/.exec(child.stderr ?? '');
  if (child.status !== 0 || !timing)
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${child.status}):\n${(child.stderr ?? '').slice(-2000)}`,
    );
  return { wallSeconds: Number(timing[1]), peakRssMB: (Number(timing[2]) * 1024) / 1e6 };
}
