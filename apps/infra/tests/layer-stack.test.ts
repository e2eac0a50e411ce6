import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test-app';
import { workerThreadsFor } from '../src/constructs/layer-function';

let silver: Template;
let gold: Template;
let platinum: Template;

beforeAll(() => {
  const { stacks } = testApp();
  silver = Template.fromStack(stacks.layers['silver']!);
  gold = Template.fromStack(stacks.layers['gold']!);
  platinum = Template.fromStack(stacks.layers['platinum']!);
});

/** Every statement of a layer's role policy, with S3 ARNs flattened to `arn:…:s3:::<bucket>/<prefix>*`. */
function roleStatements(template: Template): unknown[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy'));
  const flatten = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(flatten);
    const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    if (join)
      return join[1]
        .map((part) =>
          typeof part === 'string'
            ? part
            : ((part as { 'Fn::ImportValue'?: string; Ref?: string })['Fn::ImportValue'] ??
              `<${(part as { Ref?: string }).Ref}>`),
        )
        .join('');
    return value;
  };
  return policies
    .flatMap(
      (policy) =>
        (
          policy as {
            Properties: {
              PolicyDocument: { Statement: Array<{ Action: unknown; Resource: unknown; Condition?: unknown }> };
            };
          }
        ).Properties.PolicyDocument.Statement,
    )
    .map((statement) => ({
      Action: statement.Action,
      Resource: flatten(statement.Resource),
      ...(statement.Condition ? { Condition: statement.Condition } : {}),
    }));
}

