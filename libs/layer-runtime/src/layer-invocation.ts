import { isQueueEvent, parseObjectEvents, parseQueueMessages, type ObjectEvent } from '@medallion/s3-events';
import type { ObjectFailure } from './errors';

/** The invocation's object events, each with the SQS message it came in (when it came in one), and the messages that could not be read. */
export interface ParsedInvocation {
  readonly events: ObjectEvent[];
  readonly messageOf: ReadonlyMap<ObjectEvent, string>;
  readonly unreadable: ReadonlyArray<{ readonly messageId: string; readonly error: string }>;
  readonly queued: boolean;
}

/**
 * Parses an invocation's event: an S3 notification or EventBridge event, or an SQS batch of either.
 *
 * @param event - the event as Lambda gives it.
 * @returns its object events, the message each came in, and the messages that could not be read.
 * @throws UnsupportedEventError for an event of another kind.
 */
export function parseInvocation(event: unknown): ParsedInvocation {
  if (!isQueueEvent(event))
    return { events: parseObjectEvents(event), messageOf: new Map(), unreadable: [], queued: false };
  const events: ObjectEvent[] = [];
  const messageOf = new Map<ObjectEvent, string>();
  const unreadable: Array<{ messageId: string; error: string }> = [];
  for (const message of parseQueueMessages(event)) {
    if ('error' in message) unreadable.push(message);
    else
      for (const object of message.events) {
        events.push(object);
        messageOf.set(object, message.messageId);
      }
  }
  return { events, messageOf, unreadable, queued: true };
}

/** What an invocation's objects gave: results, failures, and the SQS messages that go back to the queue. */
export interface InvocationOutcome<Result> {
  readonly results: Result[];
  readonly failures: ObjectFailure[];
  /** Message IDs of the SQS messages that failed (those that could not be read, and those of failed objects). */
  readonly failedMessages: Set<string>;
}

/** An empty outcome, in which the messages that could not be read have failed already. */
export function outcomeOf<Result>(invocation: ParsedInvocation): InvocationOutcome<Result> {
  return {
    results: [],
    failures: [],
    failedMessages: new Set(invocation.unreadable.map((message) => message.messageId)),
  };
}

/** Records that an object failed, and that the message it came in (if any) returns to the queue. */
export function recordFailure<Result>(
  outcome: InvocationOutcome<Result>,
  invocation: ParsedInvocation,
  object: ObjectEvent,
  message: string,
): void {
  outcome.failures.push({ key: object.key, message });
  const messageId = invocation.messageOf.get(object);
  if (messageId !== undefined) outcome.failedMessages.add(messageId);
}

/** An error's message, or the thrown value as a string. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
