import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import {
  ParquetFormatError,
  readParquet,
  textColumnFromStrings,
  writeParquet,
  type ParquetColumnRequest,
  type ParquetTable,
} from '../src/index';
import { readParquetWithLibrary } from '../src/read-parquet-with-library';
import { anyLayout, anyTable, plainValues } from './parquet-arbitraries';

const requestOf = (table: ParquetTable): ParquetColumnRequest =>
  Object.fromEntries(table.columns.map((column) => [column.name, column.kind]));

describe('readParquet', () => {
  it('reads what writeParquet wrote, value for value as hyparquet reads it (property, 300 random tables and layouts)', async () => {
    await fc.assert(
      fc.asyncProperty(anyTable, anyLayout, async (table, layout) => {
        const bytes = writeParquet(table, layout);
        const fast = await readParquet(bytes, requestOf(table));
        expect(plainValues(fast)).toEqual(plainValues(await readParquetWithLibrary(bytes, requestOf(table))));
        expect(plainValues(fast)).toEqual(plainValues(table));
      }),
      { numRuns: 300 },
    );
  });

  it('points text values into the file itself: no copy of the bytes', async () => {
    const bytes = writeParquet({
      rows: 2,
      metadata: {},
      columns: [{ name: 'id', kind: 'text', values: textColumnFromStrings(['a1', 'b22']) }],
    });
    const [column] = (await readParquet(bytes, { id: 'text' })).columns;
    expect(column?.kind === 'text' && column.values.bytes).toBe(bytes);
    expect(
      column?.kind === 'text' && Array.from(column.values.ends, (end, i) => end - column.values.starts[i]!),
    ).toEqual([2, 3]);
  });

  it('reads files of other writers settings (Snappy, optional columns, dictionary text, automatic encodings) through hyparquet, with the same values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean()), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.constantFrom('SNAPPY', 'UNCOMPRESSED'),
        fc.boolean(),
        async (rows, codec, optional) => {
          const repetition = optional ? 'OPTIONAL' : 'REQUIRED';
          const bytes = new Uint8Array(
            parquetWriteBuffer({
              schema: [
                { name: 'root', num_children: 3 },
                { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition },
                { name: 'n', type: 'INT32', repetition_type: repetition },
                { name: 'flag', type: 'BOOLEAN', repetition_type: repetition },
              ],
              columnData: [
                { name: 'id', data: rows.map(([id]) => id) },
                { name: 'n', data: rows.map(([, n]) => n) },
                { name: 'flag', data: rows.map(([, , flag]) => flag) },
              ],
              codec,
            }),
          );
          const request = { id: 'text', n: 'int32', flag: 'boolean' } as const;
          const read = plainValues(await readParquet(bytes, request));
          expect(read).toEqual(plainValues(await readParquetWithLibrary(bytes, request)));
          expect(read.columns).toEqual([
            ['id', rows.map(([id]) => id)],
            ['n', rows.map(([, n]) => n)],
            ['flag', rows.map(([, , flag]) => (flag ? 1 : 0))],
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says what is wrong with a file it cannot read as asked', async () => {
    const bytes = writeParquet({
      rows: 1,
      metadata: {},
      columns: [{ name: 'n', kind: 'int32', values: Int32Array.of(5) }],
    });
    await expect(readParquet(new TextEncoder().encode('Customer ID\n001\n'), { n: 'int32' })).rejects.toThrow(
      ParquetFormatError,
    );
    await expect(readParquet(bytes, { id: 'text' })).rejects.toThrow('no column id in the Parquet file');
    await expect(readParquet(bytes, { n: 'text' })).rejects.toThrow('column n is INT32, not text');
  });

  it('refuses a null in a column read as required', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({ columnData: [{ name: 'n', data: [1, null, 3], type: 'INT32' }] }),
    );
    await expect(readParquet(bytes, { n: 'int32' })).rejects.toThrow(
      'column n holds a null; it must have a value in every row',
    );
  });
});
