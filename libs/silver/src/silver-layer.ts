import { CsvSyntaxError, readCsvRecords, type CsvRecord } from '@medallion/csv-io';
import { CsvObjectWriter, type LayerEnvironment, type MapLayer } from '@medallion/layer-runtime';
import type { ObjectEvent } from '@medallion/s3-events';
import { openObject, putObject } from '@medallion/s3-io';
import { FileRejectedError, QUARANTINE_COLUMNS, SILVER_METADATA } from '@medallion/schemas';
import { NO_ROWS, type SilverCounts, type SilverResult } from './silver-result';
import { silverKeysFor, type SilverKeys } from './silver-keys';
import { isUnknownRegion, SilverTransform } from './silver-transform';

const INPUT_PREFIX = 'bronze/';

function rejectionReason(error: unknown): string | undefined {
  if (error instanceof FileRejectedError || error instanceof CsvSyntaxError) return error.message;
  return undefined;
}

async function writeRejection(env: LayerEnvironment, object: ObjectEvent, eTag: string, keys: SilverKeys, reason: string): Promise<SilverResult> {
  const record = { bronzeKey: object.key, bronzeETag: eTag, eventTime: object.eventTime, reason };
  await putObject(env.s3, { bucket: object.bucket, key: keys.rejection, contentType: 'application/json' }, `${JSON.stringify(record, null, 2)}\n`);
  env.logger.warn('file rejected', { bucket: object.bucket, key: object.key, reason, rejectionKey: keys.rejection });
  return { bronzeKey: object.key, bronzeETag: eTag, rejected: reason, outputKeys: [keys.rejection], counts: NO_ROWS };
}

async function transformObject(
  env: LayerEnvironment,
  object: ObjectEvent,
  records: AsyncGenerator<CsvRecord>,
  silver: CsvObjectWriter,
  quarantine: CsvObjectWriter,
): Promise<SilverCounts> {
  const first = await records.next();
  if (first.done) throw new FileRejectedError('no header: the object holds no records');
  const transform = new SilverTransform(first.value.fields);
  await silver.write(transform.header);
  const counts = { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 };
  for await (const record of records) {
    counts.dataRecords++;
    const output = transform.apply(record);
    if (output.kind === 'blank') {
      counts.blankRows++;
    } else if (output.kind === 'quarantine') {
      if (quarantine.recordCount === 0) await quarantine.write(QUARANTINE_COLUMNS);
      await quarantine.write(output.row);
      counts.quarantinedRows++;
    } else {
      await silver.write(output.row);
      counts.silverRows++;
      if (isUnknownRegion(output.region)) counts.unknownCountryRows++;
    }
  }
  return counts;
}

/**
 * Silver: one `bronze/<path>.csv` → `silver/<path>.csv` (every bronze column in order, Customer ID
 * trimmed, `Region` appended) and, when rows were refused, `quarantine/<path>.csv`
 * (`Line,Reason,Raw Record`). Streams both ways: memory does not grow with the file.
 *
 * A file that cannot be read as a table (empty object, no header, a required column missing, a
 * duplicated column, a CSV syntax error) is rejected whole: no silver object, a JSON record at
 * `quarantine/<path>.error.json` with the reason, the bronze object untouched.
 *
 * Each silver object carries its bronze object's key, ETag, event time and sequencer as metadata
 * ({@link SILVER_METADATA}) so that gold orders records across files without guessing.
 */
export const silverLayer: MapLayer<SilverResult> = {
  kind: 'map',
  name: 'silver',
  inputPrefix: INPUT_PREFIX,
  outputPrefix: 'silver/',
  async processObject(env, object) {
    const keys = silverKeysFor(object.key, INPUT_PREFIX);
    const bronze = await openObject(env.s3, object.bucket, object.key);
    if (bronze.contentLength === 0) {
      bronze.body.destroy();
      return writeRejection(env, object, bronze.eTag, keys, 'empty object (0 bytes): no header');
    }
    const metadata = {
      [SILVER_METADATA.bronzeKey]: encodeURIComponent(object.key),
      [SILVER_METADATA.bronzeETag]: bronze.eTag,
      [SILVER_METADATA.eventTime]: object.eventTime,
      [SILVER_METADATA.sequencer]: object.sequencer ?? '',
    };
    const silver = new CsvObjectWriter(env.s3, { bucket: object.bucket, key: keys.silver, metadata });
    const quarantine = new CsvObjectWriter(env.s3, { bucket: object.bucket, key: keys.quarantine, metadata });
    let counts: SilverCounts;
    try {
      counts = await transformObject(env, object, readCsvRecords(bronze.body), silver, quarantine);
    } catch (error) {
      bronze.body.destroy();
      await Promise.all([silver.abort(), quarantine.abort()]);
      const reason = rejectionReason(error);
      if (reason === undefined) throw error;
      return writeRejection(env, object, bronze.eTag, keys, reason);
    }
    await silver.finish();
    const outputKeys = [keys.silver];
    if (await quarantine.finish()) outputKeys.push(keys.quarantine);
    env.logger.info('object processed', { bucket: object.bucket, key: object.key, outputKeys, ...counts });
    return { bronzeKey: object.key, bronzeETag: bronze.eTag, rejected: undefined, outputKeys, counts };
  },
};
