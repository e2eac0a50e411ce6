import { describe, expect, it } from 'vitest';
import {
  createTableDdl,
  GOLD_REGION_CUSTOMERS_TABLE,
  LAKE_TABLES,
  lakeDatabaseName,
  PLATINUM_SUBSCRIPTION_RATE_TABLE,
  tableFileKeyOf,
} from '../src/index';

describe('the lake catalog', () => {
  it('names the database after the stage, as Athena allows', () => {
    expect(lakeDatabaseName('dev')).toBe('medallion_dev');
    expect(lakeDatabaseName('team-a-2')).toBe('medallion_team_a_2');
  });

  it('gives each table a prefix of its own, none inside another', () => {
    const prefixes = LAKE_TABLES.map((table) => table.prefix);
    expect(prefixes).toEqual(['silver-customers/', 'gold/region_customers/', 'platinum/subscription_rate_by_region/']);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(a.startsWith(b)).toBe(false);
    const names = LAKE_TABLES.flatMap((table) => table.columns.map((column) => column.name));
    expect(names.filter((name) => !/^[a-z][a-z0-9_]*$/.test(name))).toEqual([]);
  });

  it('keys a table file by its prefix, name and format', () => {
    expect(tableFileKeyOf(GOLD_REGION_CUSTOMERS_TABLE)).toBe('gold/region_customers/region_customers.parquet');
    expect(tableFileKeyOf(PLATINUM_SUBSCRIPTION_RATE_TABLE)).toBe(
      'platinum/subscription_rate_by_region/subscription_rate_by_region.csv',
    );
  });

  it('writes the Athena DDL of a Parquet table', () => {
    expect(createTableDdl(GOLD_REGION_CUSTOMERS_TABLE, { database: 'medallion_dev', bucket: 'my-lake' })).toBe(
      [
        'CREATE EXTERNAL TABLE medallion_dev.region_customers (',
        "  region string COMMENT 'Region',",
        "  customer_id string COMMENT 'A subscribed Customer ID there'",
        ')',
        "COMMENT 'Gold: one row per Region and subscribed customer (latest record wins)'",
        "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'",
        "STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'",
        "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'",
        "LOCATION 's3://my-lake/gold/region_customers/'",
        "TBLPROPERTIES ('classification'='parquet')",
      ].join('\n'),
    );
  });

  it('writes the Athena DDL of a CSV table: comma-delimited, header skipped', () => {
    const ddl = createTableDdl(PLATINUM_SUBSCRIPTION_RATE_TABLE, { database: 'medallion_dev', bucket: 'my-lake' });
    expect(ddl.split('\n').slice(7)).toEqual([
      "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'",
      "WITH SERDEPROPERTIES ('field.delim'=',')",
      "STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'",
      "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
      "LOCATION 's3://my-lake/platinum/subscription_rate_by_region/'",
      "TBLPROPERTIES ('classification'='csv', 'skip.header.line.count'='1')",
    ]);
  });
});
