import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { goldLayer } from '@medallion/gold';
import { createLayerHandler } from '@medallion/layer-runtime';
import type { TestLake } from '@medallion/local-s3/testing';
import { platinumLayer } from '@medallion/platinum';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { headObject, uploadStream } from '@medallion/s3-io';
import { silverKeysFor, silverLayer } from '@medallion/silver';
import { createReadStream } from 'node:fs';

let sequence = 0;

/** The next event time and sequencer: strictly later than the last, as S3's are for one key. */
function nextFacts(): { eventTime: string; sequencer: string } {
  sequence++;
  return {
    eventTime: new Date(Date.UTC(2026, 0, 1) + sequence * 1000).toISOString(),
    sequencer: sequence.toString(16).toUpperCase().padStart(18, '0'),
  };
}

/**
 * Uploads a bronze file and runs silver on its event, as the lake would.
 *
 * @param lake - the lake.
 * @param path - the local file.
 * @param key - its bronze key, e.g. `bronze/bench.csv`.
 * @returns the real S3 event of the silver manifest it committed (what gold and platinum receive).
 */
export async function ingest(lake: TestLake, path: string, key: string): Promise<unknown> {
  const stored = await uploadStream(
    lake.s3,
    { bucket: lake.bucket, key, contentType: 'text/csv' },
    createReadStream(path),
  );
  const head = await headObject(lake.s3, lake.bucket, key);
  await createLayerHandler(silverLayer, { s3: lake.s3 })(
    buildS3NotificationEvent({
      eventName: 'ObjectCreated:Put',
      bucket: lake.bucket,
      key,
      size: 0,
      eTag: stored.eTag || (head?.eTag ?? ''),
      ...nextFacts(),
    }),
  );
  return manifestEvent(lake, key, 'ObjectCreated:Put');
}

/**
 * The real S3 event of a bronze key's silver manifest: created (with its ETag) or removed.
 *
 * @param lake - the lake.
 * @param bronzeKey - e.g. `bronze/bench.csv`.
 * @param eventName - `ObjectCreated:Put` or `ObjectRemoved:Delete`.
 * @returns the event JSON.
 */
export async function manifestEvent(lake: TestLake, bronzeKey: string, eventName: string): Promise<unknown> {
  const key = silverKeysFor(bronzeKey, 'bronze/').manifest;
  const head = eventName.startsWith('ObjectCreated') ? await headObject(lake.s3, lake.bucket, key) : undefined;
  return buildS3NotificationEvent({
    eventName,
    bucket: lake.bucket,
    key,
    size: 0,
    eTag: head?.eTag ?? '',
    ...nextFacts(),
  });
}

/**
 * Deletes a bronze object and runs silver on its removal, as the lake would.
 *
 * @returns the removal event of its silver manifest.
 */
export async function remove(lake: TestLake, key: string): Promise<unknown> {
  await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: key }));
  await createLayerHandler(silverLayer, { s3: lake.s3 })(
    buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      bucket: lake.bucket,
      key,
      size: 0,
      eTag: '',
      ...nextFacts(),
    }),
  );
  return manifestEvent(lake, key, 'ObjectRemoved:Delete');
}

/**
 * Gold and platinum, each on the event, at once (as their queues deliver it on AWS).
 *
 * @param lake - the lake.
 * @returns a function that delivers one event to both and resolves with gold's customer count.
 */
export function aggregates(lake: TestLake): (event: unknown) => Promise<{ customers: number }> {
  const gold = createLayerHandler(goldLayer, { s3: lake.s3 });
  const platinum = createLayerHandler(platinumLayer, { s3: lake.s3 });
  return async (event) => {
    const [goldReport] = await Promise.all([gold(event), platinum(event)]);
    return { customers: goldReport.results[0]?.customers ?? 0 };
  };
}
