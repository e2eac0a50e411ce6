import { InvalidSettingError } from '@medallion/settings';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../src';

describe('the silver handler and its settings', () => {
  afterEach(() => {
    delete process.env['MEDALLION_MAX_QUARANTINED_PERCENT'];
    delete process.env['MEDALLION_WORKER_THREADS'];
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
});
