import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake } from '@medallion/local-s3/testing';
import { describe, expect, it } from 'vitest';
import { createGoldLayer } from '../src';
import { commitSilverTable } from '@medallion/silver-tables/testing';

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region';
const REGIONS = ['Europe', 'Asia', '"Latin America, South"', 'Africa', 'Others'];

/** The Customer ID of a row: 500 plain IDs, and every 31st row one that starts with `-` (escaped in silver as `'-…`). */
function idOf(table: number, row: number): string {
  const id = String((row * 7 + table * 3) % 500).padStart(4, '0');
  return row % 31 === 0 ? `-${id}` : id;
}

/** A silver table of `rows` rows whose IDs repeat across tables (so the latest record matters), with quoted cells and line breaks. */
function silverTable(table: number, rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const id = idOf(table, i);
    const name = i % 9 === 0 ? `"Name ${i}\nline two"` : `Name ${i}`;
    lines.push(
      `${id.startsWith('-') ? `'${id}` : id},${name},Somewhere,${(i + table) % 4 === 0 ? 'Cancelled' : 'Active'},${REGIONS[(i + table) % REGIONS.length]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Commits the five tables to a fresh lake (wide silver tables only, or with customer tables) and runs gold once. */
async function goldOf(layerOptions: Parameters<typeof createGoldLayer>[0], customerTable: boolean) {
  const lake = await startTestLake();
  try {
    let event: unknown;
    for (let table = 0; table < 5; table++) {
      const options = {
        eventTime: new Date(Date.UTC(2026, 10, 29, 12, 0, 10 - table)).toISOString(),
        sequencer: String(10 - table).padStart(2, '0'),
        customerTable,
      };
      event = await commitSilverTable(lake, `t${table}`, silverTable(table, 2000), options);
    }
    const report = await createLayerHandler(createGoldLayer(layerOptions), { s3: lake.s3 })(event);
    return { result: report.results[0]!, csv: await lake.text('gold/customers_by_region.csv') };
  } finally {
    await lake.close();
  }
}

describe('gold over wide silver tables on worker threads', () => {
  it('computes the same gold table inline, on two threads in 64-byte batches, and from customer tables: five tables of 2,000 rows', async () => {
    const inline = await goldOf({ threads: 0 }, false);
    const parallel = await goldOf({ threads: 2, parallelMinBytes: 0, batchBytes: 64 }, false);
    const fromCustomerTables = await goldOf({}, true);
    expect(parallel.csv).toBe(inline.csv);
    expect(fromCustomerTables.csv).toBe(inline.csv);
    const distinct = new Set(
      Array.from({ length: 5 }, (_, table) => Array.from({ length: 2000 }, (_, row) => idOf(table, row))).flat(),
    );
    for (const { result } of [inline, parallel, fromCustomerTables])
      expect(result).toMatchObject({ silverObjects: 5, silverRows: 10_000, customers: distinct.size });
    expect(distinct.size).toBeGreaterThan(500);
  });
});
