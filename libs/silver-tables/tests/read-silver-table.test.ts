import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { customerIdAt, type CustomerRecords } from '@medallion/customer-records';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSilverTableRecords } from '../src';

let lake: TestLake;
const env = () => ({ s3: lake.s3, logger: new Logger({ logLevel: 'SILENT' }) });

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

async function table(key: string, body: string): Promise<{ key: string; eTag: string }> {
  await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body }));
  return {
    key,
    eTag: (await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: key }))).ETag!.replace(/"/g, ''),
  };
}

const plain = (records: CustomerRecords) =>
  Array.from({ length: records.count }, (_, i) => [
    customerIdAt(records, i),
    records.regions[records.region[i]!],
    records.subscribed[i],
    records.line[i],
    records.source[i],
  ]);

describe('readSilverTableRecords', () => {
  it("reads a wide silver table into each Customer ID's last row, sorted, with spreadsheet escapes undone", async () => {
    const silver = await table(
      'silver/a.csv',
      "Region,Customer Id,Subscription Status\nEurope,2,Active\nAsia,'-1,No\nOthers,2,no\n",
    );
    const read = await readSilverTableRecords(env(), lake.bucket, silver, 3);
    expect(read?.rows).toBe(3);
    expect(plain(read!.records)).toEqual([
      ['-1', 'Asia', 0, 3, 3],
      ['2', 'Others', 0, 4, 3],
    ]);
  });

  it('reads the same records on two worker threads in batches of a few bytes', async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `${i % 120},Country ${i},${i % 3 ? 'Asia' : 'Europe'},${i % 2 ? 'Active' : 'Inactive'}`,
    );
    const silver = await table(
      'silver/big.csv',
      `Customer ID,Country,Region,Subscription Status\n${rows.join('\n')}\n`,
    );
    const inline = await readSilverTableRecords(env(), lake.bucket, silver, 0);
    const threaded = await readSilverTableRecords(env(), lake.bucket, silver, 0, {
      threads: 2,
      parallelMinBytes: 0,
      batchBytes: 64,
    });
    expect(inline!.records.count).toBe(120);
    expect(inline!.rows).toBe(300);
    expect(plain(threaded!.records)).toEqual(plain(inline!.records));
  });

  it('skips an object without a Customer ID or Region column, and refuses one that changed since its manifest', async () => {
    expect(
      await readSilverTableRecords(env(), lake.bucket, await table('silver/n.csv', 'Name,Country\nx,Chile\n'), 0),
    ).toBeUndefined();
    const silver = await table('silver/c.csv', 'Customer ID,Region\n1,Asia\n');
    await table('silver/c.csv', 'Customer ID,Region\n2,Asia\n');
    await expect(readSilverTableRecords(env(), lake.bucket, silver, 0)).rejects.toThrow(
      'silver table silver/c.csv changed since its manifest was written',
    );
  });
});
