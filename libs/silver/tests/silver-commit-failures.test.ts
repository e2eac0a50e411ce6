import type { S3Client } from '@aws-sdk/client-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  H,
  deleteBronze,
  failNth,
  hookFirst,
  manifestOf,
  removalEvent,
  run,
  staleReason,
  violations,
} from './silver-commit-checks';

let lake: TestLake;
const clients: S3Client[] = [];
beforeEach(async () => {
  lake = await startTestLake();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await lake.close();
});
const client = () => {
  const c = lake.store.createClient();
  clients.push(c);
  return c;
};

// Failures and removals at each step of silver's commit (found by a tester), and what a retry leaves.
describe('silver commit: failures, retries and removals at each step', () => {
  it("B1 a removal during a new version's commit whose silver table has the old bytes: the event is redone, finds the object gone, and leaves nothing", async () => {
    // v0 and v1: same silver rows, different quarantined rows
    await run(lake.s3, await lake.put('bronze/k.csv', `${H}331,Eve,Ghana,Active\n,Bad0,Chile,Active\n`));
    const c1 = client();
    const e1 = await lake.put('bronze/k.csv', `${H}331,Eve,Ghana,Active\n,Bad1,Chile,Active\n`);
    hookFirst(c1, 'PutObjectCommand', 'silver/_manifests/k.csv.json', async () => {
      await deleteBronze(lake, 'k');
      await run(lake.s3, removalEvent(lake, 'k'));
    });
    const report = await run(c1, e1);
    expect(report.results.map(staleReason)[0]).toBe('the object no longer exists: it was deleted after this event');
    expect(await violations(lake, 'k')).toEqual([]);
    expect(await lake.keys('silver-customers/')).toEqual([]);
    expect(await lake.keys('quarantine/')).toEqual([]);
  });

  /** An earlier version committed; a new version's first run fails at `failAt` (a 500); its retry runs to the end. */
  async function failThenRetry(
    earlier: string | Uint8Array,
    failAt: readonly [command: string, key: string],
  ): Promise<void> {
    await run(lake.s3, await lake.put('bronze/k.csv', earlier));
    const failing = client();
    failNth(failing, failAt[0], failAt[1]);
    const event = await lake.put('bronze/k.csv', bronzeFixtureBytes('bom-crlf.csv'));
    await expect(run(failing, event)).rejects.toThrow('injected 500');
    await run(lake.s3, event);
  }

  it("B2 a 500 on the HeadObject after the commit, then the retry: the earlier version's quarantine rows are removed", async () => {
    await failThenRetry(bronzeFixtureBytes('missing-id.csv'), ['HeadObjectCommand', 'bronze/k.csv']);
    expect(await violations(lake, 'k')).toEqual([]);
  });

  it('B3 a 500 on the delete of the replaced quarantine rows, then the retry: they are removed', async () => {
    await failThenRetry(bronzeFixtureBytes('missing-id.csv'), ['DeleteObjectCommand', 'quarantine/k.csv']);
    expect(await violations(lake, 'k')).toEqual([]);
  });

  it('B3b a 500 on the delete of the replaced rejection record (rejected, then processed), then the retry: it is removed', async () => {
    await failThenRetry('', ['DeleteObjectCommand', 'quarantine/k.error.json']);
    expect(await violations(lake, 'k')).toEqual([]);
  });

  it("B4 a 500 after the commit and on the take-back's manifest read: the committed outputs stay, and the retry removes the earlier version's rows", async () => {
    await run(lake.s3, await lake.put('bronze/k.csv', bronzeFixtureBytes('missing-id.csv')));
    const c1 = client();
    failNth(c1, 'HeadObjectCommand', 'bronze/k.csv');
    failNth(c1, 'GetObjectCommand', 'silver/_manifests/k.csv.json', 2);
    const e1 = await lake.put('bronze/k.csv', bronzeFixtureBytes('leading-zero-ids.csv'));
    await expect(run(c1, e1)).rejects.toThrow('injected 500');
    // Before the retry only the earlier version's quarantine rows are left: the manifest records them as replaced.
    expect(await violations(lake, 'k')).toEqual(['unnamed object quarantine/k.csv stored']);
    expect((await manifestOf(lake, 'k')).replacedOutputs.map((output: { key: string }) => output.key)).toEqual([
      'quarantine/k.csv',
    ]);
    await run(lake.s3, e1);
    expect(await violations(lake, 'k')).toEqual([]);
  });

  it("B5 a removal between a new version's commit and its clean-up: nothing of either version is left", async () => {
    await run(lake.s3, await lake.put('bronze/k.csv', bronzeFixtureBytes('missing-id.csv')));
    const c = lake.store.createClient();
    const e1 = await lake.put('bronze/k.csv', '');
    hookFirst(c, 'HeadObjectCommand', 'bronze/k.csv', async () => {
      await deleteBronze(lake, 'k');
      await run(lake.s3, removalEvent(lake, 'k'));
    });
    await run(c, e1);
    c.destroy();
    expect(await lake.keys('')).toEqual([]);
  });

  it("B6 a third version with the first one's bytes committed before the second cleans up: its silver table stays", async () => {
    await run(lake.s3, await lake.put('bronze/k.csv', bronzeFixtureBytes('bom-crlf.csv')));
    const c = lake.store.createClient();
    const e1 = await lake.put('bronze/k.csv', '');
    hookFirst(c, 'HeadObjectCommand', 'bronze/k.csv', async () => {
      await run(lake.s3, await lake.put('bronze/k.csv', bronzeFixtureBytes('bom-crlf.csv')));
    });
    await run(c, e1);
    c.destroy();
    expect((await manifestOf(lake, 'k')).outcome).toBe('processed');
    expect(await violations(lake, 'k')).toEqual([]);
  });
});
