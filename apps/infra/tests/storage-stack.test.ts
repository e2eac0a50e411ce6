import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../src/lake-layout';
import { testApp } from './test-app';

let storage: Template;

beforeAll(() => {
  storage = Template.fromStack(testApp().stacks.storage);
});

it('gives gold and platinum a checkpoint prefix under their own output prefix', () => {
  expect(
    LAYERS.filter((layer) => ['gold', 'platinum'].includes(layer.name)).map((layer) => layer.checkpointPrefix),
  ).toEqual(['gold/_checkpoint/', 'platinum/_checkpoint/']);
});

describe('storage stack', () => {
  it("holds the lake bucket: private, encrypted, versioned (checkpoints' old versions kept a day), logged, EventBridge on, retained", () => {
    storage.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'lake/' },
        LifecycleConfiguration: {
          Rules: [
            {
              Id: 'expire-noncurrent-versions',
              Status: 'Enabled',
              NoncurrentVersionExpiration: { NoncurrentDays: 30 },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            },
            // One per layer with a checkpoint (gold, platinum, and any generated customer-aggregate).
            ...LAYERS.flatMap((layer) =>
              layer.checkpointPrefix
                ? [
                    {
                      Id: `expire-checkpoint-versions-${layer.name}-checkpoint`,
                      Status: 'Enabled',
                      Prefix: layer.checkpointPrefix,
                      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
                    },
                  ]
                : [],
            ),
          ],
        },
      }),
    });
    storage.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { EventBridgeConfiguration: {} },
    });
  });

  it('keeps access logs 365 days in a private bucket that only S3 logging of the lake may write', () => {
    storage.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [{ Id: 'expire-access-logs', Status: 'Enabled', ExpirationInDays: 365 }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    storage.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:PutObject',
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Condition: Match.objectLike({
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('^Lake'), 'Arn'] } },
            }),
          }),
        ]),
      },
    });
  });

  it('denies every request that does not use TLS, on both buckets', () => {
    const policies = storage.findResources('AWS::S3::BucketPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values(policies)) {
      expect(
        (policy as { Properties: { PolicyDocument: { Statement: unknown[] } } }).Properties.PolicyDocument.Statement,
      ).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('exports the bucket name for the layer stacks and outputs each prefix', () => {
    storage.hasOutput('LakeBucketName', { Export: { Name: 'medallion-test-lake-bucket-name' } });
    for (const [id, value] of [
      ['BronzePrefix', 'bronze/'],
      ['SilverPrefix', 'silver/'],
      ['GoldPrefix', 'gold/'],
      ['QuarantinePrefix', 'quarantine/'],
    ]) {
      storage.hasOutput(id!, { Value: value });
    }
  });

  it('owns no function and no rule: layers deploy on their own', () => {
    storage.resourceCountIs('AWS::Events::Rule', 0);
    expect(
      Object.values(storage.findResources('AWS::Lambda::Function')).map(
        (f) => (f as { Properties: { Description?: string } }).Properties.Description,
      ),
    ).toEqual([expect.stringContaining('AWS CloudFormation handler for "Custom::S3BucketNotifications"')]);
  });
});
