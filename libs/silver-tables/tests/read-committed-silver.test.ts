import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommittedSilver, type CustomerKeys, type SilverObjectOrder } from '../src';
import { commitSilverTable } from '../src/testing';

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

/** Commits a silver table (see `commitSilverTable`) and returns its ETag. */
async function commit(name: string, body: string, sequencer: string, outcome: 'processed' | 'rejected' = 'processed'): Promise<string> {
  await commitSilverTable(lake, name, body, { sequencer, outcome });
  return (await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: `silver/${name}.csv` }))).ETag!.replace(/"/g, '');
}

describe('readCommittedSilver', () => {
  it('hands every row of every committed silver table to the sink, with its ingest order and columns, and nothing else', async () => {
    const b = await commit('b', 'Customer ID,Country,Region\n2,Japan,Asia\n3,Peru,South America\n', '02');
    const a = await commit('a', 'Region,Customer Id,Subscription Status\nEurope,1,Active\n', '01');
    await commit('refused', 'Customer ID,Country,Region\n9,Chile,South America\n', '03', 'rejected');
    await commit('not-silver', 'Name,Country\nx,Chile\n', '04');
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'silver/orphan.csv', Body: 'Customer ID,Country,Region\n8,Fiji,Oceania\n' }));
    const rows: Array<[string, number, string, string, boolean]> = [];
    const sink = {
      addKeys: (object: SilverObjectOrder, firstRow: number, keys: CustomerKeys) =>
        keys.customerIds.forEach((id, i) => rows.push([`${object.key}@${object.sequencer}`, firstRow + i, id, keys.regionNames[keys.regionIndexes[i]!]!, keys.subscribed[i] === 1])),
    };
    const env = { s3: lake.s3, logger: new Logger({ logLevel: 'SILENT' }) };
    const read = await readCommittedSilver(env, lake.bucket, sink);
    expect(read).toEqual({
      sources: [
        { key: 'silver/a.csv', eTag: a, manifestKey: 'silver/_manifests/a.csv.json' },
        { key: 'silver/b.csv', eTag: b, manifestKey: 'silver/_manifests/b.csv.json' },
      ],
      skippedObjects: 1,
    });
    expect(rows.sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1))).toEqual([
      ['silver/a.csv@01', 0, '1', 'Europe', true],
      ['silver/b.csv@02', 0, '2', 'Asia', true],
      ['silver/b.csv@02', 1, '3', 'South America', true],
    ]);
    // On two worker threads, in batches of a few bytes: the same rows.
    const threaded: typeof rows = [];
    const threadedSink = { addKeys: (object: SilverObjectOrder, firstRow: number, keys: CustomerKeys) => keys.customerIds.forEach((id, i) => threaded.push([`${object.key}@${object.sequencer}`, firstRow + i, id, keys.regionNames[keys.regionIndexes[i]!]!, keys.subscribed[i] === 1])) };
    expect(await readCommittedSilver(env, lake.bucket, threadedSink, { threads: 2, parallelMinBytes: 0, batchBytes: 8 })).toEqual(read);
    expect(threaded.sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1))).toEqual(rows);
  });
});
