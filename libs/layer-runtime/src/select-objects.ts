import { isObjectCreated, isObjectRemoved, type ObjectEvent } from '@medallion/s3-events';

/** An event the layer does not act on, with the reason logged. */
export interface SkippedObject {
  readonly key: string;
  readonly reason: string;
}

/**
 * Splits decoded events into those a layer acts on and those it skips: only `ObjectCreated:*`
 * (and, when asked, `ObjectRemoved:*`) events for keys under the layer's input prefix that end in one of its suffixes; folder
 * placeholders (keys ending in `/`) and everything outside the prefix (the guard against a layer
 * triggering itself) are skipped.
 *
 * @param events - decoded object events.
 * @param inputPrefix - e.g. `bronze/`.
 * @param inputSuffixes - e.g. `['.csv', '.CSV']`.
 * @param acceptsRemovals - also keep `ObjectRemoved:*` events. @default false
 * @returns the events to process, in order, and the skipped ones with reasons.
 */
export function selectObjects(
  events: readonly ObjectEvent[],
  inputPrefix: string,
  inputSuffixes: readonly string[],
  acceptsRemovals = false,
): { work: ObjectEvent[]; skipped: SkippedObject[] } {
  const work: ObjectEvent[] = [];
  const skipped: SkippedObject[] = [];
  for (const event of events) {
    const reason = !(isObjectCreated(event) || (acceptsRemovals && isObjectRemoved(event)))
      ? `not an ObjectCreated${acceptsRemovals ? ' or ObjectRemoved' : ''} event (${event.eventName})`
      : !event.key.startsWith(inputPrefix)
        ? `outside the input prefix ${inputPrefix}`
        : event.key.endsWith('/')
          ? 'a folder placeholder'
          : !inputSuffixes.some((suffix) => event.key.endsWith(suffix))
            ? `not a ${inputSuffixes.join(' or ')} object`
            : undefined;
    if (reason) skipped.push({ key: event.key, reason });
    else work.push(event);
  }
  return { work, skipped };
}
