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
