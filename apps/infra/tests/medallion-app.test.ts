import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeBundles, testApp } from './test-app';

/** The bundles `nx run-many -t build` wrote; this project's test target depends on the Lambda builds. */
const DIST_APPS = fileURLToPath(new URL('../../../dist/apps', import.meta.url));

describe('the whole app', () => {
  it('synthesizes with the real bundles, no cross-stack cycle, and cdk-nag AwsSolutions clean', () => {
    const { app } = testApp(DIST_APPS);
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['medallion-test-gold', 'medallion-test-silver', 'medallion-test-storage']);
    const stackDependencies = (name: string) => assembly.getStackByName(name).dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets'));
    expect(stackDependencies('medallion-test-silver')).toEqual(['medallion-test-storage']);
    expect(stackDependencies('medallion-test-gold')).toEqual(['medallion-test-storage']);
    expect(stackDependencies('medallion-test-storage')).toEqual([]);
  });

  it('fails synthesis on an unacknowledged cdk-nag finding (the check is live)', () => {
    const { app } = testApp();
    const stray = new Stack(app, 'stray');
    new Queue(stray, 'Unencrypted', { enforceSSL: false });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS/);
  });

  it("triggers silver on bronze/ and gold on silver's manifests, nothing on gold/ or quarantine/", () => {
    const { stacks } = testApp();
    const patterns = [stacks.storage, ...Object.values(stacks.layers)].flatMap((stack) =>
      Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule')).map((rule) =>
        JSON.stringify((rule as { Properties: { EventPattern: { detail: { object: unknown } } } }).Properties.EventPattern.detail.object),
      ),
    );
    expect(patterns).toEqual(['{"key":[{"wildcard":"bronze/*.csv"},{"wildcard":"bronze/*.CSV"}]}', '{"key":[{"wildcard":"silver/_manifests/*.json"}]}']);
  });

  it('a silver-only change changes only the silver stack', () => {
    const templates = (bundles: string) => {
      const { stacks } = testApp(bundles);
      return [stacks.storage, stacks.layers['silver']!, stacks.layers['gold']!].map((stack) => JSON.stringify(Template.fromStack(stack).toJSON()));
    };
    const [storageA, silverA, goldA] = templates(fakeBundles());
    const [storageB, silverB, goldB] = templates(fakeBundles({ 'silver-lambda': "export const handler = async () => 'silver v2';\n" }));
    expect(storageB).toBe(storageA);
    expect(goldB).toBe(goldA);
    expect(silverB).not.toBe(silverA);
  });

});
