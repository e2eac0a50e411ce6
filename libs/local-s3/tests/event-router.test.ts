import { parseObjectEvents } from '@medallion/s3-events';
import { describe, expect, it } from 'vitest';
import { EventRouter } from '../src';

const change = (key: string, eventName = 'ObjectCreated:Put') => ({
  eventName,
  bucket: 'lake',
  key,
  size: 3,
  eTag: 'abc',
});

describe('EventRouter', () => {
  it('delivers created .csv objects to the routes whose prefix matches, as real S3 notifications', async () => {
    const seen: unknown[] = [];
    const router = new EventRouter([
      {
        name: 'silver',
        inputPrefix: 'bronze/',
        inputSuffixes: ['.csv', '.CSV'],
        acceptsRemovals: false,
        concurrency: 1,
        handler: async (event) => seen.push(event),
      },
    ]);
    router.publish(change('bronze/a b.csv'));
    router.publish(change('bronze/notes.txt'));
    router.publish(change('silver/a b.csv'));
    router.publish(change('bronze/a b.csv', 'ObjectRemoved:Delete'));
    await router.idle();
    expect(seen).toHaveLength(1);
    expect(parseObjectEvents(seen[0])).toEqual([
      {
        source: 's3-notification',
        eventName: 'ObjectCreated:Put',
        eventTime: expect.any(String),
        bucket: 'lake',
        key: 'bronze/a b.csv',
        size: 3,
        eTag: 'abc',
        sequencer: '000000000000000001',
      },
    ]);
    expect((seen[0] as { Records: Array<{ s3: { object: { key: string } } }> }).Records[0]!.s3.object.key).toBe(
      'bronze/a+b.csv',
    );
  });

  it('gives every event a strictly later time and a higher sequencer', async () => {
    const events: unknown[] = [];
    const router = new EventRouter(
      [
        {
          name: 'x',
          inputPrefix: '',
          inputSuffixes: ['.csv'],
          acceptsRemovals: false,
          concurrency: 4,
          handler: async (event) => events.push(event),
        },
      ],
      'eventbridge',
    );
    for (let i = 0; i < 50; i++) router.publish(change(`k${i}.csv`));
    await router.idle();
    const parsed = events.flatMap(parseObjectEvents);
    for (let i = 1; i < parsed.length; i++) {
      expect(Date.parse(parsed[i]!.eventTime)).toBeGreaterThan(Date.parse(parsed[i - 1]!.eventTime));
      expect(parsed[i]!.sequencer! > parsed[i - 1]!.sequencer!).toBe(true);
    }
    expect(parsed.map((e) => e.source)).toEqual(Array(50).fill('eventbridge'));
  });

  it('never runs a route above its concurrency, and records failures without stopping', async () => {
    let running = 0;
    let peak = 0;
    const router = new EventRouter([
      {
        name: 'gold',
        inputPrefix: 'silver/',
        inputSuffixes: ['.csv'],
        acceptsRemovals: false,
        concurrency: 1,
        handler: async (event) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          if (parseObjectEvents(event)[0]!.key === 'silver/2.csv') throw new Error('boom');
          return 'ok';
        },
      },
    ]);
    for (let i = 0; i < 5; i++) router.publish(change(`silver/${i}.csv`));
    await router.idle();
    expect(peak).toBe(1);
    expect(router.deliveries.map((d) => [d.key, d.result ?? d.error?.message])).toEqual([
      ['silver/0.csv', 'ok'],
      ['silver/1.csv', 'ok'],
      ['silver/2.csv', 'boom'],
      ['silver/3.csv', 'ok'],
      ['silver/4.csv', 'ok'],
    ]);
  });

  it('holds a queue route batch while a route without a queue works, up to batchSize, and sends it when that route is idle', async () => {
    const batches: number[] = [];
    const silver = {
      name: 'silver',
      inputPrefix: 'bronze/',
      inputSuffixes: ['.csv'],
      acceptsRemovals: false,
      concurrency: 1,
      handler: async (event: unknown) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        // Silver's commit: the manifest the aggregate route takes.
        router.publish(
          change(parseObjectEvents(event)[0]!.key.replace('bronze/', 'silver/_manifests/').replace('.csv', '.json')),
        );
      },
    };
    // A window far longer than the test may run: only the batch size and silver's idleness release batches.
    const gold = {
      name: 'gold',
      inputPrefix: 'silver/_manifests/',
      inputSuffixes: ['.json'],
      acceptsRemovals: true,
      concurrency: 1,
      queue: { batchSize: 10, batchingWindowSeconds: 600 },
      handler: async (event: unknown) => batches.push(parseObjectEvents(event).length),
    };
    const router = new EventRouter([silver, gold]);
    for (let i = 0; i < 25; i++) router.publish(change(`bronze/${String(i).padStart(2, '0')}.csv`));
    await router.idle();
    expect(batches).toEqual([10, 10, 5]);
    expect(
      router.deliveries.filter((delivery) => delivery.route === 'gold').map((delivery) => delivery.events),
    ).toEqual([10, 10, 5]);
  });

  it('sends a queue route batch without waiting when nothing upstream is running', async () => {
    const batches: number[] = [];
    const router = new EventRouter([
      {
        name: 'gold',
        inputPrefix: 'silver/_manifests/',
        inputSuffixes: ['.json'],
        acceptsRemovals: true,
        concurrency: 1,
        queue: { batchSize: 1000, batchingWindowSeconds: 600 },
        handler: async (event) => batches.push(parseObjectEvents(event).length),
      },
    ]);
    // a goes at once; b and c wait only for a's invocation (the route's concurrency), not for the window.
    for (const name of ['a', 'b', 'c']) router.publish(change(`silver/_manifests/${name}.json`));
    await router.idle();
    expect(batches).toEqual([1, 2]);
  });
});
