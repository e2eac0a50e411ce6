import { formatCsv } from '@medallion/csv-io';
import { resolveSilverColumns, type SilverColumns } from '@medallion/schemas';
import { describe, expect, it } from 'vitest';
import { extractCustomerKeys } from '@medallion/silver-tables';
import { formatGoldCsv, GoldAggregator } from '../src';

const README_COLUMNS = resolveSilverColumns(['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status', 'Region']);
const object = (key: string, eventTime: string, sequencer = '01') => ({ key, eventTime, sequencer });

/** Adds silver rows the way gold does: formatted as CSV, read back as one batch, then added. */
function addRows(aggregator: GoldAggregator, source: ReturnType<typeof object>, firstRow: number, rows: string[][], columns: SilverColumns): void {
  aggregator.addKeys(source, firstRow, extractCustomerKeys({ bytes: Buffer.from(formatCsv(rows)), firstLine: firstRow + 2, columns }));
}

function aggregate(rows: Array<[ReturnType<typeof object>, string[]]>) {
  const aggregator = new GoldAggregator();
  const rowIndex = new Map<object, number>();
  for (const [source, fields] of rows) {
    const index = rowIndex.get(source) ?? 0;
    rowIndex.set(source, index + 1);
    addRows(aggregator, source, index, [fields], README_COLUMNS);
  }
  return aggregator;
}

describe('GoldAggregator', () => {
  it('counts each customer once by its latest record within one file', () => {
    const file = object('silver/14.csv', '2026-11-29T12:00:00.000Z');
    const gold = aggregate([
      [file, ['1401', 'Ana', 'Brazil', 'Active', 'South America']],
      [file, ['1402', 'Bo', 'Japan', 'Active', 'Asia']],
      [file, ['1401', 'Ana', 'Portugal', 'Active', 'Europe']],
      [file, ['1402', 'Bo', 'Japan', 'Inactive', 'Asia']],
    ]);
    expect(gold.toRows()).toEqual([
      { region: 'Asia', subscribedCustomers: 0, customerIds: [] },
      { region: 'Europe', subscribedCustomers: 1, customerIds: ['1401'] },
    ]);
    expect([gold.rows, gold.customers]).toEqual([4, 2]);
  });

  it('lets the file with the later bronze event time win, whatever order the files are read in', () => {
    const older = object('silver/z-old.csv', '2026-11-29T12:00:00.000Z');
    const newer = object('silver/a-new.csv', '2026-11-29T12:00:01.000Z');
    const moved = [newer, ['060', 'Quan', 'Brazil', 'Active', 'South America']] as [typeof newer, string[]];
    const before = [older, ['060', 'Quan', 'Germany', 'Active', 'Europe']] as [typeof older, string[]];
    const expected = [{ region: 'South America', subscribedCustomers: 1, customerIds: ['060'] }];
    expect(aggregate([before, moved]).toRows()).toEqual(expected);
    expect(aggregate([moved, before]).toRows()).toEqual(expected);
  });

  it('sorts IDs by code-unit order and regions by name', () => {
    const file = object('silver/09.csv', '2026-11-29T12:00:00.000Z');
    const gold = aggregate([
      [file, ['001', 'Ana', 'USA', 'Active', 'North America']],
      [file, ['0002', 'Bo', 'Canada', 'Active', 'North America']],
      [file, ['00003', 'Cy', 'Mexico', 'Active', 'North America']],
      [file, ['9', 'Di', 'Chile', 'yes', 'South America']],
      [file, ['8', 'Ed', 'Kenya', 'Cancelled', 'Africa']],
    ]);
    expect(formatGoldCsv(gold.toRows())).toBe(
      'Region,Subscribed Customers,Customer IDs\nAfrica,0,[]\nNorth America,3,"[00003, 0002, 001]"\nSouth America,1,[9]\n',
    );
  });

  it('reads spreadsheet-escaped silver cells back to the original IDs', () => {
    const file = object('silver/08.csv', '2026-11-29T12:00:00.000Z');
    const gold = aggregate([
      [file, ["'-5", "'=x", 'Chile', 'Active', 'South America']],
      [file, ["'+7", 'y', 'Peru', 'Active', 'South America']],
    ]);
    expect(gold.toRows()).toEqual([{ region: 'South America', subscribedCustomers: 2, customerIds: ['+7', '-5'] }]);
    expect(formatGoldCsv(gold.toRows())).toBe('Region,Subscribed Customers,Customer IDs\nSouth America,2,"[+7, -5]"\n');
  });

  it('counts every customer as subscribed in a table without a status column', () => {
    const columns = resolveSilverColumns(['Index', 'Customer Id', 'Country', 'Region']);
    const aggregator = new GoldAggregator();
    const file = object('silver/15.csv', '2026-11-29T12:00:00.000Z');
    addRows(aggregator, file, 0, [['1', 'aB3', 'Brazil', 'South America'], ['2', 'Zz9', 'Japan', 'Asia']], columns);
    expect(aggregator.toRows()).toEqual([
      { region: 'Asia', subscribedCustomers: 1, customerIds: ['Zz9'] },
      { region: 'South America', subscribedCustomers: 1, customerIds: ['aB3'] },
    ]);
  });
});
