import { formatCsv } from '@medallion/csv-io';
import { regionForCountry } from '@medallion/regions';
import { describe, expect, it } from 'vitest';
import { DATABLIST_HEADER, generateCustomerRows } from './generate-customers';

describe('generateCustomerRows', () => {
  it('is deterministic for a seed and writes the original sample schema', () => {
    const a = [...generateCustomerRows(100, 7)];
    expect([...generateCustomerRows(100, 7)]).toEqual(a);
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
});
