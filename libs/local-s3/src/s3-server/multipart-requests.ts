import { attributesFromHeaders } from './object-record';
import type { ObjectStore } from './object-store';
import { receiveBody, receiveText } from './request-body';
import { S3Error } from '../errors';
import { headerOf, sendEmpty, sendXml, type S3Request } from './s3-request';
import { quoteETag, xmlDocument, xmlElement } from './s3-xml';
import { MultipartUploads } from './multipart-uploads';
import { childrenNamed, childText, parseXmlRequest } from './xml-request-body';

/** The `uploadId` query parameter (the router sends only requests that have one). */
function uploadIdOf(request: S3Request): string {
  return request.query.get('uploadId') ?? '';
}

/**
 * The HTTP side of multipart uploads: each method answers one request on `/<bucket>/<key>`.
 */
export class MultipartRequests {
  private readonly uploads: MultipartUploads;

  /** @param store - the store completed uploads go to. */
  constructor(private readonly store: ObjectStore) {
    this.uploads = new MultipartUploads(store);
  }

  /**
   * CreateMultipartUpload (`POST ?uploads`).
   *
   * @param request - the request.
   * @param bucket - bucket name.
   * @param key - object key.
   * @throws S3Error `NoSuchBucket`.
   */
  create(request: S3Request, bucket: string, key: string): void {
    const upload = this.uploads.create(bucket, key, attributesFromHeaders(request.headers));
    sendXml(
      request,
      200,
      xmlDocument(
        'InitiateMultipartUploadResult',
        xmlElement('Bucket', bucket) + xmlElement('Key', key) + xmlElement('UploadId', upload.uploadId),
      ),
    );
  }

  /**
   * UploadPart (`PUT ?partNumber=&uploadId=`); UploadPartCopy is not implemented.
   *
   * @param request - the request.
   * @param bucket - bucket name.
   * @param key - object key.
   * @throws S3Error `NoSuchUpload`, `InvalidArgument`, `NotImplemented`, and those of `receiveBody`.
   */
  async uploadPart(request: S3Request, bucket: string, key: string): Promise<void> {
    if (headerOf(request, 'x-amz-copy-source') !== undefined)
      throw new S3Error('NotImplemented', 'UploadPartCopy is not implemented by the embedded store.');
    const upload = this.uploads.get(bucket, key, uploadIdOf(request));
    const part = await this.uploads.uploadPart(upload, request.query.get('partNumber') ?? '', (path) =>
      receiveBody(request.http, path),
    );
    sendEmpty(request, 200, { ETag: quoteETag(part.eTag) });
  }

  /**
   * CompleteMultipartUpload (`POST ?uploadId=` with `<CompleteMultipartUpload><Part>…`), with
   * `If-Match` / `If-None-Match` as on PutObject.
   *
   * @param request - the request.
   * @param bucket - bucket name.
   * @param key - object key.
   * @throws S3Error `NoSuchUpload`, `MalformedXML`, and those of `MultipartUploads.complete`.
   */
  async complete(request: S3Request, bucket: string, key: string): Promise<void> {
    const upload = this.uploads.get(bucket, key, uploadIdOf(request));
    const document = parseXmlRequest(await receiveText(request.http));
    if (document.name !== 'CompleteMultipartUpload') throw new S3Error('MalformedXML');
    const parts = childrenNamed(document, 'Part').map((part) => {
      const partNumber = childText(part, 'PartNumber')?.trim() ?? '';
      const eTag = childText(part, 'ETag');
      if (!/^\d+$/.test(partNumber) || eTag === undefined) throw new S3Error('MalformedXML');
      return { partNumber: Number(partNumber), eTag };
    });
    const object = await this.uploads.complete(upload, parts, {
      ifMatch: headerOf(request, 'if-match'),
      ifNoneMatch: headerOf(request, 'if-none-match'),
    });
    const location = `http://${headerOf(request, 'host') ?? '127.0.0.1'}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    sendXml(
      request,
      200,
      xmlDocument(
        'CompleteMultipartUploadResult',
        xmlElement('Location', location) +
          xmlElement('Bucket', bucket) +
          xmlElement('Key', key) +
          xmlElement('ETag', quoteETag(object.eTag)),
      ),
    );
  }

  /**
   * AbortMultipartUpload (`DELETE ?uploadId=`).
   *
   * @param request - the request.
   * @param bucket - bucket name.
   * @param key - object key.
   * @throws S3Error `NoSuchUpload`.
   */
  abort(request: S3Request, bucket: string, key: string): void {
    this.uploads.abort(this.uploads.get(bucket, key, uploadIdOf(request)));
    sendEmpty(request, 204);
  }

  /**
   * ListParts (`GET ?uploadId=`): `max-parts` (default 1000), `part-number-marker`.
   *
   * @param request - the request.
   * @param bucket - bucket name.
   * @param key - object key.
   * @throws S3Error `NoSuchUpload`.
   */
  listParts(request: S3Request, bucket: string, key: string): void {
    const upload = this.uploads.get(bucket, key, uploadIdOf(request));
    const marker = Number(request.query.get('part-number-marker') ?? '0') || 0;
    const maxParts = Math.min(1000, Number(request.query.get('max-parts') ?? '1000') || 1000);
    const after = [...upload.parts.values()]
      .filter((part) => part.partNumber > marker)
      .sort((a, b) => a.partNumber - b.partNumber);
    const page = after.slice(0, maxParts);
    const truncated = after.length > page.length;
    const parts = page.map(
      (part) =>
        `<Part>${xmlElement('PartNumber', part.partNumber)}${xmlElement('LastModified', new Date(part.lastModified).toISOString())}${xmlElement('ETag', quoteETag(part.eTag))}${xmlElement('Size', part.size)}</Part>`,
    );
    const header = [
      xmlElement('Bucket', bucket),
      xmlElement('Key', key),
      xmlElement('UploadId', upload.uploadId),
      xmlElement('PartNumberMarker', marker),
      xmlElement('NextPartNumberMarker', page.at(-1)?.partNumber ?? 0),
      xmlElement('MaxParts', maxParts),
      xmlElement('IsTruncated', truncated),
      '<StorageClass>STANDARD</StorageClass>',
    ].join('');
    sendXml(request, 200, xmlDocument('ListPartsResult', header + parts.join('')));
  }

  /**
   * ListMultipartUploads (`GET /<bucket>?uploads`): every upload in progress under `prefix`, in one page.
   *
   * @param request - the request.
   * @param bucket - bucket name.
   * @throws S3Error `NoSuchBucket`.
   */
  listUploads(request: S3Request, bucket: string): void {
    this.store.bucket(bucket);
    const prefix = request.query.get('prefix') ?? '';
    const uploads = this.uploads
      .list(bucket, prefix)
      .map(
        (upload) =>
          `<Upload>${xmlElement('Key', upload.key)}${xmlElement('UploadId', upload.uploadId)}${xmlElement('Initiated', new Date(upload.initiated).toISOString())}<StorageClass>STANDARD</StorageClass></Upload>`,
      );
    sendXml(
      request,
      200,
      xmlDocument(
        'ListMultipartUploadsResult',
        xmlElement('Bucket', bucket) +
          xmlElement('Prefix', prefix) +
          xmlElement('MaxUploads', 1000) +
          xmlElement('IsTruncated', false) +
          uploads.join(''),
      ),
    );
  }
}
