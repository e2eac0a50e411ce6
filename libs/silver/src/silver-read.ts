import type { LayerEnvironment } from '@medallion/layer-runtime';
import type { ObjectEvent } from '@medallion/s3-events';
import { isMissingObject, openObject } from '@medallion/s3-io';
import { skipStale } from './silver-commit';
import type { SilverStale } from './silver-result';

/** An open bronze object: its body stream, ETag and length in bytes. */
export type OpenBronze = Awaited<ReturnType<typeof openObject>>;

/**
 * The read step: opens the bronze object the event names.
 *
 * @returns the open object; or the stale result when it was deleted after the event, or changed
 *   since (its ETag differs from the event's; the body is closed then).
 * @throws the SDK's errors other than a missing object.
 */
export async function openBronze(env: LayerEnvironment, object: ObjectEvent): Promise<OpenBronze | SilverStale> {
  let bronze: OpenBronze;
  try {
    bronze = await openObject(env.s3, object.bucket, object.key);
  } catch (error) {
    if (!isMissingObject(error)) throw error;
    const reason = 'the object no longer exists: it was deleted after this event';
    return skipStale(env, object, reason);
  }
  if (object.eTag !== undefined && object.eTag !== bronze.eTag) {
    bronze.body.destroy();
    const reason = 'the object changed since this event (its ETag differs): the newer version has its own event';
    return skipStale(env, object, reason, bronze.eTag);
  }
  return bronze;
}
