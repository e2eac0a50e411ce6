import type { ColumnChunk, FileMetaData, PageHeader } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { endianness } from 'node:os';
import { NoFastPathError } from './errors';
import { keyValueMetadata, readFooter } from './parquet-footer';
import type { ParquetColumn, ParquetColumnKind, ParquetColumnRequest, ParquetTable } from './parquet-table';
import { readParquetWithLibrary } from './read-parquet-with-library';

// The fast path of `readParquetWithLibrary` for the files medallion writes: the same values (a
// property test checks it), without an object per value. Pages are found and their headers read
// with hyparquet's own functions; the values of uncompressed, required, plain (text, INT32),
// dictionary (category) and run-length (boolean) pages are taken straight from the file's bytes, and
// text stays byte ranges of the file. Any other page (compressed, nullable, delta-encoded, v1…)
// sends the whole file to the library reader.

const LITTLE_ENDIAN = endianness() === 'LE';
const textDecoder = new TextDecoder('utf-8', { fatal: true });

function unsupported(): never {
  throw new NoFastPathError();
}

/** Where a chunk's data pages are, and each page's header. */
interface Page {
  readonly header: PageHeader;
  /** Offset of the page's values in the file. */
  readonly start: number;
  /** Bytes of values. */
  readonly size: number;
}

function pagesOf(view: DataView, chunk: ColumnChunk): Page[] {
  const meta = chunk.meta_data;
  if (!meta || meta.codec !== 'UNCOMPRESSED') unsupported();
  const first = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
  const end = first + Number(meta.total_compressed_size);
  const reader = { view, offset: first };
  const pages: Page[] = [];
  while (reader.offset < end) {
    const header = parquetHeader(reader);
    pages.push({ header, start: reader.offset, size: header.compressed_page_size });
    reader.offset += header.compressed_page_size;
  }
  return pages;
}

/** A data page v2 without nulls or levels: the only kind medallion writes; its value count. */
function plainPageValues(page: Page): number {
  const v2 = page.header.data_page_header_v2;
  if (
    page.header.type !== 'DATA_PAGE_V2' ||
    !v2 ||
    v2.num_nulls !== 0 ||
    v2.definition_levels_byte_length !== 0 ||
    v2.repetition_levels_byte_length !== 0
  )
    unsupported();
  return v2.num_values;
}

/**
 * Calls `read` for each data page of a column's chunks, in file order, with the page, the row its
 * first value belongs to and its value count (rows), once the page is a plain v2 page in one of
 * `encodings` that stays within `rows`; afterwards, checks that the pages held exactly `rows` values.
 */
function forEachDataPage(
  view: DataView,
  chunks: readonly ColumnChunk[],
  rows: number,
  encodings: readonly string[],
  read: (page: Page, firstRow: number, count: number, encoding: string) => void,
): void {
  let row = 0;
  for (const chunk of chunks) {
    for (const page of pagesOf(view, chunk)) {
      const count = plainPageValues(page);
      const encoding = page.header.data_page_header_v2!.encoding;
      if (!encodings.includes(encoding) || row + count > rows) unsupported();
      read(page, row, count, encoding);
      row += count;
    }
  }
  if (row !== rows) unsupported();
}

/** Text ranges of PLAIN pages: each value is a 4-byte length, then its bytes, in the file itself. */
function readText(
  view: DataView,
  chunks: readonly ColumnChunk[],
  rows: number,
  starts: Uint32Array,
  ends: Uint32Array,
): void {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  forEachDataPage(view, chunks, rows, ['PLAIN'], (page, firstRow, count) => {
    let at = page.start;
    const end = page.start + page.size;
    for (let row = firstRow; row < firstRow + count; row++) {
      if (at + 4 > end) unsupported();
      // A little-endian UINT32 length (read byte by byte: faster than a DataView call per value).
      const length = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;
      at += 4;
      if (at + length > end) unsupported();
      starts[row] = at;
      at += length;
      ends[row] = at;
    }
  });
}

function readInt32(view: DataView, chunks: readonly ColumnChunk[], rows: number, values: Int32Array): void {
  forEachDataPage(view, chunks, rows, ['PLAIN'], (page, row, count) => {
    if (page.size < 4 * count) unsupported();
    if (LITTLE_ENDIAN)
      new Uint8Array(values.buffer, values.byteOffset + 4 * row, 4 * count).set(
        new Uint8Array(view.buffer, view.byteOffset + page.start, 4 * count),
      );
    else for (let i = 0; i < count; i++) values[row + i] = view.getInt32(page.start + 4 * i, true);
  });
}

