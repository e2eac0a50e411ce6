import { goldLayer } from '@medallion/gold';
import { createLayerHandler } from '@medallion/layer-runtime';
import type { LocalS3 } from '@medallion/local-s3';
import { platinumLayer } from '@medallion/platinum';
import { forgetImmutableReads, forgetProcessCache } from '@medallion/silver-aggregate/testing';
import { createS3Client } from '@medallion/s3-io';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** The `workerData.role` of a thread that plays one aggregate function. */
const ROLE = 'medallion:bench-aggregate-function';

/** The message that makes a function thread forget what its process holds (`forgetProcessCache`, `forgetImmutableReads`). */
const FORGET_HELD = 'medallion:bench-forget-held';

/** What a function thread is told at start. */
interface FunctionData {
  readonly role: typeof ROLE;
  readonly layer: 'gold' | 'platinum';
  readonly endpoint: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * Gold and platinum as two functions, as on AWS (each its own Lambda, its own vCPU): each runs in a
 * worker thread of its own with its own S3 client, against the embedded S3 in the main thread. The
 * threads are started and their handlers made before the timed step (a warm Lambda's init).
 *
 * @param store - the embedded S3 the functions reach.
 * @param script - the module the threads run (this bundle: `import.meta.url` of its entry).
 * @returns `deliver` (one event to both; resolves when both returned), `forgetHeld` (both forget the
 *   checkpoint, writes and immutable reads their process holds, as a cold start would; the SDK
 *   client and its connections stay) and `close`.
 * @throws Error when a function's handler throws (its message).
 */
export async function startAggregateFunctions(
  store: LocalS3,
  script: URL,
): Promise<{
  deliver: (event: unknown) => Promise<void>;
  forgetHeld: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const workers = (['gold', 'platinum'] as const).map((layer) => {
    const data: FunctionData = { role: ROLE, layer, endpoint: store.endpoint, credentials: store.credentials };
    return new Worker(script, { workerData: data });
  });
  const reply = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      worker.once('message', (message: { error?: string }) =>
        message.error ? reject(new Error(message.error)) : resolve(),
      );
      worker.once('error', reject);
    });
  await Promise.all(workers.map(reply));
  const deliver = async (message: unknown): Promise<void> => {
    const done = workers.map(reply);
    for (const worker of workers) worker.postMessage(message);
    await Promise.all(done);
  };
  return {
    deliver,
    forgetHeld: () => deliver(FORGET_HELD),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * On a thread started by {@link startAggregateFunctions}: makes the layer's handler, says ready,
 * then runs the handler on each event posted and answers `{}` or `{ error }` (`FORGET_HELD`: forgets
 * what the process holds, answers `{}`).
 *
 * @returns true when this thread is such a function (the caller then does nothing else).
 */
export function serveAggregateFunction(): boolean {
  const data = workerData as Partial<FunctionData> | undefined;
  if (isMainThread || !parentPort || data?.role !== ROLE || !data.layer || !data.endpoint || !data.credentials)
    return false;
  const port = parentPort;
  const env = { s3: createS3Client({ endpoint: data.endpoint, region: 'us-east-1', credentials: data.credentials }) };
  const handler: (event: unknown) => Promise<unknown> =
    data.layer === 'gold' ? createLayerHandler(goldLayer, env) : createLayerHandler(platinumLayer, env);
  port.on('message', (event: unknown) => {
    if (event === FORGET_HELD) {
      forgetProcessCache();
      forgetImmutableReads();
      port.postMessage({});
      return;
    }
    handler(event).then(
      () => port.postMessage({}),
      (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
  port.postMessage({});
  return true;
}
