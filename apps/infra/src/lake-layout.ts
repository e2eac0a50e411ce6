import { LAYER_LAYOUT, PREFIXES, type LayerLayout } from '@medallion/lake-layout';
import { Duration } from 'aws-cdk-lib';

/** The lake's prefixes (from `@medallion/lake-layout`, where they are defined). */
export { PREFIXES };

/**
 * A layer fed through a queue: an EventBridge rule sends its events to an SQS queue of its own, and
 * an event source mapping invokes the function with batches of them. For layers that coalesce a
 * batch into one piece of work (the aggregates over silver): a burst of events costs a few
 * invocations, not one each.
 */
export interface QueueTrigger {
  /** Events per invocation at most (SQS allows up to 10,000; Lambda's 6 MB request holds about 5,000 S3 events). */
  readonly batchSize: number;
  /** How long the mapping gathers events before invoking with fewer than `batchSize`. */
  readonly batchingWindow: Duration;
  /** Invocations at once (an SQS mapping's MaximumConcurrency; 2 is its minimum): the layer must bear concurrent runs. */
  readonly maxConcurrency: number;
}

/**
 * What the infra needs to know of one layer: its trigger, its rights, its sizing. Its layout entry's
 * fields (see `LayerLayout` in @medallion/lake-layout), less the output prefix (the rights say what
 * it writes), with the memory as `memorySize` (MB), the timeout and the queue's window as `Duration`s.
 */
export type LayerSpec = Omit<LayerLayout, 'outputPrefix' | 'memoryMb' | 'timeoutSeconds' | 'queue'> & {
  /** Memory in MB (CPU scales with it: 1,769 MB is one full vCPU). */
  readonly memorySize: number;
  /** Function timeout. */
  readonly timeout: Duration;
  /** Set to feed the layer through an SQS queue in batches (see {@link QueueTrigger}); unset, the rule invokes the function with each event. */
  readonly queue?: QueueTrigger;
};

/**
 * One layer's spec, from its layout entry: the same fields, its timeout and batching window as
 * `Duration`s and its memory as `memorySize`.
 *
 * @param layout - the layer's entry in `LAYER_LAYOUT`.
 * @returns the layer's spec.
 */
export function layerSpecOf(layout: LayerLayout): LayerSpec {
  const { memoryMb, timeoutSeconds, queue } = layout;
  return {
    name: layout.name,
    project: layout.project,
    inputPrefix: layout.inputPrefix,
    inputSuffixes: layout.inputSuffixes,
    acceptsRemovals: layout.acceptsRemovals,
    readPrefixes: layout.readPrefixes,
    readsVersions: layout.readsVersions,
    listPrefixes: layout.listPrefixes,
    writePrefixes: layout.writePrefixes,
    deletePrefixes: layout.deletePrefixes,
    memorySize: memoryMb,
    timeout: Duration.seconds(timeoutSeconds),
    ...(queue
      ? {
          queue: {
            batchSize: queue.batchSize,
            batchingWindow: Duration.seconds(queue.batchingWindowSeconds),
            maxConcurrency: queue.maxConcurrency,
          },
        }
      : {}),
    ...(layout.reservedConcurrency !== undefined ? { reservedConcurrency: layout.reservedConcurrency } : {}),
    ...(layout.checkpointPrefix !== undefined ? { checkpointPrefix: layout.checkpointPrefix } : {}),
  };
}

/** The layers medallion deploys: one per entry of `LAYER_LAYOUT` (see there for their sizing). */
export const LAYERS: readonly LayerSpec[] = LAYER_LAYOUT.map(layerSpecOf);
