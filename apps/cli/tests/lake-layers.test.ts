import { goldLayer } from '@medallion/gold';
import { LAYER_LAYOUT, PREFIXES } from '@medallion/lake-layout';
import { platinumLayer } from '@medallion/platinum';
import { silverLayer } from '@medallion/silver';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startTestLake } from '@medallion/local-s3/testing';
import { loadLakeLayers } from '../src/lake-layers';

describe('the layer definitions agree with @medallion/lake-layout', () => {
  it('take their name, trigger and output prefix from their layout entry', () => {
    const definitions = [silverLayer, goldLayer, platinumLayer];
    // The first three entries; layers generated later come after them.
    expect(definitions.map((layer) => layer.name)).toEqual(LAYER_LAYOUT.slice(0, 3).map((layout) => layout.name));
    definitions.forEach((layer, index) => {
      const layout = LAYER_LAYOUT[index]!;
      expect([layer.inputPrefix, layer.inputSuffixes, layer.acceptsRemovals, layer.outputPrefix]).toEqual([
        layout.inputPrefix,
        layout.inputSuffixes,
        layout.acceptsRemovals,
        layout.outputPrefix,
      ]);
      expect(layer.kind === 'aggregate' ? layer.queue : undefined).toEqual(layout.queue);
    });
  });

  it('route each layer on its own input prefix in the local runner, with its exported handler on the given client', async () => {
    const lake = await startTestLake();
    onTestFinished(() => lake.close());
    const routes = await loadLakeLayers(lake.s3);
    expect(routes.map((route) => route.name)).toEqual(LAYER_LAYOUT.map((layout) => layout.name));
    expect(routes.slice(0, 3).map((route) => [route.name, route.inputPrefix, route.queue?.batchSize])).toEqual([
      ['silver', PREFIXES.bronze, undefined],
      ['gold', PREFIXES.silverManifests, 1000],
      ['platinum', PREFIXES.silverManifests, 1000],
    ]);
    const gold = routes.find((route) => route.name === 'gold')!;
    // The handler reaches the store through the client it was given: gold writes its (empty) table there.
    const report = await gold.handler(
      buildS3NotificationEvent({
        eventName: 'ObjectRemoved:Delete',
        eventTime: '2026-12-02T00:00:00.000Z',
        bucket: lake.bucket,
        key: 'silver/_manifests/none.csv.json',
        size: 0,
        eTag: '',
        sequencer: '01',
      }),
    );
    expect(report).toMatchObject({ layer: 'gold', results: [{ action: 'rebuilt', customers: 0 }] });
    expect(await lake.text('gold/customers_by_region.csv')).toBe('Region,Subscribed Customers,Customer IDs\n');
    expect(process.env['MEDALLION_S3_ENDPOINT']).toBeUndefined();
  });
});
