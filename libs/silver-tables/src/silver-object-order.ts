import { compareSequencers } from '@medallion/s3-events';

/** Where a silver object stands in ingest order: from its bronze object's event. */
export interface SilverObjectOrder {
  /** The bronze event time, ISO 8601; empty when unknown (sorts first). */
  readonly eventTime: string;
  /** The bronze event's sequencer, hex; empty when unknown. */
  readonly sequencer: string;
  /** The silver object key: the last tie-breaker. */
  readonly key: string;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two silver objects by ingest: the later bronze event time wins, then the higher
 * sequencer, then the key (code-unit order).
 *
 * @returns negative when `a` came first, positive when `b` did, 0 for the same object.
 */
export function compareSilverObjects(a: SilverObjectOrder, b: SilverObjectOrder): number {
  const timeA = a.eventTime ? Date.parse(a.eventTime) : Number.NEGATIVE_INFINITY;
  const timeB = b.eventTime ? Date.parse(b.eventTime) : Number.NEGATIVE_INFINITY;
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return compareSequencers(a.sequencer, b.sequencer) || compareText(a.key, b.key);
}
