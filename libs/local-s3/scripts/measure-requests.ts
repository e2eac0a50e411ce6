/**
 * Measures the embedded store's cost per request, end to end through the SDK (`createClient()`):
 * 500 HeadObject, GetObject (a 1 KiB object) and PutObject (a 1 KiB body) requests, one at a time
 * and 8 at once, and prints ms per request. Beside each, the same requests against a trivial
 * `node:http` server (reads the body, answers fixed headers): the SDK's and HTTP's own cost, so the
 * difference is the store's. Not a test: timings vary on a shared machine.
 *
 * Run: `node --import tsx libs/local-s3/scripts/measure-requests.ts`
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalS3 } from '../src';

const REQUESTS = 500;
const BUCKET = 'lake';
const BODY = Buffer.alloc(1024, 'x');

/** One request of a kind, the i-th of its run. */
type Request = (s3: S3Client, i: number) => Promise<unknown>;

const KINDS: ReadonlyArray<[string, Request]> = [
  ['PUT', (s3, i) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `bench/put-${i % 50}.txt`, Body: BODY }))],
  ['HEAD', (s3) => s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'bench/small.txt' }))],
  [
    'GET',
    async (s3) => {
      const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'bench/small.txt' }));
      return response.Body?.transformToByteArray();
    },
  ],
];

/** Runs `REQUESTS` requests, `concurrency` at a time; ms per request (wall time / requests). */
async function measure(s3: S3Client, request: Request, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) await request(s3, next++);
    }),
  );
  return (performance.now() - started) / REQUESTS;
}

/** A server that does nothing S3 needs: reads the body, answers 200 with an ETag (and 1 KiB for a GET). */
async function startTrivialServer(): Promise<{ client: S3Client; close: () => void }> {
  const server = createServer({ keepAlive: true }, (request, response) => {
    request.resume();
    request.on('end', () => {
      const body = request.method === 'GET' ? BODY : Buffer.alloc(0);
      response.writeHead(200, {
        ETag: '"0f343b0931126a20f133d67c2b018a3b"',
        'Content-Length': request.method === 'HEAD' ? BODY.length : body.length,
        'Last-Modified': new Date().toUTCString(),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { client, close: () => (client.destroy(), server.closeAllConnections(), server.close()) };
}

const directory = await mkdtemp(join(tmpdir(), 'medallion-measure-'));
const store = await startLocalS3({ directory, buckets: [BUCKET] });
const s3 = store.createClient();
const trivial = await startTrivialServer();
try {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bench/small.txt', Body: BODY }));
  // Warm-up: the SDK's and the server's first requests pay for lazy initialization.
  for (const [, request] of KINDS) {
    await measure(s3, request, 8);
    await measure(trivial.client, request, 8);
  }
  for (const [name, request] of KINDS) {
    const sequential = await measure(s3, request, 1);
    const floor = await measure(trivial.client, request, 1);
    const concurrent = await measure(s3, request, 8);
    const concurrentFloor = await measure(trivial.client, request, 8);
    process.stdout.write(
      `${name.padEnd(5)} sequential ${sequential.toFixed(2)} ms/request (trivial server ${floor.toFixed(2)}), 8 at once ${concurrent.toFixed(2)} ms/request (trivial server ${concurrentFloor.toFixed(2)})\n`,
    );
  }
} finally {
  trivial.close();
  s3.destroy();
  await store.close();
  await rm(directory, { recursive: true, force: true });
}
