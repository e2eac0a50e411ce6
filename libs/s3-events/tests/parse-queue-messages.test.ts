import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isQueueEvent, parseObjectEvents, parseQueueMessages, UnsupportedEventError } from '../src';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./events/${name}`, import.meta.url), 'utf8'));
}

describe('SQS batches of S3 events', () => {
  it('reads an S3 event notification wrapped in an SQS message (the shape of Powertools sqs-event.json), the key decoded once', () => {
    expect(parseQueueMessages(fixture('sqs-s3-notification.json'))).toEqual([
      {
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        events: [
          {
            source: 's3-notification',
            eventName: 'ObjectCreated:Put',
            eventTime: '2026-03-14T09:26:53.589Z',
            bucket: 'acme-lake',
            key: 'silver/_manifests/2026/q1 sales.csv.json',
            size: 812,
            eTag: '6f5902ac237024bdd0c176cb93063dc4',
            sequencer: '0065F3A1B2C3D4E5F6',
          },
        ],
      },
    ]);
  });

  it('reads EventBridge events an EventBridge rule sent to SQS: created and deleted, keys as they are', () => {
    expect(
      parseQueueMessages(fixture('sqs-eventbridge.json')).map(
        (message) => 'events' in message && message.events.map((e) => [e.eventName, e.key, e.eTag]),
      ),
    ).toEqual([
      [['ObjectCreated:Put', 'silver/_manifests/2026/q2 sales.csv.json', '1f3870be274f6c49b3e31a0c6728957f']],
      [['ObjectRemoved:Delete', 'silver/_manifests/2026/q1 sales.csv.json', undefined]],
    ]);
  });

  it('keeps each unreadable message apart with its reason, and the test event as a message with no events', () => {
    const messages = parseQueueMessages(fixture('sqs-with-bad-messages.json'));
    expect(
      messages.map((message) =>
        'error' in message ? [message.messageId, message.error] : [message.messageId, message.events.length],
      ),
    ).toEqual([
      ['7d9f2a1c-3b4e-4f6a-8c9d-0e1f2a3b4c5d', 1],
      ['8e0a3b2d-4c5f-4a7b-9d0e-1f2a3b4c5d6e', 'the message body is not JSON'],
      ['9f1b4c3e-5d6a-4b8c-8e1f-2a3b4c5d6e7f', 0],
      [
        'a02c5d4f-6e7b-4c9d-9f20-3b4c5d6e7f80',
        'the event is neither an S3 event notification nor an EventBridge S3 event',
      ],
    ]);
  });

  it('tells SQS batches from S3 notifications, and parseObjectEvents flattens a batch of good messages', () => {
    expect(isQueueEvent(fixture('sqs-eventbridge.json'))).toBe(true);
    expect(isQueueEvent(fixture('two-records.json'))).toBe(false);
    expect(parseObjectEvents(fixture('sqs-eventbridge.json')).map((e) => e.key)).toEqual([
      'silver/_manifests/2026/q2 sales.csv.json',
      'silver/_manifests/2026/q1 sales.csv.json',
    ]);
    expect(() => parseObjectEvents(fixture('sqs-with-bad-messages.json'))).toThrow(UnsupportedEventError);
    expect(() => parseQueueMessages(fixture('two-records.json'))).toThrow('the event is not an SQS batch');
  });
});
