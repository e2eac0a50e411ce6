import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { PREFIXES } from '../lake-layout';

/** Props of {@link StorageStack}. */
export interface StorageStackProps extends StackProps {
  /** Deployment stage, e.g. `dev`, `prod`; part of export names. */
  readonly stage: string;
  /**
   * Days a noncurrent object version is kept before S3 expires it.
   * @default 30
   */
  readonly noncurrentVersionDays?: number;
  /**
   * Prefixes rewritten often (the aggregates' checkpoints: a new version every recompute), whose
   * noncurrent versions are kept one day instead of `noncurrentVersionDays`.
   * @default none
   */
  readonly checkpointPrefixes?: readonly string[];
}

/** The name of the CloudFormation export carrying the lake bucket's name for a stage. */
export function lakeBucketExportName(stage: string): string {
  return `medallion-${stage}-lake-bucket-name`;
}

/**
 * The lake: one S3 bucket holding `bronze/`, `silver/`, `gold/` and `quarantine/`, owned by no
 * layer, so that each layer stack deploys alone. All public access blocked, SSE-S3 encryption,
 * TLS-only bucket policy, versioning with noncurrent versions expired (checkpoints' after a day), incomplete multipart
 * uploads aborted after 7 days, server access logs to a second bucket, EventBridge notifications
 * on (the layer stacks' rules listen there; no stack ever writes the bucket's notification
 * document). Both buckets are retained when the stack is deleted.
 *
 * Exports the bucket name as `medallion-<stage>-lake-bucket-name`, and each prefix as an output.
 */
export class StorageStack extends Stack {
  /** The lake bucket. */
  readonly lakeBucket: Bucket;

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    // Data outlives the stack: deleting a stage never deletes its lake (empty and delete it by hand).
    const removalPolicy = RemovalPolicy.RETAIN;
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it to itself would loop.',
    });
    this.lakeBucket = new Bucket(this, 'Lake', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      eventBridgeEnabled: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'lake/',
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        ...(props.checkpointPrefixes ?? []).map((prefix) => ({
          id: `expire-checkpoint-versions-${prefix.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`,
          prefix,
          noncurrentVersionExpiration: Duration.days(1),
        })),
      ],
      removalPolicy,
    });
    // eventBridgeEnabled is applied by CDK's own notifications custom resource in this stack.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's BucketNotificationsHandler (which turns EventBridge notifications on) is CDK-owned and uses the basic execution role for its logs only.",
    });
    new CfnOutput(this, 'LakeBucketName', {
      value: this.lakeBucket.bucketName,
      exportName: lakeBucketExportName(props.stage),
    });
    for (const [layer, prefix] of Object.entries(PREFIXES)) {
      new CfnOutput(this, `${layer.charAt(0).toUpperCase()}${layer.slice(1)}Prefix`, {
        value: prefix,
        description: `The ${layer} prefix of the lake bucket`,
      });
    }
  }
}
