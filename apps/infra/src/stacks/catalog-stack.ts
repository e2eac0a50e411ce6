import { lakeDatabaseName, LAKE_TABLES, STORAGE_FORMATS, type CatalogTable } from '@medallion/lake-catalog';
import { Aws, CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnWorkGroup } from 'aws-cdk-lib/aws-athena';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type CfnBucket,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { lakeBucketExportName } from './storage-stack';

/** Props of {@link CatalogStack}. */
export interface CatalogStackProps extends StackProps {
  /** Deployment stage: names the database `medallion_<stage>` and the workgroup `medallion-<stage>`; the lake bucket's name is imported from the storage stack's export for it. */
  readonly stage: string;
  /**
   * The most one query may scan, in bytes; Athena cancels a query past it (and bills $5 per TB scanned).
   * @default 10 GiB
   */
  readonly bytesScannedCutoffPerQuery?: number;
}

/** 10 GiB: a query over a few hundred million customer rows; Athena's minimum is 10 MB. */
const DEFAULT_BYTES_SCANNED_CUTOFF = 10 * 1024 ** 3;

/** Days Athena's query results are kept. */
const RESULT_DAYS = 30;

function tableInputOf(table: CatalogTable, bucketName: string): CfnTable.TableInputProperty {
  const storage = STORAGE_FORMATS[table.format];
  return {
    name: table.name,
    description: table.description,
    tableType: 'EXTERNAL_TABLE',
    parameters: { EXTERNAL: 'TRUE', ...storage.tableParameters },
    storageDescriptor: {
      location: `s3://${bucketName}/${table.prefix}`,
      columns: table.columns.map(({ name, type, comment }) => ({ name, type, comment })),
      inputFormat: storage.inputFormat,
      outputFormat: storage.outputFormat,
      serdeInfo: { serializationLibrary: storage.serializationLibrary, parameters: { ...storage.serdeParameters } },
    },
  };
}

/**
 * The lake, queryable: a Glue database `medallion_<stage>` with one table per `LAKE_TABLES` entry
 * (`@medallion/lake-catalog`: silver's customer tables, gold's long table, platinum's table), each
 * over a prefix that holds only its data files; an Athena workgroup `medallion-<stage>` whose
 * settings are enforced (results in its own bucket, SSE-S3, a bytes-scanned limit per query,
 * CloudWatch metrics); and `medallion-<stage>-lake-reader`, a managed policy for analysts: run
 * queries in that workgroup, read the database's tables and their prefixes, and write results to
 * the results bucket, nothing else of the lake. Deploys alone after the storage stack; no layer's
 * rights change.
 */
