import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { EventRouter, type PreparedEvent } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { decodeCheckpoint } from '@medallion/silver-aggregate';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLakeLayers } from '../src/lake-layers';

const lakes: TestLake[] = [];

afterEach(async () => {
  for (const lake of lakes.splice(0)) await lake.close();
});

/**
 * A lake whose store events reach the layers through the router, routed as the CLI routes them;
 * silver may run `silverConcurrency` invocations at once, gold always one. Each lake gets handlers
 * of its own (the exported ones, on the lake's client).
 */
async function wiredLake(
  silverConcurrency: number,
): Promise<{ lake: TestLake; router: EventRouter; prepared: PreparedEvent[] }> {
  const lake = await startTestLake();
  lakes.push(lake);
  // Silver and gold only: the layers downstream of gold do not change what these tests check.
  const routes = (await loadLakeLayers(lake.s3))
    .filter((route) => route.name === 'silver' || route.name === 'gold')
    .map((route) => ({ ...route, concurrency: route.name === 'silver' ? silverConcurrency : route.concurrency }));
  const router = new EventRouter(routes);
  return { lake, router, prepared: [] };
}

async function gold(lake: TestLake): Promise<string | undefined> {
  return lake.text('gold/customers_by_region.csv');
}

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status\n';
const COUNTRIES = ['France', 'Japan', 'Chile', 'Kenya', 'Fiji', 'Canada', 'Cuba'];
const STATUSES = ['Active', 'Inactive', 'Cancelled', 'active'];

/** 20 files of 30 rows over 100 Customer IDs: every ID appears in several files, with moves and cancellations. */
function sharedIdFiles(): Array<{ key: string; body: string }> {
  return Array.from({ length: 20 }, (_, file) => {
    const rows = Array.from({ length: 30 }, (_, row) => {
      const id = String((file * 7 + row * 13) % 100).padStart(3, '0');
      return `${id},Customer ${id},${COUNTRIES[(file + row) % COUNTRIES.length]},${STATUSES[(file * row) % STATUSES.length]}\n`;
    });
    return { key: `bronze/batch-${String(file).padStart(2, '0')}.csv`, body: HEADER + rows.join('') };
  });
}

describe('the lake under concurrency and deletes', () => {
  it('gives the same gold for 20 files uploaded at once, events delivered concurrently in random order, as a sequential run in ingest order', async () => {
    const files = sharedIdFiles();
    // Concurrent: all uploads at once; each event is built at ingest, then all are delivered shuffled.
    const concurrent = await wiredLake(20);
    const ingestOrder: string[] = [];
    concurrent.lake.store.onObjectChange((change) => {
      const prepared = concurrent.router.prepare(change);
      if (!prepared) return;
      if (change.key.startsWith('bronze/')) {
        ingestOrder.push(change.key);
        concurrent.prepared.push(prepared);
      } else {
        concurrent.router.deliver(prepared);
      }
    });
    await Promise.all(
      files.map(({ key, body }) =>
        concurrent.lake.s3.send(new PutObjectCommand({ Bucket: concurrent.lake.bucket, Key: key, Body: body })),
      ),
    );
    const shuffled = [...concurrent.prepared].sort(() => Math.random() - 0.5);
    for (const prepared of shuffled) concurrent.router.deliver(prepared);
    await concurrent.router.idle();
    expect(concurrent.router.deliveries.filter((d) => d.error)).toEqual([]);
    const concurrentGold = await gold(concurrent.lake);

    // Sequential: the same files, one at a time, in the recorded ingest order.
    const sequential = await wiredLake(1);
    sequential.lake.store.onObjectChange((change) => sequential.router.publish(change));
    for (const key of ingestOrder) {
      await sequential.lake.s3.send(
        new PutObjectCommand({
          Bucket: sequential.lake.bucket,
          Key: key,
          Body: files.find((f) => f.key === key)!.body,
        }),
      );
      await sequential.router.idle();
    }
    expect(sequential.router.deliveries.filter((d) => d.error)).toEqual([]);
    expect(concurrentGold).toBeDefined();
    expect(concurrentGold).toBe(await gold(sequential.lake));
  });

  it('removes a deleted bronze object from silver, and recomputes gold without it', async () => {
    const { lake, router } = await wiredLake(1);
    lake.store.onObjectChange((change) => router.publish(change));
    await lake.s3.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: 'bronze/a.csv',
        Body: `${HEADER}001,A,France,Active\n,missing,Chile,Active\n`,
      }),
    );
    await lake.s3.send(
      new PutObjectCommand({ Bucket: lake.bucket, Key: 'bronze/b.csv', Body: `${HEADER}002,B,Japan,Active\n` }),
    );
    await router.idle();
    expect(await gold(lake)).toBe('Region,Subscribed Customers,Customer IDs\nAsia,1,[002]\nEurope,1,[001]\n');
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'bronze/a.csv' }));
    await router.idle();
    expect(router.deliveries.filter((d) => d.error)).toEqual([]);
    expect(await lake.keys('silver/')).toEqual(['silver/_manifests/b.csv.json', 'silver/b.csv']);
    expect(await lake.keys('quarantine/')).toEqual([]);
    expect(await gold(lake)).toBe('Region,Subscribed Customers,Customer IDs\nAsia,1,[002]\n');
    expect(await lake.keys('silver-customers/')).toEqual(['silver-customers/b.parquet']);
    const checkpoint = await decodeCheckpoint((await lake.bytes('gold/_checkpoint/state.parquet'))!, 'gold');
    expect(checkpoint.commits.map((commit) => [commit.manifestKey, commit.table?.key])).toEqual([
      ['silver/_manifests/b.csv.json', 'silver-customers/b.parquet'],
    ]);
  });
});
