import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { quoteETag } from './s3-xml';

/** What a writer says about an object besides its bytes, returned on every GetObject and HeadObject. */
export interface ObjectAttributes {
  /** `Content-Type`; S3's default `binary/octet-stream` when the writer gave none. */
  readonly contentType: string;
  /** User metadata: `x-amz-meta-<name>` headers, by lower-case `<name>`. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The other stored headers, by lower-case name: `cache-control`, `content-disposition`, `content-encoding`, `content-language`, `expires`. */
  readonly headers: Readonly<Record<string, string>>;
}

/** One object as the store holds it: in the in-memory index and, as JSON, in its record file. */
export interface StoredObject extends ObjectAttributes {
  readonly key: string;
  /** Bytes. */
  readonly size: number;
  /** Without quotes: the MD5 hex of the bytes, or for a multipart upload `<MD5 of the part MD5s>-<parts>`. */
  readonly eTag: string;
  /** When the write completed, ms since 1970. */
  readonly lastModified: number;
  /** The version of its files (see `StoreLayout`). */
  readonly version: string;
}

/** Headers S3 stores with an object and returns on reads, besides `Content-Type` and user metadata. */
const STORED_HEADERS = [
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
] as const;

const META_PREFIX = 'x-amz-meta-';

/**
 * The attributes a PutObject, CopyObject (REPLACE) or CreateMultipartUpload request gives its object.
 * `aws-chunked` is a transfer framing, not the object's encoding: it is dropped from `Content-Encoding`.
 *
 * @param headers - the request's headers (Node gives the names lower-case).
 * @returns the object's attributes.
 */
export function attributesFromHeaders(headers: IncomingHttpHeaders): ObjectAttributes {
  const metadata: Record<string, string> = {};
  const stored: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    if (name.startsWith(META_PREFIX)) metadata[name.slice(META_PREFIX.length)] = text;
  }
  for (const name of STORED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') stored[name] = value;
  }
  const encoding = stored['content-encoding']
    ?.split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '' && token !== 'aws-chunked')
    .join(',');
  if (encoding) stored['content-encoding'] = encoding;
  else delete stored['content-encoding'];
  return { contentType: headers['content-type'] ?? 'binary/octet-stream', metadata, headers: stored };
}

/**
 * The headers of a GetObject or HeadObject response that describe the object (not the range).
 *
 * @param object - the object.
 * @returns `ETag`, `Last-Modified`, `Content-Type`, `Accept-Ranges`, `x-amz-meta-*` and the stored headers.
 */
export function objectResponseHeaders(object: StoredObject): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    ETag: quoteETag(object.eTag),
    'Last-Modified': new Date(object.lastModified).toUTCString(),
    'Content-Type': object.contentType,
    'Accept-Ranges': 'bytes',
    ...object.headers,
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`${META_PREFIX}${name}`] = value;
  return headers;
}

/** The tag that ends every `.obj` file: a file without it is not a complete version. */
const MAGIC = Buffer.from('MDLNOBJ1', 'latin1');

/** Bytes after the record: its length (4, big-endian) and the magic tag (8). */
export const RECORD_FOOTER_BYTES = 4 + MAGIC.length;

/**
 * The record that follows an object's bytes in its `.obj` file: the object as JSON, the JSON's
 * length in bytes (32-bit big-endian) and a magic tag.
 *
 * @param object - the object (its `size` is the number of bytes before the record).
 * @returns the bytes to append after the object's bytes.
 */
export function encodeRecordTrailer(object: StoredObject): Buffer {
  const json = Buffer.from(JSON.stringify(object), 'utf8');
  const footer = Buffer.alloc(RECORD_FOOTER_BYTES);
  footer.writeUInt32BE(json.length, 0);
  MAGIC.copy(footer, 4);
  return Buffer.concat([json, footer]);
}

/**
 * The length of the record a file's footer announces.
 *
 * @param footer - the file's last {@link RECORD_FOOTER_BYTES} bytes.
 * @returns the record's length in bytes, or undefined when the footer is not one.
 */
export function recordLengthOf(footer: Buffer): number | undefined {
  return footer.length === RECORD_FOOTER_BYTES && footer.subarray(4).equals(MAGIC) ? footer.readUInt32BE(0) : undefined;
}

/**
 * Reads a record back, checking it belongs to its file.
 *
 * @param json - the record's bytes.
 * @param fileSize - the `.obj` file's size in bytes.
 * @param version - the version in the file's name.
 * @returns the object, or undefined when the record is unreadable or does not match the file.
 */
export function decodeRecord(json: Buffer, fileSize: number, version: string): StoredObject | undefined {
  try {
    const record = JSON.parse(json.toString('utf8')) as Partial<StoredObject>;
    const valid =
      typeof record.key === 'string' &&
      typeof record.eTag === 'string' &&
      typeof record.contentType === 'string' &&
      typeof record.lastModified === 'number' &&
      typeof record.metadata === 'object' &&
      typeof record.headers === 'object' &&
      record.version === version &&
      record.size === fileSize - json.length - RECORD_FOOTER_BYTES;
    return valid ? (record as StoredObject) : undefined;
  } catch {
    return undefined;
  }
}