export class CatalogStack extends Stack {
  readonly database: CfnDatabase;
  readonly tables: readonly CfnTable[];
  readonly workGroup: CfnWorkGroup;
  readonly resultsBucket: Bucket;
  readonly readerPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: CatalogStackProps) {
    super(scope, id, props);
    const lakeBucketName = Fn.importValue(lakeBucketExportName(props.stage));
    const lake = Bucket.fromBucketName(this, 'Lake', lakeBucketName);
    const databaseName = lakeDatabaseName(props.stage);
    this.database = new CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: { name: databaseName, description: `The medallion lake of stage ${props.stage}` },
    });
    this.tables = LAKE_TABLES.map((table) => {
      const cfn = new CfnTable(this, `Table-${table.name}`, {
        catalogId: Aws.ACCOUNT_ID,
        databaseName,
        tableInput: tableInputOf(table, lakeBucketName),
      });
      cfn.addDependency(this.database);
      return cfn;
    });
    this.resultsBucket = this.createResultsBucket();
    this.workGroup = new CfnWorkGroup(this, 'WorkGroup', {
      name: `medallion-${props.stage}`,
      description: `Queries over the medallion lake of stage ${props.stage}`,
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? DEFAULT_BYTES_SCANNED_CUTOFF,
        engineVersion: { selectedEngineVersion: 'AUTO' },
        resultConfiguration: {
          outputLocation: `s3://${this.resultsBucket.bucketName}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
    this.readerPolicy = this.createReaderPolicy(props.stage, lake, databaseName);
    new CfnOutput(this, 'DatabaseName', { value: databaseName, description: 'The Glue database of the lake' });
    new CfnOutput(this, 'WorkGroupName', { value: this.workGroup.name, description: 'The Athena workgroup' });
    new CfnOutput(this, 'ReaderPolicyArn', {
      value: this.readerPolicy.managedPolicyArn,
      description: 'Attach to analysts who query the lake',
    });
  }

  private createResultsBucket(): Bucket {
    const bucket = new Bucket(this, 'QueryResults', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        {
          id: 'expire-query-results',
          expiration: Duration.days(RESULT_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Retained like the lake: CloudFormation cannot delete a bucket that still holds results.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: `Athena query results only, expired after ${RESULT_DAYS} days; the queries themselves are in CloudTrail and the workgroup's history.`,
    });
    return bucket;
  }

  private createReaderPolicy(stage: string, lake: IBucket, databaseName: string): ManagedPolicy {
    const glueArn = (resource: string) => `arn:${Aws.PARTITION}:glue:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    const policy = new ManagedPolicy(this, 'LakeReader', {
      managedPolicyName: `medallion-${stage}-lake-reader`,
      description: `Query the medallion lake of stage ${stage} with Athena (workgroup medallion-${stage})`,
      statements: [
        new PolicyStatement({
          actions: [
            'athena:StartQueryExecution',
            'athena:StopQueryExecution',
            'athena:GetQueryExecution',
            'athena:GetQueryResults',
            'athena:GetWorkGroup',
            'athena:ListQueryExecutions',
          ],
          resources: [`arn:${Aws.PARTITION}:athena:${Aws.REGION}:${Aws.ACCOUNT_ID}:workgroup/${this.workGroup.name}`],
        }),
        new PolicyStatement({
          // Athena's own view of the Glue catalog (the console's database and table lists).
          actions: [
            'athena:GetDataCatalog',
            'athena:GetDatabase',
            'athena:ListDatabases',
            'athena:GetTableMetadata',
            'athena:ListTableMetadata',
          ],
          resources: [`arn:${Aws.PARTITION}:athena:${Aws.REGION}:${Aws.ACCOUNT_ID}:datacatalog/AwsDataCatalog`],
        }),
        new PolicyStatement({
          actions: ['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartitions'],
          resources: [glueArn('catalog'), glueArn(`database/${databaseName}`), glueArn(`table/${databaseName}/*`)],
        }),
        new PolicyStatement({
          actions: ['s3:GetObject'],
          resources: LAKE_TABLES.map((table) => lake.arnForObjects(`${table.prefix}*`)),
        }),
        new PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [lake.bucketArn] }),
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [lake.bucketArn],
          conditions: {
            StringLike: { 's3:prefix': LAKE_TABLES.flatMap((table) => [table.prefix, `${table.prefix}*`]) },
          },
        }),
        new PolicyStatement({
          actions: [
            's3:GetObject',
            's3:PutObject',
            's3:AbortMultipartUpload',
            's3:ListMultipartUploadParts',
            's3:ListBucket',
            's3:ListBucketMultipartUploads',
            's3:GetBucketLocation',
          ],
          resources: [this.resultsBucket.bucketArn, this.resultsBucket.arnForObjects('results/*')],
        }),
      ],
    });
    for (const table of LAKE_TABLES) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${lakeBucketExportName(stage)}/${table.prefix}*]`,
        reason: `Object ARNs under one table's prefix (${table.prefix}*): the data files of table ${table.name}, nothing else of the lake.`,
      });
    }
    Validations.of(policy).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:table/${databaseName}/*]`,
      reason: `The tables of the lake's own database (${databaseName}); reading the catalog needs the table ARNs.`,
    });
    const resultsId = this.getLogicalId(this.resultsBucket.node.defaultChild as CfnBucket);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${resultsId}.Arn>/results/*]`,
      reason:
        'Athena writes each query result under results/ of the workgroup results bucket, with the caller’s rights.',
    });
    return policy;
  }
}
