import { S3Client } from '@aws-sdk/client-s3';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { describe, expect, it, vi } from 'vitest';
import { createLayerHandler, type MapLayer } from '../src';

/** A layer with no I/O: it reports one result per object, and metrics from it. */
const countingLayer: MapLayer<{ rows: number; failedRule: number }> = {
  kind: 'map',
  name: 'counting',
  inputPrefix: 'in/',
  inputSuffixes: ['.csv'],
  outputPrefix: 'out/',
  acceptsRemovals: false,
  metricsOf: (result) => [
    { name: 'RowsIn', unit: 'Count', value: result.rows },
    { name: 'RuleFailures.customer-id-present', unit: 'Count', value: result.failedRule },
  ],
  processObject: async (_env, object) => {
    if (object.key === 'in/broken.csv') throw new Error('storage down');
    return { rows: object.key === 'in/a.csv' ? 3 : 4, failedRule: 1 };
  },
};

const event = (...keys: string[]) => ({
  Records: keys.flatMap(
    (key) =>
      buildS3NotificationEvent({
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-29T12:00:00.000Z',
        bucket: 'b',
        key,
        size: 1,
        eTag: 'e',
        sequencer: '01',
      }).Records,
  ),
});

describe('layer metrics', () => {
  it('publishes one CloudWatch EMF record per invocation: the layer’s metrics summed over its objects, failures and duration', async () => {
    process.env['POWERTOOLS_METRICS_DISABLED'] = 'false';
    const handler = createLayerHandler(countingLayer, { s3: new S3Client({ region: 'us-east-1' }) });
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await expect(handler(event('in/a.csv', 'in/b.csv', 'in/broken.csv'))).rejects.toThrow(
        'counting: 1 object(s) failed: in/broken.csv: storage down',
      );
    } finally {
      spy.mockRestore();
      process.env['POWERTOOLS_METRICS_DISABLED'] = 'true';
    }
    const emf = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => '_aws' in record)!;
    const definition = (
      emf['_aws'] as {
        CloudWatchMetrics: Array<{
          Namespace: string;
          Dimensions: string[][];
          Metrics: Array<{ Name: string; Unit: string }>;
        }>;
      }
    ).CloudWatchMetrics[0]!;
    expect(definition.Namespace).toBe('medallion');
    expect(definition.Dimensions).toEqual([['service', 'layer']]);
    expect(definition.Metrics.map((m) => [m.Name, m.Unit])).toEqual([
      ['RowsIn', 'Count'],
      ['RuleFailures.customer-id-present', 'Count'],
      ['FailedObjects', 'Count'],
      ['Duration', 'Milliseconds'],
    ]);
    expect(emf).toMatchObject({
      layer: 'counting',
      RowsIn: 7,
      'RuleFailures.customer-id-present': 2,
      FailedObjects: 1,
    });
    expect(typeof emf['Duration']).toBe('number');
  });
});
