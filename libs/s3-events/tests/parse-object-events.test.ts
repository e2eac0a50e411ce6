import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseObjectEvents, UnsupportedEventError } from '../src';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./events/${name}`, import.meta.url), 'utf8'));
}

describe('parseObjectEvents: S3 event notifications', () => {
  it('decodes each key exactly once: + to space first, then percent-escapes', () => {
    expect(parseObjectEvents(fixture('encoded-keys.json')).map((e) => e.key)).toEqual([
      'bronze/2026/q1 sales (final).csv',
      'bronze/clientes_Bogotá Sur.csv',
      'bronze/c++.csv',
      'bronze/50% off.csv',
    ]);
  });

  it('keeps the facts of each record', () => {
    expect(parseObjectEvents(fixture('multipart.json'))).toEqual([
      {
        source: 's3-notification',
        eventName: 'ObjectCreated:CompleteMultipartUpload',
        eventTime: '2026-03-14T09:26:53.589Z',
        bucket: 'acme-lake',
        key: 'bronze/large.csv',
        size: 52428800,
        eTag: '7f1c9d1a2b3c4d5e6f708192a3b4c5d6-7',
        sequencer: '0065F3A1B2C3D4E5F6',
      },
    ]);
  });

  it('returns every record, in order', () => {
    expect(parseObjectEvents(fixture('two-records.json')).map((e) => [e.key, e.sequencer])).toEqual([
      ['bronze/first.csv', '0065F3A1B2C3D4E5F6'],
      ['bronze/second.csv', '0065F3A1B2C3D4E5F7'],
    ]);
  });

  it('reads a delete record, which has no size or eTag', () => {
    expect(parseObjectEvents(fixture('removed.json'))).toMatchObject([
      { eventName: 'ObjectRemoved:Delete', key: 'bronze/first.csv', size: undefined, eTag: undefined },
    ]);
  });

  it("gives no events for S3's test event", () => {
    expect(parseObjectEvents(fixture('test-event.json'))).toEqual([]);
  });
});

describe('parseObjectEvents: EventBridge', () => {
  it('keeps the key as sent (EventBridge does not encode it) and names the event like a notification', () => {
    expect(parseObjectEvents(fixture('eventbridge-object-created.json'))).toEqual([
      {
        source: 'eventbridge',
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-03-14T09:26:53Z',
        bucket: 'acme-lake',
        key: 'bronze/q1 sales+extra (final) 100%.csv',
        size: 5,
        eTag: 'b1946ac92492d2347c6235b4d2611184',
        sequencer: '00617F08299329D189',
      },
    ]);
  });

  it('maps a completed multipart upload', () => {
    expect(parseObjectEvents(fixture('eventbridge-multipart.json'))[0]?.eventName).toBe(
      'ObjectCreated:CompleteMultipartUpload',
    );
  });
});

describe('parseObjectEvents: other input', () => {
  it.each([
    [null],
    ['text'],
    [{}],
    [{ Records: [{ eventName: 'x' }] }],
    [{ source: 'aws.s3', 'detail-type': 'Object Restore Completed' }],
  ])('refuses %j with UnsupportedEventError', (event) => {
    expect(() => parseObjectEvents(event)).toThrow(UnsupportedEventError);
  });
});
