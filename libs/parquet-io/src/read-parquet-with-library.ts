import { parquetRead, type FileMetaData } from 'hyparquet';
import { ParquetFormatError } from './errors';
import { keyValueMetadata, ownArrayBuffer, readFooter } from './parquet-footer';
import type { ParquetColumn, ParquetColumnKind, ParquetColumnRequest, ParquetTable } from './parquet-table';
import type { TextColumn } from './text-column';

const textDecoder = new TextDecoder('utf-8', { fatal: true });

function decodeText(name: string, bytes: Uint8Array): string {
  try {
    return textDecoder.decode(bytes);
  } catch (error) {
    throw new ParquetFormatError(`column ${name} holds text that is not UTF-8`, { cause: error });
  }
}

function missing(name: string): never {
  throw new ParquetFormatError(`column ${name} holds a null; it must have a value in every row`);
}

/** Byte views (one per row, as hyparquet reads BYTE_ARRAY values) → a text column over one buffer. */
function textColumnOf(name: string, views: readonly unknown[]): TextColumn {
  for (const view of views) if (!(view instanceof Uint8Array)) missing(name);
  const values = views as readonly Uint8Array[];
  const starts = new Uint32Array(values.length);
  const ends = new Uint32Array(values.length);
  const buffers = new Set(values.map((view) => view.buffer));
  if (buffers.size === 1) {
    // Every value is a view of the file (uncompressed pages): point into it, no copy.
    values.forEach((view, i) => {
      starts[i] = view.byteOffset;
      ends[i] = view.byteOffset + view.byteLength;
    });
    return { bytes: new Uint8Array([...buffers][0]!), starts, ends };
  }
  const bytes = new Uint8Array(values.reduce((total, view) => total + view.byteLength, 0));
  let offset = 0;
  values.forEach((view, i) => {
    bytes.set(view, offset);
    starts[i] = offset;
    offset += view.byteLength;
    ends[i] = offset;
  });
  return { bytes, starts, ends };
}

/** Byte views where equal values share one view (a dictionary) → categories and codes. */
function categoryColumnOf(name: string, views: readonly unknown[]): { categories: string[]; codes: Uint16Array } {
  const categories: string[] = [];
  const codeOfText = new Map<string, number>();
  const codeOfView = new Map<unknown, number>();
  const codes = new Uint16Array(views.length);
  views.forEach((view, i) => {
    let code = codeOfView.get(view);
    if (code === undefined) {
      if (!(view instanceof Uint8Array)) missing(name);
      const text = decodeText(name, view);
      code = codeOfText.get(text);
      if (code === undefined) {
        if (categories.length === 65_536)
          throw new ParquetFormatError(`column ${name} holds more than 65,536 distinct values`);
        code = categories.push(text) - 1;
        codeOfText.set(text, code);
      }
      codeOfView.set(view, code);
    }
    codes[i] = code;
  });
  return { categories, codes };
}

function columnOf(name: string, kind: ParquetColumnKind, values: readonly unknown[]): ParquetColumn {
  switch (kind) {
    case 'text':
      return { name, kind, values: textColumnOf(name, values) };
    case 'category':
      return { name, kind, ...categoryColumnOf(name, values) };
    case 'int32':
      return {
        name,
        kind,
        values: Int32Array.from(values, (value) => (typeof value === 'number' ? value : missing(name))),
      };
    case 'boolean':
      return {
        name,
        kind,
        values: Uint8Array.from(values, (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : missing(name))),
      };
  }
}

/**
 * Reads the asked columns of a Parquet file with hyparquet alone (any encoding and compression
 * hyparquet reads): the reference {@link readParquet} must equal value for value (a property test
 * checks it), and its fallback for files it has no fast path for.
 *
 * @param bytes - the whole file.
 * @param request - the columns to read, by name, with the kind each must have.
 * @param footer - the file's metadata, when already read.
 * @returns the table: `rows` from the footer, the asked columns in the request's order, the metadata.
 * @throws ParquetFormatError when the bytes are not Parquet, a column is missing or of another
 *   type, or a value is null.
 */
export async function readParquetWithLibrary(
  bytes: Uint8Array,
  request: ParquetColumnRequest,
  footer?: FileMetaData,
): Promise<ParquetTable> {
  const file = ownArrayBuffer(bytes);
  const metadata = footer ?? readFooter(bytes, request);
  const rows = Number(metadata.num_rows);
  const names = Object.keys(request);
  const chunks = new Map<string, Array<{ rowStart: number; data: ArrayLike<unknown> }>>(
    names.map((name) => [name, []]),
  );
  if (rows > 0 && names.length > 0) {
    await parquetRead({
      file,
      metadata,
      columns: names,
      // Keep byte arrays as views of the file: text stays bytes, decoded only where needed.
      parsers: { stringFromBytes: (view) => view as unknown as string },
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push({ rowStart: chunk.rowStart, data: chunk.columnData }),
    }).catch((error: unknown) => {
      throw new ParquetFormatError(
        `unreadable Parquet data: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
  }
  const columns = names.map((name) => {
    const values: unknown[] = new Array(rows);
    for (const { rowStart, data } of chunks.get(name)!) {
      for (let i = 0; i < data.length && rowStart + i < rows; i++) values[rowStart + i] = data[i];
    }
    return columnOf(name, request[name]!, values);
  });
  return { rows, columns, metadata: keyValueMetadata(metadata) };
}
