import { DEFAULT_MAX_RECORD_CHARS } from '@medallion/csv-io';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { uploadStream } from '@medallion/s3-io';
import { countsOf, silverLayer, transformSilverBatch } from '@medallion/silver';
import { createReadStream } from 'node:fs';
import { AGGREGATE_SCENARIOS } from './aggregate-scenarios';
import { customerFile, forEachBatch } from './bench-inputs';
import { MANY_FILES_SCENARIO } from './many-files-scenario';
import { withLake, type Scenario } from './scenario';

/** Silver's steps: one bronze file through the embedded S3, and its transform alone. */
const SILVER_SCENARIOS: Readonly<Record<string, Scenario>> = {
  /** Silver end to end through the embedded S3: GetObject, parse, transform, multipart upload, customer table, manifest. */
  silver: {
    async prepare(rows, lakeDirectory) {
      const file = await customerFile(rows);
      return withLake(lakeDirectory, async (lake) => {
        const { eTag } = await uploadStream(
          lake.s3,
          { bucket: lake.bucket, key: 'bronze/bench.csv', contentType: 'text/csv' },
          createReadStream(file.path),
        );
        return { bytes: file.bytes, eTag };
      });
    },
    async open(_rows, lakeDirectory, prepared) {
      const lake = await startTestLake(undefined, lakeDirectory);
      const event = buildS3NotificationEvent({
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-01-01T00:00:00.000Z',
        bucket: lake.bucket,
        key: 'bronze/bench.csv',
        size: prepared.bytes,
        eTag: prepared.eTag ?? '',
        sequencer: '01',
      });
      const handler = createLayerHandler(silverLayer, { s3: lake.s3 });
      return {
        run: async () => {
          const report = await handler(event);
          const [result] = report.results;
          if (!result) throw new Error('silver returned no result');
          return { rows: countsOf(result).dataRecords, bytes: prepared.bytes };
        },
        close: () => lake.close(),
      };
    },
  },
  /** The silver transform alone, inline: batches, parse, validate, look up regions, format CSV (to nowhere). No S3. */
  'transform-silver': {
    async prepare(rows) {
      return { bytes: (await customerFile(rows)).bytes };
    },
    async open(rows) {
      const file = await customerFile(rows);
      return {
        run: async () => {
          let count = 0;
          await forEachBatch(file.path, (header, batch) => {
            count += transformSilverBatch({
              header,
              bytes: batch.bytes,
              firstLine: batch.firstLine,
              maxRecordChars: DEFAULT_MAX_RECORD_CHARS,
            }).counts.dataRecords;
          });
          return { rows: count, bytes: file.bytes };
        },
        close: async () => undefined,
      };
    },
  },
};

/** Every scenario by name (the size, rows or files, is its argument). */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  ...SILVER_SCENARIOS,
  ...AGGREGATE_SCENARIOS,
  'many-files': MANY_FILES_SCENARIO,
};
