import S3_ERROR_CODES from './s3-error-codes.json';

/**
 * S3's error codes this server returns, each with its HTTP status and S3's default message (from
 * the Amazon S3 API Reference, "Error responses"), kept as data in `s3-error-codes.json`.
 */
export { S3_ERROR_CODES };

/** An S3 error code this server knows, e.g. `NoSuchKey`. */
export type S3ErrorCode = keyof typeof S3_ERROR_CODES;
