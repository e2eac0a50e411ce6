import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SilverManifest } from '@medallion/schemas';

/** The lake a test commits to: a `TestLake` of `@medallion/local-s3/testing` is one. */
export interface SilverTestLake {
  readonly s3: S3Client;
  readonly bucket: string;
  /** Uploads an object and returns its real S3 event (notification or EventBridge). */
  put(key: string, body: string, options?: { shape?: 's3-notification' | 'eventbridge' }): Promise<unknown>;
}

/** How {@link commitSilverTable} describes the table's bronze event and outcome. */
export interface SilverCommitOptions {
  /** The bronze event time the manifest records, ISO 8601. @default `2026-11-29T12:00:00.000Z` */
  readonly eventTime?: string;
  /** The bronze event's sequencer. @default `01` */
  readonly sequencer?: string;
  /** `rejected` writes a manifest without a silver output. @default `processed` */
  readonly outcome?: 'processed' | 'rejected';
  /** The shape of the returned event. @default `s3-notification` */
  readonly shape?: 's3-notification' | 'eventbridge';
}

/**
 * Commits a silver table as silver does, for tests of silver's readers: writes `silver/<name>.csv`,
 * then its manifest `silver/_manifests/<name>.csv.json` (bronze key `bronze/<name>.csv`, the table's
 * real ETag, zero counts).
 *
 * @param lake - the test lake.
 * @param name - the table's name, e.g. `a` for `silver/a.csv`.
 * @param body - the table's CSV text, header first.
 * @param options - the bronze event's time and sequencer, the outcome, the event shape.
 * @returns the manifest's real S3 event, as the layers reading silver receive it.
 */
export async function commitSilverTable(lake: SilverTestLake, name: string, body: string, options: SilverCommitOptions = {}): Promise<unknown> {
  const key = `silver/${name}.csv`;
  const stored = await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body }));
  const outcome = options.outcome ?? 'processed';
  const manifest: SilverManifest = {
    layer: 'silver',
    codeVersion: 'test',
    source: { key: `bronze/${name}.csv`, eTag: 'b', eventTime: options.eventTime ?? '2026-11-29T12:00:00.000Z', sequencer: options.sequencer ?? '01' },
    encoding: 'utf-8',
    outcome,
    counts: { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures: {} },
    outputs: outcome === 'processed' ? { silver: { key, eTag: (stored.ETag ?? '').replace(/"/g, '') } } : {},
  };
  return lake.put(`silver/_manifests/${name}.csv.json`, JSON.stringify(manifest), { shape: options.shape ?? 's3-notification' });
}
