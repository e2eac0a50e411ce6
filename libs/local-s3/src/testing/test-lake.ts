import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { buildEventBridgeEvent, buildS3NotificationEvent } from '@medallion/s3-events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalS3, type LocalS3 } from '../start-local-s3';

/** A throw-away lake for tests: the embedded store with one bucket, reached through the real SDK. */
export interface TestLake {
  readonly bucket: string;
  readonly s3: S3Client;
  readonly store: LocalS3;
  /**
   * Uploads an object (PutObject) and returns a real-shaped event for it, carrying the object's
   * real ETag and size, a strictly later event time and an increasing sequencer.
   */
  put(
    key: string,
    body: string | Uint8Array,
    options?: { eventName?: string; shape?: 's3-notification' | 'eventbridge' },
  ): Promise<unknown>;
  /** The object's bytes as UTF-8 text, or undefined when it does not exist. */
  text(key: string): Promise<string | undefined>;
  /** The object's bytes, or undefined when it does not exist. */
  bytes(key: string): Promise<Uint8Array | undefined>;
  /** The object's user metadata. */
  metadata(key: string): Promise<Record<string, string>>;
  /** Every key under a prefix, sorted. */
  keys(prefix?: string): Promise<string[]>;
  /** Stops the store and deletes its folder (unless the folder was given to {@link startTestLake}). */
  close(): Promise<void>;
}

let clock = Date.parse('2026-11-29T12:00:00.000Z');
let sequence = 0;

/** The object's bytes, or undefined when it does not exist. */
async function readBytes(s3: S3Client, bucket: string, key: string): Promise<Uint8Array | undefined> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!response.Body) throw new Error(`GetObject ${key} answered without a body`);
    return await response.Body.transformToByteArray();
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Uploads an object and builds its event: see {@link TestLake.put}. */
async function putWithEvent(
  s3: S3Client,
  bucket: string,
  key: string,
  body: string | Uint8Array,
  options: { eventName?: string; shape?: 's3-notification' | 'eventbridge' },
): Promise<unknown> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const response = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
  clock += 1000;
  const facts = {
    eventName: options.eventName ?? 'ObjectCreated:Put',
    eventTime: new Date(clock).toISOString(),
    bucket,
    key,
    size: bytes.byteLength,
    eTag: (response.ETag ?? '').replace(/"/g, ''),
    sequencer: (++sequence).toString(16).toUpperCase().padStart(18, '0'),
  };
  return options.shape === 'eventbridge' ? buildEventBridgeEvent(facts) : buildS3NotificationEvent(facts);
}

/** Every key under a prefix, sorted. */
async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const item of page.Contents ?? []) if (item.Key !== undefined) found.push(item.Key);
    token = page.NextContinuationToken;
  } while (token);
  return found.sort();
}

/**
 * Starts a {@link TestLake} in a fresh temporary folder, or in a given one (whose objects it then
 * serves, and which `close()` keeps: the benchmark prepares a lake in one process and measures a
 * step on it in another).
 *
 * @param bucket - bucket name. @default `medallion-lake`
 * @param directory - the store's folder, kept on close. @default a new temporary folder, removed on close
 * @returns the lake; call `close()` after the tests.
 */
export async function startTestLake(bucket = 'medallion-lake', directory?: string): Promise<TestLake> {
  const folder = directory ?? (await mkdtemp(join(tmpdir(), 'medallion-test-')));
  const store = await startLocalS3({ directory: folder, buckets: [bucket] });
  const s3 = store.createClient();
  const bytes = (key: string): Promise<Uint8Array | undefined> => readBytes(s3, bucket, key);
  return {
    bucket,
    s3,
    store,
    put: (key, body, options = {}) => putWithEvent(s3, bucket, key, body, options),
    async text(key) {
      const body = await bytes(key);
      return body === undefined ? undefined : Buffer.from(body).toString('utf8');
    },
    bytes,
    async metadata(key) {
      return (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).Metadata ?? {};
    },
    keys: (prefix = '') => listKeys(s3, bucket, prefix),
    async close() {
      s3.destroy();
      await store.close();
      if (directory === undefined) await rm(folder, { recursive: true, force: true });
    },
  };
}
