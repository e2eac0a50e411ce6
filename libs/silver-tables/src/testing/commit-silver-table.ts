import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readCsvBatchFields, unescapeSpreadsheetCell } from '@medallion/csv-io';
import { encodeCustomerTable, LatestCustomerRows } from '@medallion/customer-records';
import type { ManifestObject, SilverManifest } from '@medallion/schemas';
import { customerKeyOf } from '../customer-keys';
import { tryResolveColumns } from '../read-silver-table';

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
  /** Also write the customer table, as silver does (false: a commit of a lake written before customer tables). @default true */
  readonly customerTable?: boolean;
}

async function put(lake: SilverTestLake, key: string, body: string | Uint8Array): Promise<ManifestObject> {
  const stored = await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body }));
  return { key, eTag: (stored.ETag ?? '').replace(/"/g, '') };
}

/** One test commit: the table's name, outcome, bronze event time and sequencer, and its row count. */
interface TestCommit {
  readonly name: string;
  readonly outcome: 'processed' | 'rejected';
  readonly eventTime: string;
  readonly sequencer: string;
  readonly rows: number;
}

/**
 * Writes the table's customer table as silver does (each Customer ID's last row).
 *
 * @returns the object written, or undefined when the header is not a silver table's.
 */
async function putCustomerTable(
  lake: SilverTestLake,
  { name, eventTime, sequencer }: TestCommit,
  silver: ManifestObject,
  header: readonly string[],
  rows: readonly string[][],
): Promise<ManifestObject | undefined> {
  const columns = tryResolveColumns(header.map(unescapeSpreadsheetCell));
  if (!columns) return undefined;
  const latest = new LatestCustomerRows();
  rows.forEach((fields, i) => {
    const key = customerKeyOf(fields, columns);
    latest.add(key.customerId, key.region, key.subscribed, i + 2);
  });
  const facts = { bronzeKey: `bronze/${name}.csv`, bronzeETag: 'b', eventTime, sequencer, silverKey: silver.key };
  return put(lake, `silver-customers/${name}.parquet`, encodeCustomerTable(latest.toRecords(), facts));
}

/** The test commit's manifest: the tables' real ETags, the silver rows counted, other counts zero. */
function testManifestOf(
  { name, outcome, eventTime, sequencer, rows }: TestCommit,
  silver: ManifestObject,
  customers: ManifestObject | undefined,
): SilverManifest {
  return {
    layer: 'silver',
    codeVersion: 'test',
    source: { key: `bronze/${name}.csv`, eTag: 'b', eventTime, sequencer },
    encoding: 'utf-8',
    outcome,
    counts: {
      dataRecords: rows,
      silverRows: outcome === 'processed' ? rows : 0,
      quarantinedRows: 0,
      blankRows: 0,
      unknownCountryRows: 0,
      ruleFailures: {},
    },
    outputs: outcome === 'processed' ? { silver, ...(customers ? { customers } : {}) } : {},
  };
}

/**
 * Commits a silver table as silver does, for tests of silver's readers: writes `silver/<name>.csv`,
 * its customer table `silver-customers/<name>.parquet` (each Customer ID's last row; unless
 * `customerTable: false`, or the body is not a silver table), then its manifest
 * `silver/_manifests/<name>.csv.json` (bronze key `bronze/<name>.csv`, the tables' real ETags,
 * the silver rows counted, other counts zero).
 *
 * @param lake - the test lake.
 * @param name - the table's name, e.g. `a` for `silver/a.csv`.
 * @param body - the table's CSV text, header first.
 * @param options - the bronze event's time and sequencer, the outcome, the event shape, the customer table.
 * @returns the manifest's real S3 event, as the layers reading silver receive it.
 */
export async function commitSilverTable(
  lake: SilverTestLake,
  name: string,
  body: string,
  options: SilverCommitOptions = {},
): Promise<unknown> {
  const outcome = options.outcome ?? 'processed';
  const eventTime = options.eventTime ?? '2026-11-29T12:00:00.000Z';
  const sequencer = options.sequencer ?? '01';
  const [header = [], ...rows] = readCsvBatchFields(Buffer.from(body), { firstLine: 1 });
  const silver = await put(lake, `silver/${name}.csv`, body);
  const commit = { name, outcome, eventTime, sequencer, rows: rows.length };
  const customers =
    outcome === 'processed' && options.customerTable !== false
      ? await putCustomerTable(lake, commit, silver, header, rows)
      : undefined;
  const manifest = testManifestOf(commit, silver, customers);
  return lake.put(`silver/_manifests/${name}.csv.json`, JSON.stringify(manifest), {
    shape: options.shape ?? 's3-notification',
  });
}
