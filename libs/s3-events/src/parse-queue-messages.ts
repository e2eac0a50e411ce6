import type { ObjectEvent } from './object-event';
import { UnsupportedEventError } from './errors';
import { parseObjectEvents } from './parse-object-events';

/** One SQS message of a batch: the object events its body carries, or why it carries none that can be read. */
export type QueueMessage =
  | { readonly messageId: string; readonly events: ObjectEvent[] }
  | { readonly messageId: string; readonly error: string };

function isRecordOf(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether a Lambda event is an SQS batch (`{ Records: [{ eventSource: "aws:sqs", … }] }`), as an
 * SQS event source mapping delivers it.
 *
 * @param event - the Lambda event.
 * @returns true when every record is an SQS message.
 */
export function isQueueEvent(event: unknown): boolean {
  const records = isRecordOf(event) ? event['Records'] : undefined;
  return (
    Array.isArray(records) &&
    records.length > 0 &&
    records.every((record) => isRecordOf(record) && record['eventSource'] === 'aws:sqs')
  );
}

/**
 * Reads an SQS batch whose messages carry S3 events: each body is an S3 event notification (S3 →
 * SQS, or S3 → SNS raw delivery), S3's test event, or an EventBridge S3 event (EventBridge rule →
 * SQS target). A message whose body is none of these is kept with the reason, so that the handler
 * can report it as a failed batch item while the others go on.
 *
 * @param event - the Lambda event (see {@link isQueueEvent}).
 * @returns one entry per message, in order.
 * @throws UnsupportedEventError when the event is not an SQS batch.
 */
export function parseQueueMessages(event: unknown): QueueMessage[] {
  if (!isQueueEvent(event)) throw new UnsupportedEventError('the event is not an SQS batch');
  return (event as { Records: Array<Record<string, unknown>> }).Records.map((record, index) => {
    const messageId = typeof record['messageId'] === 'string' ? record['messageId'] : `Records[${index}]`;
    let body: unknown;
    try {
      body = JSON.parse(String(record['body']));
    } catch {
      return { messageId, error: 'the message body is not JSON' };
    }
    try {
      return { messageId, events: parseObjectEvents(body) };
    } catch (error) {
      return { messageId, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
