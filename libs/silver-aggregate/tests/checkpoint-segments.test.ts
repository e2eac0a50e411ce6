import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointSettings, decodeCheckpoint, encodeCheckpoint, type SilverAggregateResult } from '../src';
import { forgetImmutableReads, forgetProcessCache, useCheckpointSettings } from '../src/testing';
import { HEADER, regionsLayer } from './regions-layer';

type Report = LayerInvocationReport<SilverAggregateResult<string[]>>;

const SEGMENTS = 'regions/_checkpoint/segments/';
const STATE = 'regions/_checkpoint/state.parquet';

let lake: TestLake;

beforeEach(async () => {
  lake = await startTestLake();
  forgetImmutableReads();
  useCheckpointSettings({ segmentCommits: 4 });
});

afterEach(async () => {
  useCheckpointSettings({});
  await lake.close();
});

/** The rows of commit `i`: its own customer, and one of three customers that recur across commits. */
function rowsOf(i: number, status: string): string {
  return `${i},N,Chile,${status},South America\n${100 + (i % 3)},R,Japan,${i % 2 ? 'Active' : 'Cancelled'},Asia\n`;
}

const commit = (i: number, second: number, status = 'Active') =>
  commitSilverTable(lake, `c${String(i).padStart(2, '0')}`, `${HEADER}${rowsOf(i, status)}`, {
    eventTime: `2026-11-29T12:${String(second).padStart(2, '0')}:00.000Z`,
    sequencer: String(second).padStart(4, '0'),
  });

async function checkpoint() {
  return decodeCheckpoint((await lake.bytes(STATE))!, 'regions');
}

async function result(event: unknown): Promise<SilverAggregateResult<string[]>> {
  return ((await createLayerHandler(regionsLayer(), { s3: lake.s3 })(event)) as Report).results[0]!;
}

/** Ten commits c00…c09, aggregated by one invocation (the first: no checkpoint yet): two segments of four, two commits outside. */
async function tenCommits(): Promise<unknown> {
  let last: unknown;
  for (let i = 0; i < 10; i++) last = await commit(i, i);
  expect(await result(last)).toMatchObject({ action: 'rebuilt', readCommits: 10, readSegments: 0 });
  return last;
}

