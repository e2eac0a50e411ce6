import type { S3Client } from '@aws-sdk/client-s3';
import { listObjects, openObject } from '@medallion/s3-io';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { exportFileNameFor } from './export-file-name';

/** The file in the export folder that lists the keys exported under a shortened name, when there are any. */
export const SHORTENED_KEYS_FILE = '.medallion-shortened-keys.json';

/**
 * The local path an object key is exported to, or undefined when the key would leave the folder
 * (`..` segments, an absolute key): such keys are never written. S3 keys run to 1,024 bytes, file
 * names to 255: a longer segment is exported under a shortened name ({@link exportFileNameFor}).
 *
 * @param outDir - the export folder.
 * @param key - an object key, e.g. `silver/a.csv`.
 * @returns the absolute file path, e.g. `/tmp/out/silver/a.csv`.
 */
export function exportPathFor(outDir: string, key: string): string | undefined {
  const root = resolve(outDir);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep)) return undefined;
  return join(root, ...relative(root, path).split(sep).map(exportFileNameFor));
}

/** What an export wrote. */
export interface LakeExport {
  /** Files written. */
  readonly files: number;
  /** Keys not written because they would leave the folder. */
  readonly refused: readonly string[];
  /** Keys written under a shortened name (also listed in {@link SHORTENED_KEYS_FILE}). */
  readonly shortened: ReadonlyArray<{ readonly key: string; readonly file: string }>;
}

/**
 * Copies every object of the bucket to `outDir/<key>` as plain files (`bronze/…`, `silver/…`,
 * `quarantine/…`, `gold/…`). A key with a segment over 255 bytes is written under a shortened name,
 * and `outDir/.medallion-shortened-keys.json` lists each such key with its file
 * (`[{ "key": …, "file": "silver/…~3f2a….csv" }]`, paths relative to `outDir`).
 *
 * @param s3 - client of the lake.
 * @param bucket - the lake bucket.
 * @param outDir - the export folder; created if missing.
 * @returns the files written, the keys refused and the keys shortened.
 * @throws a file-system or SDK error.
 */
export async function exportLake(s3: S3Client, bucket: string, outDir: string): Promise<LakeExport> {
  let files = 0;
  const refused: string[] = [];
  const shortened: Array<{ key: string; file: string }> = [];
  for await (const { key } of listObjects(s3, bucket, '')) {
    const path = exportPathFor(outDir, key);
    if (!path || key.endsWith('/')) {
      refused.push(key);
      continue;
    }
    if (path !== resolve(outDir, key)) shortened.push({ key, file: relative(resolve(outDir), path) });
    await mkdir(dirname(path), { recursive: true });
    const object = await openObject(s3, bucket, key);
    await pipeline(object.body, createWriteStream(path));
    files++;
  }
  if (shortened.length > 0)
    await writeFile(join(outDir, SHORTENED_KEYS_FILE), `${JSON.stringify(shortened, null, 2)}\n`);
  return { files, refused, shortened };
}
