import { MAX_OBJECT_KEY_BYTES } from '@medallion/s3-events';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { S3Error } from '../errors';
import { xmlElement } from './s3-xml';

/** One S3 request, path-style: `/<bucket>/<key>?<query>`. */
export interface S3Request {
  /** `GET`, `PUT`, … */
  readonly method: string;
  /** Undefined for `/` (ListBuckets). */
  readonly bucket: string | undefined;
  /** The object key, URL-decoded; undefined for a bucket request. */
  readonly key: string | undefined;
  /** Query parameters, URL-decoded (`+` stays `+`, as SigV4 encodes a space `%20`). */
  readonly query: ReadonlyMap<string, string>;
  readonly headers: IncomingHttpHeaders;
  readonly http: IncomingMessage;
  readonly response: ServerResponse;
  /** `x-amz-request-id` of the response. */
  readonly requestId: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new S3Error('InvalidURI');
  }
}

/**
 * Reads bucket, key and query from a request's path-style URL.
 *
 * @param http - the Node.js request.
 * @param response - its response.
 * @param requestId - the id to answer with.
 * @returns the S3 request.
 * @throws S3Error `InvalidURI` for bad percent-encoding, `KeyTooLongError` for a key over 1,024 bytes.
 */
export function parseS3Request(http: IncomingMessage, response: ServerResponse, requestId: string): S3Request {
  const url = http.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const query = new Map<string, string>();
  if (queryStart >= 0) {
    for (const pair of url.slice(queryStart + 1).split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      query.set(decode(equals < 0 ? pair : pair.slice(0, equals)), equals < 0 ? '' : decode(pair.slice(equals + 1)));
    }
  }
  const slash = path.indexOf('/', 1);
  const bucket = path.length > 1 ? decode(slash < 0 ? path.slice(1) : path.slice(1, slash)) : undefined;
  const key = slash < 0 || slash === path.length - 1 ? undefined : decode(path.slice(slash + 1));
  if (key !== undefined && Buffer.byteLength(key, 'utf8') > MAX_OBJECT_KEY_BYTES)
    throw new S3Error('KeyTooLongError', undefined, {
      Size: String(Buffer.byteLength(key, 'utf8')),
      MaxSizeAllowed: String(MAX_OBJECT_KEY_BYTES),
    });
  return { method: http.method ?? 'GET', bucket, key, query, headers: http.headers, http, response, requestId };
}

/**
 * A request header's value (the first, when repeated).
 *
 * @param request - the request.
 * @param name - lower-case header name.
 * @returns the value, or undefined when absent.
 */
export function headerOf(request: S3Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Answers with an XML document.
 *
 * @param request - the request.
 * @param status - HTTP status.
 * @param xml - the document.
 * @param headers - more response headers.
 */
export function sendXml(request: S3Request, status: number, xml: string, headers: OutgoingHttpHeaders = {}): void {
  const body = Buffer.from(xml, 'utf8');
  request.response.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': body.length,
    'x-amz-request-id': request.requestId,
    ...headers,
  });
  request.response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Answers with no body.
 *
 * @param request - the request.
 * @param status - HTTP status, e.g. 200 or 204.
 * @param headers - response headers.
 */
export function sendEmpty(request: S3Request, status: number, headers: OutgoingHttpHeaders = {}): void {
  request.response.writeHead(status, { 'Content-Length': 0, 'x-amz-request-id': request.requestId, ...headers });
  request.response.end();
}

/**
 * Answers with S3's XML error (no body for HEAD and 304, as S3).
 *
 * @param request - the request.
 * @param error - the error.
 */
export function sendError(request: S3Request, error: S3Error): void {
  if (request.method === 'HEAD' || error.status === 304) {
    sendEmpty(request, error.status);
    return;
  }
  const detail = Object.entries(error.detail)
    .map(([name, value]) => xmlElement(name, value))
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${xmlElement('Code', error.code)}${xmlElement('Message', error.message)}${detail}${xmlElement('RequestId', request.requestId)}</Error>`;
  sendXml(request, error.status, xml);
}