describe('checkpoint segments: a rebuild reads groups of commits, not every table', () => {
  it('groups the commits read into segments of MEDALLION_CHECKPOINT_SEGMENT_COMMITS, by manifest key', async () => {
    await tenCommits();
    const { commits, segments } = await checkpoint();
    expect(commits.map((c) => c.segment)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, undefined, undefined]);
    expect(segments?.map((s) => s.commits)).toEqual([4, 4]);
    expect((await lake.keys(SEGMENTS)).sort()).toEqual(segments!.map((s) => s.key).sort());
    const segment = await decodeCheckpoint((await lake.bytes(segments![1]!.key))!, 'regions');
    expect(segment.commits.map((c) => c.manifestKey)).toEqual(
      ['c04', 'c05', 'c06', 'c07'].map((name) => `silver/_manifests/${name}.csv.json`),
    );
    // c04…c07's customers 4…7, and the recurring 100 (c06), 101 (c07) and 102 (c05), each from its latest commit.
    expect(
      Array.from({ length: segment.state.count }, (_, i) =>
        Buffer.from(
          segment.state.ids.bytes.subarray(segment.state.ids.starts[i], segment.state.ids.ends[i]),
        ).toString(),
      ),
    ).toEqual(['100', '101', '102', '4', '5', '6', '7']);
    expect(Array.from(segment.state.source)).toEqual([2, 3, 1, 0, 1, 2, 3]);
  });

  it('groups commits merged one invocation at a time once eight are in no segment: the merge reads the seven earlier tables again', async () => {
    for (let i = 0; i < 7; i++) await result(await commit(i, i));
    expect((await checkpoint()).segments).toBeUndefined();
    expect(await result(await commit(7, 7))).toMatchObject({ action: 'merged', readCommits: 1 });
    const { commits, segments } = await checkpoint();
    expect(commits.map((c) => c.segment)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect((await lake.keys(SEGMENTS)).sort()).toEqual(segments!.map((s) => s.key).sort());
    // The next merge reads only its own table and groups nothing.
    expect(await result(await commit(8, 8))).toMatchObject({ action: 'merged', readCommits: 1 });
    expect((await checkpoint()).segments).toHaveLength(2);
  });

  it('a new version of one commit reads the other segment, the replaced segment’s three other commits and the two outside, and regroups them', async () => {
    await tenCommits();
    const before = await checkpoint();
    // c05 again, later, its own customer now cancelled.
    const replaced = await commit(5, 30, 'Cancelled');
    expect(await result(replaced)).toMatchObject({ action: 'rebuilt', readSegments: 1, readCommits: 6, customers: 13 });
    const after = await checkpoint();
    expect(after.segments?.[0]).toEqual(before.segments?.[0]);
    // The six commits read (c04…c09) form one new segment of four (c04…c07); c08 and c09 stay outside.
    expect(after.commits.map((c) => c.segment)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, undefined, undefined]);
    expect(after.segments?.[1]?.key).not.toBe(before.segments?.[1]?.key);
    // The replaced segment was deleted: the prefix holds exactly the two segments the checkpoint names.
    expect((await lake.keys(SEGMENTS)).sort()).toEqual(after.segments!.map((s) => s.key).sort());
    // 0…9 in South America (5 cancelled); 100 from c09, 101 from c07 and 102 from the new c05, all three Active.
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,3,3\nSouth America,10,9\n');
  });

  it('a removed commit leaves its segment’s other commits to be read as tables', async () => {
    const last = await tenCommits();
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver/_manifests/c01.csv.json' }));
    const removal = buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      eventTime: '2026-11-29T12:40:00.000Z',
      bucket: lake.bucket,
      key: 'silver/_manifests/c01.csv.json',
      size: 0,
      eTag: '',
      sequencer: '0040',
    });
    expect(await result(removal)).toMatchObject({ action: 'rebuilt', readSegments: 1, readCommits: 5, customers: 12 });
    const after = await checkpoint();
    expect(after.commits.map((c) => c.manifestKey.slice(-10, -9))).toEqual([
      '0',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    // Segment 1 (c04…c07) kept; c00, c02, c03, c08 and c09 read: one new segment of four, c09 outside.
    expect(after.commits.map((c) => c.segment)).toEqual([1, 1, 1, 0, 0, 0, 0, 1, undefined]);
    expect((await lake.keys(SEGMENTS)).sort()).toEqual(after.segments!.map((s) => s.key).sort());
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,3,2\nSouth America,9,9\n');
    // Covered afterwards: the event of c09 reads nothing.
    expect(await result(last)).toMatchObject({ action: 'covered', readCommits: 0 });
  });

  it('a segment that is gone or was rewritten is not used: its commits’ tables are read instead, and the result is the same', async () => {
    await tenCommits();
    const { segments } = await checkpoint();
    const [first, second] = segments!;
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: first!.key }));
    // The second segment's key now holds other bytes (a customer table).
    await lake.s3.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: second!.key,
        Body: await lake.bytes('silver-customers/c00.parquet'),
      }),
    );
    forgetImmutableReads();
    const replaced = await commit(9, 30, 'Cancelled');
    expect(await result(replaced)).toMatchObject({
      action: 'rebuilt',
      readSegments: 0,
      readCommits: 10,
      customers: 13,
    });
    // 100 from the new c09 (Active), 101 from c07 (Active), 102 from c08 (Cancelled); 9 cancelled now.
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,3,2\nSouth America,10,9\n');
    const after = await checkpoint();
    expect(after.segments?.map((s) => s.commits)).toEqual([4, 4]);
    expect((await lake.keys(SEGMENTS)).sort()).toEqual(after.segments!.map((s) => s.key).sort());
  });
});

