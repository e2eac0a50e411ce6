import { UnsupportedEventError } from './errors';
import type { ObjectEvent } from './object-event';
import { decodeS3EventKey } from './s3-key-encoding';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function fromNotificationRecord(record: unknown, index: number): ObjectEvent {
  const s3 = isObject(record) && isObject(record['s3']) ? record['s3'] : undefined;
  const bucket = s3 && isObject(s3['bucket']) ? text(s3['bucket']['name']) : undefined;
  const object = s3 && isObject(s3['object']) ? s3['object'] : undefined;
  const key = object ? text(object['key']) : undefined;
  if (!isObject(record) || bucket === undefined || object === undefined || key === undefined) {
    throw new UnsupportedEventError(`Records[${index}] is not an S3 event record (no s3.bucket.name or s3.object.key)`);
  }
  return {
    source: 's3-notification',
    eventName: text(record['eventName']) ?? '',
    eventTime: text(record['eventTime']) ?? '',
    bucket,
    key: decodeS3EventKey(key),
    size: count(object['size']),
    eTag: text(object['eTag']),
    sequencer: text(object['sequencer']),
  };
}

/** EventBridge `detail.reason` → the notification shape's event-name suffix. */
const EVENTBRIDGE_REASONS: Readonly<Record<string, string>> = {
  PutObject: 'Put',
  'POST Object': 'Post',
  CopyObject: 'Copy',
  CompleteMultipartUpload: 'CompleteMultipartUpload',
  DeleteObject: 'Delete',
  'Lifecycle Expiration': 'LifecycleExpiration',
};

const EVENTBRIDGE_NAMES: Readonly<Record<string, string>> = {
  'Object Created': 'ObjectCreated',
  'Object Deleted': 'ObjectRemoved',
};

function fromEventBridge(event: Json): ObjectEvent {
  const detail = isObject(event['detail']) ? event['detail'] : {};
  const bucket = isObject(detail['bucket']) ? text(detail['bucket']['name']) : undefined;
  const object = isObject(detail['object']) ? detail['object'] : {};
  const key = text(object['key']);
  if (bucket === undefined || key === undefined) {
    throw new UnsupportedEventError('EventBridge event has no detail.bucket.name or detail.object.key');
  }
  const reason = text(detail['reason']) ?? 'PutObject';
  return {
    source: 'eventbridge',
    eventName: `${EVENTBRIDGE_NAMES[String(event['detail-type'])]}:${EVENTBRIDGE_REASONS[reason] ?? reason}`,
    eventTime: text(event['time']) ?? '',
    bucket,
    key,
    size: count(object['size']),
    eTag: text(object['etag']),
    sequencer: text(object['sequencer']),
  };
}

function fromQueueMessage(record: unknown, index: number): ObjectEvent[] {
  const body = isObject(record) ? text(record['body']) : undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    throw new UnsupportedEventError(`Records[${index}] is an SQS message whose body is not JSON`);
  }
  return parseObjectEvents(parsed);
}

/**
 * Turns a Lambda event into decoded object events. Accepts the S3 event notification shape
 * (`{ Records: [...] }`, keys URL-encoded: decoded here once), the EventBridge shape
 * (`detail-type` `Object Created`/`Object Deleted`, source `aws.s3`, key not encoded: kept as is),
 * and an SQS batch whose message bodies are either (see `parseQueueMessages` to keep them apart).
 * S3's test event (`"Event": "s3:TestEvent"`) gives no events. Unused envelope fields are ignored.
 *
 * @param event - the Lambda event as received.
 * @returns the object events, in the order of the input records.
 * @throws UnsupportedEventError for any other input (in an SQS batch, any other message body).
 */
export function parseObjectEvents(event: unknown): ObjectEvent[] {
  if (!isObject(event)) throw new UnsupportedEventError('the event is not a JSON object');
  if (event['Event'] === 's3:TestEvent') return [];
  if (
    Array.isArray(event['Records']) &&
    event['Records'].some((record) => isObject(record) && record['eventSource'] === 'aws:sqs')
  ) {
    return event['Records'].flatMap(fromQueueMessage);
  }
  if (Array.isArray(event['Records'])) return event['Records'].map(fromNotificationRecord);
  if (event['source'] === 'aws.s3' && String(event['detail-type']) in EVENTBRIDGE_NAMES)
    return [fromEventBridge(event)];
  throw new UnsupportedEventError('the event is neither an S3 event notification nor an EventBridge S3 event');
}
