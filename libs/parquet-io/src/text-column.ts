/**
 * A column of UTF-8 text held as byte ranges of one buffer, without a JavaScript string per value:
 * value `i` is `bytes[starts[i], ends[i])`. Millions of short values (Customer IDs) cost two
 * 32-bit offsets each instead of a string object, and read straight out of a Parquet page.
 */
export interface TextColumn {
  /** The UTF-8 bytes the ranges point into (other bytes may lie between ranges). */
  readonly bytes: Uint8Array;
  /** Start offset of each value in `bytes`. */
  readonly starts: Uint32Array;
  /** End offset (exclusive) of each value in `bytes`. */
  readonly ends: Uint32Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Builds a compact text column from strings: their UTF-8 bytes back to back (lone surrogates are
 * written as U+FFFD, as UTF-8 has no form for them).
 *
 * @param values - the strings, in order.
 * @returns the column (`bytes` holds exactly the values' bytes).
 */
export function textColumnFromStrings(values: readonly string[]): TextColumn {
  let total = 0;
  for (const value of values) total += Buffer.byteLength(value, 'utf8');
  const bytes = Buffer.allocUnsafe(total);
  const starts = new Uint32Array(values.length);
  const ends = new Uint32Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    starts[i] = offset;
    offset += bytes.write(values[i]!, offset, 'utf8');
    ends[i] = offset;
  }
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, total), starts, ends };
}

/**
 * One value of a text column as a string.
 *
 * @param column - the column.
 * @param index - the value's position, 0 ≤ index < length.
 * @returns the decoded string.
 * @throws TypeError when the range is not valid UTF-8.
 */
export function textAt(column: TextColumn, index: number): string {
  return decoder.decode(column.bytes.subarray(column.starts[index]!, column.ends[index]!));
}

/**
 * Every value of a text column as strings (tests, small columns; large ones stay as bytes).
 *
 * @param column - the column.
 * @returns the strings, in order.
 */
export function textColumnToStrings(column: TextColumn): string[] {
  return Array.from(column.starts, (_, i) => textAt(column, i));
}
