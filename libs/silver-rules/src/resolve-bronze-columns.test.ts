import { describe, expect, it } from 'vitest';
import { resolveBronzeColumns } from './resolve-bronze-columns';

describe('resolveBronzeColumns', () => {
  it("finds the original README schema's columns", () => {
    expect(resolveBronzeColumns(['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'])).toEqual({
      width: 4,
      customerId: 0,
      country: 2,
      status: 3,
    });
  });

  it("finds the original sample files' columns (no status column)", () => {
    const header = [
      'Index',
      'Customer Id',
      'First Name',
      'Last Name',
      'Company',
      'City',
      'Country',
      'Phone 1',
      'Phone 2',
      'Email',
      'Subscription Date',
      'Website',
    ];
    expect(resolveBronzeColumns(header)).toEqual({ width: 12, customerId: 1, country: 6, status: undefined });
  });

  it('ignores case and surrounding space in header names', () => {
    expect(resolveBronzeColumns([' customer id ', 'COUNTRY', 'subscription STATUS '])).toEqual({
      width: 3,
      customerId: 0,
      country: 1,
      status: 2,
    });
  });

  it('takes a Status column for the status, and prefers Subscription Status over it', () => {
    expect(resolveBronzeColumns(['Customer ID', 'Name', 'Country', 'Status']).status).toBe(3);
    expect(resolveBronzeColumns(['Status', 'Customer ID', 'Country', 'Subscription Status']).status).toBe(3);
  });

  it('prefers Customer Country over Country when both exist', () => {
    expect(resolveBronzeColumns(['Country', 'Customer ID', 'Customer Country']).country).toBe(2);
  });

  it.each([
    [
      ['Customer ID', 'Customer Name', 'Customer Country', 'Customer Country', 'Subscription Status'],
      'duplicate column "Customer Country" in the header',
    ],
    [['Customer ID', 'customer id ', 'Country'], 'duplicate column "customer id" in the header'],
    [
      ['Customer ID', 'Customer Name', 'Subscription Status'],
      'no country column (expected "Customer Country" or "Country")',
    ],
    [['Name', 'Country'], 'no Customer ID column (expected "Customer ID" or "Customer Id")'],
    [[''], 'no header: the first record has no column names'],
    [['Customer ID', 'Customer\u0001Name', 'Country'], 'header column 2 has an unprintable character, U+0001'],
    [['Customer ID', '\uFEFFCountry'], 'header column 2 has an unprintable character, U+FEFF'],
    [['Customer ID', 'Country', 'Note\nTwo'], 'header column 3 has an unprintable character, U+000A'],
    [['Customer ID', 'Coun\u200Btry'], 'header column 2 has an unprintable character, U+200B'],
    [[' ', '\t'], 'no header: the first record has no column names'],
  ])('rejects %j: %s', (header, reason) => {
    expect(() => resolveBronzeColumns(header)).toThrow(
      expect.objectContaining({ name: 'FileRejectedError', message: reason }),
    );
  });

  it('names the failed rule', () => {
    expect(() => resolveBronzeColumns(['Customer ID', 'Country', 'country'])).toThrow(
      expect.objectContaining({ rule: 'column-names-unique' }),
    );
    expect(() => resolveBronzeColumns(['Name', 'Country'])).toThrow(
      expect.objectContaining({ rule: 'customer-id-column-present' }),
    );
  });
});
