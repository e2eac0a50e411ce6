import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../src/lake-layout';
import { fakeBundles, testApp } from './test-app';

/** The bundles `nx run-many -t build` wrote; this project's test target depends on the Lambda builds. */
const DIST_APPS = fileURLToPath(new URL('../../../dist/apps', import.meta.url));

describe('the whole app', () => {
  it('synthesizes with the real bundles, no cross-stack cycle, and cdk-nag AwsSolutions clean', () => {
    const { app } = testApp(DIST_APPS);
    const assembly = app.synth();
    const names = assembly.stacks.map((s) => s.stackName).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'medallion-test-catalog',
        'medallion-test-gold',
        'medallion-test-platinum',
        'medallion-test-silver',
        'medallion-test-storage',
      ]),
    );
    // One stack per registered layer (a generated layer adds its own), the storage and the catalog stacks.
    expect(names).toEqual(
      [
        'medallion-test-storage',
        'medallion-test-catalog',
        ...LAYERS.map((layer) => `medallion-test-${layer.name}`),
      ].sort(),
    );
    const stackDependencies = (name: string) =>
      assembly
        .getStackByName(name)
        .dependencies.map((d) => d.id)
        .filter((id) => !id.endsWith('.assets'));
    for (const layer of LAYERS)
      expect(stackDependencies(`medallion-test-${layer.name}`)).toEqual(['medallion-test-storage']);
    expect(stackDependencies('medallion-test-catalog')).toEqual(['medallion-test-storage']);
    expect(stackDependencies('medallion-test-storage')).toEqual([]);
  });

  it('fails synthesis on an unacknowledged cdk-nag finding (the check is live)', () => {
    const { app } = testApp();
    const stray = new Stack(app, 'stray');
    new Queue(stray, 'Unencrypted', { enforceSSL: false });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS/);
  });

  it("triggers each layer only on its own input prefix: silver on bronze/, gold and platinum on silver's manifests; the storage stack has no rule", () => {
    const { stacks } = testApp();
    const patternsOf = (stack: Stack) =>
      Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule')).map((rule) =>
        JSON.stringify(
          (rule as { Properties: { EventPattern: { detail: { object: unknown } } } }).Properties.EventPattern.detail
            .object,
        ),
      );
    expect(patternsOf(stacks.storage)).toEqual([]);
    expect(patternsOf(stacks.layers['silver']!)).toEqual([
      '{"key":[{"wildcard":"bronze/*.csv"},{"wildcard":"bronze/*.CSV"}]}',
    ]);
    expect(patternsOf(stacks.layers['gold']!)).toEqual(['{"key":[{"wildcard":"silver/_manifests/*.json"}]}']);
    expect(patternsOf(stacks.layers['platinum']!)).toEqual(['{"key":[{"wildcard":"silver/_manifests/*.json"}]}']);
    for (const layer of LAYERS) {
      expect(patternsOf(stacks.layers[layer.name]!)).toEqual([
        JSON.stringify({ key: layer.inputSuffixes.map((suffix) => ({ wildcard: `${layer.inputPrefix}*${suffix}` })) }),
      ]);
    }
  });

  it('a silver-only change changes only the silver stack', () => {
    const templates = (bundles: string) => {
      const { stacks } = testApp(bundles);
      return [stacks.storage, stacks.layers['silver']!, stacks.layers['gold']!].map((stack) =>
        JSON.stringify(Template.fromStack(stack).toJSON()),
      );
    };
    const [storageA, silverA, goldA] = templates(fakeBundles());
    const [storageB, silverB, goldB] = templates(
      fakeBundles({ 'silver-lambda': "export const handler = async () => 'silver v2';\n" }),
    );
    expect(storageB).toBe(storageA);
    expect(goldB).toBe(goldA);
    expect(silverB).not.toBe(silverA);
  });
});
