import type { S3Client } from '@aws-sdk/client-s3';
import { listObjects, openObject } from '@medallion/s3-io';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * The local path an object key is exported to, or undefined when the key would leave the folder
 * (`..` segments, an absolute key): such keys are never written.
 *
 * @param outDir - the export folder.
 * @param key - an object key, e.g. `silver/a.csv`.
 * @returns the absolute file path, e.g. `/tmp/out/silver/a.csv`.
 */
export function exportPathFor(outDir: string, key: string): string | undefined {
  const root = resolve(outDir);
  const path = resolve(root, key);
  return path.startsWith(root + sep) ? path : undefined;
}

/**
 * Copies every object of the bucket to `outDir/<key>` as plain files (`bronze/…`, `silver/…`,
 * `quarantine/…`, `gold/…`).
 *
 * @param s3 - client of the lake.
 * @param bucket - the lake bucket.
 * @param outDir - the export folder; created if missing.
 * @returns the number of files written and the keys refused because they would leave the folder.
 * @throws a file-system or SDK error.
 */
export async function exportLake(
  s3: S3Client,
  bucket: string,
  outDir: string,
): Promise<{ files: number; refused: string[] }> {
  let files = 0;
  const refused: string[] = [];
  for await (const { key } of listObjects(s3, bucket, '')) {
    const path = exportPathFor(outDir, key);
    if (!path || key.endsWith('/')) {
      refused.push(key);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    const object = await openObject(s3, bucket, key);
    await pipeline(object.body, createWriteStream(path));
    files++;
  }
  return { files, refused };
}