describe('segments a checkpoint no longer names, and writes whose response was lost', () => {
  it('a checkpoint rebuilt from nothing (the old one deleted) deletes the segments only the old one named', async () => {
    const last = await tenCommits();
    const before = (await checkpoint()).segments!.map((ref) => ref.key);
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: STATE }));
    forgetImmutableReads();
    forgetProcessCache();
    expect(await result(last)).toMatchObject({ action: 'rebuilt', readCommits: 10 });
    const named = (await checkpoint()).segments!.map((ref) => ref.key);
    expect(named.some((key) => before.includes(key))).toBe(false);
    expect((await lake.keys(SEGMENTS)).sort()).toEqual([...named].sort());
  });

  it('a checkpoint naming a segment outside its segments prefix is not used, and nothing outside is deleted', async () => {
    await tenCommits();
    const stored = await checkpoint();
    const forged = {
      ...stored,
      segments: [...stored.segments!, { key: 'silver/_manifests/c00.csv.json', eTag: 'x', commits: 3 }],
    };
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: STATE, Body: encodeCheckpoint(forged) }));
    forgetProcessCache();
    expect(await result(await commit(5, 30, 'Cancelled'))).toMatchObject({
      action: 'rebuilt',
      readSegments: 0,
      readCommits: 10,
    });
    expect(await lake.text('silver/_manifests/c00.csv.json')).toBeDefined();
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,3,3\nSouth America,10,9\n');
  });

  it('a checkpoint write whose response is lost (the SDK retries and gets 412) counts as written: its segments stay, the replaced ones go', async () => {
    await tenCommits();
    const client = lake.store.createClient();
    let lost = false;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const output = await next(args);
        if (!lost && context.commandName === 'PutObjectCommand' && (args.input as { Key?: string }).Key === STATE) {
          lost = true;
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        }
        return output;
      },
      { step: 'deserialize', name: 'loseResponse' },
    );
    const report = (await createLayerHandler(regionsLayer(), { s3: client })(
      await commit(5, 30, 'Cancelled'),
    )) as Report;
    expect(lost).toBe(true);
    expect(report.results[0]).toMatchObject({ action: 'rebuilt', readSegments: 1 });
    const named = (await checkpoint()).segments!.map((ref) => ref.key);
    expect((await lake.keys(SEGMENTS)).sort()).toEqual([...named].sort());
    expect(await lake.text('regions/counts.csv')).toBe('Region,Customers,Subscribed\nAsia,3,3\nSouth America,10,9\n');
  });
});

describe('checkpointSettings', () => {
  it('reads MEDALLION_CHECKPOINT_SEGMENT_COMMITS (32 when unset) and MEDALLION_CHECKPOINT_BASE_CUSTOMERS (50,000), and refuses what is not an integer in range', () => {
    expect(checkpointSettings({})).toEqual({ segmentCommits: 32, baseMinCustomers: 50_000 });
    expect(
      checkpointSettings({ MEDALLION_CHECKPOINT_SEGMENT_COMMITS: ' ', MEDALLION_CHECKPOINT_BASE_CUSTOMERS: '1' }),
    ).toEqual({ segmentCommits: 32, baseMinCustomers: 1 });
    expect(checkpointSettings({ MEDALLION_CHECKPOINT_SEGMENT_COMMITS: '64' }).segmentCommits).toBe(64);
    for (const bad of ['1', '2.5', 'many', '-4', '0x10', '1e2']) {
      expect(() => checkpointSettings({ MEDALLION_CHECKPOINT_SEGMENT_COMMITS: bad })).toThrow(
        `MEDALLION_CHECKPOINT_SEGMENT_COMMITS=${bad}: give a whole number of commits, 2 or more`,
      );
    }
    expect(() => checkpointSettings({ MEDALLION_CHECKPOINT_BASE_CUSTOMERS: '0' })).toThrow(
      'MEDALLION_CHECKPOINT_BASE_CUSTOMERS=0: give a whole number of customers, 1 or more',
    );
  });
});
