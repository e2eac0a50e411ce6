import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AggregateStateTooLargeError, maxAggregateCustomers } from '../src';
import { HEADER, regionsLayer } from './regions-layer';

describe('the state limit', () => {
  it('follows the function memory (MB), an explicit MEDALLION_MAX_CUSTOMERS, and is unlimited off Lambda', () => {
    expect(maxAggregateCustomers({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769' })).toBe(10_576_636);
    expect(maxAggregateCustomers({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '10240' })).toBe(69_793_218);
    expect(maxAggregateCustomers({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769', MEDALLION_MAX_CUSTOMERS: '25' })).toBe(25);
    expect(maxAggregateCustomers({})).toBe(Number.POSITIVE_INFINITY);
    expect(() => maxAggregateCustomers({ MEDALLION_MAX_CUSTOMERS: '10%' })).toThrow(
      'MEDALLION_MAX_CUSTOMERS=10%: give a whole number of customers, 1 or more',
    );
  });

  describe('in a handler', () => {
    let lake: TestLake;
    beforeAll(async () => {
      lake = await startTestLake();
    });
    afterAll(async () => {
      await lake.close();
    });
    afterEach(() => {
      delete process.env['MEDALLION_MAX_CUSTOMERS'];
    });

    it('stops with a clear error before the state passes the limit, writing nothing; an SQS batch gets its messages back', async () => {
      const event = await commitSilverTable(
        lake,
        'big',
        `${HEADER}1,A,Chile,Active,South America\n2,B,Peru,Active,South America\n3,C,Fiji,Active,Oceania\n`,
      );
      process.env['MEDALLION_MAX_CUSTOMERS'] = '2';
      const handler = createLayerHandler(regionsLayer(), { s3: lake.s3 });
      const failure = await handler(event).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AggregateStateTooLargeError);
      expect((failure as Error).message).toBe(
        "regions: the state would hold 3 customers, over the limit of 2 for this function's memory (150 bytes a customer at the peak of a merge); give the function more memory (about 1 GB per 7 million customers) or set MEDALLION_MAX_CUSTOMERS",
      );
      expect(await lake.keys('regions/')).toEqual([]);
      const batch = {
        Records: [
          {
            messageId: 'm-7',
            receiptHandle: 'r',
            body: JSON.stringify(event),
            eventSource: 'aws:sqs',
            attributes: {},
            messageAttributes: {},
            md5OfBody: '',
            eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
            awsRegion: 'us-east-1',
          },
        ],
      };
      expect((await handler(batch)).batchItemFailures).toEqual([{ itemIdentifier: 'm-7' }]);
      process.env['MEDALLION_MAX_CUSTOMERS'] = '3';
      expect((await handler(event)).results[0]).toMatchObject({ action: 'rebuilt', customers: 3 });
    });
  });
});
