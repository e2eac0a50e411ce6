import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { addMedallionStacks, CDK_FEATURE_FLAGS } from './medallion-app';

/**
 * The CDK app (`cdk synth|deploy|diff`, run through `nx run infra:<target>`).
 * Stage: context `stage` (`-c stage=prod`) or `MEDALLION_STAGE`, default `dev`.
 * Account and region: `CDK_DEFAULT_ACCOUNT`/`CDK_DEFAULT_REGION` (set by the CDK CLI from your AWS
 * profile), or `MEDALLION_ACCOUNT`/`MEDALLION_REGION`; without them the app is
 * environment-agnostic and synthesizes offline.
 * Context `retainData=false` lets a dev stage delete its lake with the stack.
 */
const app = new App({ context: { ...CDK_FEATURE_FLAGS } });
const stage = String(app.node.tryGetContext('stage') ?? process.env['MEDALLION_STAGE'] ?? 'dev');
addMedallionStacks(app, {
  stage,
  env: {
    account: process.env['MEDALLION_ACCOUNT'] ?? process.env['CDK_DEFAULT_ACCOUNT'],
    region: process.env['MEDALLION_REGION'] ?? process.env['CDK_DEFAULT_REGION'],
  },
  bundlesDirectory: fileURLToPath(new URL('../../../dist/apps', import.meta.url)),
  retainData: app.node.tryGetContext('retainData') !== 'false' && app.node.tryGetContext('retainData') !== false,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
