import type { App, Environment } from 'aws-cdk-lib';
import { join } from 'node:path';
import { LAYERS } from './lake-layout';
import { CatalogStack } from './stacks/catalog-stack';
import { LayerStack } from './stacks/layer-stack';
import { StorageStack } from './stacks/storage-stack';

/**
 * CDK feature flags medallion relies on, passed to every `App` (the CLI's and the tests'):
 * server access logs are granted by bucket policy, not ACL, so the log bucket can enforce bucket
 * ownership; IAM policies are minimized.
 */
export const CDK_FEATURE_FLAGS: Readonly<Record<string, boolean>> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:checkSecretUsage': true,
};

/** How to build the app. */
export interface MedallionAppConfig {
  /** Deployment stage; names stacks `medallion-<stage>-<part>`. */
  readonly stage: string;
  /** Target account and region; undefined values make an environment-agnostic app (synth works offline). */
  readonly env: Environment;
  /** Folder under which each layer's bundle lives as `<project>/index.mjs`, normally `<workspace>/dist/apps`. */
  readonly bundlesDirectory: string;
}

/** The stacks of one stage. */
export interface MedallionStacks {
  readonly storage: StorageStack;
  /** The Glue database and tables, the Athena workgroup and the analysts' policy. */
  readonly catalog: CatalogStack;
  /** Layer stacks by layer name. */
  readonly layers: Readonly<Record<string, LayerStack>>;
}

/**
 * Adds medallion's stacks to a CDK app: `medallion-<stage>-storage` (the lake bucket),
 * `medallion-<stage>-catalog` (Glue tables over it, the Athena workgroup), then one
 * `medallion-<stage>-<layer>` stack per layer of {@link LAYERS}, each importing the bucket name
 * from the storage stack's export and depending on it only for deployment order.
 *
 * @param app - the CDK app.
 * @param config - stage, environment, where the bundles are.
 * @returns the stacks.
 */
export function addMedallionStacks(app: App, config: MedallionAppConfig): MedallionStacks {
  const prefix = `medallion-${config.stage}`;
  const checkpointPrefixes = LAYERS.flatMap((layer) => (layer.checkpointPrefix ? [layer.checkpointPrefix] : []));
  const storage = new StorageStack(app, `${prefix}-storage`, {
    env: config.env,
    stage: config.stage,
    checkpointPrefixes,
  });
  const catalog = new CatalogStack(app, `${prefix}-catalog`, { env: config.env, stage: config.stage });
  catalog.addStackDependency(storage, 'the lake bucket and its export must exist first');
  const layers: Record<string, LayerStack> = {};
  for (const layer of LAYERS) {
    const stack = new LayerStack(app, `${prefix}-${layer.name}`, {
      env: config.env,
      layer,
      stage: config.stage,
      codeDirectory: join(config.bundlesDirectory, layer.project),
    });
    stack.addStackDependency(storage, 'the lake bucket and its export must exist first');
    layers[layer.name] = stack;
  }
  return { storage, catalog, layers };
}
