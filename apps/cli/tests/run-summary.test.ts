import { PutObjectCommand } from '@aws-sdk/client-s3';
import { EventRouter } from '@medallion/local-s3';
import { startTestLake } from '@medallion/local-s3/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadLakeLayers } from '../src/lake-layers';
import { summarizeRun } from '../src/run-summary';

describe('summarizeRun', () => {
  it('counts a file silver could write nothing for (its derived keys too long) as rejected, with its rule and reason', async () => {
    const lake = await startTestLake();
    onTestFinished(() => lake.close());
    const router = new EventRouter((await loadLakeLayers(lake.s3)).filter((route) => route.name === 'silver'));
    lake.store.onObjectChange((change) => router.publish(change));
    const key = `bronze/${'x'.repeat(999)}.csv`;
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: 'Customer ID,Country\n1,Chile\n' }));
    await router.idle();

    const { summary, problems } = summarizeRun([key], [undefined], router.deliveries);

    const reason =
      "the object key is 1010 bytes: silver's outputs would need keys of 1026 bytes, over S3's 1024; upload it under a key shorter by 2 bytes or more";
    expect(summary.files).toEqual([{ key, outcome: 'rejected', rule: 'object-key-fits', reason }]);
    expect(summary.counts).toMatchObject({ files: 1, rejectedFiles: 1, bronzeRows: 0 });
    expect(problems).toEqual({ rejections: [{ key, reason }], failures: [] });
  });
});
