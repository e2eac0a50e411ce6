import { describe, expect, it } from 'vitest';
import { formatProblems, formatReport } from './format-report';
import { emptyRunCounts, withoutCustomerIds, type RunSummary } from './run-summary';

describe('formatReport', () => {
  it('shortens long ID lists on screen, shows the platinum table, and ends with the counts', () => {
    const ids = Array.from({ length: 10 }, (_, i) => String(i));
    const text = formatReport(
      {
        gold: [{ region: 'Europe', subscribedCustomers: 10, customerIds: ids }],
        platinum: [
          { region: 'Asia', customers: 3, subscribedCustomers: 0, subscriptionRate: '0.0' },
          { region: 'Europe', customers: 15, subscribedCustomers: 10, subscriptionRate: '66.7' },
        ],
        counts: {
          files: 2,
          bronzeRows: 12,
          silverRows: 10,
          quarantinedRows: 1,
          blankRows: 1,
          unknownCountryRows: 0,
          rejectedFiles: 1,
          nonUtf8Files: 1,
          warnings: { 'status-known': 2, 'country-known': 1 },
          unknownCountries: [
            { country: 'Atlantis', rows: 2 },
            { country: '', rows: 1 },
          ],
          unknownStatuses: [{ status: 'Aktiv', rows: 3 }],
        },
        files: [
          {
            key: 'bronze/a.csv',
            outcome: 'processed',
            encoding: 'utf-8',
            counts: { dataRecords: 12, silverRows: 10, quarantinedRows: 1, blankRows: 1, unknownCountryRows: 0 },
            quarantineKey: 'quarantine/a.csv',
          },
          {
            key: 'bronze/b.csv',
            outcome: 'rejected',
            rule: 'encoding',
            reason: 'neither UTF-8 nor Windows-1252',
            encoding: 'utf-8',
            counts: { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 },
          },
        ],
        failures: [],
      },
      1234,
    );
    expect(text.split('\n')).toEqual([
      'Gold: customers by region (gold/customers_by_region.csv)',
      '┌────────┬──────────────────────┬───────────────────────────────────────┐',
      '│ Region │ Subscribed Customers │ Customer IDs                          │',
      '│ Europe │ 10                   │ [0, 1, 2, 3, 4, 5, 6, 7, … (+2 more)] │',
      '└────────┴──────────────────────┴───────────────────────────────────────┘',
      '',
      'Platinum: subscription rate by region, % (platinum/subscription_rate_by_region.csv)',
      '┌────────┬───────────┬──────────────────────┬───────────────────┐',
      '│ Region │ Customers │ Subscribed Customers │ Subscription Rate │',
      '│ Asia   │ 3         │ 0                    │ 0.0               │',
      '│ Europe │ 15        │ 10                   │ 66.7              │',
      '└────────┴───────────┴──────────────────────┴───────────────────┘',
      '',
      '2 file(s): 12 bronze rows → 10 silver, 1 quarantined, 1 blank; 0 with an unknown country; 1 file(s) rejected; 1 file(s) read as Windows-1252 (not UTF-8). 1.2 s.',
      'quarantined 1 row(s) of bronze/a.csv → quarantine/a.csv',
      'rejected bronze/b.csv (encoding): neither UTF-8 nor Windows-1252',
      'warnings (rows): country-known 1, status-known 2',
      'countries not in the region table (rows; see each manifest for all): "Atlantis" 2, (empty) 1',
      'statuses not recognized, counted as not subscribed (rows; see each manifest for all): "Aktiv" 3',
      '',
    ]);
  });

  it('leaves the Customer IDs out of the table and the JSON with --no-customer-ids (withoutCustomerIds)', () => {
    const summary: RunSummary = {
      gold: [
        { region: 'Asia', subscribedCustomers: 0, customerIds: [] },
        { region: 'Europe', subscribedCustomers: 2, customerIds: ['001', '007'] },
      ],
      platinum: [],
      counts: emptyRunCounts(1),
      files: [],
      failures: [],
    };
    const without = withoutCustomerIds(summary);
    expect(JSON.stringify(without.gold)).toBe(
      '[{"region":"Asia","subscribedCustomers":0},{"region":"Europe","subscribedCustomers":2}]',
    );
    expect(summary.gold[1]!.customerIds).toEqual(['001', '007']);
    expect(formatReport(without, 100).split('\n').slice(0, 6)).toEqual([
      'Gold: customers by region (gold/customers_by_region.csv)',
      '┌────────┬──────────────────────┐',
      '│ Region │ Subscribed Customers │',
      '│ Asia   │ 0                    │',
      '│ Europe │ 2                    │',
      '└────────┴──────────────────────┘',
    ]);
  });

  it('names a file read as several sections (its header repeated)', () => {
    const counts = { dataRecords: 2, silverRows: 2, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 };
    const text = formatReport(
      {
        gold: [],
        platinum: [],
        counts: { ...emptyRunCounts(1), bronzeRows: 2, silverRows: 2 },
        files: [
          { key: 'bronze/pasted.csv', outcome: 'processed', encoding: 'utf-8', counts, sections: 2, sepLines: 1 },
        ],
        failures: [],
      },
      100,
    );
    expect(text.split('\n').slice(-3)).toEqual([
      'bronze/pasted.csv repeats its header: read as 2 sections',
      'bronze/pasted.csv repeats its sep= line: 1 skipped',
      '',
    ]);
  });

  it('says on stdout that layers failed, naming each, so empty tables do not read as a clean run', () => {
    const empty = { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 };
    const text = formatReport(
      {
        gold: [],
        platinum: [],
        counts: emptyRunCounts(1),
        files: [{ key: 'bronze/a.csv', outcome: 'processed', encoding: 'utf-8', counts: empty }],
        failures: [
          { layer: 'silver', key: 'bronze/a.csv', message: 'silver failed' },
          { layer: 'gold', key: 'silver/_manifests/a.csv.json', message: 'boom' },
        ],
      },
      100,
    );
    expect(text.split('\n').slice(-5)).toEqual([
      '1 file(s): 0 bronze rows → 0 silver, 0 quarantined, 0 blank; 0 with an unknown country; 0 file(s) rejected. 0.1 s.',
      'FAILED: 2 layer invocation(s) failed, so the tables above may be incomplete (messages on stderr):',
      '  silver on bronze/a.csv',
      '  gold on silver/_manifests/a.csv.json',
      '',
    ]);
  });

  it('lists problems one a line', () => {
    expect(
      formatProblems({
        rejections: [{ key: 'bronze/x.csv', reason: 'empty object (0 bytes): no header' }],
        failures: [{ layer: 'gold', key: 'silver/y.csv', message: 'boom' }],
      }),
    ).toBe('rejected bronze/x.csv: empty object (0 bytes): no header\nFAILED gold on silver/y.csv: boom\n');
    expect(formatProblems({ rejections: [], failures: [] })).toBe('');
  });
});
