import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { EventRouter, type PreparedEvent } from '@medallion/local-s3';
import { startTestLake } from '@medallion/local-s3/testing';
import { useCheckpointSettings } from '@medallion/silver-aggregate/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLakeLayers } from '../src/lake-layers';
import { aggregatesFromScratch } from './aggregates-from-scratch';

const README_HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status';
const SAMPLE_HEADER =
  'Index,Customer Id,First Name,Last Name,Company,City,Country,Phone 1,Phone 2,Email,Subscription Date,Website';

/** One row of an upload. */
interface Row {
  readonly id: number;
  readonly country: string;
  readonly status: string;
}

/** One uploaded file's rows: IDs from a small pool (so customers recur across files), countries (one unknown), statuses. */
const anyRow: fc.Arbitrary<Row> = fc.record({
  id: fc.integer({ min: 0, max: 14 }),
  country: fc.constantFrom('France', 'Japan', 'Chile', 'Kenya', 'Atlantis'),
  status: fc.constantFrom('Active', 'Inactive', 'Cancelled', ''),
});

type Operation =
  | {
      readonly kind: 'put';
      readonly file: number;
      readonly rows: readonly Row[];
      readonly variant: 'readme' | 'quarantined' | 'rejected' | 'sample';
    }
  | { readonly kind: 'delete'; readonly file: number }
  | { readonly kind: 'redeliver'; readonly pick: number };

const anyOperation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      file: fc.integer({ min: 0, max: 3 }),
      rows: fc.array(anyRow, { maxLength: 6 }),
      variant: fc.constantFrom('readme', 'readme', 'quarantined', 'rejected', 'sample'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat() }) },
);

/** The bronze text of an upload: the README schema (with a quarantined row or a duplicated column), or the sample files' schema (no status column). */
function bronzeOf(operation: Extract<Operation, { kind: 'put' }>): string {
  const id = (n: number) => String(n).padStart(3, '0');
  if (operation.variant === 'sample') {
    const rows = operation.rows.map(
      (row, i) => `${i + 1},${id(row.id)},First,Last,Acme,City,${row.country},1,2,a@b.c,2026-01-01,https://x`,
    );
    return `${[SAMPLE_HEADER, ...rows].join('\n')}\n`;
  }
  const header = operation.variant === 'rejected' ? `${README_HEADER},Customer Country` : README_HEADER;
  const rows = operation.rows.map(
    (row) => `${id(row.id)},Name ${row.id},${row.country},${row.status}${operation.variant === 'rejected' ? ',x' : ''}`,
  );
  if (operation.variant === 'quarantined') rows.push(',No Id,France,Active');
  return `${[header, ...rows].join('\n')}\n`;
}

/** Commits a checkpoint segment holds: the default, 2 or 3. */
const anySegmentSize = fc.constantFrom(undefined, 2, 3);

/** Customers a checkpoint's base needs: the default (50,000), 1 or 3. */
const anyBaseSize = fc.constantFrom(undefined, 1, 3);

afterAll(() => useCheckpointSettings({}));

describe('incremental gold and platinum against a computation from scratch', () => {
  it('equal it byte for byte after every step: uploads, new versions, deletions, duplicated and reordered events, checkpoint segments of 2, 3 or 32 commits, bases (property, 15 random runs of up to 8 steps)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyOperation, { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        anySegmentSize,
        anyBaseSize,
        async (operations, randomness, segmentSize, baseSize) => {
          // Checkpoint segments of 2 or 3 commits and bases of 1 or 3 customers (the defaults are more than these lakes hold), so rebuilds read segments and checkpoints name bases too.
          useCheckpointSettings({
            ...(segmentSize ? { segmentCommits: segmentSize } : {}),
            ...(baseSize ? { baseMinCustomers: baseSize } : {}),
          });
          const random = randomness[Symbol.iterator]();
          const next = (): number => random.next().value as number;
          const lake = await startTestLake();
          try {
            const routes = (await loadLakeLayers(lake.s3)).map((route) => ({
              ...route,
              concurrency: route.name === 'silver' ? 2 : 1,
            }));
            const router = new EventRouter(routes);
            const pending: PreparedEvent[] = [];
            const delivered: PreparedEvent[] = [];
            lake.store.onObjectChange((change) => {
              const prepared = router.prepare(change);
              if (prepared) pending.push(prepared);
            });
            /** Delivers what is pending in a random order, a fifth of it twice, until nothing is left. */
            const settle = async (): Promise<void> => {
              for (;;) {
                await router.idle();
                if (pending.length === 0) return;
                const batch = pending.splice(0).sort(() => next() - 0.5);
                for (const prepared of batch) {
                  router.deliver(prepared);
                  delivered.push(prepared);
                  if (next() < 0.2) router.deliver(prepared);
                }
              }
            };
            for (const operation of operations) {
              if (operation.kind === 'put')
                await lake.s3.send(
                  new PutObjectCommand({
                    Bucket: lake.bucket,
                    Key: `bronze/f${operation.file}.csv`,
                    Body: bronzeOf(operation),
                  }),
                );
              else if (operation.kind === 'delete')
                await lake.s3.send(
                  new DeleteObjectCommand({ Bucket: lake.bucket, Key: `bronze/f${operation.file}.csv` }),
                );
              else if (delivered.length > 0) pending.push(delivered[operation.pick % delivered.length]!);
              await settle();
              expect(
                router.deliveries
                  .filter((delivery) => delivery.error)
                  .map((delivery) => `${delivery.route}: ${delivery.error?.message}`),
              ).toEqual([]);
              const expected = await aggregatesFromScratch(lake);
              const manifestsSeen = delivered.some((prepared) => prepared.key.startsWith('silver/_manifests/'));
              expect(await lake.text('gold/customers_by_region.csv')).toBe(manifestsSeen ? expected.gold : undefined);
              expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(
                manifestsSeen ? expected.platinum : undefined,
              );
            }
          } finally {
            await lake.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 600_000);
});
