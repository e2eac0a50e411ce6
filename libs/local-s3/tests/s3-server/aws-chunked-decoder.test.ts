import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../../src/testing';

/** Bytes that differ at every position. */
function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 13 + (i >> 10)) & 0xff;
  return bytes;
}

const crc32Base64 = (bytes: Buffer): string => {
  const digest = Buffer.alloc(4);
  digest.writeUInt32BE(crc32(bytes) >>> 0);
  return digest.toString('base64');
};

/** A raw PUT (as an SDK or the AWS CLI frames it), its body sent in the pieces given; the response status and body. */
async function rawPut(
  endpoint: string,
  path: string,
  headers: Record<string, string>,
  pieces: readonly Buffer[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const put = request(
      `${endpoint}${path}`,
      {
        method: 'PUT',
        headers: { 'content-length': String(pieces.reduce((sum, piece) => sum + piece.length, 0)), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    put.on('error', reject);
    for (const piece of pieces) put.write(piece);
    put.end();
  });
}

/** aws-chunked framing of a payload in chunks of `chunkBytes`, signed (`;chunk-signature=`) or not, with trailers. */
function frame(payload: Buffer, chunkBytes: number, signed: boolean, trailers: Record<string, string> = {}): Buffer {
  const signature = signed ? `;chunk-signature=${'ab'.repeat(32)}` : '';
  const parts: Buffer[] = [];
  for (let offset = 0; offset < payload.length; offset += chunkBytes) {
    const chunk = payload.subarray(offset, offset + chunkBytes);
    parts.push(Buffer.from(`${chunk.length.toString(16)}${signature}\r\n`), chunk, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`0${signature}\r\n`));
  for (const [name, value] of Object.entries(trailers)) parts.push(Buffer.from(`${name}:${value}\r\n`));
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** Splits bytes into pieces of irregular sizes, so framing lines and CRLFs straddle network chunks. */
function pieces(bytes: Buffer): Buffer[] {
  const result: Buffer[] = [];
  for (let offset = 0, size = 1; offset < bytes.length; offset += size, size = (size * 7 + 3) % 997)
    result.push(bytes.subarray(offset, offset + size));
  return result;
}

describe('aws-chunked request bodies', () => {
  let lake: TestLake;
  let defaults: S3Client;
  /** How each upload request of `defaults` was framed: command, `x-amz-content-sha256`, checksum trailer or header. */
  const sent: string[] = [];
  beforeAll(async () => {
    lake = await startTestLake();
    // The SDK's default checksum behaviour (WHEN_SUPPORTED): CRC32 on every upload, stream bodies sent aws-chunked.
    defaults = new S3Client({
      endpoint: lake.store.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      forcePathStyle: true,
    });
    defaults.middlewareStack.add(
      (next, context) => async (args) => {
        const { headers } = args.request as { headers: Record<string, string> };
        if (context.commandName === 'PutObjectCommand' || context.commandName === 'UploadPartCommand') {
          const payload = /^[0-9a-f]{64}$/.test(headers['x-amz-content-sha256'] ?? '')
            ? 'signed payload'
            : headers['x-amz-content-sha256'];
          sent.push(
            `${context.commandName} ${payload} ${headers['x-amz-trailer'] ?? (headers['x-amz-checksum-crc32'] ? 'crc32 header' : 'no checksum')}`,
          );
        }
        return next(args);
      },
      { step: 'deserialize', name: 'recordFraming' },
    );
  });
  afterAll(async () => {
    defaults.destroy();
    await lake.close();
  });
  const readBack = async (key: string): Promise<Buffer> =>
    Buffer.from(
      await (await defaults.send(new GetObjectCommand({ Bucket: lake.bucket, Key: key }))).Body!.transformToByteArray(),
    );

  it('stores a stream uploaded with @aws-sdk/lib-storage under the SDK default checksums (single part and multipart) byte-identical, its CRC32 checked', async () => {
    for (const [key, size] of [
      ['chunked/small-stream.bin', 300_000],
      ['chunked/multipart-stream.bin', 11 * 1024 * 1024 + 5],
    ] as const) {
      const body = patterned(size);
      await new Upload({
        client: defaults,
        params: { Bucket: lake.bucket, Key: key, Body: Readable.from([body]), ContentType: 'application/x-test' },
        partSize: 5 * 1024 * 1024,
      }).done();
      expect((await readBack(key)).equals(body)).toBe(true);
      const head = await defaults.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: key }));
      expect([head.ContentLength, head.ContentEncoding, head.ContentType]).toEqual([
        size,
        undefined,
        'application/x-test',
      ]);
    }
    // lib-storage gathers each part into a buffer: the SDK sends it whole with a CRC32 header (which the store checks).
    expect(sent.splice(0)).toEqual([
      'PutObjectCommand signed payload crc32 header',
      ...Array(3).fill('UploadPartCommand signed payload crc32 header'),
    ]);
  });

  it('stores only the payload of a PutObject of a stream (aws-chunked, CRC32 trailer) and of a Buffer under the SDK default checksums, with the plain MD5 ETag', async () => {
    const body = patterned(70_001);
    const fromBuffer = await defaults.send(
      new PutObjectCommand({ Bucket: lake.bucket, Key: 'chunked/buffer.bin', Body: body }),
    );
    const fromStream = await defaults.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: 'chunked/stream.bin',
        Body: Readable.from([body.subarray(0, 1000), body.subarray(1000)]),
        ContentLength: body.length,
      }),
    );
    const md5 = `"${createHash('md5').update(body).digest('hex')}"`;
    expect([fromBuffer.ETag, fromStream.ETag]).toEqual([md5, md5]);
    expect((await readBack('chunked/buffer.bin')).equals(body)).toBe(true);
    expect((await readBack('chunked/stream.bin')).equals(body)).toBe(true);
    // A stream body goes aws-chunked, its CRC32 in a trailer.
    expect(sent.splice(0)).toEqual([
      'PutObjectCommand signed payload crc32 header',
      'PutObjectCommand STREAMING-UNSIGNED-PAYLOAD-TRAILER x-amz-checksum-crc32',
    ]);
  });

  it('decodes signed framing (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) whose lines straddle network chunks', async () => {
    const payload = patterned(200_000);
    const framed = frame(payload, 65_536, true);
    const headers = {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(payload.length),
    };
    expect(await rawPut(lake.store.endpoint, `/${lake.bucket}/chunked/signed.bin`, headers, pieces(framed))).toEqual({
      status: 200,
      body: '',
    });
    expect((await readBack('chunked/signed.bin')).equals(payload)).toBe(true);
  });

  it('checks a trailing CRC32 (STREAMING-UNSIGNED-PAYLOAD-TRAILER): a match is stored, a mismatch is BadDigest and stores nothing', async () => {
    const payload = patterned(12_345);
    const headers = {
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'content-encoding': 'aws-chunked',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': String(payload.length),
    };
    const good = frame(payload, 4096, false, { 'x-amz-checksum-crc32': crc32Base64(payload) });
    expect((await rawPut(lake.store.endpoint, `/${lake.bucket}/chunked/trailer.bin`, headers, [good])).status).toBe(
      200,
    );
    expect((await readBack('chunked/trailer.bin')).equals(payload)).toBe(true);
    const bad = frame(payload, 4096, false, { 'x-amz-checksum-crc32': crc32Base64(Buffer.from('other')) });
    const refused = await rawPut(lake.store.endpoint, `/${lake.bucket}/chunked/bad-trailer.bin`, headers, [bad]);
    expect([refused.status, /<Code>BadDigest<\/Code>/.test(refused.body)]).toEqual([400, true]);
    expect(await lake.text('chunked/bad-trailer.bin')).toBeUndefined();
  });

  it('refuses a body cut before its final chunk, or shorter than x-amz-decoded-content-length, with IncompleteBody', async () => {
    const payload = patterned(10_000);
    const framed = frame(payload, 4096, true);
    const headers = {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'x-amz-decoded-content-length': String(payload.length),
    };
    const cut = await rawPut(lake.store.endpoint, `/${lake.bucket}/chunked/cut.bin`, headers, [
      framed.subarray(0, framed.length - 90),
    ]);
    const short = await rawPut(
      lake.store.endpoint,
      `/${lake.bucket}/chunked/short.bin`,
      { ...headers, 'x-amz-decoded-content-length': '10001' },
      [framed],
    );
    for (const refused of [cut, short])
      expect([refused.status, /<Code>IncompleteBody<\/Code>/.test(refused.body)]).toEqual([400, true]);
    expect(await lake.keys('chunked/')).not.toContain('chunked/cut.bin');
    expect(await lake.keys('chunked/')).not.toContain('chunked/short.bin');
  });

  it('accepts any credentials: a client with key id test/test reads what S3RVER wrote', async () => {
    await lake.put('chunked/credentials.txt', 'hello');
    expect((await readBack('chunked/credentials.txt')).toString()).toBe('hello');
  });
});
