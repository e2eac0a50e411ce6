import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  isObjectRemoved,
  isQueueEvent,
  parseObjectEvents,
  parseQueueMessages,
  type ObjectEvent,
} from '@medallion/s3-events';
import { createS3Client } from '@medallion/s3-io';
import { InvalidSettingError, readSetting, type Setting } from '@medallion/settings';
import type { Context } from 'aws-lambda';
import { LayerInvocationError, type ObjectFailure } from './errors';
import type { LayerDefinition, LayerEnvironment } from './layer-definition';
import { selectObjects, type SkippedObject } from './select-objects';

/**
 * What one handler invocation did. Lambda ignores the return value of an asynchronous invocation
 * and reads `batchItemFailures` from an SQS-triggered one; the local runner reads all of it.
 */
export interface LayerInvocationReport<Result> {
  readonly layer: string;
  /** One entry per processed object (map layers) or one per recompute (aggregate layers). */
  readonly results: Result[];
  readonly skipped: SkippedObject[];
  /**
   * For an SQS batch (an event source mapping with `ReportBatchItemFailures`): the messages that
   * failed and go back to the queue, by message ID; the others are done. Absent for other events.
   */
  readonly batchItemFailures?: ReadonlyArray<{ readonly itemIdentifier: string }>;
}

/** A Lambda handler for S3 notification, EventBridge or SQS-wrapped S3 events. */
export type LayerHandler<Result> = (event: unknown, context?: Context) => Promise<LayerInvocationReport<Result>>;

/** Overrides for tests and the local runner. */
export interface LayerHandlerOptions {
  /** The S3 client; by default one created on first use from the environment (see `createS3Client`). */
  readonly s3?: S3Client;
  /**
   * The settings the layer reads (from the registry, `@medallion/settings`), checked at the start
   * of every invocation: a bad value fails the invocation with its `InvalidSettingError` (logged),
   * before any object is touched. @default none
   */
  readonly settings?: readonly Setting<unknown>[];
}

/** Reads each setting from the environment; logs and rethrows the first refusal. */
function checkSettings(settings: readonly Setting<unknown>[], logger: Logger): void {
  try {
    for (const setting of settings) readSetting(process.env, setting);
  } catch (error) {
    if (error instanceof InvalidSettingError)
      logger.error('setting refused', { variable: error.variable, error: error.message });
    throw error;
  }
}

