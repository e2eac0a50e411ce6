import { CfnOutput, Duration, Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget, SqsQueue as QueueTarget } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { LayerFunction } from '../constructs/layer-function';
import type { LayerSpec } from '../lake-layout';
import { lakeBucketExportName } from './storage-stack';

/** Props of {@link LayerStack}. */
export interface LayerStackProps extends StackProps {
  /** What the layer reads, writes and is triggered by, and its sizing. */
  readonly layer: LayerSpec;
  /** Deployment stage: the lake bucket's name is imported from the storage stack's export for it. */
  readonly stage: string;
  /** Folder of the layer's Nx-built bundle. */
  readonly codeDirectory: string;
}

/**
 * One layer, deployable alone by the team that owns it: its function ({@link LayerFunction}:
 * runtime, DLQ, log group, alarms), an EventBridge rule for objects created (and deleted) under its
 * input prefix with one of its suffixes, which invokes the function, or for a layer fed in batches
 * (`queue`) sends to an SQS queue that an event source mapping drains; and an IAM policy that allows exactly its prefixes:
 * GetObject (and GetObjectVersion where it reads versions) on what it reads, PutObject and
 * AbortMultipartUpload on what it writes, DeleteObject where it removes stale outputs, ListBucket
 * only with an `s3:prefix` condition on what it lists. The bucket is referenced by name, so deploying this stack never
 * touches the storage stack or another layer.
 */
export class LayerStack extends Stack {
  readonly layerFunction: LayerFunction;
  readonly rule: Rule;
  /** The queue between the rule and the function, for a layer fed in batches (see `QueueTrigger`). */
  readonly eventQueue: Queue | undefined;

  constructor(scope: Construct, id: string, props: LayerStackProps) {
    super(scope, id, props);
    const { layer } = props;
    const exportName = lakeBucketExportName(props.stage);
    const lakeBucketName = Fn.importValue(exportName);
    const bucket: IBucket = Bucket.fromBucketName(this, 'Lake', lakeBucketName);
    this.layerFunction = new LayerFunction(this, 'Layer', {
      layerName: layer.name,
      stage: props.stage,
      codeDirectory: props.codeDirectory,
      memorySize: layer.memorySize,
      timeout: layer.timeout,
      reservedConcurrency: layer.reservedConcurrency,
    });
    const fn = this.layerFunction.function;
    if (layer.readPrefixes.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: layer.readsVersions ? ['s3:GetObject', 's3:GetObjectVersion'] : ['s3:GetObject'],
          resources: layer.readPrefixes.map((p) => bucket.arnForObjects(`${p}*`)),
        }),
      );
    }
    if (layer.writePrefixes.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
          resources: layer.writePrefixes.map((p) => bucket.arnForObjects(`${p}*`)),
        }),
      );
    }
    if (layer.deletePrefixes.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:DeleteObject'],
          resources: layer.deletePrefixes.map((p) => bucket.arnForObjects(`${p}*`)),
        }),
      );
    }
    if (layer.listPrefixes.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': layer.listPrefixes.flatMap((p) => [p, `${p}*`]) } },
        }),
      );
    }
    const role = fn.role;
    if (!role) throw new Error(`${layer.name}: the function has no execution role to acknowledge cdk-nag findings on`);
    for (const prefix of new Set([...layer.readPrefixes, ...layer.writePrefixes, ...layer.deletePrefixes])) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${exportName}/${prefix}*]`,
        reason: `Object ARNs under one prefix (${prefix}*): the layer reads or writes any object key below its own prefix and nothing else.`,
      });
    }
    const delivery = {
      deadLetterQueue: this.layerFunction.deadLetterQueue,
      retryAttempts: 4,
      maxEventAge: Duration.hours(2),
    };
    this.eventQueue = layer.queue ? this.queueFor({ ...layer, queue: layer.queue }, props.stage) : undefined;
    this.rule = new Rule(this, 'ObjectCreatedRule', {
      description: `medallion ${layer.name}: ${layer.inputSuffixes.join(' or ')} objects created under ${layer.inputPrefix}`,
      eventPattern: {
        source: ['aws.s3'],
        detailType: layer.acceptsRemovals ? ['Object Created', 'Object Deleted'] : ['Object Created'],
        detail: {
          bucket: { name: [lakeBucketName] },
          object: { key: layer.inputSuffixes.flatMap((suffix) => Match.wildcard(`${layer.inputPrefix}*${suffix}`)) },
        },
      },
      targets: [this.eventQueue ? new QueueTarget(this.eventQueue, delivery) : new LambdaTarget(fn, delivery)],
    });
    if (this.eventQueue)
      new CfnOutput(this, 'EventQueueUrl', {
        value: this.eventQueue.queueUrl,
        description: 'Events waiting for the layer',
      });
    new CfnOutput(this, 'FunctionName', { value: fn.functionName });
    new CfnOutput(this, 'LogGroupName', { value: this.layerFunction.logGroup.logGroupName });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.layerFunction.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.layerFunction.alarmTopic.topicArn,
      description: 'Subscribe to be told of errors and dead letters',
    });
  }

  /**
   * The queue of a layer fed in batches, and the event source mapping that drains it: SSE-SQS,
   * TLS only, a visibility timeout of six function timeouts (as Lambda advises for SQS), a message
   * retried 5 times before it goes to the layer's dead-letter queue; batches of `batchSize` gathered
   * for up to `batchingWindow`, at most `maxConcurrency` invocations at once, failed messages
   * reported one by one (`ReportBatchItemFailures`).
   */
  private queueFor(layer: LayerSpec & { queue: NonNullable<LayerSpec['queue']> }, stage: string): Queue {
    const queue = new Queue(this, 'EventQueue', {
      queueName: `medallion-${stage}-${layer.name}-events`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(Math.min(12 * 3600, 6 * layer.timeout.toSeconds())),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.layerFunction.deadLetterQueue, maxReceiveCount: 5 },
    });
    this.layerFunction.function.addEventSource(
      new SqsEventSource(queue, {
        batchSize: layer.queue.batchSize,
        maxBatchingWindow: layer.queue.batchingWindow,
        maxConcurrency: layer.queue.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    return queue;
  }
}
