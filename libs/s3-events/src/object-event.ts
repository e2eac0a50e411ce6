/** One object-level event, decoded, whatever shape it arrived in. */
export interface ObjectEvent {
  /** Where the event came from: an S3 event notification record or an EventBridge event. */
  readonly source: 's3-notification' | 'eventbridge';
  /** `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`, `ObjectRemoved:Delete`, … (EventBridge's `Object Created` is mapped to `ObjectCreated:<reason>`). */
  readonly eventName: string;
  /** ISO 8601 time of the event, e.g. `2026-11-29T12:00:00.000Z`. */
  readonly eventTime: string;
  readonly bucket: string;
  /** The object key, decoded exactly once: the key as stored in S3. */
  readonly key: string;
  /** Size in bytes, when the event carries it. */
  readonly size: number | undefined;
  /** ETag without quotes, when the event carries it. */
  readonly eTag: string | undefined;
  /** S3's per-key ordering token (hex), when the event carries it. */
  readonly sequencer: string | undefined;
}

/** Whether an event announces a new object (`ObjectCreated:*`: Put, Post, Copy, CompleteMultipartUpload). */
export function isObjectCreated(event: ObjectEvent): boolean {
  return event.eventName.startsWith('ObjectCreated:');
}

/** Whether an event announces a removed object (`ObjectRemoved:*`: Delete, DeleteMarkerCreated). */
export function isObjectRemoved(event: ObjectEvent): boolean {
  return event.eventName.startsWith('ObjectRemoved:');
}

/** S3's longest object key, in bytes of UTF-8 (Amazon S3 User Guide, "Naming objects"). */
export const MAX_OBJECT_KEY_BYTES = 1024;

/** The extensions that make an object a CSV table for the layers: exactly these, as the AWS rules match them. */
export const CSV_EXTENSIONS = ['.csv', '.CSV'] as const;

/**
 * Whether a key names a CSV table: it ends in `.csv` or `.CSV` (the two spellings the deployed
 * EventBridge rules match; EventBridge wildcards are case-sensitive, so `.Csv` is not one).
 *
 * @param key - an object key or file name.
 * @returns true for `a.csv` and `a.CSV`.
 */
export function hasCsvExtension(key: string): boolean {
  return CSV_EXTENSIONS.some((extension) => key.endsWith(extension));
}
