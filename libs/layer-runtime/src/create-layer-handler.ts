import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
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

/** Publishes one invocation's metrics as CloudWatch EMF (a JSON log line): the layer's own per result, then failures and duration. */
function publishMetrics<Result>(metrics: Metrics, layer: LayerDefinition<Result>, results: readonly Result[], failed: number, durationMs: number): void {
  const units = { Count: MetricUnit.Count, Milliseconds: MetricUnit.Milliseconds, Bytes: MetricUnit.Bytes } as const;
  const totals = new Map<string, { unit: keyof typeof units; value: number }>();
  for (const result of results) {
    for (const metric of layer.metricsOf?.(result) ?? []) {
      const total = totals.get(metric.name);
      totals.set(metric.name, { unit: metric.unit, value: (total?.value ?? 0) + metric.value });
    }
  }
  for (const [name, { unit, value }] of totals) metrics.addMetric(name, units[unit], value);
  metrics.addMetric('FailedObjects', MetricUnit.Count, failed);
  metrics.addMetric('Duration', MetricUnit.Milliseconds, Math.round(durationMs));
  metrics.publishStoredMetrics();
}

/**
 * Wraps a layer definition into a Lambda handler: parses the event (both shapes), skips what the
 * layer does not act on with a log line, and runs the layer. A map layer processes each object in
 * turn, and one failing object does not stop the others; an aggregate layer recomputes once per
 * invocation. The S3 client is created on the first invocation and reused (nothing is done at
 * import beyond creating the logger and the metrics buffer). Each invocation publishes Powertools
 * Metrics (CloudWatch EMF, namespace `medallion`, dimension `layer`): the layer's own
 * (`metricsOf`), `FailedObjects` and `Duration` (ms); `POWERTOOLS_METRICS_DISABLED=true` turns them off.
 *
 * @param layer - the layer definition.
 * @param options - an S3 client to use instead of the environment's.
 * @returns the handler: `(event, context) => Promise<LayerInvocationReport>`.
 * @throws (the handler) UnsupportedEventError for an event of another kind; LayerInvocationError
 *   after the loop when any object failed, so that Lambda's retries and dead-letter queue apply.
 */
export function createLayerHandler<Result>(layer: LayerDefinition<Result>, options: LayerHandlerOptions = {}): LayerHandler<Result> {
  const logger = new Logger({ serviceName: 'medallion', persistentKeys: { layer: layer.name } });
  const metrics = new Metrics({ namespace: 'medallion', serviceName: 'medallion', defaultDimensions: { layer: layer.name } });
  let s3 = options.s3;
  return async (event, context) => {
    const started = performance.now();
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
      try {
        results.push(await layer.recompute(env, work[0]!.bucket));
      } catch (error) {
        failures.push({ key: work[0]!.key, message: error instanceof Error ? error.message : String(error) });
        publishMetrics(metrics, layer, results, failures.length, performance.now() - started);
        throw error;
      }
    }
    publishMetrics(metrics, layer, results, failures.length, performance.now() - started);
    if (failures.length > 0) throw new LayerInvocationError(layer.name, failures);
    return { layer: layer.name, results, skipped };
  };
}
