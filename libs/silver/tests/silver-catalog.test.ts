import { SILVER_CUSTOMERS_TABLE, type CatalogColumnType } from '@medallion/lake-catalog';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilverLayer } from '../src';

/** The Parquet physical type each catalog type reads (Athena's Parquet SerDe matches columns by name and this type). */
const PHYSICAL: Record<CatalogColumnType, string> = {
  string: 'BYTE_ARRAY',
  boolean: 'BOOLEAN',
  int: 'INT32',
  bigint: 'INT64',
  double: 'DOUBLE',
};

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

describe("silver's customer tables, as the catalog describes them (silver_customers)", () => {
  it('hold exactly the catalogued columns, in order, of the catalogued types, under the table prefix', async () => {
    const handler = createLayerHandler(createSilverLayer({ threads: 0 }), { s3: lake.s3 });
    await handler(
      await lake.put(
        'bronze/day/one.csv',
        'Customer ID,Customer Name,Customer Country,Subscription Status\n7,Ana,Chile,Active\n3,Bo,Japan,Cancelled\n',
      ),
    );
    expect(await lake.keys(SILVER_CUSTOMERS_TABLE.prefix)).toEqual(['silver-customers/day/one.parquet']);
    const bytes = (await lake.bytes('silver-customers/day/one.parquet'))!;
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const schema = parquetSchema(parquetMetadata(file)).children.map(({ element }) => [element.name, element.type]);
    expect(schema).toEqual(SILVER_CUSTOMERS_TABLE.columns.map((column) => [column.name, PHYSICAL[column.type]]));
    const rows = await parquetReadObjects({ file });
    expect(rows).toEqual([
      {
        customer_id: '3',
        region: 'Asia',
        subscribed: false,
        bronze_line: 3,
        bronze_key: 'bronze/day/one.csv',
        bronze_event_time: expect.stringMatching(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        bronze_sequencer: expect.stringMatching(/^[0-9A-F]+$/),
      },
      {
        customer_id: '7',
        region: 'South America',
        subscribed: true,
        bronze_line: 2,
        bronze_key: 'bronze/day/one.csv',
        bronze_event_time: expect.stringMatching(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        bronze_sequencer: expect.stringMatching(/^[0-9A-F]+$/),
      },
    ]);
  });
});
