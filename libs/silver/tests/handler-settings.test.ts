import { S3Client } from '@aws-sdk/client-s3';
import { InvalidSettingError } from '@medallion/settings';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../src';

describe('the silver handler and its settings', () => {
  afterEach(() => {
    delete process.env['MEDALLION_MAX_QUARANTINED_PERCENT'];
    delete process.env['MEDALLION_WORKER_THREADS'];
    delete process.env['MEDALLION_S3_ENDPOINT'];
  });

  it('fails every invocation with an error naming a bad variable and what it accepts, before touching S3', async () => {
    process.env['MEDALLION_MAX_QUARANTINED_PERCENT'] = '10%';
    for (let invocation = 0; invocation < 2; invocation++)
      await expect(handler({ Records: [] })).rejects.toThrow(
        "MEDALLION_MAX_QUARANTINED_PERCENT=10%: give a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
      );
    delete process.env['MEDALLION_MAX_QUARANTINED_PERCENT'];
    process.env['MEDALLION_WORKER_THREADS'] = 'many';
    await expect(handler({ Records: [] })).rejects.toThrow(InvalidSettingError);
  });

  it('checks MEDALLION_S3_ENDPOINT only where it would be used: not in a handler given its S3 client', async () => {
    process.env['MEDALLION_S3_ENDPOINT'] = 'notaurl';
    await expect(handler({ Records: [] })).rejects.toThrow(
      'MEDALLION_S3_ENDPOINT=notaurl: give an http:// or https:// URL of an S3-compatible store',
    );
    const s3 = new S3Client({ region: 'us-east-1' });
    await expect(handler.withS3Client(s3)({ Records: [] })).resolves.toMatchObject({ results: [], skipped: [] });
  });
});
