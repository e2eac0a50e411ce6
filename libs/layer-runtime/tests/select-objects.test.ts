import { parseObjectEvents } from '@medallion/s3-events';
import { describe, expect, it } from 'vitest';
import { selectObjects } from '../src';

const event = (key: string, eventName = 'ObjectCreated:Put') => ({
  source: 's3-notification' as const,
  eventName,
  eventTime: '2026-11-29T12:00:00.000Z',
  bucket: 'b',
  key,
  size: 1,
  eTag: 'e',
  sequencer: '01',
});

describe('selectObjects', () => {
  it('keeps created .csv and .CSV objects under the input prefix, any ObjectCreated kind', () => {
    const events = [
      event('bronze/a.csv'),
      event('bronze/b.CSV', 'ObjectCreated:CompleteMultipartUpload'),
      event('bronze/c.csv', 'ObjectCreated:Copy'),
    ];
    expect(selectObjects(events, 'bronze/', ['.csv', '.CSV'])).toEqual({ work: events, skipped: [] });
  });

  it('skips placeholders, non-CSV keys, keys outside the prefix and removals, with reasons', () => {
    const { work, skipped } = selectObjects(
      [
        event('bronze/2026/'),
        event('bronze/notes.txt'),
        event('bronze/mixed.Csv'),
        event('silver/a.csv'),
        event('bronze/a.csv', 'ObjectRemoved:Delete'),
        event('bronzed/a.csv'),
      ],
      'bronze/',
      ['.csv', '.CSV'],
    );
    expect(work).toEqual([]);
    expect(skipped).toEqual([
      { key: 'bronze/2026/', reason: 'a folder placeholder' },
      { key: 'bronze/notes.txt', reason: 'not a .csv or .CSV object' },
      { key: 'bronze/mixed.Csv', reason: 'not a .csv or .CSV object' },
      { key: 'silver/a.csv', reason: 'outside the input prefix bronze/' },
      { key: 'bronze/a.csv', reason: 'not an ObjectCreated event (ObjectRemoved:Delete)' },
      { key: 'bronzed/a.csv', reason: 'outside the input prefix bronze/' },
    ]);
  });

  it('keeps removals too when the layer accepts them', () => {
    const removed = event('bronze/a.csv', 'ObjectRemoved:Delete');
    expect(selectObjects([removed], 'bronze/', ['.csv'], true)).toEqual({ work: [removed], skipped: [] });
    expect(
      selectObjects([event('bronze/a.csv', 'ObjectRestore:Completed')], 'bronze/', ['.csv'], true).skipped,
    ).toEqual([
      { key: 'bronze/a.csv', reason: 'not an ObjectCreated or ObjectRemoved event (ObjectRestore:Completed)' },
    ]);
  });

  it('works on parsed events', () => {
    const parsed = parseObjectEvents({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: 't',
          s3: { bucket: { name: 'b' }, object: { key: 'bronze/x+y.csv' } },
        },
      ],
    });
    expect(selectObjects(parsed, 'bronze/', ['.csv', '.CSV']).work.map((e) => e.key)).toEqual(['bronze/x y.csv']);
  });
});
