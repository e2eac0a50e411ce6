import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoldLayer } from '../src';
import { commitSilverTable } from '@medallion/silver-tables/testing';

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

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
    lines.push(`${id.startsWith('-') ? `'${id}` : id},${name},Somewhere,${(i + table) % 4 === 0 ? 'Cancelled' : 'Active'},${REGIONS[(i + table) % REGIONS.length]}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('gold on worker threads', () => {
  it('computes the same gold table as inline over five tables of 2,000 rows cut into 64-byte batches', async () => {
    let event: unknown;
    for (let table = 0; table < 5; table++) event = await commitSilverTable(lake, `t${table}`, silverTable(table, 2000), { eventTime: new Date(Date.UTC(2026, 10, 29, 12, 0, 10 - table)).toISOString(), sequencer: String(10 - table).padStart(2, '0') });
    const inline = await createLayerHandler(createGoldLayer({ threads: 0 }), { s3: lake.s3 })(event);
    const inlineGold = await lake.text('gold/customers_by_region.csv');
    const parallel = await createLayerHandler(createGoldLayer({ threads: 2, parallelMinBytes: 0, batchBytes: 64 }), { s3: lake.s3 })(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe(inlineGold);
    expect(parallel.results).toEqual(inline.results);
    const distinct = new Set(Array.from({ length: 5 }, (_, table) => Array.from({ length: 2000 }, (_, row) => idOf(table, row))).flat());
    expect(inline.results[0]).toMatchObject({ silverObjects: 5, silverRows: 10_000, customers: distinct.size });
    expect(distinct.size).toBeGreaterThan(500);
  });
});