describe('silver layer stack', () => {
  it('runs the Nx-built bundle on Node.js 24, arm64, sized as documented', () => {
    silver.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 1769,
      Timeout: 900,
      Environment: {
        Variables: {
          POWERTOOLS_SERVICE_NAME: 'medallion',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          MEDALLION_LAYER: 'silver',
          MEDALLION_CODE_VERSION: Match.stringLikeRegexp('^[0-9a-f]{16}$'),
          MEDALLION_WORKER_THREADS: '0',
        },
      },
    });
    silver.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent() });
    silver.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/medallion/test/silver',
      RetentionInDays: 30,
    });
  });

  it('fires only for .csv objects created under bronze/ in the lake bucket', () => {
    silver.resourceCountIs('AWS::Events::Rule', 1);
    silver.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created', 'Object Deleted'],
        detail: {
          bucket: { name: [{ 'Fn::ImportValue': 'medallion-test-lake-bucket-name' }] },
          object: { key: [{ wildcard: 'bronze/*.csv' }, { wildcard: 'bronze/*.CSV' }] },
        },
      },
      Targets: [
        Match.objectLike({
          DeadLetterConfig: Match.anyValue(),
          RetryPolicy: { MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 4 },
        }),
      ],
    });
  });

  it('lets the rule, and only the rule, send to the dead-letter queue', () => {
    silver.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sqs:SendMessage',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: {
              ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('ObjectCreatedRule'), 'Arn'] } },
            },
          }),
        ]),
      },
    });
  });

  it('notifies its alarm topic from both alarms', () => {
    const topic = { Ref: Match.stringLikeRegexp('AlarmTopic') };
    silver.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', AlarmActions: [topic] });
    silver.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      AlarmActions: [topic],
    });
  });

  it('retries twice, then sends the failed event to its dead-letter queue, which is alarmed', () => {
    silver.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] } },
      },
    });
    silver.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    silver.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    silver.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Threshold: 1,
    });
    silver.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
    silver.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('may read bronze/* and what it writes (its manifests; its outputs, which it checks and deletes conditionally), write and clean silver/*, silver-customers/* and quarantine/*, log and dead-letter, nothing else', () => {
    expect(roleStatements(silver)).toEqual([
      {
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': ['LayerLogGroupF9E2B24E', 'Arn'] },
      },
      {
        Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
        Resource: { 'Fn::GetAtt': ['LayerDeadLetterQueue1C258979', 'Arn'] },
      },
      {
        Action: 's3:GetObject',
        Resource: [
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/bronze/*',
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/quarantine/*',
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/silver-customers/*',
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/silver/*',
        ],
      },
      {
        Action: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'],
        Resource: [
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/quarantine/*',
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/silver-customers/*',
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/silver/*',
        ],
      },
    ]);
    silver.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe.each(['gold', 'platinum'])('%s layer stack (an incremental aggregate over silver)', (layer) => {
  const template = () => (layer === 'gold' ? gold : platinum);

  it('is sized as documented, with no reserved concurrency (its event source mapping bounds it)', () => {
    template().hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: Match.absent(),
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1769,
      Timeout: 600,
      Environment: { Variables: Match.objectLike({ MEDALLION_LAYER: layer }) },
    });
    template().hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/medallion/test/${layer}`,
      RetentionInDays: 30,
    });
    template().resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });

  it("sends silver's manifests' events (silver/_manifests/*.json) to its queue, dead-lettering failed deliveries", () => {
    template().resourceCountIs('AWS::Events::Rule', 1);
    template().hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created', 'Object Deleted'],
        detail: {
          bucket: { name: [{ 'Fn::ImportValue': 'medallion-test-lake-bucket-name' }] },
          object: { key: [{ wildcard: 'silver/_manifests/*.json' }] },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventQueue'), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] } },
          RetryPolicy: { MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 4 },
        }),
      ],
    });
    template().hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^EventQueue') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
            Principal: { Service: 'events.amazonaws.com' },
            Condition: {
              ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('ObjectCreatedRule'), 'Arn'] } },
            },
          }),
        ]),
      },
    });
  });

  it('takes its events in batches of 1,000 gathered for 2 s, at most 2 invocations at once, reporting failed messages one by one', () => {
    template().resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventQueue'), 'Arn'] },
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 2,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    // Six times the function timeout (10 minutes), and a message that keeps failing goes to the dead-letter queue after 5 tries.
    template().hasResourceProperties('AWS::SQS::Queue', {
      QueueName: `medallion-test-${layer}-events`,
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 3600,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] },
        maxReceiveCount: 5,
      },
    });
  });

  it(`may list the silver manifests, read silver/* and silver-customers/* (any version) and its own ${layer}/* (the checkpoint), write ${layer}/*, list and delete only its checkpoint's segments, consume its queue, log and dead-letter, nothing else`, () => {
    expect(roleStatements(template())).toEqual([
      {
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': ['LayerLogGroupF9E2B24E', 'Arn'] },
      },
      {
        Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
        Resource: { 'Fn::GetAtt': ['LayerDeadLetterQueue1C258979', 'Arn'] },
      },
      {
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: [
          `arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/${layer}/*`,
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/silver-customers/*',
          'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/silver/*',
        ],
      },
      {
        Action: ['s3:AbortMultipartUpload', 's3:PutObject'],
        Resource: `arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/${layer}/*`,
      },
      {
        Action: 's3:DeleteObject',
        Resource: `arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name/${layer}/_checkpoint/segments/*`,
      },
      {
        Action: 's3:ListBucket',
        Resource: 'arn:<AWS::Partition>:s3:::medallion-test-lake-bucket-name',
        Condition: {
          StringLike: {
            's3:prefix': [
              'silver/_manifests/',
              'silver/_manifests/*',
              `${layer}/_checkpoint/segments/`,
              `${layer}/_checkpoint/segments/*`,
            ],
          },
        },
      },
      {
        Action: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
          'sqs:ReceiveMessage',
        ],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^EventQueue/), 'Arn'] },
      },
    ]);
    template().hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe('workerThreadsFor', () => {
  it('gives one worker thread per full vCPU when there are several (one vCPU per 1,769 MB), none for one', () => {
    expect([128, 1769, 3537, 3538, 5307, 10240].map(workerThreadsFor)).toEqual([0, 0, 0, 2, 3, 5]);
  });
});
