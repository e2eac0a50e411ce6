import { describe, expect, it } from 'vitest';
import { FileRejectedError } from '@medallion/schemas';
import { SilverTransform } from '../src';

const HEADER = ['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'];

describe('SilverTransform', () => {
  it('appends Region to the header as read', () => {
    expect(new SilverTransform([' Customer Id', 'Country']).header).toEqual([' Customer Id', 'Country', 'Region']);
  });

  it('keeps every field in order, trims the ID and appends the region', () => {
    const transform = new SilverTransform(HEADER);
    expect(transform.apply({ fields: [' 001 ', 'Ana', 'Brazil', 'Active'], raw: ' 001 ,Ana,Brazil,Active', line: 2 })).toEqual({
      kind: 'silver',
      row: ['001', 'Ana', 'Brazil', 'Active', 'South America'],
      region: 'South America',
      failures: [],
    });
  });

  it('gives Others, kept, for a country it does not know', () => {
    const transform = new SilverTransform(HEADER);
    expect(transform.apply({ fields: ['9', 'Zed', 'Atlantis', 'Active'], raw: '9,Zed,Atlantis,Active', line: 5 })).toMatchObject({ kind: 'silver', region: 'Others' });
  });

  it('quarantines with line, reason and the raw record', () => {
    const transform = new SilverTransform(HEADER);
    expect(transform.apply({ fields: ['', 'Nameless', 'Kenya', 'Active'], raw: ',Nameless,Kenya,Active', line: 3 })).toEqual({
      kind: 'quarantine',
      row: ['3', 'customer-id-present: Customer ID is empty', ',Nameless,Kenya,Active'],
      failures: [{ rule: 'customer-id-present', action: 'quarantine', message: 'Customer ID is empty' }],
    });
  });

  it('reports blanks', () => {
    expect(new SilverTransform(HEADER).apply({ fields: ['', '', '', ''], raw: ',,,', line: 4 })).toEqual({ kind: 'blank' });
  });

  it('refuses a header without a country column', () => {
    expect(() => new SilverTransform(['Customer ID', 'Name'])).toThrow(FileRejectedError);
  });
});
