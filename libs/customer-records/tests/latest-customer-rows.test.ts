import { describe, expect, it } from 'vitest';
import { LatestCustomerRows } from '../src/index';
import { plainOf } from './customer-records-model';

describe('LatestCustomerRows', () => {
  it("keeps each Customer ID's last row of the file, sorted by ID, and ignores rows without an ID", () => {
    const rows = new LatestCustomerRows();
    rows.add('003', 'Asia', true, 2);
    rows.add('001', 'Europe', false, 3);
    rows.add('', 'Europe', true, 4);
    rows.add('003', 'Others', false, 5);
    rows.add('0001', 'Europe', true, 6);
    expect(rows.rows).toBe(5);
    expect(rows.customers).toBe(3);
    expect(plainOf(rows.toRecords(7))).toEqual([
      { id: '0001', region: 'Europe', subscribed: 1, line: 6, source: 7 },
      { id: '001', region: 'Europe', subscribed: 0, line: 3, source: 7 },
      { id: '003', region: 'Others', subscribed: 0, line: 5, source: 7 },
    ]);
  });

  it('grows past its first 1,024 slots', () => {
    const rows = new LatestCustomerRows();
    for (let i = 0; i < 5000; i++)
      rows.add(`C${String(i).padStart(5, '0')}`, i % 2 ? 'Asia' : 'Europe', i % 2 === 0, i + 2);
    const records = rows.toRecords();
    expect(records.count).toBe(5000);
    expect(plainOf(records)[4999]).toEqual({ id: 'C04999', region: 'Asia', subscribed: 0, line: 5001, source: 0 });
  });
});
