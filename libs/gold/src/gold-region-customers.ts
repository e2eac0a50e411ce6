import { recordsByRegion, type CustomerRecords } from '@medallion/customer-records';
import { GOLD_REGION_CUSTOMERS_TABLE, tableFileKeyOf } from '@medallion/lake-catalog';
import { writeParquet, type ParquetLayout } from '@medallion/parquet-io';

/** Where gold writes its long table: `gold/region_customers/region_customers.parquet`, alone under the catalogued table's prefix. */
export const GOLD_REGION_CUSTOMERS_KEY = tableFileKeyOf(GOLD_REGION_CUSTOMERS_TABLE);

const [REGION_COLUMN, CUSTOMER_ID_COLUMN] = GOLD_REGION_CUSTOMERS_TABLE.columns.map((column) => column.name) as [
  string,
  string,
];

/**
 * Gold as a long table in Parquet: one row per Region and subscribed customer (each customer's
 * latest record across silver), sorted by Region (code-unit order), then Customer ID in the state's
 * order: the rows of `gold/customers_by_region.csv` with its `Customer IDs` cell unrolled. Columns
 * `region` (dictionary-encoded) and `customer_id` (UTF-8 text), as `GOLD_REGION_CUSTOMERS_TABLE`
 * catalogues them. Every value is one Customer ID (4 length bytes and its UTF-8 bytes, plain
 * encoded), so a million customers make a million short rows where the CSV has one 4 MB cell.
 *
 * @param state - the records, sorted by Customer ID.
 * @param layout - row group and page sizes (tests).
 * @returns the file's bytes.
 */
export function encodeRegionCustomers(state: CustomerRecords, layout?: ParquetLayout): Uint8Array {
  const regions = recordsByRegion(state);
  const rows = regions.reduce((total, region) => total + region.subscribed.length, 0);
  const starts = new Uint32Array(rows);
  const ends = new Uint32Array(rows);
  const codes = new Uint16Array(rows);
  let row = 0;
  regions.forEach((region, code) => {
    for (const position of region.subscribed) {
      starts[row] = state.ids.starts[position] ?? 0;
      ends[row] = state.ids.ends[position] ?? 0;
      codes[row++] = code;
    }
  });
  return writeParquet(
    {
      rows,
      columns: [
        { name: REGION_COLUMN, kind: 'category', categories: regions.map((region) => region.region), codes },
        { name: CUSTOMER_ID_COLUMN, kind: 'text', values: { bytes: state.ids.bytes, starts, ends } },
      ],
      metadata: {},
    },
    layout,
  );
}
