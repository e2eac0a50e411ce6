import { parquetMetadata, type FileMetaData, type SchemaElement } from 'hyparquet';
import { ParquetFormatError } from './errors';
import type { ParquetColumnKind, ParquetColumnRequest } from './parquet-table';

/** The file's bytes as an ArrayBuffer of exactly that range (hyparquet reads ArrayBuffers). */
export function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    return bytes.buffer;
  return bytes.slice().buffer;
}

function isText(element: SchemaElement): boolean {
  return (
    element.type === 'BYTE_ARRAY' && (element.converted_type === 'UTF8' || element.logical_type?.type === 'STRING')
  );
}

/** Whether a file column can be read as the asked kind. */
function fits(element: SchemaElement, kind: ParquetColumnKind): boolean {
  if (kind === 'text' || kind === 'category') return isText(element);
  if (kind === 'int32') return element.type === 'INT32';
  return element.type === 'BOOLEAN';
}

/**
 * Checks that a file has each asked column (a leaf of its schema) with a type the kind reads.
 *
 * @throws ParquetFormatError naming the first column that is missing or of another type.
 */
export function checkSchema(metadata: FileMetaData, request: ParquetColumnRequest): void {
  for (const [name, kind] of Object.entries(request)) {
    const element = metadata.schema.find((candidate, i) => i > 0 && candidate.name === name && !candidate.num_children);
    if (!element) throw new ParquetFormatError(`no column ${name} in the Parquet file`);
    if (!fits(element, kind)) throw new ParquetFormatError(`column ${name} is ${element.type}, not ${kind}`);
  }
}

/**
 * Reads a Parquet file's footer (hyparquet) and checks that it has the asked columns.
 *
 * @param bytes - the whole file.
 * @param request - the columns a reader needs, with their kinds.
 * @returns the file's metadata.
 * @throws ParquetFormatError when the bytes are not Parquet or a column is missing or of another type.
 */
export function readFooter(bytes: Uint8Array, request: ParquetColumnRequest): FileMetaData {
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(ownArrayBuffer(bytes));
  } catch (error) {
    throw new ParquetFormatError(`not a Parquet file: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  checkSchema(metadata, request);
  return metadata;
}

/** The footer's key-value metadata as a record (a key without a value reads as ''). */
export function keyValueMetadata(metadata: FileMetaData): Record<string, string> {
  return Object.fromEntries((metadata.key_value_metadata ?? []).map(({ key, value }) => [key, value ?? '']));
}
