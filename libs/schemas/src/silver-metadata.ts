/**
 * User-metadata keys (stored as `x-amz-meta-*`) that silver puts on each silver object to name its
 * bronze source, for a person or tool that finds the object alone. The aggregates do not read them:
 * they order records by the facts in the customer table and the manifest.
 */
export const SILVER_METADATA = {
  /** The bronze key, URL-encoded (metadata must be ASCII). */
  bronzeKey: 'bronze-key',
  /** The bronze object's ETag as read. */
  bronzeETag: 'bronze-etag',
  /** The bronze event's time (ISO 8601): gold's first ordering key. */
  eventTime: 'bronze-event-time',
  /** The bronze event's sequencer (hex): gold's second ordering key. */
  sequencer: 'bronze-sequencer',
} as const;
