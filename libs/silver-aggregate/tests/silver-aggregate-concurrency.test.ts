import type { S3Client } from '@aws-sdk/client-s3';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { EventRouter, type EventRoute } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCheckpoint, type SilverAggregateResult } from '../src';
import { HEADER, regionsLayer } from './regions-layer';

const lakes: TestLake[] = [];

afterEach(async () => {
  for (const lake of lakes.splice(0)) await lake.close();
});

async function newLake(): Promise<TestLake> {
  const lake = await startTestLake();
  lakes.push(lake);
  return lake;
}

/** Holds a client's requests of one command and key until released; counts every request. */
function gate(client: S3Client, command: string, key: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const seen: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const target = String((args.input as { Key?: string }).Key ?? '');
      seen.push(`${context.commandName} ${target}`);
      if (context.commandName === command && target === key && held++ === 0) await released;
      return next(args);
    },
    { step: 'initialize', name: `gate${Math.random().toString(36).slice(2)}` },
  );
  return { release, seen };
}

const commit = (lake: TestLake, name: string, rows: string, second: number) =>
  commitSilverTable(lake, name, `${HEADER}${rows}`, {
    eventTime: `2026-11-29T12:00:${String(second).padStart(2, '0')}.000Z`,
    sequencer: String(second).padStart(4, '0'),
  });

type Report = LayerInvocationReport<SilverAggregateResult<string[]>>;

describe('two invocations at once (an SQS event source mapping runs at least two)', () => {
  it('retries the one whose conditional checkpoint write lost the race, and loses no update', async () => {
    const lake = await newLake();
    const slow = lake.store.createClient();
    const fast = lake.store.createClient();
    const held = gate(slow, 'PutObjectCommand', 'regions/_checkpoint/state.parquet');
    const first = await commit(lake, 'a', '1,A,Chile,Active,South America\n', 1);
    // The slow invocation reads the lake (only a) and stops just before writing its checkpoint.
    const slowRun = createLayerHandler(regionsLayer(), { s3: slow })(first) as Promise<Report>;
    await waitFor(() => held.seen.includes('PutObjectCommand regions/_checkpoint/state.parquet'));
    // Meanwhile c is committed and a second invocation brings the checkpoint to a and c.
    const second = await commit(lake, 'c', '3,C,Japan,Active,Asia\n', 2);
    const fastReport = (await createLayerHandler(regionsLayer(), { s3: fast })(second)) as Report;
    expect(fastReport.results[0]).toMatchObject({ action: 'rebuilt', customers: 2 });
    held.release();
    const slowReport = await slowRun;
    // Its write (If-None-Match) failed; it read the checkpoint again, found a and c in it, and wrote nothing older.
    expect(
      held.seen.filter((request) => request === 'PutObjectCommand regions/_checkpoint/state.parquet'),
    ).toHaveLength(1);
    expect(
      held.seen.filter((request) => request === 'GetObjectCommand regions/_checkpoint/state.parquet'),
    ).toHaveLength(2);
    expect(slowReport.results[0]).toMatchObject({ action: 'unchanged', customers: 2 });
    const checkpoint = await decodeCheckpoint((await lake.bytes('regions/_checkpoint/state.parquet'))!, 'regions');
    expect(checkpoint.commits.map((c) => c.manifestKey)).toEqual([
      'silver/_manifests/a.csv.json',
      'silver/_manifests/c.csv.json',
    ]);
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,1,1\nSouth America,1,1\n');
  });

  it('never lets an older generation overwrite the table: the slower writer of an older checkpoint leaves the newer table', async () => {
    const lake = await newLake();
    const slow = lake.store.createClient();
    const held = gate(slow, 'PutObjectCommand', 'regions/counts.csv');
    const first = await commit(lake, 'a', '1,A,Chile,Active,South America\n', 1);
    const slowRun = createLayerHandler(regionsLayer(), { s3: slow })(first);
    await waitFor(() => held.seen.includes('PutObjectCommand regions/counts.csv'));
    const second = await commit(lake, 'b', '2,B,Peru,Active,South America\n', 2);
    await createLayerHandler(regionsLayer(), { s3: lake.store.createClient() })(second);
    held.release();
    await slowRun;
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nSouth America,2,2\n');
    const manifest = JSON.parse((await lake.text('regions/_manifests/counts.json'))!);
    expect(manifest.counts.customers).toBe(2);
  });
});

describe('coalescing: events queued while a recompute runs', () => {
  /** A router delivering to the layer as the CLI does, its first recompute held until `release`; returns what each invocation did. */
  async function burst(queue: boolean) {
    const lake = await newLake();
    const client = lake.store.createClient();
    const held = gate(client, 'PutObjectCommand', 'regions/_checkpoint/state.parquet');
    const handler = createLayerHandler(regionsLayer(), { s3: client });
    const route: EventRoute = {
      name: 'regions',
      inputPrefix: 'silver/_manifests/',
      inputSuffixes: ['.json'],
      acceptsRemovals: true,
      concurrency: 1,
      handler,
      ...(queue ? { queue: { batchSize: 1000 } } : {}),
    };
    const router = new EventRouter([route]);
    const deliver = (event: unknown, key: string) => router.deliver({ key, removed: false, event });
    deliver(await commit(lake, 'first', '0,Z,Chile,Active,South America\n', 0), 'silver/_manifests/first.csv.json');
    await waitFor(() => held.seen.includes('PutObjectCommand regions/_checkpoint/state.parquet'));
    const events: unknown[] = [];
    for (let i = 1; i <= 40; i++) {
      const event = await commit(
        lake,
        `f${String(i).padStart(2, '0')}`,
        `${i},N,Japan,${i % 2 ? 'Active' : 'Cancelled'},Asia\n`,
        i,
      );
      events.push(event);
      deliver(event, `silver/_manifests/f${i}.csv.json`);
    }
    held.release();
    await router.idle();
    const actions = () =>
      router.deliveries.flatMap((delivery) => (delivery.result as Report).results.map((result) => result.action));
    return { lake, router, events, deliver, actions };
  }

  it('merges 40 commits queued behind a running recompute in one more recompute, delivered as one SQS batch', async () => {
    const { lake, router, events, deliver, actions } = await burst(true);
    expect(router.deliveries.map((delivery) => delivery.events)).toEqual([1, 40]);
    expect(actions()).toEqual(['rebuilt', 'merged']);
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,40,20\nSouth America,1,1\n');
    // The same 40 events again (SQS delivers at least once): the first alone, then a batch of 39, both covered.
    events.forEach((event, i) => deliver(event, `silver/_manifests/f${i}.csv.json`));
    await router.idle();
    expect(router.deliveries.map((delivery) => delivery.events)).toEqual([1, 40, 1, 39]);
    expect(actions()).toEqual(['rebuilt', 'merged', 'covered', 'covered']);
  });

  it('recomputes twice for 41 commits when each event is an invocation of its own: the rest are covered', async () => {
    const { router, actions } = await burst(false);
    expect(router.deliveries).toHaveLength(41);
    expect(actions().filter((action) => action === 'rebuilt' || action === 'merged')).toHaveLength(2);
    expect(actions().filter((action) => action === 'covered')).toHaveLength(39);
  });
});

/** Waits until a condition holds (polling every 5 ms, at most 10 s). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
