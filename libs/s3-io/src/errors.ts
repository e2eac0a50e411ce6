/**
 * The base of every error @medallion/s3-io throws itself (the SDK's own errors pass through unchanged):
 * `instanceof S3IoError` catches any of them.
 */
export class S3IoError extends Error {
  override readonly name: string = 'S3IoError';
}

/** S3 answered without what the request needs: no body stream for a GetObject. */
export class MissingBodyError extends S3IoError {
  override readonly name = 'MissingBodyError';
}

/** DeleteObjects reported a key it could not delete; the message names the key, S3's code and message. */
export class DeleteFailedError extends S3IoError {
  override readonly name = 'DeleteFailedError';
}
