import { resolveSilverColumns } from '@medallion/schemas';
import { describe, expect, it } from 'vitest';
import { compareSilverObjects, LatestCustomerRecords } from '../src';

const COLUMNS = resolveSilverColumns(['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status', 'Region']);
const object = (key: string, eventTime: string, sequencer = '01') => ({ key, eventTime, sequencer });

describe('LatestCustomerRecords', () => {
  it('keeps the later row within an object and the later object across objects, whatever the reading order', () => {
    const older = object('silver/z-old.csv', '2026-11-29T12:00:00.000Z');
    const newer = object('silver/a-new.csv', '2026-11-29T12:00:01.000Z');
    const latest = new LatestCustomerRecords();
    latest.add(newer, 0, ['060', 'Quan', 'Brazil', 'Active', 'South America'], COLUMNS);
    latest.add(older, 0, ['060', 'Quan', 'Germany', 'Active', 'Europe'], COLUMNS);
    latest.add(older, 1, ['061', 'Wen', 'Japan', 'Active', 'Asia'], COLUMNS);
    latest.add(older, 2, ['061', 'Wen', 'Japan', 'Cancelled', 'Asia'], COLUMNS);
    latest.add(older, 3, ["'-5", 'Esc', 'Chile', 'yes', 'South America'], COLUMNS);
    latest.add(older, 4, ['  ', 'Blank', 'Chile', 'Active', 'South America'], COLUMNS);
    expect([...latest.records()]).toEqual([
      ['060', { region: 'South America', subscribed: true }],
      ['061', { region: 'Asia', subscribed: false }],
      ['-5', { region: 'South America', subscribed: true }],
    ]);
    expect([latest.rows, latest.customers]).toEqual([6, 3]);
  });

  it('counts every customer as subscribed in a table without a status column', () => {
    const latest = new LatestCustomerRecords();
    latest.add(object('silver/15.csv', '2026-11-29T12:00:00.000Z'), 0, ['1', 'aB3', 'Brazil', 'South America'], resolveSilverColumns(['Index', 'Customer Id', 'Country', 'Region']));
    expect([...latest.records()]).toEqual([['aB3', { region: 'South America', subscribed: true }]]);
  });
});

describe('compareSilverObjects', () => {
  it('orders by bronze event time, then sequencer (compared as hex of equal width), then key', () => {
    const t = '2026-11-29T12:00:00.000Z';
    expect(compareSilverObjects(object('silver/b.csv', t), object('silver/a.csv', '2026-11-29T12:00:01.000Z'))).toBeLessThan(0);
    expect(compareSilverObjects(object('silver/a.csv', t, 'FF'), object('silver/b.csv', t, '0100'))).toBeLessThan(0);
    expect(compareSilverObjects(object('silver/b.csv', t, '01'), object('silver/a.csv', t, '01'))).toBeGreaterThan(0);
    expect(compareSilverObjects(object('silver/a.csv', '', ''), object('silver/a.csv', t, ''))).toBeLessThan(0);
  });
});
