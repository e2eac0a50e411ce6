import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { readDeploySettings } from './deploy-settings';
import { addMedallionStacks, CDK_FEATURE_FLAGS } from './medallion-app';

/**
 * The CDK app (`cdk synth|deploy|diff`, run through `nx run infra:<target>`).
 * Stage: `MEDALLION_STAGE`, default `dev` (names the stacks `medallion-<stage>-*`).
 * Account and region: `MEDALLION_ACCOUNT`/`MEDALLION_REGION`, else `CDK_DEFAULT_ACCOUNT` with
 * `CDK_DEFAULT_REGION` (the CDK CLI sets them from your AWS profile when it has credentials).
 * Without an account the app is environment-agnostic: it synthesizes offline, and `cdk deploy`
 * then targets the account and region of the credentials used to deploy.
 * A bad value of these settings stops the app (see `readDeploySettings`).
 */
const app = new App({ context: { ...CDK_FEATURE_FLAGS } });
addMedallionStacks(app, {
  ...readDeploySettings(process.env),
  bundlesDirectory: fileURLToPath(new URL('../../../dist/apps', import.meta.url)),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
