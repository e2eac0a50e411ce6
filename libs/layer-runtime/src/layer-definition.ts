import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ObjectEvent } from '@medallion/s3-events';

/** What the runtime hands a layer's code for one invocation. */
export interface LayerEnvironment {
  /** The shared S3 client of this process. */
  readonly s3: S3Client;
  /** Structured JSON logger (Powertools), already carrying the layer's name. Never log row contents. */
  readonly logger: Logger;
}

/** One CloudWatch metric value a layer reports for a result: name, unit, value. */
export interface LayerMetric {
  /** e.g. `RowsIn`, `RuleFailures.customer-id-present`. */
  readonly name: string;
  readonly unit: 'Count' | 'Milliseconds' | 'Bytes';
  readonly value: number;
}

interface LayerBase {
  /** Short name, e.g. `silver`; used in logs and reports. */
  readonly name: string;
  /** The prefix whose objects trigger the layer, e.g. `bronze/`. */
  readonly inputPrefix: string;
  /** Key endings that trigger the layer (case-sensitive, as EventBridge wildcards are), e.g. `['.csv', '.CSV']`. */
  readonly inputSuffixes: readonly string[];
  /** The prefix the layer writes its tables under, e.g. `silver/`. */
  readonly outputPrefix: string;
  /** The layer also acts on `ObjectRemoved:*` events under its input prefix. */
  readonly acceptsRemovals: boolean;
}

interface LayerMetrics<Result> {
  /**
   * The metrics of one result (a processed object, or a recompute), published as CloudWatch EMF.
   *
   * @param result - what the layer returned.
   * @returns the metric values.
   */
  metricsOf?(result: Result): readonly LayerMetric[];
}

/** A layer that turns one input object into one output object (like silver). */
export interface MapLayer<Result> extends LayerBase, LayerMetrics<Result> {
  readonly kind: 'map';
  /**
   * Processes one created input object.
   *
   * @param env - S3 client and logger.
   * @param object - the decoded event of the object, already checked to be a `.csv` under the input prefix.
   * @returns the layer's report for the object.
   * @throws on a failure that a retry may fix (storage); a file the layer refuses is a result, not an error.
   */
  processObject(env: LayerEnvironment, object: ObjectEvent): Promise<Result>;
  /**
   * Handles a removed input object (when `acceptsRemovals`): removes what the layer derived from it.
   *
   * @param env - S3 client and logger.
   * @param object - the decoded removal event.
   * @returns the layer's report for the object.
   */
  removeObject?(env: LayerEnvironment, object: ObjectEvent): Promise<Result>;
}

/** How an aggregate layer's events reach it when they come through a queue (SQS on AWS, the local router's batches locally). */
export interface QueueDelivery {
  /** Events (messages) per invocation at most. */
  readonly batchSize: number;
  /** How long events are gathered before an invocation with fewer than `batchSize` (seconds). */
  readonly batchingWindowSeconds: number;
  /** Invocations at once on AWS (the event source mapping's MaximumConcurrency, 2 or more). */
  readonly maxConcurrency: number;
}

/** A layer that recomputes one output table from every object under its input prefix (like gold). */
export interface AggregateLayer<Result> extends LayerBase, LayerMetrics<Result> {
  readonly kind: 'aggregate';
  /**
   * Set when the layer takes its events in batches from a queue (an SQS event source mapping on
   * AWS), which it can do because it coalesces them (see `createSilverAggregateLayer`); unset, one
   * event per invocation (an EventBridge rule invoking it directly).
   */
  readonly queue?: QueueDelivery;
  /**
   * Brings the layer's output up to all of its input prefix. Called once per invocation, however
   * many events (created or, with `acceptsRemovals`, removed) the invocation carries; a layer may
   * use the events to see that nothing changed (an incremental one), or ignore them and recompute.
   *
   * @param env - S3 client and logger.
   * @param bucket - the bucket of the triggering events.
   * @param events - the invocation's events the layer acts on (under its prefix, with its suffixes), in order.
   * @returns the layer's report.
   * @throws on a failure that a retry may fix.
   */
  recompute(env: LayerEnvironment, bucket: string, events: readonly ObjectEvent[]): Promise<Result>;
}

/** Either kind of layer. */
export type LayerDefinition<Result> = MapLayer<Result> | AggregateLayer<Result>;
