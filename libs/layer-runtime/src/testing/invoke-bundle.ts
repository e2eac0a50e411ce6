import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { lambdaNodeBinary } from './lambda-node';

/** What one invocation of a bundle's `handler` gave, in the child process that ran it. */
export type BundleInvocation<T> = {
  /** `process.version` of the Node.js that ran the bundle, e.g. `v24.22.3`. */
  readonly node: string;
} & (
  | {
      /** What the handler returned, all of it (the layer's invocation report). */
      readonly result: T;
      /** What Lambda would answer with: the result as JSON (a report's `toJSON`: counts only). */
      readonly response: unknown;
    }
  | { readonly error: { readonly name: string; readonly message: string } }
);

/** The child's script (a file: worker threads inherit `execArgv`, so it cannot be an `--eval`). */
const CHILD = fileURLToPath(new URL('./invoke-bundle-child.mjs', import.meta.url));

/**
 * Runs a built Lambda bundle as Lambda would: in a Node 24 process of its own (see
 * {@link lambdaNodeBinary}; the machine's Node.js where that binary is not installed), with only
 * the given environment besides `PATH` and `HOME`, invoking its `handler` once per event, in order.
 * The handler's logs are kept, and quoted in the error when the child fails without answering.
 *
 * @param bundle - absolute path of the bundle (`dist/apps/<app>/index.mjs`).
 * @param events - the events (JSON-serialisable: real S3 event JSON).
 * @param env - the child's environment, e.g. `localS3Environment(store)` and `MEDALLION_*` settings.
 * @returns one answer per event: the handler's result (its own enumerable properties) and its JSON, or
 *   its error's name and message.
 * @throws Error when the child exits without answering (a crash at import, a signal).
 */
export function invokeBundle<T>(
  bundle: string,
  events: readonly unknown[],
  env: Readonly<Record<string, string>>,
): Promise<Array<BundleInvocation<T>>> {
  const node = lambdaNodeBinary() ?? process.execPath;
  const child = spawn(node, [CHILD, bundle, JSON.stringify(events)], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let answer = '';
  let logs = '';
  const [, stdout, stderr, answers] = child.stdio as unknown as [null, Readable, Readable, Readable];
  answers.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
  for (const stream of [stdout, stderr])
    stream.on('data', (chunk: Buffer) => (logs = (logs + chunk.toString('utf8')).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (answer === '') reject(new Error(`${node} ${bundle}: exited ${signal ?? code} without an answer:\n${logs}`));
      else resolve(JSON.parse(answer) as Array<BundleInvocation<T>>);
    });
  });
}
