import { ACCOUNT, readSetting, REGION, type SettingsEnvironment, STAGE } from '@medallion/settings';

/** Where the CDK app deploys: the stage, and the account and region when known. */
export interface DeploySettings {
  /** The stage, which names the stacks `medallion-<stage>-*`, e.g. `dev`. */
  readonly stage: string;
  /** The account and region, or `{}` for an environment-agnostic app. */
  readonly env: { readonly account?: string; readonly region?: string };
}

/**
 * Reads the deployment settings: `MEDALLION_STAGE` (default `dev`); `MEDALLION_ACCOUNT` and
 * `MEDALLION_REGION`, else `CDK_DEFAULT_ACCOUNT` and `CDK_DEFAULT_REGION` (set by the CDK CLI from
 * your AWS profile). The CDK CLI always sets `CDK_DEFAULT_REGION` (us-east-1 by default), so a
 * region is used only with a known account.
 *
 * @param env - the environment to read.
 * @returns the stage and the account and region.
 * @throws InvalidSettingError for a `MEDALLION_STAGE`, `MEDALLION_ACCOUNT` or `MEDALLION_REGION`
 *   its parser does not accept (e.g. `MEDALLION_STAGE=Prod`).
 */
export function readDeploySettings(env: SettingsEnvironment): DeploySettings {
  const stage = readSetting(env, STAGE) ?? 'dev';
  const account = readSetting(env, ACCOUNT) ?? env['CDK_DEFAULT_ACCOUNT'];
  const region = readSetting(env, REGION) ?? env['CDK_DEFAULT_REGION'];
  return { stage, env: account ? { account, region } : {} };
}
