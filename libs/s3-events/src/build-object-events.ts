import { encodeS3EventKey } from './s3-key-encoding';

/** The facts of one object event, from which either event shape is built. */
export interface ObjectEventFacts {
  /** e.g. `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`, `ObjectRemoved:Delete`. */
  readonly eventName: string;
  /** ISO 8601. */
  readonly eventTime: string;
  readonly bucket: string;
  /** The key as stored (decoded). */
  readonly key: string;
  /** Bytes. */
  readonly size: number;
  /** Without quotes. */
  readonly eTag: string;
  /** Hex ordering token, unique per key and increasing. */
  readonly sequencer: string;
  /** @default `us-east-1` */
  readonly awsRegion?: string;
}

/**
 * Builds an S3 event notification (`{ Records: [record] }`, event version 2.1) exactly as S3
 * sends it to Lambda, with the key URL-encoded the way S3 encodes it.
 *
 * @param facts - the event's facts.
 * @returns the event JSON object.
 */
export function buildS3NotificationEvent(facts: ObjectEventFacts): { Records: unknown[] } {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: facts.awsRegion ?? 'us-east-1',
        eventTime: facts.eventTime,
        eventName: facts.eventName,
        userIdentity: { principalId: 'AWS:MEDALLIONLOCAL' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': facts.sequencer.slice(-16), 'x-amz-id-2': 'medallion-local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'medallion-local',
          bucket: {
            name: facts.bucket,
            ownerIdentity: { principalId: 'MEDALLIONLOCAL' },
            arn: `arn:aws:s3:::${facts.bucket}`,
          },
          object: facts.eventName.startsWith('ObjectRemoved:')
            ? { key: encodeS3EventKey(facts.key), sequencer: facts.sequencer }
            : { key: encodeS3EventKey(facts.key), size: facts.size, eTag: facts.eTag, sequencer: facts.sequencer },
        },
      },
    ],
  };
}

const EVENTBRIDGE_REASONS: Readonly<Record<string, string>> = {
  Put: 'PutObject',
  Post: 'POST Object',
  Copy: 'CopyObject',
  CompleteMultipartUpload: 'CompleteMultipartUpload',
  Delete: 'DeleteObject',
};

/**
 * Builds an Amazon EventBridge event for S3 (`detail-type` `Object Created` or `Object Deleted`)
 * as S3 sends it when the bucket has EventBridge notifications on; the key is not encoded.
 *
 * @param facts - the event's facts.
 * @returns the event JSON object.
 */
export function buildEventBridgeEvent(facts: ObjectEventFacts): Record<string, unknown> {
  const [kind, action = 'Put'] = facts.eventName.split(':');
  const created = kind === 'ObjectCreated';
  return {
    version: '0',
    id: `medallion-local-${facts.sequencer}`,
    'detail-type': created ? 'Object Created' : 'Object Deleted',
    source: 'aws.s3',
    account: '000000000000',
    time: facts.eventTime,
    region: facts.awsRegion ?? 'us-east-1',
    resources: [`arn:aws:s3:::${facts.bucket}`],
    detail: {
      version: '0',
      bucket: { name: facts.bucket },
      object: created
        ? { key: facts.key, size: facts.size, etag: facts.eTag, sequencer: facts.sequencer }
        : { key: facts.key, sequencer: facts.sequencer },
      'request-id': facts.sequencer.slice(-16),
      requester: '000000000000',
      'source-ip-address': '127.0.0.1',
      reason: EVENTBRIDGE_REASONS[action] ?? action,
    },
  };
}
