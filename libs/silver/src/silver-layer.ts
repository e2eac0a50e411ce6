import { CsvSyntaxError, DEFAULT_MAX_RECORD_CHARS, NotUtf8Error, readCsvRecords, type CsvRecord, type TextEncoding } from '@medallion/csv-io';
import { CsvObjectWriter, type LayerEnvironment, type MapLayer } from '@medallion/layer-runtime';
import type { ObjectEvent } from '@medallion/s3-events';
import { openObject, putObject } from '@medallion/s3-io';
import { defaultExpectations, FileRejectedError, QUARANTINE_COLUMNS, SILVER_METADATA, type ExpectationSuite } from '@medallion/schemas';
import { NO_ROWS, type SilverCounts, type SilverResult } from './silver-result';
import { silverKeysFor, type SilverKeys } from './silver-keys';
import { isUnknownRegion, SilverTransform } from './silver-transform';

const INPUT_PREFIX = 'bronze/';

/**
 * Largest bronze record accepted (characters), from `MEDALLION_MAX_RECORD_CHARS`; a file holding a
 * larger one is rejected with that reason instead of exhausting memory.
 */
function maxRecordChars(): number {
  const configured = Number(process.env['MEDALLION_MAX_RECORD_CHARS']);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_RECORD_CHARS;
}

/** A whole-file refusal: the reason and the expectation that made it. */
interface Rejection {
  readonly reason: string;
  readonly rule: string;
}

function rejectionOf(error: unknown): Rejection | undefined {
  if (error instanceof CsvSyntaxError && error.code === 'CSV_MAX_RECORD_SIZE') {
    return { rule: 'record-size', reason: `a record is over ${maxRecordChars()} characters (detected at line ${error.line}); raise MEDALLION_MAX_RECORD_CHARS to accept it` };
  }
  if (error instanceof CsvSyntaxError) return { rule: 'well-formed-csv', reason: error.message };
  if (error instanceof FileRejectedError) return { rule: error.rule ?? 'readable-table', reason: error.message };
  return undefined;
}

/** The quarantine-threshold refusal, when the file's quarantined share is over the suite's threshold. */
function thresholdRejection(counts: SilverCounts, suite: ExpectationSuite): Rejection | undefined {
  const threshold = suite.maxQuarantinedPercent;
  if (threshold === undefined || counts.dataRecords === 0) return undefined;
  const percent = (counts.quarantinedRows * 100) / counts.dataRecords;
  if (percent <= threshold) return undefined;
  return {
    rule: 'quarantine-threshold',
    reason: `${percent.toFixed(1)}% of data records quarantined (${counts.quarantinedRows} of ${counts.dataRecords}), over the ${threshold}% threshold (MEDALLION_MAX_QUARANTINED_PERCENT)`,
  };
}

async function writeRejection(
  env: LayerEnvironment,
  object: ObjectEvent,
  eTag: string,
  keys: SilverKeys,
  rejection: Rejection,
  encoding: TextEncoding,
  counts?: SilverCounts,
): Promise<SilverResult> {
  const { reason, rule } = rejection;
  const record = { bronzeKey: object.key, bronzeETag: eTag, eventTime: object.eventTime, rule, reason, ...(counts ? { counts } : {}) };
  await putObject(env.s3, { bucket: object.bucket, key: keys.rejection, contentType: 'application/json' }, `${JSON.stringify(record, null, 2)}\n`);
  env.logger.warn('file rejected', { bucket: object.bucket, key: object.key, rule, reason, rejectionKey: keys.rejection });
  return { bronzeKey: object.key, encoding, bronzeETag: eTag, rejected: reason, rejectedBy: rule, outputKeys: [keys.rejection], counts: NO_ROWS };
}