/** Publishes one invocation's metrics as CloudWatch EMF (a JSON log line): the layer's own per result, then failures and duration. */
function publishMetrics<Result>(
  metrics: Metrics,
  layer: LayerDefinition<Result>,
  results: readonly Result[],
  failed: number,
  durationMs: number,
): void {
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

/** The invocation's object events, each with the SQS message it came in (when it came in one), and the messages that could not be read. */
interface ParsedInvocation {
  readonly events: ObjectEvent[];
  readonly messageOf: ReadonlyMap<ObjectEvent, string>;
  readonly unreadable: ReadonlyArray<{ readonly messageId: string; readonly error: string }>;
  readonly queued: boolean;
}

function parseInvocation(event: unknown): ParsedInvocation {
  if (!isQueueEvent(event))
    return { events: parseObjectEvents(event), messageOf: new Map(), unreadable: [], queued: false };
  const events: ObjectEvent[] = [];
  const messageOf = new Map<ObjectEvent, string>();
  const unreadable: Array<{ messageId: string; error: string }> = [];
  for (const message of parseQueueMessages(event)) {
    if ('error' in message) unreadable.push(message);
    else
      for (const object of message.events) {
        events.push(object);
        messageOf.set(object, message.messageId);
      }
  }
  return { events, messageOf, unreadable, queued: true };
}

/**
 * Wraps a layer definition into a Lambda handler: parses the event (S3 notification, EventBridge,
 * or an SQS batch of either), skips what the layer does not act on with a log line, and runs the
 * layer. A map layer processes each object in turn, and one failing object does not stop the
 * others; an aggregate layer runs once per invocation with all of its events. The S3 client is
 * created on the first invocation and reused (nothing is done at import beyond creating the logger
 * and the metrics buffer). Each invocation publishes Powertools Metrics (CloudWatch EMF, namespace
 * `medallion`, dimension `layer`): the layer's own (`metricsOf`), `FailedObjects` and `Duration`
 * (ms); `POWERTOOLS_METRICS_DISABLED=true` turns them off.
 *
 * Failures: for an SQS batch the handler returns `batchItemFailures` (the messages whose objects
 * failed, every message of a failed aggregate, and messages it cannot read), so that only those
 * return to the queue; for other events it throws after trying every object.
 *
 * @param layer - the layer definition.
 * @param options - an S3 client to use instead of the environment's.
 * @returns the handler: `(event, context) => Promise<LayerInvocationReport>`.
 * @throws (the handler) InvalidSettingError for a value of `options.settings` its parser does not
 *   accept, on every invocation until it is fixed; UnsupportedEventError for an event of another kind; LayerInvocationError
 *   after the loop when any object failed (not for SQS batches), so that Lambda's retries and
 *   dead-letter queue apply; an aggregate's error.
 */
export function createLayerHandler<Result>(
  layer: LayerDefinition<Result>,
  options: LayerHandlerOptions = {},
): LayerHandler<Result> {
  const logger = new Logger({ serviceName: 'medallion', persistentKeys: { layer: layer.name } });
  const metrics = new Metrics({
    namespace: 'medallion',
    serviceName: 'medallion',
    defaultDimensions: { layer: layer.name },
  });
  let s3 = options.s3;
  return async (event, context) => {
    const started = performance.now();
    if (context) logger.addContext(context);
    checkSettings(options.settings ?? [], logger);
    s3 ??= createS3Client();
    const env: LayerEnvironment = { s3, logger };
    const invocation = parseInvocation(event);
    const { work, skipped } = selectObjects(
      invocation.events,
      layer.inputPrefix,
      layer.inputSuffixes,
      layer.acceptsRemovals,
    );
    for (const skip of skipped) logger.info('object skipped', { key: skip.key, reason: skip.reason });
    for (const message of invocation.unreadable)
      logger.error('message not read', { messageId: message.messageId, error: message.error });
    const results: Result[] = [];
    const failures: ObjectFailure[] = [];
    const failedMessages = new Set(invocation.unreadable.map((message) => message.messageId));
    const fail = (object: ObjectEvent, error: unknown): void => {
      const message = error instanceof Error ? error.message : String(error);
      logger.error('object failed', { bucket: object.bucket, key: object.key, error: message });
      failures.push({ key: object.key, message });
      const messageId = invocation.messageOf.get(object);
      if (messageId !== undefined) failedMessages.add(messageId);
    };
    if (layer.kind === 'map') {
      for (const object of work) {
        try {
          const removal = isObjectRemoved(object) && layer.removeObject;
          results.push(await (removal ? removal.call(layer, env, object) : layer.processObject(env, object)));
        } catch (error) {
          fail(object, error);
        }
      }
    } else if (work.length > 0) {
      try {
        results.push(await layer.recompute(env, work[0]!.bucket, work));
      } catch (error) {
        if (!invocation.queued) {
          failures.push({ key: work[0]!.key, message: error instanceof Error ? error.message : String(error) });
          publishMetrics(metrics, layer, results, failures.length, performance.now() - started);
          throw error;
        }
        logger.error('aggregate failed: every message of the batch returns to the queue', {
          error: error instanceof Error ? error.message : String(error),
        });
        for (const object of work) {
          failures.push({ key: object.key, message: error instanceof Error ? error.message : String(error) });
          const messageId = invocation.messageOf.get(object);
          if (messageId !== undefined) failedMessages.add(messageId);
        }
      }
    }
    publishMetrics(
      metrics,
      layer,
      results,
      failures.length + invocation.unreadable.length,
      performance.now() - started,
    );
    if (invocation.queued)
      return reportOf({
        layer: layer.name,
        results,
        skipped,
        batchItemFailures: [...failedMessages].map((itemIdentifier) => ({ itemIdentifier })),
      });
    if (failures.length > 0) throw new LayerInvocationError(layer.name, failures);
    return reportOf({ layer: layer.name, results, skipped });
  };
}

/**
 * The report with what Lambda serializes as the function's response (JSON, at most 6 MB for an
 * SQS-triggered function): the layer, counts and `batchItemFailures`, not the results, which may
 * hold a million Customer IDs; in-process callers (the local runner, tests) read the results.
 */
function reportOf<Result>(report: LayerInvocationReport<Result>): LayerInvocationReport<Result> {
  const response = () => ({
    layer: report.layer,
    results: report.results.length,
    skipped: report.skipped.length,
    ...(report.batchItemFailures ? { batchItemFailures: report.batchItemFailures } : {}),
  });
  return Object.defineProperty(report, 'toJSON', { value: response, enumerable: false });
}
