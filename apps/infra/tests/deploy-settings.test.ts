import { describe, expect, it } from 'vitest';
import { readDeploySettings } from '../src/deploy-settings';

describe('readDeploySettings', () => {
  it('takes MEDALLION_STAGE (default dev), and MEDALLION_ACCOUNT/REGION over the CDK defaults', () => {
    expect(readDeploySettings({})).toEqual({ stage: 'dev', env: {} });
    expect(readDeploySettings({ CDK_DEFAULT_REGION: 'us-east-1' })).toEqual({ stage: 'dev', env: {} });
    expect(
      readDeploySettings({
        MEDALLION_STAGE: 'pr-7',
        CDK_DEFAULT_ACCOUNT: '111111111111',
        CDK_DEFAULT_REGION: 'us-east-1',
      }),
    ).toEqual({ stage: 'pr-7', env: { account: '111111111111', region: 'us-east-1' } });
    expect(
      readDeploySettings({
        MEDALLION_ACCOUNT: '222222222222',
        MEDALLION_REGION: 'eu-west-1',
        CDK_DEFAULT_ACCOUNT: '111111111111',
        CDK_DEFAULT_REGION: 'us-east-1',
      }),
    ).toEqual({ stage: 'dev', env: { account: '222222222222', region: 'eu-west-1' } });
  });

  it('refuses a stage, account or region of the wrong shape, naming the variable and what it accepts', () => {
    expect(() => readDeploySettings({ MEDALLION_STAGE: 'Prod' })).toThrow(
      'MEDALLION_STAGE=Prod: give a stage name: lowercase letters, digits and hyphens, starting with a letter',
    );
    expect(() => readDeploySettings({ MEDALLION_ACCOUNT: '1234' })).toThrow(
      'MEDALLION_ACCOUNT=1234: give an AWS account ID: 12 digits',
    );
    expect(() => readDeploySettings({ MEDALLION_REGION: 'Ireland' })).toThrow(
      'MEDALLION_REGION=Ireland: give an AWS region name, e.g. eu-west-1',
    );
  });
});
