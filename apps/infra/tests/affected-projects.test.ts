import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));
const NX = fileURLToPath(new URL('../../../node_modules/.bin/nx', import.meta.url));

/** The projects `nx affected` selects for a change to `file`, from the project graph (sorted). */
async function affectedBy(file: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(NX, ['show', 'projects', '--affected', `--files=${file}`, '--json'], {
    cwd: WORKSPACE,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  return (JSON.parse(stdout) as string[]).sort();
}

// The README's table "a change to | nx affected selects": which Lambda stacks a change redeploys.
describe('what a change selects (nx show projects --affected)', () => {
  it('a change to the region table selects silver and its Lambda, never gold, platinum or infra', async () => {
    expect(await affectedBy('libs/regions/src/region.ts')).toEqual([
      'bench',
      'cli',
      'data-generator',
      'regions',
      'silver',
      'silver-lambda',
      'silver-rules',
    ]);
  }, 60_000);

  it('a change to a layer lib selects that layer, its Lambda and the local tools only', async () => {
    expect(await affectedBy('libs/silver/src/index.ts')).toEqual(['bench', 'cli', 'silver', 'silver-lambda']);
    expect(await affectedBy('libs/gold/src/index.ts')).toEqual(['bench', 'cli', 'gold', 'gold-lambda']);
    expect(await affectedBy('libs/platinum/src/index.ts')).toEqual(['bench', 'cli', 'platinum', 'platinum-lambda']);
  }, 60_000);

  it('a change to the aggregates mechanism selects gold and platinum (and customer aggregates made by the generator), not silver', async () => {
    const affected = await affectedBy('libs/silver-aggregate/src/index.ts');
    expect(affected).toEqual(
      expect.arrayContaining([
        'bench',
        'cli',
        'gold',
        'gold-lambda',
        'platinum',
        'platinum-lambda',
        'silver-aggregate',
      ]),
    );
    expect(
      affected.filter((project) => ['infra', 'schemas', 'silver', 'silver-lambda', 'regions'].includes(project)),
    ).toEqual([]);
  }, 60_000);

  it('a change to the lake catalog selects the catalog stack and the layers whose files it describes', async () => {
    expect(await affectedBy('libs/lake-catalog/src/lake-tables.ts')).toEqual([
      'bench',
      'cli',
      'gold',
      'gold-lambda',
      'infra',
      'lake-catalog',
      'platinum',
      'platinum-lambda',
      'silver',
      'silver-lambda',
    ]);
  }, 60_000);
});
