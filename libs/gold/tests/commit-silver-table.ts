import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { TestLake } from '@medallion/local-s3/testing';
import type { SilverManifest } from '@medallion/schemas';

const NO_COUNTS = { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures: {} };

/**
 * Commits a silver table as silver does (the table, then its manifest) for gold's tests.
 *
 * @param lake - the test lake.
 * @param name - the table's path under `silver/`, without `.csv`.
 * @param body - the table's CSV text.
 * @param source - the bronze event time and sequencer the manifest records.
 * @param outcome - `processed` (the default) or `rejected` (no table named).
 * @returns the real S3 event of the manifest's creation, for gold's handler.
 */
export async function commitSilverTable(
  lake: TestLake,
  name: string,
  body: string,
  source: { eventTime: string; sequencer: string },
  outcome: 'processed' | 'rejected' = 'processed',
): Promise<unknown> {
  const key = `silver/${name}.csv`;
  const stored = await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body }));
  const manifest: SilverManifest = {
    layer: 'silver',
    codeVersion: 'test',
    source: { key: `bronze/${name}.csv`, eTag: 'b', ...source },
    encoding: 'utf-8',
    outcome,
    counts: NO_COUNTS,
    outputs: outcome === 'processed' ? { silver: { key, eTag: (stored.ETag ?? '').replace(/"/g, '') } } : {},
  };
  return lake.put(`silver/_manifests/${name}.csv.json`, JSON.stringify(manifest));
}
