import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The workspace root, where a user runs `npm start`. */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What a finished `npm start` printed and returned. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm start -- ...args` in the workspace root as a user would, and waits for it to end.
 *
 * @param args - the arguments after `--`.
 * @returns exit code and output.
 */
export function npmStart(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', ...args], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last line of stdout, parsed as JSON (the `--json` summary). */
export function lastJsonLine(stdout: string): unknown {
  const lines = stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '');
}
