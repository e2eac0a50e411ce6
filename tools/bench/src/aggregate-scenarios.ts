import { formatGoldCsv, goldRowsOf } from '@medallion/gold';
import { decodeCustomerTable, mergeAllCustomerRecords } from '@medallion/customer-records';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { readObjectBytes } from '@medallion/s3-io';
import { statSync } from 'node:fs';
import { customerFile } from './bench-inputs';
import { startAggregateFunctions } from './aggregate-functions';
import { aggregates, ingest, remove } from './lake-steps';
import { withLake, type Scenario } from './scenario';
import { smallFiles } from './small-files';

/**
 * Gold and platinum on a prepared lake, as on AWS: two functions at once (see
 * `startAggregateFunctions`), warmed by the prepared `warmUp` event when there is one (see `Prepared`),
 * after which they forget what it made them hold (the checkpoint it read) unless `afterWarmUp` is
 * `keep-held`; the timed step delivers `event` to both (or the event `event` makes, untimed, after
 * the warm-up) and ends when both have written their checkpoint, table and manifest.
 */
async function openAggregates(
  lakeDirectory: string,
  event: unknown,
  rows: number,
  bytes: number,
  warmUp?: unknown,
  afterWarmUp: 'forget-held' | 'keep-held' = 'forget-held',
): ReturnType<Scenario['open']> {
  const lake = await startTestLake(undefined, lakeDirectory);
  const functions = await startAggregateFunctions(lake.store, new URL(import.meta.url));
  if (warmUp !== undefined) await functions.deliver(warmUp);
  if (warmUp !== undefined && afterWarmUp === 'forget-held') await functions.forgetHeld();
  const timed = typeof event === 'function' ? await (event as (lake: TestLake) => Promise<unknown>)(lake) : event;
  return {
    run: async () => (await functions.deliver(timed), { rows, bytes }),
    close: async () => {
      await functions.close();
      await lake.close();
    },
  };
}

/**
 * A lake of many five-row files, silver run on each and the aggregates brought up to them, then one
 * file changed by `change`: the timed step is gold and platinum on that change's event.
 */
function changedFileScenario(change: 'replace' | 'remove'): Scenario {
  return {
    async prepare(files, lakeDirectory) {
      const { paths } = smallFiles(files);
      return withLake(lakeDirectory, async (lake) => {
        let last: unknown;
        for (const [i, path] of paths.entries())
          last = await ingest(lake, path, `bronze/${String(i).padStart(5, '0')}.csv`);
        await aggregates(lake)(last);
        const middle = `bronze/${String(Math.floor(files / 2)).padStart(5, '0')}.csv`;
        const [first = ''] = paths;
        const event = change === 'replace' ? await ingest(lake, first, middle) : await remove(lake, middle);
        return { bytes: statSync(first).size, event, rows: 5 * files, warmUp: last };
      });
    },
    open: (_files, lakeDirectory, prepared) =>
      openAggregates(lakeDirectory, prepared.event, prepared.rows ?? 0, prepared.bytes, prepared.warmUp),
  };
}

/** The aggregate steps (`npm run bench`): the targets for gold and platinum. */
export const AGGREGATE_SCENARIOS: Readonly<Record<string, Scenario>> = {
  /** Gold and platinum right after silver committed one file of `rows` rows (distinct customers) into an empty lake. */
  'aggregate-first': {
    async prepare(rows, lakeDirectory) {
      const file = await customerFile(rows);
      return withLake(lakeDirectory, async (lake) => ({
        bytes: file.bytes,
        event: await ingest(lake, file.path, 'bronze/bench.csv'),
        rows,
      }));
    },
    open: (rows, lakeDirectory, prepared) => openAggregates(lakeDirectory, prepared.event, rows, prepared.bytes),
  },
  /** One more five-row file into a lake whose aggregates hold `rows` customers: gold and platinum on its event. */
  'aggregate-incremental': {
    async prepare(rows, lakeDirectory) {
      const file = await customerFile(rows);
      const [small = ''] = smallFiles(1).paths;
      return withLake(lakeDirectory, async (lake) => {
        const earlier = await ingest(lake, file.path, 'bronze/bench.csv');
        await aggregates(lake)(earlier);
        return {
          bytes: statSync(small).size,
          event: await ingest(lake, small, 'bronze/one-more.csv'),
          rows: 5,
          warmUp: earlier,
        };
      });
    },
    open: (_rows, lakeDirectory, prepared) =>
      openAggregates(lakeDirectory, prepared.event, prepared.rows ?? 0, prepared.bytes, prepared.warmUp),
  },
  /**
   * The same as `aggregate-incremental`, on functions in their steady state: before the timed step
   * (untimed, in the measured process) they aggregate the 1M-customer commit themselves, so each
   * holds its checkpoint in memory as a warm Lambda that made it does; then silver commits the
   * five-row file and the timed step is gold and platinum on its event.
   */
  'aggregate-incremental-steady': {
    async prepare(rows, lakeDirectory) {
      const file = await customerFile(rows);
      return withLake(lakeDirectory, async (lake) => ({
        bytes: 0,
        event: await ingest(lake, file.path, 'bronze/bench.csv'),
        rows: 5,
      }));
    },
    open(_rows, lakeDirectory, prepared) {
      const [small = ''] = smallFiles(1).paths;
      return openAggregates(
        lakeDirectory,
        (lake: TestLake) => ingest(lake, small, 'bronze/one-more.csv'),
        5,
        statSync(small).size,
        prepared.event,
        'keep-held',
      );
    },
  },
  /** A new version of one file in a lake of `files` five-row files: the state rebuilt from every customer table. */
  'aggregate-replace': changedFileScenario('replace'),
  /** One file deleted from a lake of `files` five-row files: the state rebuilt from every other customer table. */
  'aggregate-remove': changedFileScenario('remove'),
  /** The merge alone, no S3: a customer table of `rows` customers decoded, merged into an empty state, the gold table formatted. */
  'transform-aggregate': {
    async prepare(rows, lakeDirectory) {
      const file = await customerFile(rows);
      return withLake(lakeDirectory, async (lake) => {
        await ingest(lake, file.path, 'bronze/bench.csv');
        return { bytes: file.bytes, rows };
      });
    },
    async open(rows, lakeDirectory) {
      const lake = await startTestLake(undefined, lakeDirectory);
      const stored = await readObjectBytes(lake.s3, lake.bucket, 'silver-customers/bench.parquet');
      if (!stored)
        throw new Error('transform-aggregate: silver-customers/bench.parquet is missing from the prepared lake');
      const table = stored.bytes;
      return {
        run: async () => {
          const { records } = await decodeCustomerTable(table, 0);
          formatGoldCsv(goldRowsOf(mergeAllCustomerRecords([records], [0])));
          return { rows, bytes: table.byteLength };
        },
        close: () => lake.close(),
      };
    },
  },
};
