import type { Bucket } from './object-store';
import type { StoredObject } from './object-record';
import { S3Error } from '../errors';
import type { S3Request } from './s3-request';
import { escapeXml, quoteETag, xmlDocument, xmlElement } from './s3-xml';

/** What one page of a listing asks for. */
export interface ListingQuery {
  readonly prefix: string;
  /** Rolls keys up into common prefixes ending in it; empty: no roll-up. */
  readonly delimiter: string;
  /** The page starts after this key; with `afterPrefix`, after every key starting with it. */
  readonly after: string;
  /** `after` is a common prefix a previous page returned. */
  readonly afterPrefix: boolean;
  /** Keys plus common prefixes in the page, 0-1000. */
  readonly maxKeys: number;
}

/** One page of a listing. */
export interface ListingPage {
  readonly objects: StoredObject[];
  readonly commonPrefixes: string[];
  readonly truncated: boolean;
  /** The last key or common prefix of the page (where the next page starts), if any. */
  readonly last?: { readonly value: string; readonly isPrefix: boolean };
}

/**
 * One page of a bucket's keys, in UTF-8 binary order, as ListObjects and ListObjectsV2 return them:
 * keys under `prefix` after `after`; with a delimiter, keys holding it after the prefix are rolled up
 * into one common prefix each (counted as one entry, as S3 counts them).
 *
 * @param bucket - the bucket.
 * @param query - prefix, delimiter, start and page size.
 * @returns the page.
 */
export function listKeys(bucket: Bucket, query: ListingQuery): ListingPage {
  const { prefix, delimiter, after, afterPrefix, maxKeys } = query;
  const { keys, objects } = bucket;
  let index = Math.max(
    keys.firstAtOrAfter(prefix),
    afterPrefix ? keys.firstPast(after) : after === '' ? 0 : keys.firstAfter(after),
  );
  const page: { objects: StoredObject[]; commonPrefixes: string[] } = { objects: [], commonPrefixes: [] };
  let last: ListingPage['last'];
  for (let count = 0; count < maxKeys; count++) {
    const key = keys.at(index);
    if (key === undefined || !key.startsWith(prefix)) break;
    const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    if (cut >= 0) {
      const commonPrefix = key.slice(0, cut + delimiter.length);
      page.commonPrefixes.push(commonPrefix);
      last = { value: commonPrefix, isPrefix: true };
      index = keys.firstPast(commonPrefix);
      continue;
    }
    const object = objects.get(key);
    if (object) page.objects.push(object);
    last = { value: key, isPrefix: false };
    index++;
  }
  const next = keys.at(index);
  return {
    ...page,
    truncated: maxKeys > 0 && next !== undefined && next.startsWith(prefix),
    ...(last ? { last } : {}),
  };
}

/** A continuation token: opaque to clients, here the base64url of where the page ended. */
function tokenOf(last: NonNullable<ListingPage['last']>): string {
  return Buffer.from(`${last.isPrefix ? 'P' : 'K'}${last.value}`, 'utf8').toString('base64url');
}

function decodeToken(token: string): { after: string; afterPrefix: boolean } {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if ((text[0] !== 'P' && text[0] !== 'K') || Buffer.from(text, 'utf8').toString('base64url') !== token) {
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
    });
  }
  return { after: text.slice(1), afterPrefix: text[0] === 'P' };
}

function maxKeysOf(request: S3Request): number {
  const text = request.query.get('max-keys');
  if (text === undefined) return 1000;
  if (!/^\d+$/.test(text))
    throw new S3Error('InvalidArgument', 'Provided max-keys not an integer or within integer range', {
      ArgumentName: 'max-keys',
      ArgumentValue: text,
    });
  return Math.min(1000, Number(text));
}

/** Encodes a listed name as `encoding-type=url` asks (what boto3 and the AWS CLI send), or escapes it for XML. */
function nameEncoder(request: S3Request): (name: string) => string {
  const encodingType = request.query.get('encoding-type');
  if (encodingType === undefined) return escapeXml;
  if (encodingType !== 'url')
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      ArgumentName: 'encoding-type',
    });
  return (name) => encodeURIComponent(name).replace(/%2F/g, '/');
}

