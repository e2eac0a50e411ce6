import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace, linkWorkspacePackage, runIn, type CommandResult } from './workspace-copy';

/**
 * End to end, in a temporary copy of the workspace: generate a map layer over gold, an aggregate
 * layer over the map layer's output and a customer-aggregate over silver, then lint, type-check,
 * test and build them, synthesize the CDK app and run `medallion run` on data/ with all three wired in.
 */

const E2E_TIMEOUT = 15 * 60_000;

let copy: string;
const timings: string[] = [];

/** Text without terminal color codes (Nx colors its output when the outer run forces colors). */
function withoutColors(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Runs a command in the copy and fails with its output when it exits non-zero. */
async function run(command: string, ...args: string[]): Promise<CommandResult> {
  const result = await runIn(copy, command, args);
  timings.push(`${result.seconds.toFixed(1)} s  ${command} ${args.join(' ')}`);
  if (result.code !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`,
    );
  return result;
}

beforeAll(() => {
  copy = copyWorkspace();
});

afterAll(() => {
  process.stderr.write(`layer generator e2e timings:\n${timings.join('\n')}\n`);
  rmSync(copy, { recursive: true, force: true });
});

describe('a generated layer, end to end in a copy of the workspace', () => {
  it(
    'generates, builds, tests, synthesizes and runs a map layer, an aggregate layer chained after it, and a customer-aggregate',
    async () => {
      await run(
        'npx',
        'nx',
        'g',
        '@medallion/tools:layer',
        'e2e-copy',
        '--kind=map',
        '--input=gold/',
        '--output=e2e-copy/',
        '--skipInstall',
      );
      await run(
        'npx',
        'nx',
        'g',
        '@medallion/tools:layer',
        'e2e-mart',
        '--kind=aggregate',
        '--input=e2e-copy/',
        '--output=e2e-mart/',
        '--skipInstall',
      );
      await run(
        'npx',
        'nx',
        'g',
        '@medallion/tools:layer',
        'e2e-rate',
        '--kind=customer-aggregate',
        '--output=e2e-rate/',
        '--skipInstall',
      );
      // What npm install does for the new libs (the copy shares the workspace's installed packages).
      linkWorkspacePackage(copy, 'libs/e2e-copy');
      linkWorkspacePackage(copy, 'libs/e2e-mart');
      linkWorkspacePackage(copy, 'libs/e2e-rate');

      const projects = [
        'e2e-copy',
        'e2e-copy-lambda',
        'e2e-mart',
        'e2e-mart-lambda',
        'e2e-rate',
        'e2e-rate-lambda',
        'infra',
      ];
      const checked = await run(
        'npx',
        'nx',
        'run-many',
        '-t',
        'lint',
        'typecheck',
        'test',
        'build',
        '-p',
        ...projects,
        '--outputStyle=static',
      );
      expect(withoutColors(checked.stdout)).toMatch(
        /Successfully ran targets lint, typecheck, test, build for 7 projects/,
      );
      // The local runner's registration compiles and passes the module-boundary rules (its tests run in npm test).
      await run('npx', 'nx', 'run-many', '-t', 'lint', 'typecheck', '-p', 'cli', '--outputStyle=static');

      await run('npx', 'nx', 'run', 'infra:synth', '--outputStyle=static');
      const assembly = join(copy, 'dist/apps/infra/cdk.out');
      const manifest = JSON.parse(readFileSync(join(assembly, 'manifest.json'), 'utf8')) as {
        artifacts: Record<string, { type: string }>;
      };
      expect(
        Object.keys(manifest.artifacts)
          .filter((id) => manifest.artifacts[id]!.type === 'aws:cloudformation:stack')
          .sort(),
      ).toEqual(
        expect.arrayContaining([
          'medallion-dev-e2e-copy',
          'medallion-dev-e2e-mart',
          'medallion-dev-e2e-rate',
          'medallion-dev-gold',
          'medallion-dev-silver',
          'medallion-dev-storage',
        ]),
      );
      const rulesOf = (stack: string) =>
        Object.values(
          (
            JSON.parse(readFileSync(join(assembly, `${stack}.template.json`), 'utf8')) as {
              Resources: Record<
                string,
                { Type: string; Properties: { EventPattern?: { detail: { object: unknown } } } }
              >;
            }
          ).Resources,
        )
          .filter((resource) => resource.Type === 'AWS::Events::Rule')
          .map((resource) => resource.Properties.EventPattern?.detail.object);
      expect(rulesOf('medallion-dev-e2e-copy')).toEqual([{ key: [{ wildcard: 'gold/*.csv' }] }]);
      expect(rulesOf('medallion-dev-e2e-mart')).toEqual([{ key: [{ wildcard: 'e2e-copy/*.csv' }] }]);
      expect(rulesOf('medallion-dev-e2e-rate')).toEqual([{ key: [{ wildcard: 'silver/_manifests/*.json' }] }]);
      const rateResources = Object.values(
        (
          JSON.parse(readFileSync(join(assembly, 'medallion-dev-e2e-rate.template.json'), 'utf8')) as {
            Resources: Record<string, { Type: string }>;
          }
        ).Resources,
      ).map((resource) => resource.Type);
      expect(rateResources).toEqual(expect.arrayContaining(['AWS::SQS::Queue', 'AWS::Lambda::EventSourceMapping']));

      const out = join(copy, 'tmp/e2e-out');
      const started = await run('npm', 'run', '--silent', 'medallion', '--', 'run', '--out', out);
      expect(withoutColors(started.stdout)).toMatch(/^Gold: customers by region \(gold\/customers_by_region\.csv\)\n/);
      const gold = readFileSync(join(out, 'gold/customers_by_region.csv'), 'utf8');
      const goldLines = gold.split('\n');
      expect(goldLines[0]).toBe('Region,Subscribed Customers,Customer IDs');
      expect(goldLines[1]).toBe('Africa,9,"[001, 009, 017, 068, 092, 100, 108, 116, 124]"');
      expect(goldLines).toHaveLength(11);
      // The map layer copied gold's table row for row; the aggregate layer took the header once and every row.
      expect(readFileSync(join(out, 'e2e-copy/customers_by_region.csv'), 'utf8')).toBe(gold);
      expect(readFileSync(join(out, 'e2e-mart/e2e-mart.csv'), 'utf8')).toBe(gold);
      // The customer-aggregate counted customers per region as platinum does.
      const platinum = readFileSync(join(out, 'platinum/subscription_rate_by_region.csv'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => line.split(',').slice(0, 3).join(','));
      expect(readFileSync(join(out, 'e2e-rate/e2e-rate.csv'), 'utf8')).toBe(
        `${['Region,Customers,Subscribed Customers', ...platinum.slice(1)].join('\n')}\n`,
      );
    },
    E2E_TIMEOUT,
  );
});
