import {
  CopyObjectCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../../src/testing';

/** Every file under a folder, as paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}

describe('the store folder across restarts', () => {
  const folders: string[] = [];
  const lakes: TestLake[] = [];
  afterEach(async () => {
    for (const lake of lakes.splice(0)) await lake.close();
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });
  const newFolder = async (): Promise<string> => {
    const folder = await mkdtemp(join(tmpdir(), 'medallion-store-'));
    folders.push(folder);
    return folder;
  };
  const open = async (folder: string, bucket = 'medallion-lake'): Promise<TestLake> => {
    const lake = await startTestLake(bucket, folder);
    lakes.push(lake);
    return lake;
  };

  it('serves after a restart every object a previous run left: bytes, ETag, type, metadata, last-modified; not deleted or replaced ones', async () => {
    const folder = await newFolder();
    const first = await open(folder);
    const long = `keys/${'x'.repeat(1000)}`;
    await first.s3.send(
      new PutObjectCommand({
        Bucket: first.bucket,
        Key: 'keys/a.csv',
        Body: 'first',
        ContentType: 'text/csv',
        Metadata: { step: '1' },
      }),
    );
    await first.s3.send(
      new PutObjectCommand({
        Bucket: first.bucket,
        Key: 'keys/a.csv',
        Body: 'second',
        ContentType: 'text/csv',
        Metadata: { step: '2' },
      }),
    );
    await first.s3.send(new PutObjectCommand({ Bucket: first.bucket, Key: 'keys/gone.csv', Body: 'gone' }));
    await first.s3.send(new DeleteObjectCommand({ Bucket: first.bucket, Key: 'keys/gone.csv' }));
    await first.s3.send(new PutObjectCommand({ Bucket: first.bucket, Key: long, Body: 'long' }));
    await first.s3.send(
      new CopyObjectCommand({ Bucket: first.bucket, Key: 'keys/copy é.csv', CopySource: `${first.bucket}/keys/a.csv` }),
    );
    const big = Buffer.alloc(6 * 1024 * 1024, 7);
    await new Upload({
      client: first.s3,
      params: { Bucket: first.bucket, Key: 'keys/big.bin', Body: big },
      partSize: 5 * 1024 * 1024,
    }).done();
    const before = await first.s3.send(new HeadObjectCommand({ Bucket: first.bucket, Key: 'keys/a.csv' }));
    const bigETag = (await first.s3.send(new HeadObjectCommand({ Bucket: first.bucket, Key: 'keys/big.bin' }))).ETag;
    await first.close();
    lakes.splice(0);

    const second = await open(folder);
    expect(await second.keys()).toEqual(['keys/a.csv', 'keys/big.bin', 'keys/copy é.csv', long]);
    expect([await second.text('keys/a.csv'), await second.text('keys/copy é.csv'), await second.text(long)]).toEqual([
      'second',
      'second',
      'long',
    ]);
    const after = await second.s3.send(new HeadObjectCommand({ Bucket: second.bucket, Key: 'keys/a.csv' }));
    expect([after.ETag, after.ContentType, after.Metadata, after.LastModified, after.ContentLength]).toEqual([
      before.ETag,
      'text/csv',
      { step: '2' },
      before.LastModified,
      6,
    ]);
    expect((await second.s3.send(new HeadObjectCommand({ Bucket: second.bucket, Key: 'keys/big.bin' }))).ETag).toBe(
      bigETag,
    );
    expect(Buffer.from((await second.bytes('keys/big.bin'))!).equals(big)).toBe(true);
  });

  it('keeps one file per object, named by a hash (no key in any file name), and removes a write cut by a crash at start', async () => {
    const folder = await newFolder();
    const first = await open(folder);
    await first.put('a/very secret name.csv', 'one');
    await first.put('a/very secret name.csv', 'two');
    await first.put('b/other.csv', 'three');
    await first.close();
    lakes.splice(0);
    const files = await filesUnder(folder);
    expect(files.filter((file) => file.endsWith('.obj'))).toHaveLength(2);
    expect(files.some((file) => file.includes('secret') || file.includes('other'))).toBe(false);
    const [objectFile] = files.filter((file) => file.endsWith('.obj'));
    // A write in progress when the previous run stopped, and a stray file among the objects.
    await writeFile(join(folder, 'tmp', 'spare-x'), 'half a write');
    await writeFile(join(folder, objectFile!.replace(/\.obj$/, '.stray')), 'stray');
    const second = await open(folder);
    expect([await second.text('a/very secret name.csv'), await second.text('b/other.csv')]).toEqual(['two', 'three']);
    const after = await filesUnder(folder);
    expect(
      after.filter((file) => file.includes('half') || file.endsWith('spare-x') || file.endsWith('.stray')),
    ).toEqual([]);
    expect(after.filter((file) => file.endsWith('.obj'))).toHaveLength(2);
  });

  it('keeps the buckets it was asked for, and creates new ones beside them', async () => {
    const folder = await newFolder();
    const first = await open(folder, 'lake-one');
    await first.put('x.txt', 'x');
    await first.close();
    lakes.splice(0);
    const second = await open(folder, 'lake-two');
    const { Buckets } = await second.s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['lake-one', 'lake-two']);
    expect(await second.keys()).toEqual([]);
  });
});