function readBoolean(view: DataView, chunks: readonly ColumnChunk[], rows: number, values: Uint8Array): void {
  forEachDataPage(view, chunks, rows, ['RLE', 'PLAIN'], (page, row, count, encoding) => {
    const output = values.subarray(row, row + count);
    if (encoding === 'RLE') readRleBitPackedHybrid({ view, offset: page.start }, 1, output);
    else for (let i = 0; i < count; i++) output[i] = (view.getUint8(page.start + (i >> 3)) >> (i & 7)) & 1;
  });
}

function readCategory(view: DataView, chunks: readonly ColumnChunk[], rows: number, codes: Uint16Array): string[] {
  const categories: string[] = [];
  const codeOf = new Map<string, number>();
  let row = 0;
  for (const chunk of chunks) {
    let dictionary: Uint16Array | undefined;
    for (const page of pagesOf(view, chunk)) {
      if (page.header.type === 'DICTIONARY_PAGE') {
        const count = page.header.dictionary_page_header?.num_values ?? 0;
        if (page.header.dictionary_page_header?.encoding !== 'PLAIN') unsupported();
        dictionary = new Uint16Array(count);
        let at = page.start;
        for (let i = 0; i < count; i++) {
          const length = view.getUint32(at, true);
          const text = textDecoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 4, length));
          at += 4 + length;
          let code = codeOf.get(text);
          if (code === undefined) {
            if (categories.length === 65_536) unsupported();
            codeOf.set(text, (code = categories.push(text) - 1));
          }
          dictionary[i] = code;
        }
        continue;
      }
      const count = plainPageValues(page);
      if (page.header.data_page_header_v2!.encoding !== 'RLE_DICTIONARY' || !dictionary || row + count > rows)
        unsupported();
      const indexes = new Uint32Array(count);
      readRleBitPackedHybrid({ view, offset: page.start + 1 }, view.getUint8(page.start), indexes, page.size - 1);
      for (let i = 0; i < count; i++) {
        const code = dictionary[indexes[i]!];
        if (code === undefined) unsupported();
        codes[row++] = code;
      }
    }
  }
  if (row !== rows) unsupported();
  return categories;
}

function readColumn(bytes: Uint8Array, metadata: FileMetaData, name: string, kind: ParquetColumnKind): ParquetColumn {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const index = metadata.schema.slice(1).findIndex((element) => element.name === name && !element.num_children);
  const element = metadata.schema[index + 1]!;
  if (element.repetition_type !== 'REQUIRED') unsupported();
  const chunks = metadata.row_groups.map((group) => group.columns[index] ?? unsupported());
  const rows = Number(metadata.num_rows);
  switch (kind) {
    case 'text': {
      const starts = new Uint32Array(rows);
      const ends = new Uint32Array(rows);
      readText(view, chunks, rows, starts, ends);
      return { name, kind, values: { bytes, starts, ends } };
    }
    case 'category': {
      const codes = new Uint16Array(rows);
      return { name, kind, categories: readCategory(view, chunks, rows, codes), codes };
    }
    case 'int32': {
      const values = new Int32Array(rows);
      readInt32(view, chunks, rows, values);
      return { name, kind, values };
    }
    case 'boolean': {
      const values = new Uint8Array(rows);
      readBoolean(view, chunks, rows, values);
      return { name, kind, values };
    }
  }
}

/**
 * Reads the asked columns of a Parquet file, and the footer's key-value metadata. Files as
 * {@link writeParquet} writes them are read straight from their bytes (text columns stay byte ranges
 * of `bytes`, no copy): 1,000,000 Customer IDs in milliseconds. Any other Parquet file (compressed,
 * nullable columns, other encodings) is read by {@link readParquetWithLibrary}, with the same result.
 *
 * @param bytes - the whole file (text columns of the result point into it: keep it unchanged).
 * @param request - the columns to read, by name, with the kind each must have.
 * @returns the table: `rows` from the footer, the asked columns in the request's order, the metadata.
 * @throws ParquetFormatError when the bytes are not Parquet, a column is missing or of another
 *   type, or a value is null.
 */
export async function readParquet(bytes: Uint8Array, request: ParquetColumnRequest): Promise<ParquetTable> {
  const metadata = readFooter(bytes, request);
  try {
    const columns = Object.entries(request).map(([name, kind]) => readColumn(bytes, metadata, name, kind));
    return { rows: Number(metadata.num_rows), columns, metadata: keyValueMetadata(metadata) };
  } catch (error) {
    if (!(error instanceof NoFastPathError) && !(error instanceof RangeError)) throw error;
    return readParquetWithLibrary(bytes, request, metadata);
  }
}
