import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test-app';

let catalog: Template;
let stacks: ReturnType<typeof testApp>['stacks'];

beforeAll(() => {
  stacks = testApp().stacks;
  catalog = Template.fromStack(stacks.catalog);
});

const LAKE = { 'Fn::ImportValue': 'medallion-test-lake-bucket-name' };
const location = (prefix: string) => ({ 'Fn::Join': ['', ['s3://', LAKE, `/${prefix}`]] });

/** Each Glue table of the template: name → location, format classes, columns and parameters. */
function tablesOf(template: Template) {
  return Object.values(template.findResources('AWS::Glue::Table')).map((resource) => {
    const input = resource.Properties.TableInput;
    const storage = input.StorageDescriptor;
    return {
      name: input.Name,
      database: resource.Properties.DatabaseName,
      location: storage.Location,
      serde: storage.SerdeInfo.SerializationLibrary,
      columns: storage.Columns.map((column: { Name: string; Type: string }) => `${column.Name} ${column.Type}`),
      parameters: input.Parameters,
    };
  });
}

describe('catalog stack', () => {
  it('holds the Glue database medallion_<stage>', () => {
    catalog.hasResourceProperties('AWS::Glue::Database', {
      CatalogId: { Ref: 'AWS::AccountId' },
      DatabaseInput: { Name: 'medallion_test' },
    });
  });

  it('catalogues silver’s customer tables, gold’s long table and platinum’s table, each over its own prefix', () => {
    const parquet = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';
    expect(tablesOf(catalog)).toEqual([
      {
        name: 'silver_customers',
        database: 'medallion_test',
        location: location('silver-customers/'),
        serde: parquet,
        columns: [
          'customer_id string',
          'region string',
          'subscribed boolean',
          'bronze_line int',
          'bronze_key string',
          'bronze_event_time string',
          'bronze_sequencer string',
        ],
        parameters: { EXTERNAL: 'TRUE', classification: 'parquet' },
      },
      {
        name: 'region_customers',
        database: 'medallion_test',
        location: location('gold/region_customers/'),
        serde: parquet,
        columns: ['region string', 'customer_id string'],
        parameters: { EXTERNAL: 'TRUE', classification: 'parquet' },
      },
      {
        name: 'subscription_rate_by_region',
        database: 'medallion_test',
        location: location('platinum/subscription_rate_by_region/'),
        serde: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
        columns: ['region string', 'customers bigint', 'subscribed_customers bigint', 'subscription_rate double'],
        parameters: { EXTERNAL: 'TRUE', classification: 'csv', 'skip.header.line.count': '1' },
      },
    ]);
  });

  it('enforces the workgroup’s settings: results encrypted in its own bucket, 10 GiB scanned per query at most', () => {
    catalog.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'medallion-test',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 10_737_418_240,
        ResultConfiguration: {
          OutputLocation: {
            'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^QueryResults') }, '/results/']],
          },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
    catalog.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-query-results', ExpirationInDays: 30 })] },
    });
  });

  it("gives analysts a policy that reads only the tables' prefixes of the lake", () => {
    const policies = Object.values(catalog.findResources('AWS::IAM::ManagedPolicy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[];
    const lakeStatements = statements.filter((statement) =>
      JSON.stringify(statement.Resource).includes('lake-bucket-name'),
    );
    expect(lakeStatements.map((statement) => statement.Action)).toEqual([
      's3:GetObject',
      's3:GetBucketLocation',
      's3:ListBucket',
    ]);
    expect(
      JSON.stringify(lakeStatements[0]!.Resource)
        .match(/\/[a-z-_/]+\/\*/g)!
        .sort(),
    ).toEqual(['/gold/region_customers/*', '/platinum/subscription_rate_by_region/*', '/silver-customers/*']);
    expect(JSON.stringify(statements)).not.toMatch(/s3:(PutObject|DeleteObject)[^\]]*lake-bucket-name/);
  });

  it('passes cdk-nag', () => {
    const errors = Annotations.fromStack(stacks.catalog).findError('*', Match.stringLikeRegexp('.*'));
    expect(errors.map((error) => error.entry.data)).toEqual([]);
  });
});
