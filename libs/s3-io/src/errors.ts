import { MedallionError } from '@medallion/errors';

/** What @medallion/s3-io raises itself when S3's answer lacks what a call needs; the SDK's own errors (NoSuchKey, throttling, …) pass through as they are. */
export class S3IoError extends MedallionError {}

/** S3 answered without what the request needs: no body stream for a GetObject. */
export class MissingBodyError extends S3IoError {
  /**
   * @param url - the object, `s3://bucket/key`.
   * @param what - what is missing, e.g. `no Node.js stream`.
   */
  constructor(url: string, what: string) {
    super(`${url}: the SDK returned ${what}`);
  }
}

/** DeleteObjects reported a key it could not delete; the message names the key, S3's code and message. */
export class DeleteFailedError extends S3IoError {
  /**
   * @param url - the object S3 did not delete, `s3://bucket/key`.
   * @param code - S3's error code for it, e.g. `AccessDenied`.
   * @param detail - S3's message for it.
   */
  constructor(
    readonly url: string,
    readonly code: string,
    detail: string,
  ) {
    super(`DeleteObjects could not delete ${url}: ${code} ${detail}`.trim());
  }
}
