import { S3Client } from '@aws-sdk/client-s3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ObjectStore } from './s3-server/object-store';
import { createS3Handler } from './s3-server/s3-http-handler';

/** An object-level change seen by the local store, before it is shaped like an AWS event. */
export interface LocalObjectChange {
  /** `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`, `ObjectCreated:Copy` or `ObjectRemoved:Delete`. */
  readonly eventName: string;
  readonly bucket: string;
  /** The key as stored. */
  readonly key: string;
  /** Bytes; 0 for deletes. */
  readonly size: number;
  /** Without quotes; empty for deletes. */
  readonly eTag: string;
}

/** A running embedded S3-compatible store. */
export interface LocalS3 {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Credentials for clients (key id `S3RVER`, as before; the store accepts any). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Creates an SDK client for the store (path-style, checksums only when required). */
  createClient(): S3Client;
  /**
   * Calls `listener` after each object change, once the change is visible to readers, in the order
   * of the changes. A DeleteObject (or a key of DeleteObjects) whose key held no object announces
   * nothing.
   * @returns a function that removes the listener.
   */
  onObjectChange(listener: (change: LocalObjectChange) => void): () => void;
  /** Stops the server, frees its port, and waits for the store's last file removals. */
  close(): Promise<void>;
}

/** Options of {@link startLocalS3}. */
export interface LocalS3Options {
  /** Folder that holds the store's files; created if missing. The objects a previous run left there are served. */
  readonly directory: string;
  /** Buckets to create at start (when missing). */
  readonly buckets: readonly string[];
  /** @default 0 (any free port) */
  readonly port?: number;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** How long `close()` lets requests in flight finish before it cuts their connections (ms). */
const CLOSE_GRACE_MS = 200;

/**
 * Starts an embedded S3-compatible server in this process, on 127.0.0.1: medallion's own, on
 * `node:http` (`./s3-server/`), with an in-memory index over immutable version files in `directory`.
 * For the CLI and tests only: never bundled into a Lambda.
 *
 * What it holds of S3: path-style REST API for buckets, objects, listings (v1, v2), DeleteObjects,
 * CopyObject and multipart uploads; S3's ETags; conditional writes (`If-Match`, `If-None-Match: *`)
 * checked atomically with the write, and conditional deletes (`If-Match`); a read never sees a write half done; keys up to 1,024 bytes;
 * `aws-chunked` bodies (the SDK's default checksums) decoded; S3's XML errors. It accepts any
 * credentials without checking signatures, and has no versioning, ACLs, tagging or lifecycle.
 *
 * @param options - folder, buckets, port.
 * @returns the running store.
 * @throws Error when the port is taken or the folder cannot be written; S3Error `InvalidBucketName`
 *   for a bucket name S3 refuses.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const store = await ObjectStore.open(options.directory, options.buckets);
  const server = createServer({ keepAlive: true }, createS3Handler(store));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    credentials: CREDENTIALS,
    createClient: () =>
      new S3Client({
        endpoint,
        region: 'us-east-1',
        credentials: CREDENTIALS,
        forcePathStyle: true,
        // The cheapest path: no checksum work per request (the store would decode aws-chunked bodies too).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    onObjectChange: (listener) => store.onChange(listener),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      await store.close();
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
