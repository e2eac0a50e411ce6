import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { isObjectRemoved, parseObjectEvents } from '@medallion/s3-events';
import { createS3Client } from '@medallion/s3-io';
import type { Context } from 'aws-lambda';
import { LayerInvocationError, type ObjectFailure } from './errors';
import type { LayerDefinition, LayerEnvironment } from './layer-definition';
import { selectObjects, type SkippedObject } from './select-objects';

/** What one handler invocation did. Lambda ignores the return value of an async invocation; the local runner reads it. */
export interface LayerInvocationReport<Result> {
  readonly layer: string;
  /** One entry per processed object (map layers) or one per recompute (aggregate layers). */
  readonly results: Result[];
  readonly skipped: SkippedObject[];
}

/** A Lambda handler for S3 notification or EventBridge events. */
export type LayerHandler<Result> = (event: unknown, context?: Context) => Promise<LayerInvocationReport<Result>>;

/** Overrides for tests and the local runner. */
export interface LayerHandlerOptions {
  /** The S3 client; by default one created on first use from the environment (see `createS3Client`). */
  readonly s3?: S3Client;
}

/**
 * Wraps a layer definition into a Lambda handler: parses the event (both shapes), skips what the
 * layer does not act on with a log line, and runs the layer. A map layer processes each object in
 * turn, and one failing object does not stop the others; an aggregate layer recomputes once per
 * invocation. The S3 client is created on the first invocation and reused (nothing is done at
 * import beyond creating the logger).
 *
 * @param layer - the layer definition.
 * @param options - an S3 client to use instead of the environment's.
 * @returns the handler: `(event, context) => Promise<LayerInvocationReport>`.
 * @throws (the handler) UnsupportedEventError for an event of another kind; LayerInvocationError
 *   after the loop when any object failed, so that Lambda's retries and dead-letter queue apply.
 */
export function createLayerHandler<Result>(layer: LayerDefinition<Result>, options: LayerHandlerOptions = {}): LayerHandler<Result> {
  const logger = new Logger({ serviceName: 'medallion', persistentKeys: { layer: layer.name } });
  let s3 = options.s3;
  return async (event, context) => {
    if (context) logger.addContext(context);
    s3 ??= createS3Client();
    const env: LayerEnvironment = { s3, logger };
    const { work, skipped } = selectObjects(parseObjectEvents(event), layer.inputPrefix, layer.inputSuffixes, layer.acceptsRemovals);
    for (const skip of skipped) logger.info('object skipped', { key: skip.key, reason: skip.reason });
    const results: Result[] = [];
    const failures: ObjectFailure[] = [];
    if (layer.kind === 'map') {
      for (const object of work) {
        try {
          const removal = isObjectRemoved(object) && layer.removeObject;
          results.push(await (removal ? removal.call(layer, env, object) : layer.processObject(env, object)));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          logger.error('object failed', { bucket: object.bucket, key: object.key, error: message });
          failures.push({ key: object.key, message });
        }
      }
    } else if (work.length > 0) {
      results.push(await layer.recompute(env, work[0]!.bucket));
    }
    if (failures.length > 0) throw new LayerInvocationError(layer.name, failures);
    return { layer: layer.name, results, skipped };
  };
}
