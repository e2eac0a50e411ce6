import { describe, expect, it } from 'vitest';
import { silverKeysFor } from '../src';

describe('silverKeysFor', () => {
  it('derives silver, customer table, quarantine and rejection keys from the path under bronze/', () => {
    expect(silverKeysFor('bronze/2026/customers 1.csv', 'bronze/')).toEqual({
      silver: 'silver/2026/customers 1.csv',
      customers: 'silver-customers/2026/customers 1.parquet',
      quarantine: 'quarantine/2026/customers 1.csv',
      rejection: 'quarantine/2026/customers 1.error.json',
      manifest: 'silver/_manifests/2026/customers 1.csv.json',
    });
  });

  it('keeps an upper-case extension, so x.csv and x.CSV never share an output', () => {
    expect(silverKeysFor('bronze/x.CSV', 'bronze/')).toEqual({
      silver: 'silver/x.CSV',
      customers: 'silver-customers/x.CSV.parquet',
      quarantine: 'quarantine/x.CSV',
      rejection: 'quarantine/x.CSV.error.json',
      manifest: 'silver/_manifests/x.CSV.json',
    });
  });

  it('refuses a key outside the prefix', () => {
    expect(() => silverKeysFor('silver/a.csv', 'bronze/')).toThrow('key silver/a.csv is outside bronze/');
  });
});
