import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../src';

describe('the gold handler and its settings', () => {
  afterEach(() => {
    delete process.env['MEDALLION_CHECKPOINT_SEGMENT_COMMITS'];
  });

  it('fails the invocation with an error naming a bad variable and what it accepts, before touching S3', async () => {
    process.env['MEDALLION_CHECKPOINT_SEGMENT_COMMITS'] = '1';
    await expect(handler({ Records: [] })).rejects.toThrow(
      'MEDALLION_CHECKPOINT_SEGMENT_COMMITS=1: give a whole number of commits, 2 or more',
    );
  });
});
