import { buildEventBridgeEvent, buildS3NotificationEvent, type ObjectEventFacts } from '@medallion/s3-events';
import type { LocalObjectChange } from './start-local-s3';

/** A layer the router delivers events to, as an S3 → EventBridge rule or a notification would on AWS. */
export interface EventRoute {
  /** The layer's name, for reports. */
  readonly name: string;
  /** Only objects under this prefix are delivered, e.g. `bronze/`. */
  readonly inputPrefix: string;
  /** ...and only those whose key ends in one of these, e.g. `['.csv', '.CSV']` (as an EventBridge key wildcard would). */
  readonly inputSuffixes: readonly string[];
  /** Deliver `ObjectRemoved:*` events too (as a rule on "Object Deleted" would). */
  readonly acceptsRemovals: boolean;
  /** The layer's Lambda handler. */
  readonly handler: (event: unknown) => Promise<unknown>;
  /** Invocations of this route allowed at once (gold: 1, as its reserved concurrency on AWS). */
  readonly concurrency: number;
  /**
   * Set for a layer fed by a queue (an SQS event source mapping on AWS): the events waiting when an
   * invocation can start are delivered together, up to `batchSize`, as one SQS batch whose message
   * bodies are the events; unset, one event per invocation. With `batchingWindowSeconds`, a batch
   * smaller than `batchSize` waits up to that long for more events, as the mapping's batching window
   * does, but only while a route without a queue (one that writes what the queue routes read, like
   * silver) has work: when those are idle, no more events are coming and the batch goes at once.
   */
  readonly queue?: { readonly batchSize: number; readonly batchingWindowSeconds?: number };
}

/** One finished invocation. */
export interface Delivery {
  readonly route: string;
  /** The object key the event was about (a batch: the first event's). */
  readonly key: string;
  /** The object events the invocation carried (1 unless the route takes batches). */
  readonly events: number;
  /** The exact event JSON the handler received. */
  readonly event: unknown;
  /** The handler's return value, when it succeeded. */
  readonly result?: unknown;
  /** The handler's error, when it threw. */
  readonly error?: Error;
}

/** An event built at ingest, ready to deliver. */
export interface PreparedEvent {
  readonly key: string;
  readonly removed: boolean;
  /** The exact AWS event JSON. */
  readonly event: unknown;
}

/** Which AWS event shape the router delivers. */
export type EventShape = 's3-notification' | 'eventbridge';

interface RouteQueue {
  readonly route: EventRoute;
  readonly pending: Array<{
    readonly key: string;
    readonly event: unknown;
    readonly messageId: string;
    readonly queuedAt: number;
  }>;
  running: number;
  /** The timer that closes the batching window of the pending events, while one is open. */
  window?: ReturnType<typeof setTimeout>;
}

/**
 * Events as an SQS event source mapping delivers them: one message per event, its body the event's
 * JSON (as an EventBridge rule with an SQS target, or an S3 notification to SQS, sends it).
 */
function queueBatchOf(items: ReadonlyArray<{ readonly event: unknown; readonly messageId: string }>): {
  Records: unknown[];
} {
  return {
    Records: items.map(({ event, messageId }) => ({
      messageId,
      receiptHandle: `local-${messageId}`,
      body: JSON.stringify(event),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'MEDALLIONLOCAL',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:medallion-local',
      awsRegion: 'us-east-1',
    })),
  };
}

/**
 * Turns the local store's object changes into real-shaped AWS events (S3 event notification or
 * EventBridge) and invokes the matching layers' handlers, as S3 and Lambda would: each created
 * object matching a route's prefix and suffixes becomes one invocation, or for a queue-fed route
 * one message of an SQS batch (the events that waited while the route was busy, as an event
 * source mapping delivers them); a route never runs more than its concurrency at once; events
 * queue in arrival order.
 *
 * Every event gets a strictly later event time than the one before and a unique, increasing
 * sequencer, so that "latest record wins" is well defined across uploads.
 */
export class EventRouter {
  private readonly queues: RouteQueue[];
  private lastTime = 0;
  private sequence = 0;
  private messages = 0;
  private idleWaiters: Array<() => void> = [];
  /** Every finished invocation, in completion order. */
  readonly deliveries: Delivery[] = [];

  /**
   * @param routes - the layers to deliver to.
   * @param shape - the event shape to deliver.
   */
  constructor(
    routes: readonly EventRoute[],
    private readonly shape: EventShape = 's3-notification',
  ) {
    this.queues = routes.map((route) => ({ route, pending: [], running: 0 }));
  }

