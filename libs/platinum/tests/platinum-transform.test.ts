import { resolveSilverColumns } from '@medallion/schemas';
import { describe, expect, it } from 'vitest';
import { formatPlatinumCsv, formatSubscriptionRate, PlatinumAggregator } from '../src';

describe('formatSubscriptionRate', () => {
  it('gives a percentage with one decimal and no percent sign', () => {
    expect([formatSubscriptionRate(2, 3), formatSubscriptionRate(1, 3), formatSubscriptionRate(4, 4), formatSubscriptionRate(0, 5), formatSubscriptionRate(1, 8)]).toEqual([
      '66.7',
      '33.3',
      '100.0',
      '0.0',
      '12.5',
    ]);
  });

  it('rounds half up on the exact fraction: 6.25 → 6.3, 18.75 → 18.8, and 0.15 → 0.2 where a binary float gives 0.1', () => {
    expect(formatSubscriptionRate(1, 16)).toBe('6.3');
    expect(formatSubscriptionRate(3, 16)).toBe('18.8');
    expect((100 * 3 / 2000).toFixed(1)).toBe('0.1');
    expect(formatSubscriptionRate(3, 2000)).toBe('0.2');
    expect(formatSubscriptionRate(1, 2000)).toBe('0.1');
    expect(formatSubscriptionRate(1999, 2000)).toBe('100.0');
  });

  it('refuses counts that give no rate', () => {
    expect(() => formatSubscriptionRate(1, 0)).toThrow(RangeError);
    expect(() => formatSubscriptionRate(3, 2)).toThrow('no subscription rate for 3 subscribed of 2 customers');
    expect(() => formatSubscriptionRate(0.5, 2)).toThrow(RangeError);
  });
});

describe('PlatinumAggregator', () => {
  it('counts customers and subscribed customers per region by latest record, sorted by region', () => {
    const columns = resolveSilverColumns(['Customer Id', 'Country', 'Subscription Status', 'Region']);
    const file = { key: 'silver/x.csv', eventTime: '2026-11-29T12:00:00.000Z', sequencer: '01' };
    const aggregator = new PlatinumAggregator();
    const rows = [
      ['1', 'Peru', 'Active', 'South America'],
      ['2', 'Peru', 'Inactive', 'South America'],
      ['3', 'Chile', 'Active', 'South America'],
      ['4', 'Kenya', 'Active', 'Africa'],
      ['2', 'Peru', 'Active', 'South America'],
      ['5', 'Atlantis', 'Active', 'Others'],
      ['5', 'Atlantis', 'Cancelled', 'Others'],
    ];
    rows.forEach((fields, index) => aggregator.add(file, index, fields, columns));
    expect(aggregator.toRows()).toEqual([
      { region: 'Africa', customers: 1, subscribedCustomers: 1, subscriptionRate: '100.0' },
      { region: 'Others', customers: 1, subscribedCustomers: 0, subscriptionRate: '0.0' },
      { region: 'South America', customers: 3, subscribedCustomers: 3, subscriptionRate: '100.0' },
    ]);
    expect([aggregator.rows, aggregator.customers]).toEqual([7, 5]);
    expect(formatPlatinumCsv(aggregator.toRows())).toBe('Region,Customers,Subscribed Customers,Subscription Rate\nAfrica,1,1,100.0\nOthers,1,0,0.0\nSouth America,3,3,100.0\n');
  });
});
