import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readParquet,
  textColumnFromStrings,
  writeParquet,
  writeParquetWithLibrary,
  type ParquetTable,
} from '../src/index';
import { anyLayout, anyTable } from './parquet-arbitraries';

describe('writeParquet', () => {
  it('writes exactly the bytes of hyparquet-writer for any table and layout (property, 400 random tables)', () => {
    fc.assert(
      fc.property(anyTable, anyLayout, (table, layout) => {
        expect(
          Buffer.from(writeParquet(table, layout)).equals(Buffer.from(writeParquetWithLibrary(table, layout))),
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('writes the same bytes as hyparquet-writer for 300,000 rows in its default layout (pages of 1 MiB, an offset index)', () => {
    const rows = 300_000;
    const table: ParquetTable = {
      rows,
      metadata: { 'medallion.test': 'yes' },
      columns: [
        {
          name: 'customer_id',
          kind: 'text',
          values: textColumnFromStrings(Array.from({ length: rows }, (_, i) => `C${String(i).padStart(7, '0')}`)),
        },
        {
          name: 'region',
          kind: 'category',
          categories: ['Africa', 'Europe', 'Asia'],
          codes: Uint16Array.from({ length: rows }, (_, i) => (i * 7) % 3),
        },
        {
          name: 'subscribed',
          kind: 'boolean',
          values: Uint8Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? 1 : 0)),
        },
        { name: 'bronze_line', kind: 'int32', values: Int32Array.from({ length: rows }, (_, i) => i + 2) },
      ],
    };
    const fast = writeParquet(table);
    expect(fast.byteLength).toBe(writeParquetWithLibrary(table).byteLength);
    expect(Buffer.from(fast).equals(Buffer.from(writeParquetWithLibrary(table)))).toBe(true);
  });

  it('refuses a column that does not hold one value per row', () => {
    const table: ParquetTable = {
      rows: 2,
      metadata: {},
      columns: [{ name: 'n', kind: 'int32', values: Int32Array.of(1) }],
    };
    expect(() => writeParquet(table)).toThrow('column n holds 1 values for 2 rows');
  });

  it('writes a file whose columns, rows and metadata read back exactly', async () => {
    const table: ParquetTable = {
      rows: 3,
      metadata: { 'medallion.table': '{"format":1}' },
      columns: [
        { name: 'customer_id', kind: 'text', values: textColumnFromStrings(['001', 'é😀', '']) },
        { name: 'region', kind: 'category', categories: ['Europe', 'Asia'], codes: Uint16Array.of(1, 1, 0) },
        { name: 'subscribed', kind: 'boolean', values: Uint8Array.of(1, 0, 1) },
        { name: 'bronze_line', kind: 'int32', values: Int32Array.of(2, 7, -1) },
      ],
    };
    const bytes = writeParquet(table);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('PAR1');
    expect(Buffer.from(bytes.subarray(-4)).toString('latin1')).toBe('PAR1');
    const read = await readParquet(bytes, {
      customer_id: 'text',
      region: 'category',
      subscribed: 'boolean',
      bronze_line: 'int32',
    });
    expect(read.rows).toBe(3);
    expect(read.metadata).toEqual({ 'medallion.table': '{"format":1}' });
    const [ids, region, subscribed, line] = read.columns;
    expect(
      ids?.kind === 'text' &&
        [0, 1, 2].map((i) =>
          Buffer.from(ids.values.bytes.subarray(ids.values.starts[i], ids.values.ends[i])).toString(),
        ),
    ).toEqual(['001', 'é😀', '']);
    expect(region?.kind === 'category' && Array.from(region.codes, (code) => region.categories[code])).toEqual([
      'Asia',
      'Asia',
      'Europe',
    ]);
    expect(subscribed?.kind === 'boolean' && Array.from(subscribed.values)).toEqual([1, 0, 1]);
    expect(line?.kind === 'int32' && Array.from(line.values)).toEqual([2, 7, -1]);
  });
});
