import fc from 'fast-check';
import {
  textColumnFromStrings,
  textColumnToStrings,
  type ParquetColumn,
  type ParquetLayout,
  type ParquetTable,
} from '../src/index';

/** Text of any Unicode (astral characters and combining marks included), empty included. */
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

/** One random column of `rows` values, of any kind. */
function columnOf(name: string, rows: number): fc.Arbitrary<ParquetColumn> {
  return fc.oneof(
    fc
      .array(anyText, { minLength: rows, maxLength: rows })
      .map((values): ParquetColumn => ({ name, kind: 'text', values: textColumnFromStrings(values) })),
    fc
      .uniqueArray(anyText, { minLength: 1, maxLength: 6 })
      .chain((categories) =>
        fc
          .array(fc.nat({ max: categories.length - 1 }), { minLength: rows, maxLength: rows })
          .map((codes): ParquetColumn => ({ name, kind: 'category', categories, codes: Uint16Array.from(codes) })),
      ),
    fc
      .array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: rows, maxLength: rows })
      .map((values): ParquetColumn => ({ name, kind: 'int32', values: Int32Array.from(values) })),
    // Runs of one value (1 to 20 long), so both run-length and bit-packed groups occur.
    fc
      .array(fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 40 })
      .map((runs) => runs.flatMap(([value, length]) => Array.from({ length }, () => value)))
      .map((bits): ParquetColumn => ({
        name,
        kind: 'boolean',
        values: Uint8Array.from({ length: rows }, (_, i) => bits[i % bits.length]!),
      })),
  );
}

/** A random table: 0 to 300 rows, 1 to 5 columns of any kind, random footer metadata. */
export const anyTable: fc.Arbitrary<ParquetTable> = fc
  .tuple(fc.nat({ max: 300 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, width]) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.tuple(...Array.from({ length: width }, (_, i) => columnOf(`column_${i}`, rows))),
      metadata: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), anyText, { maxKeys: 3 }),
    }),
  );

/** Small pages and row groups, so that tables of a few rows still span many of each (and the offset index is written). */
export const anyLayout: fc.Arbitrary<ParquetLayout> = fc.record(
  { rowGroupRows: fc.integer({ min: 1, max: 120 }), pageBytes: fc.integer({ min: 1, max: 300 }) },
  { requiredKeys: [] },
);

/** A table's content as plain values (text decoded, categories resolved), to compare tables read in different ways. */
export function plainValues(table: ParquetTable): {
  rows: number;
  metadata: Record<string, string>;
  columns: Array<[string, unknown[]]>;
} {
  return {
    rows: table.rows,
    metadata: { ...table.metadata },
    columns: table.columns.map((column) => [
      column.name,
      column.kind === 'text'
        ? textColumnToStrings(column.values)
        : column.kind === 'category'
          ? Array.from(column.codes, (code) => column.categories[code])
          : Array.from(column.values),
    ]),
  };
}
