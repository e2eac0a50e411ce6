import type { TextColumn } from './text-column';

/**
 * One column of a {@link ParquetTable}, in the in-memory form medallion computes with. Every
 * column is required (no nulls) and holds one value per row.
 * - `text`: UTF-8 strings as byte ranges (Parquet `BYTE_ARRAY` / `STRING`, plain encoding);
 * - `category`: a few distinct strings, each row an index into `categories` (`STRING`, dictionary encoding);
 * - `int32`: 32-bit integers (`INT32`);
 * - `boolean`: 0 or 1 per row (`BOOLEAN`).
 */
export type ParquetColumn =
  | { readonly name: string; readonly kind: 'text'; readonly values: TextColumn }
  | {
      readonly name: string;
      readonly kind: 'category';
      readonly categories: readonly string[];
      readonly codes: Uint16Array;
    }
  | { readonly name: string; readonly kind: 'int32'; readonly values: Int32Array }
  | { readonly name: string; readonly kind: 'boolean'; readonly values: Uint8Array };

/** The kinds of {@link ParquetColumn}. */
export type ParquetColumnKind = ParquetColumn['kind'];

/** A table as one Parquet file holds it: its rows' columns and the footer's key-value metadata. */
export interface ParquetTable {
  /** Rows (each column holds this many values). */
  readonly rows: number;
  readonly columns: readonly ParquetColumn[];
  /** The file's key-value metadata (e.g. what wrote it and why), UTF-8 strings. */
  readonly metadata: Readonly<Record<string, string>>;
}

/** The columns a reader asks for: name → kind. */
export type ParquetColumnRequest = Readonly<Record<string, ParquetColumnKind>>;
