import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace this test runs in. */
export const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

/** node_modules entries not shared with a copy: the workspace's own packages (linked to the copy's projects instead) and tool caches. */
const NOT_SHARED = new Set(['@medallion', '.vite', '.cache', '.package-lock.json']);

/**
 * Copies the workspace's source files (what git tracks, and new files it does not ignore: on a
 * fresh clone exactly the tracked files) to a new temporary folder, and gives it a node_modules of
 * its own: a link to each installed package of the workspace, and `@medallion/<project>` links to
 * the copy's own projects, as `npm install` makes them. Build outputs, caches and the lake are not copied.
 *
 * @returns the copy's folder.
 */
export function copyWorkspace(): string {
  const copy = mkdtempSync(join(tmpdir(), 'medallion-layer-e2e-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: WORKSPACE,
  })
    .toString('utf8')
    .split('\0');
  for (const file of files) {
    const source = join(WORKSPACE, file);
    if (file === '' || !existsSync(source) || !lstatSync(source).isFile()) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(source, join(copy, file));
  }
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync(join(WORKSPACE, 'node_modules'))) {
    if (!NOT_SHARED.has(entry)) symlinkSync(join(WORKSPACE, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  mkdirSync(join(copy, 'node_modules', '@medallion'));
  for (const group of ['apps', 'libs', 'tools']) {
    for (const project of readdirSync(join(copy, group))) linkWorkspacePackage(copy, `${group}/${project}`);
  }
  return copy;
}

/**
 * Links one project of a copy into its `node_modules/@medallion/` by its package name, with a
 * relative link as npm's workspaces make (what `npm install` does for a generated project).
 *
 * @param copy - the copy's folder.
 * @param projectFolder - e.g. `libs/platinum`.
 */
export function linkWorkspacePackage(copy: string, projectFolder: string): void {
  const manifest = join(copy, projectFolder, 'package.json');
  if (!existsSync(manifest)) return;
  const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
  if (!name?.startsWith('@medallion/')) return;
  const link = join(copy, 'node_modules', name);
  symlinkSync(relative(dirname(link), join(copy, projectFolder)), link);
}

/** What a finished command printed and returned. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * Runs a command in a folder with the CI environment (no Nx daemon, no Nx Cloud, no TUI) and
 * without the variables of the Nx task and the vitest worker running this test.
 *
 * @param folder - the working folder.
 * @param command - the program, e.g. `npx`.
 * @param args - its arguments.
 * @returns exit code, output and wall time.
 */
export function runIn(folder: string, command: string, args: readonly string[]): Promise<CommandResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(NX_|VITEST|npm_|INIT_CWD$)/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}
