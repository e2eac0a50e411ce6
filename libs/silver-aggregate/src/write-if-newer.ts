import type { S3Client } from '@aws-sdk/client-s3';
import { headObject, isConditionFailed, putObject, type ObjectWrite, type StoredObject } from '@medallion/s3-io';

/** The user-metadata key (`x-amz-meta-…`) of the checkpoint generation an object was made from. */
export const GENERATION_METADATA = 'checkpoint-generation';

const ATTEMPTS = 10;

/** The generation an object records, or -1 when it records none. */
export function generationOf(metadata: Readonly<Record<string, string>> | undefined): number {
  const value = Number(metadata?.[GENERATION_METADATA]);
  return Number.isSafeInteger(value) ? value : -1;
}

/**
 * Writes an object made from checkpoint generation `generation`, unless the object there was made
 * from the same or a later one: an output can then never go back to older content, even when two
 * invocations write at once (each write is conditional on the ETag it replaces, S3's conditional
 * writes). The generation is stored as the object's metadata.
 *
 * @param s3 - the S3 client.
 * @param write - bucket, key, content type (metadata is added to).
 * @param body - the content.
 * @param generation - the checkpoint generation the content was made from.
 * @param options - `absentLikely`: try a create first (one request for a key seen the first time).
 * @returns the stored object, or undefined when a same or later generation was already there.
 * @throws Error after 10 lost races in a row; the SDK's errors.
 */
export async function writeIfNewer(s3: S3Client, write: ObjectWrite, body: string | Uint8Array, generation: number, options: { absentLikely?: boolean } = {}): Promise<StoredObject | undefined> {
  const target = { ...write, metadata: { ...write.metadata, [GENERATION_METADATA]: String(generation) } };
  let skipHead = options.absentLikely === true;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = skipHead ? undefined : await headObject(s3, write.bucket, write.key);
    skipHead = false;
    if (current && generationOf(current.metadata) >= generation) return undefined;
    try {
      return await putObject(s3, target, body, current ? { ifMatch: current.eTag } : { ifNoneMatch: '*' });
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  throw new Error(`s3://${write.bucket}/${write.key}: another writer replaced it ${ATTEMPTS} times in a row; the next invocation writes it`);
}
