import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { readSetting, S3_ENDPOINT } from '@medallion/settings';

/** Where and how to reach S3. Every field is optional; the defaults reach real Amazon S3. */
export interface S3ConnectionOptions {
  /**
   * A custom S3-compatible endpoint, e.g. `http://127.0.0.1:4568` for the embedded local store.
   * @default process.env.MEDALLION_S3_ENDPOINT, else Amazon S3
   */
  readonly endpoint?: string;
  /** @default process.env.AWS_REGION, else `us-east-1` */
  readonly region?: string;
  /** Static credentials; by default the SDK's provider chain (the Lambda role on AWS). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * Creates an S3 client from the SDK (`@aws-sdk/client-s3`).
 *
 * Against a custom endpoint it uses path-style addressing and computes and validates checksums
 * only when an operation requires them: some S3-compatible servers store the SDK's default
 * `aws-chunked` checksum framing as object bytes (the embedded store decodes it, for other
 * clients), and a CRC32 of every body is CPU the local lake does not need. Against Amazon S3 the
 * SDK defaults hold.
 * The SDK retries throttling and 5xx errors itself (standard retry mode, 3 attempts).
 *
 * @param options - connection overrides; see {@link S3ConnectionOptions}.
 * @returns a client to share across invocations (create it once per process).
 * @throws InvalidSettingError for a `MEDALLION_S3_ENDPOINT` that is not an http(s) URL.
 */
export function createS3Client(options: S3ConnectionOptions = {}): S3Client {
  const endpoint = options.endpoint ?? readSetting(process.env, S3_ENDPOINT);
  const config: S3ClientConfig = {
    region: options.region ?? process.env['AWS_REGION'] ?? 'us-east-1',
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  if (endpoint) {
    Object.assign(config, {
      endpoint,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    } satisfies S3ClientConfig);
  }
  return new S3Client(config);
}
