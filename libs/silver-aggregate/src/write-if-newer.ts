import type { S3Client } from '@aws-sdk/client-s3';
import {
  headObject,
  isConditionFailed,
  putObject,
  type ObjectHead,
  type ObjectWrite,
  type StoredObject,
} from '@medallion/s3-io';
import { processCache } from './process-cache';
import { ContendedWriteError } from './errors';

/** The user-metadata key (`x-amz-meta-…`) of the checkpoint generation an object was made from. */
export const GENERATION_METADATA = 'checkpoint-generation';

const ATTEMPTS = 10;

/** What {@link writeIfNewer} did: wrote the object, or kept the one of the same or a later generation there. */
export type OutputWrite = { readonly written: StoredObject } | { readonly kept: ObjectHead };

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
 * The first attempt needs no HeadObject when the process wrote the object last (its ETag is held:
 * see `processCache`) or the key is likely new (`absentLikely`): the write is then conditional on
 * what is expected, and a failed condition falls back to reading the object's generation.
 *
 * @param options - `absentLikely`: try a create first (one request for a key seen the first time).
 * @returns `written`: the stored object; or `kept`: the head of the object already there, of the
 *   same or a later generation (`generationOf(kept.metadata)`), which was left as it is.
 * @throws Error after 10 lost races in a row; the SDK's errors.
 */
export async function writeIfNewer(
  s3: S3Client,
  write: ObjectWrite,
  body: string | Uint8Array,
  generation: number,
  options: { absentLikely?: boolean } = {},
): Promise<OutputWrite> {
  const target = { ...write, metadata: { ...write.metadata, [GENERATION_METADATA]: String(generation) } };
  const held = processCache.write(write.bucket, write.key);
  // The first attempt trusts what the process expects; later ones read the object's head.
  let expected: ObjectHead | undefined | 'read' =
    held && held.generation < generation
      ? { eTag: held.eTag, versionId: undefined, metadata: { [GENERATION_METADATA]: String(held.generation) } }
      : options.absentLikely
        ? undefined
        : 'read';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = expected === 'read' ? await headObject(s3, write.bucket, write.key) : expected;
    expected = 'read';
    if (current && generationOf(current.metadata) >= generation) return { kept: current };
    try {
      const stored = await putObject(s3, target, body, current ? { ifMatch: current.eTag } : { ifNoneMatch: '*' });
      processCache.holdWrite(write.bucket, write.key, { eTag: stored.eTag, generation });
      return { written: stored };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  throw new ContendedWriteError(
    `s3://${write.bucket}/${write.key}: another writer replaced it ${ATTEMPTS} times in a row; the next invocation writes it`,
  );
}
