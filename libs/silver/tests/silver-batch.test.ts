import { MAX_UNKNOWN_COUNTRIES, MORE_UNKNOWN_COUNTRIES } from '@medallion/schemas';
import { describe, expect, it } from 'vitest';
import { addSilverCounts, transformSilverBatch, type RunningSilverCounts } from '../src/silver-batch';
import { NO_ROWS } from '../src/silver-result';

const HEADER = ['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'];

/** A batch of rows, one per country value given. */
function batchOf(countries: readonly string[], firstLine = 2) {
  const text = countries.map((country, i) => `${firstLine + i},N,${country},Active\n`).join('');
  return transformSilverBatch({ header: HEADER, bytes: Buffer.from(text), firstLine, maxRecordChars: 1_000_000 });
}

describe('unknown country values in the counts', () => {
  it('keeps at most MAX_UNKNOWN_COUNTRIES distinct values a file, the rows of further ones under one key', () => {
    const values = Array.from({ length: MAX_UNKNOWN_COUNTRIES + 2 }, (_, i) => `Nowhere ${i}`);
    const first = batchOf(values.slice(0, 600));
    const second = batchOf([...values.slice(600), 'Nowhere 0'], 602);
    const total: RunningSilverCounts = { ...NO_ROWS, ruleFailures: {} };
    addSilverCounts(total, first.counts);
    addSilverCounts(total, second.counts);
    expect(total.unknownCountryRows).toBe(MAX_UNKNOWN_COUNTRIES + 3);
    expect(Object.keys(total.unknownCountries ?? {})).toHaveLength(MAX_UNKNOWN_COUNTRIES + 1);
    expect(total.unknownCountries?.['Nowhere 0']).toBe(2);
    expect(total.unknownCountries?.[MORE_UNKNOWN_COUNTRIES]).toBe(2);
  });

  it('adds no unknownCountries to the counts of a batch whose countries are all known', () => {
    expect(batchOf(['Chile', 'Japan']).counts).not.toHaveProperty('unknownCountries');
  });
});

describe('unknown status values in the counts', () => {
  it('counts each status that is neither subscribed nor not subscribed, trimmed, empty included; none for known ones', () => {
    const text = [
      '2,A,Chile,Active',
      '3,B,Chile, Aktiv ',
      '4,C,Chile,Aktiv',
      '5,D,Chile,',
      '6,E,Chile,Cancelled',
      '',
    ].join('\n');
    const batch = transformSilverBatch({
      header: HEADER,
      bytes: Buffer.from(text),
      firstLine: 2,
      maxRecordChars: 1_000_000,
    });
    expect(batch.counts.unknownStatuses).toEqual({ Aktiv: 2, '': 1 });
    expect(batch.counts.ruleFailures).toEqual({ 'status-recognized': 3 });
    const total: RunningSilverCounts = { ...NO_ROWS, ruleFailures: {} };
    addSilverCounts(total, batch.counts);
    addSilverCounts(total, batch.counts);
    expect(total.unknownStatuses).toEqual({ Aktiv: 4, '': 2 });
    expect(batchOf(['Chile']).counts).not.toHaveProperty('unknownStatuses');
  });
});
