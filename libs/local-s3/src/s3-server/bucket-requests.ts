import { listObjectsV1, listObjectsV2 } from './list-objects';
import type { ObjectStore } from './object-store';
import { receiveText } from './request-body';
import { S3Error } from '../errors';
import { sendEmpty, sendXml, type S3Request } from './s3-request';
import { escapeXml, xmlDocument, xmlElement } from './s3-xml';
import { childrenNamed, childText, parseXmlRequest } from './xml-request-body';

/** Most keys one DeleteObjects request may name. */
const MAX_DELETE_KEYS = 1000;

/**
 * ListBuckets (`GET /`).
 *
 * @param store - the store.
 * @param request - the request.
 */
export function listBuckets(store: ObjectStore, request: S3Request): void {
  const buckets = store
    .listBuckets()
    .map(
      (bucket) =>
        `<Bucket>${xmlElement('Name', bucket.name)}${xmlElement('CreationDate', new Date(bucket.creationDate).toISOString())}</Bucket>`,
    )
    .join('');
  sendXml(
    request,
    200,
    xmlDocument(
      'ListAllMyBucketsResult',
      `<Owner><ID>local</ID><DisplayName>local</DisplayName></Owner><Buckets>${buckets}</Buckets>`,
    ),
  );
}

/**
 * CreateBucket (`PUT /<bucket>`); its body (a location constraint) is ignored.
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @throws S3Error `InvalidBucketName`.
 */
export async function createBucket(store: ObjectStore, request: S3Request, bucket: string): Promise<void> {
  await store.createBucket(bucket);
  sendEmpty(request, 200, { Location: `/${bucket}` });
}

/**
 * DeleteBucket (`DELETE /<bucket>`), only when empty.
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @throws S3Error `NoSuchBucket`, `BucketNotEmpty`.
 */
export async function deleteBucket(store: ObjectStore, request: S3Request, bucket: string): Promise<void> {
  await store.deleteBucket(bucket);
  sendEmpty(request, 204);
}

/**
 * HeadBucket, GetBucketLocation, and the listings (`GET /<bucket>`: ListObjectsV2 with
 * `list-type=2`, else ListObjects).
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @throws S3Error `NoSuchBucket`; `InvalidArgument` from the listings.
 */
export function readBucket(store: ObjectStore, request: S3Request, bucket: string): void {
  const found = store.bucket(bucket);
  if (request.method === 'HEAD') sendEmpty(request, 200, { 'x-amz-bucket-region': 'us-east-1' });
  else if (request.query.has('location')) sendXml(request, 200, xmlDocument('LocationConstraint', ''));
  else
    sendXml(
      request,
      200,
      request.query.get('list-type') === '2' ? listObjectsV2(found, request) : listObjectsV1(found, request),
    );
}

/**
 * DeleteObjects (`POST /<bucket>?delete`): deletes each key named (at most 1,000), announcing an
 * `ObjectRemoved:Delete` for each key that held an object; every key is reported deleted (as S3 does
 * for absent keys); `<Quiet>true</Quiet>` reports only errors.
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @throws S3Error `MalformedXML` (a body that is not a `<Delete>` of 1 to 1,000 `<Object>` with a `<Key>`), `NoSuchBucket`.
 */
export async function deleteObjects(store: ObjectStore, request: S3Request, bucket: string): Promise<void> {
  store.bucket(bucket);
  const document = parseXmlRequest(await receiveText(request.http));
  const keys = childrenNamed(document, 'Object').map((entry) => childText(entry, 'Key') ?? '');
  if (document.name !== 'Delete' || keys.length === 0 || keys.length > MAX_DELETE_KEYS || keys.includes(''))
    throw new S3Error('MalformedXML');
  const quiet = childText(document, 'Quiet')?.trim() === 'true';
  const results: string[] = [];
  for (const key of keys) {
    try {
      store.delete(bucket, key);
      if (!quiet) results.push(`<Deleted><Key>${escapeXml(key)}</Key></Deleted>`);
    } catch (error) {
      const failure = error instanceof S3Error ? error : new S3Error('InternalError');
      results.push(
        `<Error><Key>${escapeXml(key)}</Key>${xmlElement('Code', failure.code)}${xmlElement('Message', failure.message)}</Error>`,
      );
    }
  }
  sendXml(request, 200, xmlDocument('DeleteResult', results.join('')));
}
