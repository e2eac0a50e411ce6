import type { S3Client } from '@aws-sdk/client-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { describe, expect, it } from 'vitest';
import { deleteBronze, hookFirst, removalEvent, run, violations } from './silver-commit-checks';

/** A request of silver's: its command and object key (for `bronze/k.csv`). */
type RequestAt = readonly [command: string, key: string];

/** Every request silver makes for `bronze/k.csv` that another event can be run inside of. */
const STEPS: readonly RequestAt[] = [
  ['GetObjectCommand', 'bronze/k.csv'],
  ['PutObjectCommand', 'silver/k.csv'],
  ['PutObjectCommand', 'quarantine/k.csv'],
  ['PutObjectCommand', 'quarantine/k.error.json'],
  ['PutObjectCommand', 'silver-customers/k.parquet'],
  ['PutObjectCommand', 'silver/_manifests/k.csv.json'],
  ['HeadObjectCommand', 'bronze/k.csv'],
  ['DeleteObjectCommand', 'quarantine/k.csv'],
  ['DeleteObjectCommand', 'quarantine/k.error.json'],
];

/** Four kinds of file: not UTF-8, empty (rejected), with quarantined rows, plain. */
const FILES: Readonly<Record<string, () => Uint8Array | string>> = {
  'windows-1252': () => bronzeFixtureBytes('windows-1252.csv'),
  empty: () => '',
  'missing-id': () => bronzeFixtureBytes('missing-id.csv'),
  plain: () => bronzeFixtureBytes('bom-crlf.csv'),
};

/** Runs `during` inside `events`' run at `at` (it runs to its end if `at` never comes); returns what is wrong after both. */
async function check(
  lake: TestLake,
  clients: S3Client[],
  first: unknown,
  at: RequestAt,
  during: () => Promise<unknown>,
): Promise<string[]> {
  const [client] = clients;
  hookFirst(client!, at[0], at[1], async () => void (await during()));
  await run(client!, first).catch(() => undefined);
  return violations(lake, 'k');
}

/** A fresh lake for one case, closed after. */
async function inLake(body: (lake: TestLake, clients: S3Client[]) => Promise<string[]>): Promise<string[]> {
  const lake = await startTestLake();
  const clients = [lake.store.createClient(), lake.store.createClient()];
  try {
    return await body(lake, clients);
  } finally {
    for (const client of clients) client.destroy();
    await lake.close();
  }
}

// Two events for one key run one inside the other at each step of silver's commit, for every pair of
// file kinds; and a deletion with its removal at each step. After each case the lake must hold what
// one of the orders would leave: the manifest names exactly the stored outputs, nothing else is stored.
describe('silver commit under every interleaving of two events for one key', () => {
  it('a newer version run inside an older one, at each step of the older one (and paused at its own commit or its check after)', async () => {
    const failures: string[] = [];
    for (const older of Object.keys(FILES)) {
      for (const newer of Object.keys(FILES)) {
        for (const olderAt of STEPS) {
          for (const newerAt of [STEPS[5]!, STEPS[6]!]) {
            const problems = await inLake(async (lake, clients) => {
              const [olderClient, newerClient] = clients as [S3Client, S3Client];
              const olderEvent = await lake.put('bronze/k.csv', FILES[older]!());
              let newerRun: Promise<unknown> = Promise.resolve();
              hookFirst(olderClient, olderAt[0], olderAt[1], async () => {
                const newerEvent = await lake.put('bronze/k.csv', FILES[newer]!());
                let paused!: () => void;
                const pausedAt = new Promise<void>((resolve) => (paused = resolve));
                hookFirst(newerClient, newerAt[0], newerAt[1], async () => {
                  paused();
                  await olderRun.catch(() => undefined);
                });
                newerRun = run(newerClient, newerEvent)
                  .catch(() => undefined)
                  .finally(paused);
                await pausedAt;
              });
              const olderRun = run(olderClient, olderEvent);
              await olderRun.catch(() => undefined);
              await newerRun;
              return violations(lake, 'k');
            });
            if (problems.length > 0)
              failures.push(
                `${older} then ${newer}, older at ${olderAt.join(' ')}, newer at ${newerAt.join(' ')}: ${problems.join('; ')}`,
              );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('a deletion and its removal at each step, over no earlier version and over one: nothing is left', async () => {
    const failures: string[] = [];
    for (const earlier of [undefined, 'missing-id', 'empty']) {
      for (const file of Object.keys(FILES)) {
        for (const at of STEPS) {
          const problems = await inLake(async (lake, clients) => {
            if (earlier) await run(lake.s3, await lake.put('bronze/k.csv', FILES[earlier]!()));
            const event = await lake.put('bronze/k.csv', FILES[file]!());
            let removed = false;
            const found = await check(lake, clients, event, at, async () => {
              removed = true;
              await deleteBronze(lake, 'k');
              await run(lake.s3, removalEvent(lake, 'k'));
            });
            const left = removed ? await lake.keys('') : [];
            return [...found, ...(left.length > 0 ? [`left after the deletion: ${left.join(' ')}`] : [])];
          });
          if (problems.length > 0)
            failures.push(`${earlier ?? 'nothing'} then ${file}, deleted at ${at.join(' ')}: ${problems.join('; ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
