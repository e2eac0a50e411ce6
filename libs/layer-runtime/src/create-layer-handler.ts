import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createS3Client } from '@medallion/s3-io';
import { InvalidSettingError, readSetting, S3_ENDPOINT, type Setting } from '@medallion/settings';
import type { Context } from 'aws-lambda';
import { LayerInvocationError } from './errors';
import type { LayerDefinition, LayerEnvironment } from './layer-definition';
import { outcomeOf, parseInvocation, type InvocationOutcome, type ParsedInvocation } from './layer-invocation';
import { processEachObject, recomputeAll } from './run-layer';
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

/**
 * A Lambda handler for S3 notification, EventBridge or SQS-wrapped S3 events:
 * `(event, context?) => Promise<LayerInvocationReport<Result>>`, with `withS3Client`.
 */
export type LayerHandler<Result> = ((event: unknown, context?: Context) => Promise<LayerInvocationReport<Result>>) & {
  /**
   * The same handler (layer, settings) on another S3 client: how the local runner gives every
   * layer's exported handler its embedded store, without setting `MEDALLION_S3_ENDPOINT`.
   *
   * @param s3 - the client every invocation of the new handler uses.
   * @returns a new handler; this one is unchanged.
   */
  readonly withS3Client: (s3: S3Client) => LayerHandler<Result>;
};

/** Overrides for tests and the local runner. */
export interface LayerHandlerOptions {
  /** The S3 client; by default one created on first use from the environment (see `createS3Client`). */
  readonly s3?: S3Client;
  /**
   * The settings the layer reads (from the registry, `@medallion/settings`), checked at the start
   * of every invocation: a bad value fails the invocation with its `InvalidSettingError` (logged),
   * before any object is touched; `MEDALLION_S3_ENDPOINT` is not checked when `s3` is given (it is
   * not used). @default none
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
 * @returns the handler: `(event, context) => Promise<LayerInvocationReport>`, and its `withS3Client`.
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
  // A handler given its client never reads MEDALLION_S3_ENDPOINT, so a value of it cannot fail it.
  const settings = (options.settings ?? []).filter((setting) => s3 === undefined || setting !== S3_ENDPOINT);
  const invoke = async (event: unknown, context?: Context): Promise<LayerInvocationReport<Result>> => {
    const started = performance.now();
    if (context) logger.addContext(context);
    checkSettings(settings, logger);
    s3 ??= createS3Client();
    const env: LayerEnvironment = { s3, logger };
    const invocation = parseInvocation(event);
    const { work, skipped } = selectObjects(
      invocation.events,
      layer.inputPrefix,
      layer.inputSuffixes,
      layer.acceptsRemovals,
    );
    logNotActedOn(logger, skipped, invocation);
    const outcome = outcomeOf<Result>(invocation);
    const publish = (failed: number): void =>
      publishMetrics(metrics, layer, outcome.results, failed, performance.now() - started);
    if (layer.kind === 'map') await processEachObject(layer, env, work, invocation, outcome);
    else await recomputeAll(layer, env, work, invocation, outcome, publish);
    publish(outcome.failures.length + invocation.unreadable.length);
    return invocationReport(layer.name, invocation, outcome, skipped);
  };
  return Object.assign(invoke, {
    withS3Client: (client: S3Client) => createLayerHandler(layer, { ...options, s3: client }),
  });
}

/** Logs the objects skipped and the messages that could not be read. */
function logNotActedOn(logger: Logger, skipped: readonly SkippedObject[], invocation: ParsedInvocation): void {
  for (const skip of skipped) logger.info('object skipped', { key: skip.key, reason: skip.reason });
  for (const message of invocation.unreadable)
    logger.error('message not read', { messageId: message.messageId, error: message.error });
}

/**
 * The invocation's report: for an SQS batch, with the failed messages as `batchItemFailures`.
 *
 * @throws LayerInvocationError when any object failed and the invocation is not an SQS batch.
 */
function invocationReport<Result>(
  layer: string,
  invocation: ParsedInvocation,
  { results, failures, failedMessages }: InvocationOutcome<Result>,
  skipped: SkippedObject[],
): LayerInvocationReport<Result> {
  if (invocation.queued)
    return reportOf({
      layer,
      results,
      skipped,
      batchItemFailures: [...failedMessages].map((itemIdentifier) => ({ itemIdentifier })),
    });
  if (failures.length > 0) throw new LayerInvocationError(layer, failures);
  return reportOf({ layer, results, skipped });
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
