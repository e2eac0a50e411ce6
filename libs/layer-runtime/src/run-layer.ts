import { isObjectRemoved, type ObjectEvent } from '@medallion/s3-events';
import type { AggregateLayer, LayerEnvironment, MapLayer } from './layer-definition';
import { messageOf, recordFailure, type InvocationOutcome, type ParsedInvocation } from './layer-invocation';

/**
 * Runs a map layer on each object in turn (its `removeObject` for a removal, when it has one):
 * one failing object is logged and recorded, and does not stop the others.
 *
 * @param work - the objects the layer acts on.
 * @param outcome - receives each result and failure.
 */
export async function processEachObject<Result>(
  layer: MapLayer<Result>,
  env: LayerEnvironment,
  work: readonly ObjectEvent[],
  invocation: ParsedInvocation,
  outcome: InvocationOutcome<Result>,
): Promise<void> {
  for (const object of work) {
    try {
      const removal = isObjectRemoved(object) && layer.removeObject;
      outcome.results.push(await (removal ? removal.call(layer, env, object) : layer.processObject(env, object)));
    } catch (error) {
      const message = messageOf(error);
      env.logger.error('object failed', { bucket: object.bucket, key: object.key, error: message });
      recordFailure(outcome, invocation, object, message);
    }
  }
}

/**
 * Runs an aggregate layer once with all of the invocation's objects (nothing when there are none).
 * When it fails in an SQS batch, every message of the batch returns to the queue; otherwise the
 * failure is recorded, the metrics published (`publish`, with the failures' count) and the error
 * thrown again.
 *
 * @param outcome - receives the result or the failures.
 * @throws the aggregate's error, when the invocation is not an SQS batch.
 */
export async function recomputeAll<Result>(
  layer: AggregateLayer<Result>,
  env: LayerEnvironment,
  work: readonly ObjectEvent[],
  invocation: ParsedInvocation,
  outcome: InvocationOutcome<Result>,
  publish: (failed: number) => void,
): Promise<void> {
  const [first] = work;
  if (!first) return;
  try {
    outcome.results.push(await layer.recompute(env, first.bucket, work));
  } catch (error) {
    if (!invocation.queued) {
      outcome.failures.push({ key: first.key, message: messageOf(error) });
      publish(outcome.failures.length);
      throw error;
    }
    env.logger.error('aggregate failed: every message of the batch returns to the queue', { error: messageOf(error) });
    for (const object of work) recordFailure(outcome, invocation, object, messageOf(error));
  }
}
