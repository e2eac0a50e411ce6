import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Props of {@link LayerFunction}. */
export interface LayerFunctionProps {
  /** Layer name, e.g. `silver`; used in the function's service name. */
  readonly layerName: string;
  /** Deployment stage; names the log group `/medallion/<stage>/<layer>`. */
  readonly stage: string;
  /** Folder holding the Nx-built bundle (`index.mjs` exporting `handler`), e.g. `dist/apps/silver-lambda`. */
  readonly codeDirectory: string;
  /** Memory in MB. */
  readonly memorySize: number;
  /** Timeout. */
  readonly timeout: Duration;
  /**
   * Reserved concurrency.
   * @default none (unreserved)
   */
  readonly reservedConcurrency?: number;
  /**
   * Days the function's logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Powertools log level.
   * @default 'INFO'
   */
  readonly logLevel?: string;
}

/**
 * A medallion layer's Lambda function with the defaults every layer shares, all in this
 * construct so that a new layer gets them by default:
 * - Node.js 24 runtime (`nodejs24.x`, the current Lambda runtime), arm64 (Graviton: same speed for this CPU-bound CSV work at lower cost);
 * - the code is the bundle Nx already built (no second bundling here), handler `index.handler`;
 * - its own role with no managed policies (logs to its own log group only; the stack grants S3);
 * - an explicit log group `/medallion/<stage>/<layer>` with retention (default one month), removed with the stack;
 * - Powertools environment: service `medallion`, log level; `MEDALLION_CODE_VERSION`, the bundle's
 *   content hash (16 hex digits), which the layer records in its manifests; `MEDALLION_WORKER_THREADS`
 *   from the memory size (see {@link workerThreadsFor});
 * - asynchronous invocations retried twice, dropped after 6 hours, then sent with the failed event
 *   and the error to an encrypted SQS dead-letter queue (14 days' retention);
 * - alarms, notifying an SNS topic (TLS only; unencrypted, since CloudWatch cannot publish to one
 *   encrypted with the AWS-managed key): any function error in 5 minutes; any message in the DLQ.
 */
/**
 * Worker threads for a function of this memory size: one per full vCPU (Lambda allots one vCPU per
 * 1,769 MB), since the handler's own thread, doing the S3 I/O, is mostly idle beside them; none
 * with a single vCPU, where a worker would only add copying.
 *
 * @param memorySize - the function's memory in MB.
 * @returns the `MEDALLION_WORKER_THREADS` value: 0 up to 3,537 MB, 2 from 3,538 MB, 5 at 10,240 MB.
 */
export function workerThreadsFor(memorySize: number): number {
  const vCpus = Math.floor(memorySize / 1769);
  return vCpus >= 2 ? vCpus : 0;
}

export class LayerFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly deadLetterQueue: Queue;
  readonly alarmTopic: Topic;
  readonly errorAlarm: Alarm;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: LayerFunctionProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the layer; it needs none of its own.',
    });
    this.logGroup = new LogGroup(this, 'LogGroup', {
      logGroupName: `/medallion/${props.stage}/${props.layerName}`,
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logGroup = this.logGroup;
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `medallion ${props.layerName} layer`,
    });
    logGroup.grantWrite(role);
    this.function = new LambdaFunction(this, 'Function', {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      code: Code.fromAsset(props.codeDirectory, { exclude: ['meta.json'] }),
      handler: 'index.handler',
      role,
      logGroup,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'medallion',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        MEDALLION_LAYER: props.layerName,
        // Recorded in every manifest the layer writes: which bundle produced an output.
        MEDALLION_CODE_VERSION: createHash('sha256')
          .update(readFileSync(join(props.codeDirectory, 'index.mjs')))
          .digest('hex')
          .slice(0, 16),
        // Lambda gives one vCPU per 1,769 MB: a worker thread for CSV work per vCPU when there are several.
        MEDALLION_WORKER_THREADS: String(workerThreadsFor(props.memorySize)),
      },
      description: `medallion ${props.layerName} layer`,
    });
    this.alarmTopic = new Topic(this, 'AlarmTopic', { enforceSSL: true });
    Validations.of(this.alarmTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed aws/sns key, and the messages carry only alarm state (no data); a customer-managed key per layer is not worth its cost here.',
    });
    const notify = new SnsAction(this.alarmTopic);
    this.errorAlarm = new Alarm(this, 'ErrorAlarm', {
      alarmDescription: `medallion ${props.layerName}: the function failed at least once in 5 minutes`,
      metric: this.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: `medallion ${props.layerName}: events wait in the dead-letter queue`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.errorAlarm.addAlarmAction(notify);
    this.deadLetterAlarm.addAlarmAction(notify);
  }
}
