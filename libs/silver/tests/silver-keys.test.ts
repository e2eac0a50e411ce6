import fc from 'fast-check';
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

  it('never gives two bronze keys one output: a stem that would end in .csv again keeps the path whole', () => {
    const keys = ['x.csv', 'x.CSV', 'x.CSV.csv', 'x.csv.csv', 'x.Csv.CSV', 'a/x.csv', 'a/x.CSV.csv'].map((name) =>
      silverKeysFor(`bronze/${name}`, 'bronze/'),
    );
    expect(keys.map((k) => [k.customers, k.rejection])).toEqual([
      ['silver-customers/x.parquet', 'quarantine/x.error.json'],
      ['silver-customers/x.CSV.parquet', 'quarantine/x.CSV.error.json'],
      ['silver-customers/x.CSV.csv.parquet', 'quarantine/x.CSV.csv.error.json'],
      ['silver-customers/x.csv.csv.parquet', 'quarantine/x.csv.csv.error.json'],
      ['silver-customers/x.Csv.CSV.parquet', 'quarantine/x.Csv.CSV.error.json'],
      ['silver-customers/a/x.parquet', 'quarantine/a/x.error.json'],
      ['silver-customers/a/x.CSV.csv.parquet', 'quarantine/a/x.CSV.csv.error.json'],
    ]);
    for (const field of ['silver', 'customers', 'quarantine', 'rejection', 'manifest'] as const)
      expect(new Set(keys.map((k) => k[field])).size).toBe(keys.length);
  });

  it('is one-to-one on random names made of the letters of .csv in both cases (property)', () => {
    const anyName = fc
      .tuple(
        fc.string({ unit: fc.constantFrom('x', '.', 'c', 's', 'v', 'C', 'S', 'V', '/'), maxLength: 10 }),
        fc.constantFrom('.csv', '.CSV', '.Csv'),
      )
      .map(([stem, extension]) => stem + extension);
    fc.assert(
      fc.property(fc.uniqueArray(anyName, { minLength: 2, maxLength: 12 }), (names) => {
        const keys = names.map((name) => silverKeysFor(`bronze/${name}`, 'bronze/'));
        for (const field of ['silver', 'customers', 'quarantine', 'rejection', 'manifest'] as const)
          expect(new Set(keys.map((k) => k[field])).size).toBe(names.length);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a key whose name does not end in .csv', () => {
    expect(() => silverKeysFor('bronze/a.txt', 'bronze/')).toThrow('key bronze/a.txt is not a .csv object');
  });

  it('refuses a key outside the prefix', () => {
    expect(() => silverKeysFor('silver/a.csv', 'bronze/')).toThrow('key silver/a.csv is outside bronze/');
  });
});
