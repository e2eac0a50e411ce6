import { PREFIXES } from '@medallion/lake-layout';
import type { CatalogColumn, CatalogTable } from './catalog-table';

/** The Region column of gold's and platinum's tables. */
const REGION_COLUMN: CatalogColumn = { name: 'region', type: 'string', comment: 'Region' };

/**
 * A layer's table in a folder named after it under the layer's output prefix.
 *
 * @param outputPrefix - the layer's output prefix, e.g. `gold/`.
 * @param table - the table but its prefix.
 * @returns the table, its prefix `<outputPrefix><name>/`, e.g. `gold/region_customers/`.
 */
function tableUnder(outputPrefix: string, table: Omit<CatalogTable, 'prefix'>): CatalogTable {
  return { ...table, prefix: `${outputPrefix}${table.name}/` };
}

/**
 * Silver's customer tables (Parquet, one file per bronze object under `silver-customers/`): each
 * Customer ID's latest record in its bronze file, with the ordering facts that pick a customer's
 * latest record across files (later `bronze_event_time`, then `bronze_sequencer`, then
 * `bronze_key`; within a file, the later `bronze_line`). Source: silver's `encodeCustomerTable`
 * (`@medallion/customer-records`); its tests check the written file's columns against these.
 */
export const SILVER_CUSTOMERS_TABLE: CatalogTable = {
  name: 'silver_customers',
  description: 'The latest record of each customer in one bronze file, one Parquet file per bronze object',
  prefix: PREFIXES.silverCustomers,
  format: 'parquet',
  columns: [
    { name: 'customer_id', type: 'string', comment: 'Customer ID, trimmed, Unicode NFC' },
    { name: 'region', type: 'string', comment: 'Region of the customer country' },
    { name: 'subscribed', type: 'boolean', comment: 'Subscription Status is subscribed' },
    {
      name: 'bronze_line',
      type: 'int',
      comment: 'The physical line of its bronze file where the record starts (the header is line 1)',
    },
    { name: 'bronze_key', type: 'string', comment: 'The bronze object the record came from' },
    { name: 'bronze_event_time', type: 'string', comment: 'The event time of the bronze object, ISO 8601 UTC' },
    {
      name: 'bronze_sequencer',
      type: 'string',
      comment: 'The event sequencer of the bronze object (hex), empty if none',
    },
  ],
};

/**
 * Gold as a long table: one row per Region and subscribed customer, sorted by Region, then
 * Customer ID; one Parquet file, `gold/region_customers/region_customers.parquet`, rewritten with
 * `gold/customers_by_region.csv` from the same checkpoint. `count(*) … GROUP BY region` is gold's
 * `Subscribed Customers`. Source: gold's `encodeRegionCustomers` (`@medallion/gold`).
 */
export const GOLD_REGION_CUSTOMERS_TABLE = tableUnder(PREFIXES.gold, {
  name: 'region_customers',
  description: 'Gold: one row per Region and subscribed customer (latest record wins)',
  format: 'parquet',
  columns: [REGION_COLUMN, { name: 'customer_id', type: 'string', comment: 'A subscribed Customer ID there' }],
});

/**
 * Platinum's table (`Region,Customers,Subscribed Customers,Subscription Rate`) in a folder of its
 * own, `platinum/subscription_rate_by_region/subscription_rate_by_region.csv`: the bytes of
 * `platinum/subscription_rate_by_region.csv`, written with it. Region names hold no comma, quote
 * or line break, so no field is quoted. Source: platinum's `formatPlatinumCsv` (`@medallion/platinum`).
 */
export const PLATINUM_SUBSCRIPTION_RATE_TABLE = tableUnder(PREFIXES.platinum, {
  name: 'subscription_rate_by_region',
  description: 'Platinum: customers, subscribed customers and subscription rate per Region',
  format: 'csv',
  columns: [
    REGION_COLUMN,
    { name: 'customers', type: 'bigint', comment: 'Customers whose latest record is in the Region' },
    { name: 'subscribed_customers', type: 'bigint', comment: 'Of those, the subscribed' },
    { name: 'subscription_rate', type: 'double', comment: 'Percent subscribed, one decimal, rounded half up' },
  ],
});

/** Every table the lake's Glue database holds, in layer order. */
export const LAKE_TABLES: readonly CatalogTable[] = [
  SILVER_CUSTOMERS_TABLE,
  GOLD_REGION_CUSTOMERS_TABLE,
  PLATINUM_SUBSCRIPTION_RATE_TABLE,
];

/**
 * The key of a table's one data file: `<prefix><name>.<parquet|csv>`.
 *
 * @param table - a gold or platinum table (silver's customer tables have one file per bronze object).
 * @returns e.g. `gold/region_customers/region_customers.parquet`.
 */
export function tableFileKeyOf(table: CatalogTable): string {
  return `${table.prefix}${table.name}.${table.format}`;
}
