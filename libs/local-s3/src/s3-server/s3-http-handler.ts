import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBucket, deleteBucket, deleteObjects, listBuckets, readBucket } from './bucket-requests';
import { MultipartRequests } from './multipart-requests';
import { copyObject, deleteObject, getObject, headObject, putObject } from './object-requests';
import type { ObjectStore } from './object-store';
import { S3Error } from '../errors';
import { headerOf, parseS3Request, sendError, sendXml, type S3Request } from './s3-request';
import { xmlDocument } from './s3-xml';

/** Subresources this server does not implement: answered 501 NotImplemented rather than mistaken for plain reads or writes. */
const UNSUPPORTED = new Set([
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
  'versions',
  'website',
]);

type Route = (request: S3Request) => Promise<void> | void;

/** The operation a request on a bucket (no key) asks for. */
function bucketRoute(
  store: ObjectStore,
  multipart: MultipartRequests,
  request: S3Request,
  bucket: string,
): Route | undefined {
  const { method, query } = request;
  if (method === 'GET' && query.has('uploads')) return (r) => multipart.listUploads(r, bucket);
  if (method === 'GET' && query.has('versioning'))
    return (r) => sendXml(r, 200, xmlDocument('VersioningConfiguration', ''));
  if (method === 'GET' || method === 'HEAD') return (r) => readBucket(store, r, bucket);
  if (method === 'PUT') return (r) => createBucket(store, r, bucket);
  if (method === 'DELETE') return (r) => deleteBucket(store, r, bucket);
  if (method === 'POST' && query.has('delete')) return (r) => deleteObjects(store, r, bucket);
  return undefined;
}

/** The operation a request on an object key asks for. */
function objectRoute(
  store: ObjectStore,
  multipart: MultipartRequests,
  request: S3Request,
  bucket: string,
  key: string,
): Route | undefined {
  const { method, query } = request;
  const upload = query.has('uploadId');
  if (method === 'GET')
    return upload ? (r) => multipart.listParts(r, bucket, key) : (r) => getObject(store, r, bucket, key);
  if (method === 'HEAD') return (r) => headObject(store, r, bucket, key);
  if (method === 'PUT') {
    if (upload) return (r) => multipart.uploadPart(r, bucket, key);
    const copySource = headerOf(request, 'x-amz-copy-source');
    return copySource === undefined
      ? (r) => putObject(store, r, bucket, key)
      : (r) => copyObject(store, r, bucket, key, copySource);
  }
  if (method === 'POST' && query.has('uploads')) return (r) => multipart.create(r, bucket, key);
  if (method === 'POST' && upload) return (r) => multipart.complete(r, bucket, key);
  if (method === 'DELETE')
    return upload ? (r) => multipart.abort(r, bucket, key) : (r) => deleteObject(store, r, bucket, key);
  return undefined;
}

/** Answers a request that failed: S3's XML error, or for a response already under way, a cut connection. */
function fail(request: S3Request, error: unknown): void {
  if (request.response.headersSent || request.response.destroyed) {
    request.response.destroy();
    return;
  }
  sendError(
    request,
    error instanceof S3Error ? error : new S3Error('InternalError', error instanceof Error ? error.message : undefined),
  );
}

/** A request that could not be parsed, as its error response needs it: no bucket, key or query. */
function unparsedRequest(http: IncomingMessage, response: ServerResponse, requestId: string): S3Request {
  return {
    method: http.method ?? 'GET',
    bucket: undefined,
    key: undefined,
    query: new Map(),
    headers: http.headers,
    http,
    response,
    requestId,
  };
}

/**
 * The route of a request: an unsupported subresource's (which answers 501), ListBuckets, or the
 * bucket's or object's operation for its method; undefined when the method is not allowed there.
 */
function routeOf(store: ObjectStore, multipart: MultipartRequests, request: S3Request): Route | undefined {
  const { bucket, key, method } = request;
  const unsupported = [...request.query.keys()].find((name) => UNSUPPORTED.has(name));
  if (unsupported !== undefined)
    return () =>
      Promise.reject(
        new S3Error('NotImplemented', `The embedded store does not implement the ${unsupported} subresource.`),
      );
  if (bucket === undefined) return method === 'GET' || method === 'HEAD' ? (r) => listBuckets(store, r) : undefined;
  return key === undefined
    ? bucketRoute(store, multipart, request, bucket)
    : objectRoute(store, multipart, request, bucket, key);
}

/**
 * The store's HTTP request handler: S3's REST API, path-style (`/<bucket>/<key>`). It accepts any
 * credentials and verifies no signature. Operations: ListBuckets, CreateBucket, HeadBucket,
 * DeleteBucket, GetBucketLocation, GetBucketVersioning (never enabled), ListObjects (v1 and v2),
 * DeleteObjects, PutObject, CopyObject, GetObject, HeadObject, DeleteObject, and the multipart upload
 * operations; other subresources answer 501 NotImplemented.
 *
 * @param store - the store.
 * @returns a `node:http` request listener.
 */
export function createS3Handler(store: ObjectStore): (http: IncomingMessage, response: ServerResponse) => void {
  const multipart = new MultipartRequests(store);
  let requests = 0;
  return (http, response) => {
    const requestId = (++requests).toString(16).toUpperCase().padStart(16, '0');
    let request: S3Request;
    try {
      request = parseS3Request(http, response, requestId);
    } catch (error) {
      fail(unparsedRequest(http, response, requestId), error);
      return;
    }
    const route = routeOf(store, multipart, request);
    const run = async (): Promise<void> => {
      if (!route)
        throw new S3Error('MethodNotAllowed', undefined, {
          Method: request.method,
          ResourceType: request.key === undefined ? 'BUCKET' : 'OBJECT',
        });
      await route(request);
    };
    run().catch((error: unknown) => fail(request, error));
  };
}