  /**
   * Announces one object change: builds its event and queues an invocation per matching route
   * (see {@link EventRouter.prepare} and {@link EventRouter.deliver}).
   *
   * @param change - the change from the local store.
   */
  publish(change: LocalObjectChange): void {
    const prepared = this.prepare(change);
    if (prepared) this.deliver(prepared);
  }

  /**
   * Builds the AWS event of a change at the moment of ingest: its event time (strictly later than
   * the previous one) and sequencer (increasing) are fixed here, whenever it is delivered.
   *
   * @param change - the change from the local store.
   * @returns the prepared event, or undefined for a change no AWS rule would carry.
   */
  prepare(change: LocalObjectChange): PreparedEvent | undefined {
    const removed = change.eventName.startsWith('ObjectRemoved:');
    if (!removed && !change.eventName.startsWith('ObjectCreated:')) return undefined;
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    const facts: ObjectEventFacts = {
      ...change,
      eventTime: new Date(this.lastTime).toISOString(),
      sequencer: (++this.sequence).toString(16).toUpperCase().padStart(18, '0'),
    };
    const event = this.shape === 'eventbridge' ? buildEventBridgeEvent(facts) : buildS3NotificationEvent(facts);
    return { key: change.key, removed, event };
  }

  /**
   * Queues a prepared event for every route whose prefix and suffixes match (removals only for
   * routes that accept them). Delivering prepared events out of order is how tests reorder events.
   *
   * @param prepared - from {@link EventRouter.prepare}.
   */
  deliver(prepared: PreparedEvent): void {
    const { key, removed, event } = prepared;
    const messageId = `${++this.messages}`.padStart(8, '0');
    for (const queue of this.queues) {
      const { route } = queue;
      if (
        (removed && !route.acceptsRemovals) ||
        !key.startsWith(route.inputPrefix) ||
        !route.inputSuffixes.some((suffix) => key.endsWith(suffix))
      )
        continue;
      queue.pending.push({ key, event, messageId: `local-${messageId}`, queuedAt: performance.now() });
      this.pump(queue);
    }
  }

  /** Resolves when no invocation is queued or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.queues.every((queue) => queue.running === 0 && queue.pending.length === 0);
  }

  /** Whether the routes without a queue (those whose writes feed the queue routes) have nothing running or waiting. */
  private upstreamIdle(): boolean {
    return this.queues.every(
      (queue) => queue.route.queue !== undefined || (queue.running === 0 && queue.pending.length === 0),
    );
  }

  /** How long (ms) the pending batch of a queue route still waits for more events; 0 when it goes now. */
  private windowLeft(queue: RouteQueue): number {
    const { queue: delivery } = queue.route;
    const [oldest] = queue.pending;
    if (
      !delivery?.batchingWindowSeconds ||
      !oldest ||
      queue.pending.length >= delivery.batchSize ||
      this.upstreamIdle()
    )
      return 0;
    return Math.max(0, oldest.queuedAt + delivery.batchingWindowSeconds * 1000 - performance.now());
  }

  private pump(queue: RouteQueue): void {
    while (queue.running < queue.route.concurrency && queue.pending.length > 0) {
      const wait = this.windowLeft(queue);
      if (wait > 0) {
        queue.window ??= setTimeout(() => {
          queue.window = undefined;
          this.pump(queue);
        }, wait);
        return;
      }
      if (queue.window) clearTimeout(queue.window);
      queue.window = undefined;
      const items = queue.pending.splice(0, queue.route.queue?.batchSize ?? 1);
      const [first] = items;
      if (!first) return;
      queue.running++;
      void this.invoke(queue, first.key, items.length, queue.route.queue ? queueBatchOf(items) : first.event);
    }
  }

  private async invoke(queue: RouteQueue, key: string, events: number, event: unknown): Promise<void> {
    const route = queue.route.name;
    try {
      const result = await queue.route.handler(event);
      const failed = (result as { batchItemFailures?: unknown[] } | undefined)?.batchItemFailures?.length ?? 0;
      const error =
        failed > 0 ? new Error(`${failed} of ${events} message(s) failed (see the layer's log)`) : undefined;
      this.deliveries.push({ route, key, events, event, result, ...(error ? { error } : {}) });
    } catch (error) {
      this.deliveries.push({
        route,
        key,
        events,
        event,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
    queue.running--;
    // Any route's end may close a queue route's batching window (its upstream may now be idle).
    for (const each of this.queues) this.pump(each);
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