async function transformObject(
  env: LayerEnvironment,
  object: ObjectEvent,
  records: AsyncGenerator<CsvRecord>,
  silver: CsvObjectWriter,
  quarantine: CsvObjectWriter,
  expectations: ExpectationSuite,
): Promise<SilverCounts> {
  const first = await records.next();
  if (first.done) throw new FileRejectedError('no header: the object holds no records', { rule: 'header-present' });
  const transform = new SilverTransform(first.value.fields, expectations);
  await silver.write(transform.header);
  const ruleFailures: Record<string, number> = {};
  const counts = { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures };
  for await (const record of records) {
    counts.dataRecords++;
    const output = transform.apply(record);
    if (output.kind !== 'blank') for (const failure of output.failures) ruleFailures[failure.rule] = (ruleFailures[failure.rule] ?? 0) + 1;
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
 * One attempt at a bronze object in one encoding. Returns `'not-utf-8'` when reading UTF-8 met an
 * invalid byte sequence: the partial outputs are aborted, and the caller tries Windows-1252.
 */
async function transformWithEncoding(
  env: LayerEnvironment,
  object: ObjectEvent,
  keys: SilverKeys,
  encoding: TextEncoding,
): Promise<SilverResult | 'not-utf-8'> {
  const bronze = await openObject(env.s3, object.bucket, object.key);
  if (bronze.contentLength === 0) {
    bronze.body.destroy();
    return writeRejection(env, object, bronze.eTag, keys, { rule: 'header-present', reason: 'empty object (0 bytes): no header' }, encoding);
  }
  const metadata = {
    [SILVER_METADATA.bronzeKey]: encodeURIComponent(object.key),
    [SILVER_METADATA.bronzeETag]: bronze.eTag,
    [SILVER_METADATA.eventTime]: object.eventTime,
    [SILVER_METADATA.sequencer]: object.sequencer ?? '',
  };
  const silver = new CsvObjectWriter(env.s3, { bucket: object.bucket, key: keys.silver, metadata });
  const quarantine = new CsvObjectWriter(env.s3, { bucket: object.bucket, key: keys.quarantine, metadata });
  const expectations = defaultExpectations();
  let counts: SilverCounts;
  try {
    const records = readCsvRecords(bronze.body, { encoding, maxRecordChars: maxRecordChars() });
    counts = await transformObject(env, object, records, silver, quarantine, expectations);
  } catch (error) {
    bronze.body.destroy();
    await Promise.all([silver.abort(), quarantine.abort()]);
    if (error instanceof NotUtf8Error) return 'not-utf-8';
    const rejection = rejectionOf(error);
    if (rejection === undefined) throw error;
    return writeRejection(env, object, bronze.eTag, keys, rejection, encoding);
  }
  const overThreshold = thresholdRejection(counts, expectations);
  if (overThreshold) {
    await Promise.all([silver.abort(), quarantine.abort()]);
    return writeRejection(env, object, bronze.eTag, keys, overThreshold, encoding, counts);
  }
  await silver.finish();
  const outputKeys = [keys.silver];
  if (await quarantine.finish()) outputKeys.push(keys.quarantine);
  env.logger.info('object processed', { bucket: object.bucket, key: object.key, encoding, outputKeys, ...counts });
  return { bronzeKey: object.key, encoding, bronzeETag: bronze.eTag, rejected: undefined, rejectedBy: undefined, outputKeys, counts };
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
 * Bronze that is not valid UTF-8 is read again as Windows-1252 (the usual spreadsheet export), and
 * the result says so; silver is always UTF-8 and never holds U+FFFD. A record over
 * `MEDALLION_MAX_RECORD_CHARS` characters (default 1 MiB) rejects the file.
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
    const first = await transformWithEncoding(env, object, keys, 'utf-8');
    if (first !== 'not-utf-8') return first;
    env.logger.info('not valid UTF-8: reading as Windows-1252', { bucket: object.bucket, key: object.key });
    const second = await transformWithEncoding(env, object, keys, 'windows-1252');
    if (second === 'not-utf-8') throw new Error('unreachable: Windows-1252 decodes every byte');
    return second;
  },
};
