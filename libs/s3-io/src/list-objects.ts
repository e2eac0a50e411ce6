import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { unquoteETag } from './object-streams';

/** One listed object. */
export interface ListedObject {
  readonly key: string;
  /** ETag without quotes. */
  readonly eTag: string;
  /** Size in bytes. */
  readonly size: number;
}

/**
 * Lists every object under a prefix, following continuation tokens (1,000 keys a page), in
 * S3's order (UTF-8 binary order of keys).
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param prefix - key prefix, e.g. `silver/`.
 * @returns the objects, lazily, page by page.
 * @throws the SDK's error when a page fails after its retries.
 */
export async function* listObjects(client: S3Client, bucket: string, prefix: string): AsyncGenerator<ListedObject> {
  for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
    for (const item of page.Contents ?? []) {
      if (item.Key !== undefined) yield { key: item.Key, eTag: unquoteETag(item.ETag), size: item.Size ?? 0 };
    }
  }
}
