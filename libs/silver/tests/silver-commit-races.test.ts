import { DeleteObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silverLayer } from '../src';
import { hookFirst } from './silver-commit-checks';

let lake: TestLake;
const clients: S3Client[] = [];

beforeEach(async () => {
  lake = await startTestLake();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await lake.close();
});

function client(): S3Client {
  const c = lake.store.createClient();
  clients.push(c);
  return c;
}

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A request of one client: its command's name and object key. */
type RequestAt = readonly [command: string, key: string];

/**
 * Two versions of `bronze/<name>.csv` interleaved: the older one's event runs on one client until
 * its request `olderAt`; there the newer version is uploaded and its event runs on another client
 * until its request `newerAt`, where it waits for the older event to end; then both end.
 */
async function interleave(
  name: string,
  older: string | Uint8Array,
  olderAt: RequestAt,
  newer: string | Uint8Array,
  newerAt: RequestAt,
): Promise<void> {
  const [olderClient, newerClient] = [client(), client()];
  const olderEvent = await lake.put(`bronze/${name}.csv`, older);
  let newerRun: Promise<unknown> | undefined;
  const newerPaused = deferred();
  hookFirst(olderClient, olderAt[0], olderAt[1], async () => {
    const newerEvent = await lake.put(`bronze/${name}.csv`, newer);
    hookFirst(newerClient, newerAt[0], newerAt[1], async () => {
      newerPaused.resolve();
      await olderRun;
    });
    newerRun = createLayerHandler(silverLayer, { s3: newerClient })(newerEvent);
    await newerPaused.promise;
  });
  const olderRun = createLayerHandler(silverLayer, { s3: olderClient })(olderEvent);
  await olderRun;
  await newerRun;
}

/** Uploads `bronze/<name>.csv` and runs its event; at its manifest write, the object is deleted and the removal's event runs to its end. */
async function deletedDuringCommit(name: string, bytes: Uint8Array): Promise<void> {
  const committing = client();
  const creation = await lake.put(`bronze/${name}.csv`, bytes);
  hookFirst(committing, 'PutObjectCommand', `silver/_manifests/${name}.csv.json`, async () => {
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: `bronze/${name}.csv` }));
    const removal = buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      eventTime: '2026-12-29T18:00:00.000Z',
      bucket: lake.bucket,
      key: `bronze/${name}.csv`,
      size: 0,
      eTag: '',
      sequencer: 'FFFFFFFFFFFFFFFFFF',
    });
    await createLayerHandler(silverLayer, { s3: lake.s3 })(removal);
  });
  await createLayerHandler(silverLayer, { s3: committing })(creation);
}

const exists = async (key: string) => (await lake.bytes(key)) !== undefined;
const manifest = async (name: string) => {
  const text = await lake.text(`silver/_manifests/${name}.csv.json`);
  return text === undefined ? undefined : JSON.parse(text);
};

