import { describe, expect, it } from 'vitest';
import {
  buildEventBridgeEvent,
  buildS3NotificationEvent,
  compareSequencers,
  decodeS3EventKey,
  encodeS3EventKey,
  parseObjectEvents,
} from '../src';

const KEYS = [
  'bronze/customers 2024 (v2).csv',
  'bronze/clientes_São Paulo.csv',
  'bronze/a+b.csv',
  'bronze/100% real.csv',
  "bronze/it's*!.csv",
];

describe('S3 event key encoding', () => {
  it('encodes like S3: space as +, parentheses and + and % escaped, UTF-8 bytes escaped, / kept', () => {
    expect(KEYS.map(encodeS3EventKey)).toEqual([
      'bronze/customers+2024+%28v2%29.csv',
      'bronze/clientes_S%C3%A3o+Paulo.csv',
      'bronze/a%2Bb.csv',
      'bronze/100%25+real.csv',
      'bronze/it%27s%2A%21.csv',
    ]);
  });

  it.each(KEYS)('round-trips %j through both event shapes', (key) => {
    const facts = {
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-11-29T12:00:00.000Z',
      bucket: 'b',
      key,
      size: 1,
      eTag: 'e',
      sequencer: '01',
    };
    expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
    expect(parseObjectEvents(buildS3NotificationEvent(facts))[0]?.key).toBe(key);
    expect(parseObjectEvents(buildEventBridgeEvent(facts))[0]?.key).toBe(key);
  });

  it('throws URIError on a malformed escape', () => {
    expect(() => decodeS3EventKey('bronze/100%.csv')).toThrow(URIError);
  });
});

describe('compareSequencers', () => {
  it('compares hex of different widths as AWS documents (shorter left-padded with zeros)', () => {
    expect(compareSequencers('FF', '0100')).toBeLessThan(0);
    expect(compareSequencers('0062A1B2C3D4E5F602', '62a1b2c3d4e5f601')).toBeGreaterThan(0);
    expect(compareSequencers('00ab', 'AB')).toBe(0);
  });
});
