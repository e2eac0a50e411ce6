import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetImmutableReads, forgetProcessCache, useCheckpointSettings } from '../src/testing';
import { HEADER, regionsLayer } from './regions-layer';

/** One row of a commit: a Customer ID from a small pool (so customers recur across commits), a country, a status. */
interface Row {
  readonly id: number;
  readonly asia: boolean;
  readonly active: boolean;
}

type Operation =
  | { readonly kind: 'commit'; readonly file: number; readonly rows: readonly Row[] }
  | { readonly kind: 'remove'; readonly file: number }
  | { readonly kind: 'aggregate' }
  | { readonly kind: 'lose-segment'; readonly pick: number }
  | { readonly kind: 'cold-start' };

const anyRow: fc.Arbitrary<Row> = fc.record({
  id: fc.integer({ min: 0, max: 24 }),
  asia: fc.boolean(),
  active: fc.boolean(),
});

const anyOperation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('commit' as const),
      file: fc.integer({ min: 0, max: 11 }),
      rows: fc.array(anyRow, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.integer({ min: 0, max: 11 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'aggregate' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lose-segment' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cold-start' as const }) },
);

/**
 * The regions table computed from scratch, independently of the layer: each customer's record from
 * the latest current commit holding it (commits are made in increasing event time; within a file,
 * its last row), counted per Region.
 */
function expectedTable(files: ReadonlyMap<number, { readonly time: number; readonly rows: readonly Row[] }>): string {
  const latest = new Map<number, { time: number; row: Row }>();
  for (const { time, rows } of files.values()) {
    for (const row of rows) {
      const held = latest.get(row.id);
      if (!held || held.time <= time) latest.set(row.id, { time, row });
    }
  }
  const counts = new Map<string, { customers: number; subscribed: number }>();
  for (const { row } of latest.values()) {
    const region = row.asia ? 'Asia' : 'South America';
    const count = counts.get(region) ?? { customers: 0, subscribed: 0 };
    count.customers++;
    if (row.active) count.subscribed++;
    counts.set(region, count);
  }
  const lines = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([region, { customers, subscribed }]) => `${region},${customers},${subscribed}`);
  return ['Region,Customers,Subscribed', ...lines].join('\n') + '\n';
}

afterAll(() => useCheckpointSettings({}));

describe('checkpoint segments and bases against a computation from scratch', () => {
  it('give the same table after every aggregation: commits, new versions and removals aggregated in random batches, segments lost, bases, cold starts (property, 40 runs of 8 to 30 steps)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyOperation, { minLength: 8, maxLength: 30 }),
        fc.constantFrom(2, 3),
        fc.constantFrom(1, 3, undefined),
        async (operations, segmentSize, baseCustomers) => {
          // Bases of one or three customers (the default, 50,000, is more than these commits hold).
          useCheckpointSettings({
            segmentCommits: segmentSize,
            ...(baseCustomers ? { baseMinCustomers: baseCustomers } : {}),
          });
          forgetImmutableReads();
          forgetProcessCache();
          const lake = await startTestLake();
          try {
            const handler = createLayerHandler(regionsLayer(), { s3: lake.s3 });
            const files = new Map<number, { time: number; rows: readonly Row[] }>();
            let time = 0;
            // The events since the last aggregation, delivered as one batch (one notification of many records), as a queue delivers them.
            let pending: unknown[] = [];
            let delivered = 0;
            let aggregated = false;
            const aggregate = async (): Promise<void> => {
              if (pending.length === 0) return;
              const batch = { Records: pending.flatMap((event) => (event as { Records: unknown[] }).Records) };
              delivered += pending.length;
              pending = [];
              expect((await handler(batch)).results).toHaveLength(1);
              aggregated = true;
              expect(await lake.text('regions/counts.csv')).toBe(expectedTable(files));
            };
            for (const operation of operations) {
              const name = `f${String(operation.kind === 'commit' || operation.kind === 'remove' ? operation.file : 0).padStart(2, '0')}`;
              if (operation.kind === 'commit') {
                time++;
                const body = operation.rows
                  .map(
                    (row) =>
                      `${row.id},N,${row.asia ? 'Japan' : 'Chile'},${row.active ? 'Active' : 'Cancelled'},${row.asia ? 'Asia' : 'South America'}\n`,
                  )
                  .join('');
                pending.push(
                  await commitSilverTable(lake, name, `${HEADER}${body}`, {
                    eventTime: new Date(Date.UTC(2026, 10, 29, 12, 0, time)).toISOString(),
                    sequencer: String(time).padStart(6, '0'),
                  }),
                );
                files.set(operation.file, { time, rows: operation.rows });
              } else if (operation.kind === 'remove') {
                if (!files.delete(operation.file)) continue;
                time++;
                const key = `silver/_manifests/${name}.csv.json`;
                await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: key }));
                await lake.s3.send(
                  new DeleteObjectCommand({ Bucket: lake.bucket, Key: `silver-customers/${name}.parquet` }),
                );
                pending.push(
                  buildS3NotificationEvent({
                    eventName: 'ObjectRemoved:Delete',
                    eventTime: new Date(Date.UTC(2026, 10, 29, 12, 0, time)).toISOString(),
                    bucket: lake.bucket,
                    key,
                    size: 0,
                    eTag: '',
                    sequencer: String(time).padStart(6, '0'),
                  }),
                );
              } else if (operation.kind === 'cold-start') {
                // A new function environment: the next invocation reads its checkpoint (and its base) from the lake.
                forgetImmutableReads();
                forgetProcessCache();
              } else if (operation.kind === 'lose-segment') {
                const segments = await lake.keys('regions/_checkpoint/segments/');
                if (segments.length === 0) continue;
                await lake.s3.send(
                  new DeleteObjectCommand({ Bucket: lake.bucket, Key: segments[operation.pick % segments.length]! }),
                );
                forgetImmutableReads();
              } else {
                await aggregate();
              }
            }
            await aggregate();
            expect(aggregated).toBe(delivered > 0);
          } finally {
            await lake.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 600_000);
});
