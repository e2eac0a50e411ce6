import { describe, expect, it } from 'vitest';
import { FileRejectedError } from './errors';
import { resolveSilverColumns } from './resolve-columns';

describe('resolveSilverColumns', () => {
  it('uses the last Region column (the one silver appended)', () => {
    expect(resolveSilverColumns(['Customer Id', 'Region', 'Country', 'Subscription Status', 'Region'])).toEqual({
      customerId: 0,
      region: 4,
      status: 3,
    });
  });

  it('rejects a table without Region', () => {
    expect(() => resolveSilverColumns(['Customer ID', 'Country'])).toThrow(FileRejectedError);
  });
});