/** `<Contents>` and `<CommonPrefixes>` of a page. */
function entriesXml(page: ListingPage, encode: (name: string) => string, withOwner: boolean): string {
  const owner = withOwner ? '<Owner><ID>local</ID><DisplayName>local</DisplayName></Owner>' : '';
  const contents = page.objects.map(
    (object) =>
      `<Contents><Key>${encode(object.key)}</Key>${xmlElement('LastModified', new Date(object.lastModified).toISOString())}${xmlElement('ETag', quoteETag(object.eTag))}${xmlElement('Size', object.size)}${owner}<StorageClass>STANDARD</StorageClass></Contents>`,
  );
  const prefixes = page.commonPrefixes.map(
    (prefix) => `<CommonPrefixes><Prefix>${encode(prefix)}</Prefix></CommonPrefixes>`,
  );
  return contents.join('') + prefixes.join('');
}

/**
 * ListObjectsV2 (`GET /<bucket>?list-type=2`): `prefix`, `delimiter`, `max-keys` (default and at
 * most 1000), `continuation-token`, `start-after`, `encoding-type=url`, `fetch-owner`.
 *
 * @param bucket - the bucket.
 * @param request - the request.
 * @returns the `ListBucketResult` document.
 * @throws S3Error `InvalidArgument` for a bad token, max-keys or encoding type.
 */
export function listObjectsV2(bucket: Bucket, request: S3Request): string {
  const { query } = request;
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const token = query.get('continuation-token');
  const startAfter = query.get('start-after');
  const maxKeys = maxKeysOf(request);
  const resume = token !== undefined ? decodeToken(token) : { after: startAfter ?? '', afterPrefix: false };
  const page = listKeys(bucket, { prefix, delimiter, maxKeys, ...resume });
  const encode = nameEncoder(request);
  const keyCount = page.objects.length + page.commonPrefixes.length;
  const header = [
    xmlElement('Name', bucket.name),
    `<Prefix>${encode(prefix)}</Prefix>`,
    delimiter === '' ? '' : `<Delimiter>${encode(delimiter)}</Delimiter>`,
    xmlElement('MaxKeys', maxKeys),
    xmlElement('KeyCount', keyCount),
    xmlElement('IsTruncated', page.truncated),
    token === undefined ? '' : xmlElement('ContinuationToken', token),
    page.truncated && page.last ? xmlElement('NextContinuationToken', tokenOf(page.last)) : '',
    startAfter === undefined ? '' : `<StartAfter>${encode(startAfter)}</StartAfter>`,
    query.has('encoding-type') ? '<EncodingType>url</EncodingType>' : '',
  ].join('');
  return xmlDocument('ListBucketResult', header + entriesXml(page, encode, query.get('fetch-owner') === 'true'));
}

/**
 * ListObjects, version 1 (`GET /<bucket>` without `list-type`): `prefix`, `delimiter`, `max-keys`,
 * `marker`, `encoding-type=url`; `NextMarker` when truncated and a delimiter is given (as S3).
 *
 * @param bucket - the bucket.
 * @param request - the request.
 * @returns the `ListBucketResult` document.
 * @throws S3Error `InvalidArgument` for a bad max-keys or encoding type.
 */
export function listObjectsV1(bucket: Bucket, request: S3Request): string {
  const { query } = request;
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const marker = query.get('marker') ?? '';
  const maxKeys = maxKeysOf(request);
  const page = listKeys(bucket, {
    prefix,
    delimiter,
    maxKeys,
    after: marker,
    afterPrefix: marker !== '' && delimiter !== '' && marker.endsWith(delimiter),
  });
  const encode = nameEncoder(request);
  const header = [
    xmlElement('Name', bucket.name),
    `<Prefix>${encode(prefix)}</Prefix>`,
    `<Marker>${encode(marker)}</Marker>`,
    xmlElement('MaxKeys', maxKeys),
    delimiter === '' ? '' : `<Delimiter>${encode(delimiter)}</Delimiter>`,
    xmlElement('IsTruncated', page.truncated),
    page.truncated && page.last && delimiter !== '' ? `<NextMarker>${encode(page.last.value)}</NextMarker>` : '',
    query.has('encoding-type') ? '<EncodingType>url</EncodingType>' : '',
  ].join('');
  return xmlDocument('ListBucketResult', header + entriesXml(page, encode, true));
}
