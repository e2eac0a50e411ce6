// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- s3rver ships no types; the reference makes ours visible to every project that compiles this file
/// <reference path="./s3rver.d.ts" />
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { s3ObjectSemantics } from './s3-object-semantics';

/** An object-level change seen by the local store, before it is shaped like an AWS event. */
export interface LocalObjectChange {
  /** `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`, `ObjectCreated:Copy` or `ObjectRemoved:Delete`. */
  readonly eventName: string;
  readonly bucket: string;
  /** The key as stored. */
  readonly key: string;
  /** Bytes; 0 for deletes. */
  readonly size: number;
  /** Without quotes; empty for copies and deletes (s3rver gives none). */
  readonly eTag: string;
}

/** A running embedded S3-compatible store. */
export interface LocalS3 {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** The credentials the store accepts (key id `S3RVER`). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Creates an SDK client for the store (path-style, checksums only when required). */
  createClient(): S3Client;
  /**
   * Calls `listener` after each object change, once the change is visible to readers.
   * @returns a function that removes the listener.
   */
  onObjectChange(listener: (change: LocalObjectChange) => void): () => void;
  /** Stops the server and frees its port. */
  close(): Promise<void>;
}

/** Options of {@link startLocalS3}. */
export interface LocalS3Options {
  /** Folder that holds the store's files; created if missing. */
  readonly directory: string;
  /** Buckets to create at start. */
  readonly buckets: readonly string[];
  /** @default 0 (any free port) */
  readonly port?: number;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

const EVENT_NAMES: Readonly<Record<string, string>> = {
  // s3rver reports a completed multipart upload as a POST.
  'ObjectCreated:Post': 'ObjectCreated:CompleteMultipartUpload',
};

/**
 * Starts an embedded S3-compatible server in this process, on 127.0.0.1 (s3rver 3.7.1: the one
 * seam that knows it, so another server can replace it). For the CLI and tests only: never
 * bundled into a Lambda.
 *
 * What it lacks of S3 and this seam adds (see `s3ObjectSemantics`): a read never sees a write of the
 * same key half done, and conditional writes (`If-Match`, `If-None-Match: *`). Its limits, handled
 * elsewhere: its ListObjectsV2 continuation
 * tokens need `--openssl-legacy-provider` on Node 20 (the CLI, tests and bench pass it); its own
 * events are not in the AWS shape (the event router rebuilds them).
 *
 * @param options - folder, buckets, port.
 * @returns the running store.
 * @throws Error when the port is taken or the folder cannot be written.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  // In front of s3rver's own routes: what S3 guarantees of each object and s3rver does not.
  server.middleware.unshift(s3ObjectSemantics());
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    credentials: CREDENTIALS,
    createClient: () =>
      new S3Client({
        endpoint,
        region: 'us-east-1',
        credentials: CREDENTIALS,
        forcePathStyle: true,
        // s3rver stores the SDK's default aws-chunked checksum framing as object bytes.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    onObjectChange(listener) {
      const onEvent = (event: { Records: Array<{ eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } } }> }): void => {
        for (const record of event.Records) {
          listener({
            eventName: EVENT_NAMES[record.eventName] ?? record.eventName,
            bucket: record.s3.bucket.name,
            key: record.s3.object.key,
            size: record.s3.object.size ?? 0,
            eTag: record.s3.object.eTag ?? '',
          });
        }
      };
      server.on('event', onEvent);
      return () => server.off('event', onEvent);
    },
    async close() {
      server.httpServer?.closeIdleConnections();
      await server.close();
    },
  };
}

/**
 * The environment variables with which a layer handler (as deployed: it creates its S3 client from
 * the environment) reaches this store instead of Amazon S3.
 *
 * @param store - the running store.
 * @returns `MEDALLION_S3_ENDPOINT`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_REGION`.
 */
export function localS3Environment(store: LocalS3): Record<string, string> {
  return {
    MEDALLION_S3_ENDPOINT: store.endpoint,
    AWS_ACCESS_KEY_ID: store.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
  };
}
