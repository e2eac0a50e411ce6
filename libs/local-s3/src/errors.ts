import { MedallionError } from '@medallion/errors';
import { S3_ERROR_CODES, type S3ErrorCode } from './s3-server/s3-error-codes';

/**
 * The embedded store's own failures. Requests it refuses are answered over HTTP as S3 answers them
 * (S3Error, turned into the SDK's named exceptions on the client side); a store bug surfaces as
 * one of the others.
 */
export class LocalS3Error extends MedallionError {}

/** A pending write's object was read before the write was sealed (a bug in the store, never a client's fault). */
export class UnsealedWriteError extends LocalS3Error {
  /** @param key - the object key of the write. */
  constructor(readonly key: string) {
    super(`The write of ${key} was not sealed`);
  }
}

/**
 * An error answered as S3 answers it: the HTTP status of its code and the XML body
 * `<Error><Code>…</Code><Message>…</Message>…</Error>`, so that the AWS SDK raises an exception named
 * after the code (`NoSuchKey`, `PreconditionFailed`, …) with `$metadata.httpStatusCode` set.
 */
export class S3Error extends LocalS3Error {
  /** HTTP status, e.g. 404. */
  readonly status: number;

  /**
   * @param code - S3's error code.
   * @param message - the human text; default S3's own for the code.
   * @param detail - extra elements of the XML error, e.g. `{ Key: 'a.csv' }` or `{ Condition: 'If-Match' }`.
   */
  constructor(
    readonly code: S3ErrorCode,
    message?: string,
    readonly detail: Readonly<Record<string, string>> = {},
  ) {
    super(message ?? S3_ERROR_CODES[code].message);
    this.status = S3_ERROR_CODES[code].status;
  }
}
