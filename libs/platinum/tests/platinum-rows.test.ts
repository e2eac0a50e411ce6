import { LatestCustomerRows } from '@medallion/customer-records';
import { describe, expect, it } from 'vitest';
import { formatPlatinumCsv, formatSubscriptionRate, platinumRowsOf } from '../src';

describe('formatSubscriptionRate', () => {
  it('gives a percentage with one decimal and no percent sign', () => {
    expect([
      formatSubscriptionRate(2, 3),
      formatSubscriptionRate(1, 3),
      formatSubscriptionRate(4, 4),
      formatSubscriptionRate(0, 5),
      formatSubscriptionRate(1, 8),
    ]).toEqual(['66.7', '33.3', '100.0', '0.0', '12.5']);
  });

  it('rounds half up on the exact fraction: 6.25 → 6.3, 18.75 → 18.8, and 0.15 → 0.2 where a binary float gives 0.1', () => {
    expect(formatSubscriptionRate(1, 16)).toBe('6.3');
    expect(formatSubscriptionRate(3, 16)).toBe('18.8');
    expect(((100 * 3) / 2000).toFixed(1)).toBe('0.1');
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

describe('platinumRowsOf', () => {
  it('counts customers and subscribed customers per region, sorted by region, regions without customers left out', () => {
    const rows = new LatestCustomerRows();
    [
      ['1', 'South America', true],
      ['2', 'South America', false],
      ['3', 'South America', true],
      ['4', 'Africa', true],
      ['2', 'South America', true],
      ['5', 'Others', true],
      ['5', 'Others', false],
      ['6', 'Asia', true],
      ['6', 'Africa', false],
    ].forEach(([id, region, subscribed], i) => rows.add(id as string, region as string, subscribed as boolean, i + 2));
    const table = platinumRowsOf(rows.toRecords());
    expect(table).toEqual([
      { region: 'Africa', customers: 2, subscribedCustomers: 1, subscriptionRate: '50.0' },
      { region: 'Others', customers: 1, subscribedCustomers: 0, subscriptionRate: '0.0' },
      { region: 'South America', customers: 3, subscribedCustomers: 3, subscriptionRate: '100.0' },
    ]);
    expect(formatPlatinumCsv(table)).toBe(
      'Region,Customers,Subscribed Customers,Subscription Rate\nAfrica,2,1,50.0\nOthers,1,0,0.0\nSouth America,3,3,100.0\n',
    );
  });
});
