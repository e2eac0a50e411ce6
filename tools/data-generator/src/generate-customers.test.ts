import { formatCsv } from '@medallion/csv-io';
import { regionForCountry } from '@medallion/regions';
import { describe, expect, it } from 'vitest';
import { DATABLIST_HEADER, generateCustomerRows, STATUS_COLUMN } from './generate-customers';
import { isSubscribed } from '@medallion/schemas';

describe('generateCustomerRows', () => {
  it('is deterministic for a seed and writes the original sample schema', () => {
    const a = [...generateCustomerRows(100, 7, { status: false })];
    expect([...generateCustomerRows(100, 7, { status: false })]).toEqual(a);
    expect(a[0]).toEqual([...DATABLIST_HEADER]);
    expect(a).toHaveLength(101);
    expect(a.slice(1).every((row) => row.length === 12 && /^[0-9a-fA-F]{15}$/.test(row[1]!))).toBe(true);
  });

  it('rows are about 180 bytes and every country maps to a real region', () => {
    const rows = [...generateCustomerRows(2000)].slice(1);
    const bytes = Buffer.byteLength(formatCsv(rows));
    expect(bytes / rows.length).toBeGreaterThan(150);
    expect(bytes / rows.length).toBeLessThan(210);
    expect(rows.filter((row) => regionForCountry(row[6]!) === 'Others')).toEqual([]);
  });

  it('adds a Subscription Status column by default, leaving every other column as it is without it', () => {
    const withStatus = [...generateCustomerRows(1000, 7)];
    const without = [...generateCustomerRows(1000, 7, { status: false })];
    expect(withStatus[0]).toEqual([...DATABLIST_HEADER, STATUS_COLUMN]);
    expect(withStatus.map((row) => row.slice(0, 12))).toEqual(without);
    const subscribed = withStatus.slice(1).filter((row) => isSubscribed(row[12])).length;
    expect(subscribed).toBeGreaterThan(530);
    expect(subscribed).toBeLessThan(630);
    expect(new Set(withStatus.slice(1).map((row) => row[12]))).toEqual(
      new Set(['Active', 'Inactive', 'Subscribed', 'Cancelled', 'Yes', 'Unsubscribed']),
    );
  });
});