// Interleavings of two events for one key at silver's commit (found by a tester; each failed before
// the conditional deletes and the commit's checks). Each pauses one event inside another with a hook.
describe('silver commit when two events for one key interleave', () => {
  it("A1 an older rejected version committing inside a newer processed one's commit: no rejection record stays beside the processed manifest", async () => {
    await interleave('k', '', ['PutObjectCommand', 'quarantine/k.error.json'], bronzeFixtureBytes('bom-crlf.csv'), [
      'PutObjectCommand',
      'silver/_manifests/k.csv.json',
    ]);
    const m = await manifest('k');
    expect(m.outcome).toBe('processed');
    // invariant: no rejection record for a key whose manifest is processed
    expect(await exists('quarantine/k.error.json')).toBe(false);
  });

  it("A2 an older version without quarantine rows committing inside the newer one's commit: the newer one's quarantine rows stay", async () => {
    await interleave(
      'q',
      bronzeFixtureBytes('bom-crlf.csv'),
      ['PutObjectCommand', 'silver/_manifests/q.csv.json'],
      bronzeFixtureBytes('missing-id.csv'),
      ['PutObjectCommand', 'silver/_manifests/q.csv.json'],
    );
    const m = await manifest('q');
    expect(m.counts.quarantinedRows).toBe(2);
    expect(m.outputs.quarantine).toBeDefined();
    expect(await exists('quarantine/q.csv')).toBe(true);
  });

  it("A3 an older processed version committing inside a newer rejected one's commit: the rejection record stays", async () => {
    await interleave(
      'r',
      bronzeFixtureBytes('bom-crlf.csv'),
      ['PutObjectCommand', 'silver/_manifests/r.csv.json'],
      '',
      ['PutObjectCommand', 'silver/_manifests/r.csv.json'],
    );
    const m = await manifest('r');
    expect(m.outcome).toBe('rejected');
    expect(await exists('quarantine/r.error.json')).toBe(true);
    expect(await exists('silver/r.csv')).toBe(false);
  });

  it('A4 a bronze object deleted, and its removal run, during the first commit (If-None-Match): the commit is taken back', async () => {
    await deletedDuringCommit('d', bronzeFixtureBytes('bom-crlf.csv'));
    expect(await exists('bronze/d.csv')).toBe(false);
    expect(await lake.keys('silver/')).toEqual([]);
  });

  it('A4b the same over an earlier manifest (If-Match): nothing stays in silver', async () => {
    await createLayerHandler(silverLayer, { s3: lake.s3 })(
      await lake.put('bronze/d.csv', bronzeFixtureBytes('missing-id.csv')),
    );
    await deletedDuringCommit('d', bronzeFixtureBytes('bom-crlf.csv'));
    expect(await lake.keys('silver/')).toEqual([]);
  });

  it('A5 a removal that read the manifest before a re-creation committed leaves the newer version (its conditional delete fails and it judges again)', async () => {
    await createLayerHandler(silverLayer, { s3: lake.s3 })(
      await lake.put('bronze/z.csv', bronzeFixtureBytes('missing-id.csv')),
    );
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'bronze/z.csv' }));
    const removal = buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      eventTime: '2026-11-29T12:59:59.000Z',
      bucket: lake.bucket,
      key: 'bronze/z.csv',
      size: 0,
      eTag: '',
      sequencer: '0000000000000000F0',
    });
    const c1 = client();
    hookFirst(c1, 'DeleteObjectCommand', 'silver/_manifests/z.csv.json', async () => {
      const e3 = await lake.put('bronze/z.csv', bronzeFixtureBytes('leading-zero-ids.csv'));
      // make its sequencer later than the removal's
      const ev = e3 as { Records: Array<{ s3: { object: { sequencer: string } } }> };
      ev.Records[0]!.s3.object.sequencer = '0000000000000000FF';
      await createLayerHandler(silverLayer, { s3: lake.s3 })(ev);
    });
    await createLayerHandler(silverLayer, { s3: c1 })(removal);
    expect(await exists('bronze/z.csv')).toBe(true);
    expect(await exists('silver/_manifests/z.csv.json')).toBe(true);
    expect(await exists('silver/z.csv')).toBe(true);
  });

  it("A6 the same bytes uploaded twice, the older event running wholly inside the newer one's commit: the manifest names the stored outputs", async () => {
    const c2 = client();
    const e1 = await lake.put('bronze/s.csv', bronzeFixtureBytes('missing-id.csv'));
    const e2 = await lake.put('bronze/s.csv', bronzeFixtureBytes('missing-id.csv'));
    hookFirst(c2, 'PutObjectCommand', 'silver/_manifests/s.csv.json', async () => {
      await createLayerHandler(silverLayer, { s3: lake.s3 })(e1);
    });
    await createLayerHandler(silverLayer, { s3: c2 })(e2);
    const m = await manifest('s');
    const head = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'silver-customers/s.parquet' }));
    expect(m.outputs.customers.eTag).toBe(head.ETag!.replace(/"/g, ''));
    for (const o of ['silver', 'quarantine'] as const) {
      const h = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: m.outputs[o].key }));
      expect(m.outputs[o].eTag).toBe(h.ETag!.replace(/"/g, ''));
    }
  });

  it('A7 one event delivered twice, interleaved at the commit: the manifest names the stored outputs', async () => {
    const c2 = client();
    const e = await lake.put('bronze/dup.csv', bronzeFixtureBytes('missing-id.csv'));
    hookFirst(c2, 'PutObjectCommand', 'silver/_manifests/dup.csv.json', async () => {
      await createLayerHandler(silverLayer, { s3: lake.s3 })(e);
    });
    await createLayerHandler(silverLayer, { s3: c2 })(e);
    const m = await manifest('dup');
    for (const o of ['silver', 'customers', 'quarantine'] as const) {
      const h = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: m.outputs[o].key }));
      expect(m.outputs[o].eTag).toBe(h.ETag!.replace(/"/g, ''));
    }
  });
  it("A8 an older version superseded by a newer one never takes back the newer version's outputs", async () => {
    await interleave(
      't',
      bronzeFixtureBytes('missing-id.csv'),
      ['PutObjectCommand', 'silver/t.csv'],
      bronzeFixtureBytes('leading-zero-ids.csv'),
      ['HeadObjectCommand', 'bronze/t.csv'],
    );
    const m = await manifest('t');
    expect(m).toBeDefined();
    expect(await exists('silver/t.csv')).toBe(true);
    expect(await exists('silver-customers/t.parquet')).toBe(true);
  });
});
